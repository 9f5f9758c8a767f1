#include "imap/utf7.h"

#include <cstdint>
#include <cstdio>
#include <vector>

namespace mailbridge::imap {

namespace {

// The base64 alphabet of RFC 4648 with ',' in place of '/'.
constexpr char base64_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

bool is_printable_ascii(uint32_t c)
{
    return c >= 0x20 && c <= 0x7e;
}

int base64_value(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == ',')
        return 63;
    return -1;
}

std::string hex_byte(unsigned char c)
{
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "0x%02X", c);
    return buffer;
}

// Decode the UTF-8 sequence at text[pos]. Sets code_point and length, or
// returns false for an invalid or incomplete sequence.
bool decode_utf8(std::string_view text, size_t pos, uint32_t &code_point, size_t &length)
{
    unsigned char lead = static_cast<unsigned char>(text[pos]);
    uint32_t minimum = 0;
    if (lead < 0x80) {
        code_point = lead;
        length = 1;
        return true;
    }
    if (lead >= 0xc2 && lead <= 0xdf) {
        code_point = lead & 0x1f;
        length = 2;
        minimum = 0x80;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        code_point = lead & 0x0f;
        length = 3;
        minimum = 0x800;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        code_point = lead & 0x07;
        length = 4;
        minimum = 0x10000;
    } else {
        return false;
    }
    if (text.size() - pos < length)
        return false;
    for (size_t i = 1; i < length; ++i) {
        unsigned char next = static_cast<unsigned char>(text[pos + i]);
        if ((next & 0xc0) != 0x80)
            return false;
        code_point = (code_point << 6) | (next & 0x3f);
    }
    if (code_point < minimum || code_point > 0x10ffff)
        return false;
    return code_point < 0xd800 || code_point > 0xdfff;
}

void append_utf8(std::string &out, uint32_t code_point)
{
    if (code_point < 0x80) {
        out += static_cast<char>(code_point);
    } else if (code_point < 0x800) {
        out += static_cast<char>(0xc0 | (code_point >> 6));
        out += static_cast<char>(0x80 | (code_point & 0x3f));
    } else if (code_point < 0x10000) {
        out += static_cast<char>(0xe0 | (code_point >> 12));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (code_point & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | (code_point >> 18));
        out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (code_point & 0x3f));
    }
}

// Append "&", the UTF-16BE bytes in modified base64 and "-" to out.
void append_encoded_run(std::string &out, const std::vector<uint8_t> &utf16)
{
    out += '&';
    uint32_t bits = 0;
    int bit_count = 0;
    for (uint8_t byte : utf16) {
        bits = (bits << 8) | byte;
        bit_count += 8;
        while (bit_count >= 6) {
            bit_count -= 6;
            out += base64_alphabet[(bits >> bit_count) & 0x3f];
        }
    }
    if (bit_count > 0)
        out += base64_alphabet[(bits << (6 - bit_count)) & 0x3f];
    out += '-';
}

bool set_error(std::string *error, std::string message)
{
    if (error)
        *error = std::move(message);
    return false;
}

// Decode the base64 between '&' and '-' (run, starting at offset start of the
// input) and append its characters to out as UTF-8.
bool decode_run(std::string_view run, size_t start, std::string &out, std::string *error)
{
    std::vector<uint8_t> bytes;
    uint32_t bits = 0;
    int bit_count = 0;
    for (size_t i = 0; i < run.size(); ++i) {
        int value = base64_value(run[i]);
        if (value < 0) {
            return set_error(error, "invalid modified UTF-7: '" + std::string(1, run[i]) +
                                        "' at offset " + std::to_string(start + i) + " is not a base64 character");
        }
        bits = (bits << 6) | static_cast<uint32_t>(value);
        bit_count += 6;
        if (bit_count >= 8) {
            bit_count -= 8;
            bytes.push_back(static_cast<uint8_t>((bits >> bit_count) & 0xff));
        }
    }
    size_t run_end = start + run.size();
    if (bit_count >= 6 || (bits & ((1u << bit_count) - 1)) != 0) {
        return set_error(error, "invalid modified UTF-7: the base64 run ending at offset " +
                                    std::to_string(run_end) + " has extra or nonzero padding bits");
    }
    if (bytes.size() % 2 != 0) {
        return set_error(error, "invalid modified UTF-7: the base64 run ending at offset " +
                                    std::to_string(run_end) + " has an odd number of UTF-16 bytes");
    }

    for (size_t i = 0; i < bytes.size(); i += 2) {
        uint32_t unit = (static_cast<uint32_t>(bytes[i]) << 8) | bytes[i + 1];
        uint32_t code_point = unit;
        if (unit >= 0xdc00 && unit <= 0xdfff) {
            return set_error(error, "invalid modified UTF-7: unpaired low surrogate in the run ending at offset " +
                                        std::to_string(run_end));
        }
        if (unit >= 0xd800 && unit <= 0xdbff) {
            uint32_t low = i + 3 < bytes.size() ? (static_cast<uint32_t>(bytes[i + 2]) << 8) | bytes[i + 3] : 0;
            if (low < 0xdc00 || low > 0xdfff) {
                return set_error(error,
                                 "invalid modified UTF-7: unpaired high surrogate in the run ending at offset " +
                                     std::to_string(run_end));
            }
            code_point = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
            i += 2;
        }
        if (code_point == 0) {
            return set_error(error, "invalid modified UTF-7: U+0000 in the run ending at offset " +
                                        std::to_string(run_end));
        }
        if (is_printable_ascii(code_point)) {
            return set_error(error, "invalid modified UTF-7: printable character '" +
                                        std::string(1, static_cast<char>(code_point)) +
                                        "' is base64-encoded in the run ending at offset " + std::to_string(run_end));
        }
        append_utf8(out, code_point);
    }
    return true;
}

}  // namespace

std::optional<std::string> encode_modified_utf7(std::string_view utf8, std::string *error)
{
    std::string out;
    std::vector<uint8_t> utf16;
    size_t pos = 0;
    while (pos < utf8.size()) {
        uint32_t code_point = 0;
        size_t length = 0;
        if (!decode_utf8(utf8, pos, code_point, length)) {
            set_error(error, "invalid UTF-8: byte " + hex_byte(static_cast<unsigned char>(utf8[pos])) +
                                 " at offset " + std::to_string(pos) + " does not start a valid sequence");
            return std::nullopt;
        }
        if (code_point == 0) {
            set_error(error, "U+0000 at offset " + std::to_string(pos) + " cannot be encoded in a mailbox name");
            return std::nullopt;
        }

        if (is_printable_ascii(code_point)) {
            if (!utf16.empty()) {
                append_encoded_run(out, utf16);
                utf16.clear();
            }
            out += code_point == '&' ? "&-" : std::string(1, static_cast<char>(code_point));
        } else if (code_point < 0x10000) {
            utf16.push_back(static_cast<uint8_t>(code_point >> 8));
            utf16.push_back(static_cast<uint8_t>(code_point & 0xff));
        } else {
            uint32_t offset = code_point - 0x10000;
            uint32_t high = 0xd800 + (offset >> 10);
            uint32_t low = 0xdc00 + (offset & 0x3ff);
            utf16.push_back(static_cast<uint8_t>(high >> 8));
            utf16.push_back(static_cast<uint8_t>(high & 0xff));
            utf16.push_back(static_cast<uint8_t>(low >> 8));
            utf16.push_back(static_cast<uint8_t>(low & 0xff));
        }
        pos += length;
    }
    if (!utf16.empty())
        append_encoded_run(out, utf16);
    return out;
}

std::optional<std::string> decode_modified_utf7(std::string_view utf7, std::string *error)
{
    std::string out;
    bool after_encoded_run = false;
    size_t pos = 0;
    while (pos < utf7.size()) {
        unsigned char c = static_cast<unsigned char>(utf7[pos]);
        if (!is_printable_ascii(c)) {
            set_error(error, "invalid modified UTF-7: byte " + hex_byte(c) + " at offset " + std::to_string(pos) +
                                 " is not printable US-ASCII");
            return std::nullopt;
        }
        if (c != '&') {
            out += static_cast<char>(c);
            after_encoded_run = false;
            ++pos;
            continue;
        }

        size_t dash = utf7.find('-', pos + 1);
        if (dash == std::string_view::npos) {
            set_error(error, "invalid modified UTF-7: '&' at offset " + std::to_string(pos) + " has no closing '-'");
            return std::nullopt;
        }
        if (dash == pos + 1) {
            out += '&';
            after_encoded_run = false;
            pos = dash + 1;
            continue;
        }
        if (after_encoded_run) {
            set_error(error, "invalid modified UTF-7: the encoded run at offset " + std::to_string(pos) +
                                 " directly follows another one, which it should have been merged with");
            return std::nullopt;
        }
        if (!decode_run(utf7.substr(pos + 1, dash - pos - 1), pos + 1, out, error))
            return std::nullopt;
        after_encoded_run = true;
        pos = dash + 1;
    }
    return out;
}

}  // namespace mailbridge::imap

#include "mimeparse/ext_imap.h"

#include <cstring>

namespace mailbridge::mimeparse::ext_imap {
namespace {

// Returns text up to its first NUL, as a C string function would see it.
std::string_view c_string(std::string_view text)
{
    std::size_t nul = text.find('\0');
    return nul == std::string_view::npos ? text : text.substr(0, nul);
}

enum : int { kWhitespace = -1, kPadding = -2, kJunk = -3 };

int base64_class(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == '/')
        return 63;
    if (c == '=')
        return kPadding;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\0')
        return kWhitespace;
    return kJunk;
}

bool is_hex_digit(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

int hex_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    return (c >= 'A' && c <= 'F') ? c - 'A' + 10 : c - 'a' + 10;
}

}  // namespace

std::optional<std::string> base64_decode(std::string_view text)
{
    std::string out;
    unsigned int partial = 0;  // bits of the byte being assembled
    int position = 0;          // characters seen in the current group
    for (std::size_t i = 0; i < text.size(); ++i) {
        int value = base64_class(static_cast<unsigned char>(text[i]));
        if (value == kWhitespace)
            continue;
        if (value == kJunk)
            return std::nullopt;
        if (value == kPadding) {
            if (position == 3)
                return out;  // the rest of the input is ignored
            if (position == 2 && i + 1 < text.size() && text[i + 1] == '=') {
                // "xx==": the second "=" completes the group and ends the data.
                return out;
            }
            return std::nullopt;
        }
        auto bits = static_cast<unsigned int>(value);
        switch (position) {
        case 0:
            partial = bits << 2;
            break;
        case 1:
            out.push_back(static_cast<char>((partial | (bits >> 4)) & 0xFF));
            partial = bits << 4;
            break;
        case 2:
            out.push_back(static_cast<char>((partial | (bits >> 2)) & 0xFF));
            partial = bits << 6;
            break;
        case 3:
            out.push_back(static_cast<char>((partial | bits) & 0xFF));
            break;
        }
        position = (position + 1) % 4;
    }
    return out;
}

std::string qprint_decode(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    // Length of out up to its last character that is not a trailing space;
    // a line break cuts out back to it.
    std::size_t kept = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        auto c = static_cast<unsigned char>(text[i++]);
        if (c == '=') {
            if (i >= text.size())
                break;  // a final "=" is dropped
            auto next = static_cast<unsigned char>(text[i++]);
            if (next == '\0') {
                --i;  // the NUL is read again as an ordinary byte
            } else if (next == '\r' || next == '\n') {
                if (next == '\r' && i < text.size() && text[i] == '\n')
                    ++i;
                kept = out.size();  // soft line break: spaces before it stay
            } else if (is_hex_digit(next) && i < text.size() && text[i] != '\0' &&
                       is_hex_digit(static_cast<unsigned char>(text[i]))) {
                out.push_back(static_cast<char>(hex_value(next) * 16 + hex_value(static_cast<unsigned char>(text[i]))));
                ++i;
                kept = out.size();
            } else {
                // c-client reads the byte after a hex digit before it checks
                // it, so that byte is lost.
                if (is_hex_digit(next) && i < text.size())
                    ++i;
                out.push_back('=');
                out.push_back(static_cast<char>(next));
                kept = out.size();
            }
        } else if (c == ' ') {
            out.push_back(' ');
        } else {
            if (c == '\r' || c == '\n')
                out.resize(kept);
            out.push_back(static_cast<char>(c));
            kept = out.size();
        }
    }
    return out;
}

std::optional<std::vector<MimeHeaderSegment>> mime_header_decode(std::string_view value)
{
    std::vector<MimeHeaderSegment> segments;
    auto add_plain = [&segments](std::string_view text) {
        segments.push_back({"default", std::string(c_string(text))});
    };
    // ext/imap reads one byte past the end, where PHP strings have a NUL.
    auto byte_at = [&value](std::size_t i) { return i < value.size() ? value[i] : '\0'; };

    const std::size_t end = value.size();
    std::size_t offset = 0;
    while (offset < end) {
        std::size_t word_start = value.find("=?", offset);
        if (word_start == std::string_view::npos) {
            add_plain(value.substr(offset));
            break;
        }
        if (word_start != offset)
            add_plain(value.substr(offset, word_start - offset));

        std::size_t question = value.find('?', word_start + 2);
        std::size_t text_start = question == std::string_view::npos ? end + 1 : question + 3;
        std::size_t word_end = text_start <= end ? value.find("?=", text_start) : std::string_view::npos;
        if (word_end == std::string_view::npos) {
            add_plain(value.substr(word_start));
            break;
        }

        std::string_view charset = value.substr(word_start + 2, question - (word_start + 2));
        char encoding = value[question + 1];
        std::string text(c_string(value.substr(text_start, word_end - text_start)));
        std::string decoded;
        if (encoding == 'q' || encoding == 'Q') {
            for (char &c : text) {
                if (c == '_')
                    c = ' ';
            }
            decoded = qprint_decode(text);
        } else if (encoding == 'b' || encoding == 'B') {
            std::optional<std::string> bytes = base64_decode(text);
            if (!bytes)
                return std::nullopt;
            decoded = std::move(*bytes);
        } else {
            decoded = text;
        }
        segments.push_back({std::string(c_string(charset)), std::string(c_string(decoded))});

        offset = word_end + 2;
        std::size_t skip = 0;
        while (std::strchr(" \n\r\t", byte_at(offset + skip)) != nullptr && byte_at(offset + skip) != '\0')
            ++skip;
        if (byte_at(offset + skip) == '=' && byte_at(offset + skip + 1) == '?' && offset + skip < end)
            offset += skip;
    }
    return segments;
}

}  // namespace mailbridge::mimeparse::ext_imap

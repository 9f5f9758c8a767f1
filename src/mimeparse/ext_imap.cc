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
    std::size_t kept_length = 0;
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
                kept_length = out.size();  // soft line break: spaces before it stay
            } else if (is_hex_digit(next) && i < text.size() && text[i] != '\0' &&
                       is_hex_digit(static_cast<unsigned char>(text[i]))) {
                out.push_back(static_cast<char>(hex_value(next) * 16 + hex_value(static_cast<unsigned char>(text[i]))));
                ++i;
                kept_length = out.size();
            } else {
                // c-client reads the byte after a hex digit before it checks
                // it, so that byte is lost.
                if (is_hex_digit(next) && i < text.size())
                    ++i;
                out.push_back('=');
                out.push_back(static_cast<char>(next));
                kept_length = out.size();
            }
        } else if (c == ' ') {
            out.push_back(' ');
        } else {
            if (c == '\r' || c == '\n')
                out.resize(kept_length);
            out.push_back(static_cast<char>(c));
            kept_length = out.size();
        }
    }
    return out;
}

namespace {

// Reads one logical header line as c-client's rfc822_parse_msg does, from
// headers[position], and moves position past it.
std::string read_logical_line(std::string_view headers, std::size_t &position)
{
    std::string line;
    while (position < headers.size()) {
        char c = headers[position++];
        char next = position < headers.size() ? headers[position] : '\0';
        if (c == '\r' && next == '\n')
            continue;  // the LF decides
        if (c == '\r' || c == '\n') {
            if (next != ' ' && next != '\t')
                break;  // end of the logical line
            continue;   // folding: the line break goes, the whitespace stays
        }
        line.push_back(c == '\t' ? ' ' : c);
    }
    return line;
}

std::string without_spaces(std::string_view text)
{
    std::string out;
    for (char c : text) {
        if (c != ' ')
            out.push_back(c);
    }
    return out;
}

std::string to_upper_ascii(std::string_view text)
{
    std::string out(text);
    for (char &c : out) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

}  // namespace

Envelope parse_rfc822_headers(std::string_view headers, std::string_view default_host, const AddressListLimits &limits)
{
    Envelope envelope;
    auto add_addresses = [&](std::vector<Address> &list, std::string_view value) {
        AddressList parsed = parse_address_list(value, default_host, limits);
        for (Address &address : parsed.addresses)
            list.push_back(std::move(address));
        for (std::string &error : parsed.errors)
            envelope.errors.push_back(std::move(error));
    };
    auto set_first = [](std::optional<std::string> &field, std::string_view value) {
        if (!field)
            field = std::string(value);
    };

    std::size_t position = 0;
    while (position < headers.size() && headers[position] != '\n') {
        std::string line = read_logical_line(headers, position);
        std::string_view text = c_string(line);
        std::size_t colon = text.find(':');
        if (colon == std::string_view::npos)
            continue;
        std::string_view name = text.substr(0, colon);
        while (!name.empty() && name.back() == ' ')
            name.remove_suffix(1);
        std::string_view value = text.substr(colon + 1);
        while (!value.empty() && value.front() == ' ')
            value.remove_prefix(1);

        std::string upper = to_upper_ascii(name);
        if (upper == "FROM" || upper == ">FROM")
            add_addresses(envelope.from, value);
        else if (upper == "TO")
            add_addresses(envelope.to, value);
        else if (upper == "CC")
            add_addresses(envelope.cc, value);
        else if (upper == "BCC")
            add_addresses(envelope.bcc, value);
        else if (upper == "REPLY-TO")
            add_addresses(envelope.reply_to, value);
        else if (upper == "SENDER")
            add_addresses(envelope.sender, value);
        else if (upper == "DATE")
            set_first(envelope.date, value);
        else if (upper == "SUBJECT")
            set_first(envelope.subject, value);
        else if (upper == "MESSAGE-ID")
            set_first(envelope.message_id, value);
        else if (upper == "IN-REPLY-TO")
            set_first(envelope.in_reply_to, value);
        else if (upper == "REFERENCES")
            set_first(envelope.references, value);
        else if (upper == "NEWSGROUPS" && !envelope.newsgroups)
            envelope.newsgroups = without_spaces(value);
        else if (upper == "FOLLOWUP-TO")
            envelope.followup_to = without_spaces(value);
    }
    if (envelope.sender.empty())
        envelope.sender = envelope.from;
    if (envelope.reply_to.empty())
        envelope.reply_to = envelope.from;
    return envelope;
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

#include "mime/address.h"

#include <arpa/inet.h>
#include <idn2.h>

#include <algorithm>
#include <cstdio>
#include <memory>

#include "mime/encoding.h"

namespace mailbridge::mime {
namespace {

// RFC 5321 section 4.5.3.1: a local part has at most 64 octets, and a path
// at most 256 including the angle brackets, which leaves 254 for the
// address. RFC 1035 section 2.3.4: a name has at most 255 octets on the
// wire (253 as dotted text) and a label at most 63.
constexpr std::size_t kMaxLocalPartLength = 64;
constexpr std::size_t kMaxAddressLength = 254;
constexpr std::size_t kMaxDomainLength = 253;
constexpr std::size_t kMaxLabelLength = 63;
constexpr std::size_t kMaxQuotedValueLength = 200;

bool is_wsp(char c)
{
    return c == ' ' || c == '\t';
}

bool is_ascii_alphanumeric(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_ascii(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string to_lower_ascii(std::string_view text)
{
    std::string out(text);
    for (char &c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::string_view trim_wsp(std::string_view text)
{
    while (!text.empty() && is_wsp(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && is_wsp(text.back()))
        text.remove_suffix(1);
    return text;
}

// RFC 5322 atext, with the UTF-8 bytes that RFC 6532 section 3.2 adds.
bool is_atext(char c)
{
    return is_ascii_alphanumeric(c) || static_cast<unsigned char>(c) >= 0x80 ||
           std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

// RFC 5322 section 3.2.3 dot-atom-text.
bool is_dot_atom(std::string_view text)
{
    if (text.empty() || text.front() == '.' || text.back() == '.' || text.find("..") != std::string_view::npos)
        return false;
    return std::all_of(text.begin(), text.end(), [](char c) { return c == '.' || is_atext(c); });
}

// RFC 5321 section 4.1.2 qtextSMTP (space and printable ASCII except '"'
// and '\'), with UTF-8 from RFC 6531 section 3.3.
bool is_quoted_text(char c)
{
    auto byte = static_cast<unsigned char>(c);
    return (byte >= 32 && byte <= 126 && c != '"' && c != '\\') || byte >= 0x80;
}

std::string quote_local_part(std::string_view local_part)
{
    std::string out = "\"";
    for (char c : local_part) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '"';
    return out;
}

std::string local_part_text(std::string_view local_part)
{
    return is_dot_atom(local_part) ? std::string(local_part) : quote_local_part(local_part);
}

[[noreturn]] void reject_address(std::string_view text, std::string_view reason)
{
    throw InvalidInput("invalid address " + quote_for_error(text) + ": " + std::string(reason));
}

[[noreturn]] void reject_domain(std::string_view domain, std::string_view reason)
{
    throw InvalidInput("invalid domain " + quote_for_error(domain) + ": " + std::string(reason));
}

// Text of the quoted string that starts at text[0] == '"', without quotes
// and with quoted pairs resolved; end receives the index after the closing
// quote. Returns false when the quote is not closed or a character is not
// allowed in a quoted string.
bool unquote(std::string_view text, std::string &content, std::size_t &end)
{
    content.clear();
    for (std::size_t i = 1; i < text.size(); ++i) {
        char c = text[i];
        if (c == '"') {
            end = i + 1;
            return true;
        }
        if (c == '\\') {
            // RFC 5321 quoted-pairSMTP: a backslash and one printable ASCII character.
            if (i + 1 == text.size())
                return false;
            auto next = static_cast<unsigned char>(text[i + 1]);
            if (next < 32 || next > 126)
                return false;
            content += text[++i];
            continue;
        }
        if (!is_quoted_text(c) && c != '\t')
            return false;
        content += c;
    }
    return false;
}

// RFC 5322 section 3.4 display-name: words and quoted strings, kept as
// written apart from the quoting. Specials outside quotes are accepted
// because callers write names such as "Doe, Jane" without quotes.
// NOTE: RFC 2047 encoded words are not decoded here, so a name passed in
// already encoded reaches the recipient as its literal "=?...?=" text.
std::string parse_display_name(std::string_view text, std::string_view original)
{
    text = trim_wsp(text);
    std::string name;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] != '"') {
            name += text[i++];
            continue;
        }
        std::string content;
        std::size_t end = 0;
        if (!unquote(text.substr(i), content, end))
            reject_address(original, "the display name has an unterminated or invalid quoted string");
        name += content;
        i += end;
    }
    return name;
}

// RFC 5321 section 4.1.3 address literal: IPv4 dotted quad or "IPv6:" and
// an IPv6 address.
bool is_address_literal(std::string_view domain)
{
    if (domain.size() < 3 || domain.front() != '[' || domain.back() != ']')
        return false;
    std::string inside(domain.substr(1, domain.size() - 2));
    unsigned char buffer[16];
    constexpr std::string_view ipv6_tag = "ipv6:";
    if (to_lower_ascii(inside.substr(0, ipv6_tag.size())) == ipv6_tag)
        return inet_pton(AF_INET6, inside.c_str() + ipv6_tag.size(), buffer) == 1;
    return inet_pton(AF_INET, inside.c_str(), buffer) == 1;
}

// RFC 1035 section 2.3.1 and RFC 1123 section 2.1: letters, digits and
// hyphens, no hyphen at either end of a label. Returns the reason it is not
// a host name, or an empty string.
std::string host_name_problem(std::string_view domain)
{
    if (domain.size() > kMaxDomainLength)
        return "it is longer than " + std::to_string(kMaxDomainLength) + " octets";
    std::size_t start = 0;
    while (true) {
        std::size_t end = std::min(domain.find('.', start), domain.size());
        std::string_view label = domain.substr(start, end - start);
        if (label.empty())
            return "it has an empty label";
        if (label.size() > kMaxLabelLength)
            return "a label is longer than " + std::to_string(kMaxLabelLength) + " octets";
        if (label.front() == '-' || label.back() == '-')
            return "a label starts or ends with '-'";
        bool letters_digits_hyphens = std::all_of(label.begin(), label.end(),
                                                  [](char c) { return is_ascii_alphanumeric(c) || c == '-'; });
        if (!letters_digits_hyphens)
            return "a label has a character other than a letter, digit or '-'";
        if (end == domain.size())
            return "";
        start = end + 1;
    }
}

struct Idn2Deleter {
    void operator()(char *p) const { idn2_free(p); }
};

// IDNA2008 (RFC 5891) through libidn2 with UTS #46 nontransitional mapping,
// which also lowercases. Only a disallowed character is retried with
// transitional processing, which accepts symbol labels (for example U+2764
// HEAVY BLACK HEART) that IDNA2003 allowed, and such domains exist. Other
// failures are not retried because transitional processing would turn the
// name into another domain: it deletes U+200C ZERO WIDTH NON-JOINER.
// NOTE: a name with such a symbol and a ß or ς still gets the transitional
// mapping of those to "ss" and "σ".
// Throws InvalidInput with libidn2's reason for the nontransitional failure.
std::string to_ascii_labels(std::string_view domain)
{
    std::string input(domain);
    char *output = nullptr;
    int status = idn2_to_ascii_8z(input.c_str(), &output, IDN2_NFC_INPUT | IDN2_NONTRANSITIONAL);
    if (status == IDN2_DISALLOWED) {
        int transitional_status = idn2_to_ascii_8z(input.c_str(), &output, IDN2_NFC_INPUT | IDN2_TRANSITIONAL);
        if (transitional_status == IDN2_OK)
            status = IDN2_OK;
    }
    if (status != IDN2_OK)
        reject_domain(domain, std::string("IDNA conversion failed: ") + idn2_strerror(status));
    std::unique_ptr<char, Idn2Deleter> owned(output);
    return std::string(owned.get());
}

// An ASCII label starting "xn--" must be a valid A-label (RFC 5890 section
// 2.3.2.1), so a mistyped one is reported here and not by the recipient.
void check_a_labels(std::string_view domain)
{
    std::size_t start = 0;
    while (start <= domain.size()) {
        std::size_t end = std::min(domain.find('.', start), domain.size());
        std::string_view label = domain.substr(start, end - start);
        if (to_lower_ascii(label.substr(0, 4)) == "xn--")
            to_ascii_labels(label);
        start = end + 1;
    }
}

// ASCII form of a domain (A-labels) or an address literal as written.
std::string ascii_domain(std::string_view domain)
{
    if (domain.empty())
        reject_domain(domain, "it is empty");
    if (domain.front() == '[') {
        if (!is_address_literal(domain))
            reject_domain(domain, "an address literal must be [IPv4 address] or [IPv6:address]");
        return std::string(domain);
    }

    std::string ascii = is_ascii(domain) ? std::string(domain) : to_ascii_labels(domain);
    std::string problem = host_name_problem(ascii);
    if (!problem.empty())
        reject_domain(domain, problem);
    check_a_labels(ascii);
    return ascii;
}

// RFC 5322 section 3.4.1 addr-spec: a dot-atom or quoted-string local part,
// '@' and a domain. '<' and '>' are rejected anywhere, even quoted, so the
// result can never end an SMTP path early.
Address parse_addr_spec(std::string_view spec, std::string_view original)
{
    if (spec.find_first_of("<>") != std::string_view::npos)
        reject_address(original, "'<' and '>' are only allowed around the address");

    Address address;
    std::size_t at = 0;
    if (!spec.empty() && spec.front() == '"') {
        std::size_t end = 0;
        if (!unquote(spec, address.local_part, end))
            reject_address(original, "the local part has an unterminated or invalid quoted string");
        if (end == spec.size() || spec[end] != '@')
            reject_address(original, "missing '@' after the quoted local part");
        // RFC 5321 qtextSMTP has no tab, though an RFC 5322 display name may.
        if (address.local_part.find('\t') != std::string::npos)
            reject_address(original, "the quoted local part contains a tab");
        at = end;
    } else {
        at = spec.find('@');
        if (at == std::string_view::npos)
            reject_address(original, "missing '@'");
        address.local_part = std::string(spec.substr(0, at));
        if (!address.local_part.empty() && !is_dot_atom(address.local_part))
            reject_address(original,
                           "the local part is not a valid dot-atom; quote it or remove the invalid characters");
    }
    if (address.local_part.empty())
        reject_address(original, "the local part before '@' is empty");

    std::string_view domain = spec.substr(at + 1);
    if (domain.empty())
        reject_address(original, "the domain after '@' is empty");
    address.domain = ascii_domain(domain);
    address.domain_unicode = std::string(domain);

    if (local_part_text(address.local_part).size() > kMaxLocalPartLength)
        reject_address(original, "the local part is longer than " + std::to_string(kMaxLocalPartLength) + " octets");
    if (address.addr_spec().size() > kMaxAddressLength)
        reject_address(original, "the address is longer than " + std::to_string(kMaxAddressLength) + " octets");
    return address;
}

// Index of the first '<' outside a quoted string, or npos.
std::size_t find_angle_address(std::string_view text)
{
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (quoted && text[i] == '\\') {
            ++i;
            continue;
        }
        if (text[i] == '"')
            quoted = !quoted;
        else if (!quoted && text[i] == '<')
            return i;
    }
    return std::string_view::npos;
}

bool has_unquoted_angle_close(std::string_view text)
{
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (quoted && text[i] == '\\') {
            ++i;
            continue;
        }
        if (text[i] == '"')
            quoted = !quoted;
        else if (!quoted && text[i] == '>')
            return true;
    }
    return false;
}

}  // namespace

std::string quote_for_error(std::string_view value)
{
    std::string out = "\"";
    std::size_t pos = 0;
    while (pos < value.size() && pos < kMaxQuotedValueLength) {
        auto c = static_cast<unsigned char>(value[pos]);
        std::size_t length = utf8_sequence_length(value, pos);
        if (c >= 0x80 && length > 0) {
            out.append(value.substr(pos, length));
            pos += length;
            continue;
        }
        switch (c) {
        case '\r': out += "\\r"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\0': out += "\\0"; break;
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        default:
            if (c < 0x20 || c >= 0x7f) {
                char escaped[5];
                std::snprintf(escaped, sizeof escaped, "\\x%02X", c);
                out += escaped;
            } else {
                out += static_cast<char>(c);
            }
        }
        ++pos;
    }
    out += '"';
    if (pos < value.size())
        out += "...";
    return out;
}

void check_single_line(std::string_view value_name, std::string_view value)
{
    if (value.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos)
        throw InvalidInput("invalid " + std::string(value_name) + " " + quote_for_error(value) +
                           ": CR, LF and NUL are not allowed");
}

void check_utf8(std::string_view value_name, std::string_view value)
{
    if (!is_valid_utf8(value))
        throw InvalidInput("invalid " + std::string(value_name) + " " + quote_for_error(value) +
                           ": it is not valid UTF-8");
}

std::string Address::addr_spec() const
{
    return local_part_text(local_part) + "@" + domain;
}

bool Address::needs_smtputf8() const
{
    return !is_ascii(local_part);
}

std::string Address::to_header(const Charset &charset) const
{
    if (display_name.empty())
        return addr_spec();
    return encode_display_name(display_name, charset) + " <" + addr_spec() + ">";
}

Address parse_address(std::string_view text)
{
    check_single_line("address", text);
    check_utf8("address", text);
    std::string_view trimmed = trim_wsp(text);
    if (trimmed.empty())
        reject_address(text, "it is empty");

    std::size_t open = find_angle_address(trimmed);
    if (open == std::string_view::npos)
        return parse_addr_spec(trimmed, text);

    // name-addr: [display-name] "<" addr-spec ">" (RFC 5322 section 3.4).
    if (trimmed.back() != '>') {
        if (trimmed.find('>', open) != std::string_view::npos)
            reject_address(text, "text after the closing '>'");
        reject_address(text, "'<' and '>' are only allowed around the address");
    }
    std::string_view display = trimmed.substr(0, open);
    if (has_unquoted_angle_close(display))
        reject_address(text, "'>' before the opening '<'");
    Address address = parse_addr_spec(trimmed.substr(open + 1, trimmed.size() - open - 2), text);
    address.display_name = parse_display_name(display, text);
    return address;
}

Address make_address(std::string_view address, std::string_view display_name)
{
    Address parsed = parse_address(address);
    if (!display_name.empty()) {
        check_single_line("display name", display_name);
        check_utf8("display name", display_name);
        parsed.display_name = std::string(display_name);
    }
    return parsed;
}

std::string domain_to_ascii(std::string_view domain)
{
    check_single_line("domain", domain);
    check_utf8("domain", domain);
    return ascii_domain(domain);
}

void check_header(std::string_view name, std::string_view value)
{
    // RFC 5322 section 3.6.8 ftext: printable ASCII except ':'.
    bool valid_name = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        auto byte = static_cast<unsigned char>(c);
        return byte >= 33 && byte <= 126 && c != ':';
    });
    if (!valid_name)
        throw InvalidInput("invalid header name " + quote_for_error(name) +
                           ": use printable ASCII without spaces or ':'");
    if (value.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos)
        throw InvalidInput("invalid value for header " + quote_for_error(name) + " " + quote_for_error(value) +
                           ": CR, LF and NUL are not allowed");
}

}  // namespace mailbridge::mime

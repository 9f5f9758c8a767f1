#include "mime/field_values.h"

#include <algorithm>

namespace mailbridge::mime {
namespace {

constexpr char kHexDigits[] = "0123456789ABCDEF";

bool is_ascii_alphanumeric(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool has_prefix_ignoring_case(std::string_view text, std::string_view prefix)
{
    if (text.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i])
            return false;
    }
    return true;
}

// RFC 5322 atext, ASCII only (Message-IDs are not internationalized).
bool is_ascii_atext(char c)
{
    return is_ascii_alphanumeric(c) || std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

}  // namespace

bool is_ascii_dot_atom(std::string_view text)
{
    if (text.empty() || text.front() == '.' || text.back() == '.' || text.find("..") != std::string_view::npos)
        return false;
    return std::all_of(text.begin(), text.end(), [](char c) { return c == '.' || is_ascii_atext(c); });
}

bool is_message_id(std::string_view id)
{
    std::size_t at = id.find('@');
    if (at == std::string_view::npos || !is_ascii_dot_atom(id.substr(0, at)))
        return false;
    std::string_view right = id.substr(at + 1);
    if (is_ascii_dot_atom(right))
        return true;
    if (right.size() < 2 || right.front() != '[' || right.back() != ']')
        return false;
    std::string_view inside = right.substr(1, right.size() - 2);
    return std::all_of(inside.begin(), inside.end(), [](char c) {
        auto byte = static_cast<unsigned char>(c);
        return byte >= 33 && byte <= 126 && c != '[' && c != ']' && c != '\\';
    });
}

void check_content_id(std::string_view id)
{
    if ((!is_message_id(id) && !is_ascii_dot_atom(id)) || id.size() > kMaxMessageIdLength)
        throw InvalidInput("invalid content ID " + quote_for_error(id) +
                           ": expected id-left@id-right or a dot-atom such as logo.png, in ASCII, without "
                           "angle brackets or \"cid:\", at most " + std::to_string(kMaxMessageIdLength) +
                           " characters");
}

bool is_icalendar_token(std::string_view text)
{
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c == '-' || is_ascii_alphanumeric(c); });
}

// Folded lines (RFC 5545 section 3.1) are not joined, as no method name
// is long enough to be folded.
std::string icalendar_method(std::string_view ics)
{
    std::size_t start = 0;
    while (start < ics.size()) {
        std::size_t end = ics.find('\n', start);
        std::string_view line = ics.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (has_prefix_ignoring_case(line, "method:"))
            return std::string(line.substr(7));
        if (end == std::string_view::npos)
            break;
        start = end + 1;
    }
    return "";
}

void check_unsubscribe_url(std::string_view url)
{
    auto reject = [&](const char *reason) {
        throw InvalidInput("invalid List-Unsubscribe URL " + quote_for_error(url) + ": " + reason);
    };
    std::size_t scheme_length = 0;
    if (has_prefix_ignoring_case(url, "https://"))
        scheme_length = 8;
    else if (has_prefix_ignoring_case(url, "http://"))
        scheme_length = 7;
    else
        reject("expected an http:// or https:// URL");
    if (url.size() == scheme_length || url[scheme_length] == '/')
        reject("the host is missing");
    bool printable = std::all_of(url.begin(), url.end(), [](char c) {
        auto byte = static_cast<unsigned char>(c);
        return byte > 32 && byte < 127 && c != '<' && c != '>';
    });
    if (!printable)
        reject("spaces, control characters, non-ASCII characters, '<' and '>' are not allowed; percent-encode them");
}

std::string mailto_uri(const Address &address)
{
    std::string spec = address.addr_spec();
    std::size_t at = spec.rfind('@');
    auto encode = [](std::string_view text) {
        std::string out;
        for (char c : text) {
            auto byte = static_cast<unsigned char>(c);
            if (is_ascii_alphanumeric(c) || std::string_view("-._~!$'*+=").find(c) != std::string_view::npos) {
                out += c;
            } else {
                out += '%';
                out += kHexDigits[byte >> 4];
                out += kHexDigits[byte & 0x0f];
            }
        }
        return out;
    };
    return "mailto:" + encode(spec.substr(0, at)) + "@" + encode(spec.substr(at + 1));
}

}  // namespace mailbridge::mime

#include "mimeparse/content_fields.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <optional>

#include "mimeparse/charset.h"
#include "mimeparse/encoded_words.h"

namespace mailbridge::mimeparse {
namespace {

std::string to_lower_ascii(std::string_view text)
{
    std::string out(text);
    for (char &c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

// RFC 2045 section 5.1 token characters: printable ASCII except space and
// tspecials.
bool is_token_char(char c)
{
    auto byte = static_cast<unsigned char>(c);
    return byte > 32 && byte < 127 && std::strchr("()<>@,;:\\\"/[]?=", c) == nullptr;
}

bool is_whitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

// A parameter as written: the attribute with its RFC 2231 marks, and the
// value with quotes removed.
struct RawParameter {
    std::string attribute;
    std::string value;
};

// Reads tokens, quoted strings and comments from a structured field value.
class Scanner {
public:
    explicit Scanner(std::string_view text) : text_(text) {}

    bool at_end() const { return position_ >= text_.size(); }
    char peek() const { return at_end() ? '\0' : text_[position_]; }
    void advance() { ++position_; }
    std::size_t position() const { return position_; }

    // Skips whitespace and comments (RFC 5322 CFWS). Comments nest; an
    // unterminated comment runs to the end.
    void skip_cfws()
    {
        while (!at_end()) {
            char c = peek();
            if (is_whitespace(c)) {
                advance();
            } else if (c == '(') {
                skip_comment();
            } else {
                return;
            }
        }
    }

    std::string_view read_token()
    {
        std::size_t start = position_;
        while (!at_end() && is_token_char(peek()))
            advance();
        return text_.substr(start, position_ - start);
    }

    // Reads a quoted string that starts at the current '"'. Backslash
    // escapes the next byte. An unterminated string runs to the end.
    std::string read_quoted()
    {
        std::string out;
        advance();
        while (!at_end()) {
            char c = peek();
            advance();
            if (c == '"')
                return out;
            if (c == '\\' && !at_end()) {
                c = peek();
                advance();
            }
            out.push_back(c);
        }
        return out;
    }

    // Reads an unquoted value up to ";", a comment after whitespace, or
    // whitespace followed by the next "attribute=". Spaces inside the value
    // are kept, because senders write name=my file.pdf.
    std::string read_unquoted()
    {
        std::size_t start = position_;
        std::size_t end = position_;
        while (!at_end()) {
            char c = peek();
            if (c == ';')
                break;
            if (is_whitespace(c)) {
                std::size_t after = position_;
                while (after < text_.size() && is_whitespace(text_[after]))
                    ++after;
                if (after >= text_.size() || text_[after] == '(' || text_[after] == ';' ||
                    starts_parameter(after))
                    break;
                position_ = after;
                continue;
            }
            advance();
            end = position_;
        }
        return std::string(text_.substr(start, end - start));
    }

    // Whether "attribute =" starts at offset. Sets *token_end, when given,
    // to the end of the token there.
    bool starts_parameter(std::size_t offset, std::size_t *token_end = nullptr) const
    {
        std::size_t i = offset;
        while (i < text_.size() && is_token_char(text_[i]))
            ++i;
        if (token_end != nullptr)
            *token_end = i;
        if (i == offset)
            return false;
        while (i < text_.size() && is_whitespace(text_[i]))
            ++i;
        return i < text_.size() && text_[i] == '=';
    }

    // Skips junk after a value, up to the next ";" or "attribute=".
    void skip_to_next_parameter()
    {
        skip_cfws();
        std::size_t token_end = 0;
        while (!at_end() && peek() != ';' && !starts_parameter(position_, &token_end)) {
            // No position inside this token can start a parameter either,
            // because the same token end and the same next byte follow.
            position_ = std::max(position_ + 1, token_end);
            skip_cfws();
        }
    }

private:
    void skip_comment()
    {
        std::size_t depth = 0;
        while (!at_end()) {
            char c = peek();
            advance();
            if (c == '\\') {
                if (!at_end())
                    advance();
            } else if (c == '(') {
                ++depth;
            } else if (c == ')') {
                if (--depth == 0)
                    return;
            }
        }
    }

    std::string_view text_;
    std::size_t position_ = 0;
};

std::vector<RawParameter> scan_parameters(std::string_view text)
{
    std::vector<RawParameter> found;
    Scanner scanner(text);
    while (true) {
        scanner.skip_cfws();
        if (scanner.at_end())
            break;
        if (scanner.peek() == ';') {
            scanner.advance();
            continue;
        }
        std::string_view attribute = scanner.read_token();
        if (attribute.empty()) {
            scanner.advance();  // a stray byte
            continue;
        }
        scanner.skip_cfws();
        if (scanner.peek() != '=')
            continue;  // an attribute without a value is skipped
        scanner.advance();
        scanner.skip_cfws();

        RawParameter parameter;
        parameter.attribute = to_lower_ascii(attribute);
        if (scanner.peek() == '"') {
            parameter.value = scanner.read_quoted();
            scanner.skip_to_next_parameter();
        } else {
            parameter.value = scanner.read_unquoted();
        }
        found.push_back(std::move(parameter));
    }
    return found;
}

// RFC 2231 section 4: "%XX" is a byte. An invalid "%" is kept.
std::string percent_decode(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2])));
            i += 2;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

// The parts of one parameter name collected from the list.
struct ParameterParts {
    std::optional<std::string> plain;     // name=value
    std::optional<std::string> extended;  // name*=charset'language'value
    // name*N=value and name*N*=value, by section number.
    std::map<std::size_t, std::pair<std::string, bool>> sections;
};

// Splits "charset'language'text" (RFC 2231 section 4). Without both
// apostrophes the whole value is text without a charset.
void split_extended_value(std::string_view value, Parameter &parameter, std::string_view &text)
{
    std::size_t first = value.find('\'');
    std::size_t second = first == std::string_view::npos ? first : value.find('\'', first + 1);
    if (second == std::string_view::npos) {
        text = value;
        return;
    }
    parameter.charset.assign(value.substr(0, first));
    parameter.language.assign(value.substr(first + 1, second - first - 1));
    text = value.substr(second + 1);
}

Parameter resolve(const std::string &name, const ParameterParts &parts)
{
    Parameter parameter;
    parameter.name = name;
    if (parts.extended || !parts.sections.empty()) {
        std::string bytes;
        if (parts.extended) {
            std::string_view text;
            split_extended_value(*parts.extended, parameter, text);
            bytes = percent_decode(text);
        } else {
            for (const auto &[number, section] : parts.sections) {
                std::string_view text = section.first;
                if (number == 0 && section.second)
                    split_extended_value(section.first, parameter, text);
                bytes += section.second ? percent_decode(text) : std::string(text);
            }
        }
        parameter.raw_value = bytes;
        parameter.value = convert_to_utf8(parameter.charset, bytes).text;
        return parameter;
    }
    parameter.raw_value = *parts.plain;
    parameter.value = decode_encoded_words(*parts.plain);
    return parameter;
}

// Returns the section number of "N" without leading zeros, or nullopt.
std::optional<std::size_t> section_number(std::string_view digits, std::size_t max_sections)
{
    if (digits.empty() || digits.size() > 6 || (digits.size() > 1 && digits[0] == '0'))
        return std::nullopt;
    std::size_t number = 0;
    for (char c : digits) {
        if (c < '0' || c > '9')
            return std::nullopt;
        number = number * 10 + static_cast<std::size_t>(c - '0');
    }
    if (number >= max_sections)
        return std::nullopt;
    return number;
}

std::string default_subtype(const std::string &type)
{
    if (type == "text")
        return "plain";
    if (type == "multipart")
        return "mixed";
    if (type == "message")
        return "rfc822";
    if (type == "application")
        return "octet-stream";
    if (type == "audio")
        return "basic";
    return "unknown";
}

}  // namespace

std::vector<Parameter> parse_parameters(std::string_view text, const ParameterLimits &limits)
{
    std::vector<std::string> order;
    std::map<std::string, ParameterParts> by_name;
    for (RawParameter &raw : scan_parameters(text)) {
        std::string name = raw.attribute;
        std::size_t star = name.find('*');
        std::optional<std::size_t> number;
        bool extended = false;
        bool is_section = false;
        if (star != std::string::npos && star > 0) {
            std::string_view marks = std::string_view(name).substr(star + 1);
            if (marks.empty()) {
                extended = true;
            } else {
                bool trailing_star = marks.back() == '*';
                if (trailing_star)
                    marks.remove_suffix(1);
                number = section_number(marks, limits.max_sections);
                if (!number && marks.find_first_not_of("0123456789") == std::string_view::npos && !marks.empty())
                    continue;  // a section past max_sections
                if (number) {
                    is_section = true;
                    extended = trailing_star;
                }
            }
            if (extended || is_section)
                name.resize(star);
        }

        auto found = by_name.find(name);
        if (found == by_name.end()) {
            if (by_name.size() >= limits.max_parameters)
                continue;
            order.push_back(name);
            found = by_name.emplace(name, ParameterParts()).first;
        }
        ParameterParts &parts = found->second;
        if (is_section) {
            parts.sections.emplace(*number, std::make_pair(std::move(raw.value), extended));
        } else if (extended) {
            if (!parts.extended)
                parts.extended = std::move(raw.value);
        } else if (!parts.plain) {
            parts.plain = std::move(raw.value);
        }
    }

    std::vector<Parameter> parameters;
    parameters.reserve(order.size());
    for (const std::string &name : order)
        parameters.push_back(resolve(name, by_name[name]));
    return parameters;
}

const Parameter *find_parameter(const std::vector<Parameter> &parameters, std::string_view name)
{
    std::string lower = to_lower_ascii(name);
    for (const Parameter &parameter : parameters) {
        if (parameter.name == lower)
            return &parameter;
    }
    return nullptr;
}

std::string ContentType::charset() const
{
    const Parameter *found = parameter("charset");
    return found != nullptr ? found->value : std::string();
}

std::string ContentType::boundary() const
{
    const Parameter *found = parameter("boundary");
    return found != nullptr ? found->raw_value : std::string();
}

ContentType parse_content_type(std::string_view value, const ParameterLimits &limits)
{
    ContentType content_type;
    Scanner scanner(value);
    scanner.skip_cfws();
    std::string type = to_lower_ascii(scanner.read_token());
    scanner.skip_cfws();
    std::string subtype;
    if (!type.empty() && scanner.peek() == '/') {
        scanner.advance();
        scanner.skip_cfws();
        subtype = to_lower_ascii(scanner.read_token());
    }
    if (!type.empty()) {
        content_type.type = type;
        content_type.subtype = subtype.empty() ? default_subtype(type) : subtype;
        content_type.valid = !subtype.empty();
    }
    content_type.parameters = parse_parameters(value.substr(scanner.position()), limits);
    return content_type;
}

ContentDisposition parse_content_disposition(std::string_view value, const ParameterLimits &limits)
{
    ContentDisposition disposition;
    Scanner scanner(value);
    scanner.skip_cfws();
    disposition.type = to_lower_ascii(scanner.read_token());
    disposition.parameters = parse_parameters(value.substr(scanner.position()), limits);
    return disposition;
}

std::string part_filename(const ContentType &type, const ContentDisposition &disposition)
{
    if (const Parameter *filename = disposition.parameter("filename"))
        return filename->value;
    if (const Parameter *name = type.parameter("name"))
        return name->value;
    return {};
}

ContentTransferEncoding parse_content_transfer_encoding(std::string_view value)
{
    Scanner scanner(value);
    scanner.skip_cfws();
    while (scanner.peek() == '"') {
        scanner.advance();
        scanner.skip_cfws();
    }
    ContentTransferEncoding result;
    result.name = to_lower_ascii(scanner.read_token());
    const std::string &name = result.name;
    if (name.empty() || name == "7bit")
        result.encoding = TransferEncoding::seven_bit;
    else if (name == "8bit")
        result.encoding = TransferEncoding::eight_bit;
    else if (name == "binary")
        result.encoding = TransferEncoding::binary;
    else if (name == "base64")
        result.encoding = TransferEncoding::base64;
    else if (name == "quoted-printable")
        result.encoding = TransferEncoding::quoted_printable;
    else
        result.encoding = TransferEncoding::other;
    return result;
}

}  // namespace mailbridge::mimeparse

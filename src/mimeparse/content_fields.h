// Content-Type, Content-Disposition and Content-Transfer-Encoding values of
// received mail (RFC 2045, RFC 2183), with parameters decoded per RFC 2231
// (continuations "name*0", "name*1" and "charset'language'percent-encoded"
// values) and, as many mail readers do, RFC 2047 encoded words in plain
// parameter values such as name="=?UTF-8?B?...?=".
//
// The parser accepts what senders write in practice. Comments and
// whitespace may appear anywhere, and a ";" between parameters may be
// missing. Unquoted values may contain spaces, and a quoted string may be
// unterminated. A parameter without a value is skipped. Continuation
// sections out of order or with gaps are joined in number order.
#ifndef MAILBRIDGE_MIMEPARSE_CONTENT_FIELDS_H
#define MAILBRIDGE_MIMEPARSE_CONTENT_FIELDS_H

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mailbridge::mimeparse {

struct Parameter {
    std::string name;       // lower-case, without RFC 2231 "*" marks and section numbers
    std::string value;      // UTF-8
    std::string raw_value;  // unquoted bytes before charset conversion and RFC 2047 decoding
    std::string charset;    // RFC 2231 charset as written, empty for plain values
    std::string language;   // RFC 2231 language, often empty
};

struct ParameterLimits {
    std::size_t max_parameters = 64;  // distinct names kept; later ones are dropped
    std::size_t max_sections = 128;   // continuation sections numbered 0 to max_sections - 1 are kept
};

// Parses a parameter list such as "; charset=utf-8; format=flowed". When a
// name appears more than once, the RFC 2231 form wins over a plain value,
// and otherwise the first occurrence wins. Parameters keep the order of
// their first appearance.
std::vector<Parameter> parse_parameters(std::string_view text, const ParameterLimits &limits = {});

// Returns the parameter with this name (ASCII case ignored), or nullptr.
const Parameter *find_parameter(const std::vector<Parameter> &parameters, std::string_view name);

struct ContentType {
    // Lower-case. Missing or invalid media types are text/plain (RFC 2045
    // section 5.2). A type without subtype gets c-client's default subtype:
    // text/plain, multipart/mixed, message/rfc822, application/octet-stream,
    // audio/basic, and "unknown" for the rest.
    std::string type = "text";
    std::string subtype = "plain";
    std::vector<Parameter> parameters;
    bool valid = false;  // a type and a subtype were present

    const Parameter *parameter(std::string_view name) const { return find_parameter(parameters, name); }
    // Returns the charset parameter, or an empty string.
    std::string charset() const;
    // Returns the boundary parameter's raw value, or an empty string when
    // there is none (then a multipart body is best read as one text part).
    std::string boundary() const;
};

ContentType parse_content_type(std::string_view value, const ParameterLimits &limits = {});

struct ContentDisposition {
    std::string type;  // lower-case, such as "inline" or "attachment"; empty when missing
    std::vector<Parameter> parameters;

    const Parameter *parameter(std::string_view name) const { return find_parameter(parameters, name); }
};

ContentDisposition parse_content_disposition(std::string_view value, const ParameterLimits &limits = {});

// Returns the file name of a part: the disposition's filename parameter,
// else the content type's name parameter, else an empty string. Path
// components are kept; callers that write files must strip them.
std::string part_filename(const ContentType &type, const ContentDisposition &disposition);

enum class TransferEncoding { seven_bit, eight_bit, binary, base64, quoted_printable, other };

struct ContentTransferEncoding {
    TransferEncoding encoding = TransferEncoding::seven_bit;
    std::string name;  // lower-case token as sent, such as "x-uuencode"; empty when missing
};

// Parses a Content-Transfer-Encoding value. Comments, whitespace and stray
// quotes around the token are ignored ("8bit\"" is 8bit). A missing value
// is 7bit (RFC 2045 section 6.1); an unknown one is other.
ContentTransferEncoding parse_content_transfer_encoding(std::string_view value);

}  // namespace mailbridge::mimeparse

#endif

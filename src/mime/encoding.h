// Content and header encodings: quoted-printable (RFC 2045 section 6.7),
// base64 bodies wrapped at 76 characters (RFC 2045 section 6.8), RFC 2047
// encoded words and header folding (RFC 5322 section 2.2.3).
#ifndef MAILBRIDGE_MIME_ENCODING_H
#define MAILBRIDGE_MIME_ENCODING_H

#include <string>
#include <string_view>

namespace mailbridge::mime {

// Quoted-printable with CRLF line ends, lines at most 76 characters. Input
// line ends (CRLF, LF or CR) become hard CRLF breaks.
std::string encode_quoted_printable(std::string_view text);
// Base64 in lines of 76 characters, each ended by CRLF.
std::string encode_base64_lines(std::string_view data);
// True when text is 7-bit, has no NUL and no line longer than 998 octets.
bool is_seven_bit_safe(std::string_view text);

// Unstructured header text: returned as is when it is printable ASCII,
// otherwise as RFC 2047 "=?UTF-8?B?...?=" words that never split a UTF-8
// sequence, separated by folding white space.
std::string encode_unstructured(std::string_view text);
// A display name: an atom list as is, a quoted string when it has specials,
// encoded words when it has non-ASCII text.
std::string encode_display_name(std::string_view name);

// Produce "Name: value\r\n" folded at white space so that lines stay under
// 78 characters where possible and never exceed 998.
std::string fold_header(std::string_view name, std::string_view value);

}  // namespace mailbridge::mime

#endif

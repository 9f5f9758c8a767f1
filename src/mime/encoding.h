// Content and header encodings: quoted-printable (RFC 2045 section 6.7),
// base64 bodies wrapped at 76 characters (RFC 2045 section 6.8), RFC 2047
// encoded words and header folding (RFC 5322 section 2.2.3).
#ifndef MAILBRIDGE_MIME_ENCODING_H
#define MAILBRIDGE_MIME_ENCODING_H

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "mime/charset.h"

namespace mailbridge::mime {

// Quoted-printable with CRLF line ends, lines at most 76 characters. Input
// line ends (CRLF, LF or CR) become hard CRLF breaks.
std::string encode_quoted_printable(std::string_view text);
// Base64 in lines of 76 characters, each ended by CRLF.
std::string encode_base64_lines(std::string_view data);
// True when text is 7-bit, has no NUL and no line longer than 998 octets.
bool is_seven_bit_safe(std::string_view text);
// Text with every CRLF, bare LF and bare CR replaced by CRLF.
std::string normalize_line_ends(std::string_view text);

// Length of the well-formed UTF-8 sequence that starts at text[pos], or 0
// when the bytes there are not one (overlong forms, surrogates and code
// points above U+10FFFF are not). pos must be less than text.size().
std::size_t utf8_sequence_length(std::string_view text, std::size_t pos);
bool is_valid_utf8(std::string_view text);

// Unstructured header text: returned as is when it is printable ASCII,
// otherwise as RFC 2047 "=?UTF-8?B?...?=" words that never split a UTF-8
// sequence, separated by folding white space. ASCII text is encoded too when
// it contains "=?", which a reader would decode as an encoded word, or a
// word longer than 75 characters, which no fold could fit on a line.
std::string encode_unstructured(std::string_view text);
// Encode all of text (UTF-8) as RFC 2047 "=?CHARSET?B?...?=" words in
// charset, joined by single spaces: the first at most first_max_length
// characters, the others at most max_length. Both are raised when lower
// than one character needs (20 for UTF-8). A character is never split
// across words. Throws InvalidInput when charset lacks a character.
std::string encode_words(std::string_view text, std::size_t first_max_length, std::size_t max_length,
                         const Charset &charset = Charset());
// A display name: an atom list as is, a quoted string when it has specials,
// encoded words in charset when it has non-ASCII text.
std::string encode_display_name(std::string_view name, const Charset &charset = Charset());

// Produce "Name: value\r\n" folded at white space so that lines stay under
// 78 characters where possible and never exceed 998. Throws InvalidInput
// when the value has CR, LF or NUL, or a word too long for 998 octets.
std::string fold_header(std::string_view name, std::string_view value);
// Same for unstructured text (Subject), encoded as by encode_unstructured
// but in charset and with the first encoded word sized to fit after "Name: ".
std::string fold_unstructured(std::string_view name, std::string_view text, const Charset &charset = Charset());
// Produce "Name: item1, item2\r\n" (separator ',') or "Name: a; b=c\r\n"
// (separator ';'), folded between items, also between the name and the
// first item, and inside an item at white space only when the item does not
// fit a line alone. Throws as fold_header.
std::string fold_list_header(std::string_view name, const std::vector<std::string> &items,
                             char separator = ',');

}  // namespace mailbridge::mime

#endif

// Modified UTF-7 for IMAP mailbox names (RFC 3501 section 5.1.3). Printable
// US-ASCII other than '&' stands for itself, '&' is written "&-", and every
// other run of characters is UTF-16 in base64 with ',' for '/', no padding,
// between '&' and '-': "Entwürfe" is "Entw&APw-rfe".
#ifndef MAILBRIDGE_IMAP_UTF7_H
#define MAILBRIDGE_IMAP_UTF7_H

#include <optional>
#include <string>
#include <string_view>

namespace mailbridge::imap {

// Encode UTF-8 text as modified UTF-7. Returns nullopt for invalid UTF-8
// (overlong forms, surrogates, code points above U+10FFFF, cut sequences)
// and for U+0000, and then sets *error, when given, to the problem and its
// byte offset.
std::optional<std::string> encode_modified_utf7(std::string_view utf8, std::string *error = nullptr);

// Decode modified UTF-7 to UTF-8. Accepts only the form that
// encode_modified_utf7() produces, so each name has one spelling. Returns
// nullopt, and sets *error when given, on any of these: bytes outside
// printable US-ASCII, an '&' without its '-', bad base64, nonzero padding
// bits, an odd number of UTF-16 bytes, unpaired surrogates or U+0000.
// Non-shortest forms are rejected too: printable US-ASCII inside "&...-", and
// two encoded runs in a row ("&AOQ-&APY-" for "&AOQA9g-").
std::optional<std::string> decode_modified_utf7(std::string_view utf7, std::string *error = nullptr);

}  // namespace mailbridge::imap

#endif

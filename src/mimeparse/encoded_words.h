// RFC 2047 encoded words in received header fields.
#ifndef MAILBRIDGE_MIMEPARSE_ENCODED_WORDS_H
#define MAILBRIDGE_MIMEPARSE_ENCODED_WORDS_H

#include <string>
#include <string_view>

namespace mailbridge::mimeparse {

// Decodes the encoded words in an unfolded header value to UTF-8.
//
// An encoded word is "=?" charset ["*" language] "?" ("B" / "Q") "?" text
// "?=" with no whitespace inside (RFC 2047 section 2, language from RFC 2231
// section 5). Words are recognised anywhere, also inside a longer run of
// text, because senders often omit the spaces that RFC 2047 requires. Whitespace
// between two adjacent encoded words is dropped (section 6.2). The bytes of
// adjacent words with the same charset are joined before conversion, so a
// character split across two words decodes. B text is decoded like
// Base64Decoder does (padding optional, stray bytes skipped), Q text with
// "_" as space and an invalid "=" kept. Text that does not form a whole
// encoded word is left as it is.
//
// Text outside encoded words is copied if it is valid UTF-8. Otherwise it is
// converted from raw_charset when that is given (for example the charset of
// the message body), and invalid bytes become U+FFFD when it is not.
std::string decode_encoded_words(std::string_view value, std::string_view raw_charset = {});

}  // namespace mailbridge::mimeparse

#endif

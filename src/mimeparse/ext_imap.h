// Byte-for-byte equivalents of ext/imap's pure helper functions, for a
// compatibility layer that must return what PHP's imap_* functions return.
// The behaviour, quirks included, is that of ext/imap as shipped with PHP
// 8.2 on Debian 12 (php8.2-imap, built on c-client 2007f). The unit tests
// compare against vectors generated with that build.
//
// ext/imap hands C strings to c-client, so input is cut at its first NUL
// byte where ext/imap does so, as noted per function.
#ifndef MAILBRIDGE_MIMEPARSE_EXT_IMAP_H
#define MAILBRIDGE_MIMEPARSE_EXT_IMAP_H

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mimeparse/address_list.h"

namespace mailbridge::mimeparse::ext_imap {

// One element of imap_mime_header_decode()'s result.
struct MimeHeaderSegment {
    std::string charset;  // as written in the word, or "default" for plain text
    std::string text;     // decoded bytes, not converted to UTF-8

    bool operator==(const MimeHeaderSegment &other) const
    {
        return charset == other.charset && text == other.text;
    }
};

// imap_mime_header_decode(): splits value into plain text and encoded words.
// Whitespace (space, tab, CR, LF) after an encoded word is dropped when the
// next "=?" follows it, even if that "=?" then turns out to start no word.
// Any encoding letter other than B or Q leaves the text as it is; Q decodes
// "_" to a space. The charset keeps an RFC 2231 language suffix. Each
// segment's charset and text end at their first NUL byte. Returns nullopt
// (PHP false) when the text of a B word is not valid base64 as
// imap_base64() defines it.
std::optional<std::vector<MimeHeaderSegment>> mime_header_decode(std::string_view value);

// imap_base64() (c-client rfc822_base64). Skips space, tab, CR, LF, FF and
// NUL. Returns nullopt for any other byte outside the alphabet and for
// padding in a position where no padding can be. Everything after a
// complete padded group is ignored. A group cut short at the end yields the
// bytes it completes.
std::optional<std::string> base64_decode(std::string_view text);

// imap_qprint() (c-client rfc822_qprint), which accepts any input. An "="
// that starts no hex pair or line break is kept with the character after
// it. When that character is a hex digit, the one after it is dropped. Spaces (not tabs)
// before a line break are removed, except spaces kept by a soft break.
std::string qprint_decode(std::string_view text);

// The envelope that imap_rfc822_parse_headers() builds (c-client
// rfc822_parse_msg). To build PHP's object, a compatibility layer turns
// each set string into a property, date and subject also as Date and
// Subject. Each non-empty list becomes two properties, such as "toaddress"
// (from write_address_list()) and "to". PHP creates them in the order of
// the fields below.
struct Envelope {
    std::optional<std::string> date;
    std::optional<std::string> subject;      // raw, encoded words not decoded
    std::optional<std::string> in_reply_to;
    std::optional<std::string> message_id;
    std::optional<std::string> newsgroups;   // spaces removed
    std::optional<std::string> followup_to;  // spaces removed
    std::optional<std::string> references;
    std::vector<Address> to;
    std::vector<Address> from;
    std::vector<Address> cc;
    std::vector<Address> bcc;
    std::vector<Address> reply_to;  // From when there is no Reply-To
    std::vector<Address> sender;    // From when there is no Sender
    std::vector<std::string> errors;  // address parse messages, as in imap_errors()
};

// imap_rfc822_parse_headers(). Lines are unfolded with tabs turned into
// spaces, field names are matched without regard to case, and values lose
// their leading spaces but keep trailing ones. Date, Subject, Message-ID,
// In-Reply-To, References and Newsgroups take the first occurrence and
// Followup-To the last, while address fields add up over all occurrences
// (">From" counts as From). Parsing stops at an empty line ended by a bare
// LF, but not at CRLF CRLF, where c-client goes on into what follows. A
// bare CR ends a line like LF. Each line ends at its first NUL byte.
// NOTE: c-client also logs "Warning: message has unknown MIME version" for
// a MIME-Version other than 1.0; errors does not include that message.
Envelope parse_rfc822_headers(std::string_view headers, std::string_view default_host = "UNKNOWN",
                              const AddressListLimits &limits = {});

}  // namespace mailbridge::mimeparse::ext_imap

#endif

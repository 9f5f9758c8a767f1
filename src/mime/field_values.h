// Checks and forms of the values that a message writes into header fields
// it manages: Message-ID and Content-ID (RFC 5322 msg-id), the iTIP method
// of a calendar part (RFC 5546) and List-Unsubscribe URIs (RFC 2369).
#ifndef MAILBRIDGE_MIME_FIELD_VALUES_H
#define MAILBRIDGE_MIME_FIELD_VALUES_H

#include <cstddef>
#include <string>
#include <string_view>

#include "mime/address.h"

namespace mailbridge::mime {

// "Message-ID: <" + id + ">" must fit the 998-octet line limit.
constexpr std::size_t kMaxMessageIdLength = 998 - 14;

// RFC 5322 section 3.6.4 msg-id content: id-left "@" id-right, where
// id-right is a dot-atom or a "[...]" literal of dtext, in ASCII.
bool is_message_id(std::string_view id);
bool is_ascii_dot_atom(std::string_view text);
// Throws InvalidInput unless id is a msg-id or, as many senders use in
// "cid:" URLs (RFC 2392), a dot-atom such as "logo.png".
void check_content_id(std::string_view id);

// RFC 5545 section 3.1 iana-token: letters, digits and '-'.
bool is_icalendar_token(std::string_view text);
// The value of the first METHOD property line of an iCalendar object, or
// an empty string when it has none.
std::string icalendar_method(std::string_view ics);

// Throws InvalidInput unless url is an http or https URL that fits between
// '<' and '>' (RFC 2369 section 2): printable ASCII without spaces.
void check_unsubscribe_url(std::string_view url);
// RFC 6068 mailto URI for an address: characters other than letters,
// digits and "-._~!$'*+=" are percent-encoded, non-ASCII ones as UTF-8.
std::string mailto_uri(const Address &address);

}  // namespace mailbridge::mime

#endif

// Mailbox parsing and validation (RFC 5322 section 3.4, RFC 6532 for UTF-8)
// with IDNA2008 domain conversion through libidn2 (RFC 5890).
#ifndef MAILBRIDGE_MIME_ADDRESS_H
#define MAILBRIDGE_MIME_ADDRESS_H

#include <stdexcept>
#include <string>
#include <string_view>

#include "mime/charset.h"

namespace mailbridge::mime {

// Invalid caller input (an address, header, file name, option). The Zend
// layer turns it into a ValueError; the message names the offending value.
class InvalidInput : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

// Quote value for an error message. CR, LF, tab and NUL become \r, \n, \t
// and \0, other control bytes and invalid UTF-8 become \xNN, and a value
// over 200 bytes is cut and followed by "...".
std::string quote_for_error(std::string_view value);
// Throws InvalidInput naming value_name and value when value contains CR,
// LF or NUL, which could end a header line or an SMTP command early.
void check_single_line(std::string_view value_name, std::string_view value);
// Throws InvalidInput naming value_name and value when value is not valid UTF-8.
void check_utf8(std::string_view value_name, std::string_view value);

struct Address {
    std::string display_name;    // UTF-8, unquoted and unencoded; may be empty
    std::string local_part;      // as given; quoted-string form kept unquoted
    std::string domain;          // ASCII A-label form (xn--...), or [address literal]
    std::string domain_unicode;  // domain as the caller wrote it

    // local@domain with the A-label domain; the local part is quoted when it
    // is not a dot-atom.
    std::string addr_spec() const;
    // True when the local part has non-ASCII bytes, so the envelope needs
    // SMTPUTF8 (RFC 6531).
    bool needs_smtputf8() const;
    // Header form: "=?UTF-8?B?...?= <addr>" / "\"Quoted, Name\" <addr>" / "addr",
    // with a non-ASCII display name encoded in charset. Not folded; the
    // header writer folds. Throws InvalidInput when charset lacks a character.
    std::string to_header(const Charset &charset = Charset()) const;
};

// Parse "Name <local@domain>", "\"Quoted Name\" <local@domain>" or
// "local@domain". Throws InvalidInput on CR, LF, NUL, stray '<' or '>',
// a missing '@', an invalid local part or domain, or a failed IDN conversion.
Address parse_address(std::string_view text);

// Same, with the display name given separately (it is not parsed).
Address make_address(std::string_view address, std::string_view display_name);

// Validate a domain name or "[address literal]" and return its ASCII form
// (A-labels for an internationalized name). Throws InvalidInput.
std::string domain_to_ascii(std::string_view domain);

// Throws InvalidInput unless name is a valid field name (RFC 5322 ftext:
// printable ASCII except ':'), and unless value has no CR, LF or NUL.
void check_header(std::string_view name, std::string_view value);

}  // namespace mailbridge::mime

#endif

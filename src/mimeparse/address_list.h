// RFC 5322 address lists parsed the way UW c-client's rfc822_parse_adrlist()
// parses them (c-client 2007f, as used by PHP's ext/imap), so that an
// ext/imap-compatible layer returns the same mailbox, host, personal and adl
// values as imap_rfc822_parse_adrlist() and imap_headerinfo().
//
// c-client is lenient. Where it gives up, it does not fail but inserts a
// marker address with the host ".SYNTAX-ERROR.", whose mailbox names the
// problem:
//   UNEXPECTED_DATA_AFTER_ADDRESS           text after an address, no comma
//   UNEXPECTED_DATA_AFTER_ADDRESS_IN_GROUP  the same inside a group
//   INVALID_ADDRESS                         no address where one is expected
//   INVALID_ADDRESS_IN_GROUP                the same inside a group
//   MISSING_MAILBOX_TERMINATOR              "<" without the closing ">"
// Parsing stops after the first four and goes on after the last.
//
// A group "name: a@b, c@d;" becomes an address with only the mailbox set
// (the group name), its members, and an address with nothing set (the end
// of the group).
//
// Other c-client rules kept here: a mailbox without "@host" gets the
// default host; "user at host" is read as "user@host" (RFC 733); a comment
// after an addr-spec becomes the personal name when there is no phrase;
// encoded words in the personal name are not decoded; the input ends at its
// first NUL byte; an unterminated comment cuts the input at its "(".
#ifndef MAILBRIDGE_MIMEPARSE_ADDRESS_LIST_H
#define MAILBRIDGE_MIMEPARSE_ADDRESS_LIST_H

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mailbridge::mimeparse {

// The host c-client gives to marker addresses and to "user@" without a host.
inline constexpr std::string_view kSyntaxErrorHost = ".SYNTAX-ERROR.";

// One entry of a c-client address list. A field that c-client leaves NULL
// is nullopt, which PHP shows as a missing property.
struct Address {
    std::optional<std::string> personal;  // phrase or comment, unquoted, not decoded
    std::optional<std::string> adl;       // source route, "@a,@b"
    std::optional<std::string> mailbox;   // local part, unquoted; group name for a group start
    std::optional<std::string> host;      // domain, "[literal]", default host or ".SYNTAX-ERROR."

    bool is_group_start() const { return mailbox.has_value() && !host.has_value(); }
    bool is_group_end() const { return !mailbox.has_value() && !host.has_value(); }
    bool operator==(const Address &other) const
    {
        return personal == other.personal && adl == other.adl && mailbox == other.mailbox && host == other.host;
    }
};

struct AddressListLimits {
    // Entries (addresses, group starts and ends, markers) kept; parsing stops
    // when the list is full. c-client has no such limit.
    std::size_t max_addresses = 100000;
    // Nested group depth; c-client's MAXGROUPDEPTH is 50. A deeper group is
    // not parsed as a group.
    std::size_t max_group_depth = 50;
};

struct AddressList {
    std::vector<Address> addresses;
    // c-client's parse messages, such as "Unterminated mailbox: a@b", in
    // order. c-client may log one problem several times over where this
    // lists it once (an invalid domain part after a dot).
    std::vector<std::string> errors;
    bool truncated = false;  // max_addresses was reached
};

// Parses text as c-client does. default_host is used for mailboxes without
// a host; ext/imap passes its $default_host argument. Bad input yields
// markers and errors, not exceptions.
AddressList parse_address_list(std::string_view text, std::string_view default_host,
                               const AddressListLimits &limits = {});

// Writes an address list as c-client's rfc822_write_address() does, which
// is how imap_headerinfo() builds toaddress, fromaddress and the others and
// what imap_rfc822_write_address() returns: "personal <mailbox@host>" with
// quoting where needed, "group: member, member;" and no source route. Like
// ext/imap, it quotes a host that is not a dot-atom, so markers come out as
// MISSING_MAILBOX_TERMINATOR@".SYNTAX-ERROR." and literals as "[1.2.3.4]".
// ext/imap also fails with "Address buffer overflow" beyond 16,385 bytes;
// this function has no such limit.
std::string write_address_list(const std::vector<Address> &addresses);

}  // namespace mailbridge::mimeparse

#endif

// Typed results of IMAP commands and the functions that read them from
// parsed responses: CAPABILITY (RFC 3501 7.2.1), LIST (7.2.2), STATUS
// (7.2.4), SELECT and EXAMINE data (6.3.1), SEARCH (7.2.5) and FETCH
// (7.4.2) with ENVELOPE and BODYSTRUCTURE.
//
// The readers are lenient where servers are known to deviate: an odd FETCH
// item or extension field is skipped and noted in the message's problems,
// never a reason to fail the whole response.
#ifndef MAILBRIDGE_IMAP_RESULTS_H
#define MAILBRIDGE_IMAP_RESULTS_H

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "imap/quote.h"
#include "imap/response.h"

namespace mailbridge::imap {

struct Capabilities {
    std::vector<std::string> names;  // upper-cased, e.g. "IMAP4REV1", "AUTH=PLAIN", "LITERAL+"

    bool has(std::string_view name) const;
    bool has_auth(std::string_view mechanism) const;
    LiteralSupport literal_support() const;
    // Read the atoms of "* CAPABILITY ..." data or of a [CAPABILITY ...] code.
    static Capabilities from_values(const std::vector<Value> &values);
};

// A "name" "value" pair of a body or disposition parameter list.
using Parameters = std::vector<std::pair<std::string, std::string>>;

struct MailboxInfo {
    std::vector<std::string> attributes;  // as sent, e.g. "\HasNoChildren"
    std::string delimiter;                // one character, empty for NIL (a flat namespace)
    std::string name;                     // UTF-8: decoded from modified UTF-7 unless UTF8=ACCEPT is on
    std::string raw_name;                 // as on the wire
    // False when the server sent a name that is not valid modified UTF-7;
    // name is then the raw name.
    bool name_decoded = true;

    bool has_attribute(std::string_view attribute) const;
};

struct MailboxStatus {
    std::string name;  // as in the STATUS response, decoded like MailboxInfo::name
    std::optional<uint32_t> messages;
    std::optional<uint32_t> recent;
    std::optional<uint32_t> unseen;
    std::optional<uint32_t> uid_next;
    std::optional<uint32_t> uid_validity;
    std::optional<uint64_t> highest_modseq;
};

// Mailbox state from SELECT or EXAMINE, kept up to date by later EXISTS,
// RECENT and EXPUNGE responses.
struct SelectedMailbox {
    std::string name;  // UTF-8, as requested
    uint32_t exists = 0;
    uint32_t recent = 0;
    uint32_t uid_validity = 0;                // 0 when the server sent none
    uint32_t uid_next = 0;                    // 0 when the server sent none
    uint64_t expunge_count = 0;               // EXPUNGE responses since the SELECT; message numbers moved
    std::optional<uint32_t> first_unseen;     // [UNSEEN n]: sequence number of the first unseen message
    std::optional<uint64_t> highest_modseq;
    std::vector<std::string> flags;           // FLAGS
    std::vector<std::string> permanent_flags; // [PERMANENTFLAGS], "\*" means new keywords are allowed
    bool read_only = false;                   // [READ-ONLY] in the tagged OK, or EXAMINE
};

struct Address {
    std::string name;     // display name as sent (encoded words are not decoded)
    std::string adl;      // source route, obsolete
    std::string mailbox;  // local part, or the group name at a group start
    std::string host;     // domain; empty at a group start or end

    // RFC 3501 7.4.2: a group starts with host NIL and a mailbox, and ends
    // with both NIL.
    bool is_group_start() const { return host.empty() && !mailbox.empty(); }
    bool is_group_end() const { return host.empty() && mailbox.empty(); }
};

struct Envelope {
    std::string date;     // raw Date field
    std::string subject;  // raw Subject field
    std::vector<Address> from, sender, reply_to, to, cc, bcc;
    std::string in_reply_to;
    std::string message_id;
};

// One node of a BODYSTRUCTURE. Strings are as sent, except that type and
// subtype are lower-cased so callers can compare them.
struct BodyStructure {
    std::string type;     // "text", "multipart", "message", ...
    std::string subtype;  // "plain", "mixed", "rfc822", ...
    Parameters parameters;
    std::string id;           // Content-ID
    std::string description;  // Content-Description
    std::string encoding;     // Content-Transfer-Encoding as sent, e.g. "BASE64"
    uint64_t size = 0;        // octets of the encoded body
    uint64_t lines = 0;       // text/* and message/rfc822 only
    std::string md5;
    std::string disposition;  // "attachment", "inline", ...; empty when absent
    Parameters disposition_parameters;
    std::vector<std::string> languages;
    std::string location;
    // message/rfc822 only: the envelope of the encapsulated message. Its body
    // is the single entry of parts.
    std::optional<Envelope> envelope;
    std::vector<BodyStructure> parts;
    // The section to use in BODY[section] for this body's content: "" for a
    // multipart top level, "1", "2.1", .... The header of a message/rfc822
    // part N is section "N.HEADER".
    std::string section;

    bool is_multipart() const { return type == "multipart"; }
};

// A BODY[section]<origin> item of a FETCH response.
struct BodySection {
    std::string section;            // as in the response, e.g. "1.2", "HEADER.FIELDS (FROM)", ""
    std::optional<uint64_t> origin; // the <origin> of a partial fetch
    bool nil = false;               // the server sent NIL (no such part)
    std::string data;               // empty when the octets went to the literal sink
    bool in_sink = false;
    uint64_t size = 0;              // octets of the value
};

struct FetchedMessage {
    uint32_t sequence = 0;
    std::optional<uint32_t> uid;
    std::optional<std::vector<std::string>> flags;
    std::optional<std::string> internal_date;  // "17-Jul-1996 02:44:25 -0700"
    std::optional<uint64_t> size;              // RFC822.SIZE
    std::optional<uint64_t> modseq;
    std::optional<Envelope> envelope;
    std::optional<BodyStructure> body_structure;
    std::vector<BodySection> sections;
    // Items that could not be read, each with its name. They are skipped.
    std::vector<std::string> problems;

    bool has_flag(std::string_view flag) const;
    // The section with this name and no origin, or null.
    const BodySection *find_section(std::string_view section) const;
};

// Read a LIST response. utf8 is true when UTF8=ACCEPT is enabled, so names
// are UTF-8 already. Returns nullopt when the data does not have the
// attribute list, delimiter and name.
std::optional<MailboxInfo> read_list(const Response &response, bool utf8);
std::optional<MailboxStatus> read_status(const Response &response, bool utf8);
// Append the numbers of a "* SEARCH" response.
void read_search(const Response &response, std::vector<uint32_t> &numbers);
// Apply an untagged response to a mailbox being selected or already
// selected: EXISTS, RECENT, FLAGS and the OK codes UIDVALIDITY, UIDNEXT,
// UNSEEN, PERMANENTFLAGS and HIGHESTMODSEQ. EXPUNGE lowers exists and
// raises expunge_count. Returns false when the response carries no mailbox
// data.
bool apply_to_mailbox(const Response &response, SelectedMailbox &mailbox);
// Merge the items of a "* n FETCH (...)" response into messages, keyed by
// sequence number, so items split over several responses end up together.
void merge_fetch(const Response &response, std::map<uint32_t, FetchedMessage> &messages);

// Readers for the FETCH items, public for tests. They return nullopt when
// the value does not have the expected shape.
std::optional<Envelope> read_envelope(const Value &value);
// Read the top-level BODYSTRUCTURE (or BODY) value of a message.
std::optional<BodyStructure> read_body_structure(const Value &value);

// Decode a mailbox name from the wire: modified UTF-7, or UTF-8 as is when
// utf8 is set. Sets decoded to false and returns the raw name when it is
// not valid modified UTF-7.
std::string decode_mailbox_name(const std::string &raw, bool utf8, bool &decoded);

}  // namespace mailbridge::imap

#endif

// The state and the IMAP work behind MailBridge\Compat\ImapHandler: one
// ext/imap-style connection (imap_open() and the functions that take its
// IMAP\Connection) over imap::Client, with ext/imap's error log, message
// number and UID rules, section rules and sequence checks. The Zend glue
// in src/php/imap_compat*.cc turns the results into PHP values.
//
// Behaviour follows ext/imap in PHP 8.2 on Debian 12 (php8.2-imap on
// c-client 2007f) except where a comment names a difference. No method throws
// imap::Error: a failed command becomes a message in the error log, as in
// imap_errors(), and a false or empty result. Methods that only read use
// BODY.PEEK and never set \Seen, also without FT_PEEK.
#ifndef MAILBRIDGE_IMAPCOMPAT_HANDLER_H
#define MAILBRIDGE_IMAPCOMPAT_HANDLER_H

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/secret.h"
#include "imap/client.h"
#include "imap/results.h"
#include "imapcompat/mailbox_spec.h"
#include "tls/tls.h"

namespace mailbridge::imapcompat {

// ext/imap's constant values (php8.2-imap), and OP_XOAUTH2 from php-imap2.
constexpr long ft_uid = 1;
constexpr long ft_peek = 2;
constexpr long st_uid = 1;
constexpr long cp_uid = 1;
constexpr long cp_move = 2;
constexpr long se_uid = 1;
constexpr long se_free = 2;
constexpr long cl_expunge = 32768;
constexpr long op_xoauth2 = 512;
// Flags that imap_open() accepts, plus OP_XOAUTH2.
constexpr long open_flags_mask = 1 | 2 | 4 | 8 | 16 | 32 | 64 | 256 | cl_expunge | op_xoauth2;

// The log that imap_errors(), imap_last_error() and imap_alerts() read.
// take_errors() also clears the last error, as ext/imap does.
class ErrorLog {
public:
    void add_error(std::string message);
    void add_alert(std::string message);
    std::vector<std::string> take_errors();
    std::vector<std::string> take_alerts();
    const std::optional<std::string> &last_error() const { return last_error_; }

private:
    std::vector<std::string> errors_;
    std::vector<std::string> alerts_;
    std::optional<std::string> last_error_;
};

// Settings that have no place in the mailbox string.
struct HandlerSettings {
    tls::Options tls;            // trust store; verify flags come from /novalidate-cert
    double open_timeout = 60;    // IMAP_OPENTIMEOUT: connect, TLS and greeting
    double read_timeout = 60;    // IMAP_READTIMEOUT
    double write_timeout = 60;   // IMAP_WRITETIMEOUT, folded into the read timeout
};

// A warning that ext/imap raises with E_WARNING ("Bad message number").
struct Warning {
    std::string message;
};

// One message's data as imap_fetch_overview(), imap_headerinfo() and
// imap_fetchstructure() need it.
struct MessageData {
    uint32_t msgno = 0;
    uint32_t uid = 0;
    std::vector<std::string> flags;
    std::string internal_date;  // as sent, "17-Jul-1996 02:44:25 -0700"
    uint64_t size = 0;
    imap::Envelope envelope;
    bool has_envelope = false;
    // From BODY.PEEK[HEADER.FIELDS (References Newsgroups Followup-To Subject)].
    std::optional<std::string> references;
    bool has_subject_field = false;  // a Subject field exists, even if empty
    std::optional<std::string> newsgroups;
    std::optional<std::string> followup_to;
    std::optional<imap::BodyStructure> structure;

    bool has_flag(std::string_view flag) const;
};

class Handler {
public:
    explicit Handler(HandlerSettings settings);
    ~Handler();
    Handler(const Handler &) = delete;
    Handler &operator=(const Handler &) = delete;

    HandlerSettings &settings() { return settings_; }
    ErrorLog &log() { return log_; }

    // imap_open(). Returns false with the reason in the log. flags are
    // checked by the caller against open_flags_mask.
    bool open(std::string_view mailbox, std::string_view user, const Secret &password, long flags,
              const std::vector<std::string> &disabled_authenticators);
    bool is_open() const;
    // imap_close(): CLOSE first with CL_EXPUNGE (or CL_EXPUNGE given to open()), then LOGOUT.
    void close(long flags);
    bool ping();
    // imap_reopen(): select another mailbox on the same server.
    bool reopen(std::string_view mailbox, long flags);
    // The canonical name of the open mailbox, as imap_check()->Mailbox.
    std::string mailbox_name() const;
    uint32_t message_count();
    uint32_t recent_count();

    // imap_uid() and imap_msgno(). nullopt after a warning for a bad number.
    std::optional<uint32_t> uid_of(uint32_t msgno, Warning &warning);
    // 0 when the UID does not exist, as imap_msgno().
    uint32_t msgno_of(uint32_t uid);
    // Map a message number or (with uid) a UID to a message number. 0 and a
    // warning when it does not exist.
    uint32_t resolve(uint32_t number, bool uid, Warning &warning);

    // imap_search(). nullopt when nothing matches or the criteria are
    // invalid (the reason is then in the log).
    std::optional<std::vector<uint32_t>> search(std::string_view criteria, long flags, std::string_view charset);
    // imap_sort() for SORTDATE..SORTSIZE, computed on this side from the
    // messages that search_criteria selects.
    std::optional<std::vector<uint32_t>> sort(long criterion, bool reverse, long flags, std::string_view criteria,
                                              std::string_view charset);

    // Parse a sequence set as c-client does, for messages numbers or UIDs.
    // nullopt with "Sequence out of range" or "Syntax error in sequence" in
    // the log.
    std::optional<std::vector<uint32_t>> parse_sequence(std::string_view sequence, bool uid);
    // Fetch the data of messages by message number, in ascending order.
    std::vector<MessageData> fetch_messages(const std::vector<uint32_t> &msgnos, bool structure);

    // imap_fetchstructure(): the body structure of a message. A structure
    // that is not cached is fetched with those of the next
    // structure_window - 1 messages in one FETCH.
    // nullptr when the server sent none or the fetch failed (message in the
    // log).
    std::shared_ptr<const imap::BodyStructure> fetch_structure(uint32_t msgno);

    // imap_fetchbody() with the section already checked. nullopt when the
    // fetch failed (message in the log).
    std::optional<std::string> fetch_section(uint32_t msgno, std::string_view section);
    // imap_fetchbody() section rules: "" is the whole message, "0" the header,
    // "N.0" the header of the message/rfc822 part N; a part that the body
    // structure lacks, ".MIME", ".HEADER" and ".TEXT" give "".
    std::optional<std::string> fetch_body(uint32_t msgno, std::string_view section);
    // imap_fetchmime(): the MIME header of a part.
    std::optional<std::string> fetch_mime(uint32_t msgno, std::string_view section);

    // Flag changes by sequence; errors go to the log and the call still returns true.
    void store_flags(std::string_view sequence, std::string_view flags, bool add, bool uid);
    bool copy(std::string_view sequence, std::string_view mailbox, bool uid, bool move);
    void expunge();
    bool append(std::string_view mailbox, std::string_view message, std::string_view flags,
                std::optional<int64_t> internal_date);

    // Mailbox commands on full mailbox strings ("{host}name").
    bool create_mailbox(std::string_view mailbox);
    bool rename_mailbox(std::string_view from, std::string_view to);
    bool delete_mailbox(std::string_view mailbox);
    bool subscribe(std::string_view mailbox, bool subscribe);
    std::optional<imap::MailboxStatus> status(std::string_view mailbox);
    // imap_getmailboxes(). nullopt when the server lists nothing.
    std::optional<std::vector<imap::MailboxInfo>> list(std::string_view reference, std::string_view pattern);
    // The "{host...}" prefix of the open connection, as written in names.
    std::string server_prefix() const;

private:
    // Run fn and turn an imap::Error into a log entry. Returns false then.
    template <typename Fn>
    bool guarded(Fn &&fn);
    void record_error(const Error &error);
    void collect_alerts();
    // The mailbox name after the "}" of a full mailbox string, or the string
    // itself when it has no "{". nullopt with a log entry for a bad string.
    std::optional<std::string> mailbox_from(std::string_view mailbox);
    bool select(const std::string &name);
    void refresh_uids();
    uint64_t expunge_count() const;
    void clear_structure_cache();
    void check_structure_cache();
    void prefetch_structures(uint32_t msgno);
    std::optional<imap::BodyStructure> fetch_one_structure(uint32_t msgno);

    HandlerSettings settings_;
    ErrorLog log_;
    std::unique_ptr<imap::Client> client_;
    std::optional<ConnectionPlan> plan_;
    long open_flags_ = 0;
    std::vector<uint32_t> uids_;  // UID of message number i + 1
    bool uids_valid_ = false;
    uint64_t uids_expunge_count_ = 0;  // expunge_count() when uids_ was built

    // Body structures fetched ahead by fetch_structure(). A UID names the
    // same message for as long as the mailbox keeps its UIDVALIDITY, so
    // structures_ stays valid until another mailbox is selected or the
    // UIDVALIDITY changes. Message numbers move on every EXPUNGE, so
    // uid_by_msgno_ is emptied when the expunge count changes. Both maps
    // are emptied before they would pass max_cached_structures entries.
    struct StructureCache {
        std::string mailbox;
        uint32_t uid_validity = 0;
        uint64_t expunge_count = 0;
        std::unordered_map<uint32_t, std::shared_ptr<const imap::BodyStructure>> by_uid;
        std::unordered_map<uint32_t, uint32_t> uid_by_msgno;
    };
    StructureCache structures_;
};

// Messages whose structures one fetch_structure() miss fetches, counting
// the requested one: a loop over a mailbox then needs one round trip per
// 64 messages, and a single call fetches little more than it needs.
constexpr uint32_t structure_window = 64;
// Maximum number of body structures that one Handler caches.
constexpr size_t max_cached_structures = 1024;

// The messages of one page of SuiteCRM's ImapHandlerInterface::getMessageList().
struct MessagePage {
    uint32_t total = 0;             // messages that match, for $mailboxInfo['Nmsgs']
    std::vector<uint32_t> msgnos;   // the page, ascending as imap_fetch_overview() returns it
};

// Choose the page. Without filter criteria and with SORTDATE, pages run over
// message numbers: ascending from offset (or the last page_size messages
// when from_end), or descending from the newest message. Pages hold
// page_size + 1 messages there, as SuiteCRM's ImapHandler 7.14 computes
// them. Otherwise the messages that filter selects are sorted by
// sort_criterion and page_size of them are taken from offset.
MessagePage plan_message_page(Handler &handler, std::string_view filter, long sort_criterion, bool descending,
                              long offset, bool from_end, long page_size);

// SuiteCRM's rule for has_attachment: a top-level type other than text or
// multipart, or a part whose first disposition parameter has a value.
bool has_attachment(const imap::BodyStructure &structure);

// ext/imap's body type code (TYPETEXT 0 ... TYPEOTHER 8) for a type name,
// and the upper-cased name. Unknown names get codes 9 to 15 in order of
// first use in the process, as c-client assigns them, then 8.
int body_type_code(std::string_view type, std::string &upper_name);
// ext/imap's encoding code (ENC7BIT 0 ... ENCOTHER 5); unknown names get
// 6 to 10 in order of first use, then 5. An empty encoding is 5.
int body_encoding_code(std::string_view encoding);

// imap_utf8(): decode the encoded words of a header value to UTF-8. Only a
// word at the start, after whitespace or right after another word counts,
// so a word inside a quoted string stays as it is, and whitespace between
// two words is dropped. A word in a charset that is not known keeps its
// decoded bytes.
// NOTE: c-client also decomposes the result canonically (NFD: "é" becomes
// "e" and U+0301); this function leaves the text as the charset decoder
// produces it, which is composed for the usual charsets.
std::string decode_header_text(std::string_view text);

// RFC 5256 base subject for SORTSUBJECT: encoded words decoded, leading
// "Re:", "Fw:", "Fwd:" and "[...]" and trailing "(fwd)" removed, upper-cased.
std::string base_subject(std::string_view subject);

// Parse an INTERNALDATE ("17-Jul-1996 02:44:25 -0700") to Unix time, 0 when invalid.
int64_t parse_internal_date(std::string_view date);
// Format it as c-client's mail_date(): " 4-Dec-2026 19:32:25 +0000".
std::string format_mail_date(std::string_view date);

}  // namespace mailbridge::imapcompat

#endif

// A blocking IMAP client: one Session driven with poll(2) until each
// operation completes, with typed results. Every method throws Error when
// the operation fails (a tagged NO or BAD, BYE, I/O, timeout) and
// std::invalid_argument for an argument it rejects before sending anything.
// After a NO or BAD, and after an Error(unsupported) raised before sending,
// the connection stays usable. After a connection, TLS, protocol or timeout
// error the client is disconnected.
//
// Mailbox names are UTF-8 and are sent as modified UTF-7 (RFC 3501 5.1.3),
// or as UTF-8 when UTF8=ACCEPT is enabled. Set encode_mailbox_names to false
// to send names exactly as given, as ext/imap does.
//
// Nothing that only reads changes a flag: FETCH always uses BODY.PEEK.
#ifndef MAILBRIDGE_IMAP_CLIENT_H
#define MAILBRIDGE_IMAP_CLIENT_H

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "imap/command.h"
#include "imap/results.h"
#include "imap/session.h"

namespace mailbridge::imap {

// Items requested by a FETCH. UID FETCH always includes UID.
struct FetchRequest {
    bool flags = false;
    bool uid = false;
    bool internal_date = false;
    bool size = false;  // RFC822.SIZE
    bool envelope = false;
    bool body_structure = false;
    // Sections fetched with BODY.PEEK: "" (the whole message), "HEADER",
    // "TEXT", "1.2", "2.MIME", "HEADER.FIELDS (FROM SUBJECT)", ... The
    // ext/imap form "N.0" is sent as "N.HEADER" and "0" as "HEADER", and
    // the response names the section that way.
    std::vector<std::string> sections;
    // With a value, each section is fetched partially: <origin.count>.
    std::optional<std::pair<uint64_t, uint64_t>> partial;
    // Messages per FETCH command. A few hundred keeps each response
    // moderate without a round trip per message.
    size_t batch_size = 200;
};

// Literals above this size go to the sink given to fetch() or uid_fetch().
struct FetchSink {
    uint64_t threshold = 1024 * 1024;
    // Receives the octets with the sequence number and the item name
    // ("BODY[1]"); the UID is in the returned FetchedMessage with the same
    // sequence number. Returns false to abort, which closes the connection.
    LiteralSink sink;
};

enum class StoreMode { add, remove, replace };  // +FLAGS, -FLAGS, FLAGS

// COPYUID or APPENDUID data (RFC 4315), present when the server has UIDPLUS.
struct CopyResult {
    uint32_t uid_validity = 0;
    std::string source_uids;  // sequence set as sent by the server
    std::string target_uids;
};

struct AppendResult {
    uint32_t uid_validity = 0;  // 0 when the server has no UIDPLUS
    uint32_t uid = 0;
};

class Client {
public:
    Client(SessionConfig config, LogSink log);
    ~Client();
    Client(const Client &) = delete;
    Client &operator=(const Client &) = delete;

    // Connect, secure the connection, authenticate and ENABLE.
    void connect();
    // Send LOGOUT and close. A NO, BAD or lost connection during LOGOUT is
    // not reported.
    void logout();
    // Close without LOGOUT or TLS shutdown (after fork, or on errors).
    void abandon();
    // Use session, a ready session taken from a pool, instead of connecting.
    // The client's transcript sink and timeout replace the session's.
    void adopt(std::unique_ptr<Session> session);
    // Leave the selected mailbox without expunging and hand the session
    // over for pooling, or close it and return nullptr when it is not
    // connected, belongs to another process, or a command fails. The
    // client is disconnected afterwards either way.
    std::unique_ptr<Session> release_for_pool();
    bool connected() const;
    const SessionConfig &config() const { return config_; }
    // Overall limit in seconds for each later method call, 0 for none.
    void set_total_timeout(double seconds) { total_timeout_ = seconds; }
    // Send mailbox names as given instead of encoding them.
    void set_encode_mailbox_names(bool encode) { encode_mailbox_names_ = encode; }

    const Capabilities &capabilities() const;
    bool utf8_enabled() const;
    // [ALERT] texts received since the last call, including those of a
    // session that ended with an error.
    std::vector<std::string> take_alerts();

    Capabilities capability();
    // ID (RFC 2971): send fields (name, version, ...) and return the server's.
    std::vector<std::pair<std::string, std::string>> id(
        const std::vector<std::pair<std::string, std::string>> &fields);

    std::vector<MailboxInfo> list(std::string_view reference, std::string_view pattern);
    MailboxStatus status(std::string_view mailbox);
    const SelectedMailbox &select(std::string_view mailbox);
    const SelectedMailbox &examine(std::string_view mailbox);
    // The selected mailbox, updated by EXISTS, EXPUNGE and RECENT
    // responses to later commands; null when none is selected.
    const SelectedMailbox *selected() const { return selected_ ? &*selected_ : nullptr; }

    std::vector<uint32_t> uid_search(const SearchQuery &query);
    // SEARCH by message sequence numbers, for ext/imap compatibility.
    std::vector<uint32_t> search(const SearchQuery &query);

    std::vector<FetchedMessage> uid_fetch(const std::vector<uint32_t> &uids, const FetchRequest &request,
                                          const FetchSink &sink = {});
    std::vector<FetchedMessage> fetch(const std::vector<uint32_t> &sequence_numbers, const FetchRequest &request,
                                      const FetchSink &sink = {});

    // Returns the FETCH data of the changed messages (empty with silent).
    std::vector<FetchedMessage> uid_store(const std::vector<uint32_t> &uids, StoreMode mode,
                                          const std::vector<std::string> &flags, bool silent = true);
    std::vector<FetchedMessage> store(const std::vector<uint32_t> &sequence_numbers, StoreMode mode,
                                      const std::vector<std::string> &flags, bool silent = true);
    std::optional<CopyResult> uid_copy(const std::vector<uint32_t> &uids, std::string_view mailbox);
    std::optional<CopyResult> copy(const std::vector<uint32_t> &sequence_numbers, std::string_view mailbox);
    // MOVE (RFC 6851) when offered, else UID COPY, UID STORE +FLAGS.SILENT
    // (\Deleted) and UID EXPUNGE (RFC 4315). Without MOVE and UIDPLUS it
    // throws Error(unsupported), because a plain EXPUNGE would also remove
    // other messages marked \Deleted.
    std::optional<CopyResult> uid_move(const std::vector<uint32_t> &uids, std::string_view mailbox);
    // Returns the sequence numbers of the expunged messages, in the order
    // the server reported them (each relative to the state before it).
    std::vector<uint32_t> expunge();
    // UID EXPUNGE (RFC 4315): remove only these messages, if marked
    // \Deleted. Without UIDPLUS it throws Error(unsupported).
    std::vector<uint32_t> uid_expunge(const std::vector<uint32_t> &uids);

    // internal_date is a Unix time, sent as UTC.
    // NOTE: the message is copied into the command, so APPEND keeps two
    // copies in memory. It is not streamed from a ByteSource like SMTP DATA.
    AppendResult append(std::string_view mailbox, std::string_view message, const std::vector<std::string> &flags = {},
                        std::optional<int64_t> internal_date = std::nullopt);
    void create(std::string_view mailbox);
    void rename(std::string_view from, std::string_view to);
    void delete_mailbox(std::string_view mailbox);
    void subscribe(std::string_view mailbox);
    void unsubscribe(std::string_view mailbox);

    void noop();
    void check();
    // CLOSE: expunge deleted messages silently and deselect.
    void close_mailbox();

    // IDLE until handler returns false or seconds have passed. Requires the
    // IDLE capability and a selected mailbox. The selected mailbox is
    // updated from each event before handler is called with it. A BYE or a
    // dropped connection throws Error(connection), and reconnecting is left
    // to the caller.
    void idle(double seconds, IdleHandler handler);

private:
    void require_connected() const;
    // Destroy the session, keeping its [ALERT] texts for take_alerts().
    void drop_session();
    void run();
    void start_deadline();
    // Run command to its tagged OK and return the untagged responses. Throws
    // the session's error.
    std::vector<Response> execute(const Command &command, Stage stage);
    void track_mailbox(const std::vector<Response> &responses);
    std::string wire_name(std::string_view mailbox) const;
    Command make_command(std::string_view verb) const;
    const SelectedMailbox &open_mailbox(std::string_view mailbox, bool read_only);
    std::vector<uint32_t> run_search(const SearchQuery &query, bool by_uid);
    std::vector<FetchedMessage> run_fetch(const std::vector<uint32_t> &numbers, const FetchRequest &request,
                                          const FetchSink &sink, bool by_uid);
    std::vector<FetchedMessage> run_store(const std::vector<uint32_t> &numbers, StoreMode mode,
                                          const std::vector<std::string> &flags, bool silent, bool by_uid);
    std::optional<CopyResult> run_copy(const std::vector<uint32_t> &numbers, std::string_view mailbox,
                                       bool by_uid, const char *verb);
    void simple_mailbox_command(const char *verb, std::string_view mailbox);
    void leave_mailbox();

    SessionConfig config_;
    LogSink log_;
    std::unique_ptr<Session> session_;
    std::vector<std::string> dropped_alerts_;
    std::optional<SelectedMailbox> selected_;
    bool encode_mailbox_names_ = true;
    double total_timeout_ = 0;
    net::Clock::time_point overall_deadline_{};
    Response last_tagged_;
};

// Format a FETCH item list for request, or throw std::invalid_argument for
// a section with characters outside the section-spec grammar.
std::string format_fetch_items(const FetchRequest &request, bool by_uid);
// Format a STORE flag list, checking each flag is "\Name" or a keyword atom.
std::string format_flag_list(const std::vector<std::string> &flags);

}  // namespace mailbridge::imap

#endif

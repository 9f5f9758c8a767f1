// SMTP client session (RFC 5321) with STARTTLS (RFC 3207), AUTH (RFC 4954),
// SIZE (RFC 1870), 8BITMIME (RFC 6152), SMTPUTF8 (RFC 6531) and enhanced
// status codes (RFC 2034, RFC 3463).
//
// The session is an explicit state machine over a non-blocking socket. It
// never blocks and never polls by itself: the owner asks fd(), want() and
// deadline(), waits for readiness however it likes (one session in
// smtp/client.h, many in one loop), and calls on_ready() or on_timeout().
// Every state change goes through set_state(), which logs it.
#ifndef MAILBRIDGE_SMTP_SESSION_H
#define MAILBRIDGE_SMTP_SESSION_H

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/byte_source.h"
#include "common/error.h"
#include "common/secret.h"
#include "net/stream.h"
#include "smtp/capabilities.h"
#include "smtp/data_encoder.h"
#include "smtp/reply.h"
#include "tls/tls.h"

namespace mailbridge::smtp {

enum class Security { tls, starttls, none };

struct SessionConfig {
    std::string host;
    int port = 587;
    Security security = Security::starttls;
    // With Security::starttls, continue without TLS when the server does
    // not offer STARTTLS (opportunistic TLS, PHPMailer's SMTPAutoTLS).
    // Credentials are then still refused unless allow_plaintext_auth is set.
    bool starttls_if_offered = false;
    std::string username;
    Secret password;
    Secret oauth_token;                   // XOAUTH2 bearer token
    std::vector<std::string> mechanisms;  // caller's choice, uppercase; empty: automatic
    bool allow_plaintext_auth = false;    // send credentials without TLS
    std::string client_name = "localhost";
    double timeout = 30.0;          // seconds for each command and each write
    double connect_timeout = 30.0;  // seconds for each address tried
    double data_timeout = 600.0;    // seconds for the reply to the final dot (RFC 5321 4.5.3.2.6)
    tls::Options tls;
    ReplyLimits limits;
};

struct Transaction {
    std::string sender;                   // addr-spec for MAIL FROM, may be empty (<>)
    std::vector<std::string> recipients;  // addr-specs for RCPT TO
    // Opens the message bytes when the server has replied 354 to DATA. A
    // retry on a new connection opens them again. Line ends and leading
    // dots are encoded on the way out.
    std::function<std::unique_ptr<ByteSource>()> open_data;
    uint64_t size_estimate = 0;  // for the SIZE parameter (RFC 1870), 0 when unknown
    bool eight_bit = false;      // the message has bytes over 127: BODY=8BITMIME when offered
    bool smtputf8 = false;       // an address needs SMTPUTF8
};

struct RecipientResult {
    std::string address;
    int code = 0;
    std::string enhanced_status;
    std::string text;
    bool accepted = false;
};

struct TransactionResult {
    std::vector<RecipientResult> recipients;
    Reply final_reply;
    std::string queue_id;
};

// Receives transcript lines ("C: EHLO x", "S: 250 ok", "* TLS ...");
// credentials are already redacted.
using LogSink = std::function<void(const std::string &line)>;

class Session {
public:
    enum class State {
        closed,
        connecting,
        tls_handshake,
        greeting,
        ehlo,
        helo,
        starttls,
        starttls_handshake,
        auth,
        ready,
        mail,
        rcpt,
        data,
        body,
        data_end,
        rset,
        noop,
        quit,
        command,  // a single command of the command-level interface
        failed,
    };
    static const char *state_name(State state);

    Session(SessionConfig config, LogSink log);
    ~Session();
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    // Begin connecting, TLS, EHLO and AUTH; the operation ends in ready or
    // failed. Resolves the host synchronously and may throw Error for that.
    void open();
    // Begin a mail transaction; requires ready. Ends in ready (sent, or
    // rejected with the transaction reset) or failed.
    void begin_transaction(Transaction transaction);
    // Send RSET; requires ready.
    void begin_reset();
    // Send QUIT and close when the reply comes; requires ready.
    void begin_quit();
    // Send NOOP to check that a kept connection still works; requires ready.
    void begin_noop();

    // Command-level interface, for callers that drive the dialogue one
    // command at a time (the PHPMailer bridge). Each begin_* call starts one
    // operation that ends in ready or failed, like the operations above.
    // A reply the operation did not expect leaves the session ready with
    // error() set and the reply in last_reply(), so the caller decides what
    // comes next. A 421 reply, EOF, a timeout or a TLS failure closes the
    // connection and ends in failed. Arguments that contain CR, LF or NUL
    // throw std::invalid_argument before anything is written.

    // Connect, run the implicit TLS handshake when security is tls, and read
    // the greeting. After a 554 greeting the session sends QUIT (RFC 5321
    // section 3.1) before it fails.
    void begin_connect();
    // Send EHLO name, and HELO name when EHLO gets a reply other than 250
    // or 421. The capabilities are replaced by the EHLO reply, or emptied
    // after HELO.
    void begin_hello(const std::string &name);
    // Send STARTTLS and run the handshake. Afterwards the capabilities are
    // empty (RFC 3207 section 4.2), so the caller must send EHLO again.
    void begin_starttls();
    // Authenticate with exactly one mechanism (PLAIN, LOGIN, CRAM-MD5 or
    // XOAUTH2) and no fallback. For XOAUTH2, xoauth2_response is the
    // complete base64 initial response as an OAuth token provider returns
    // it; when it is empty the response is built from username and
    // config.oauth_token. Refused without TLS unless allow_plaintext_auth.
    void begin_auth_mechanism(const std::string &mechanism, const std::string &username, const Secret &password,
                              const Secret &xoauth2_response);
    // MAIL FROM:<sender> with " SMTPUTF8" and " XVERP" when requested; expects 250.
    void begin_mail(const std::string &sender, bool smtputf8, bool xverp);
    // RCPT TO:<address> with " NOTIFY=<notify>" when notify is not empty
    // (RFC 3461); expects 250 or 251.
    void begin_rcpt(const std::string &address, const std::string &notify);
    // DATA, then the message from source with line ends made CRLF and
    // leading dots doubled, then the final dot. The message counts as sent
    // only when the final dot gets 250.
    void begin_data(std::unique_ptr<ByteSource> source);
    // RSET or NOOP expecting 250. Unlike begin_reset() and begin_noop(), a
    // rejection leaves the connection open.
    void begin_step_reset();
    void begin_step_noop();
    // The last complete reply the server sent, with every line.
    const Reply &last_reply() const { return last_reply_; }
    // True when MAIL FROM was accepted and neither the final dot nor RSET
    // has ended the transaction since.
    bool in_transaction() const { return in_transaction_; }
    // True when the last successful hello used EHLO, false after HELO.
    bool used_ehlo() const { return used_ehlo_; }
    bool hello_done() const { return hello_done_; }
    bool tls_active() const { return tls_active_; }
    bool authenticated() const { return authenticated_; }
    // The reply to the last successful EHLO or HELO (code 0 before one),
    // and the one before STARTTLS (code 0 when STARTTLS was not used).
    // Kept whole so that a pooled session can show a new owner what a new
    // connection would have shown.
    const Reply &hello_reply() const { return hello_reply_; }
    const Reply &hello_reply_before_tls() const { return hello_reply_before_tls_; }
    // The settings this session was opened with, updated by the
    // command-level calls (security after STARTTLS, client name, identity),
    // so that pool::make_key() of it names what the connection is.
    const SessionConfig &config() const { return config_; }

    // Replace the transcript sink (a pooled session changes owners).
    void set_log(LogSink log) { log_ = std::move(log); }
    // Close at once without QUIT or TLS shutdown (for a forked child or
    // after errors).
    void abandon();

    // Event loop interface.
    int fd() const { return stream_.fd(); }
    net::Want want() const { return want_; }
    net::Clock::time_point deadline() const { return deadline_; }
    void on_ready();
    void on_timeout();

    // True while an operation is in progress.
    bool busy() const;
    State state() const { return state_; }
    // True when the session can start a transaction: ready and the peer has
    // neither closed the connection nor sent anything unasked (a 421).
    bool check_idle_connection();
    // Number of transactions completed on this connection.
    unsigned transactions() const { return transactions_; }
    // Process that opened the connection: a child after fork() must not
    // touch it, because the parent still uses the same socket and TLS state.
    pid_t owner_pid() const { return owner_pid_; }
    net::Clock::time_point opened_at() const { return opened_at_; }
    // When the last operation on this connection finished.
    net::Clock::time_point last_used() const { return last_used_; }
    // True when the last transaction failed before MAIL FROM was accepted,
    // in a way that a fresh connection may fix (EOF, 421, 451 on a reused connection).
    bool failed_before_mail_accepted() const { return failed_before_mail_; }

    // Error of the last operation, when it failed. The session keeps it
    // until the next operation starts.
    const std::optional<Error> &error() const { return error_; }
    const TransactionResult &result() const { return result_; }
    const Capabilities &capabilities() const { return capabilities_; }

private:
    enum class AuthStep { initial, username, password, challenge, token, error_ack };

    void set_state(State state);
    void log(const std::string &line) const;
    void send_command(const std::string &line, State next);
    void send_secret_line(const std::string &line);
    void await_reply(State next, double seconds);
    void pump();
    bool flush_output();
    bool read_input();
    void handle_reply(const Reply &reply);

    void on_connected();
    void try_next_address(const std::string &reason);
    void start_tls_handshake(State state);
    void on_handshake_done();
    void on_greeting(const Reply &reply);
    void on_ehlo(const Reply &reply);
    void on_helo(const Reply &reply);
    void after_hello();
    void on_starttls(const Reply &reply);

    void begin_auth();
    void start_mechanism();
    void on_auth(const Reply &reply);
    void auth_failed(const Reply &reply);
    std::vector<std::string> choose_mechanisms() const;

    void send_mail_from();
    void on_mail(const Reply &reply);
    void send_next_rcpt();
    void on_rcpt(const Reply &reply);
    void on_data(const Reply &reply);
    void fill_body();
    void on_data_end(const Reply &reply);
    void on_rset(const Reply &reply);
    void on_quit(const Reply &reply);
    void on_noop(const Reply &reply);
    void finish_transaction_failure();

    void begin_step_command(const std::string &line, const std::string &verb, Stage stage, std::vector<int> expected);
    void on_step_command(const Reply &reply);
    void step_rejected(const Reply &reply, const std::string &verb, Stage stage);
    void on_step_greeting(const Reply &reply);
    void on_step_ehlo(const Reply &reply);
    void on_step_helo(const Reply &reply);
    void on_step_starttls_done();
    void on_step_data(const Reply &reply);
    void on_step_data_end(const Reply &reply);
    std::string xoauth2_response() const;
    void forget_credentials();

    Stage current_stage() const;
    std::string pending_command_verb() const;
    void fail(Error error);
    void fail_local_read(const std::string &reason);
    void fail_reply(ErrorKind kind, Stage stage, const std::string &command, const Reply &reply,
                    const std::string &message);
    void fail_io(const std::string &what, bool timed_out);
    void reply_to_error(Error &error, const Reply &reply) const;

    SessionConfig config_;
    LogSink log_;
    net::Stream stream_;
    State state_ = State::closed;
    net::Want want_ = net::Want::nothing;
    net::Clock::time_point deadline_{};
    bool awaiting_reply_ = false;

    std::vector<net::ResolvedAddress> addresses_;
    size_t address_index_ = 0;
    std::string connect_errors_;

    std::string out_;
    size_t out_offset_ = 0;
    bool out_secret_ = false;  // out_ contains credentials, so it is wiped once written
    std::string in_;
    ReplyParser parser_;
    Capabilities capabilities_;
    bool tls_active_ = false;

    std::vector<std::string> mechanisms_;
    size_t mechanism_index_ = 0;
    AuthStep auth_step_ = AuthStep::initial;
    std::string auth_failures_;
    Reply last_auth_reply_;

    Transaction transaction_;
    TransactionResult result_;
    size_t rcpt_index_ = 0;
    bool pipelined_ = false;      // MAIL, RCPT and DATA went out in one write (RFC 2920)
    bool aborting_data_ = false;  // an empty message ends a DATA that had no recipients
    std::unique_ptr<ByteSource> source_;
    uint64_t body_bytes_ = 0;
    DataEncoder encoder_;
    bool dot_sent_ = false;
    std::optional<Error> pending_error_;  // transaction error reported after RSET
    std::optional<Error> error_;
    bool failed_before_mail_ = false;
    unsigned transactions_ = 0;
    pid_t owner_pid_ = 0;

    // Command-level interface state.
    bool stepwise_ = false;  // the running operation is a command-level one
    Reply last_reply_;
    std::string step_verb_;          // verb of the outstanding command-level command
    Stage step_stage_ = Stage::none;
    std::vector<int> step_expected_;  // reply codes that count as success
    std::string hello_name_;
    std::unique_ptr<ByteSource> step_source_;
    Secret xoauth2_response_;
    Reply hello_reply_;
    Reply hello_reply_before_tls_;
    bool in_transaction_ = false;
    bool used_ehlo_ = false;
    bool hello_done_ = false;
    bool authenticated_ = false;
    net::Clock::time_point opened_at_{};
    net::Clock::time_point last_used_{};
};

}  // namespace mailbridge::smtp

#endif

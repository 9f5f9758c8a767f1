// IMAP client session (RFC 3501, RFC 9051) with STARTTLS (RFC 3501 6.2.1,
// RFC 8314), AUTHENTICATE with SASL-IR (RFC 4959), PLAIN (RFC 4616) and
// XOAUTH2, LOGIN, LITERAL+ and LITERAL- (RFC 7888), ENABLE UTF8=ACCEPT
// (RFC 5161, RFC 6855) and IDLE (RFC 2177).
//
// Like smtp::Session, the session is a state machine over a non-blocking
// socket that does not poll by itself: the owner waits for fd() to become
// ready for what want() returns, up to deadline(), and calls on_ready() or
// on_timeout(). Only open() blocks, while it resolves the host name. Every
// state change goes through set_state().
//
// The session does not interpret command results. It sends one tagged
// command at a time, collects the untagged responses that arrive until the
// tagged one, and maps a tagged NO or BAD to error(). imap::Client turns
// the collected responses into typed results.
#ifndef MAILBRIDGE_IMAP_SESSION_H
#define MAILBRIDGE_IMAP_SESSION_H

#include <sys/types.h>

#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/secret.h"
#include "imap/command.h"
#include "imap/response.h"
#include "imap/results.h"
#include "net/stream.h"
#include "tls/tls.h"

namespace mailbridge::imap {

enum class Security { tls, starttls, none };

struct SessionConfig {
    std::string host;
    int port = 993;
    Security security = Security::tls;  // implicit TLS (993), STARTTLS (143) or none
    std::string username;
    Secret password;
    Secret oauth_token;                  // XOAUTH2 bearer token, used instead of the password
    // "LOGIN", "PLAIN" or "XOAUTH2"; empty chooses XOAUTH2 with a token, else
    // PLAIN when offered, else LOGIN. Only one mechanism is tried, because
    // each failed attempt counts towards the server's lockout.
    std::string mechanism;
    bool allow_plaintext_auth = false;   // send credentials without TLS
    bool enable_utf8 = true;             // ENABLE UTF8=ACCEPT when the server offers it
    double timeout = 30.0;               // seconds without progress before a command fails
    double connect_timeout = 30.0;       // seconds for each address tried, TLS handshake included
    // Seconds for AUTHENTICATE and LOGIN. Microsoft 365 can take about 30
    // seconds to accept a valid OAuth2 token.
    double auth_timeout = 60.0;
    tls::Options tls;
    ResponseLimits limits;
};

// Receives transcript lines ("C: A1 SELECT INBOX", "S: * 3 EXISTS",
// "* TLS ..."). Credentials are redacted before a line is built.
using LogSink = std::function<void(const std::string &line)>;

// Receives the untagged data responses that arrive during IDLE (EXISTS,
// EXPUNGE, FETCH, RECENT, ...). Keep-alive "* OK" lines are not passed on.
// Returns false to end the IDLE.
using IdleHandler = std::function<bool(const Response &response)>;

class Session {
public:
    enum class State {
        closed,
        connecting,
        tls_handshake,
        greeting,
        capability,
        starttls,
        starttls_handshake,
        authenticate,
        enable,
        ready,
        command,
        idle_start,
        idling,
        idle_done,
        logout,
        failed,
    };
    static const char *state_name(State state);

    Session(SessionConfig config, LogSink log);
    ~Session();
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    // Begin connecting, TLS, greeting, CAPABILITY, STARTTLS, authentication
    // and ENABLE. Ends in ready or failed. Resolves the host synchronously.
    void open();
    // Send command. Throws std::logic_error unless the state is ready, as
    // begin_idle() and begin_logout() do. Ends in ready when the tagged response
    // arrives (with error() set for NO or BAD) or failed when the connection
    // is lost or the server sends BYE. timeout 0 means config.timeout.
    void begin_command(const Command &command, Stage stage, double timeout = 0);
    // Send IDLE and pass untagged data to handler until it returns false or
    // seconds have passed; then send DONE and wait for the tagged response.
    // Every renew_seconds the IDLE is ended and sent again, because servers
    // drop a connection idle for 30 minutes (RFC 2177 section 3).
    void begin_idle(double seconds, IdleHandler handler, double renew_seconds = 28 * 60);
    // Send LOGOUT and close when the tagged response arrives.
    void begin_logout();
    // Close at once without LOGOUT or TLS shutdown.
    void abandon();
    // Replace the transcript sink. A pooled session has none while idle.
    void set_log(LogSink log) { log_ = std::move(log); }
    // Seconds without progress before a later command fails, 0 for the
    // configured value. A pooled session takes the reusing client's value.
    void set_timeout(double seconds) { config_.timeout = seconds; }
    // True when the session is ready and the peer has neither closed the
    // connection nor sent anything unasked (usually "* BYE" on autologout).
    // Otherwise the session is closed without LOGOUT.
    bool check_idle_connection();

    // Pass each literal of more than threshold octets to sink instead of
    // keeping it in the responses. Call only when the session is not busy.
    void set_literal_sink(uint64_t threshold, LiteralSink sink);
    void clear_literal_sink();

    // Event loop interface.
    int fd() const { return stream_.fd(); }
    net::Want want() const { return want_; }
    net::Clock::time_point deadline() const { return deadline_; }
    void on_ready();
    void on_timeout();

    bool busy() const;
    State state() const { return state_; }
    const std::optional<Error> &error() const { return error_; }
    // The tagged response that ended the last command.
    const Response &tagged() const { return tagged_; }
    // Untagged responses received since the last operation began, in order.
    // NOTE: their number is not bounded, only each one's size (limits), so
    // a command that matches many messages should be batched.
    // Responses consumed by the session itself (CAPABILITY, keep-alives) and
    // those passed to an IdleHandler are not included.
    std::vector<Response> take_untagged();
    // Texts of [ALERT] responses, which RFC 3501 7.1 requires a client to show to the user.
    std::vector<std::string> take_alerts();
    const Capabilities &capabilities() const { return capabilities_; }
    bool utf8_enabled() const { return utf8_enabled_; }
    bool tls_active() const { return tls_active_; }
    pid_t owner_pid() const { return owner_pid_; }
    net::Clock::time_point opened_at() const { return opened_at_; }
    // When the session last became ready, that is when a command ended.
    net::Clock::time_point last_used() const { return last_used_; }

private:
    enum class AuthStep { sent, initial_response_sent, error_acknowledged };

    void set_state(State state);
    void require_ready(const char *operation) const;
    void log(const std::string &line) const;
    void send_command(const Command &command, State next, double timeout);
    void send_secret_line(std::string &line);
    void pump();
    bool flush_output();
    bool read_input();
    void handle_response(Response &response);
    void handle_untagged(Response &response);
    void handle_continuation(const Response &response);
    void handle_tagged(const Response &response);
    void note_alert(const Response &response);

    void on_connected();
    void try_next_address(const std::string &reason);
    void start_tls_handshake(State state);
    void on_handshake_done();
    void on_greeting(const Response &response);
    void request_capabilities();
    void after_capabilities();
    void on_starttls(const Response &response);
    void begin_auth();
    void send_login();
    void send_authenticate(const std::string &mechanism);
    void on_auth_continuation(const Response &response);
    void on_auth_done(const Response &response);
    void on_idle_continuation();
    void on_idle_untagged(const Response &response);
    void send_done();
    void on_idle_done(const Response &response);

    std::string sasl_response(const std::string &mechanism) const;
    Stage current_stage() const;
    void fail(Error error);
    void fail_io(const std::string &reason, bool timed_out);
    void fail_protocol(const std::string &problem);
    void clear_output();

    SessionConfig config_;
    LogSink log_;
    net::Stream stream_;
    State state_ = State::closed;
    net::Want want_ = net::Want::nothing;
    net::Clock::time_point deadline_{};
    double read_timeout_ = 30.0;

    std::vector<net::ResolvedAddress> addresses_;
    size_t address_index_ = 0;
    std::string connect_errors_;

    std::string out_;
    size_t out_offset_ = 0;
    bool out_secret_ = false;  // out_ or pending_chunks_ contain credentials
    std::deque<CommandChunk> pending_chunks_;
    bool awaiting_continuation_ = false;
    std::string in_;
    ResponseParser parser_;

    unsigned tag_counter_ = 0;
    std::string current_tag_;
    std::string current_verb_;
    Stage current_command_stage_ = Stage::none;
    Response tagged_;
    std::vector<Response> untagged_;
    std::vector<std::string> alerts_;

    Capabilities capabilities_;
    bool capabilities_known_ = false;
    bool tls_active_ = false;
    bool authenticated_ = false;
    bool enable_done_ = false;
    bool utf8_enabled_ = false;

    std::string auth_mechanism_;
    AuthStep auth_step_ = AuthStep::sent;
    std::string auth_details_;  // decoded XOAUTH2 error, for the error message

    IdleHandler idle_handler_;
    net::Clock::time_point idle_end_{};
    double idle_renew_seconds_ = 0;
    bool idle_stop_ = false;  // DONE was sent to end the IDLE, not to renew it

    std::optional<Error> error_;
    pid_t owner_pid_ = 0;
    net::Clock::time_point opened_at_{};
    net::Clock::time_point last_used_{};
};

}  // namespace mailbridge::imap

#endif

#include "smtp/session.h"

#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <regex>

#include "common/base64.h"
#include "smtp/hints.h"
#include "smtp/sasl.h"

namespace mailbridge::smtp {

namespace {

constexpr size_t read_chunk = 16384;
constexpr size_t body_chunk = 65536;
// RFC 4954 section 4: a command line with an initial response must fit in
// 512 octets including CRLF; longer responses go after an empty 334.
constexpr size_t max_auth_line = 512;

net::Clock::time_point after(double seconds)
{
    return net::Clock::now() + std::chrono::duration_cast<net::Clock::duration>(
                                   std::chrono::duration<double>(seconds));
}

std::string first_line(const Reply &reply)
{
    return reply.lines.empty() ? std::string() : reply.lines.front();
}

std::string reply_summary(const Reply &reply)
{
    std::string text = reply.text();
    std::replace(text.begin(), text.end(), '\n', ' ');
    return std::to_string(reply.code) + " " + text;
}

std::string extract_queue_id(const std::string &text)
{
    static const std::regex queued("queued as ([A-Za-z0-9._-]+)", std::regex::icase);
    std::smatch match;
    if (std::regex_search(text, match, queued))
        return match[1];
    return {};
}

}  // namespace

const char *Session::state_name(State state)
{
    switch (state) {
    case State::closed: return "closed";
    case State::connecting: return "connecting";
    case State::tls_handshake: return "tls-handshake";
    case State::greeting: return "greeting";
    case State::ehlo: return "ehlo";
    case State::helo: return "helo";
    case State::starttls: return "starttls";
    case State::starttls_handshake: return "starttls-handshake";
    case State::auth: return "auth";
    case State::ready: return "ready";
    case State::mail: return "mail";
    case State::rcpt: return "rcpt";
    case State::data: return "data";
    case State::body: return "body";
    case State::data_end: return "data-end";
    case State::rset: return "rset";
    case State::noop: return "noop";
    case State::quit: return "quit";
    case State::command: return "command";
    case State::failed: return "failed";
    }
    return "unknown";
}

Session::Session(SessionConfig config, LogSink log)
    : config_(std::move(config)), log_(std::move(log)), parser_(config_.limits)
{
}

Session::~Session()
{
    if (out_secret_)
        wipe_string(out_);
}

void Session::set_state(State state)
{
    state_ = state;
    if (state == State::ready)
        last_used_ = net::Clock::now();
    if (state == State::ready || state == State::failed || state == State::closed) {
        // A pooled session outlives the request: it must not keep the
        // message (or anything it refers to) once the transaction is over.
        transaction_.open_data = nullptr;
        source_.reset();
        step_source_.reset();
    }
    if (state == State::failed || state == State::closed)
        in_transaction_ = false;
}

void Session::log(const std::string &line) const
{
    if (log_)
        log_(line);
}

bool Session::busy() const
{
    return state_ != State::closed && state_ != State::ready && state_ != State::failed;
}

// Verb of the command whose reply or data transfer is outstanding.
std::string Session::pending_command_verb() const
{
    switch (state_) {
    case State::ehlo: return "EHLO";
    case State::helo: return "HELO";
    case State::starttls: return "STARTTLS";
    case State::auth: return "AUTH";
    case State::mail: return "MAIL";
    case State::rcpt: return "RCPT";
    case State::data:
    case State::body:
    case State::data_end:
        return "DATA";
    case State::rset: return "RSET";
    case State::noop: return "NOOP";
    case State::quit: return "QUIT";
    case State::command: return step_verb_;
    default: return {};
    }
}

Stage Session::current_stage() const
{
    switch (state_) {
    case State::closed:
    case State::connecting:
    case State::greeting:
        return Stage::connect;
    case State::tls_handshake:
    case State::starttls:
    case State::starttls_handshake:
        return Stage::tls;
    case State::ehlo:
    case State::helo:
        return Stage::ehlo;
    case State::auth: return Stage::auth;
    case State::ready:
    case State::mail:
        return Stage::mail;
    case State::rcpt: return Stage::rcpt;
    case State::data:
    case State::body:
        return dot_sent_ ? Stage::after_dot : Stage::data;
    case State::data_end: return Stage::after_dot;
    case State::rset: return Stage::rset;
    case State::noop: return Stage::mail;
    case State::quit: return Stage::quit;
    case State::command: return step_stage_;
    case State::failed: return Stage::none;
    }
    return Stage::none;
}

// ---------------------------------------------------------------------------
// Operations

void Session::open()
{
    stepwise_ = false;
    error_.reset();
    pending_error_.reset();
    failed_before_mail_ = false;
    transactions_ = 0;
    owner_pid_ = getpid();
    opened_at_ = net::Clock::now();
    capabilities_ = Capabilities();
    tls_active_ = false;
    in_.clear();
    parser_.reset();
    connect_errors_.clear();
    address_index_ = 0;
    set_state(State::connecting);
    try {
        addresses_ = net::resolve(config_.host, config_.port);
    } catch (Error &error) {
        fail(error);
        return;
    }
    try_next_address("");
}

void Session::begin_transaction(Transaction transaction)
{
    stepwise_ = false;
    error_.reset();
    pending_error_.reset();
    failed_before_mail_ = false;
    transaction_ = std::move(transaction);
    result_ = TransactionResult();
    rcpt_index_ = 0;
    pipelined_ = false;
    aborting_data_ = false;
    source_.reset();
    body_bytes_ = 0;
    dot_sent_ = false;
    encoder_.reset();

    if (transaction_.smtputf8 && !capabilities_.has("SMTPUTF8")) {
        Error error(ErrorKind::unsupported, Stage::mail,
                    "the message has an address with a non-ASCII local part, which needs SMTPUTF8, "
                    "but the server does not offer it");
        error.command = "MAIL";
        error.hint = "use an ASCII address, or a server that supports SMTPUTF8 (RFC 6531)";
        error_ = error;
        return;
    }
    send_mail_from();
    pump();
}

void Session::begin_reset()
{
    error_.reset();
    send_command("RSET", State::rset);
    pump();
}

void Session::begin_noop()
{
    error_.reset();
    send_command("NOOP", State::noop);
    pump();
}

void Session::begin_quit()
{
    error_.reset();
    send_command("QUIT", State::quit);
    pump();
}

void Session::abandon()
{
    stream_.close();
    if (out_secret_)
        wipe_string(out_);
    out_.clear();
    out_offset_ = 0;
    out_secret_ = false;
    awaiting_reply_ = false;
    want_ = net::Want::nothing;
    set_state(State::closed);
}

bool Session::check_idle_connection()
{
    if (state_ != State::ready || !stream_.is_open())
        return false;
    char probe[512];
    ssize_t n = ::recv(stream_.fd(), probe, sizeof(probe), MSG_PEEK | MSG_DONTWAIT);
    if (n == 0) {
        log("* the server closed the idle connection");
        abandon();
        return false;
    }
    if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
        abandon();
        return false;
    }
    if (n > 0 || stream_.has_buffered_input()) {
        // Something unasked, usually "421 ... timeout exceeded": read it for
        // the transcript, then give up the connection.
        net::IoResult result = stream_.read(probe, sizeof(probe));
        if (result.status == net::IoResult::Status::ok)
            log("S: " + censor(std::string(probe, result.bytes)));
        log("* the server sent data on an idle connection; not reusing it");
        abandon();
        return false;
    }
    return true;
}

// ---------------------------------------------------------------------------
// I/O

void Session::send_command(const std::string &line, State next)
{
    log("C: " + line);
    out_ += line;
    out_ += "\r\n";
    await_reply(next, config_.timeout);
}

// Queue a line that carries credentials; the transcript shows its length only.
void Session::send_secret_line(const std::string &line)
{
    out_secret_ = true;
    out_ += line;
    out_ += "\r\n";
}

void Session::await_reply(State next, double seconds)
{
    set_state(next);
    awaiting_reply_ = true;
    deadline_ = after(seconds);
}

void Session::on_ready()
{
    if (state_ == State::connecting) {
        std::string reason;
        if (stream_.finish_connect(reason))
            on_connected();
        else
            try_next_address(reason);
        return;
    }
    pump();
}

void Session::on_timeout()
{
    if (state_ == State::connecting) {
        stream_.close();
        try_next_address("timed out");
        return;
    }
    if (!busy())
        return;
    fail_io("timed out", true);
}

// Drive the connection as far as it goes without blocking: finish the TLS
// handshake, write queued output, read and handle replies.
void Session::pump()
{
    while (busy()) {
        if (state_ == State::tls_handshake || state_ == State::starttls_handshake) {
            net::IoResult result = stream_.handshake();
            if (result.status == net::IoResult::Status::would_block) {
                want_ = result.want;
                return;
            }
            if (result.status != net::IoResult::Status::ok) {
                Error error(ErrorKind::tls, Stage::tls,
                            stream_.tls()->describe_failure(result.error) + " with " + config_.host + ":" +
                                std::to_string(config_.port));
                error.hint = stream_.tls()->failure_hint(result.error, config_.security == Security::tls);
                stream_.close();
                fail(error);
                return;
            }
            on_handshake_done();
            continue;
        }
        if (!flush_output())
            return;
        if (state_ == State::body) {
            fill_body();
            continue;
        }
        if (!awaiting_reply_)
            return;
        size_t consumed = 0;
        ReplyParser::Status status = parser_.feed(in_.data(), in_.size(), consumed);
        in_.erase(0, consumed);
        if (status == ReplyParser::Status::error) {
            Error error(ErrorKind::protocol, current_stage(), parser_.error_message());
            error.hint = "the server does not speak SMTP, or not on this port: check the host and port "
                         "(IMAP on 143 or 993 and HTTP answer differently)";
            stream_.close();
            fail(error);
            return;
        }
        if (status == ReplyParser::Status::complete) {
            Reply reply = parser_.take();
            for (size_t i = 0; i < reply.lines.size(); ++i) {
                bool last = i + 1 == reply.lines.size();
                log("S: " + std::to_string(reply.code) + (last ? " " : "-") + censor(reply.lines[i]));
            }
            awaiting_reply_ = false;
            last_reply_ = reply;
            handle_reply(reply);
            continue;
        }
        if (!read_input())
            return;
    }
    want_ = net::Want::nothing;
}

// Write queued output. Returns true when all of it is written.
bool Session::flush_output()
{
    while (out_offset_ < out_.size()) {
        net::IoResult result = stream_.write(out_.data() + out_offset_, out_.size() - out_offset_);
        if (result.status == net::IoResult::Status::ok) {
            out_offset_ += result.bytes;
            deadline_ = after(state_ == State::data_end ? config_.data_timeout : config_.timeout);
            continue;
        }
        if (result.status == net::IoResult::Status::would_block) {
            want_ = result.want;
            return false;
        }
        fail_io(result.status == net::IoResult::Status::eof ? "connection closed by the server"
                                                            : "write failed: " + result.error,
                false);
        return false;
    }
    if (out_secret_)
        wipe_string(out_);
    out_.clear();
    out_offset_ = 0;
    out_secret_ = false;
    return true;
}

// Read available input. Returns false when the caller must wait.
bool Session::read_input()
{
    char buffer[read_chunk];
    net::IoResult result = stream_.read(buffer, sizeof(buffer));
    if (result.status == net::IoResult::Status::ok) {
        in_.append(buffer, result.bytes);
        return true;
    }
    if (result.status == net::IoResult::Status::would_block) {
        want_ = result.want;
        return false;
    }
    fail_io(result.status == net::IoResult::Status::eof ? "connection closed by the server"
                                                        : "read failed: " + result.error,
            false);
    return false;
}

void Session::handle_reply(const Reply &reply)
{
    if (stepwise_) {
        switch (state_) {
        case State::greeting: on_step_greeting(reply); return;
        case State::ehlo: on_step_ehlo(reply); return;
        case State::helo: on_step_helo(reply); return;
        case State::data: on_step_data(reply); return;
        case State::data_end: on_step_data_end(reply); return;
        default: break;
        }
    }
    switch (state_) {
    case State::greeting: on_greeting(reply); break;
    case State::ehlo: on_ehlo(reply); break;
    case State::helo: on_helo(reply); break;
    case State::starttls: on_starttls(reply); break;
    case State::command: on_step_command(reply); break;
    case State::auth: on_auth(reply); break;
    case State::mail: on_mail(reply); break;
    case State::rcpt: on_rcpt(reply); break;
    case State::data: on_data(reply); break;
    case State::data_end: on_data_end(reply); break;
    case State::rset: on_rset(reply); break;
    case State::noop: on_noop(reply); break;
    case State::quit: on_quit(reply); break;
    default:
        fail(Error(ErrorKind::protocol, current_stage(), "unexpected server reply " + reply_summary(reply)));
        break;
    }
}

// ---------------------------------------------------------------------------
// Connection setup

void Session::try_next_address(const std::string &reason)
{
    if (!reason.empty() && address_index_ > 0) {
        if (!connect_errors_.empty())
            connect_errors_ += ", ";
        connect_errors_ += addresses_[address_index_ - 1].text + ": " + reason;
    }
    while (address_index_ < addresses_.size()) {
        const net::ResolvedAddress &address = addresses_[address_index_++];
        log("* connecting to " + address.text);
        std::string error;
        if (stream_.start_connect(address, error)) {
            set_state(State::connecting);
            want_ = net::Want::write;
            deadline_ = after(config_.connect_timeout);
            return;
        }
        if (!connect_errors_.empty())
            connect_errors_ += ", ";
        connect_errors_ += address.text + ": " + error;
    }
    Error error(ErrorKind::connection, Stage::connect,
                "cannot connect to " + config_.host + " port " + std::to_string(config_.port) + " (" +
                    (connect_errors_.empty() ? std::string("no address") : connect_errors_) + ")");
    error.transient = true;
    error.hint = connect_hint;
    fail(error);
}

void Session::on_connected()
{
    log("* connected");
    if (config_.security == Security::tls)
        start_tls_handshake(State::tls_handshake);
    else
        await_reply(State::greeting, config_.timeout);
    pump();
}

void Session::start_tls_handshake(State state)
{
    std::unique_ptr<tls::Session> session;
    try {
        session = std::make_unique<tls::Session>(config_.tls, config_.host);
    } catch (Error &error) {
        stream_.close();
        fail(error);
        return;
    }
    stream_.start_tls(std::move(session));
    set_state(state);
    deadline_ = after(config_.timeout);
}

void Session::on_handshake_done()
{
    std::string pin_error = stream_.tls()->check_pin();
    if (!pin_error.empty()) {
        Error error(ErrorKind::tls, Stage::tls, pin_error);
        error.hint = "the 'tls' => ['fingerprint' => ...] option does not match the server certificate";
        stream_.close();
        fail(error);
        return;
    }
    tls_active_ = true;
    log("* TLS established: " + stream_.tls()->protocol_and_cipher());
    if (state_ == State::tls_handshake) {
        await_reply(State::greeting, config_.timeout);
        return;
    }
    if (stepwise_) {
        on_step_starttls_done();
        return;
    }
    // RFC 3207 section 4.2: forget everything learned before TLS.
    capabilities_ = Capabilities();
    send_command("EHLO " + config_.client_name, State::ehlo);
}

void Session::on_greeting(const Reply &reply)
{
    if (reply.code != 220) {
        fail_reply(ErrorKind::server_reply, Stage::connect, "", reply,
                   "the server refused the connection: " + reply_summary(reply));
        return;
    }
    send_command("EHLO " + config_.client_name, State::ehlo);
}

void Session::on_ehlo(const Reply &reply)
{
    if (reply.code == 250) {
        capabilities_ = Capabilities::parse(reply);
        after_hello();
        return;
    }
    if (reply.code == 421) {
        fail_reply(ErrorKind::server_reply, Stage::ehlo, "EHLO", reply, "EHLO failed: " + reply_summary(reply));
        return;
    }
    // RFC 5321 section 3.2: fall back to HELO when EHLO is not understood.
    send_command("HELO " + config_.client_name, State::helo);
}

void Session::on_helo(const Reply &reply)
{
    if (reply.code != 250) {
        fail_reply(ErrorKind::server_reply, Stage::ehlo, "HELO", reply, "HELO failed: " + reply_summary(reply));
        return;
    }
    capabilities_ = Capabilities();
    after_hello();
}

void Session::after_hello()
{
    if (config_.security == Security::starttls && !tls_active_) {
        if (!capabilities_.has("STARTTLS") && config_.starttls_if_offered) {
            log("* the server does not offer STARTTLS; continuing without TLS");
            begin_auth();
            return;
        }
        if (!capabilities_.has("STARTTLS")) {
            Error error(ErrorKind::tls, Stage::tls, "the server does not offer STARTTLS, which 'security' => "
                                                    "'starttls' requires");
            error.hint = "use 'security' => 'tls' on port 465 if the server offers implicit TLS; "
                         "'security' => 'none' sends everything in clear text";
            fail(error);
            return;
        }
        send_command("STARTTLS", State::starttls);
        return;
    }
    begin_auth();
}

void Session::on_starttls(const Reply &reply)
{
    if (stepwise_ && reply.code != 220 && reply.code != 421) {
        step_rejected(reply, "STARTTLS", Stage::tls);
        return;
    }
    if (reply.code != 220) {
        fail_reply(ErrorKind::tls, Stage::tls, "STARTTLS", reply, "STARTTLS failed: " + reply_summary(reply));
        return;
    }
    // RFC 3207 section 5: bytes that arrived with or after the 220 were
    // sent before TLS and may be injected by a man in the middle.
    char probe[64];
    ssize_t pending = ::recv(stream_.fd(), probe, sizeof(probe), MSG_PEEK | MSG_DONTWAIT);
    if (!in_.empty() || pending > 0) {
        size_t count = in_.size() + (pending > 0 ? static_cast<size_t>(pending) : 0);
        Error error(ErrorKind::tls, Stage::tls,
                    "possible STARTTLS response injection: the server sent " + std::to_string(count) +
                        " unexpected bytes after its 220 reply; the connection was closed");
        error.hint = "something between this host and the server is tampering with the connection";
        stream_.close();
        fail(error);
        return;
    }
    parser_.reset();
    start_tls_handshake(State::starttls_handshake);
}

// ---------------------------------------------------------------------------
// Authentication (RFC 4954)

std::vector<std::string> Session::choose_mechanisms() const
{
    std::vector<std::string> preferred;
    if (!config_.mechanisms.empty())
        preferred = config_.mechanisms;
    else if (!config_.oauth_token.empty())
        preferred = {"XOAUTH2"};
    else if (tls_active_)
        // Under TLS no mechanism hides more than another, so the one with
        // the fewest round trips goes first; CRAM-MD5 also needs the server
        // to store the password in clear, so it fails more often.
        preferred = {"PLAIN", "LOGIN", "CRAM-MD5"};
    else
        // Without TLS (allow_plaintext_auth), CRAM-MD5 at least keeps the
        // password off the wire.
        preferred = {"CRAM-MD5", "PLAIN", "LOGIN"};

    std::vector<std::string> usable;
    for (const std::string &mechanism : preferred) {
        if (capabilities_.has_auth(mechanism))
            usable.push_back(mechanism);
    }
    return usable;
}

void Session::begin_auth()
{
    if (config_.username.empty() && !stepwise_) {
        set_state(State::ready);
        return;
    }
    if (!tls_active_ && !config_.allow_plaintext_auth) {
        Error error(ErrorKind::authentication, Stage::auth, plaintext_auth_refused);
        error.hint = "use 'security' => 'starttls' or 'tls'; set 'allow_plaintext_auth' => true only for a "
                     "trusted local relay";
        fail(error);
        return;
    }
    if (!capabilities_.auth_advertised) {
        Error error(ErrorKind::authentication, Stage::auth, "the server does not offer AUTH");
        error.hint = tls_active_ ? no_auth_over_tls_hint : no_auth_without_tls_hint;
        fail(error);
        return;
    }
    mechanisms_ = choose_mechanisms();
    if (mechanisms_.empty()) {
        std::string offered;
        for (const std::string &mechanism : capabilities_.auth_mechanisms)
            offered += (offered.empty() ? "" : " ") + mechanism;
        Error error(ErrorKind::authentication, Stage::auth,
                    "no usable authentication mechanism: the server offers '" + offered + "'");
        error.hint = config_.oauth_token.empty()
                         ? "the server may only accept OAuth2: pass 'oauth_token'"
                         : "the server does not offer XOAUTH2: pass 'password' instead of 'oauth_token'";
        fail(error);
        return;
    }
    mechanism_index_ = 0;
    auth_failures_.clear();
    start_mechanism();
}

void Session::start_mechanism()
{
    const std::string &mechanism = mechanisms_[mechanism_index_];
    std::string response;
    if (mechanism == "PLAIN")
        response = sasl_plain(config_.username, config_.password.reveal());
    else if (mechanism == "XOAUTH2")
        response = xoauth2_response();

    if (!response.empty() && std::string("AUTH " + mechanism + " ").size() + response.size() + 2 <= max_auth_line) {
        log("C: AUTH " + mechanism + " <redacted " + std::to_string(response.size()) + " bytes>");
        send_secret_line("AUTH " + mechanism + " " + response);
        auth_step_ = AuthStep::token;
    } else {
        log("C: AUTH " + mechanism);
        out_ += "AUTH " + mechanism + "\r\n";
        auth_step_ = AuthStep::initial;
    }
    wipe_string(response);
    await_reply(State::auth, config_.timeout);
}

void Session::on_auth(const Reply &reply)
{
    const std::string &mechanism = mechanisms_[mechanism_index_];
    if (reply.code == 235) {
        log("* authenticated with " + mechanism);
        authenticated_ = true;
        if (stepwise_)
            forget_credentials();
        set_state(State::ready);
        return;
    }
    if (reply.code != 334) {
        auth_failed(reply);
        return;
    }

    std::string line;
    std::string challenge = first_line(reply);
    switch (auth_step_) {
    case AuthStep::initial:
        if (mechanism == "PLAIN") {
            line = sasl_plain(config_.username, config_.password.reveal());
            auth_step_ = AuthStep::token;
        } else if (mechanism == "XOAUTH2") {
            line = xoauth2_response();
            auth_step_ = AuthStep::token;
        } else if (mechanism == "LOGIN") {
            line = base64_encode(config_.username);
            auth_step_ = AuthStep::username;
        } else if (mechanism == "CRAM-MD5") {
            std::optional<std::string> answer = sasl_cram_md5(config_.username, config_.password.reveal(), challenge);
            if (!answer) {
                log("C: *");
                out_ += "*\r\n";
                auth_step_ = AuthStep::error_ack;
                await_reply(State::auth, config_.timeout);
                return;
            }
            line = *answer;
            wipe_string(*answer);
            auth_step_ = AuthStep::challenge;
        }
        break;
    case AuthStep::username:
        line = base64_encode(config_.password.reveal());
        auth_step_ = AuthStep::password;
        break;
    case AuthStep::token:
        if (mechanism == "XOAUTH2") {
            // The server rejected the token and sent a JSON error as a
            // challenge; an empty response ends the exchange with a 5xx.
            std::optional<std::string> json = base64_decode(challenge);
            if (json)
                auth_failures_ += (auth_failures_.empty() ? "" : "; ") + std::string("XOAUTH2 error: ") + censor(*json, 512);
            log("C: ");
            out_ += "\r\n";
            auth_step_ = AuthStep::error_ack;
            await_reply(State::auth, config_.timeout);
            return;
        }
        // PLAIN after an initial response: some servers ask again with an
        // empty challenge.
        if (mechanism == "PLAIN" && challenge.empty()) {
            line = sasl_plain(config_.username, config_.password.reveal());
            break;
        }
        auth_failed(reply);
        return;
    case AuthStep::error_ack:
        // A server that sends another 334 after the error acknowledgement
        // is out of step, so this mechanism has failed.
        auth_failed(reply);
        return;
    default:
        auth_failed(reply);
        return;
    }
    log("C: <redacted " + std::to_string(line.size()) + " bytes>");
    send_secret_line(line);
    wipe_string(line);
    await_reply(State::auth, config_.timeout);
}

void Session::auth_failed(const Reply &reply)
{
    const std::string &mechanism = mechanisms_[mechanism_index_];
    last_auth_reply_ = reply;
    if (auth_step_ == AuthStep::error_ack && reply.code == 235) {
        // A peer that reports success after an XOAUTH2 error challenge has
        // not accepted the token; treat it as the failure it is.
        last_auth_reply_.code = 535;
    }
    if (!auth_failures_.empty())
        auth_failures_ += "; ";
    auth_failures_ += mechanism + ": " + reply_summary(reply);

    if (reply.code == 421) {
        fail_reply(ErrorKind::server_reply, Stage::auth, "AUTH", reply, "AUTH failed: " + reply_summary(reply));
        return;
    }
    if (reply.code == 334) {
        // Abort the exchange (RFC 4954 section 4) before trying another mechanism.
        log("C: *");
        out_ += "*\r\n";
        auth_step_ = AuthStep::error_ack;
        last_auth_reply_ = reply;
        await_reply(State::auth, config_.timeout);
        return;
    }
    // In automatic mode, 535 to PLAIN or LOGIN means the password itself
    // was checked and rejected. The other of the two would check it the same
    // way, and each extra failure counts towards lockouts (fail2ban,
    // provider limits). A caller's explicit list is tried in full.
    bool password_rejected = config_.mechanisms.empty() && reply.code == 535 &&
                             (mechanism == "PLAIN" || mechanism == "LOGIN");
    if (mechanism_index_ + 1 < mechanisms_.size() && !password_rejected) {
        ++mechanism_index_;
        start_mechanism();
        return;
    }
    Error error(ErrorKind::authentication, Stage::auth, "authentication failed (" + auth_failures_ + ")");
    reply_to_error(error, last_auth_reply_);
    error.command = "AUTH";
    if (stepwise_) {
        // The connection is still in step: the caller may send QUIT.
        forget_credentials();
        error_ = error;
        set_state(State::ready);
        return;
    }
    fail(error);
}

// ---------------------------------------------------------------------------
// Mail transaction

void Session::send_mail_from()
{
    std::string command = "MAIL FROM:<" + transaction_.sender + ">";
    if (capabilities_.has("SIZE") && transaction_.size_estimate > 0)
        command += " SIZE=" + std::to_string(transaction_.size_estimate);
    if (transaction_.eight_bit && capabilities_.has("8BITMIME"))
        command += " BODY=8BITMIME";
    if (transaction_.smtputf8)
        command += " SMTPUTF8";
    if (!capabilities_.has("PIPELINING")) {
        send_command(command, State::mail);
        return;
    }
    // RFC 2920: MAIL, every RCPT and DATA go out in one write. The replies
    // come back in the same order and are matched one by one.
    pipelined_ = true;
    log("C: " + command);
    out_ += command + "\r\n";
    for (const std::string &recipient : transaction_.recipients) {
        log("C: RCPT TO:<" + recipient + ">");
        out_ += "RCPT TO:<" + recipient + ">\r\n";
    }
    log("C: DATA");
    out_ += "DATA\r\n";
    await_reply(State::mail, config_.timeout);
}

void Session::on_mail(const Reply &reply)
{
    if (reply.code != 250) {
        failed_before_mail_ = transactions_ > 0 && (reply.code == 421 || reply.code == 451);
        if (reply.code == 421 || failed_before_mail_) {
            // A kept connection that the server has given up on: RSET would
            // only meet a closed socket, and the caller retries on a new one.
            fail_reply(ErrorKind::server_reply, Stage::mail, "MAIL", reply, "MAIL FROM failed: " + reply_summary(reply));
            return;
        }
        Error error(ErrorKind::server_reply, Stage::mail, "MAIL FROM:<" + transaction_.sender +
                                                              "> rejected: " + reply_summary(reply));
        reply_to_error(error, reply);
        error.command = "MAIL";
        pending_error_ = error;
        if (pipelined_) {
            // The RCPT and DATA replies are still on their way.
            await_reply(State::rcpt, config_.timeout);
            return;
        }
        finish_transaction_failure();
        return;
    }
    if (pipelined_) {
        await_reply(State::rcpt, config_.timeout);
        return;
    }
    send_next_rcpt();
}

void Session::send_next_rcpt()
{
    send_command("RCPT TO:<" + transaction_.recipients[rcpt_index_] + ">", State::rcpt);
}

void Session::on_rcpt(const Reply &reply)
{
    RecipientResult recipient;
    recipient.address = transaction_.recipients[rcpt_index_];
    recipient.code = reply.code;
    recipient.enhanced_status = reply.enhanced_status;
    recipient.text = reply.text();
    recipient.accepted = reply.code == 250 || reply.code == 251;
    result_.recipients.push_back(recipient);

    if (reply.code == 421) {
        fail_reply(ErrorKind::server_reply, Stage::rcpt, "RCPT", reply, "RCPT TO failed: " + reply_summary(reply));
        return;
    }
    ++rcpt_index_;
    if (rcpt_index_ < transaction_.recipients.size()) {
        if (pipelined_)
            await_reply(State::rcpt, config_.timeout);
        else
            send_next_rcpt();
        return;
    }

    auto accepted = std::count_if(result_.recipients.begin(), result_.recipients.end(),
                                  [](const RecipientResult &r) { return r.accepted; });
    if (accepted == 0) {
        // RFC 5321 section 3.3: no DATA without an accepted recipient.
        const RecipientResult *first = &result_.recipients.front();
        std::string details;
        for (const RecipientResult &r : result_.recipients) {
            if (!details.empty())
                details += "; ";
            std::string text = r.text;
            std::replace(text.begin(), text.end(), '\n', ' ');
            details += "<" + r.address + ">: " + std::to_string(r.code) + " " + text;
        }
        Reply first_reply;
        first_reply.code = first->code;
        first_reply.enhanced_status = first->enhanced_status;
        first_reply.lines = {first->text};
        Error error(ErrorKind::server_reply, Stage::rcpt, "every recipient was rejected (" + details + ")");
        reply_to_error(error, first_reply);
        error.command = "RCPT";
        if (!pending_error_)
            pending_error_ = error;
        if (pipelined_) {
            await_reply(State::data, config_.timeout);
            return;
        }
        finish_transaction_failure();
        return;
    }
    if (pipelined_) {
        await_reply(State::data, config_.timeout);
        return;
    }
    send_command("DATA", State::data);
}

void Session::on_data(const Reply &reply)
{
    if (pipelined_ && pending_error_ && reply.code != 421) {
        // MAIL or every RCPT failed, but DATA was already sent. After a 354
        // an empty message ends it, and the server rejects that for lack of
        // recipients. Then RSET, and the MAIL or RCPT error is reported.
        if (reply.code == 354) {
            aborting_data_ = true;
            log("C: .");
            out_ += ".\r\n";
            await_reply(State::data_end, config_.timeout);
            return;
        }
        finish_transaction_failure();
        return;
    }
    if (reply.code != 354) {
        if (reply.code == 421) {
            fail_reply(ErrorKind::server_reply, Stage::data, "DATA", reply, "DATA failed: " + reply_summary(reply));
            return;
        }
        Error error(ErrorKind::server_reply, Stage::data, "DATA rejected: " + reply_summary(reply));
        reply_to_error(error, reply);
        error.command = "DATA";
        pending_error_ = error;
        finish_transaction_failure();
        return;
    }
    set_state(State::body);
    deadline_ = after(config_.timeout);
    try {
        source_ = transaction_.open_data();
    } catch (const std::exception &error) {
        fail_local_read(error.what());
    }
}

void Session::fill_body()
{
    std::string chunk;
    bool more = false;
    try {
        more = source_->read(chunk, body_chunk);
    } catch (const std::exception &error) {
        fail_local_read(error.what());
        return;
    }
    if (more) {
        body_bytes_ += chunk.size();
        encoder_.encode(chunk, out_);
        return;
    }
    source_.reset();
    log("C: <message, " + std::to_string(body_bytes_) + " bytes>");
    encoder_.finish(out_);
    log("C: .");
    dot_sent_ = true;
    await_reply(State::data_end, config_.data_timeout);
}

void Session::on_data_end(const Reply &reply)
{
    if (aborting_data_) {
        aborting_data_ = false;
        if (reply.code == 421) {
            stream_.close();
            fail(*pending_error_);
            return;
        }
        finish_transaction_failure();
        return;
    }
    if (reply.code / 100 != 2) {
        Error error(ErrorKind::server_reply, Stage::after_dot, "message rejected after the final dot: " +
                                                                   reply_summary(reply));
        reply_to_error(error, reply);
        error.command = "DATA";
        if (reply.code == 421) {
            stream_.close();
            fail(error);
            return;
        }
        ++transactions_;
        error_ = error;
        set_state(State::ready);
        return;
    }
    ++transactions_;
    result_.final_reply = reply;
    result_.queue_id = extract_queue_id(reply.text());
    set_state(State::ready);
}

// A transaction failed with the connection still in step: reset it so the
// next transaction starts clean, and report the original error afterwards.
void Session::finish_transaction_failure()
{
    send_command("RSET", State::rset);
}

void Session::on_rset(const Reply &reply)
{
    if (reply.code != 250) {
        log("* RSET failed; closing the connection");
        stream_.close();
        if (pending_error_) {
            Error error = *pending_error_;
            pending_error_.reset();
            fail(error);
            return;
        }
        fail_reply(ErrorKind::server_reply, Stage::rset, "RSET", reply, "RSET failed: " + reply_summary(reply));
        return;
    }
    set_state(State::ready);
    if (pending_error_) {
        error_ = pending_error_;
        pending_error_.reset();
    }
}

void Session::on_noop(const Reply &reply)
{
    if (reply.code != 250) {
        fail_reply(ErrorKind::server_reply, Stage::mail, "NOOP", reply, "NOOP failed: " + reply_summary(reply));
        return;
    }
    set_state(State::ready);
}

void Session::on_quit(const Reply &)
{
    if (pending_error_) {
        // QUIT followed a rejected greeting, so report the greeting.
        Error error = *pending_error_;
        pending_error_.reset();
        fail(error);
        return;
    }
    stream_.shutdown_and_close();
    set_state(State::closed);
}

// ---------------------------------------------------------------------------
// Failures

void Session::reply_to_error(Error &error, const Reply &reply) const
{
    error.reply_code = reply.code;
    error.enhanced_status = reply.enhanced_status;
    error.server_text = reply.text();
    error.transient = reply.code >= 400 && reply.code < 500;
    std::string hint = reply_hint(error.stage, reply.code, reply.enhanced_status, error.server_text);
    if (!hint.empty())
        error.hint = hint;
}

void Session::fail_reply(ErrorKind kind, Stage stage, const std::string &command, const Reply &reply,
                         const std::string &message)
{
    Error error(kind, stage, message);
    reply_to_error(error, reply);
    error.command = command;
    if (reply.code == 421)
        log("* the server is closing the connection (421)");
    stream_.close();
    fail(error);
}

void Session::fail_io(const std::string &what, bool timed_out)
{
    Stage stage = current_stage();
    bool after_dot = state_ == State::data_end;
    std::string where;
    switch (state_) {
    case State::body: where = " while sending the message"; break;
    case State::data_end: where = " while waiting for the reply to the final dot"; break;
    default: where = " during " + std::string(stage_name(stage)); break;
    }
    if (state_ == State::quit) {
        stream_.close();
        if (pending_error_) {
            Error error = *pending_error_;
            pending_error_.reset();
            fail(error);
            return;
        }
        set_state(State::closed);
        return;
    }
    ErrorKind kind = after_dot ? ErrorKind::unknown_outcome : ErrorKind::connection;
    Error error(kind, stage, std::string(timed_out ? "timed out" : what) + where + " (" + config_.host + ":" +
                                 std::to_string(config_.port) + ")");
    error.command = pending_command_verb();
    // An unknown outcome is not marked transient: code that retries every
    // transient error would send the message twice.
    error.transient = !after_dot;
    if (after_dot)
        error.hint = "the server may have accepted the message: check the recipient's mailbox before "
                     "sending it again";
    else if (state_ == State::greeting && config_.security != Security::tls)
        error.hint = "connected, but the server sent no SMTP greeting: a port that expects TLS from the first "
                     "byte (usually 465) needs 'security' => 'tls'";
    else if (state_ == State::tls_handshake)
        error.hint = "connected, but the TLS handshake got no answer: check that the port uses implicit TLS "
                     "(usually 465); ports 587 and 25 need 'security' => 'starttls'";
    if (state_ == State::mail && transactions_ > 0)
        failed_before_mail_ = true;
    stream_.close();
    fail(error);
}

// The message could not be read (an attached file vanished) in the middle
// of DATA. Sending the final dot would deliver a truncated message, so the
// connection is closed instead, which makes the server discard it.
void Session::fail_local_read(const std::string &reason)
{
    Error error(ErrorKind::local_read, Stage::data,
                "cannot read the message while sending it: " + reason +
                    "; the connection was closed so that no partial message is delivered");
    error.command = "DATA";
    stream_.close();
    fail(error);
}

void Session::fail(Error error)
{
    // When the RSET after a failed transaction fails too, the caller still
    // needs the transaction's error, not RSET's.
    if (pending_error_) {
        log("* " + std::string(error.what()));
        error = *pending_error_;
        pending_error_.reset();
    }
    if (out_secret_)
        wipe_string(out_);
    out_.clear();
    out_offset_ = 0;
    out_secret_ = false;
    awaiting_reply_ = false;
    want_ = net::Want::nothing;
    stream_.close();
    error_ = std::move(error);
    log("* error: " + std::string(error_->what()));
    set_state(State::failed);
}

}  // namespace mailbridge::smtp

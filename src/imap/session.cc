#include "imap/session.h"

#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <stdexcept>

#include "common/base64.h"
#include "imap/errors.h"
#include "smtp/sasl.h"

namespace mailbridge::imap {

namespace {

constexpr size_t read_chunk = 65536;
// Characters of a data response shown in the transcript. A FETCH with
// message bodies is cut, so the transcript stays readable.
constexpr size_t max_logged_response = 300;

net::Clock::time_point after(double seconds)
{
    return net::Clock::now() + std::chrono::duration_cast<net::Clock::duration>(
                                   std::chrono::duration<double>(seconds));
}

std::string status_summary(const Response &response)
{
    std::string text;
    if (response.kind == ResponseKind::tagged)
        text = response.tag + " ";
    else if (response.kind == ResponseKind::untagged)
        text = "* ";
    else
        return "+ " + response.text;
    text += response.name;
    if (response.code) {
        text += " [" + response.code->name;
        if (!response.code->raw_arguments.empty())
            text += " " + response.code->raw_arguments;
        text += "]";
    }
    if (!response.text.empty())
        text += " " + response.text;
    return text;
}

// Render values for the transcript like to_debug_string(), but with each
// literal as its size only, so message bodies stay out of logs.
std::string describe_values(const std::vector<Value> &values)
{
    std::string text;
    for (const Value &value : values) {
        if (!text.empty())
            text += ' ';
        if (value.kind == Value::Kind::literal)
            text += "{" + std::to_string(value.literal_size) + " octets}";
        else if (value.is_list())
            text += "(" + describe_values(value.items) + ")";
        else
            text += to_debug_string(value);
    }
    return text;
}

std::string response_summary(const Response &response)
{
    if (response.is_status() || response.kind != ResponseKind::untagged)
        return status_summary(response);
    std::string text = "* ";
    if (response.has_number)
        text += std::to_string(response.number) + " ";
    text += response.name;
    if (!response.data.empty())
        text += " " + describe_values(response.data);
    return text;
}

}  // namespace

const char *Session::state_name(State state)
{
    switch (state) {
    case State::closed: return "closed";
    case State::connecting: return "connecting";
    case State::tls_handshake: return "tls-handshake";
    case State::greeting: return "greeting";
    case State::capability: return "capability";
    case State::starttls: return "starttls";
    case State::starttls_handshake: return "starttls-handshake";
    case State::authenticate: return "authenticate";
    case State::enable: return "enable";
    case State::ready: return "ready";
    case State::command: return "command";
    case State::idle_start: return "idle-start";
    case State::idling: return "idling";
    case State::idle_done: return "idle-done";
    case State::logout: return "logout";
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
    clear_output();
}

void Session::set_state(State state)
{
    state_ = state;
    if (state == State::ready)
        last_used_ = net::Clock::now();
    if (state == State::ready || state == State::failed || state == State::closed)
        idle_handler_ = nullptr;
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

Stage Session::current_stage() const
{
    switch (state_) {
    case State::closed:
    case State::connecting:
        return Stage::connect;
    case State::greeting: return Stage::greeting;
    case State::tls_handshake:
    case State::starttls:
    case State::starttls_handshake:
        return Stage::tls;
    case State::capability:
    case State::enable:
        return Stage::capability;
    case State::authenticate: return Stage::auth;
    case State::command: return current_command_stage_;
    case State::idle_start:
    case State::idling:
    case State::idle_done:
        return Stage::idle;
    case State::logout: return Stage::logout;
    case State::ready:
    case State::failed:
        return Stage::none;
    }
    return Stage::none;
}

std::vector<Response> Session::take_untagged()
{
    std::vector<Response> responses = std::move(untagged_);
    untagged_.clear();
    return responses;
}

std::vector<std::string> Session::take_alerts()
{
    std::vector<std::string> alerts = std::move(alerts_);
    alerts_.clear();
    return alerts;
}

void Session::set_literal_sink(uint64_t threshold, LiteralSink sink)
{
    parser_.set_literal_sink(threshold, std::move(sink));
}

void Session::clear_literal_sink()
{
    parser_.set_literal_sink(0, nullptr);
}

// ---------------------------------------------------------------------------
// Operations

void Session::open()
{
    error_.reset();
    owner_pid_ = getpid();
    opened_at_ = net::Clock::now();
    capabilities_ = Capabilities();
    capabilities_known_ = false;
    tls_active_ = false;
    authenticated_ = false;
    enable_done_ = false;
    utf8_enabled_ = false;
    in_.clear();
    parser_.reset();
    untagged_.clear();
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

void Session::require_ready(const char *operation) const
{
    if (state_ != State::ready)
        throw std::logic_error(std::string(operation) + " needs a ready IMAP session, but it is " +
                               state_name(state_));
}

void Session::begin_command(const Command &command, Stage stage, double timeout)
{
    require_ready(command.verb().c_str());
    error_.reset();
    untagged_.clear();
    current_command_stage_ = stage;
    send_command(command, State::command, timeout > 0 ? timeout : config_.timeout);
    pump();
}

void Session::begin_idle(double seconds, IdleHandler handler, double renew_seconds)
{
    require_ready("IDLE");
    error_.reset();
    untagged_.clear();
    idle_handler_ = std::move(handler);
    idle_end_ = after(seconds);
    idle_renew_seconds_ = renew_seconds;
    idle_stop_ = false;
    send_command(Command("IDLE"), State::idle_start, config_.timeout);
    pump();
}

void Session::begin_logout()
{
    require_ready("LOGOUT");
    error_.reset();
    untagged_.clear();
    send_command(Command("LOGOUT"), State::logout, config_.timeout);
    pump();
}

void Session::abandon()
{
    stream_.close();
    clear_output();
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
    if (n > 0 || stream_.has_buffered_input() || !in_.empty()) {
        log("* the server sent data on an idle connection; not reusing it");
        abandon();
        return false;
    }
    return true;
}

// ---------------------------------------------------------------------------
// I/O

void Session::clear_output()
{
    if (out_secret_) {
        wipe_string(out_);
        for (CommandChunk &chunk : pending_chunks_)
            wipe_string(chunk.bytes);
    }
    out_.clear();
    out_offset_ = 0;
    out_secret_ = false;
    pending_chunks_.clear();
    awaiting_continuation_ = false;
}

void Session::send_command(const Command &command, State next, double timeout)
{
    current_tag_ = "A" + std::to_string(++tag_counter_);
    current_verb_ = command.verb();
    if (log_)
        log("C: " + command.trace(current_tag_));
    std::vector<CommandChunk> chunks = command.chunks(current_tag_);
    if (command.has_secret())
        out_secret_ = true;
    out_ += chunks.front().bytes;
    awaiting_continuation_ = chunks.front().wait_for_continuation;
    if (command.has_secret())
        wipe_string(chunks.front().bytes);
    for (size_t i = 1; i < chunks.size(); ++i)
        pending_chunks_.push_back(std::move(chunks[i]));
    tagged_ = Response();
    read_timeout_ = timeout;
    deadline_ = after(timeout);
    set_state(next);
}

// Queue a line of a SASL exchange. The transcript shows its length only.
void Session::send_secret_line(std::string &line)
{
    log("C: <redacted " + std::to_string(line.size()) + " bytes>");
    out_secret_ = true;
    out_ += line;
    out_ += "\r\n";
    wipe_string(line);
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
    if (state_ == State::idling) {
        // The IDLE period or its renewal time has come: not a failure.
        idle_stop_ = net::Clock::now() >= idle_end_;
        send_done();
        pump();
        return;
    }
    if (!busy())
        return;
    fail_io("timed out", true);
}

// Drive the connection as far as it goes without blocking: finish the TLS
// handshake, write queued output, read and handle responses.
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

        size_t consumed = 0;
        ResponseParser::Status status = parser_.feed(in_.data(), in_.size(), consumed);
        in_.erase(0, consumed);
        if (status == ResponseParser::Status::error) {
            fail_protocol(parser_.error_message());
            return;
        }
        if (status == ResponseParser::Status::complete) {
            Response response = parser_.take();
            handle_response(response);
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
            deadline_ = after(read_timeout_);
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
    else
        out_.clear();
    if (pending_chunks_.empty())
        out_secret_ = false;
    out_offset_ = 0;
    return true;
}

// Read available input. Returns false when the caller must wait. Each read
// moves the deadline, so a large FETCH fails only when the server sends
// nothing for the read timeout (outside IDLE, whose deadline is its end).
bool Session::read_input()
{
    char buffer[read_chunk];
    net::IoResult result = stream_.read(buffer, sizeof(buffer));
    if (result.status == net::IoResult::Status::ok) {
        in_.append(buffer, result.bytes);
        if (state_ != State::idling)
            deadline_ = after(read_timeout_);
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

void Session::note_alert(const Response &response)
{
    if (response.code && response.code->name == "ALERT") {
        alerts_.push_back(censor(response.text, 1024));
        log("* alert: " + censor(response.text, 1024));
    }
}

void Session::handle_response(Response &response)
{
    // The transcript line is built only for a logger, because rendering
    // every FETCH response costs more than parsing it.
    if (log_) {
        bool fetch_data = response.kind == ResponseKind::untagged && !response.is_status() && response.name == "FETCH";
        log("S: " + censor(response_summary(response), fetch_data ? max_logged_response : 1024));
    }
    note_alert(response);

    if (response.kind == ResponseKind::continuation) {
        handle_continuation(response);
        return;
    }
    if (response.kind == ResponseKind::untagged) {
        handle_untagged(response);
        return;
    }
    if (state_ == State::greeting || state_ == State::idling || response.tag != current_tag_) {
        fail_protocol("unexpected tagged response with tag \"" + censor(response.tag, 32) + "\"");
        return;
    }
    awaiting_continuation_ = false;
    pending_chunks_.clear();
    if (response.name == "OK" && response.code && response.code->name == "CAPABILITY") {
        capabilities_ = Capabilities::from_values(response.code->arguments);
        capabilities_known_ = true;
    }
    tagged_ = response;
    handle_tagged(response);
}

void Session::handle_untagged(Response &response)
{
    if (state_ == State::greeting) {
        on_greeting(response);
        return;
    }
    if (response.name == "BYE" && response.is_status()) {
        if (state_ == State::logout)
            return;
        // The server is closing the connection (RFC 3501 7.1.5).
        Error error = response_error(current_stage(), current_verb_, response);
        stream_.close();
        fail(error);
        return;
    }
    if (response.name == "CAPABILITY" && !response.is_status()) {
        capabilities_ = Capabilities::from_values(response.data);
        capabilities_known_ = true;
        return;
    }
    if (response.is_status() && response.code && response.code->name == "CAPABILITY") {
        capabilities_ = Capabilities::from_values(response.code->arguments);
        capabilities_known_ = true;
    }
    if (response.name == "ENABLED" && !response.is_status()) {
        for (const Value &value : response.data) {
            if (value.is_atom("UTF8=ACCEPT"))
                utf8_enabled_ = true;
        }
        return;
    }
    if (state_ == State::idling || state_ == State::idle_done) {
        on_idle_untagged(response);
        return;
    }
    untagged_.push_back(std::move(response));
}

void Session::handle_continuation(const Response &response)
{
    if (awaiting_continuation_ && !pending_chunks_.empty()) {
        CommandChunk chunk = std::move(pending_chunks_.front());
        pending_chunks_.pop_front();
        out_ += chunk.bytes;
        if (out_secret_)
            wipe_string(chunk.bytes);
        awaiting_continuation_ = chunk.wait_for_continuation;
        return;
    }
    if (state_ == State::authenticate) {
        on_auth_continuation(response);
        return;
    }
    if (state_ == State::idle_start) {
        on_idle_continuation();
        return;
    }
    fail_protocol("unexpected continuation request");
}

void Session::handle_tagged(const Response &response)
{
    switch (state_) {
    case State::capability:
        if (response.name != "OK") {
            fail(response_error(Stage::capability, "CAPABILITY", response));
            return;
        }
        after_capabilities();
        return;
    case State::starttls: on_starttls(response); return;
    case State::authenticate: on_auth_done(response); return;
    case State::enable:
        // A refused ENABLE leaves the session usable without UTF-8.
        enable_done_ = true;
        after_capabilities();
        return;
    case State::command:
        set_state(State::ready);
        if (response.name != "OK")
            error_ = response_error(current_command_stage_, current_verb_, response);
        return;
    case State::idle_start:
    case State::idle_done:
        on_idle_done(response);
        return;
    case State::logout:
        stream_.shutdown_and_close();
        set_state(State::closed);
        return;
    default:
        fail_protocol("unexpected tagged response");
        return;
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
    error.hint = "check the host and port (IMAP uses 993 for implicit TLS and 143 for STARTTLS), and whether a "
                 "firewall blocks them";
    fail(error);
}

void Session::on_connected()
{
    log("* connected");
    if (config_.security == Security::tls) {
        start_tls_handshake(State::tls_handshake);
    } else {
        set_state(State::greeting);
        read_timeout_ = config_.timeout;
        deadline_ = after(config_.timeout);
    }
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
    deadline_ = after(config_.connect_timeout);
}

void Session::on_handshake_done()
{
    std::string pin_error = stream_.tls()->check_pin();
    if (!pin_error.empty()) {
        Error error(ErrorKind::tls, Stage::tls, pin_error);
        error.hint = "the pinned fingerprint does not match the server certificate";
        stream_.close();
        fail(error);
        return;
    }
    tls_active_ = true;
    log("* TLS established: " + stream_.tls()->protocol_and_cipher());
    if (state_ == State::tls_handshake) {
        set_state(State::greeting);
        read_timeout_ = config_.timeout;
        deadline_ = after(config_.timeout);
        return;
    }
    // RFC 3501 6.2.1: capabilities learned before TLS are discarded.
    capabilities_ = Capabilities();
    capabilities_known_ = false;
    request_capabilities();
}

void Session::on_greeting(const Response &response)
{
    if (response.name == "BYE") {
        Error error = response_error(Stage::greeting, "", response);
        stream_.close();
        fail(error);
        return;
    }
    if (response.name != "OK" && response.name != "PREAUTH") {
        fail_protocol("the server sent no IMAP greeting");
        return;
    }
    if (response.name == "PREAUTH") {
        if (config_.security == Security::starttls && !tls_active_) {
            // RFC 3501 6.2.1: STARTTLS is only valid before authentication.
            Error error(ErrorKind::tls, Stage::tls,
                        "the server greeted with PREAUTH, so STARTTLS, which 'starttls' security requires, is "
                        "not possible");
            error.hint = "use security 'tls' on port 993";
            stream_.close();
            fail(error);
            return;
        }
        authenticated_ = true;
    }
    if (response.code && response.code->name == "CAPABILITY") {
        capabilities_ = Capabilities::from_values(response.code->arguments);
        capabilities_known_ = true;
    }
    if (capabilities_known_)
        after_capabilities();
    else
        request_capabilities();
}

void Session::request_capabilities()
{
    send_command(Command("CAPABILITY"), State::capability, config_.timeout);
}

// Decide the next setup step from what is done so far: STARTTLS, then
// authentication, then ENABLE.
void Session::after_capabilities()
{
    if (!capabilities_known_) {
        request_capabilities();
        return;
    }
    if (config_.security == Security::starttls && !tls_active_) {
        if (!capabilities_.has("STARTTLS")) {
            Error error(ErrorKind::tls, Stage::tls,
                        "the server does not offer STARTTLS, which 'starttls' security requires");
            error.hint = "use security 'tls' on port 993 if the server offers implicit TLS";
            fail(error);
            return;
        }
        send_command(Command("STARTTLS"), State::starttls, config_.timeout);
        return;
    }
    if (!authenticated_ && !config_.username.empty()) {
        begin_auth();
        return;
    }
    if (authenticated_ && config_.enable_utf8 && !enable_done_ && capabilities_.has("ENABLE") &&
        capabilities_.has("UTF8=ACCEPT")) {
        enable_done_ = true;
        send_command(Command("ENABLE").raw("UTF8=ACCEPT"), State::enable, config_.timeout);
        return;
    }
    set_state(State::ready);
}

void Session::on_starttls(const Response &response)
{
    if (response.name != "OK") {
        Error error = response_error(Stage::tls, "STARTTLS", response);
        error.kind = ErrorKind::tls;
        stream_.close();
        fail(error);
        return;
    }
    // RFC 3501 6.2.1 and RFC 7817: bytes that arrived after the tagged OK
    // were sent before TLS and may be injected by a man in the middle.
    char probe[64];
    ssize_t pending = ::recv(stream_.fd(), probe, sizeof(probe), MSG_PEEK | MSG_DONTWAIT);
    if (!in_.empty() || pending > 0) {
        size_t count = in_.size() + (pending > 0 ? static_cast<size_t>(pending) : 0);
        Error error(ErrorKind::tls, Stage::tls,
                    "possible STARTTLS response injection: the server sent " + std::to_string(count) +
                        " unexpected bytes after its STARTTLS reply; the connection was closed");
        error.hint = "something between this host and the server is tampering with the connection";
        stream_.close();
        fail(error);
        return;
    }
    parser_.reset();
    start_tls_handshake(State::starttls_handshake);
}

// ---------------------------------------------------------------------------
// Authentication

void Session::begin_auth()
{
    if (!tls_active_ && !config_.allow_plaintext_auth) {
        Error error(ErrorKind::authentication, Stage::auth,
                    "refusing to send credentials over an unencrypted connection");
        error.hint = "use security 'tls' (port 993) or 'starttls' (port 143); allow plaintext authentication "
                     "only for a trusted local server";
        fail(error);
        return;
    }
    std::string mechanism = config_.mechanism;
    for (char &c : mechanism)
        c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    if (mechanism.empty()) {
        if (!config_.oauth_token.empty())
            mechanism = "XOAUTH2";
        else if (capabilities_.has_auth("PLAIN"))
            mechanism = "PLAIN";
        else
            mechanism = "LOGIN";
    }

    if (mechanism == "LOGIN") {
        if (capabilities_.has("LOGINDISABLED")) {
            Error error(ErrorKind::authentication, Stage::auth,
                        "the server does not accept LOGIN on this connection (LOGINDISABLED) and offers no "
                        "usable AUTHENTICATE mechanism");
            error.hint = tls_active_ ? "the account may only accept OAuth2: pass an OAuth token"
                                     : "servers disable LOGIN without TLS: use security 'tls' or 'starttls'";
            fail(error);
            return;
        }
        send_login();
        return;
    }
    if (mechanism != "PLAIN" && mechanism != "XOAUTH2") {
        Error error(ErrorKind::authentication, Stage::auth,
                    "unsupported authentication mechanism '" + config_.mechanism + "'");
        error.hint = "use LOGIN, PLAIN or XOAUTH2";
        fail(error);
        return;
    }
    if (!capabilities_.has_auth(mechanism)) {
        std::string offered;
        for (const std::string &name : capabilities_.names) {
            if (name.rfind("AUTH=", 0) == 0)
                offered += (offered.empty() ? "" : " ") + name.substr(5);
        }
        Error error(ErrorKind::authentication, Stage::auth,
                    "the server does not offer AUTHENTICATE " + mechanism + " (it offers: " +
                        (offered.empty() ? std::string("none") : offered) + ")");
        error.hint = mechanism == "XOAUTH2" ? "the server does not accept OAuth2 tokens: use the password"
                                            : "use the LOGIN mechanism";
        fail(error);
        return;
    }
    send_authenticate(mechanism);
}

void Session::send_login()
{
    auth_mechanism_ = "LOGIN";
    Command command("LOGIN", capabilities_.literal_support());
    command.astring(config_.username).secret(config_.password.reveal());
    send_command(command, State::authenticate, config_.auth_timeout);
}

std::string Session::sasl_response(const std::string &mechanism) const
{
    if (mechanism == "XOAUTH2")
        return smtp::sasl_xoauth2(config_.username, config_.oauth_token.reveal());
    return smtp::sasl_plain(config_.username, config_.password.reveal());
}

void Session::send_authenticate(const std::string &mechanism)
{
    auth_mechanism_ = mechanism;
    auth_details_.clear();
    Command command("AUTHENTICATE");
    command.raw(mechanism);
    if (capabilities_.has("SASL-IR")) {
        // RFC 4959: the initial response goes on the command line.
        std::string response = sasl_response(mechanism);
        command.secret(response);
        wipe_string(response);
        auth_step_ = AuthStep::initial_response_sent;
    } else {
        auth_step_ = AuthStep::sent;
    }
    send_command(command, State::authenticate, config_.auth_timeout);
}

void Session::on_auth_continuation(const Response &response)
{
    if (auth_mechanism_ == "LOGIN" || auth_step_ == AuthStep::error_acknowledged) {
        fail_protocol("unexpected continuation request during authentication");
        return;
    }
    if (auth_step_ == AuthStep::sent) {
        std::string line = sasl_response(auth_mechanism_);
        send_secret_line(line);
        auth_step_ = AuthStep::initial_response_sent;
        return;
    }
    // A challenge after the response: XOAUTH2 reports a rejected token as
    // base64 JSON and expects an empty line before its tagged NO.
    std::optional<std::string> details = base64_decode(response.text);
    if (details)
        auth_details_ = censor(*details, 512);
    log("C: ");
    out_ += "\r\n";
    auth_step_ = AuthStep::error_acknowledged;
}

void Session::on_auth_done(const Response &response)
{
    if (response.name != "OK") {
        std::string verb = auth_mechanism_ == "LOGIN" ? "LOGIN" : "AUTHENTICATE " + auth_mechanism_;
        Error error = response_error(Stage::auth, verb, response);
        if (!auth_details_.empty()) {
            error = Error(error.kind, error.stage, std::string(error.what()) + " (" + auth_details_ + ")");
            error.command = verb;
            error.server_text = censor(response.text, 1024);
            error.response_status = response.name;
            if (response.code) {
                error.response_code = response.code->name;
                error.response_code_arguments = censor(response.code->raw_arguments, 256);
            }
            error.hint = "the OAuth2 token was rejected: check that it is current and was issued for IMAP "
                         "(Gmail needs the scope https://mail.google.com/)";
        }
        fail(error);
        return;
    }
    log("* authenticated with " + auth_mechanism_);
    authenticated_ = true;
    // Capabilities often change after login (RFC 3501 6.2.3). A CAPABILITY
    // code in the tagged OK saves a round trip.
    if (!(response.code && response.code->name == "CAPABILITY")) {
        capabilities_known_ = false;
        capabilities_ = Capabilities();
    }
    after_capabilities();
}

// ---------------------------------------------------------------------------
// IDLE

void Session::on_idle_continuation()
{
    set_state(State::idling);
    net::Clock::time_point renew = after(idle_renew_seconds_);
    deadline_ = std::min(renew, idle_end_);
    if (net::Clock::now() >= idle_end_) {
        idle_stop_ = true;
        send_done();
    }
}

void Session::on_idle_untagged(const Response &response)
{
    // Keep-alives such as "* OK Still here" carry no mailbox data.
    if (response.is_status())
        return;
    bool keep_going = idle_handler_ ? idle_handler_(response) : true;
    if (!keep_going && state_ == State::idling) {
        idle_stop_ = true;
        send_done();
    }
}

// RFC 2177: one DONE ends the IDLE. A second one would be a BAD command.
void Session::send_done()
{
    log("C: DONE");
    out_ += "DONE\r\n";
    set_state(State::idle_done);
    read_timeout_ = config_.timeout;
    deadline_ = after(config_.timeout);
}

void Session::on_idle_done(const Response &response)
{
    if (response.name != "OK") {
        set_state(State::ready);
        error_ = response_error(Stage::idle, "IDLE", response);
        return;
    }
    if (state_ == State::idle_done && !idle_stop_ && net::Clock::now() < idle_end_) {
        log("* renewing IDLE");
        send_command(Command("IDLE"), State::idle_start, config_.timeout);
        return;
    }
    set_state(State::ready);
}

// ---------------------------------------------------------------------------
// Failures

void Session::fail_protocol(const std::string &problem)
{
    Error error(ErrorKind::protocol, current_stage(), problem);
    error.command = current_verb_;
    error.hint = "the server does not speak IMAP, or not on this port: check the host and port";
    stream_.close();
    fail(error);
}

void Session::fail_io(const std::string &reason, bool timed_out)
{
    if (state_ == State::logout) {
        stream_.close();
        set_state(State::closed);
        return;
    }
    Stage stage = current_stage();
    Error error(ErrorKind::connection, stage,
                std::string(timed_out ? "timed out" : reason) + " during " + stage_name(stage) + " (" + config_.host +
                    ":" + std::to_string(config_.port) + ")");
    error.command = current_verb_;
    error.transient = true;
    if (state_ == State::greeting && config_.security != Security::tls)
        error.hint = "connected, but the server sent no IMAP greeting: port 993 expects TLS from the first byte "
                     "and needs security 'tls'";
    else if (state_ == State::tls_handshake)
        error.hint = "connected, but the TLS handshake got no answer: port 143 needs security 'starttls'";
    stream_.close();
    fail(error);
}

void Session::fail(Error error)
{
    clear_output();
    want_ = net::Want::nothing;
    stream_.close();
    error_ = std::move(error);
    log("* error: " + std::string(error_->what()));
    set_state(State::failed);
}

}  // namespace mailbridge::imap

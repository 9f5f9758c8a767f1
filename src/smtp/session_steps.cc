// Command-level interface of Session: one SMTP command (or one exchange,
// such as STARTTLS with its handshake or AUTH with its challenges) per
// operation, for callers that decide every step themselves, as PHPMailer's
// SMTP class does. The automatic path in session.cc is not used here; both
// share the I/O, the reply parser and the AUTH exchange.
#include <algorithm>
#include <stdexcept>

#include "smtp/hints.h"
#include "smtp/sasl.h"
#include "smtp/session.h"

namespace mailbridge::smtp {

namespace {

net::Clock::time_point after_seconds(double seconds)
{
    return net::Clock::now() + std::chrono::duration_cast<net::Clock::duration>(
                                   std::chrono::duration<double>(seconds));
}

// PHPMailer 6.6.3 (SMTP::sendCommand) rejects a command with a line break
// with this text; the bridge reports it unchanged, and NUL the same way.
void check_argument(const std::string &command, const std::string &value)
{
    if (value.find_first_of("\r\n") != std::string::npos)
        throw std::invalid_argument("Command '" + command + "' contained line breaks");
    if (value.find('\0') != std::string::npos)
        throw std::invalid_argument("Command '" + command + "' contained a NUL byte");
}

std::string one_line_summary(const Reply &reply)
{
    std::string text = reply.text();
    std::replace(text.begin(), text.end(), '\n', ' ');
    return std::to_string(reply.code) + " " + text;
}

}  // namespace

void Session::begin_connect()
{
    open();
    stepwise_ = true;
    hello_done_ = false;
    used_ehlo_ = false;
    authenticated_ = false;
    in_transaction_ = false;
    hello_reply_ = Reply();
    hello_reply_before_tls_ = Reply();
    last_reply_ = Reply();
}

void Session::begin_hello(const std::string &name)
{
    check_argument("EHLO", name);
    stepwise_ = true;
    error_.reset();
    hello_name_ = name;
    config_.client_name = name;
    send_command("EHLO " + name, State::ehlo);
    pump();
}

void Session::begin_starttls()
{
    stepwise_ = true;
    error_.reset();
    send_command("STARTTLS", State::starttls);
    pump();
}

void Session::begin_auth_mechanism(const std::string &mechanism, const std::string &username, const Secret &password,
                                   const Secret &xoauth2_response)
{
    check_argument("AUTH", mechanism);
    stepwise_ = true;
    error_.reset();
    config_.username = username;
    config_.password = password;
    config_.mechanisms = {mechanism};
    xoauth2_response_ = xoauth2_response;
    // These checks come before any byte is sent, so a refusal leaves the
    // connection usable, as a rejected command does.
    if (!tls_active_ && !config_.allow_plaintext_auth) {
        Error error(ErrorKind::authentication, Stage::auth, plaintext_auth_refused);
        error.hint = "call startTLS() first, connect with the ssl:// prefix, or allow plaintext AUTH explicitly "
                     "for a trusted local relay";
        error.command = "AUTH";
        error_ = error;
        return;
    }
    // NOTE: after HELO there are no capabilities, so AUTH is rejected here
    // although PHPMailer would try LOGIN.
    if (!capabilities_.has_auth(mechanism)) {
        Error error(ErrorKind::authentication, Stage::auth, "the server does not offer AUTH " + mechanism);
        if (!capabilities_.auth_advertised)
            error.hint = tls_active_ ? no_auth_over_tls_hint : no_auth_without_tls_hint;
        error.command = "AUTH";
        error_ = error;
        return;
    }
    begin_auth();
    pump();
}

void Session::begin_mail(const std::string &sender, bool smtputf8, bool xverp)
{
    check_argument("MAIL FROM", sender);
    std::string line = "MAIL FROM:<" + sender + ">";
    if (smtputf8)
        line += " SMTPUTF8";
    if (xverp)
        line += " XVERP";
    begin_step_command(line, "MAIL", Stage::mail, {250});
}

void Session::begin_rcpt(const std::string &address, const std::string &notify)
{
    check_argument("RCPT TO", address);
    check_argument("RCPT TO", notify);
    std::string line = "RCPT TO:<" + address + ">";
    if (!notify.empty())
        line += " NOTIFY=" + notify;
    begin_step_command(line, "RCPT", Stage::rcpt, {250, 251});
}

void Session::begin_data(std::unique_ptr<ByteSource> source)
{
    stepwise_ = true;
    error_.reset();
    pending_error_.reset();
    pipelined_ = false;
    aborting_data_ = false;
    body_bytes_ = 0;
    dot_sent_ = false;
    encoder_.reset();
    step_source_ = std::move(source);
    send_command("DATA", State::data);
    pump();
}

void Session::begin_step_reset()
{
    begin_step_command("RSET", "RSET", Stage::rset, {250});
}

void Session::begin_step_noop()
{
    begin_step_command("NOOP", "NOOP", Stage::mail, {250});
}

void Session::begin_step_command(const std::string &line, const std::string &verb, Stage stage,
                                 std::vector<int> expected)
{
    stepwise_ = true;
    error_.reset();
    step_verb_ = verb;
    step_stage_ = stage;
    step_expected_ = std::move(expected);
    send_command(line, State::command);
    pump();
}

void Session::on_step_command(const Reply &reply)
{
    bool accepted = std::find(step_expected_.begin(), step_expected_.end(), reply.code) != step_expected_.end();
    if (!accepted) {
        step_rejected(reply, step_verb_, step_stage_);
        return;
    }
    if (step_verb_ == "MAIL")
        in_transaction_ = true;
    else if (step_verb_ == "RSET")
        in_transaction_ = false;
    set_state(State::ready);
}

// A reply the operation did not expect. 421 means the server is closing
// the connection (RFC 5321 section 3.8), so the session fails. Any other
// reply leaves it ready for the caller's next command.
void Session::step_rejected(const Reply &reply, const std::string &verb, Stage stage)
{
    if (reply.code == 421) {
        fail_reply(ErrorKind::server_reply, stage, verb, reply, verb + " failed: " + one_line_summary(reply));
        return;
    }
    Error error(ErrorKind::server_reply, stage, verb + " failed: " + one_line_summary(reply));
    reply_to_error(error, reply);
    error.command = verb;
    error_ = error;
    set_state(State::ready);
}

void Session::on_step_greeting(const Reply &reply)
{
    if (reply.code == 220) {
        set_state(State::ready);
        return;
    }
    Error error(ErrorKind::server_reply, Stage::connect, "the server refused the connection: " +
                                                              one_line_summary(reply));
    reply_to_error(error, reply);
    if (reply.code != 554) {
        fail_reply(ErrorKind::server_reply, Stage::connect, "", reply, error.what());
        return;
    }
    // RFC 5321 section 3.1: after a 554 greeting the server waits for QUIT.
    pending_error_ = error;
    send_command("QUIT", State::quit);
}

void Session::on_step_ehlo(const Reply &reply)
{
    if (reply.code == 250) {
        capabilities_ = Capabilities::parse(reply);
        hello_reply_ = reply;
        used_ehlo_ = true;
        hello_done_ = true;
        set_state(State::ready);
        return;
    }
    if (reply.code == 421) {
        step_rejected(reply, "EHLO", Stage::ehlo);
        return;
    }
    // RFC 5321 section 3.2: fall back to HELO when EHLO is not understood.
    send_command("HELO " + hello_name_, State::helo);
}

void Session::on_step_helo(const Reply &reply)
{
    if (reply.code != 250) {
        capabilities_ = Capabilities();
        hello_reply_ = Reply();
        hello_done_ = false;
        step_rejected(reply, "HELO", Stage::ehlo);
        return;
    }
    capabilities_ = Capabilities();
    hello_reply_ = reply;
    used_ehlo_ = false;
    hello_done_ = true;
    set_state(State::ready);
}

// RFC 3207 section 4.2: nothing learned before TLS is trusted, so the
// capabilities are kept only for reporting and EHLO must be sent again.
void Session::on_step_starttls_done()
{
    hello_reply_before_tls_ = hello_reply_;
    hello_reply_ = Reply();
    capabilities_ = Capabilities();
    hello_done_ = false;
    if (config_.security == Security::none)
        config_.security = Security::starttls;
    set_state(State::ready);
}

void Session::on_step_data(const Reply &reply)
{
    if (reply.code != 354) {
        step_source_.reset();
        step_rejected(reply, "DATA", Stage::data);
        return;
    }
    source_ = std::move(step_source_);
    set_state(State::body);
    deadline_ = after_seconds(config_.timeout);
}

void Session::on_step_data_end(const Reply &reply)
{
    in_transaction_ = false;
    ++transactions_;
    if (reply.code == 250) {
        result_ = TransactionResult();
        result_.final_reply = reply;
        set_state(State::ready);
        return;
    }
    step_rejected(reply, "DATA END", Stage::after_dot);
}

// The command-level caller compares identities by the pool key's salted
// hash, so the session need not keep the secret once AUTH has ended.
void Session::forget_credentials()
{
    config_.password = Secret();
    config_.oauth_token = Secret();
    xoauth2_response_ = Secret();
}

std::string Session::xoauth2_response() const
{
    if (!xoauth2_response_.empty())
        return xoauth2_response_.reveal();
    return sasl_xoauth2(config_.username, config_.oauth_token.reveal());
}

}  // namespace mailbridge::smtp

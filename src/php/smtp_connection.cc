// MailBridge\SmtpConnection: PHPMailer 6.6.3's SMTP class on the
// command-level interface of smtp::Session, with connections taken from
// and given back to the per-process pool.
//
// Debug output follows PHPMailer's formats and levels, because downstream
// code parses it (SuiteCRM hides the line after "SERVER -> CLIENT: 334").
// The core writes transcript lines ("C: ...", "S: ...", "* ...") into a
// queue, translate_log() turns them into PHPMailer's lines, and
// flush_debug() hands them to the Debugoutput target once the C++ work of a
// method is over, so no userland code runs while C++ objects are live.
#include "php/php_mailbridge.h"

extern "C" {
#include "ext/standard/php_var.h"
#include "zend_smart_str.h"
}

#include <unistd.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/byte_source.h"
#include "common/error.h"
#include "pool/pool.h"
#include "smtp/client.h"
#include "smtp/hints.h"
#include "php/debug_output.h"
#include "smtp/session.h"

#include "../../php_stubs/smtp_connection_arginfo.h"

namespace mailbridge::php {

namespace {

// PHPMailer's SMTP::DEBUG_* levels.
constexpr int debug_client = 1;
constexpr int debug_server = 2;
constexpr int debug_connection = 3;
constexpr int debug_lowlevel = 4;

// PHPMailer's SMTP::$Timelimit default, used when setTimeout() gets 0.
constexpr double default_timeout = 300.0;

zend_class_entry *smtp_connection_ce;
zend_object_handlers smtp_connection_handlers;

struct DebugLine {
    std::string text;
    int level;
};

// PHPMailer's SMTP::$error: smtp_code is an int after a rejected command
// and a string otherwise; smtp_code_ex is null when a rejecting reply had no
// enhanced status code.
struct ErrorArray {
    std::string error;
    std::string detail;
    std::optional<int> code;  // set: an int code; unset: code_text
    std::string code_text;
    std::optional<std::string> code_ex = std::string();
};

enum class TransactionId { none, not_found, found };

struct ConnectionState {
    std::unique_ptr<smtp::Session> session;

    // A pooled session may be reused, but connect() cannot know yet whether
    // one fits, because a pool key also contains the EHLO name and the
    // credentials, which only hello() and authenticate() supply. So when
    // the pool has an idle session for the endpoint and TLS options,
    // connect() opens nothing and sets deferred. hello() and startTLS()
    // then return results from that session's recorded EHLO replies
    // without round trips. The first call that fixes the identity (authenticate(), or
    // mail() and the later commands when there is none) builds the full key
    // with pool::make_key() and takes a session under exactly that key; when
    // none passes the checks, it opens a new connection and replays connect,
    // EHLO and STARTTLS for real before it sends its own command. The
    // transcript shows these steps as "Connection:" lines and never shows
    // server lines that were not received.
    bool deferred = false;
    bool hello_requested = false;     // hello() was called since connect()
    bool starttls_requested = false;  // startTLS() was called since connect()
    std::string hello_name;
    smtp::SessionConfig target;  // endpoint and settings; never contains a secret
    std::string pool_key;        // set once the identity is known
    bool counted = false;        // created/reused already counted for pool_key

    std::string opening_line;  // connect()'s "Connection: opening to ..." line, for a deferred open
    std::string display_host;  // as passed to connect(), with "ssl://"
    bool implicit_tls = false;
    bool in_connect = false;  // translating the lines of a connect

    zend_long debug_level = 0;
    double timeout = default_timeout;
    bool verp = false;
    bool smtputf8 = false;
    bool allow_plaintext_auth = false;

    ErrorArray error;
    // Set by a plaintext AUTH refusal, cleared by the next set_error(). The
    // refusal then survives the quit() and close() that PHPMailer's
    // smtpConnect() calls next, so ErrorInfo still contains its reason.
    bool keep_error_on_close = false;
    std::string last_reply;
    TransactionId transaction_id_state = TransactionId::none;
    std::string transaction_id;

    bool have_caps = false;
    bool caps_from_ehlo = false;
    smtp::Reply caps_reply;

    std::vector<DebugLine> debug;
    std::string reply_lines;             // "S:" lines of a reply still arriving
    const std::string *message = nullptr;  // message of the running data() call
};

struct ConnectionObject {
    ConnectionState *state;
    zval debug_output;
    zend_object std;
};

ConnectionObject *connection_from(zend_object *object)
{
    return reinterpret_cast<ConnectionObject *>(reinterpret_cast<char *>(object) -
                                                XtOffsetOf(ConnectionObject, std));
}

// ---------------------------------------------------------------------------
// Debug output

void emit(ConnectionState *state, std::string text, int level)
{
    if (level <= state->debug_level)
        state->debug.push_back(DebugLine{std::move(text), level});
}

// PHPMailer's data() writes each message line as its own debug line, after
// splitting on CRLF, CR or LF and doubling a leading dot.
void emit_message_lines(ConnectionState *state)
{
    if (state->message == nullptr || state->debug_level < debug_client)
        return;
    const std::string &message = *state->message;
    size_t start = 0;
    while (start <= message.size()) {
        size_t end = message.find_first_of("\r\n", start);
        std::string line = message.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!line.empty() && line[0] == '.')
            line.insert(0, ".");
        emit(state, "CLIENT -> SERVER: " + line + "\r\n", debug_client);
        if (end == std::string::npos)
            break;
        start = end + ((message[end] == '\r' && end + 1 < message.size() && message[end + 1] == '\n') ? 2 : 1);
        if (start == message.size())
            break;
    }
}

void translate_log(ConnectionState *state, const std::string &line)
{
    if (line.compare(0, 3, "S: ") == 0) {
        std::string text = line.substr(3);
        state->reply_lines += text + "\r\n";
        if (text.size() < 4 || text[3] == ' ') {
            emit(state, "SERVER -> CLIENT: " + state->reply_lines, debug_server);
            state->reply_lines.clear();
        }
        return;
    }
    if (line.compare(0, 3, "C: ") == 0) {
        std::string text = line.substr(3);
        // The core writes "<redacted N bytes>" in place of every AUTH
        // payload, so no secret reaches this point at any level.
        if (text.compare(0, 9, "<redacted") == 0)
            emit(state, "CLIENT -> SERVER: [credentials hidden]", debug_client);
        else if (text.compare(0, 9, "<message,") == 0)
            emit_message_lines(state);
        else
            emit(state, "CLIENT -> SERVER: " + text + "\r\n", debug_client);
        return;
    }
    if (state->in_connect) {
        bool opened = state->implicit_tls ? line.compare(0, 17, "* TLS established") == 0
                                          : line == "* connected";
        if (opened)
            emit(state, "Connection: opened", debug_connection);
    }
    emit(state, "mailbridge: " + line.substr(line.size() > 2 ? 2 : 0), debug_lowlevel);
}

void flush_debug(ConnectionObject *intern)
{
    ConnectionState *state = intern->state;
    size_t index = 0;
    while (index < state->debug.size()) {
        const DebugLine &line = state->debug[index++];
        if (!deliver_debug_line(&intern->debug_output, line.text, line.level))
            break;
    }
    state->debug.clear();
}

// ---------------------------------------------------------------------------
// Errors and replies

void set_error(ConnectionState *state, const std::string &message, const std::string &detail = std::string(),
               const std::string &code = std::string(), const std::string &code_ex = std::string())
{
    state->error = ErrorArray();
    state->keep_error_on_close = false;
    state->error.error = message;
    state->error.detail = detail;
    state->error.code_text = code;
    state->error.code_ex = code_ex;
}

std::string raw_reply(const smtp::Reply &reply)
{
    std::string text;
    for (size_t i = 0; i < reply.lines.size(); ++i) {
        bool last = i + 1 == reply.lines.size();
        text += std::to_string(reply.code) + (last ? " " : "-") + reply.lines[i] + "\r\n";
    }
    if (reply.lines.empty() && reply.code != 0)
        text = std::to_string(reply.code) + "\r\n";
    return text;
}

// The error PHPMailer's sendCommand() stores for a rejected command: the
// code, the enhanced status when it has the form d.d.d or d.d.dd, and the
// reply with that prefix cut from every line.
void set_command_error(ConnectionState *state, const std::string &command, const smtp::Reply &reply)
{
    static const std::regex short_enhanced("[0-9]\\.[0-9]\\.[0-9]{1,2}");
    std::optional<std::string> code_ex;
    if (std::regex_match(reply.enhanced_status, short_enhanced))
        code_ex = reply.enhanced_status;
    std::string detail;
    for (const std::string &line : reply.lines) {
        if (code_ex && line.compare(0, code_ex->size() + 1, *code_ex + " ") == 0)
            detail += line.substr(code_ex->size() + 1) + "\r\n";
        else
            detail += line + "\r\n";
    }
    state->error = ErrorArray();
    state->keep_error_on_close = false;
    state->error.error = command + " command failed";
    state->error.detail = detail;
    state->error.code = reply.code;
    state->error.code_ex = code_ex;
    emit(state, "SMTP ERROR: " + state->error.error + ": " + raw_reply(reply), debug_client);
}

void set_local_error(ConnectionState *state, const std::string &message, const std::string &detail)
{
    set_error(state, message, detail);
    emit(state, "SMTP ERROR: " + message + ": " + detail, debug_client);
}

// ---------------------------------------------------------------------------
// Sessions and the pool

smtp::LogSink log_sink(ConnectionState *state)
{
    return [state](const std::string &line) { translate_log(state, line); };
}

bool same_tls(const tls::Options &a, const tls::Options &b)
{
    return a.verify_peer == b.verify_peer && a.verify_peer_name == b.verify_peer_name && a.cafile == b.cafile &&
           a.capath == b.capath && a.peer_name == b.peer_name && a.fingerprint == b.fingerprint &&
           a.allow_self_signed == b.allow_self_signed;
}

bool pooling_enabled()
{
    return current_pool().limits().max_idle_per_key > 0;
}

// An idle pooled session that a new connection to the same endpoint could
// stand for so far: same host, port, TLS mode and options, and, once
// hello() or startTLS() were called, the same EHLO name and STARTTLS use.
const smtp::Session *find_candidate(ConnectionState *state)
{
    const smtp::SessionConfig &target = state->target;
    return current_pool().find_idle([state, &target](const smtp::Session &session) {
        const smtp::SessionConfig &config = session.config();
        if (config.host != target.host || config.port != target.port || !same_tls(config.tls, target.tls))
            return false;
        if (session.hello_reply().code == 0 || (config.security == smtp::Security::tls) != state->implicit_tls)
            return false;
        if (state->hello_requested && config.client_name != state->hello_name)
            return false;
        if (state->starttls_requested && config.security != smtp::Security::starttls)
            return false;
        return true;
    });
}

void set_caps(ConnectionState *state, const smtp::Reply &reply, bool ehlo)
{
    state->have_caps = true;
    state->caps_reply = reply;
    state->caps_from_ehlo = ehlo;
}

void clear_caps(ConnectionState *state)
{
    state->have_caps = false;
    state->caps_reply = smtp::Reply();
}

// Run the session's current operation to its end.
void run(ConnectionState *state)
{
    smtp::run_until_idle(*state->session);
}

bool session_usable(ConnectionState *state)
{
    return state->session && state->session->state() == smtp::Session::State::ready;
}

// Record the failure of a connect: PHPMailer reports every way a socket
// can fail to open as "Failed to connect to server".
void record_connect_failure(ConnectionState *state)
{
    const std::optional<Error> &error = state->session->error();
    const smtp::Reply &reply = state->session->last_reply();
    if (error && error->stage == Stage::connect && reply.code != 0) {
        // Greeting other than 220: PHPMailer closes, which clears the error.
        emit(state, "Connection: closing due to error", debug_connection);
        set_error(state, "");
        state->last_reply = raw_reply(reply);
    } else {
        std::string reason = error ? error->what() : std::string("unknown error");
        set_error(state, "Failed to connect to server", "", "", reason);
        emit(state, "SMTP ERROR: Failed to connect to server: " + reason, debug_client);
    }
    state->session.reset();
}

bool open_session(ConnectionState *state)
{
    state->in_connect = true;
    state->session = std::make_unique<smtp::Session>(state->target, log_sink(state));
    state->session->begin_connect();
    run(state);
    state->in_connect = false;
    if (!session_usable(state)) {
        record_connect_failure(state);
        return false;
    }
    state->last_reply = raw_reply(state->session->last_reply());
    state->pool_key.clear();
    state->counted = false;
    return true;
}

void record_transport_failure(ConnectionState *state, const std::string &command_name)
{
    const std::optional<Error> &error = state->session->error();
    const smtp::Reply &reply = state->session->last_reply();
    // PHPMailer names the reply to the final dot "DATA END".
    std::string command = command_name == "DATA" && error && error->stage == Stage::after_dot ? "DATA END"
                                                                                             : command_name;
    if (error && error->reply_code != 0 && reply.code == error->reply_code)
        set_command_error(state, command, reply);
    else
        set_local_error(state, command + " command failed", error ? error->what() : "connection lost");
}

// Send EHLO (HELO as fallback) on the live session and record the result.
bool run_hello(ConnectionState *state, const std::string &name)
{
    try {
        state->session->begin_hello(name);
    } catch (const std::invalid_argument &bad) {
        set_error(state, bad.what());
        return false;
    }
    run(state);
    state->last_reply = raw_reply(state->session->last_reply());
    if (!session_usable(state) || state->session->error()) {
        clear_caps(state);
        record_transport_failure(state, state->session->used_ehlo() ? "EHLO" : "HELO");
        return false;
    }
    set_caps(state, state->session->hello_reply(), state->session->used_ehlo());
    set_error(state, "");
    return true;
}

bool run_starttls(ConnectionState *state)
{
    state->session->begin_starttls();
    run(state);
    state->last_reply = raw_reply(state->session->last_reply());
    if (session_usable(state) && !state->session->error()) {
        state->target.security = smtp::Security::starttls;
        clear_caps(state);
        set_error(state, "");
        return true;
    }
    const std::optional<Error> &error = state->session->error();
    if (error && error->kind == ErrorKind::tls && error->reply_code == 0)
        set_local_error(state, "TLS handshake failed", error->what());
    else
        record_transport_failure(state, "STARTTLS");
    return false;
}

// A deferred connection turns out not to match any pooled session: open a
// new one and repeat what the caller did so far, for real.
bool open_and_replay(ConnectionState *state)
{
    state->deferred = false;
    emit(state, "Connection: no pooled connection matches", debug_connection);
    emit(state, state->opening_line, debug_connection);
    if (!open_session(state))
        return false;
    if (state->hello_requested && !run_hello(state, state->hello_name))
        return false;
    if (state->starttls_requested) {
        if (!run_starttls(state))
            return false;
        if (state->have_caps || state->hello_requested) {
            if (!run_hello(state, state->hello_name))
                return false;
        }
    }
    return true;
}

// Take a pooled session under key, checking that the server has not
// closed it and probing it with NOOP when it has been idle long enough.
bool adopt_pooled(ConnectionState *state, const std::string &key)
{
    pool::Pool &pool = current_pool();
    while (std::unique_ptr<smtp::Session> candidate = pool.checkout(key)) {
        candidate->set_log(log_sink(state));
        if (!candidate->check_idle_connection()) {
            pool.count_discard(key, pool::Discard::closed_by_server);
            continue;
        }
        double idle = std::chrono::duration<double>(net::Clock::now() - candidate->last_used()).count();
        if (idle > pool.limits().probe_interval) {
            candidate->begin_step_noop();
            smtp::run_until_idle(*candidate);
            if (candidate->state() != smtp::Session::State::ready || candidate->error()) {
                candidate->abandon();
                pool.count_discard(key, pool::Discard::probe_failed);
                continue;
            }
        }
        unsigned sent = candidate->transactions();
        emit(state, "Connection: reused pooled connection to " + state->display_host + ":" +
                        std::to_string(state->target.port) + " (" + std::to_string(sent) +
                        (sent == 1 ? " message" : " messages") + " sent on it)",
             debug_connection);
        state->session = std::move(candidate);
        state->deferred = false;
        pool.count_reused(key);
        state->counted = true;
        return true;
    }
    return false;
}

// Fix the pool key from the identity (username, mechanism and secret;
// all empty for no AUTH). A deferred connection is then resolved: a pooled
// session under that key is reused, or a new connection is opened and the
// earlier steps replayed. Returns false with the error set when the new
// connection fails. authenticated is set when a reused session already
// carries this identity.
bool settle_identity(ConnectionState *state, const std::string &username, const std::string &mechanism,
                     const Secret &password, const Secret &oauth_response, bool &authenticated)
{
    authenticated = false;
    smtp::SessionConfig keyed = state->target;
    keyed.client_name = state->hello_requested ? state->hello_name : keyed.client_name;
    keyed.username = username;
    keyed.mechanisms = mechanism.empty() ? std::vector<std::string>() : std::vector<std::string>{mechanism};
    keyed.password = password;
    keyed.oauth_token = oauth_response;
    state->pool_key = pool::make_key(keyed, getpid());
    if (!state->deferred)
        return true;
    if (adopt_pooled(state, state->pool_key)) {
        authenticated = !username.empty() || !oauth_response.empty();
        return true;
    }
    std::string key = state->pool_key;
    if (!open_and_replay(state))
        return false;
    state->pool_key = key;
    return true;
}

// Count a new connection under its key once the key is known.
void count_created(ConnectionState *state)
{
    if (state->counted || state->pool_key.empty())
        return;
    smtp::SessionConfig labelled = state->target;
    labelled.client_name = state->hello_name;
    labelled.username = state->session ? state->session->config().username : std::string();
    current_pool().count_created(state->pool_key, pool::describe(labelled));
    state->counted = true;
}

// Before MAIL and the commands after it: without authenticate(), the
// identity is "none", which settles a deferred connection.
bool settle_without_auth(ConnectionState *state)
{
    if (!state->pool_key.empty() && !state->deferred)
        return true;
    bool authenticated = false;
    if (!settle_identity(state, "", "", Secret(), Secret(), authenticated))
        return false;
    count_created(state);
    return true;
}

bool require_connection(ConnectionState *state, const std::string &command)
{
    if (state->deferred || session_usable(state))
        return true;
    set_error(state, "Called " + command + " without being connected");
    return false;
}

// ---------------------------------------------------------------------------
// PHPMailer's server_caps array

// Parse the hello reply as PHPMailer's parseHelloFields() does: the first
// line gives the server name under "EHLO" or "HELO"; later lines are split
// on spaces, SIZE keeps its first argument, AUTH its list, and any other
// keyword (case as sent, "AUTH=LOGIN" included) becomes true.
void build_caps(ConnectionState *state, zval *out)
{
    array_init(out);
    const smtp::Reply &reply = state->caps_reply;
    for (size_t n = 0; n < reply.lines.size(); ++n) {
        std::string line = php_trim(reply.lines[n]);
        if (line.empty() || line == "0")
            continue;
        std::vector<std::string> fields;
        size_t start = 0;
        while (true) {
            size_t space = line.find(' ', start);
            fields.push_back(line.substr(start, space == std::string::npos ? std::string::npos : space - start));
            if (space == std::string::npos)
                break;
            start = space + 1;
        }
        if (n == 0) {
            const char *type = state->caps_from_ehlo ? "EHLO" : "HELO";
            add_assoc_stringl(out, type, fields[0].data(), fields[0].size());
            continue;
        }
        std::string name = fields[0];
        fields.erase(fields.begin());
        zval value;
        if (name == "SIZE") {
            if (fields.empty())
                ZVAL_LONG(&value, 0);
            else
                ZVAL_STRINGL(&value, fields[0].data(), fields[0].size());
        } else if (name == "AUTH") {
            array_init(&value);
            for (const std::string &mechanism : fields)
                add_next_index_stringl(&value, mechanism.data(), mechanism.size());
        } else {
            ZVAL_TRUE(&value);
        }
        zend_symtable_str_update(Z_ARRVAL_P(out), name.data(), name.size(), &value);
    }
}

std::vector<std::string> offered_auth(ConnectionState *state)
{
    std::vector<std::string> mechanisms;
    if (!state->have_caps || !state->caps_from_ehlo)
        return mechanisms;
    bool found = false;
    for (size_t n = 1; n < state->caps_reply.lines.size(); ++n) {
        std::string line = php_trim(state->caps_reply.lines[n]);
        if (line.compare(0, 5, "AUTH ") != 0 && line != "AUTH")
            continue;
        found = true;
        mechanisms.clear();  // a later AUTH line replaces an earlier one, as in PHPMailer
        size_t start = 5;
        while (start < line.size()) {
            size_t space = line.find(' ', start);
            mechanisms.push_back(line.substr(start, space == std::string::npos ? std::string::npos : space - start));
            if (space == std::string::npos)
                break;
            start = space + 1;
        }
    }
    if (found && mechanisms.empty())
        mechanisms.push_back("");  // "AUTH" without mechanisms: present but empty
    return mechanisms;
}

// ---------------------------------------------------------------------------
// Transaction ID

// The queue ID in the reply to the final dot, as PHPMailer 6.6.3's
// $smtp_transaction_id_patterns find it for Exim, Sendmail, Postfix,
// Microsoft, Amazon SES, SendGrid, Campaign Monitor, Haraka and Mailjet.
void record_transaction_id(ConnectionState *state)
{
    static const std::vector<std::regex> patterns = {
        std::regex("[0-9]{3} OK id=(.*)"),
        std::regex("[0-9]{3} 2\\.0\\.0 (.*) Message"),
        std::regex("[0-9]{3} 2\\.0\\.0 Ok: queued as (.*)"),
        std::regex("[0-9]{3} 2\\.[0-9]\\.0 (.*)@(?:.*) Queued mail for delivery"),
        std::regex("[0-9]{3} Ok (.*)"),
        std::regex("[0-9]{3} Ok: queued as (.*)"),
        std::regex("[0-9]{3} 2\\.0\\.0 OK:([a-zA-Z0-9]{48})"),
        std::regex("[0-9]{3} Message Queued \\((.*)\\)"),
        std::regex("[0-9]{3} OK queued as (.*)"),
    };
    if (state->last_reply.empty()) {
        state->transaction_id_state = TransactionId::none;
        return;
    }
    state->transaction_id_state = TransactionId::not_found;
    std::string first_line = state->last_reply.substr(0, state->last_reply.find("\r\n"));
    for (const std::regex &pattern : patterns) {
        std::smatch match;
        if (std::regex_search(first_line, match, pattern)) {
            state->transaction_id = php_trim(match[1]);
            state->transaction_id_state = TransactionId::found;
            return;
        }
    }
}

// ---------------------------------------------------------------------------
// Object handlers

zend_object *connection_create(zend_class_entry *ce)
{
    auto *intern = static_cast<ConnectionObject *>(zend_object_alloc(sizeof(ConnectionObject), ce));
    zend_object_std_init(&intern->std, ce);
    object_properties_init(&intern->std, ce);
    intern->state = new ConnectionState();
    ZVAL_STRING(&intern->debug_output, "echo");
    intern->std.handlers = &smtp_connection_handlers;
    return &intern->std;
}

// A connection dropped without quit() is closed without QUIT: it may be
// in the middle of a transaction, and a destructor has nowhere to report.
void connection_free(zend_object *object)
{
    ConnectionObject *intern = connection_from(object);
    if (intern->state != nullptr) {
        if (intern->state->session)
            intern->state->session->abandon();
        delete intern->state;
        intern->state = nullptr;
    }
    zval_ptr_dtor(&intern->debug_output);
    zend_object_std_dtor(object);
}

HashTable *connection_get_gc(zend_object *object, zval **table, int *count)
{
    ConnectionObject *intern = connection_from(object);
    *table = &intern->debug_output;
    *count = 1;
    return zend_std_get_properties(object);
}

// var_dump() shows the endpoint and state; the object contains no secret.
HashTable *connection_get_debug_info(zend_object *object, int *is_temp)
{
    ConnectionObject *intern = connection_from(object);
    ConnectionState *state = intern->state;
    HashTable *info = zend_new_array(4);
    *is_temp = 1;
    zval value;
    ZVAL_STRINGL(&value, state->display_host.data(), state->display_host.size());
    zend_hash_str_update(info, "host", sizeof("host") - 1, &value);
    ZVAL_LONG(&value, state->target.port);
    zend_hash_str_update(info, "port", sizeof("port") - 1, &value);
    ZVAL_BOOL(&value, state->deferred || session_usable(state));
    zend_hash_str_update(info, "connected", sizeof("connected") - 1, &value);
    ZVAL_BOOL(&value, state->session && state->session->authenticated());
    zend_hash_str_update(info, "authenticated", sizeof("authenticated") - 1, &value);
    return info;
}

ConnectionObject *this_connection(zval *self)
{
    return connection_from(Z_OBJ_P(self));
}

// Reads a truthy option the way PHP's stream context does.
void read_ssl_options(HashTable *options, tls::Options &tls)
{
    zval *ssl = zend_hash_str_find(options, "ssl", sizeof("ssl") - 1);
    if (ssl == nullptr || Z_TYPE_P(ssl) != IS_ARRAY)
        return;
    HashTable *table = Z_ARRVAL_P(ssl);
    zval *value;
    if ((value = zend_hash_str_find(table, "verify_peer", sizeof("verify_peer") - 1)) != nullptr)
        tls.verify_peer = zend_is_true(value);
    if ((value = zend_hash_str_find(table, "verify_peer_name", sizeof("verify_peer_name") - 1)) != nullptr)
        tls.verify_peer_name = zend_is_true(value);
    if ((value = zend_hash_str_find(table, "allow_self_signed", sizeof("allow_self_signed") - 1)) != nullptr)
        tls.allow_self_signed = zend_is_true(value);
    const char *strings[] = {"cafile", "capath", "peer_name"};
    std::string *targets[] = {&tls.cafile, &tls.capath, &tls.peer_name};
    for (size_t i = 0; i < 3; ++i) {
        value = zend_hash_str_find(table, strings[i], strlen(strings[i]));
        if (value != nullptr && Z_TYPE_P(value) == IS_STRING)
            targets[i]->assign(Z_STRVAL_P(value), Z_STRLEN_P(value));
    }
}

std::string zval_text(zval *value)
{
    zend_string *text = zval_get_string(value);
    std::string out(ZSTR_VAL(text), ZSTR_LEN(text));
    zend_string_release(text);
    return out;
}

std::string export_options(zval *options)
{
    if (zend_hash_num_elements(Z_ARRVAL_P(options)) == 0)
        return "array()";
    smart_str buffer = {};
    php_var_export_ex(options, 1, &buffer);
    smart_str_0(&buffer);
    std::string out(ZSTR_VAL(buffer.s), ZSTR_LEN(buffer.s));
    smart_str_free(&buffer);
    return out;
}

// The C++ part of connect(); returns the result.
bool do_connect(ConnectionState *state, const std::string &host_argument, zend_long port, double connect_timeout,
                const std::string &opening_line, HashTable *options)
{
    std::string host = host_argument;
    state->implicit_tls = false;
    if (host.compare(0, 6, "ssl://") == 0 || host.compare(0, 6, "tls://") == 0) {
        state->implicit_tls = host.compare(0, 6, "ssl://") == 0;
        host = host.substr(6);
    } else if (host.compare(0, 6, "tcp://") == 0) {
        host = host.substr(6);
    }
    state->display_host = host_argument;
    state->opening_line = opening_line;
    state->target = smtp::SessionConfig();
    state->target.host = host;
    state->target.port = static_cast<int>(port);
    state->target.security = state->implicit_tls ? smtp::Security::tls : smtp::Security::none;
    state->target.timeout = state->timeout;
    state->target.connect_timeout = connect_timeout;
    state->target.data_timeout = 2 * state->timeout;
    state->target.allow_plaintext_auth = state->allow_plaintext_auth;
    state->target.client_name = "";
    read_ssl_options(options, state->target.tls);
    state->hello_requested = false;
    state->starttls_requested = false;
    state->hello_name.clear();
    state->pool_key.clear();
    state->counted = false;
    state->last_reply.clear();
    clear_caps(state);

    if (pooling_enabled() && find_candidate(state) != nullptr) {
        state->deferred = true;
        emit(state, "Connection: an idle pooled connection to " + host_argument + ":" + std::to_string(port) +
                        " exists; it is reused if the EHLO name and credentials match",
             debug_connection);
        return true;
    }
    emit(state, opening_line, debug_connection);
    return open_session(state);
}

bool do_hello(ConnectionState *state, const std::string &name)
{
    if (!require_connection(state, "EHLO"))
        return false;
    if (name.find_first_of(std::string("\r\n\0", 3)) != std::string::npos) {
        set_error(state, "Command 'EHLO' contained line breaks");
        return false;
    }
    state->hello_requested = true;
    state->hello_name = name;
    if (state->deferred) {
        const smtp::Session *candidate = find_candidate(state);
        if (candidate != nullptr) {
            // Show what a new connection would show at this point: the
            // EHLO reply from before STARTTLS when the caller has not asked
            // for STARTTLS yet.
            bool before_tls = candidate->config().security == smtp::Security::starttls && !state->starttls_requested;
            const smtp::Reply &reply = before_tls ? candidate->hello_reply_before_tls() : candidate->hello_reply();
            set_caps(state, reply, candidate->used_ehlo());
            set_error(state, "");
            emit(state, "Connection: EHLO not sent; the pooled connection's EHLO reply is used", debug_connection);
            return true;
        }
        state->hello_requested = false;
        if (!open_and_replay(state))
            return false;
        state->hello_requested = true;
    }
    return run_hello(state, name);
}

bool do_starttls(ConnectionState *state)
{
    if (!require_connection(state, "STARTTLS"))
        return false;
    if (state->deferred) {
        state->starttls_requested = true;
        if (find_candidate(state) != nullptr) {
            clear_caps(state);
            state->target.security = smtp::Security::starttls;
            set_error(state, "");
            emit(state, "Connection: STARTTLS not sent; the pooled connection already uses TLS", debug_connection);
            return true;
        }
        state->starttls_requested = false;
        if (!open_and_replay(state))
            return false;
        state->starttls_requested = true;
    }
    state->starttls_requested = true;
    return run_starttls(state);
}

bool connection_has_tls(ConnectionState *state)
{
    if (state->deferred)
        return state->implicit_tls || state->starttls_requested;
    return state->session && state->session->tls_active();
}

// PHPMailer's mechanism choice: the requested one when the server offers
// it, else the first offered of CRAM-MD5, LOGIN, PLAIN and XOAUTH2; LOGIN
// after HELO. Returns an empty string with the error set when none fits.
std::string choose_mechanism(ConnectionState *state, const std::string &requested)
{
    if (!state->have_caps) {
        set_error(state, "Authentication is not allowed before HELO/EHLO");
        return {};
    }
    std::string authtype = requested;
    if (state->caps_from_ehlo) {
        std::vector<std::string> offered = offered_auth(state);
        if (offered.empty()) {
            // PHPMailer's text, with the cause as the detail. Without TLS,
            // refuse_plaintext_auth() has already reported the refusal.
            set_error(state, "Authentication is not allowed at this stage",
                      connection_has_tls(state) ? smtp::no_auth_over_tls_hint : smtp::no_auth_without_tls_hint);
            return {};
        }
        std::string list;
        for (const std::string &mechanism : offered)
            list += (list.empty() ? "" : ",") + mechanism;
        emit(state, "Auth method requested: " + (authtype.empty() ? std::string("UNSPECIFIED") : authtype),
             debug_lowlevel);
        emit(state, "Auth methods available on the server: " + list, debug_lowlevel);
        auto is_offered = [&offered](const std::string &name) {
            return std::find(offered.begin(), offered.end(), name) != offered.end();
        };
        if (!authtype.empty() && !is_offered(authtype)) {
            emit(state, "Requested auth method not available: " + authtype, debug_lowlevel);
            authtype.clear();
        }
        if (authtype.empty()) {
            for (const char *mechanism : {"CRAM-MD5", "LOGIN", "PLAIN", "XOAUTH2"}) {
                if (is_offered(mechanism)) {
                    authtype = mechanism;
                    break;
                }
            }
            if (authtype.empty()) {
                set_error(state, "No supported authentication methods found");
                return {};
            }
            emit(state, "Auth method selected: " + authtype, debug_lowlevel);
        }
    } else if (authtype.empty()) {
        authtype = "LOGIN";
    }
    if (authtype != "PLAIN" && authtype != "LOGIN" && authtype != "CRAM-MD5" && authtype != "XOAUTH2") {
        set_error(state, "Authentication method \"" + authtype + "\" is not supported");
        return {};
    }
    return authtype;
}

// PHPMailer names the failing step; with one reply per mechanism here, the
// name is that of PHPMailer's last step for the mechanism.
const char *auth_step_name(const std::string &mechanism)
{
    if (mechanism == "PLAIN")
        return "User & Password";
    if (mechanism == "LOGIN")
        return "Password";
    if (mechanism == "CRAM-MD5")
        return "Username";
    return "AUTH";
}

// Refuse AUTH on a connection without TLS unless setAllowPlaintextAuth(true)
// was called. Returns true, with the error set and an "SMTP ERROR:" debug
// line, when AUTH must not be sent.
bool refuse_plaintext_auth(ConnectionState *state)
{
    if (connection_has_tls(state) || state->allow_plaintext_auth)
        return false;
    set_local_error(state, "Authentication refused without TLS",
                    "set SMTPSecure to 'tls' (STARTTLS) or 'ssl', or call setAllowPlaintextAuth(true) on "
                    "getSMTPInstance()->getConnection() for a trusted local relay");
    state->keep_error_on_close = true;
    return true;
}

bool do_authenticate(ConnectionState *state, const std::string &mechanism, const std::string &username,
                     const Secret &password, const Secret &oauth_response)
{
    bool authenticated = false;
    if (!settle_identity(state, username, mechanism, password, oauth_response, authenticated))
        return false;
    if (authenticated) {
        set_error(state, "");
        return true;
    }
    try {
        state->session->begin_auth_mechanism(mechanism, username, password, oauth_response);
    } catch (const std::invalid_argument &bad) {
        set_error(state, bad.what());
        return false;
    }
    if (!state->session->busy() && state->session->error() && state->session->state() == smtp::Session::State::ready) {
        state->pool_key.clear();
        set_local_error(state, "AUTH command failed", state->session->error()->what());
        return false;
    }
    run(state);
    state->last_reply = raw_reply(state->session->last_reply());
    if (session_usable(state) && !state->session->error()) {
        count_created(state);
        set_error(state, "");
        return true;
    }
    // A session whose AUTH failed carries no identity; it must never be
    // pooled under the key of the credentials it was refused with.
    state->pool_key.clear();
    record_transport_failure(state, auth_step_name(mechanism));
    return false;
}

// Run one simple command on the settled session; expected replies leave
// the error cleared (except after RSET, which PHPMailer keeps it for).
bool run_command(ConnectionState *state, const std::string &command, const std::function<void()> &start)
{
    if (!require_connection(state, command))
        return false;
    if (!settle_without_auth(state))
        return false;
    if (!session_usable(state)) {
        set_error(state, "Called " + command + " without being connected");
        return false;
    }
    try {
        start();
    } catch (const std::invalid_argument &bad) {
        set_error(state, bad.what());
        return false;
    }
    run(state);
    state->last_reply = raw_reply(state->session->last_reply());
    if (session_usable(state) && !state->session->error()) {
        if (command != "RSET")
            set_error(state, "");
        return true;
    }
    record_transport_failure(state, command);
    return false;
}

void forget_session(ConnectionState *state)
{
    state->session.reset();
    state->deferred = false;
    state->pool_key.clear();
    clear_caps(state);
}

// quit(): a clean connection with a known key goes back to the pool (RSET
// first when a transaction is open); anything else gets QUIT and is closed.
bool do_quit(ConnectionState *state)
{
    if (state->deferred) {
        forget_session(state);
        set_error(state, "");
        return true;
    }
    if (!session_usable(state)) {
        set_error(state, "Called QUIT without being connected");
        return false;
    }
    smtp::Session &session = *state->session;
    if (pooling_enabled() && !state->pool_key.empty() && session.hello_done()) {
        bool clean = !session.in_transaction();
        if (!clean) {
            session.begin_step_reset();
            run(state);
            clean = session_usable(state) && !session.error();
        }
        if (clean) {
            count_created(state);
            smtp::SessionConfig labelled = state->target;
            labelled.client_name = state->hello_name;
            labelled.username = session.config().username;
            current_pool().checkin(state->pool_key, pool::describe(labelled), std::move(state->session));
            emit(state, "Connection: kept open in the pool for reuse", debug_connection);
            forget_session(state);
            set_error(state, "");
            return true;
        }
        if (!session_usable(state)) {
            forget_session(state);
            return false;
        }
    }
    session.begin_quit();
    run(state);
    state->last_reply = raw_reply(session.last_reply());
    bool ok = session.last_reply().code == 221;
    if (ok)
        set_error(state, "");
    else
        set_command_error(state, "QUIT", session.last_reply());
    return ok;
}

void do_close(ConnectionState *state)
{
    set_error(state, "");
    // PHPMailer keeps the socket resource after QUIT or a failure until
    // close(), and reports closing it; a session object stands for it here.
    bool had_socket = state->session != nullptr;
    if (state->session)
        state->session->abandon();
    forget_session(state);
    if (had_socket)
        emit(state, "Connection: closed", debug_connection);
}

bool do_connected(ConnectionState *state)
{
    if (state->deferred)
        return true;
    if (!state->session)
        return false;
    if (state->session->owner_pid() != getpid()) {
        // Inherited across fork(): the parent still uses the socket and
        // its TLS state, so the child drops it without QUIT.
        state->session->abandon();
        forget_session(state);
        return false;
    }
    if (session_usable(state) && state->session->check_idle_connection())
        return true;
    emit(state, "SMTP NOTICE: EOF caught while checking if connected", debug_client);
    state->session->abandon();
    do_close(state);
    return false;
}

std::string notify_list(const std::string &dsn)
{
    std::string upper;
    for (char c : dsn)
        upper += static_cast<char>(toupper(static_cast<unsigned char>(c)));
    if (upper.empty())
        return {};
    if (upper.find("NEVER") != std::string::npos)
        return "NEVER";
    std::string list;
    for (const char *value : {"SUCCESS", "FAILURE", "DELAY"}) {
        if (upper.find(value) != std::string::npos)
            list += (list.empty() ? "" : ",") + std::string(value);
    }
    return list;
}

// NOTE: unlike PHPMailer's data(), lines over 998 bytes are sent unsplit.
bool do_data(ConnectionState *state, const std::string &message)
{
    state->message = &message;
    auto shared = std::make_shared<const std::string>(message);
    bool ok = run_command(state, "DATA", [state, shared] {
        state->session->begin_data(std::make_unique<StringSource>(shared));
    });
    state->message = nullptr;
    record_transaction_id(state);
    return ok;
}

}  // namespace

void register_smtp_connection_class();

}  // namespace mailbridge::php

// ---------------------------------------------------------------------------
// Methods

using namespace mailbridge;
using namespace mailbridge::php;

PHP_METHOD(MailBridge_SmtpConnection, __construct)
{
    (void)return_value;
    ZEND_PARSE_PARAMETERS_NONE();
}

PHP_METHOD(MailBridge_SmtpConnection, connect)
{
    zend_string *host;
    zend_long port = 0;
    bool port_null = true;
    zval *timeout = nullptr;
    zval *options = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 4)
        Z_PARAM_STR(host)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG_OR_NULL(port, port_null)
        Z_PARAM_NUMBER(timeout)
        Z_PARAM_ARRAY(options)
    ZEND_PARSE_PARAMETERS_END();

    ConnectionObject *intern = this_connection(ZEND_THIS);
    ConnectionState *state = intern->state;
    zval timeout_default, default_options;
    ZVAL_LONG(&timeout_default, 30);
    array_init(&default_options);
    if (timeout == nullptr)
        timeout = &timeout_default;
    if (options == nullptr)
        options = &default_options;
    if (port_null || port == 0)
        port = 25;

    bool ok;
    if (do_connected(state)) {
        set_error(state, "Already connected to a server");
        ok = false;
    } else if (port < 1 || port > 65535) {
        set_local_error(state, "Failed to connect to server", "port " + std::to_string(port) + " is out of range");
        ok = false;
    } else {
        set_error(state, "");
        double seconds = zval_get_double(timeout);
        std::string host_text(ZSTR_VAL(host), ZSTR_LEN(host));
        std::string opening = "Connection: opening to " + host_text + ":" + std::to_string(port) +
                              ", timeout=" + zval_text(timeout) + ", options=" + export_options(options);
        ok = do_connect(state, host_text, port, seconds > 0 ? seconds : default_timeout, opening,
                        Z_ARRVAL_P(options));
    }
    zval_ptr_dtor(&default_options);
    flush_debug(intern);
    RETURN_BOOL(ok);
}

PHP_METHOD(MailBridge_SmtpConnection, hello)
{
    zend_string *host = ZSTR_EMPTY_ALLOC();
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR(host)
    ZEND_PARSE_PARAMETERS_END();
    ConnectionObject *intern = this_connection(ZEND_THIS);
    bool ok = do_hello(intern->state, std::string(ZSTR_VAL(host), ZSTR_LEN(host)));
    flush_debug(intern);
    RETURN_BOOL(ok);
}

PHP_METHOD(MailBridge_SmtpConnection, startTLS)
{
    ZEND_PARSE_PARAMETERS_NONE();
    ConnectionObject *intern = this_connection(ZEND_THIS);
    bool ok = do_starttls(intern->state);
    flush_debug(intern);
    RETURN_BOOL(ok);
}

PHP_METHOD(MailBridge_SmtpConnection, authenticate)
{
    zend_string *username;
    zend_string *password;
    zend_string *authtype = nullptr;
    zend_object *oauth = nullptr;
    ZEND_PARSE_PARAMETERS_START(2, 4)
        Z_PARAM_STR(username)
        Z_PARAM_STR(password)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR_OR_NULL(authtype)
        Z_PARAM_OBJ_OR_NULL(oauth)
    ZEND_PARSE_PARAMETERS_END();
    ConnectionObject *intern = this_connection(ZEND_THIS);
    ConnectionState *state = intern->state;

    if (!require_connection(state, "AUTH")) {
        RETURN_FALSE;
    }
    // Before the mechanism is chosen: a server such as Postfix with
    // smtpd_tls_auth_only offers no AUTH before STARTTLS, and the refusal
    // is the cause to report then.
    if (refuse_plaintext_auth(state)) {
        flush_debug(intern);
        RETURN_FALSE;
    }
    std::string mechanism = choose_mechanism(state, authtype ? std::string(ZSTR_VAL(authtype), ZSTR_LEN(authtype))
                                                            : std::string());
    if (mechanism.empty()) {
        flush_debug(intern);
        RETURN_FALSE;
    }

    // The token provider is userland code: call it before the C++ work.
    zval token;
    ZVAL_UNDEF(&token);
    if (mechanism == "XOAUTH2") {
        if (oauth == nullptr) {
            flush_debug(intern);
            RETURN_FALSE;
        }
        zend_call_method_with_0_params(oauth, oauth->ce, nullptr, "getoauth64", &token);
        if (EG(exception)) {
            zval_ptr_dtor(&token);
            RETURN_THROWS();
        }
        if (Z_TYPE(token) != IS_STRING)
            convert_to_string(&token);
    }

    bool ok = do_authenticate(state, mechanism, std::string(ZSTR_VAL(username), ZSTR_LEN(username)),
                              Secret(std::string_view(ZSTR_VAL(password), ZSTR_LEN(password))),
                              Z_TYPE(token) == IS_STRING ? Secret(std::string_view(Z_STRVAL(token), Z_STRLEN(token)))
                                                         : Secret());
    zval_ptr_dtor(&token);
    flush_debug(intern);
    RETURN_BOOL(ok);
}

PHP_METHOD(MailBridge_SmtpConnection, mail)
{
    zend_string *from;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(from)
    ZEND_PARSE_PARAMETERS_END();
    ConnectionObject *intern = this_connection(ZEND_THIS);
    ConnectionState *state = intern->state;
    std::string sender(ZSTR_VAL(from), ZSTR_LEN(from));
    bool ok = run_command(state, "MAIL FROM", [state, &sender] {
        state->session->begin_mail(sender, state->smtputf8, state->verp);
    });
    flush_debug(intern);
    RETURN_BOOL(ok);
}

PHP_METHOD(MailBridge_SmtpConnection, recipient)
{
    zend_string *address;
    zend_string *dsn = ZSTR_EMPTY_ALLOC();
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_STR(address)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR(dsn)
    ZEND_PARSE_PARAMETERS_END();
    ConnectionObject *intern = this_connection(ZEND_THIS);
    ConnectionState *state = intern->state;
    std::string to(ZSTR_VAL(address), ZSTR_LEN(address));
    std::string notify = notify_list(std::string(ZSTR_VAL(dsn), ZSTR_LEN(dsn)));
    bool ok = run_command(state, "RCPT TO", [state, &to, &notify] { state->session->begin_rcpt(to, notify); });
    flush_debug(intern);
    RETURN_BOOL(ok);
}

PHP_METHOD(MailBridge_SmtpConnection, data)
{
    zend_string *message;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(message)
    ZEND_PARSE_PARAMETERS_END();
    ConnectionObject *intern = this_connection(ZEND_THIS);
    bool ok = do_data(intern->state, std::string(ZSTR_VAL(message), ZSTR_LEN(message)));
    flush_debug(intern);
    RETURN_BOOL(ok);
}

PHP_METHOD(MailBridge_SmtpConnection, reset)
{
    ZEND_PARSE_PARAMETERS_NONE();
    ConnectionObject *intern = this_connection(ZEND_THIS);
    ConnectionState *state = intern->state;
    bool ok = run_command(state, "RSET", [state] { state->session->begin_step_reset(); });
    flush_debug(intern);
    RETURN_BOOL(ok);
}

PHP_METHOD(MailBridge_SmtpConnection, noop)
{
    ZEND_PARSE_PARAMETERS_NONE();
    ConnectionObject *intern = this_connection(ZEND_THIS);
    ConnectionState *state = intern->state;
    bool ok = run_command(state, "NOOP", [state] { state->session->begin_step_noop(); });
    flush_debug(intern);
    RETURN_BOOL(ok);
}

PHP_METHOD(MailBridge_SmtpConnection, quit)
{
    bool close_on_error = true;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_BOOL(close_on_error)
    ZEND_PARSE_PARAMETERS_END();
    ConnectionObject *intern = this_connection(ZEND_THIS);
    ConnectionState *state = intern->state;
    bool keep_refusal = state->keep_error_on_close;
    ErrorArray refusal = state->error;
    bool ok = do_quit(state);
    if (ok || close_on_error) {
        ErrorArray saved = state->error;
        do_close(state);
        state->error = saved;
    }
    if (keep_refusal) {
        state->error = refusal;
        state->keep_error_on_close = true;
    }
    flush_debug(intern);
    RETURN_BOOL(ok);
}

PHP_METHOD(MailBridge_SmtpConnection, close)
{
    (void)return_value;
    ZEND_PARSE_PARAMETERS_NONE();
    ConnectionObject *intern = this_connection(ZEND_THIS);
    ConnectionState *state = intern->state;
    bool keep_refusal = state->keep_error_on_close;
    ErrorArray refusal = state->error;
    do_close(state);
    if (keep_refusal) {
        state->error = refusal;
        state->keep_error_on_close = true;
    }
    flush_debug(intern);
}

PHP_METHOD(MailBridge_SmtpConnection, connected)
{
    ZEND_PARSE_PARAMETERS_NONE();
    ConnectionObject *intern = this_connection(ZEND_THIS);
    bool ok = do_connected(intern->state);
    flush_debug(intern);
    RETURN_BOOL(ok);
}

PHP_METHOD(MailBridge_SmtpConnection, getError)
{
    ZEND_PARSE_PARAMETERS_NONE();
    const ErrorArray &error = this_connection(ZEND_THIS)->state->error;
    array_init(return_value);
    add_assoc_stringl(return_value, "error", error.error.data(), error.error.size());
    add_assoc_stringl(return_value, "detail", error.detail.data(), error.detail.size());
    if (error.code)
        add_assoc_long(return_value, "smtp_code", *error.code);
    else
        add_assoc_stringl(return_value, "smtp_code", error.code_text.data(), error.code_text.size());
    if (error.code_ex)
        add_assoc_stringl(return_value, "smtp_code_ex", error.code_ex->data(), error.code_ex->size());
    else
        add_assoc_null(return_value, "smtp_code_ex");
}

PHP_METHOD(MailBridge_SmtpConnection, getLastReply)
{
    ZEND_PARSE_PARAMETERS_NONE();
    const std::string &reply = this_connection(ZEND_THIS)->state->last_reply;
    RETURN_STRINGL(reply.data(), reply.size());
}

PHP_METHOD(MailBridge_SmtpConnection, getServerExt)
{
    zend_string *name;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(name)
    ZEND_PARSE_PARAMETERS_END();
    ConnectionState *state = this_connection(ZEND_THIS)->state;
    if (!state->have_caps) {
        set_error(state, "No HELO/EHLO was sent");
        RETURN_NULL();
    }
    zval caps;
    build_caps(state, &caps);
    zval *found = zend_symtable_find(Z_ARRVAL(caps), name);
    if (found != nullptr) {
        ZVAL_COPY(return_value, found);
        zval_ptr_dtor(&caps);
        return;
    }
    std::string key(ZSTR_VAL(name), ZSTR_LEN(name));
    zval *ehlo = zend_hash_str_find(Z_ARRVAL(caps), "EHLO", 4);
    if (key == "HELO") {
        if (ehlo != nullptr)
            ZVAL_COPY(return_value, ehlo);
        else
            RETVAL_NULL();
        zval_ptr_dtor(&caps);
        return;
    }
    bool ehlo_used = ehlo != nullptr;
    zval_ptr_dtor(&caps);
    if (key == "EHLO" || ehlo_used)
        RETURN_FALSE;
    set_error(state, "HELO handshake was used; No information about server extensions available");
    RETURN_NULL();
}

PHP_METHOD(MailBridge_SmtpConnection, getServerExtList)
{
    ZEND_PARSE_PARAMETERS_NONE();
    ConnectionState *state = this_connection(ZEND_THIS)->state;
    if (!state->have_caps)
        RETURN_NULL();
    build_caps(state, return_value);
}

PHP_METHOD(MailBridge_SmtpConnection, getLastTransactionID)
{
    ZEND_PARSE_PARAMETERS_NONE();
    ConnectionState *state = this_connection(ZEND_THIS)->state;
    switch (state->transaction_id_state) {
    case TransactionId::none: RETURN_NULL();
    case TransactionId::not_found: RETURN_FALSE;
    case TransactionId::found: RETURN_STRINGL(state->transaction_id.data(), state->transaction_id.size());
    }
}

PHP_METHOD(MailBridge_SmtpConnection, setDebugLevel)
{
    (void)return_value;
    zend_long level = 0;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(level)
    ZEND_PARSE_PARAMETERS_END();
    this_connection(ZEND_THIS)->state->debug_level = level;
}

PHP_METHOD(MailBridge_SmtpConnection, getDebugLevel)
{
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_LONG(this_connection(ZEND_THIS)->state->debug_level);
}

PHP_METHOD(MailBridge_SmtpConnection, setDebugOutput)
{
    (void)return_value;
    zval *method = nullptr;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_ZVAL(method)
    ZEND_PARSE_PARAMETERS_END();
    ConnectionObject *intern = this_connection(ZEND_THIS);
    zval_ptr_dtor(&intern->debug_output);
    if (method == nullptr)
        ZVAL_STRING(&intern->debug_output, "echo");
    else
        ZVAL_COPY(&intern->debug_output, method);
}

PHP_METHOD(MailBridge_SmtpConnection, getDebugOutput)
{
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_COPY(&this_connection(ZEND_THIS)->debug_output);
}

PHP_METHOD(MailBridge_SmtpConnection, setTimeout)
{
    (void)return_value;
    zval *timeout = nullptr;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_NUMBER(timeout)
    ZEND_PARSE_PARAMETERS_END();
    double seconds = timeout == nullptr ? 0 : zval_get_double(timeout);
    // 0 waits as long as PHPMailer's fixed per-read limit of 300 seconds.
    this_connection(ZEND_THIS)->state->timeout = seconds > 0 ? seconds : default_timeout;
}

PHP_METHOD(MailBridge_SmtpConnection, getTimeout)
{
    ZEND_PARSE_PARAMETERS_NONE();
    double seconds = this_connection(ZEND_THIS)->state->timeout;
    if (seconds == static_cast<double>(static_cast<zend_long>(seconds)))
        RETURN_LONG(static_cast<zend_long>(seconds));
    RETURN_DOUBLE(seconds);
}

PHP_METHOD(MailBridge_SmtpConnection, setVerp)
{
    (void)return_value;
    bool enabled = false;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_BOOL(enabled)
    ZEND_PARSE_PARAMETERS_END();
    this_connection(ZEND_THIS)->state->verp = enabled;
}

PHP_METHOD(MailBridge_SmtpConnection, getVerp)
{
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_BOOL(this_connection(ZEND_THIS)->state->verp);
}

PHP_METHOD(MailBridge_SmtpConnection, setSMTPUTF8)
{
    (void)return_value;
    bool enabled = false;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_BOOL(enabled)
    ZEND_PARSE_PARAMETERS_END();
    this_connection(ZEND_THIS)->state->smtputf8 = enabled;
}

PHP_METHOD(MailBridge_SmtpConnection, getSMTPUTF8)
{
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_BOOL(this_connection(ZEND_THIS)->state->smtputf8);
}

PHP_METHOD(MailBridge_SmtpConnection, setAllowPlaintextAuth)
{
    (void)return_value;
    bool allow;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_BOOL(allow)
    ZEND_PARSE_PARAMETERS_END();
    this_connection(ZEND_THIS)->state->allow_plaintext_auth = allow;
}

PHP_METHOD(MailBridge_SmtpConnection, getAllowPlaintextAuth)
{
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_BOOL(this_connection(ZEND_THIS)->state->allow_plaintext_auth);
}

namespace mailbridge::php {

void register_smtp_connection_class()
{
    smtp_connection_ce = register_class_MailBridge_SmtpConnection();
    smtp_connection_ce->create_object = connection_create;
    memcpy(&smtp_connection_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
    smtp_connection_handlers.offset = XtOffsetOf(ConnectionObject, std);
    smtp_connection_handlers.free_obj = connection_free;
    smtp_connection_handlers.get_gc = connection_get_gc;
    smtp_connection_handlers.get_debug_info = connection_get_debug_info;
    smtp_connection_handlers.clone_obj = nullptr;
}

}  // namespace mailbridge::php

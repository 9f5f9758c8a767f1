// MailBridge\Mailer's send flow: send() calls $this->preSend() and
// $this->postSend(), postSend() calls $this->smtpConnect(), and every
// failure goes through $this->setError(), all by normal method dispatch so
// that a subclass's overrides run. Sessions come from the pool and go back
// to it. SMTP failures fill ErrorInfo with PHPMailer 6's English texts,
// and the transcript goes to Debugoutput with PHPMailer's line prefixes.
#include "php/mailer.h"

#include <fstream>
#include <optional>
#include <sstream>

extern "C" {
#include "ext/date/php_date.h"
#include "ext/standard/html.h"
#include "ext/standard/php_var.h"
#include "zend_smart_str.h"
}

#include "common/byte_source.h"
#include "common/error.h"
#include "dkim/signer.h"
#include "mailer/compose.h"
#include "mime/address.h"
#include "smtp/client.h"
#include "smtp/hints.h"

namespace mailbridge::php {
namespace {

// PHPMailer 6's English texts (language keys provide_address,
// empty_message, smtp_connect_failed, connect_host, authenticate,
// from_failed, recipients_failed, data_not_accepted, signing).
constexpr const char *kProvideAddress = "You must provide at least one recipient email address.";
constexpr const char *kEmptyMessage = "Message body empty";
constexpr const char *kConnectFailed = "SMTP connect() failed. https://github.com/PHPMailer/PHPMailer/wiki/Troubleshooting";
constexpr const char *kConnectHost = "SMTP Error: Could not connect to SMTP host.";
constexpr const char *kAuthenticate = "SMTP Error: Could not authenticate.";
constexpr const char *kFromFailed = "The following From address failed: ";
constexpr const char *kRecipientsFailed = "SMTP Error: The following recipients failed: ";
constexpr const char *kDataNotAccepted = "SMTP Error: data not accepted.";
constexpr const char *kInvalidAddress = "Invalid address: ";
constexpr const char *kSigning = "Signing Error: ";

// SMTPDebug levels (PHPMailer's SMTP::DEBUG_*).
constexpr int kDebugClient = 1;
constexpr int kDebugServer = 2;
constexpr int kDebugConnection = 3;
constexpr int kDebugLowLevel = 4;

std::string trim(const std::string &text)
{
    size_t start = text.find_first_not_of(" \t\r\n\v");
    if (start == std::string::npos)
        return {};
    size_t end = text.find_last_not_of(" \t\r\n\v");
    return text.substr(start, end - start + 1);
}

std::string lower(std::string text)
{
    for (char &c : text)
        c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
    return text;
}

// Server text without the enhanced status code at the start of each line,
// as PHPMailer's SMTP::getError()['detail'] has it.
std::string reply_detail(const std::string &text, const std::string &enhanced_status)
{
    if (enhanced_status.empty())
        return text;
    std::string out;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.rfind(enhanced_status + " ", 0) == 0)
            line.erase(0, enhanced_status.size() + 1);
        if (!out.empty())
            out += "\n";
        out += line;
    }
    return out;
}

// Advice for a failure without a server reply, in the Mailer's property
// names rather than the SmtpTransport options that the core's hints name.
std::string mailer_hint(const Error &error)
{
    std::string reason = error.what();
    if (error.kind == ErrorKind::authentication && reason == smtp::plaintext_auth_refused)
        return "set SMTPSecure to 'tls' or 'ssl', or SMTPAllowPlaintextAuth = true for a trusted local relay";
    if (error.stage == Stage::auth && reason.rfind("the server does not offer AUTH", 0) == 0)
        return error.hint;
    if (reason.find("certificate verification failed") != std::string::npos) {
        if (error.hint.find("peer_name") != std::string::npos)
            return "connect with the name in the server certificate, or set SMTPOptions['ssl']['peer_name'] to it";
        if (error.hint.find("validity period") != std::string::npos)
            return error.hint;
        return "set SMTPOptions['ssl']['cafile'] to the CA that signed the server certificate";
    }
    return {};
}

SmtpErrorInfo error_info(const Error &error)
{
    SmtpErrorInfo info;
    if (error.reply_code == 0 && error.server_text.empty()) {
        info.reason = error.what();
        info.hint = mailer_hint(error);
        return info;
    }
    if (error.stage == Stage::after_dot)
        info.error = "DATA END command failed";
    else if (error.command == "MAIL" || error.command == "RCPT")
        info.error = error.command + (error.command == "MAIL" ? " FROM" : " TO") + " command failed";
    else if (!error.command.empty())
        info.error = error.command + " command failed";
    else
        info.error = error.what();
    info.detail = error.server_text.empty() ? std::string(error.what()) : reply_detail(error.server_text, error.enhanced_status);
    if (error.reply_code != 0)
        info.code = std::to_string(error.reply_code);
    info.code_ex = error.enhanced_status;
    return info;
}

std::string format_gmdate(const char *format)
{
    zend_string *date = php_format_date(format, strlen(format), time(nullptr), 0);
    std::string out(ZSTR_VAL(date), ZSTR_LEN(date));
    zend_string_release(date);
    return out;
}

void replace_all(std::string &text, const std::string &from, const std::string &to)
{
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

// var_export() of the stream options for the "Connection: opening" line,
// with any TLS passphrase masked.
std::string export_options(zval *options)
{
    if (options == nullptr || Z_TYPE_P(options) != IS_ARRAY || zend_hash_num_elements(Z_ARRVAL_P(options)) == 0)
        return "array()";
    zval copy;
    ZVAL_ARR(&copy, zend_array_dup(Z_ARRVAL_P(options)));
    zval *ssl = zend_hash_str_find_deref(Z_ARRVAL(copy), "ssl", 3);
    if (ssl != nullptr && Z_TYPE_P(ssl) == IS_ARRAY && zend_hash_str_exists(Z_ARRVAL_P(ssl), "passphrase", 10)) {
        zval masked_ssl, masked;
        ZVAL_ARR(&masked_ssl, zend_array_dup(Z_ARRVAL_P(ssl)));
        ZVAL_STRING(&masked, "<redacted>");
        zend_hash_str_update(Z_ARRVAL(masked_ssl), "passphrase", 10, &masked);
        zend_hash_str_update(Z_ARRVAL(copy), "ssl", 3, &masked_ssl);
    }
    smart_str buffer = {};
    php_var_export_ex(&copy, 1, &buffer);
    smart_str_0(&buffer);
    std::string out = buffer.s != nullptr ? std::string(ZSTR_VAL(buffer.s), ZSTR_LEN(buffer.s)) : "array()";
    smart_str_free(&buffer);
    zval_ptr_dtor(&copy);
    return out;
}

// Map $options['ssl'] (PHP stream context keys) to TLS options.
// Verification stays on unless verify_peer or verify_peer_name is false.
// NOTE: allow_self_signed, verify_depth, ciphers and the client
// certificate keys are ignored, so a self-signed server certificate needs
// its CA in cafile, or verify_peer turned off.
tls::Options tls_options(zval *options)
{
    tls::Options tls;
    if (options == nullptr || Z_TYPE_P(options) != IS_ARRAY)
        return tls;
    zval *ssl = zend_hash_str_find_deref(Z_ARRVAL_P(options), "ssl", 3);
    if (ssl == nullptr || Z_TYPE_P(ssl) != IS_ARRAY)
        return tls;
    auto text = [&](const char *key, std::string &out) {
        zval *value = zend_hash_str_find_deref(Z_ARRVAL_P(ssl), key, strlen(key));
        if (value != nullptr && Z_TYPE_P(value) == IS_STRING)
            out.assign(Z_STRVAL_P(value), Z_STRLEN_P(value));
    };
    auto flag = [&](const char *key, bool &out) {
        zval *value = zend_hash_str_find_deref(Z_ARRVAL_P(ssl), key, strlen(key));
        if (value != nullptr)
            out = zend_is_true(value);
    };
    flag("verify_peer", tls.verify_peer);
    flag("verify_peer_name", tls.verify_peer_name);
    text("cafile", tls.cafile);
    text("capath", tls.capath);
    text("peer_name", tls.peer_name);
    return tls;
}

struct HostEntry {
    std::string prefix;  // "ssl", "tls" or empty
    std::string host;
    int port = 0;        // 0: the Port property
};

// One entry of Host: [ssl:// | tls://] host [:port], where host may be a
// bracketed IPv6 address. Returns false for an invalid entry.
bool parse_host_entry(std::string text, HostEntry &entry)
{
    text = trim(text);
    std::string prefix = lower(text.substr(0, 6));
    if (prefix == "ssl://" || prefix == "tls://") {
        entry.prefix = prefix.substr(0, 3);
        text = text.substr(6);
    }
    std::string port_text;
    if (!text.empty() && text.front() == '[') {
        size_t close = text.find(']');
        if (close == std::string::npos)
            return false;
        entry.host = text.substr(0, close + 1);
        if (close + 1 < text.size()) {
            if (text[close + 1] != ':')
                return false;
            port_text = text.substr(close + 2);
        }
    } else {
        size_t colon = text.rfind(':');
        if (colon != std::string::npos && text.find(':') == colon) {
            entry.host = text.substr(0, colon);
            port_text = text.substr(colon + 1);
        } else {
            entry.host = text;
        }
    }
    if (entry.host.empty() || entry.host.find_first_of(" \t\r\n/;_\\") != std::string::npos ||
        entry.host.find("://") != std::string::npos)
        return false;
    if (!port_text.empty() && port_text.size() <= 5 && port_text.find_first_not_of("0123456789") == std::string::npos) {
        int port = std::stoi(port_text);
        if (port >= 1 && port <= 65535)
            entry.port = port;
    } else if (!port_text.empty()) {
        return false;
    }
    return true;
}

// Raise the pending mailer exception as PHPMailer's catch blocks do:
// setError() with its message, then rethrow when exceptions are on.
// Returns false; the exception stays pending only when rethrown.
bool handle_mailer_exception(zend_object *object)
{
    zend_object *exception = EG(exception);
    if (exception == nullptr || !is_mailer_exception(exception))
        return false;
    GC_ADDREF(exception);
    zend_clear_exception();
    zval ignored;
    zval *message = zend_read_property(zend_ce_exception, exception, "message", sizeof("message") - 1, 1, &ignored);
    zval argument;
    ZVAL_COPY(&argument, message);
    zval result;
    bool called = call_method(object, "setError", &result, 1, &argument);
    zval_ptr_dtor(&argument);
    zval_ptr_dtor(&result);
    if (called && bool_property(object, "exceptions")) {
        zend_throw_exception_internal(exception);
        return false;
    }
    OBJ_RELEASE(exception);
    return false;
}

// Release the session to the pool unless SMTPKeepAlive keeps it for the next send().
void finish_session(zend_object *object)
{
    MailerState *state = mailer_from(object)->state;
    if (state->client && !bool_property(object, "SMTPKeepAlive")) {
        state->client->release();
        state->client.reset();
    }
}

// The SMTP transaction for MIMEHeader and MIMEBody. Throws the mailer
// exception on failure, as PHPMailer's smtpSend() does; postSend()
// decides whether it reaches the caller.
bool smtp_send(zend_object *object)
{
    MailerState *state = mailer_from(object)->state;
    zval options, connected;
    ZVAL_COPY(&options, mailer_property(object, "SMTPOptions"));
    bool called = call_method(object, "smtpConnect", &connected, 1, &options);
    zval_ptr_dtor(&options);
    bool ok = called && zend_is_true(&connected);
    zval_ptr_dtor(&connected);
    if (!called)
        return false;
    if (!ok || !state->client) {
        throw_mailer_exception(kConnectFailed, kStopCritical);
        return false;
    }

    smtp::Transaction transaction;
    std::string sender = trim(string_property(object, "Sender"));
    if (sender.empty())
        sender = trim(string_property(object, "From"));
    try {
        transaction.sender = mailer::normalize_address(sender);
        for (const char *list : {"to", "cc", "bcc"}) {
            zval *entries = mailer_property(object, list);
            if (Z_TYPE_P(entries) != IS_ARRAY)
                continue;
            zval *entry;
            ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(entries), entry) {
                ZVAL_DEREF(entry);
                zval *address = Z_TYPE_P(entry) == IS_ARRAY ? zend_hash_index_find(Z_ARRVAL_P(entry), 0) : nullptr;
                if (address == nullptr)
                    continue;
                zend_string *text = zval_get_string(address);
                mime::Address parsed = mime::make_address(std::string(ZSTR_VAL(text), ZSTR_LEN(text)), "");
                zend_string_release(text);
                transaction.recipients.push_back(parsed.addr_spec());
                transaction.smtputf8 = transaction.smtputf8 || parsed.needs_smtputf8();
            } ZEND_HASH_FOREACH_END();
        }
    } catch (const mime::InvalidInput &invalid) {
        throw_mailer_exception(std::string(kInvalidAddress) + invalid.what(), kStopCritical);
        return false;
    }
    auto data = std::make_shared<const std::string>(string_property(object, "MIMEHeader") + "\r\n" +
                                                    string_property(object, "MIMEBody"));
    transaction.size_estimate = data->size();
    transaction.eight_bit = std::any_of(data->begin(), data->end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    transaction.open_data = [data]() { return std::make_unique<StringSource>(data); };

    state->smtp_error = SmtpErrorInfo();
    smtp::TransactionResult result;
    std::optional<Error> failure;
    try {
        result = state->client->send(transaction);
    } catch (const Error &error) {
        failure = error;
        result = state->client->last_result();
    } catch (const smtp::Aborted &) {
        failure = Error(ErrorKind::connection, Stage::none, "the send was aborted");
    } catch (const std::exception &unexpected) {
        // The session is in an unknown state, so it is dropped, never pooled.
        failure = Error(ErrorKind::connection, Stage::none, unexpected.what());
        state->client->abandon();
    }
    flush_debug(object);

    std::string rejected;
    for (const smtp::RecipientResult &recipient : result.recipients) {
        if (!recipient.accepted)
            rejected += recipient.address + ": " + reply_detail(recipient.text, recipient.enhanced_status) + "\n";
    }
    if (failure) {
        state->smtp_error = error_info(*failure);
        finish_session(object);
        switch (failure->stage) {
        case Stage::mail: {
            const SmtpErrorInfo &info = state->smtp_error;
            throw_mailer_exception(std::string(kFromFailed) + sender + " : " + info.error + "," + info.detail + "," +
                                       info.code + "," + info.code_ex,
                                   kStopCritical);
            return false;
        }
        case Stage::rcpt:
            if (!rejected.empty() && failure->kind == ErrorKind::server_reply) {
                state->smtp_error = SmtpErrorInfo();
                throw_mailer_exception(kRecipientsFailed + rejected, kStopContinue);
                return false;
            }
            break;
        case Stage::connect:
        case Stage::tls:
        case Stage::ehlo:
        case Stage::auth:
            throw_mailer_exception(kConnectFailed, kStopCritical);
            return false;
        default:
            break;
        }
        throw_mailer_exception(kDataNotAccepted, kStopCritical);
        return false;
    }
    finish_session(object);
    if (!rejected.empty()) {
        throw_mailer_exception(kRecipientsFailed + rejected, kStopContinue);
        return false;
    }
    return true;
}

// Sign MIMEHeader and MIMEBody with the DKIM_* properties when DKIM_domain,
// DKIM_selector and a readable DKIM_private key file are set. Returns
// false with error set when signing fails.
bool dkim_sign(zend_object *object, std::string &header, const std::string &body, std::string &error)
{
    std::string domain = string_property(object, "DKIM_domain");
    std::string selector = string_property(object, "DKIM_selector");
    std::string key_path = string_property(object, "DKIM_private");
    if (domain.empty() || selector.empty() || key_path.empty())
        return true;
    std::ifstream file(key_path, std::ios::binary);
    if (!file)
        return true;  // as PHPMailer: no readable key file, no signature
    std::ostringstream key;
    key << file.rdbuf();
    dkim::Options options;
    options.domain = domain;
    options.selector = selector;
    options.private_key = Secret(key.str());
    options.passphrase = Secret(string_property(object, "DKIM_passphrase"));
    options.identity = string_property(object, "DKIM_identity");
    // The algorithm follows the key: RSA first, as PHPMailer signs only
    // with rsa-sha256, then Ed25519. The RSA error is reported when both fail.
    std::unique_ptr<dkim::Signer> signer;
    std::string first_error;
    for (const char *algorithm : {"rsa-sha256", "ed25519-sha256"}) {
        options.algorithm = algorithm;
        try {
            signer = std::make_unique<dkim::Signer>(options);
            break;
        } catch (const std::exception &failure) {
            if (first_error.empty())
                first_error = failure.what();
        }
    }
    if (!signer) {
        error = std::string(kSigning) + first_error;
        return false;
    }
    try {
        auto message = std::make_shared<const std::string>(header + "\r\n" + body);
        StringSource source(message);
        header = signer->sign(source) + header;
    } catch (const std::exception &failure) {
        error = std::string(kSigning) + failure.what();
        return false;
    }
    return true;
}

bool empty_like_php(const std::string &text)
{
    return text.empty() || text == "0";
}

}  // namespace

bool raise_error(zend_object *object, const std::string &message, zend_long code)
{
    zval argument, result;
    ZVAL_STRINGL(&argument, message.data(), message.size());
    bool called = call_method(object, "setError", &result, 1, &argument);
    zval_ptr_dtor(&argument);
    zval_ptr_dtor(&result);
    if (!called)
        return false;
    if (bool_property(object, "exceptions"))
        throw_mailer_exception(message, code);
    return true;
}

void debug_line(zend_object *object, const std::string &line, int level)
{
    if (level > long_property(object, "SMTPDebug"))
        return;
    zval *output = mailer_property(object, "Debugoutput");
    std::string mode = Z_TYPE_P(output) == IS_STRING ? std::string(Z_STRVAL_P(output), Z_STRLEN_P(output)) : "";
    bool named = mode == "echo" || mode == "html" || mode == "error_log";
    if (!named && zend_is_callable(output, 0, nullptr)) {
        zval callable, arguments[2], result;
        ZVAL_COPY(&callable, output);
        ZVAL_STRINGL(&arguments[0], line.data(), line.size());
        ZVAL_LONG(&arguments[1], level);
        ZVAL_UNDEF(&result);
        call_user_function(nullptr, nullptr, &callable, &result, 2, arguments);
        zval_ptr_dtor(&callable);
        zval_ptr_dtor(&arguments[0]);
        zval_ptr_dtor(&result);
        return;
    }
    if (mode == "error_log") {
        php_log_err(const_cast<char *>(line.c_str()));
        return;
    }
    std::string out;
    if (mode == "html") {
        std::string flat = line;
        flat.erase(std::remove_if(flat.begin(), flat.end(), [](char c) { return c == '\r' || c == '\n'; }), flat.end());
        zend_string *escaped = php_escape_html_entities(reinterpret_cast<unsigned char *>(flat.data()), flat.size(), 1,
                                                        ENT_QUOTES, const_cast<char *>("UTF-8"));
        out = format_gmdate("Y-m-d H:i:s") + " " + std::string(ZSTR_VAL(escaped), ZSTR_LEN(escaped)) + "<br>\n";
        zend_string_release(escaped);
    } else {
        std::string text = trim(line);
        replace_all(text, "\n", "\n                   \t                  ");
        out = format_gmdate("Y-m-d H:i:s") + "\t" + text + "\n";
    }
    PHPWRITE(out.data(), out.size());
}

void flush_debug(zend_object *object)
{
    MailerState *state = mailer_from(object)->state;
    std::vector<std::string> lines;
    lines.swap(state->log_lines);
    if (long_property(object, "SMTPDebug") <= 0)
        return;
    std::string reply;  // a multi-line server reply is passed on as one string
    for (const std::string &line : lines) {
        if (EG(exception))
            return;
        std::string rest = line.size() > 3 ? line.substr(3) : std::string();
        if (line.rfind("S: ", 0) == 0) {
            reply += rest + "\r\n";
            bool last = rest.size() < 4 || rest[3] != '-';
            if (last) {
                debug_line(object, "SERVER -> CLIENT: " + reply, kDebugServer);
                reply.clear();
            }
        } else if (line.rfind("C: ", 0) == 0) {
            debug_line(object, "CLIENT -> SERVER: " + rest + "\r\n", kDebugClient);
        } else if (line == "* connected") {
            debug_line(object, "Connection: opened", kDebugConnection);
        } else if (line.rfind("* error: ", 0) == 0) {
            debug_line(object, "SMTP ERROR: " + line.substr(9), kDebugClient);
        } else if (line.rfind("* connecting to ", 0) == 0) {
            debug_line(object, "Connection: connecting to " + line.substr(16), kDebugLowLevel);
        } else if (line.rfind("* ", 0) == 0) {
            debug_line(object, line.substr(2), kDebugConnection);
        } else {
            debug_line(object, line, kDebugLowLevel);
        }
    }
}

}  // namespace mailbridge::php

using namespace mailbridge;
using php::MailerState;

ZEND_METHOD(MailBridge_Mailer, setError)
{
    (void)return_value;
    zval *message_value;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_ZVAL(message_value)
    ZEND_PARSE_PARAMETERS_END();
    zend_object *object = Z_OBJ_P(ZEND_THIS);
    MailerState *state = php::mailer_from(object)->state;
    ++state->error_count;
    zend_string *text = zval_get_string(message_value);
    std::string message(ZSTR_VAL(text), ZSTR_LEN(text));
    zend_string_release(text);
    const php::SmtpErrorInfo &smtp = state->smtp_error;
    if (php::string_property(object, "Mailer") == "smtp" && !smtp.error.empty()) {
        message += " SMTP server error: " + smtp.error;
        if (!smtp.detail.empty())
            message += " Detail: " + smtp.detail;
        if (!smtp.code.empty())
            message += " SMTP code: " + smtp.code;
        if (!smtp.code_ex.empty())
            message += " Additional SMTP info: " + smtp.code_ex;
    } else if (php::string_property(object, "Mailer") == "smtp") {
        // The exception texts of connect failures already end with the reason.
        if (!smtp.reason.empty() && message.find(smtp.reason) == std::string::npos)
            message += " " + smtp.reason;
        if (!smtp.hint.empty())
            message += (!message.empty() && message.back() == '.' ? " Hint: " : ". Hint: ") + smtp.hint;
    }
    php::write_string_property(object, "ErrorInfo", message);
}

ZEND_METHOD(MailBridge_Mailer, send)
{
    ZEND_PARSE_PARAMETERS_NONE();
    zend_object *object = Z_OBJ_P(ZEND_THIS);
    zval result;
    if (!php::call_method(object, "preSend", &result)) {
        zval_ptr_dtor(&result);
        php::handle_mailer_exception(object);
        if (EG(exception))
            RETURN_THROWS();
        RETURN_FALSE;
    }
    bool prepared = zend_is_true(&result);
    zval_ptr_dtor(&result);
    if (!prepared)
        RETURN_FALSE;
    if (!php::call_method(object, "postSend", &result)) {
        zval_ptr_dtor(&result);
        php::handle_mailer_exception(object);
        if (EG(exception))
            RETURN_THROWS();
        RETURN_FALSE;
    }
    bool sent = zend_is_true(&result);
    zval_ptr_dtor(&result);
    RETURN_BOOL(sent);
}

ZEND_METHOD(MailBridge_Mailer, preSend)
{
    ZEND_PARSE_PARAMETERS_NONE();
    zend_object *object = Z_OBJ_P(ZEND_THIS);
    MailerState *state = php::mailer_from(object)->state;
    state->error_count = 0;
    state->smtp_error = php::SmtpErrorInfo();
    php::start_new_message(object);

    size_t recipients = 0;
    for (const char *list : {"to", "cc", "bcc"}) {
        zval *entries = php::mailer_property(object, list);
        if (Z_TYPE_P(entries) == IS_ARRAY)
            recipients += zend_hash_num_elements(Z_ARRVAL_P(entries));
    }
    if (recipients == 0) {
        php::raise_error(object, php::kProvideAddress, php::kStopCritical);
        RETURN_FALSE;
    }
    for (const char *kind : {"From", "Sender", "ConfirmReadingTo"}) {
        std::string address = php::trim(php::string_property(object, kind));
        php::write_string_property(object, kind, address);
        if (address.empty())
            continue;
        try {
            mailer::normalize_address(address);
        } catch (const mime::InvalidInput &) {
            std::string message = std::string(php::kInvalidAddress) + " (" + kind + "): " + address;
            php::debug_line(object, message, php::kDebugClient);
            php::raise_error(object, message, 0);
            RETURN_FALSE;
        }
    }
    if (!php::string_property(object, "AltBody").empty())
        php::write_string_property(object, "ContentType", "multipart/alternative");
    if (php::empty_like_php(php::string_property(object, "Body"))) {
        php::raise_error(object, php::kEmptyMessage, php::kStopCritical);
        RETURN_FALSE;
    }

    std::string header, body, error;
    if (!php::compose_message(object, header, body, error) || !php::dkim_sign(object, header, body, error)) {
        if (!EG(exception))
            php::raise_error(object, error, php::kStopCritical);
        RETURN_FALSE;
    }
    php::write_string_property(object, "MIMEHeader", header);
    php::write_string_property(object, "MIMEBody", body);
    RETURN_TRUE;
}

ZEND_METHOD(MailBridge_Mailer, postSend)
{
    ZEND_PARSE_PARAMETERS_NONE();
    zend_object *object = Z_OBJ_P(ZEND_THIS);
    std::string mailer = php::string_property(object, "Mailer");
    if (mailer == "smtp") {
        bool sent = php::smtp_send(object);
        if (EG(exception)) {
            php::handle_mailer_exception(object);
            if (EG(exception))
                RETURN_THROWS();
            RETURN_FALSE;
        }
        RETURN_BOOL(sent);
    }
    // As PHPMailer: another Mailer value calls the method "<Mailer>Send"
    // with the header and body, when the class has one.
    std::string method = php::lower(mailer + "Send");
    bool builtin = mailer == "mail" || mailer == "sendmail" || mailer == "qmail";
    if (!builtin && zend_hash_str_exists(&object->ce->function_table, method.data(), method.size())) {
        zval arguments[2], result;
        std::string header = php::string_property(object, "MIMEHeader");
        std::string body = php::string_property(object, "MIMEBody");
        ZVAL_STRINGL(&arguments[0], header.data(), header.size());
        ZVAL_STRINGL(&arguments[1], body.data(), body.size());
        bool called = php::call_method(object, method.c_str(), &result, 2, arguments);
        zval_ptr_dtor(&arguments[0]);
        zval_ptr_dtor(&arguments[1]);
        if (!called) {
            zval_ptr_dtor(&result);
            php::handle_mailer_exception(object);
            if (EG(exception))
                RETURN_THROWS();
            RETURN_FALSE;
        }
        RETURN_COPY_VALUE(&result);
    }
    // NOTE: only SMTP is implemented; mail(), sendmail and qmail are not.
    php::raise_error(object, mailer + " mailer is not supported.", php::kStopCritical);
    if (EG(exception))
        RETURN_THROWS();
    RETURN_FALSE;
}

namespace {

// The session configuration for one Host entry.
smtp::SessionConfig session_config(zend_object *object, const php::HostEntry &entry, zval *options)
{
    smtp::SessionConfig config;
    config.host = entry.host;
    if (config.host.size() > 2 && config.host.front() == '[')
        config.host = config.host.substr(1, config.host.size() - 2);
    zend_long port = php::long_property(object, "Port");
    config.port = entry.port != 0 ? entry.port : (port >= 1 && port <= 65535 ? static_cast<int>(port) : 25);
    std::string secure = php::lower(php::string_property(object, "SMTPSecure"));
    if (entry.prefix == "ssl" || (entry.prefix.empty() && secure == "ssl")) {
        config.security = smtp::Security::tls;
    } else if (entry.prefix == "tls" || secure == "tls") {
        config.security = smtp::Security::starttls;
    } else if (php::bool_property(object, "SMTPAutoTLS") && php::string_property(object, "Host") != "localhost") {
        // PHPMailer compares the whole Host string with "localhost" too.
        config.security = smtp::Security::starttls;
        config.starttls_if_offered = true;
    } else {
        config.security = smtp::Security::none;
    }
    std::string helo = php::string_property(object, "Helo");
    config.client_name = helo.empty() ? php::server_hostname(object) : helo;
    double timeout = zval_get_double(php::mailer_property(object, "Timeout"));
    config.timeout = timeout > 0 ? timeout : 300;
    config.connect_timeout = config.timeout;
    config.tls = php::tls_options(options);
    if (php::bool_property(object, "SMTPAuth")) {
        config.username = php::string_property(object, "Username");
        config.password = Secret(php::string_property(object, "Password"));
        std::string type = php::string_property(object, "AuthType");
        for (char &c : type)
            c = static_cast<char>(toupper(static_cast<unsigned char>(c)));
        if (type == "PLAIN" || type == "LOGIN" || type == "CRAM-MD5")
            config.mechanisms = {type};
    }
    config.allow_plaintext_auth = php::bool_property(object, "SMTPAllowPlaintextAuth");
    return config;
}

// Check what the core cannot: AUTH needs a user name, and neither it nor
// the password may contain NUL or line breaks.
std::string credential_problem(const smtp::SessionConfig &config, zend_object *object)
{
    if (!php::bool_property(object, "SMTPAuth"))
        return {};
    if (config.username.empty())
        return "SMTPAuth is on but Username is empty";
    std::string_view breaks("\r\n\0", 3);
    if (config.username.find_first_of(breaks) != std::string::npos ||
        config.password.reveal().find_first_of(breaks) != std::string::npos)
        return "Username or Password contains NUL or a line break";
    return {};
}

}  // namespace

ZEND_METHOD(MailBridge_Mailer, smtpConnect)
{
    zval *options = nullptr;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_ZVAL(options)
    ZEND_PARSE_PARAMETERS_END();
    zend_object *object = Z_OBJ_P(ZEND_THIS);
    MailerState *state = php::mailer_from(object)->state;
    if (state->client && state->client->connected())
        RETURN_TRUE;
    state->client.reset();
    if (options == nullptr || Z_TYPE_P(options) == IS_NULL)
        options = php::mailer_property(object, "SMTPOptions");

    std::string hosts = php::string_property(object, "Host");
    std::optional<Error> last_error;
    size_t start = 0;
    while (start <= hosts.size()) {
        size_t end = hosts.find(';', start);
        std::string text = hosts.substr(start, end == std::string::npos ? std::string::npos : end - start);
        start = end == std::string::npos ? hosts.size() + 1 : end + 1;
        php::HostEntry entry;
        if (!php::parse_host_entry(text, entry)) {
            php::debug_line(object, "Invalid hostentry: " + php::trim(text), php::kDebugClient);
            continue;
        }
        smtp::SessionConfig config = session_config(object, entry, options);
        std::string timeout = php::string_property(object, "Timeout");
        php::debug_line(object,
                        "Connection: opening to " + std::string(config.security == smtp::Security::tls ? "ssl://" : "") +
                            entry.host + ":" + std::to_string(config.port) + ", timeout=" + timeout +
                            ", options=" + php::export_options(options),
                        php::kDebugConnection);
        std::string problem = credential_problem(config, object);
        if (!problem.empty()) {
            last_error = Error(ErrorKind::authentication, Stage::auth, problem);
            state->smtp_error = php::SmtpErrorInfo();
            state->smtp_error.reason = problem;
            break;
        }
        std::vector<std::string> *lines = &state->log_lines;
        auto client = std::make_unique<smtp::Client>(
            config, smtp::LogSink([lines](const std::string &line) { lines->push_back(line); }), &php::current_pool());
        try {
            try {
                client->connect();
            } catch (const smtp::Aborted &) {
                throw Error(ErrorKind::connection, Stage::connect, "the connection was aborted");
            } catch (const Error &) {
                throw;
            } catch (const std::exception &unexpected) {
                throw Error(ErrorKind::connection, Stage::connect, unexpected.what());
            }
        } catch (const Error &error) {
            php::flush_debug(object);
            state->smtp_error = php::error_info(error);
            last_error = error;
            client->abandon();
            if (EG(exception))
                RETURN_THROWS();
            continue;
        }
        state->client = std::move(client);
        php::flush_debug(object);
        if (EG(exception))
            RETURN_THROWS();
        RETURN_TRUE;
    }
    if (!last_error) {
        state->smtp_error = php::SmtpErrorInfo();
        state->smtp_error.reason = "Invalid host: " + hosts;
        last_error = Error(ErrorKind::connection, Stage::connect, "no valid host in Host");
    }
    if (php::bool_property(object, "exceptions")) {
        if (last_error->kind == ErrorKind::authentication)
            php::throw_mailer_exception(php::kAuthenticate, 0);
        else
            php::throw_mailer_exception(std::string(php::kConnectHost) + " " + last_error->what(), 0);
        RETURN_THROWS();
    }
    RETURN_FALSE;
}

ZEND_METHOD(MailBridge_Mailer, __destruct)
{
    ZEND_PARSE_PARAMETERS_NONE();
    zval result;
    php::call_method(Z_OBJ_P(ZEND_THIS), "smtpClose", &result);
    zval_ptr_dtor(&result);
    if (EG(exception))
        RETURN_THROWS();
}

ZEND_METHOD(MailBridge_Mailer, smtpClose)
{
    (void)return_value;
    ZEND_PARSE_PARAMETERS_NONE();
    MailerState *state = php::mailer_from(Z_OBJ_P(ZEND_THIS))->state;
    // The session goes back to the pool instead of ending with QUIT.
    if (state->client) {
        state->client->release();
        state->client.reset();
    }
}

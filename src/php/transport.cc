#include "php/objects.h"
#include "php/options.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>
#include <memory>

#include "common/error.h"
#include "mime/address.h"
#include "mime/message.h"
#include "dkim/signer.h"
#include "smtp/bulk.h"
#include "smtp/client.h"

#include "../../php_stubs/transport_arginfo.h"

namespace mailbridge::php {

zend_class_entry *transport_ce;
zend_class_entry *send_result_ce;
zend_class_entry *recipient_status_ce;

namespace {

using options::has_control_or_space;
using options::has_line_break_or_nul;

zend_object_handlers transport_handlers;

struct TransportState {
    std::unique_ptr<smtp::Client> client;
    smtp::SessionConfig config;          // for sendMany(), which opens its own connections
    std::vector<smtp::Endpoint> hosts;
    smtp::BulkOptions bulk;
    bool persistent = true;  // idle session goes back to the pool, not QUIT
    std::vector<const dkim::Signer *> dkim_signers;  // owned by the DkimSigner objects below
    bool busy = false;            // a method is running; see BusyGuard
    bool logger_failed = false;   // the logger threw during the current call
    std::vector<std::string> log_lines;  // transcript lines not yet passed to the logger
    std::string host;
    int port = 0;
    std::string security;
    std::string username;
    bool has_password = false;
    bool has_token = false;
};

struct TransportObject {
    TransportState *state;
    zval logger;  // IS_UNDEF without a logger
    zval dkim;    // the DkimSigner objects, kept alive while the transport uses them; IS_UNDEF without
    zend_object std;
};

TransportObject *transport_from(zend_object *object)
{
    return reinterpret_cast<TransportObject *>(reinterpret_cast<char *>(object) - XtOffsetOf(TransportObject, std));
}

zend_object *transport_create(zend_class_entry *ce)
{
    auto *intern = static_cast<TransportObject *>(zend_object_alloc(sizeof(TransportObject), ce));
    zend_object_std_init(&intern->std, ce);
    object_properties_init(&intern->std, ce);
    intern->state = nullptr;
    ZVAL_UNDEF(&intern->logger);
    ZVAL_UNDEF(&intern->dkim);
    intern->std.handlers = &transport_handlers;
    return &intern->std;
}

void transport_free(zend_object *object)
{
    TransportObject *intern = transport_from(object);
    if (intern->state != nullptr) {
        // Close politely when the connection is idle; a failure here has
        // nowhere to go, so it is dropped.
        try {
            if (intern->state->client) {
                intern->state->client->set_step_hook(nullptr);
                if (intern->state->persistent)
                    intern->state->client->release();
                else
                    intern->state->client->close();
            }
        } catch (const Error &) {
        } catch (const smtp::Aborted &) {
        }
        delete intern->state;
        intern->state = nullptr;
    }
    zval_ptr_dtor(&intern->logger);
    zval_ptr_dtor(&intern->dkim);
    zend_object_std_dtor(object);
}

HashTable *transport_get_gc(zend_object *object, zval **table, int *count)
{
    TransportObject *intern = transport_from(object);
    zend_get_gc_buffer *buffer = zend_get_gc_buffer_create();
    zend_get_gc_buffer_add_zval(buffer, &intern->logger);
    zend_get_gc_buffer_add_zval(buffer, &intern->dkim);
    zend_get_gc_buffer_use(buffer, table, count);
    return zend_std_get_properties(object);
}

// var_dump() and print_r() show the endpoint but never a secret.
HashTable *transport_get_debug_info(zend_object *object, int *is_temp)
{
    TransportObject *intern = transport_from(object);
    HashTable *info = zend_new_array(8);
    *is_temp = 1;
    TransportState *state = intern->state;
    if (state == nullptr)
        return info;
    options::add_endpoint_debug_info(info, state->host, state->port, state->security, state->username,
                                     state->has_password, state->has_token);
    zval value;
    ZVAL_BOOL(&value, state->client && state->client->connected());
    zend_hash_str_update(info, "connected", sizeof("connected") - 1, &value);
    return info;
}

std::string default_client_name()
{
    char name[256] = "";
    if (gethostname(name, sizeof(name) - 1) == 0 && strchr(name, '.') != nullptr && !has_control_or_space(name))
        return name;
    return "localhost.localdomain";
}

// Option readers: each throws a TypeError or ValueError naming the option
// and returns false on failure.
bool read_string(zval *value, const char *name, std::string &out)
{
    return options::read_string("MailBridge\\SmtpTransport", value, name, out);
}

bool read_bool(zval *value, const char *name, bool &out)
{
    return options::read_bool("MailBridge\\SmtpTransport", value, name, out);
}

bool read_seconds(zval *value, const char *name, double &out, bool allow_zero)
{
    return options::read_seconds("MailBridge\\SmtpTransport", value, name, out, allow_zero);
}

bool read_tls_options(zval *value, tls::Options &tls)
{
    return options::read_tls("MailBridge\\SmtpTransport", value, tls);
}

bool read_mechanisms(zval *value, std::vector<std::string> &out)
{
    if (Z_TYPE_P(value) != IS_ARRAY) {
        zend_type_error("MailBridge\\SmtpTransport option \"auth_mechanisms\" must be of type array, %s given",
                        zend_zval_type_name(value));
        return false;
    }
    zval *entry;
    ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(value), entry) {
        ZVAL_DEREF(entry);
        std::string mechanism;
        if (!read_string(entry, "auth_mechanisms", mechanism))
            return false;
        for (char &c : mechanism)
            c = static_cast<char>(toupper(static_cast<unsigned char>(c)));
        if (mechanism != "PLAIN" && mechanism != "LOGIN" && mechanism != "CRAM-MD5" && mechanism != "XOAUTH2") {
            zend_value_error("MailBridge\\SmtpTransport option \"auth_mechanisms\" has an unsupported mechanism "
                             "\"%s\"; supported: PLAIN, LOGIN, CRAM-MD5, XOAUTH2", mechanism.c_str());
            return false;
        }
        out.push_back(mechanism);
    } ZEND_HASH_FOREACH_END();
    if (out.empty()) {
        zend_value_error("MailBridge\\SmtpTransport option \"auth_mechanisms\" must not be empty");
        return false;
    }
    return true;
}

struct HostEntry;
struct ParsedOptions;
bool read_hosts(zval *value, std::vector<HostEntry> &hosts);
bool read_dkim(zval *value, ParsedOptions &options);

struct HostEntry {
    std::string host;
    int port = 0;  // 0: the default port of the security mode
};

struct ParsedOptions {
    zval *dkim = nullptr;
    smtp::SessionConfig config;
    std::vector<HostEntry> hosts;
    bool round_robin = false;
    double host_retry_period = 60;
    double max_per_second = 0;
    bool persistent = true;
    bool port_set = false;
    double total_timeout = 0;
    bool connect_timeout_set = false;
    zval *logger = nullptr;
};

bool read_option(const std::string &name, zval *entry, ParsedOptions &options)
{
    smtp::SessionConfig &config = options.config;
    if (name == "host") {
        if (!read_hosts(entry, options.hosts))
            return false;
        config.host = options.hosts.front().host;
        return true;
    }
    if (name == "host_order") {
        std::string order;
        if (!read_string(entry, "host_order", order))
            return false;
        if (order != "failover" && order != "round_robin") {
            zend_value_error("MailBridge\\SmtpTransport option \"host_order\" must be \"failover\" or \"round_robin\"");
            return false;
        }
        options.round_robin = order == "round_robin";
        return true;
    }
    if (name == "host_retry_period")
        return read_seconds(entry, "host_retry_period", options.host_retry_period, true);
    if (name == "max_per_second") {
        if (!read_seconds(entry, "max_per_second", options.max_per_second, true))
            return false;
        return true;
    }
    if (name == "port") {
        if (Z_TYPE_P(entry) != IS_LONG) {
            zend_type_error("MailBridge\\SmtpTransport option \"port\" must be of type int, %s given",
                            zend_zval_type_name(entry));
            return false;
        }
        if (Z_LVAL_P(entry) < 1 || Z_LVAL_P(entry) > 65535) {
            zend_value_error("MailBridge\\SmtpTransport option \"port\" must be between 1 and 65535");
            return false;
        }
        config.port = static_cast<int>(Z_LVAL_P(entry));
        options.port_set = true;
        return true;
    }
    if (name == "security") {
        std::string security;
        if (!read_string(entry, "security", security))
            return false;
        if (security == "tls")
            config.security = smtp::Security::tls;
        else if (security == "starttls")
            config.security = smtp::Security::starttls;
        else if (security == "none")
            config.security = smtp::Security::none;
        else {
            zend_value_error("MailBridge\\SmtpTransport option \"security\" must be \"tls\", \"starttls\" or \"none\"");
            return false;
        }
        return true;
    }
    if (name == "username") {
        if (!read_string(entry, "username", config.username))
            return false;
        if (has_line_break_or_nul(config.username)) {
            zend_value_error("MailBridge\\SmtpTransport option \"username\" must not contain NUL or line breaks");
            return false;
        }
        return true;
    }
    if (name == "password" || name == "oauth_token") {
        if (Z_TYPE_P(entry) != IS_STRING) {
            zend_type_error("MailBridge\\SmtpTransport option \"%s\" must be of type string, %s given",
                            name.c_str(), zend_zval_type_name(entry));
            return false;
        }
        std::string_view secret(Z_STRVAL_P(entry), Z_STRLEN_P(entry));
        // NUL would end the SASL field and line breaks would end the command.
        if (secret.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos) {
            zend_value_error("MailBridge\\SmtpTransport option \"%s\" must not contain NUL or line breaks",
                             name.c_str());
            return false;
        }
        (name == "password" ? config.password : config.oauth_token) = Secret(secret);
        return true;
    }
    if (name == "auth_mechanisms")
        return read_mechanisms(entry, config.mechanisms);
    if (name == "persistent")
        return read_bool(entry, "persistent", options.persistent);
    if (name == "dkim")
        return read_dkim(entry, options);
    if (name == "allow_plaintext_auth")
        return read_bool(entry, "allow_plaintext_auth", config.allow_plaintext_auth);
    if (name == "client_name") {
        if (!read_string(entry, "client_name", config.client_name))
            return false;
        if (config.client_name.empty() || has_control_or_space(config.client_name)) {
            zend_value_error("MailBridge\\SmtpTransport option \"client_name\" must be a host name without spaces");
            return false;
        }
        return true;
    }
    if (name == "timeout")
        return read_seconds(entry, "timeout", config.timeout, false);
    if (name == "connect_timeout") {
        options.connect_timeout_set = true;
        return read_seconds(entry, "connect_timeout", config.connect_timeout, false);
    }
    if (name == "data_timeout")
        return read_seconds(entry, "data_timeout", config.data_timeout, false);
    if (name == "total_timeout")
        return read_seconds(entry, "total_timeout", options.total_timeout, true);
    if (name == "tls")
        return read_tls_options(entry, config.tls);
    if (name == "logger") {
        if (Z_TYPE_P(entry) != IS_NULL && !zend_is_callable(entry, 0, nullptr)) {
            zend_type_error("MailBridge\\SmtpTransport option \"logger\" must be a callable or null");
            return false;
        }
        options.logger = Z_TYPE_P(entry) == IS_NULL ? nullptr : entry;
        return true;
    }
    zend_value_error("MailBridge\\SmtpTransport has no option \"%s\"", name.c_str());
    return false;
}

// Parse "host", "host:port", "[v6]" or "[v6]:port".
bool parse_host_entry(std::string text, HostEntry &entry)
{
    if (text.find("://") != std::string::npos)
        return false;
    size_t start = text.find_first_not_of(" \t");
    size_t end = text.find_last_not_of(" \t");
    if (start == std::string::npos)
        return false;
    text = text.substr(start, end - start + 1);
    std::string port_text;
    if (text.front() == '[') {
        size_t close = text.find(']');
        if (close == std::string::npos)
            return false;
        entry.host = text.substr(0, close + 1);
        if (close + 1 < text.size()) {
            if (text[close + 1] != ':')
                return false;
            port_text = text.substr(close + 2);
        }
    } else if (std::count(text.begin(), text.end(), ':') == 1) {
        size_t colon = text.find(':');
        entry.host = text.substr(0, colon);
        port_text = text.substr(colon + 1);
    } else {
        entry.host = text;  // a name, an IPv4 address or a bare IPv6 address
    }
    if (entry.host.empty() || has_control_or_space(entry.host) || entry.host.find(';') != std::string::npos)
        return false;
    if (!port_text.empty()) {
        if (port_text.size() > 5 || port_text.find_first_not_of("0123456789") != std::string::npos)
            return false;
        entry.port = std::stoi(port_text);
        if (entry.port < 1 || entry.port > 65535)
            return false;
    }
    return true;
}

bool read_hosts(zval *value, std::vector<HostEntry> &hosts)
{
    std::vector<std::string> texts;
    if (Z_TYPE_P(value) == IS_STRING) {
        std::string all(Z_STRVAL_P(value), Z_STRLEN_P(value));
        size_t position = 0;
        while (true) {
            size_t semicolon = all.find(';', position);
            texts.push_back(all.substr(position, semicolon == std::string::npos ? std::string::npos : semicolon - position));
            if (semicolon == std::string::npos)
                break;
            position = semicolon + 1;
        }
    } else if (Z_TYPE_P(value) == IS_ARRAY) {
        zval *item;
        ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(value), item) {
            ZVAL_DEREF(item);
            if (Z_TYPE_P(item) != IS_STRING) {
                zend_type_error("MailBridge\\SmtpTransport option \"host\" must contain only strings, %s given",
                                zend_zval_type_name(item));
                return false;
            }
            texts.emplace_back(Z_STRVAL_P(item), Z_STRLEN_P(item));
        } ZEND_HASH_FOREACH_END();
    } else {
        zend_type_error("MailBridge\\SmtpTransport option \"host\" must be of type string or array, %s given",
                        zend_zval_type_name(value));
        return false;
    }
    hosts.clear();
    for (const std::string &text : texts) {
        HostEntry entry;
        if (text.find("://") != std::string::npos && text.find_first_of(std::string("\r\n\0", 3)) == std::string::npos) {
            zend_value_error("MailBridge\\SmtpTransport option \"host\" has \"%s\": give the host name alone and "
                             "choose TLS with \"security\" (PHPMailer's ssl:// is \"tls\", tls:// is \"starttls\")",
                             text.c_str());
            return false;
        }
        if (!parse_host_entry(text, entry)) {
            std::string shown = text.find_first_of(std::string("\r\n\0", 3)) == std::string::npos ? text : "(with control characters)";
            zend_value_error("MailBridge\\SmtpTransport option \"host\" has an invalid entry \"%s\": expected a host "
                             "name or address with an optional :port", shown.c_str());
            return false;
        }
        hosts.push_back(entry);
    }
    if (hosts.empty()) {
        zend_value_error("MailBridge\\SmtpTransport option \"host\" must name at least one host");
        return false;
    }
    return true;
}

// "dkim": a DkimSigner or a list of them (one per algorithm, say).
bool read_dkim(zval *value, ParsedOptions &options)
{
    auto is_signer = [](zval *item) { return Z_TYPE_P(item) == IS_OBJECT && dkim_signer_from(Z_OBJ_P(item)) != nullptr; };
    if (Z_TYPE_P(value) == IS_NULL) {
        options.dkim = nullptr;
        return true;
    }
    if (is_signer(value)) {
        options.dkim = value;
        return true;
    }
    if (Z_TYPE_P(value) == IS_ARRAY) {
        zval *item;
        ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(value), item) {
            ZVAL_DEREF(item);
            if (!is_signer(item)) {
                zend_type_error("MailBridge\\SmtpTransport option \"dkim\" must contain only MailBridge\\DkimSigner "
                                "objects, %s given", zend_zval_type_name(item));
                return false;
            }
        } ZEND_HASH_FOREACH_END();
        options.dkim = value;
        return true;
    }
    zend_type_error("MailBridge\\SmtpTransport option \"dkim\" must be a MailBridge\\DkimSigner or a list of them, %s "
                    "given", zend_zval_type_name(value));
    return false;
}

bool check_options(ParsedOptions &options)
{
    smtp::SessionConfig &config = options.config;
    if (options.hosts.empty()) {
        zend_value_error("MailBridge\\SmtpTransport option \"host\" is required");
        return false;
    }
    if (!options.port_set) {
        switch (config.security) {
        case smtp::Security::tls: config.port = 465; break;
        case smtp::Security::starttls: config.port = 587; break;
        case smtp::Security::none: config.port = 25; break;
        }
    }
    for (HostEntry &entry : options.hosts) {
        if (entry.port == 0)
            entry.port = config.port;
    }
    config.host = options.hosts.front().host;
    config.port = options.hosts.front().port;
    if (!options.connect_timeout_set)
        config.connect_timeout = config.timeout;
    bool has_secret = !config.password.empty() || !config.oauth_token.empty();
    if (has_secret && config.username.empty()) {
        zend_value_error("MailBridge\\SmtpTransport option \"username\" is required with \"password\" or \"oauth_token\"");
        return false;
    }
    if (!config.username.empty() && !has_secret) {
        zend_value_error("MailBridge\\SmtpTransport option \"username\" needs \"password\" or \"oauth_token\"");
        return false;
    }
    if (!config.username.empty() && config.security == smtp::Security::none && !config.allow_plaintext_auth) {
        zend_value_error("MailBridge\\SmtpTransport refuses to send credentials without TLS: use \"security\" => "
                         "\"starttls\" or \"tls\", or set \"allow_plaintext_auth\" => true for a trusted local relay");
        return false;
    }
    for (const std::string &mechanism : config.mechanisms) {
        if (mechanism == "XOAUTH2" && config.oauth_token.empty()) {
            zend_value_error("MailBridge\\SmtpTransport mechanism XOAUTH2 needs the \"oauth_token\" option");
            return false;
        }
        if (mechanism != "XOAUTH2" && config.password.empty()) {
            zend_value_error("MailBridge\\SmtpTransport mechanism %s needs the \"password\" option", mechanism.c_str());
            return false;
        }
    }
    return true;
}

const char *security_name(smtp::Security security)
{
    switch (security) {
    case smtp::Security::tls: return "tls";
    case smtp::Security::starttls: return "starttls";
    case smtp::Security::none: return "none";
    }
    return "none";
}

// Pass queued transcript lines to the PHP logger. Logging must never
// change what happens to a message, so an exception from the logger is
// turned into a warning and the logger is not called again until the
// current method returns. Always returns true.
bool flush_log(TransportObject *intern)
{
    TransportState *state = intern->state;
    if (Z_TYPE(intern->logger) == IS_UNDEF || state->logger_failed) {
        state->log_lines.clear();
        return true;
    }
    std::vector<std::string> lines;
    lines.swap(state->log_lines);
    for (const std::string &line : lines) {
        zval argument, result;
        ZVAL_STRINGL(&argument, line.data(), line.size());
        ZVAL_UNDEF(&result);
        call_user_function(nullptr, nullptr, &intern->logger, &result, 1, &argument);
        zval_ptr_dtor(&argument);
        zval_ptr_dtor(&result);
        if (EG(exception)) {
            zend_object *thrown = EG(exception);
            zend_string *text = zval_try_get_string(zend_read_property(
                thrown->ce, thrown, "message", sizeof("message") - 1, 1, &result));
            std::string class_name(ZSTR_VAL(thrown->ce->name), ZSTR_LEN(thrown->ce->name));
            std::string message = text ? std::string(ZSTR_VAL(text), ZSTR_LEN(text)) : std::string();
            if (text)
                zend_string_release(text);
            zend_clear_exception();
            state->logger_failed = true;
            php_error_docref(nullptr, E_WARNING, "The logger threw %s: %s; it is not called again during this call",
                             class_name.c_str(), message.c_str());
            state->log_lines.clear();
            return true;
        }
    }
    return true;
}

// Marks the transport busy for one method call: the logger or an
// on_result callback calling back into the same transport would corrupt
// the session that is in the middle of an operation.
class BusyGuard {
public:
    explicit BusyGuard(TransportState *state) : state_(state)
    {
        if (state_->busy) {
            zend_throw_error(nullptr, "MailBridge\\SmtpTransport cannot be used from its own logger or on_result "
                                      "callback while it is sending");
            state_ = nullptr;
            return;
        }
        state_->busy = true;
        state_->logger_failed = false;
    }
    ~BusyGuard()
    {
        if (state_ != nullptr)
            state_->busy = false;
    }
    bool acquired() const { return state_ != nullptr; }

private:
    TransportState *state_;
};

std::string header_message_id(const std::string &raw)
{
    size_t end_of_headers = raw.find("\r\n\r\n");
    if (end_of_headers == std::string::npos)
        end_of_headers = raw.find("\n\n");
    std::string headers = raw.substr(0, end_of_headers);
    size_t position = 0;
    while (position < headers.size()) {
        size_t line_end = headers.find('\n', position);
        std::string line = headers.substr(position, line_end == std::string::npos ? std::string::npos : line_end - position);
        if (line.size() > 11 && strncasecmp(line.c_str(), "Message-ID:", 11) == 0) {
            size_t open = line.find('<');
            size_t close = line.find('>', open);
            if (open != std::string::npos && close != std::string::npos)
                return line.substr(open + 1, close - open - 1);
        }
        if (line_end == std::string::npos)
            break;
        position = line_end + 1;
    }
    return {};
}

void set_readonly(zend_class_entry *ce, zend_object *object, const char *name, zval *value)
{
    zend_update_property(ce, object, name, strlen(name), value);
}

void build_result(zval *return_value, const smtp::TransactionResult &result, const std::string &message_id,
                  const char *status = "sent", const Error *error = nullptr, unsigned attempts = 1)
{
    object_init_ex(return_value, send_result_ce);
    zend_object *object = Z_OBJ_P(return_value);
    zval value;

    ZVAL_STRING(&value, status);
    set_readonly(send_result_ce, object, "status", &value);
    zval_ptr_dtor(&value);
    if (error != nullptr)
        make_exception(&value, *error);
    else
        ZVAL_NULL(&value);
    set_readonly(send_result_ce, object, "error", &value);
    zval_ptr_dtor(&value);
    ZVAL_LONG(&value, attempts);
    set_readonly(send_result_ce, object, "attempts", &value);

    ZVAL_STRINGL(&value, message_id.data(), message_id.size());
    set_readonly(send_result_ce, object, "messageId", &value);
    zval_ptr_dtor(&value);

    zval accepted, rejected;
    array_init(&accepted);
    array_init(&rejected);
    for (const smtp::RecipientResult &recipient : result.recipients) {
        if (recipient.accepted) {
            add_next_index_stringl(&accepted, recipient.address.data(), recipient.address.size());
            continue;
        }
        zval status;
        object_init_ex(&status, recipient_status_ce);
        zval field;
        ZVAL_STRINGL(&field, recipient.address.data(), recipient.address.size());
        set_readonly(recipient_status_ce, Z_OBJ(status), "address", &field);
        zval_ptr_dtor(&field);
        ZVAL_LONG(&field, recipient.code);
        set_readonly(recipient_status_ce, Z_OBJ(status), "code", &field);
        if (recipient.enhanced_status.empty())
            ZVAL_NULL(&field);
        else
            ZVAL_STRINGL(&field, recipient.enhanced_status.data(), recipient.enhanced_status.size());
        set_readonly(recipient_status_ce, Z_OBJ(status), "enhancedStatus", &field);
        zval_ptr_dtor(&field);
        ZVAL_STRINGL(&field, recipient.text.data(), recipient.text.size());
        set_readonly(recipient_status_ce, Z_OBJ(status), "text", &field);
        zval_ptr_dtor(&field);
        add_assoc_zval_ex(&rejected, recipient.address.data(), recipient.address.size(), &status);
    }
    set_readonly(send_result_ce, object, "accepted", &accepted);
    set_readonly(send_result_ce, object, "rejected", &rejected);
    zval_ptr_dtor(&accepted);
    zval_ptr_dtor(&rejected);

    ZVAL_LONG(&value, result.final_reply.code);
    set_readonly(send_result_ce, object, "replyCode", &value);
    std::string reply = result.final_reply.text();
    ZVAL_STRINGL(&value, reply.data(), reply.size());
    set_readonly(send_result_ce, object, "reply", &value);
    zval_ptr_dtor(&value);
    if (result.queue_id.empty())
        ZVAL_NULL(&value);
    else
        ZVAL_STRINGL(&value, result.queue_id.data(), result.queue_id.size());
    set_readonly(send_result_ce, object, "queueId", &value);
    zval_ptr_dtor(&value);
}

// Let the transaction read bytes already in memory; a retry reads them again.
void set_data(smtp::Transaction &transaction, std::string bytes)
{
    transaction.size_estimate = bytes.size();
    transaction.eight_bit = std::any_of(bytes.begin(), bytes.end(),
                                        [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    auto shared = std::make_shared<const std::string>(std::move(bytes));
    transaction.open_data = [shared]() { return std::make_unique<StringSource>(shared); };
}

// Prefix the message with one DKIM-Signature field per signer. Each signer
// reads the message once, in chunks, so file attachments are hashed while
// streaming and sent afterwards from a second read.
bool sign_transaction(smtp::Transaction &transaction, const std::vector<const dkim::Signer *> &signers)
{
    auto headers = std::make_shared<std::string>();
    try {
        for (const dkim::Signer *signer : signers) {
            std::unique_ptr<ByteSource> source = transaction.open_data();
            *headers += signer->sign(*source);
        }
    } catch (const mime::InvalidInput &error) {
        php::throw_value_error(std::string("cannot DKIM-sign the message: ") + error.what());
        return false;
    } catch (const std::exception &error) {
        zend_throw_exception_ex(transport_exception_ce, 0, "cannot DKIM-sign the message: %s", error.what());
        return false;
    }
    auto unsigned_data = transaction.open_data;
    std::shared_ptr<const std::string> prefix = headers;
    transaction.open_data = [prefix, unsigned_data]() {
        return std::make_unique<PrefixedSource>(prefix, unsigned_data());
    };
    transaction.size_estimate += prefix->size();
    return true;
}

// Build the transaction for a Message (its own envelope unless one is
// given) or for raw bytes with an Envelope, signed by the transport's DKIM
// signers. Returns false with a PHP
// exception thrown on invalid input.
bool prepare_transaction(zend_object *message_object, zend_string *raw, zend_object *envelope_object,
                         smtp::Transaction &transaction, std::string &message_id,
                         const std::vector<const dkim::Signer *> &signers)
{
    if (message_object != nullptr) {
        mime::Message &message = *php::message_from(message_object)->message;
        try {
            // freeze() fixes Message-ID, Date and boundaries, so toString()
            // returns the bytes sent. The opener reads the frozen snapshot,
            // so later changes to the PHP object (while sendMany() has the
            // message queued) do not change what is sent.
            message.freeze();
            transaction.size_estimate = message.size();
            transaction.open_data = message.opener();
        } catch (const mime::InvalidInput &error) {
            php::throw_value_error(error.what());
            return false;
        } catch (const std::exception &error) {
            // Only a failure of OpenSSL's random generator gets here.
            zend_throw_error(nullptr, "cannot serialize the message: %s", error.what());
            return false;
        }
        message_id = message.message_id();
        transaction.sender = message.envelope_sender();
        transaction.recipients = message.envelope_recipients();
        transaction.smtputf8 = message.needs_smtputf8();
    } else {
        if (envelope_object == nullptr) {
            zend_argument_value_error(2, "must be a MailBridge\\Envelope when the message is a string");
            return false;
        }
        std::string bytes(ZSTR_VAL(raw), ZSTR_LEN(raw));
        message_id = php::header_message_id(bytes);
        php::set_data(transaction, std::move(bytes));
    }
    if (envelope_object != nullptr) {
        php::EnvelopeData envelope;
        if (!php::envelope_data(envelope_object, envelope))
            return false;
        transaction.sender = envelope.sender;
        transaction.recipients = envelope.recipients;
        transaction.smtputf8 = transaction.smtputf8 || envelope.smtputf8;
    }
    if (transaction.recipients.empty()) {
        php::throw_value_error("the message has no recipients");
        return false;
    }
    if (!signers.empty() && !sign_transaction(transaction, signers))
        return false;
    return true;
}

TransportObject *this_transport(zval *this_zval)
{
    TransportObject *intern = transport_from(Z_OBJ_P(this_zval));
    if (intern->state == nullptr) {
        zend_throw_error(nullptr, "MailBridge\\SmtpTransport object is not initialized");
        return nullptr;
    }
    return intern;
}

}  // namespace

void register_transport_classes()
{
    transport_ce = register_class_MailBridge_SmtpTransport();
    transport_ce->create_object = transport_create;
    memcpy(&transport_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
    transport_handlers.offset = XtOffsetOf(TransportObject, std);
    transport_handlers.free_obj = transport_free;
    transport_handlers.get_gc = transport_get_gc;
    transport_handlers.get_debug_info = transport_get_debug_info;
    transport_handlers.clone_obj = nullptr;

    send_result_ce = register_class_MailBridge_SendResult();
    recipient_status_ce = register_class_MailBridge_RecipientStatus();
}

}  // namespace mailbridge::php

using namespace mailbridge;
using mailbridge::php::TransportObject;

ZEND_METHOD(MailBridge_SmtpTransport, __construct)
{
    HashTable *options_table;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_ARRAY_HT(options_table)
    ZEND_PARSE_PARAMETERS_END();

    TransportObject *intern = php::transport_from(Z_OBJ_P(ZEND_THIS));
    if (intern->state != nullptr) {
        zend_throw_error(nullptr, "MailBridge\\SmtpTransport is already constructed");
        RETURN_THROWS();
    }

    php::ParsedOptions options;
    options.config.client_name = php::default_client_name();
    zend_string *key;
    zval *entry;
    ZEND_HASH_FOREACH_STR_KEY_VAL(options_table, key, entry) {
        ZVAL_DEREF(entry);
        if (key == nullptr) {
            zend_argument_value_error(1, "must have string keys");
            RETURN_THROWS();
        }
        if (!php::read_option(std::string(ZSTR_VAL(key), ZSTR_LEN(key)), entry, options))
            RETURN_THROWS();
    } ZEND_HASH_FOREACH_END();
    if (!php::check_options(options))
        RETURN_THROWS();

    auto *state = new php::TransportState();
    state->host = options.config.host;
    state->port = options.config.port;
    state->security = php::security_name(options.config.security);
    state->username = options.config.username;
    state->has_password = !options.config.password.empty();
    state->has_token = !options.config.oauth_token.empty();
    std::vector<std::string> *lines = &state->log_lines;
    bool logging = options.logger != nullptr;
    state->persistent = options.persistent;
    for (const php::HostEntry &entry : options.hosts)
        state->hosts.push_back(smtp::Endpoint{entry.host, entry.port});
    state->bulk.round_robin = options.round_robin;
    state->bulk.host_retry_period = options.host_retry_period;
    state->bulk.max_per_second = options.max_per_second;
    state->config = options.config;
    state->client = std::make_unique<smtp::Client>(
        std::move(options.config), logging ? smtp::LogSink([lines](const std::string &line) { lines->push_back(line); })
                                           : smtp::LogSink(),
        options.persistent ? &php::current_pool() : nullptr, state->hosts);
    state->client->set_max_per_second(options.max_per_second);
    state->client->set_host_retry_period(options.host_retry_period);
    state->client->set_total_timeout(options.total_timeout);
    intern->state = state;
    if (logging)
        ZVAL_COPY(&intern->logger, options.logger);
    if (options.dkim != nullptr) {
        ZVAL_COPY(&intern->dkim, options.dkim);
        if (Z_TYPE_P(options.dkim) == IS_OBJECT) {
            state->dkim_signers.push_back(php::dkim_signer_from(Z_OBJ_P(options.dkim)));
        } else {
            zval *item;
            ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(options.dkim), item) {
                ZVAL_DEREF(item);
                state->dkim_signers.push_back(php::dkim_signer_from(Z_OBJ_P(item)));
            } ZEND_HASH_FOREACH_END();
        }
    }
}

ZEND_METHOD(MailBridge_SmtpTransport, send)
{
    zend_object *message_object = nullptr;
    zend_string *raw = nullptr;
    zend_object *envelope_object = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_OBJ_OF_CLASS_OR_STR(message_object, php::message_ce, raw)
        Z_PARAM_OPTIONAL
        Z_PARAM_OBJ_OF_CLASS_OR_NULL(envelope_object, php::envelope_ce)
    ZEND_PARSE_PARAMETERS_END();

    TransportObject *intern = php::this_transport(ZEND_THIS);
    if (intern == nullptr)
        RETURN_THROWS();

    smtp::Transaction transaction;
    std::string message_id;
    if (!php::prepare_transaction(message_object, raw, envelope_object, transaction, message_id,
                                  intern->state->dkim_signers))
        RETURN_THROWS();

    php::TransportState *state = intern->state;
    php::BusyGuard guard(state);
    if (!guard.acquired())
        RETURN_THROWS();
    state->client->set_step_hook([intern]() { return php::flush_log(intern); });
    smtp::TransactionResult result;
    bool sent = false;
    try {
        result = state->client->send(transaction);
        sent = true;
    } catch (const Error &error) {
        state->client->set_step_hook(nullptr);
        if (php::flush_log(intern))
            php::throw_error(error);
        RETURN_THROWS();
    } catch (const smtp::Aborted &) {
        state->client->set_step_hook(nullptr);
        RETURN_THROWS();
    } catch (const std::exception &error) {
        // A C++ exception must not cross into the Zend engine; the session
        // is in an unknown state, so it is dropped.
        state->client->set_step_hook(nullptr);
        state->client->abandon();
        zend_throw_exception(php::transport_exception_ce, error.what(), 0);
        RETURN_THROWS();
    }
    state->client->set_step_hook(nullptr);
    if (!php::flush_log(intern) || !sent)
        RETURN_THROWS();
    php::build_result(return_value, result, message_id, "sent", nullptr, state->client->last_attempts());
}

ZEND_METHOD(MailBridge_SmtpTransport, close)
{
    ZEND_PARSE_PARAMETERS_NONE();
    TransportObject *intern = php::this_transport(ZEND_THIS);
    if (intern == nullptr)
        RETURN_THROWS();
    php::BusyGuard guard(intern->state);
    if (!guard.acquired())
        RETURN_THROWS();
    intern->state->client->set_step_hook([intern]() { return php::flush_log(intern); });
    try {
        intern->state->client->close();
    } catch (const Error &) {
        // QUIT failures are not worth an exception: the connection is gone either way.
    } catch (const smtp::Aborted &) {
        intern->state->client->set_step_hook(nullptr);
        RETURN_THROWS();
    }
    intern->state->client->set_step_hook(nullptr);
    php::flush_log(intern);
}

ZEND_METHOD(MailBridge_SmtpTransport, isConnected)
{
    ZEND_PARSE_PARAMETERS_NONE();
    TransportObject *intern = php::this_transport(ZEND_THIS);
    if (intern == nullptr)
        RETURN_THROWS();
    RETURN_BOOL(intern->state->client->connected());
}

ZEND_METHOD(MailBridge_SendResult, __construct)
{
    (void)return_value;
    ZEND_PARSE_PARAMETERS_NONE();
}

ZEND_METHOD(MailBridge_RecipientStatus, __construct)
{
    (void)return_value;
    ZEND_PARSE_PARAMETERS_NONE();
}

namespace mailbridge::php {
namespace {

struct BulkRunOptions {
    smtp::BulkOptions bulk;
    zval *on_result = nullptr;
    bool keep_results = true;  // false: return counts by status, so memory stays flat
};

bool read_bulk_options(HashTable *table, BulkRunOptions &options)
{
    zend_string *key;
    zval *entry;
    ZEND_HASH_FOREACH_STR_KEY_VAL(table, key, entry) {
        ZVAL_DEREF(entry);
        if (key == nullptr) {
            zend_argument_value_error(2, "must have string keys");
            return false;
        }
        std::string name(ZSTR_VAL(key), ZSTR_LEN(key));
        auto read_count = [&](const char *option, zend_long min, zend_long max, unsigned &out) {
            if (Z_TYPE_P(entry) != IS_LONG) {
                zend_argument_type_error(2, "option \"%s\" must be of type int, %s given", option, zend_zval_type_name(entry));
                return false;
            }
            if (Z_LVAL_P(entry) < min || Z_LVAL_P(entry) > max) {
                zend_argument_value_error(2, "option \"%s\" must be between " ZEND_LONG_FMT " and " ZEND_LONG_FMT, option,
                                          min, max);
                return false;
            }
            out = static_cast<unsigned>(Z_LVAL_P(entry));
            return true;
        };
        bool ok;
        if (name == "concurrency") {
            ok = read_count("concurrency", 1, 100, options.bulk.concurrency);
        } else if (name == "max_messages_per_connection") {
            ok = read_count("max_messages_per_connection", 0, 1000000, options.bulk.max_messages_per_connection);
        } else if (name == "max_attempts") {
            ok = read_count("max_attempts", 1, 10, options.bulk.max_attempts);
        } else if (name == "max_per_second") {
            ok = read_seconds(entry, "max_per_second", options.bulk.max_per_second, true);
        } else if (name == "keep_results") {
            ok = read_bool(entry, "keep_results", options.keep_results);
        } else if (name == "on_result") {
            ok = Z_TYPE_P(entry) == IS_NULL || zend_is_callable(entry, 0, nullptr);
            if (!ok)
                zend_argument_type_error(2, "option \"on_result\" must be a callable or null");
            options.on_result = Z_TYPE_P(entry) == IS_NULL ? nullptr : entry;
        } else {
            zend_argument_value_error(2, "has no option \"%s\"", name.c_str());
            ok = false;
        }
        if (!ok)
            return false;
    } ZEND_HASH_FOREACH_END();
    return true;
}

// Turn one element of the input into a transaction: a Message, or a
// [string $raw, Envelope $envelope] pair. Throws ValueError otherwise.
bool element_transaction(zval *element, size_t index, smtp::Transaction &transaction, std::string &message_id,
                         const std::vector<const dkim::Signer *> &signers)
{
    ZVAL_DEREF(element);
    if (Z_TYPE_P(element) == IS_OBJECT && instanceof_function(Z_OBJCE_P(element), message_ce))
        return prepare_transaction(Z_OBJ_P(element), nullptr, nullptr, transaction, message_id, signers);
    if (Z_TYPE_P(element) == IS_ARRAY && zend_hash_num_elements(Z_ARRVAL_P(element)) == 2) {
        zval *raw = zend_hash_index_find(Z_ARRVAL_P(element), 0);
        zval *envelope = zend_hash_index_find(Z_ARRVAL_P(element), 1);
        if (raw && envelope) {
            ZVAL_DEREF(raw);
            ZVAL_DEREF(envelope);
            if (Z_TYPE_P(raw) == IS_STRING && Z_TYPE_P(envelope) == IS_OBJECT &&
                instanceof_function(Z_OBJCE_P(envelope), envelope_ce))
                return prepare_transaction(nullptr, Z_STR_P(raw), Z_OBJ_P(envelope), transaction, message_id, signers);
        }
    }
    zend_value_error("MailBridge\\SmtpTransport::sendMany(): element %zu must be a MailBridge\\Message or a "
                     "[string, MailBridge\\Envelope] pair, %s given", index, zend_zval_type_name(element));
    return false;
}

// Reads the input iterable one element at a time.
class InputCursor {
public:
    explicit InputCursor(zval *iterable) : iterable_(iterable)
    {
        if (Z_TYPE_P(iterable) == IS_ARRAY) {
            zend_hash_internal_pointer_reset_ex(Z_ARRVAL_P(iterable), &position_);
        } else {
            iterator_ = Z_OBJCE_P(iterable)->get_iterator(Z_OBJCE_P(iterable), iterable, 0);
            if (iterator_ != nullptr && !EG(exception) && iterator_->funcs->rewind)
                iterator_->funcs->rewind(iterator_);
        }
    }
    ~InputCursor()
    {
        if (iterator_ != nullptr)
            zend_iterator_dtor(iterator_);
    }

    // Returns the next element, or nullptr at the end or when the iterator threw.
    zval *next()
    {
        if (Z_TYPE_P(iterable_) == IS_ARRAY) {
            zval *element = zend_hash_get_current_data_ex(Z_ARRVAL_P(iterable_), &position_);
            if (element != nullptr)
                zend_hash_move_forward_ex(Z_ARRVAL_P(iterable_), &position_);
            return element;
        }
        if (iterator_ == nullptr || EG(exception))
            return nullptr;
        if (started_) {
            iterator_->funcs->move_forward(iterator_);
            if (EG(exception))
                return nullptr;
        }
        started_ = true;
        if (iterator_->funcs->valid(iterator_) != SUCCESS || EG(exception))
            return nullptr;
        return iterator_->funcs->get_current_data(iterator_);
    }

private:
    zval *iterable_;
    HashPosition position_ = 0;
    zend_object_iterator *iterator_ = nullptr;
    bool started_ = false;
};

}  // namespace
}  // namespace mailbridge::php

ZEND_METHOD(MailBridge_SmtpTransport, sendMany)
{
    zval *messages;
    HashTable *options_table = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_ITERABLE(messages)
        Z_PARAM_OPTIONAL
        Z_PARAM_ARRAY_HT(options_table)
    ZEND_PARSE_PARAMETERS_END();

    TransportObject *intern = php::this_transport(ZEND_THIS);
    if (intern == nullptr)
        RETURN_THROWS();
    php::TransportState *state = intern->state;
    php::BusyGuard guard(state);
    if (!guard.acquired())
        RETURN_THROWS();

    php::BulkRunOptions options;
    options.bulk = state->bulk;
    if (options_table != nullptr && !php::read_bulk_options(options_table, options))
        RETURN_THROWS();

    std::vector<std::string> *lines = &state->log_lines;
    smtp::LogSink log;
    if (Z_TYPE(intern->logger) != IS_UNDEF)
        log = [lines](const std::string &line) { lines->push_back(line); };
    smtp::BulkSender sender(state->config, state->hosts, options.bulk, log);

    // Results by input position; message ids are kept until each outcome arrives.
    zval results;
    array_init(&results);
    std::unordered_map<size_t, std::string> message_ids;
    std::map<std::string, zend_long> counts = {{"sent", 0}, {"rejected", 0}, {"deferred", 0}, {"unknown", 0}};
    size_t count = 0;
    size_t reported = 0;
    php::InputCursor cursor(messages);
    bool input_done = false;
    bool failed = false;

    while (!failed) {
        while (!input_done && sender.wants_input()) {
            zval *element = cursor.next();
            if (EG(exception)) {
                failed = true;
                break;
            }
            if (element == nullptr) {
                input_done = true;
                sender.end_input();
                break;
            }
            smtp::Transaction transaction;
            std::string message_id;
            if (!php::element_transaction(element, count, transaction, message_id, state->dkim_signers)) {
                failed = true;
                break;
            }
            message_ids.emplace(count, std::move(message_id));
            sender.add(count, std::move(transaction));
            ++count;
        }
        if (failed || (input_done && sender.done()))
            break;

        sender.step();

        for (auto &[index, outcome] : sender.take_finished()) {
            zval result;
            const Error *error = outcome.error ? &*outcome.error : nullptr;
            const char *status = smtp::bulk_status_name(outcome.status);
            php::build_result(&result, outcome.result, message_ids[index], status, error, outcome.attempts);
            message_ids.erase(index);
            ++counts[status];
            ++reported;
            if (options.on_result != nullptr) {
                zval arguments[2], ignored;
                ZVAL_COPY_VALUE(&arguments[0], &result);
                ZVAL_LONG(&arguments[1], static_cast<zend_long>(index));
                ZVAL_UNDEF(&ignored);
                call_user_function(nullptr, nullptr, options.on_result, &ignored, 2, arguments);
                zval_ptr_dtor(&ignored);
                if (EG(exception))
                    failed = true;
            }
            if (options.keep_results)
                add_index_zval(&results, static_cast<zend_ulong>(index), &result);
            else
                zval_ptr_dtor(&result);
        }
        php::flush_log(intern);
    }

    if (failed) {
        sender.abandon_all();
        zval_ptr_dtor(&results);
        RETURN_THROWS();
    }
    php::flush_log(intern);

    if (!options.keep_results) {
        zval_ptr_dtor(&results);
        array_init(return_value);
        for (const auto &[status, number] : counts)
            add_assoc_long_ex(return_value, status.data(), status.size(), number);
        return;
    }

    // Outcomes arrive in completion order; return them in input order.
    zval ordered;
    array_init_size(&ordered, static_cast<uint32_t>(count));
    for (size_t i = 0; i < count; ++i) {
        zval *result = zend_hash_index_find(Z_ARRVAL(results), i);
        if (result != nullptr) {
            Z_TRY_ADDREF_P(result);
            add_next_index_zval(&ordered, result);
        }
    }
    zval_ptr_dtor(&results);
    (void)reported;
    RETURN_COPY_VALUE(&ordered);
}

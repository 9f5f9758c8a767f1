// The constructor options of MailBridge\ImapClient.
#include "php/imap.h"

#include "php/options.h"

namespace mailbridge::php {

namespace {

constexpr const char *class_name = "MailBridge\\ImapClient";

bool read_secret(const std::string &name, zval *entry, Secret &out)
{
    if (Z_TYPE_P(entry) != IS_STRING) {
        zend_type_error("%s option \"%s\" must be of type string, %s given", class_name, name.c_str(),
                        zend_zval_type_name(entry));
        return false;
    }
    std::string_view secret(Z_STRVAL_P(entry), Z_STRLEN_P(entry));
    // NUL would end the SASL field and line breaks would end the command.
    if (secret.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos) {
        zend_value_error("%s option \"%s\" must not contain NUL or line breaks", class_name, name.c_str());
        return false;
    }
    out = Secret(secret);
    return true;
}

bool read_security(zval *entry, imap::Security &security)
{
    std::string text;
    if (!options::read_string(class_name, entry, "security", text))
        return false;
    if (text == "tls")
        security = imap::Security::tls;
    else if (text == "starttls")
        security = imap::Security::starttls;
    else if (text == "none")
        security = imap::Security::none;
    else {
        zend_value_error("%s option \"security\" must be \"tls\", \"starttls\" or \"none\"", class_name);
        return false;
    }
    return true;
}

}  // namespace

bool read_option(const std::string &name, zval *entry, ImapOptions &options)
{
    imap::SessionConfig &config = options.config;
    if (name == "host") {
        if (!options::read_string(class_name, entry, "host", config.host))
            return false;
        if (config.host.empty() || options::has_control_or_space(config.host)) {
            zend_value_error("%s option \"host\" must be a host name or IP address without spaces", class_name);
            return false;
        }
        return true;
    }
    if (name == "port") {
        if (Z_TYPE_P(entry) != IS_LONG) {
            zend_type_error("%s option \"port\" must be of type int, %s given", class_name, zend_zval_type_name(entry));
            return false;
        }
        if (Z_LVAL_P(entry) < 1 || Z_LVAL_P(entry) > 65535) {
            zend_value_error("%s option \"port\" must be between 1 and 65535", class_name);
            return false;
        }
        config.port = static_cast<int>(Z_LVAL_P(entry));
        options.port_set = true;
        return true;
    }
    if (name == "security")
        return read_security(entry, config.security);
    if (name == "username") {
        if (!options::read_string(class_name, entry, "username", config.username))
            return false;
        if (options::has_line_break_or_nul(config.username)) {
            zend_value_error("%s option \"username\" must not contain NUL or line breaks", class_name);
            return false;
        }
        return true;
    }
    if (name == "password")
        return read_secret(name, entry, config.password);
    if (name == "oauth_token")
        return read_secret(name, entry, config.oauth_token);
    if (name == "auth_mechanism") {
        if (!options::read_string(class_name, entry, "auth_mechanism", config.mechanism))
            return false;
        for (char &c : config.mechanism)
            c = static_cast<char>(toupper(static_cast<unsigned char>(c)));
        if (config.mechanism != "PLAIN" && config.mechanism != "LOGIN" && config.mechanism != "XOAUTH2") {
            zend_value_error("%s option \"auth_mechanism\" must be \"PLAIN\", \"LOGIN\" or \"XOAUTH2\"", class_name);
            return false;
        }
        return true;
    }
    if (name == "allow_plaintext_auth")
        return options::read_bool(class_name, entry, "allow_plaintext_auth", config.allow_plaintext_auth);
    if (name == "persistent")
        return options::read_bool(class_name, entry, "persistent", options.persistent);
    if (name == "timeout")
        return options::read_seconds(class_name, entry, "timeout", config.timeout, false);
    if (name == "connect_timeout") {
        options.connect_timeout_set = true;
        return options::read_seconds(class_name, entry, "connect_timeout", config.connect_timeout, false);
    }
    if (name == "total_timeout")
        return options::read_seconds(class_name, entry, "total_timeout", options.total_timeout, true);
    if (name == "tls")
        return options::read_tls(class_name, entry, config.tls);
    if (name == "logger") {
        if (Z_TYPE_P(entry) != IS_NULL && !zend_is_callable(entry, 0, nullptr)) {
            zend_type_error("%s option \"logger\" must be a callable or null", class_name);
            return false;
        }
        options.logger = Z_TYPE_P(entry) == IS_NULL ? nullptr : entry;
        return true;
    }
    zend_value_error("%s has no option \"%s\"", class_name, name.c_str());
    return false;
}

bool check_options(ImapOptions &options)
{
    imap::SessionConfig &config = options.config;
    if (config.host.empty()) {
        zend_value_error("%s option \"host\" is required", class_name);
        return false;
    }
    if (!options.port_set)
        config.port = config.security == imap::Security::tls ? 993 : 143;
    if (!options.connect_timeout_set)
        config.connect_timeout = config.timeout;
    if (config.username.empty()) {
        zend_value_error("%s option \"username\" is required", class_name);
        return false;
    }
    if (config.password.empty() && config.oauth_token.empty()) {
        zend_value_error("%s option \"username\" needs \"password\" or \"oauth_token\"", class_name);
        return false;
    }
    if (config.mechanism == "XOAUTH2" && config.oauth_token.empty()) {
        zend_value_error("%s mechanism XOAUTH2 needs the \"oauth_token\" option", class_name);
        return false;
    }
    if ((config.mechanism == "PLAIN" || config.mechanism == "LOGIN") && config.password.empty()) {
        zend_value_error("%s mechanism %s needs the \"password\" option", class_name, config.mechanism.c_str());
        return false;
    }
    if (config.security == imap::Security::none && !config.allow_plaintext_auth) {
        zend_value_error("%s refuses to send credentials without TLS: use \"security\" => \"starttls\" or \"tls\", "
                         "or set \"allow_plaintext_auth\" => true for a trusted local server",
                         class_name);
        return false;
    }
    return true;
}

const char *security_name(imap::Security security)
{
    switch (security) {
    case imap::Security::tls: return "tls";
    case imap::Security::starttls: return "starttls";
    case imap::Security::none: return "none";
    }
    return "none";
}

}  // namespace mailbridge::php

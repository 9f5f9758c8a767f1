#include "php/options.h"

#include <cmath>

namespace mailbridge::php::options {

bool has_control_or_space(const std::string &text)
{
    for (unsigned char c : text) {
        if (c <= 0x20 || c == 0x7f)
            return true;
    }
    return false;
}

bool has_line_break_or_nul(const std::string &text)
{
    return text.find_first_of(std::string("\r\n\0", 3)) != std::string::npos;
}

bool read_string(const char *class_name, zval *value, const char *name, std::string &out)
{
    if (Z_TYPE_P(value) != IS_STRING) {
        zend_type_error("%s option \"%s\" must be of type string, %s given", class_name, name,
                        zend_zval_type_name(value));
        return false;
    }
    out.assign(Z_STRVAL_P(value), Z_STRLEN_P(value));
    return true;
}

bool read_bool(const char *class_name, zval *value, const char *name, bool &out)
{
    if (Z_TYPE_P(value) != IS_TRUE && Z_TYPE_P(value) != IS_FALSE) {
        zend_type_error("%s option \"%s\" must be of type bool, %s given", class_name, name,
                        zend_zval_type_name(value));
        return false;
    }
    out = Z_TYPE_P(value) == IS_TRUE;
    return true;
}

bool read_seconds(const char *class_name, zval *value, const char *name, double &out, bool allow_zero)
{
    if (Z_TYPE_P(value) == IS_LONG) {
        out = static_cast<double>(Z_LVAL_P(value));
    } else if (Z_TYPE_P(value) == IS_DOUBLE) {
        out = Z_DVAL_P(value);
    } else {
        zend_type_error("%s option \"%s\" must be of type float, %s given", class_name, name,
                        zend_zval_type_name(value));
        return false;
    }
    if (!std::isfinite(out) || out < 0 || (!allow_zero && out == 0) || out > 86400) {
        zend_value_error("%s option \"%s\" must be a number of seconds %s 0 and at most 86400", class_name,
                         name, allow_zero ? "at least" : "greater than");
        return false;
    }
    return true;
}

bool read_tls(const char *class_name, zval *value, tls::Options &tls)
{
    if (Z_TYPE_P(value) != IS_ARRAY) {
        zend_type_error("%s option \"tls\" must be of type array, %s given", class_name,
                        zend_zval_type_name(value));
        return false;
    }
    zend_string *key;
    zval *entry;
    ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(value), key, entry) {
        ZVAL_DEREF(entry);
        if (key == nullptr) {
            zend_value_error("%s option \"tls\" must have string keys", class_name);
            return false;
        }
        std::string name(ZSTR_VAL(key), ZSTR_LEN(key));
        bool ok = true;
        if (name == "verify_peer") {
            ok = read_bool(class_name, entry, "tls.verify_peer", tls.verify_peer);
        } else if (name == "verify_peer_name") {
            ok = read_bool(class_name, entry, "tls.verify_peer_name", tls.verify_peer_name);
        } else if (name == "cafile") {
            ok = read_string(class_name, entry, "tls.cafile", tls.cafile);
        } else if (name == "capath") {
            ok = read_string(class_name, entry, "tls.capath", tls.capath);
        } else if (name == "peer_name") {
            ok = read_string(class_name, entry, "tls.peer_name", tls.peer_name);
            if (ok && (tls.peer_name.empty() || has_control_or_space(tls.peer_name))) {
                zend_value_error("%s option \"tls.peer_name\" must be a host name", class_name);
                return false;
            }
        } else if (name == "fingerprint") {
            std::string text;
            ok = read_string(class_name, entry, "tls.fingerprint", text);
            if (ok) {
                tls.fingerprint = tls::normalize_fingerprint(text);
                if (tls.fingerprint.empty()) {
                    zend_value_error("%s option \"tls.fingerprint\" must be a SHA-256 "
                                     "digest: 64 hexadecimal digits, colons allowed", class_name);
                    return false;
                }
            }
        } else {
            zend_value_error("%s option \"tls\" has an unknown key \"%s\"", class_name, name.c_str());
            return false;
        }
        if (!ok)
            return false;
        if ((name == "cafile" || name == "capath") && (name == "cafile" ? tls.cafile : tls.capath).empty()) {
            zend_value_error("%s option \"tls.%s\" must not be empty; leave it out to use the "
                             "system CA store", class_name, name.c_str());
            return false;
        }
        if ((name == "cafile" || name == "capath") && has_line_break_or_nul(name == "cafile" ? tls.cafile : tls.capath)) {
            zend_value_error("%s option \"tls.%s\" must not contain NUL or line breaks", class_name,
                             name.c_str());
            return false;
        }
    } ZEND_HASH_FOREACH_END();
    return true;
}

void add_endpoint_debug_info(HashTable *info, const std::string &host, long port, const std::string &security,
                             const std::string &username, bool has_password, bool has_token)
{
    zval value;
    ZVAL_STRINGL(&value, host.data(), host.size());
    zend_hash_str_update(info, "host", sizeof("host") - 1, &value);
    ZVAL_LONG(&value, port);
    zend_hash_str_update(info, "port", sizeof("port") - 1, &value);
    ZVAL_STRINGL(&value, security.data(), security.size());
    zend_hash_str_update(info, "security", sizeof("security") - 1, &value);
    ZVAL_STRINGL(&value, username.data(), username.size());
    zend_hash_str_update(info, "username", sizeof("username") - 1, &value);
    if (has_password) {
        ZVAL_STRING(&value, "<redacted>");
        zend_hash_str_update(info, "password", sizeof("password") - 1, &value);
    }
    if (has_token) {
        ZVAL_STRING(&value, "<redacted>");
        zend_hash_str_update(info, "oauth_token", sizeof("oauth_token") - 1, &value);
    }
}

}  // namespace mailbridge::php::options

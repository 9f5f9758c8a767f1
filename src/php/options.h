// Readers for the option arrays of the class constructors. Each reader
// takes the class name for its messages, throws a TypeError or ValueError
// naming the option, and returns false on failure.
#ifndef MAILBRIDGE_PHP_OPTIONS_H
#define MAILBRIDGE_PHP_OPTIONS_H

#include "php/php_mailbridge.h"

#include <string>

#include "tls/tls.h"

namespace mailbridge::php::options {

bool read_string(const char *class_name, zval *value, const char *name, std::string &out);
bool read_bool(const char *class_name, zval *value, const char *name, bool &out);
// A number of seconds up to 86400; zero only when allow_zero is set.
bool read_seconds(const char *class_name, zval *value, const char *name, double &out, bool allow_zero);
// The "tls" array: verify_peer, verify_peer_name, cafile, capath, peer_name, fingerprint.
bool read_tls(const char *class_name, zval *value, tls::Options &tls);

bool has_control_or_space(const std::string &text);
bool has_line_break_or_nul(const std::string &text);

// Add the endpoint of a client to a var_dump() table: host, port, security
// and username, and "<redacted>" in place of a password or token that is set.
void add_endpoint_debug_info(HashTable *info, const std::string &host, long port, const std::string &security,
                             const std::string &username, bool has_password, bool has_token);

}  // namespace mailbridge::php::options

#endif

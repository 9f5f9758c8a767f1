// Zend glue for the mailbridge extension: module entry, class entries and
// the helpers shared by the class files under src/php/.
#ifndef PHP_MAILBRIDGE_H
#define PHP_MAILBRIDGE_H

extern "C" {
#include "php.h"
#include "ext/standard/info.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"
#include "zend_attributes.h"
#include "ext/spl/spl_exceptions.h"
}

#include <string>

// The generated arginfo headers are C: they pass the void * returned by
// zend_hash_str_find_ptr() straight to zend_add_parameter_attribute(),
// which C++ does not convert implicitly. The macro adds the cast; a macro
// does not expand inside its own expansion, so the call reaches the real
// function.
#define zend_add_parameter_attribute(function, ...) \
    zend_add_parameter_attribute(static_cast<zend_function *>(function), __VA_ARGS__)

#define PHP_MAILBRIDGE_VERSION "0.1.0"

extern zend_module_entry mailbridge_module_entry;
#define phpext_mailbridge_ptr &mailbridge_module_entry

namespace mailbridge {
class Error;
namespace pool {
class Pool;
}
}  // namespace mailbridge

// Per-process (per-thread under ZTS) state: the session pool and the ini
// settings that bound it.
ZEND_BEGIN_MODULE_GLOBALS(mailbridge)
    mailbridge::pool::Pool *pool;
    zend_long pool_max_idle_per_key;
    double pool_idle_timeout;
    double pool_probe_interval;
    zend_long pool_max_messages_per_connection;
    double pool_max_lifetime;
ZEND_END_MODULE_GLOBALS(mailbridge)

ZEND_EXTERN_MODULE_GLOBALS(mailbridge)
#define MAILBRIDGE_G(v) ZEND_MODULE_GLOBALS_ACCESSOR(mailbridge, v)

#if defined(ZTS) && defined(COMPILE_DL_MAILBRIDGE)
ZEND_TSRMLS_CACHE_EXTERN()
#endif

namespace mailbridge::php {

extern zend_class_entry *exception_interface_ce;
extern zend_class_entry *transport_exception_ce;
extern zend_class_entry *message_ce;
extern zend_class_entry *envelope_ce;
extern zend_class_entry *transport_ce;
extern zend_class_entry *send_result_ce;
extern zend_class_entry *recipient_status_ce;

void register_exception_classes();
void register_message_classes();
void register_transport_classes();
void register_dkim_classes();
void register_mailer_classes();
void register_imap_classes();
void register_smtp_connection_class();
void register_imap_compat_classes();
void register_pool_class();
void register_pool_ini(int type, int module_number);
void unregister_pool_ini(int type, int module_number);
void print_pool_info();
void init_pool_globals(zend_mailbridge_globals *globals);
void free_pool_globals(zend_mailbridge_globals *globals);

// The pool of this process or thread, created on first use, with the
// current ini limits applied.
pool::Pool &current_pool();

// Throw the PHP exception class that matches a core error. This is the one
// place where core error kinds become PHP classes.
void throw_error(const Error &error);
// Build the same exception object without throwing it.
void make_exception(zval *out, const Error &error);

// Throw a ValueError with the message as given.
void throw_value_error(const std::string &message);

}  // namespace mailbridge::php

#endif

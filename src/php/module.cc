#include "php/php_mailbridge.h"

#include <curl/curl.h>
#include <idn2.h>
#include <openssl/crypto.h>

ZEND_DECLARE_MODULE_GLOBALS(mailbridge)

namespace {

PHP_GINIT_FUNCTION(mailbridge)
{
#if defined(ZTS) && defined(COMPILE_DL_MAILBRIDGE)
    ZEND_TSRMLS_CACHE_UPDATE();
#endif
    mailbridge::php::init_pool_globals(mailbridge_globals);
}

PHP_GSHUTDOWN_FUNCTION(mailbridge)
{
    mailbridge::php::free_pool_globals(mailbridge_globals);
}

PHP_MSHUTDOWN_FUNCTION(mailbridge)
{
    mailbridge::php::unregister_pool_ini(type, module_number);
    return SUCCESS;
}

PHP_MINIT_FUNCTION(mailbridge)
{
    mailbridge::php::register_pool_ini(type, module_number);
    mailbridge::php::register_pool_class();
    mailbridge::php::register_exception_classes();
    mailbridge::php::register_message_classes();
    mailbridge::php::register_transport_classes();
    mailbridge::php::register_dkim_classes();
    mailbridge::php::register_mailer_classes();
    mailbridge::php::register_imap_classes();
    mailbridge::php::register_smtp_connection_class();
    mailbridge::php::register_imap_compat_classes();
    return SUCCESS;
}

PHP_MINFO_FUNCTION(mailbridge)
{
    (void)zend_module;
    php_info_print_table_start();
    php_info_print_table_row(2, "mailbridge support", "enabled");
    php_info_print_table_row(2, "Version", PHP_MAILBRIDGE_VERSION);
    php_info_print_table_row(2, "OpenSSL", OpenSSL_version(OPENSSL_VERSION));
    php_info_print_table_row(2, "libidn2", idn2_check_version(nullptr));
    php_info_print_table_row(2, "libcurl", curl_version());
    php_info_print_table_row(2, "TLS default", "peer and host name verification on, TLS 1.2 minimum");
    php_info_print_table_end();
    DISPLAY_INI_ENTRIES();
    mailbridge::php::print_pool_info();
}

}  // namespace

zend_module_entry mailbridge_module_entry = {
    STANDARD_MODULE_HEADER,
    "mailbridge",
    nullptr,
    PHP_MINIT(mailbridge),
    PHP_MSHUTDOWN(mailbridge),
    nullptr,
    nullptr,
    PHP_MINFO(mailbridge),
    PHP_MAILBRIDGE_VERSION,
    PHP_MODULE_GLOBALS(mailbridge),
    PHP_GINIT(mailbridge),
    PHP_GSHUTDOWN(mailbridge),
    nullptr,
    STANDARD_MODULE_PROPERTIES_EX,
};

#ifdef COMPILE_DL_MAILBRIDGE
extern "C" {
#ifdef ZTS
ZEND_TSRMLS_CACHE_DEFINE()
#endif
ZEND_GET_MODULE(mailbridge)
}
#endif

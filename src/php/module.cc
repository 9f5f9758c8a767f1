#include "php/php_mailbridge.h"

#include <curl/curl.h>
#include <idn2.h>
#include <openssl/crypto.h>

namespace {

PHP_MINIT_FUNCTION(mailbridge)
{
    (void)type;
    (void)module_number;
    mailbridge::php::register_exception_classes();
    mailbridge::php::register_message_classes();
    mailbridge::php::register_transport_classes();
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
}

}  // namespace

zend_module_entry mailbridge_module_entry = {
    STANDARD_MODULE_HEADER,
    "mailbridge",
    nullptr,
    PHP_MINIT(mailbridge),
    nullptr,
    nullptr,
    nullptr,
    PHP_MINFO(mailbridge),
    PHP_MAILBRIDGE_VERSION,
    STANDARD_MODULE_PROPERTIES,
};

#ifdef COMPILE_DL_MAILBRIDGE
extern "C" {
#ifdef ZTS
ZEND_TSRMLS_CACHE_DEFINE()
#endif
ZEND_GET_MODULE(mailbridge)
}
#endif

#include "php/php_mailbridge.h"

#include "common/error.h"
#include "php/mailer.h"

#include "../../php_stubs/exceptions_arginfo.h"

namespace mailbridge::php {

zend_class_entry *exception_interface_ce;
zend_class_entry *transport_exception_ce;

namespace {

zend_class_entry *connection_exception_ce;
zend_class_entry *tls_exception_ce;
zend_class_entry *authentication_exception_ce;
zend_class_entry *server_reply_exception_ce;
zend_class_entry *unsupported_exception_ce;
zend_class_entry *protocol_exception_ce;
zend_class_entry *unknown_outcome_exception_ce;

zend_class_entry *class_for(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::connection: return connection_exception_ce;
    case ErrorKind::tls: return tls_exception_ce;
    case ErrorKind::authentication: return authentication_exception_ce;
    case ErrorKind::server_reply: return server_reply_exception_ce;
    case ErrorKind::unsupported: return unsupported_exception_ce;
    case ErrorKind::protocol: return protocol_exception_ce;
    case ErrorKind::unknown_outcome: return unknown_outcome_exception_ce;
    case ErrorKind::local_read: return transport_exception_ce;
    }
    return transport_exception_ce;
}

void set_string(zend_object *object, const char *name, const std::string &value)
{
    zend_update_property_stringl(transport_exception_ce, object, name, strlen(name), value.data(), value.size());
}

void set_optional_string(zend_object *object, const char *name, const std::string &value)
{
    if (value.empty())
        zend_update_property_null(transport_exception_ce, object, name, strlen(name));
    else
        set_string(object, name, value);
}

zval *read_property(zend_object *object, const char *name)
{
    zval rv;
    return zend_read_property(transport_exception_ce, object, name, strlen(name), 1, &rv);
}

}  // namespace

void register_exception_classes()
{
    exception_interface_ce = register_class_MailBridge_Exception(zend_ce_throwable);
    transport_exception_ce = register_class_MailBridge_TransportException(spl_ce_RuntimeException, exception_interface_ce);
    connection_exception_ce = register_class_MailBridge_ConnectionException(transport_exception_ce);
    tls_exception_ce = register_class_MailBridge_TlsException(transport_exception_ce);
    authentication_exception_ce = register_class_MailBridge_AuthenticationException(transport_exception_ce);
    server_reply_exception_ce = register_class_MailBridge_ServerReplyException(transport_exception_ce);
    unsupported_exception_ce = register_class_MailBridge_UnsupportedException(transport_exception_ce);
    protocol_exception_ce = register_class_MailBridge_ProtocolException(transport_exception_ce);
    unknown_outcome_exception_ce = register_class_MailBridge_UnknownOutcomeException(transport_exception_ce);
}

void throw_error(const Error &error)
{
    zval exception;
    make_exception(&exception, error);
    zend_throw_exception_object(&exception);
}

void make_exception(zval *out, const Error &error)
{
    std::string message = error.what();
    if (!error.hint.empty())
        message += ". Hint: " + error.hint;
    object_init_ex(out, class_for(error.kind));
    zend_object *object = Z_OBJ_P(out);
    zend_update_property_stringl(zend_ce_exception, object, "message", sizeof("message") - 1, message.data(),
                                 message.size());
    zend_update_property_long(zend_ce_exception, object, "code", sizeof("code") - 1, error.reply_code);
    set_string(object, "stage", stage_name(error.stage));
    zend_update_property_long(transport_exception_ce, object, "replyCode", sizeof("replyCode") - 1, error.reply_code);
    set_optional_string(object, "enhancedStatus", error.enhanced_status);
    set_optional_string(object, "serverText", error.server_text);
    set_optional_string(object, "command", error.command);
    set_optional_string(object, "hint", error.hint);
    zend_update_property_bool(transport_exception_ce, object, "transient", sizeof("transient") - 1, error.transient);
    set_optional_string(object, "responseStatus", error.response_status);
    std::string response_code = error.response_code;
    if (!response_code.empty() && !error.response_code_arguments.empty())
        response_code += " " + error.response_code_arguments;
    set_optional_string(object, "responseCode", response_code);
}

void throw_value_error(const std::string &message)
{
    zend_value_error("%s", message.c_str());
}

namespace {

// PHPMailer\PHPMailer\Exception when that class is already loaded (no
// autoloading), because code written for PHPMailer catches it by name.
zend_class_entry *phpmailer_exception_class()
{
    zend_string *name = zend_string_init("PHPMailer\\PHPMailer\\Exception", sizeof("PHPMailer\\PHPMailer\\Exception") - 1, 0);
    zend_class_entry *ce = zend_lookup_class_ex(name, nullptr, ZEND_FETCH_CLASS_NO_AUTOLOAD | ZEND_FETCH_CLASS_SILENT);
    zend_string_release(name);
    if (ce == nullptr || !instanceof_function(ce, zend_ce_throwable) ||
        (ce->ce_flags & (ZEND_ACC_INTERFACE | ZEND_ACC_TRAIT | ZEND_ACC_EXPLICIT_ABSTRACT_CLASS)) != 0)
        return nullptr;
    return ce;
}

}  // namespace

void throw_mailer_exception(const std::string &message, zend_long code)
{
    zend_class_entry *ce = phpmailer_exception_class();
    zend_throw_exception(ce != nullptr ? ce : mailer_exception_ce, message.c_str(), code);
}

bool is_mailer_exception(zend_object *exception)
{
    if (instanceof_function(exception->ce, mailer_exception_ce))
        return true;
    zend_class_entry *ce = phpmailer_exception_class();
    return ce != nullptr && instanceof_function(exception->ce, ce);
}

}  // namespace mailbridge::php

using mailbridge::php::transport_exception_ce;

ZEND_METHOD(MailBridge_TransportException, getStage)
{
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_COPY(mailbridge::php::read_property(Z_OBJ_P(ZEND_THIS), "stage"));
}

ZEND_METHOD(MailBridge_TransportException, getReplyCode)
{
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_COPY(mailbridge::php::read_property(Z_OBJ_P(ZEND_THIS), "replyCode"));
}

ZEND_METHOD(MailBridge_TransportException, getEnhancedStatus)
{
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_COPY(mailbridge::php::read_property(Z_OBJ_P(ZEND_THIS), "enhancedStatus"));
}

ZEND_METHOD(MailBridge_TransportException, getServerText)
{
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_COPY(mailbridge::php::read_property(Z_OBJ_P(ZEND_THIS), "serverText"));
}

ZEND_METHOD(MailBridge_TransportException, getCommand)
{
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_COPY(mailbridge::php::read_property(Z_OBJ_P(ZEND_THIS), "command"));
}

ZEND_METHOD(MailBridge_TransportException, getHint)
{
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_COPY(mailbridge::php::read_property(Z_OBJ_P(ZEND_THIS), "hint"));
}

ZEND_METHOD(MailBridge_TransportException, isTransient)
{
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_COPY(mailbridge::php::read_property(Z_OBJ_P(ZEND_THIS), "transient"));
}

ZEND_METHOD(MailBridge_TransportException, getResponseStatus)
{
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_COPY(mailbridge::php::read_property(Z_OBJ_P(ZEND_THIS), "responseStatus"));
}

ZEND_METHOD(MailBridge_TransportException, getResponseCode)
{
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_COPY(mailbridge::php::read_property(Z_OBJ_P(ZEND_THIS), "responseCode"));
}

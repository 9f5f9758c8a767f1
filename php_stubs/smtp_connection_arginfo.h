/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 61c84c04a03d2b929e86449ac447d2089017c881 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_MailBridge_SmtpConnection___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_SmtpConnection_connect, 0, 1, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, host, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, port, IS_LONG, 1, "null")
	ZEND_ARG_TYPE_MASK(0, timeout, MAY_BE_LONG|MAY_BE_DOUBLE, "30")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_SmtpConnection_hello, 0, 0, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, host, IS_STRING, 0, "\'\'")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_SmtpConnection_startTLS, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_SmtpConnection_authenticate, 0, 2, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, username, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, password, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, authtype, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, OAuth, IS_OBJECT, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_SmtpConnection_mail, 0, 1, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, from, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_SmtpConnection_recipient, 0, 1, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, address, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, dsn, IS_STRING, 0, "\'\'")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_SmtpConnection_data, 0, 1, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, msg_data, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_SmtpConnection_reset arginfo_class_MailBridge_SmtpConnection_startTLS

#define arginfo_class_MailBridge_SmtpConnection_noop arginfo_class_MailBridge_SmtpConnection_startTLS

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_SmtpConnection_quit, 0, 0, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, close_on_error, _IS_BOOL, 0, "true")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_SmtpConnection_close, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_SmtpConnection_connected arginfo_class_MailBridge_SmtpConnection_startTLS

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_SmtpConnection_getError, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_SmtpConnection_getLastReply, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_class_MailBridge_SmtpConnection_getServerExt, 0, 1, MAY_BE_STRING|MAY_BE_BOOL|MAY_BE_ARRAY|MAY_BE_NULL)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_SmtpConnection_getServerExtList, 0, 0, IS_ARRAY, 1)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_class_MailBridge_SmtpConnection_getLastTransactionID, 0, 0, MAY_BE_STRING|MAY_BE_BOOL|MAY_BE_NULL)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_SmtpConnection_setDebugLevel, 0, 0, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, level, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_SmtpConnection_getDebugLevel, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_SmtpConnection_setDebugOutput, 0, 0, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, method, IS_MIXED, 0, "\'echo\'")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_SmtpConnection_getDebugOutput, 0, 0, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_SmtpConnection_setTimeout, 0, 0, IS_VOID, 0)
	ZEND_ARG_TYPE_MASK(0, timeout, MAY_BE_LONG|MAY_BE_DOUBLE, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_class_MailBridge_SmtpConnection_getTimeout, 0, 0, MAY_BE_LONG|MAY_BE_DOUBLE)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_SmtpConnection_setVerp, 0, 0, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, enabled, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_SmtpConnection_getVerp arginfo_class_MailBridge_SmtpConnection_startTLS

#define arginfo_class_MailBridge_SmtpConnection_setSMTPUTF8 arginfo_class_MailBridge_SmtpConnection_setVerp

#define arginfo_class_MailBridge_SmtpConnection_getSMTPUTF8 arginfo_class_MailBridge_SmtpConnection_startTLS

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_SmtpConnection_setAllowPlaintextAuth, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, allow, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_SmtpConnection_getAllowPlaintextAuth arginfo_class_MailBridge_SmtpConnection_startTLS


ZEND_METHOD(MailBridge_SmtpConnection, __construct);
ZEND_METHOD(MailBridge_SmtpConnection, connect);
ZEND_METHOD(MailBridge_SmtpConnection, hello);
ZEND_METHOD(MailBridge_SmtpConnection, startTLS);
ZEND_METHOD(MailBridge_SmtpConnection, authenticate);
ZEND_METHOD(MailBridge_SmtpConnection, mail);
ZEND_METHOD(MailBridge_SmtpConnection, recipient);
ZEND_METHOD(MailBridge_SmtpConnection, data);
ZEND_METHOD(MailBridge_SmtpConnection, reset);
ZEND_METHOD(MailBridge_SmtpConnection, noop);
ZEND_METHOD(MailBridge_SmtpConnection, quit);
ZEND_METHOD(MailBridge_SmtpConnection, close);
ZEND_METHOD(MailBridge_SmtpConnection, connected);
ZEND_METHOD(MailBridge_SmtpConnection, getError);
ZEND_METHOD(MailBridge_SmtpConnection, getLastReply);
ZEND_METHOD(MailBridge_SmtpConnection, getServerExt);
ZEND_METHOD(MailBridge_SmtpConnection, getServerExtList);
ZEND_METHOD(MailBridge_SmtpConnection, getLastTransactionID);
ZEND_METHOD(MailBridge_SmtpConnection, setDebugLevel);
ZEND_METHOD(MailBridge_SmtpConnection, getDebugLevel);
ZEND_METHOD(MailBridge_SmtpConnection, setDebugOutput);
ZEND_METHOD(MailBridge_SmtpConnection, getDebugOutput);
ZEND_METHOD(MailBridge_SmtpConnection, setTimeout);
ZEND_METHOD(MailBridge_SmtpConnection, getTimeout);
ZEND_METHOD(MailBridge_SmtpConnection, setVerp);
ZEND_METHOD(MailBridge_SmtpConnection, getVerp);
ZEND_METHOD(MailBridge_SmtpConnection, setSMTPUTF8);
ZEND_METHOD(MailBridge_SmtpConnection, getSMTPUTF8);
ZEND_METHOD(MailBridge_SmtpConnection, setAllowPlaintextAuth);
ZEND_METHOD(MailBridge_SmtpConnection, getAllowPlaintextAuth);


static const zend_function_entry class_MailBridge_SmtpConnection_methods[] = {
	ZEND_ME(MailBridge_SmtpConnection, __construct, arginfo_class_MailBridge_SmtpConnection___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_SmtpConnection, connect, arginfo_class_MailBridge_SmtpConnection_connect, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_SmtpConnection, hello, arginfo_class_MailBridge_SmtpConnection_hello, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_SmtpConnection, startTLS, arginfo_class_MailBridge_SmtpConnection_startTLS, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_SmtpConnection, authenticate, arginfo_class_MailBridge_SmtpConnection_authenticate, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_SmtpConnection, mail, arginfo_class_MailBridge_SmtpConnection_mail, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_SmtpConnection, recipient, arginfo_class_MailBridge_SmtpConnection_recipient, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_SmtpConnection, data, arginfo_class_MailBridge_SmtpConnection_data, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_SmtpConnection, reset, arginfo_class_MailBridge_SmtpConnection_reset, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_SmtpConnection, noop, arginfo_class_MailBridge_SmtpConnection_noop, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_SmtpConnection, quit, arginfo_class_MailBridge_SmtpConnection_quit, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_SmtpConnection, close, arginfo_class_MailBridge_SmtpConnection_close, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_SmtpConnection, connected, arginfo_class_MailBridge_SmtpConnection_connected, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_SmtpConnection, getError, arginfo_class_MailBridge_SmtpConnection_getError, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_SmtpConnection, getLastReply, arginfo_class_MailBridge_SmtpConnection_getLastReply, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_SmtpConnection, getServerExt, arginfo_class_MailBridge_SmtpConnection_getServerExt, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_SmtpConnection, getServerExtList, arginfo_class_MailBridge_SmtpConnection_getServerExtList, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_SmtpConnection, getLastTransactionID, arginfo_class_MailBridge_SmtpConnection_getLastTransactionID, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_SmtpConnection, setDebugLevel, arginfo_class_MailBridge_SmtpConnection_setDebugLevel, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_SmtpConnection, getDebugLevel, arginfo_class_MailBridge_SmtpConnection_getDebugLevel, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_SmtpConnection, setDebugOutput, arginfo_class_MailBridge_SmtpConnection_setDebugOutput, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_SmtpConnection, getDebugOutput, arginfo_class_MailBridge_SmtpConnection_getDebugOutput, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_SmtpConnection, setTimeout, arginfo_class_MailBridge_SmtpConnection_setTimeout, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_SmtpConnection, getTimeout, arginfo_class_MailBridge_SmtpConnection_getTimeout, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_SmtpConnection, setVerp, arginfo_class_MailBridge_SmtpConnection_setVerp, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_SmtpConnection, getVerp, arginfo_class_MailBridge_SmtpConnection_getVerp, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_SmtpConnection, setSMTPUTF8, arginfo_class_MailBridge_SmtpConnection_setSMTPUTF8, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_SmtpConnection, getSMTPUTF8, arginfo_class_MailBridge_SmtpConnection_getSMTPUTF8, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_SmtpConnection, setAllowPlaintextAuth, arginfo_class_MailBridge_SmtpConnection_setAllowPlaintextAuth, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_SmtpConnection, getAllowPlaintextAuth, arginfo_class_MailBridge_SmtpConnection_getAllowPlaintextAuth, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_MailBridge_SmtpConnection(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "MailBridge", "SmtpConnection", class_MailBridge_SmtpConnection_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "authenticate", sizeof("authenticate") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}

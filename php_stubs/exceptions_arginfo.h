/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: f350640ad4982c3f46d7a36765b0908c10c5ec3b */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_TransportException_getStage, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_TransportException_getReplyCode, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_TransportException_getEnhancedStatus, 0, 0, IS_STRING, 1)
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_TransportException_getServerText arginfo_class_MailBridge_TransportException_getEnhancedStatus

#define arginfo_class_MailBridge_TransportException_getCommand arginfo_class_MailBridge_TransportException_getEnhancedStatus

#define arginfo_class_MailBridge_TransportException_getHint arginfo_class_MailBridge_TransportException_getEnhancedStatus

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_TransportException_isTransient, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_TransportException_getResponseStatus arginfo_class_MailBridge_TransportException_getEnhancedStatus

#define arginfo_class_MailBridge_TransportException_getResponseCode arginfo_class_MailBridge_TransportException_getEnhancedStatus


ZEND_METHOD(MailBridge_TransportException, getStage);
ZEND_METHOD(MailBridge_TransportException, getReplyCode);
ZEND_METHOD(MailBridge_TransportException, getEnhancedStatus);
ZEND_METHOD(MailBridge_TransportException, getServerText);
ZEND_METHOD(MailBridge_TransportException, getCommand);
ZEND_METHOD(MailBridge_TransportException, getHint);
ZEND_METHOD(MailBridge_TransportException, isTransient);
ZEND_METHOD(MailBridge_TransportException, getResponseStatus);
ZEND_METHOD(MailBridge_TransportException, getResponseCode);


static const zend_function_entry class_MailBridge_Exception_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_MailBridge_TransportException_methods[] = {
	ZEND_ME(MailBridge_TransportException, getStage, arginfo_class_MailBridge_TransportException_getStage, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_TransportException, getReplyCode, arginfo_class_MailBridge_TransportException_getReplyCode, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_TransportException, getEnhancedStatus, arginfo_class_MailBridge_TransportException_getEnhancedStatus, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_TransportException, getServerText, arginfo_class_MailBridge_TransportException_getServerText, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_TransportException, getCommand, arginfo_class_MailBridge_TransportException_getCommand, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_TransportException, getHint, arginfo_class_MailBridge_TransportException_getHint, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_TransportException, isTransient, arginfo_class_MailBridge_TransportException_isTransient, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_TransportException, getResponseStatus, arginfo_class_MailBridge_TransportException_getResponseStatus, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_TransportException, getResponseCode, arginfo_class_MailBridge_TransportException_getResponseCode, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_MailBridge_ConnectionException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_MailBridge_TlsException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_MailBridge_AuthenticationException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_MailBridge_ServerReplyException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_MailBridge_UnsupportedException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_MailBridge_ProtocolException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_MailBridge_UnknownOutcomeException_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_MailBridge_Exception(zend_class_entry *class_entry_Throwable)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "MailBridge", "Exception", class_MailBridge_Exception_methods);
	class_entry = zend_register_internal_interface(&ce);
	zend_class_implements(class_entry, 1, class_entry_Throwable);

	return class_entry;
}

static zend_class_entry *register_class_MailBridge_TransportException(zend_class_entry *class_entry_RuntimeException, zend_class_entry *class_entry_MailBridge_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "MailBridge", "TransportException", class_MailBridge_TransportException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_RuntimeException);
	class_entry->ce_flags |= ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
	zend_class_implements(class_entry, 1, class_entry_MailBridge_Exception);

	zval property_stage_default_value;
	zend_string *property_stage_default_value_str = zend_string_init("none", strlen("none"), 1);
	ZVAL_STR(&property_stage_default_value, property_stage_default_value_str);
	zend_string *property_stage_name = zend_string_init("stage", sizeof("stage") - 1, 1);
	zend_declare_typed_property(class_entry, property_stage_name, &property_stage_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_stage_name);

	zval property_replyCode_default_value;
	ZVAL_LONG(&property_replyCode_default_value, 0);
	zend_string *property_replyCode_name = zend_string_init("replyCode", sizeof("replyCode") - 1, 1);
	zend_declare_typed_property(class_entry, property_replyCode_name, &property_replyCode_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_replyCode_name);

	zval property_enhancedStatus_default_value;
	ZVAL_NULL(&property_enhancedStatus_default_value);
	zend_string *property_enhancedStatus_name = zend_string_init("enhancedStatus", sizeof("enhancedStatus") - 1, 1);
	zend_declare_typed_property(class_entry, property_enhancedStatus_name, &property_enhancedStatus_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_enhancedStatus_name);

	zval property_serverText_default_value;
	ZVAL_NULL(&property_serverText_default_value);
	zend_string *property_serverText_name = zend_string_init("serverText", sizeof("serverText") - 1, 1);
	zend_declare_typed_property(class_entry, property_serverText_name, &property_serverText_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_serverText_name);

	zval property_command_default_value;
	ZVAL_NULL(&property_command_default_value);
	zend_string *property_command_name = zend_string_init("command", sizeof("command") - 1, 1);
	zend_declare_typed_property(class_entry, property_command_name, &property_command_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_command_name);

	zval property_hint_default_value;
	ZVAL_NULL(&property_hint_default_value);
	zend_string *property_hint_name = zend_string_init("hint", sizeof("hint") - 1, 1);
	zend_declare_typed_property(class_entry, property_hint_name, &property_hint_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_hint_name);

	zval property_transient_default_value;
	ZVAL_FALSE(&property_transient_default_value);
	zend_string *property_transient_name = zend_string_init("transient", sizeof("transient") - 1, 1);
	zend_declare_typed_property(class_entry, property_transient_name, &property_transient_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_BOOL));
	zend_string_release(property_transient_name);

	zval property_responseStatus_default_value;
	ZVAL_NULL(&property_responseStatus_default_value);
	zend_string *property_responseStatus_name = zend_string_init("responseStatus", sizeof("responseStatus") - 1, 1);
	zend_declare_typed_property(class_entry, property_responseStatus_name, &property_responseStatus_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_responseStatus_name);

	zval property_responseCode_default_value;
	ZVAL_NULL(&property_responseCode_default_value);
	zend_string *property_responseCode_name = zend_string_init("responseCode", sizeof("responseCode") - 1, 1);
	zend_declare_typed_property(class_entry, property_responseCode_name, &property_responseCode_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_responseCode_name);

	return class_entry;
}

static zend_class_entry *register_class_MailBridge_ConnectionException(zend_class_entry *class_entry_MailBridge_TransportException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "MailBridge", "ConnectionException", class_MailBridge_ConnectionException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_MailBridge_TransportException);

	return class_entry;
}

static zend_class_entry *register_class_MailBridge_TlsException(zend_class_entry *class_entry_MailBridge_TransportException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "MailBridge", "TlsException", class_MailBridge_TlsException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_MailBridge_TransportException);

	return class_entry;
}

static zend_class_entry *register_class_MailBridge_AuthenticationException(zend_class_entry *class_entry_MailBridge_TransportException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "MailBridge", "AuthenticationException", class_MailBridge_AuthenticationException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_MailBridge_TransportException);

	return class_entry;
}

static zend_class_entry *register_class_MailBridge_ServerReplyException(zend_class_entry *class_entry_MailBridge_TransportException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "MailBridge", "ServerReplyException", class_MailBridge_ServerReplyException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_MailBridge_TransportException);

	return class_entry;
}

static zend_class_entry *register_class_MailBridge_UnsupportedException(zend_class_entry *class_entry_MailBridge_TransportException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "MailBridge", "UnsupportedException", class_MailBridge_UnsupportedException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_MailBridge_TransportException);

	return class_entry;
}

static zend_class_entry *register_class_MailBridge_ProtocolException(zend_class_entry *class_entry_MailBridge_TransportException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "MailBridge", "ProtocolException", class_MailBridge_ProtocolException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_MailBridge_TransportException);

	return class_entry;
}

static zend_class_entry *register_class_MailBridge_UnknownOutcomeException(zend_class_entry *class_entry_MailBridge_TransportException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "MailBridge", "UnknownOutcomeException", class_MailBridge_UnknownOutcomeException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_MailBridge_TransportException);

	return class_entry;
}

/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: c0c38097fc57e587913037b14eb096c452cb78ce */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_MailBridge_Message___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Message_from, 0, 1, IS_STATIC, 0)
	ZEND_ARG_TYPE_INFO(0, address, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, name, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Message_to, 0, 0, IS_STATIC, 0)
	ZEND_ARG_VARIADIC_TYPE_INFO(0, addresses, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_Message_cc arginfo_class_MailBridge_Message_to

#define arginfo_class_MailBridge_Message_bcc arginfo_class_MailBridge_Message_to

#define arginfo_class_MailBridge_Message_replyTo arginfo_class_MailBridge_Message_to

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Message_subject, 0, 1, IS_STATIC, 0)
	ZEND_ARG_TYPE_INFO(0, subject, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Message_text, 0, 1, IS_STATIC, 0)
	ZEND_ARG_TYPE_INFO(0, body, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_Message_html arginfo_class_MailBridge_Message_text

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Message_attach, 0, 2, IS_STATIC, 0)
	ZEND_ARG_TYPE_INFO(0, content, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, filename, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, contentType, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Message_attachFromPath, 0, 1, IS_STATIC, 0)
	ZEND_ARG_TYPE_INFO(0, path, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, filename, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, contentType, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Message_embed, 0, 2, IS_STATIC, 0)
	ZEND_ARG_TYPE_INFO(0, content, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, cid, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, filename, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, contentType, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Message_embedFromPath, 0, 2, IS_STATIC, 0)
	ZEND_ARG_TYPE_INFO(0, path, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, cid, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, contentType, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Message_calendar, 0, 1, IS_STATIC, 0)
	ZEND_ARG_TYPE_INFO(0, ics, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, method, IS_STRING, 0, "\'REQUEST\'")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Message_charset, 0, 1, IS_STATIC, 0)
	ZEND_ARG_TYPE_INFO(0, charset, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Message_autoSubmitted, 0, 0, IS_STATIC, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Message_listUnsubscribe, 0, 1, IS_STATIC, 0)
	ZEND_ARG_TYPE_INFO(0, url, IS_STRING, 1)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, mailto, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Message_header, 0, 2, IS_STATIC, 0)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, value, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Message_messageId, 0, 1, IS_STATIC, 0)
	ZEND_ARG_TYPE_INFO(0, id, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Message_messageIdDomain, 0, 1, IS_STATIC, 0)
	ZEND_ARG_TYPE_INFO(0, domain, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Message_getMessageId, 0, 0, IS_STRING, 1)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Message_toString, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_Message___toString arginfo_class_MailBridge_Message_toString

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_MailBridge_Envelope___construct, 0, 0, 2)
	ZEND_ARG_TYPE_INFO(0, sender, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, recipients, IS_ARRAY, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(MailBridge_Message, __construct);
ZEND_METHOD(MailBridge_Message, from);
ZEND_METHOD(MailBridge_Message, to);
ZEND_METHOD(MailBridge_Message, cc);
ZEND_METHOD(MailBridge_Message, bcc);
ZEND_METHOD(MailBridge_Message, replyTo);
ZEND_METHOD(MailBridge_Message, subject);
ZEND_METHOD(MailBridge_Message, text);
ZEND_METHOD(MailBridge_Message, html);
ZEND_METHOD(MailBridge_Message, attach);
ZEND_METHOD(MailBridge_Message, attachFromPath);
ZEND_METHOD(MailBridge_Message, embed);
ZEND_METHOD(MailBridge_Message, embedFromPath);
ZEND_METHOD(MailBridge_Message, calendar);
ZEND_METHOD(MailBridge_Message, charset);
ZEND_METHOD(MailBridge_Message, autoSubmitted);
ZEND_METHOD(MailBridge_Message, listUnsubscribe);
ZEND_METHOD(MailBridge_Message, header);
ZEND_METHOD(MailBridge_Message, messageId);
ZEND_METHOD(MailBridge_Message, messageIdDomain);
ZEND_METHOD(MailBridge_Message, getMessageId);
ZEND_METHOD(MailBridge_Message, toString);
ZEND_METHOD(MailBridge_Message, __toString);
ZEND_METHOD(MailBridge_Envelope, __construct);


static const zend_function_entry class_MailBridge_Message_methods[] = {
	ZEND_ME(MailBridge_Message, __construct, arginfo_class_MailBridge_Message___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Message, from, arginfo_class_MailBridge_Message_from, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Message, to, arginfo_class_MailBridge_Message_to, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Message, cc, arginfo_class_MailBridge_Message_cc, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Message, bcc, arginfo_class_MailBridge_Message_bcc, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Message, replyTo, arginfo_class_MailBridge_Message_replyTo, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Message, subject, arginfo_class_MailBridge_Message_subject, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Message, text, arginfo_class_MailBridge_Message_text, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Message, html, arginfo_class_MailBridge_Message_html, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Message, attach, arginfo_class_MailBridge_Message_attach, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Message, attachFromPath, arginfo_class_MailBridge_Message_attachFromPath, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Message, embed, arginfo_class_MailBridge_Message_embed, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Message, embedFromPath, arginfo_class_MailBridge_Message_embedFromPath, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Message, calendar, arginfo_class_MailBridge_Message_calendar, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Message, charset, arginfo_class_MailBridge_Message_charset, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Message, autoSubmitted, arginfo_class_MailBridge_Message_autoSubmitted, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Message, listUnsubscribe, arginfo_class_MailBridge_Message_listUnsubscribe, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Message, header, arginfo_class_MailBridge_Message_header, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Message, messageId, arginfo_class_MailBridge_Message_messageId, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Message, messageIdDomain, arginfo_class_MailBridge_Message_messageIdDomain, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Message, getMessageId, arginfo_class_MailBridge_Message_getMessageId, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Message, toString, arginfo_class_MailBridge_Message_toString, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Message, __toString, arginfo_class_MailBridge_Message___toString, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_MailBridge_Envelope_methods[] = {
	ZEND_ME(MailBridge_Envelope, __construct, arginfo_class_MailBridge_Envelope___construct, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_MailBridge_Message(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "MailBridge", "Message", class_MailBridge_Message_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

static zend_class_entry *register_class_MailBridge_Envelope(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "MailBridge", "Envelope", class_MailBridge_Envelope_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	zval property_sender_default_value;
	ZVAL_UNDEF(&property_sender_default_value);
	zend_string *property_sender_name = zend_string_init("sender", sizeof("sender") - 1, 1);
	zend_declare_typed_property(class_entry, property_sender_name, &property_sender_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_sender_name);

	zval property_recipients_default_value;
	ZVAL_UNDEF(&property_recipients_default_value);
	zend_string *property_recipients_name = zend_string_init("recipients", sizeof("recipients") - 1, 1);
	zend_declare_typed_property(class_entry, property_recipients_name, &property_recipients_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_recipients_name);

	return class_entry;
}

/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 60b0cfbab033894850562a0133632de7c34730ba */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_MailBridge_Mailer___construct, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, exceptions, _IS_BOOL, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_MailBridge_Mailer___destruct, 0, 0, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_Mailer_send arginfo_class_MailBridge_Mailer___destruct

#define arginfo_class_MailBridge_Mailer_preSend arginfo_class_MailBridge_Mailer___destruct

#define arginfo_class_MailBridge_Mailer_postSend arginfo_class_MailBridge_Mailer___destruct

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_MailBridge_Mailer_smtpConnect, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_MIXED, 0, "null")
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_Mailer_smtpClose arginfo_class_MailBridge_Mailer___destruct

#define arginfo_class_MailBridge_Mailer_isSMTP arginfo_class_MailBridge_Mailer___destruct

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_MailBridge_Mailer_isHTML, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, isHtml, IS_MIXED, 0, "true")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_MailBridge_Mailer_setFrom, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, address, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, name, IS_MIXED, 0, "\'\'")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, auto, IS_MIXED, 0, "true")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_MailBridge_Mailer_addAddress, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, address, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, name, IS_MIXED, 0, "\'\'")
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_Mailer_addCC arginfo_class_MailBridge_Mailer_addAddress

#define arginfo_class_MailBridge_Mailer_addBCC arginfo_class_MailBridge_Mailer_addAddress

#define arginfo_class_MailBridge_Mailer_addReplyTo arginfo_class_MailBridge_Mailer_addAddress

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_MailBridge_Mailer_addAttachment, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, path, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, name, IS_MIXED, 0, "\'\'")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, encoding, IS_MIXED, 0, "\'base64\'")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, type, IS_MIXED, 0, "\'\'")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, disposition, IS_MIXED, 0, "\'attachment\'")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_MailBridge_Mailer_addStringAttachment, 0, 0, 2)
	ZEND_ARG_TYPE_INFO(0, string, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, filename, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, encoding, IS_MIXED, 0, "\'base64\'")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, type, IS_MIXED, 0, "\'\'")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, disposition, IS_MIXED, 0, "\'attachment\'")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_MailBridge_Mailer_addEmbeddedImage, 0, 0, 2)
	ZEND_ARG_TYPE_INFO(0, path, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, cid, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, name, IS_MIXED, 0, "\'\'")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, encoding, IS_MIXED, 0, "\'base64\'")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, type, IS_MIXED, 0, "\'\'")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, disposition, IS_MIXED, 0, "\'inline\'")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_MailBridge_Mailer_addStringEmbeddedImage, 0, 0, 2)
	ZEND_ARG_TYPE_INFO(0, string, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, cid, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, name, IS_MIXED, 0, "\'\'")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, encoding, IS_MIXED, 0, "\'base64\'")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, type, IS_MIXED, 0, "\'\'")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, disposition, IS_MIXED, 0, "\'inline\'")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_MailBridge_Mailer_addCustomHeader, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, name, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, value, IS_MIXED, 0, "null")
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_Mailer_clearAddresses arginfo_class_MailBridge_Mailer___destruct

#define arginfo_class_MailBridge_Mailer_clearCCs arginfo_class_MailBridge_Mailer___destruct

#define arginfo_class_MailBridge_Mailer_clearBCCs arginfo_class_MailBridge_Mailer___destruct

#define arginfo_class_MailBridge_Mailer_clearReplyTos arginfo_class_MailBridge_Mailer___destruct

#define arginfo_class_MailBridge_Mailer_clearAllRecipients arginfo_class_MailBridge_Mailer___destruct

#define arginfo_class_MailBridge_Mailer_clearAttachments arginfo_class_MailBridge_Mailer___destruct

#define arginfo_class_MailBridge_Mailer_clearCustomHeaders arginfo_class_MailBridge_Mailer___destruct

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_MailBridge_Mailer_msgHTML, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, message, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, basedir, IS_MIXED, 0, "\'\'")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, advanced, IS_MIXED, 0, "false")
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_Mailer_isError arginfo_class_MailBridge_Mailer___destruct

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_MailBridge_Mailer_setLanguage, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, langcode, IS_MIXED, 0, "\'en\'")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, lang_path, IS_MIXED, 0, "\'\'")
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_Mailer_createHeader arginfo_class_MailBridge_Mailer___destruct

#define arginfo_class_MailBridge_Mailer_createBody arginfo_class_MailBridge_Mailer___destruct

#define arginfo_class_MailBridge_Mailer_getSentMIMEMessage arginfo_class_MailBridge_Mailer___destruct

#define arginfo_class_MailBridge_Mailer_getLastMessageID arginfo_class_MailBridge_Mailer___destruct

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_MailBridge_Mailer_setError, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, msg, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_MailerException_errorMessage, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(MailBridge_Mailer, __construct);
ZEND_METHOD(MailBridge_Mailer, __destruct);
ZEND_METHOD(MailBridge_Mailer, send);
ZEND_METHOD(MailBridge_Mailer, preSend);
ZEND_METHOD(MailBridge_Mailer, postSend);
ZEND_METHOD(MailBridge_Mailer, smtpConnect);
ZEND_METHOD(MailBridge_Mailer, smtpClose);
ZEND_METHOD(MailBridge_Mailer, isSMTP);
ZEND_METHOD(MailBridge_Mailer, isHTML);
ZEND_METHOD(MailBridge_Mailer, setFrom);
ZEND_METHOD(MailBridge_Mailer, addAddress);
ZEND_METHOD(MailBridge_Mailer, addCC);
ZEND_METHOD(MailBridge_Mailer, addBCC);
ZEND_METHOD(MailBridge_Mailer, addReplyTo);
ZEND_METHOD(MailBridge_Mailer, addAttachment);
ZEND_METHOD(MailBridge_Mailer, addStringAttachment);
ZEND_METHOD(MailBridge_Mailer, addEmbeddedImage);
ZEND_METHOD(MailBridge_Mailer, addStringEmbeddedImage);
ZEND_METHOD(MailBridge_Mailer, addCustomHeader);
ZEND_METHOD(MailBridge_Mailer, clearAddresses);
ZEND_METHOD(MailBridge_Mailer, clearCCs);
ZEND_METHOD(MailBridge_Mailer, clearBCCs);
ZEND_METHOD(MailBridge_Mailer, clearReplyTos);
ZEND_METHOD(MailBridge_Mailer, clearAllRecipients);
ZEND_METHOD(MailBridge_Mailer, clearAttachments);
ZEND_METHOD(MailBridge_Mailer, clearCustomHeaders);
ZEND_METHOD(MailBridge_Mailer, msgHTML);
ZEND_METHOD(MailBridge_Mailer, isError);
ZEND_METHOD(MailBridge_Mailer, setLanguage);
ZEND_METHOD(MailBridge_Mailer, createHeader);
ZEND_METHOD(MailBridge_Mailer, createBody);
ZEND_METHOD(MailBridge_Mailer, getSentMIMEMessage);
ZEND_METHOD(MailBridge_Mailer, getLastMessageID);
ZEND_METHOD(MailBridge_Mailer, setError);
ZEND_METHOD(MailBridge_MailerException, errorMessage);


static const zend_function_entry class_MailBridge_Mailer_methods[] = {
	ZEND_ME(MailBridge_Mailer, __construct, arginfo_class_MailBridge_Mailer___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, __destruct, arginfo_class_MailBridge_Mailer___destruct, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, send, arginfo_class_MailBridge_Mailer_send, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, preSend, arginfo_class_MailBridge_Mailer_preSend, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, postSend, arginfo_class_MailBridge_Mailer_postSend, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, smtpConnect, arginfo_class_MailBridge_Mailer_smtpConnect, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, smtpClose, arginfo_class_MailBridge_Mailer_smtpClose, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, isSMTP, arginfo_class_MailBridge_Mailer_isSMTP, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, isHTML, arginfo_class_MailBridge_Mailer_isHTML, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, setFrom, arginfo_class_MailBridge_Mailer_setFrom, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, addAddress, arginfo_class_MailBridge_Mailer_addAddress, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, addCC, arginfo_class_MailBridge_Mailer_addCC, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, addBCC, arginfo_class_MailBridge_Mailer_addBCC, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, addReplyTo, arginfo_class_MailBridge_Mailer_addReplyTo, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, addAttachment, arginfo_class_MailBridge_Mailer_addAttachment, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, addStringAttachment, arginfo_class_MailBridge_Mailer_addStringAttachment, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, addEmbeddedImage, arginfo_class_MailBridge_Mailer_addEmbeddedImage, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, addStringEmbeddedImage, arginfo_class_MailBridge_Mailer_addStringEmbeddedImage, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, addCustomHeader, arginfo_class_MailBridge_Mailer_addCustomHeader, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, clearAddresses, arginfo_class_MailBridge_Mailer_clearAddresses, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, clearCCs, arginfo_class_MailBridge_Mailer_clearCCs, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, clearBCCs, arginfo_class_MailBridge_Mailer_clearBCCs, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, clearReplyTos, arginfo_class_MailBridge_Mailer_clearReplyTos, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, clearAllRecipients, arginfo_class_MailBridge_Mailer_clearAllRecipients, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, clearAttachments, arginfo_class_MailBridge_Mailer_clearAttachments, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, clearCustomHeaders, arginfo_class_MailBridge_Mailer_clearCustomHeaders, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, msgHTML, arginfo_class_MailBridge_Mailer_msgHTML, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, isError, arginfo_class_MailBridge_Mailer_isError, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, setLanguage, arginfo_class_MailBridge_Mailer_setLanguage, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, createHeader, arginfo_class_MailBridge_Mailer_createHeader, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, createBody, arginfo_class_MailBridge_Mailer_createBody, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, getSentMIMEMessage, arginfo_class_MailBridge_Mailer_getSentMIMEMessage, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, getLastMessageID, arginfo_class_MailBridge_Mailer_getLastMessageID, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Mailer, setError, arginfo_class_MailBridge_Mailer_setError, ZEND_ACC_PROTECTED)
	ZEND_FE_END
};


static const zend_function_entry class_MailBridge_MailerException_methods[] = {
	ZEND_ME(MailBridge_MailerException, errorMessage, arginfo_class_MailBridge_MailerException_errorMessage, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_MailBridge_Mailer(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "MailBridge", "Mailer", class_MailBridge_Mailer_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);

	zval const_STOP_MESSAGE_value;
	ZVAL_LONG(&const_STOP_MESSAGE_value, 0);
	zend_string *const_STOP_MESSAGE_name = zend_string_init_interned("STOP_MESSAGE", sizeof("STOP_MESSAGE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_STOP_MESSAGE_name, &const_STOP_MESSAGE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_STOP_MESSAGE_name);

	zval const_STOP_CONTINUE_value;
	ZVAL_LONG(&const_STOP_CONTINUE_value, 1);
	zend_string *const_STOP_CONTINUE_name = zend_string_init_interned("STOP_CONTINUE", sizeof("STOP_CONTINUE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_STOP_CONTINUE_name, &const_STOP_CONTINUE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_STOP_CONTINUE_name);

	zval const_STOP_CRITICAL_value;
	ZVAL_LONG(&const_STOP_CRITICAL_value, 2);
	zend_string *const_STOP_CRITICAL_name = zend_string_init_interned("STOP_CRITICAL", sizeof("STOP_CRITICAL") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_STOP_CRITICAL_name, &const_STOP_CRITICAL_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_STOP_CRITICAL_name);

	zval const_CHARSET_ASCII_value;
	zend_string *const_CHARSET_ASCII_value_str = zend_string_init("us-ascii", strlen("us-ascii"), 1);
	ZVAL_STR(&const_CHARSET_ASCII_value, const_CHARSET_ASCII_value_str);
	zend_string *const_CHARSET_ASCII_name = zend_string_init_interned("CHARSET_ASCII", sizeof("CHARSET_ASCII") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_CHARSET_ASCII_name, &const_CHARSET_ASCII_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_CHARSET_ASCII_name);

	zval const_CHARSET_ISO88591_value;
	zend_string *const_CHARSET_ISO88591_value_str = zend_string_init("iso-8859-1", strlen("iso-8859-1"), 1);
	ZVAL_STR(&const_CHARSET_ISO88591_value, const_CHARSET_ISO88591_value_str);
	zend_string *const_CHARSET_ISO88591_name = zend_string_init_interned("CHARSET_ISO88591", sizeof("CHARSET_ISO88591") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_CHARSET_ISO88591_name, &const_CHARSET_ISO88591_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_CHARSET_ISO88591_name);

	zval const_CHARSET_UTF8_value;
	zend_string *const_CHARSET_UTF8_value_str = zend_string_init("utf-8", strlen("utf-8"), 1);
	ZVAL_STR(&const_CHARSET_UTF8_value, const_CHARSET_UTF8_value_str);
	zend_string *const_CHARSET_UTF8_name = zend_string_init_interned("CHARSET_UTF8", sizeof("CHARSET_UTF8") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_CHARSET_UTF8_name, &const_CHARSET_UTF8_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_CHARSET_UTF8_name);

	zval const_CONTENT_TYPE_PLAINTEXT_value;
	zend_string *const_CONTENT_TYPE_PLAINTEXT_value_str = zend_string_init("text/plain", strlen("text/plain"), 1);
	ZVAL_STR(&const_CONTENT_TYPE_PLAINTEXT_value, const_CONTENT_TYPE_PLAINTEXT_value_str);
	zend_string *const_CONTENT_TYPE_PLAINTEXT_name = zend_string_init_interned("CONTENT_TYPE_PLAINTEXT", sizeof("CONTENT_TYPE_PLAINTEXT") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_CONTENT_TYPE_PLAINTEXT_name, &const_CONTENT_TYPE_PLAINTEXT_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_CONTENT_TYPE_PLAINTEXT_name);

	zval const_CONTENT_TYPE_TEXT_HTML_value;
	zend_string *const_CONTENT_TYPE_TEXT_HTML_value_str = zend_string_init("text/html", strlen("text/html"), 1);
	ZVAL_STR(&const_CONTENT_TYPE_TEXT_HTML_value, const_CONTENT_TYPE_TEXT_HTML_value_str);
	zend_string *const_CONTENT_TYPE_TEXT_HTML_name = zend_string_init_interned("CONTENT_TYPE_TEXT_HTML", sizeof("CONTENT_TYPE_TEXT_HTML") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_CONTENT_TYPE_TEXT_HTML_name, &const_CONTENT_TYPE_TEXT_HTML_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_CONTENT_TYPE_TEXT_HTML_name);

	zval const_CONTENT_TYPE_MULTIPART_ALTERNATIVE_value;
	zend_string *const_CONTENT_TYPE_MULTIPART_ALTERNATIVE_value_str = zend_string_init("multipart/alternative", strlen("multipart/alternative"), 1);
	ZVAL_STR(&const_CONTENT_TYPE_MULTIPART_ALTERNATIVE_value, const_CONTENT_TYPE_MULTIPART_ALTERNATIVE_value_str);
	zend_string *const_CONTENT_TYPE_MULTIPART_ALTERNATIVE_name = zend_string_init_interned("CONTENT_TYPE_MULTIPART_ALTERNATIVE", sizeof("CONTENT_TYPE_MULTIPART_ALTERNATIVE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_CONTENT_TYPE_MULTIPART_ALTERNATIVE_name, &const_CONTENT_TYPE_MULTIPART_ALTERNATIVE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_CONTENT_TYPE_MULTIPART_ALTERNATIVE_name);

	zval const_ENCODING_7BIT_value;
	zend_string *const_ENCODING_7BIT_value_str = zend_string_init("7bit", strlen("7bit"), 1);
	ZVAL_STR(&const_ENCODING_7BIT_value, const_ENCODING_7BIT_value_str);
	zend_string *const_ENCODING_7BIT_name = zend_string_init_interned("ENCODING_7BIT", sizeof("ENCODING_7BIT") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_ENCODING_7BIT_name, &const_ENCODING_7BIT_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_ENCODING_7BIT_name);

	zval const_ENCODING_8BIT_value;
	zend_string *const_ENCODING_8BIT_value_str = zend_string_init("8bit", strlen("8bit"), 1);
	ZVAL_STR(&const_ENCODING_8BIT_value, const_ENCODING_8BIT_value_str);
	zend_string *const_ENCODING_8BIT_name = zend_string_init_interned("ENCODING_8BIT", sizeof("ENCODING_8BIT") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_ENCODING_8BIT_name, &const_ENCODING_8BIT_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_ENCODING_8BIT_name);

	zval const_ENCODING_BASE64_value;
	zend_string *const_ENCODING_BASE64_value_str = zend_string_init("base64", strlen("base64"), 1);
	ZVAL_STR(&const_ENCODING_BASE64_value, const_ENCODING_BASE64_value_str);
	zend_string *const_ENCODING_BASE64_name = zend_string_init_interned("ENCODING_BASE64", sizeof("ENCODING_BASE64") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_ENCODING_BASE64_name, &const_ENCODING_BASE64_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_ENCODING_BASE64_name);

	zval const_ENCODING_BINARY_value;
	zend_string *const_ENCODING_BINARY_value_str = zend_string_init("binary", strlen("binary"), 1);
	ZVAL_STR(&const_ENCODING_BINARY_value, const_ENCODING_BINARY_value_str);
	zend_string *const_ENCODING_BINARY_name = zend_string_init_interned("ENCODING_BINARY", sizeof("ENCODING_BINARY") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_ENCODING_BINARY_name, &const_ENCODING_BINARY_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_ENCODING_BINARY_name);

	zval const_ENCODING_QUOTED_PRINTABLE_value;
	zend_string *const_ENCODING_QUOTED_PRINTABLE_value_str = zend_string_init("quoted-printable", strlen("quoted-printable"), 1);
	ZVAL_STR(&const_ENCODING_QUOTED_PRINTABLE_value, const_ENCODING_QUOTED_PRINTABLE_value_str);
	zend_string *const_ENCODING_QUOTED_PRINTABLE_name = zend_string_init_interned("ENCODING_QUOTED_PRINTABLE", sizeof("ENCODING_QUOTED_PRINTABLE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_ENCODING_QUOTED_PRINTABLE_name, &const_ENCODING_QUOTED_PRINTABLE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_ENCODING_QUOTED_PRINTABLE_name);

	zval const_ENCRYPTION_STARTTLS_value;
	zend_string *const_ENCRYPTION_STARTTLS_value_str = zend_string_init("tls", strlen("tls"), 1);
	ZVAL_STR(&const_ENCRYPTION_STARTTLS_value, const_ENCRYPTION_STARTTLS_value_str);
	zend_string *const_ENCRYPTION_STARTTLS_name = zend_string_init_interned("ENCRYPTION_STARTTLS", sizeof("ENCRYPTION_STARTTLS") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_ENCRYPTION_STARTTLS_name, &const_ENCRYPTION_STARTTLS_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_ENCRYPTION_STARTTLS_name);

	zval const_ENCRYPTION_SMTPS_value;
	zend_string *const_ENCRYPTION_SMTPS_value_str = zend_string_init("ssl", strlen("ssl"), 1);
	ZVAL_STR(&const_ENCRYPTION_SMTPS_value, const_ENCRYPTION_SMTPS_value_str);
	zend_string *const_ENCRYPTION_SMTPS_name = zend_string_init_interned("ENCRYPTION_SMTPS", sizeof("ENCRYPTION_SMTPS") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_ENCRYPTION_SMTPS_name, &const_ENCRYPTION_SMTPS_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_ENCRYPTION_SMTPS_name);

	zval property_Priority_default_value;
	ZVAL_NULL(&property_Priority_default_value);
	zend_string *property_Priority_name = zend_string_init("Priority", sizeof("Priority") - 1, 1);
	zend_declare_property_ex(class_entry, property_Priority_name, &property_Priority_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_Priority_name);

	zval property_CharSet_default_value;
	zend_string *property_CharSet_default_value_str = zend_string_init("iso-8859-1", strlen("iso-8859-1"), 1);
	ZVAL_STR(&property_CharSet_default_value, property_CharSet_default_value_str);
	zend_string *property_CharSet_name = zend_string_init("CharSet", sizeof("CharSet") - 1, 1);
	zend_declare_property_ex(class_entry, property_CharSet_name, &property_CharSet_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_CharSet_name);

	zval property_ContentType_default_value;
	zend_string *property_ContentType_default_value_str = zend_string_init("text/plain", strlen("text/plain"), 1);
	ZVAL_STR(&property_ContentType_default_value, property_ContentType_default_value_str);
	zend_string *property_ContentType_name = zend_string_init("ContentType", sizeof("ContentType") - 1, 1);
	zend_declare_property_ex(class_entry, property_ContentType_name, &property_ContentType_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_ContentType_name);

	zval property_Encoding_default_value;
	zend_string *property_Encoding_default_value_str = zend_string_init("8bit", strlen("8bit"), 1);
	ZVAL_STR(&property_Encoding_default_value, property_Encoding_default_value_str);
	zend_string *property_Encoding_name = zend_string_init("Encoding", sizeof("Encoding") - 1, 1);
	zend_declare_property_ex(class_entry, property_Encoding_name, &property_Encoding_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_Encoding_name);

	zval property_ErrorInfo_default_value;
	ZVAL_EMPTY_STRING(&property_ErrorInfo_default_value);
	zend_string *property_ErrorInfo_name = zend_string_init("ErrorInfo", sizeof("ErrorInfo") - 1, 1);
	zend_declare_property_ex(class_entry, property_ErrorInfo_name, &property_ErrorInfo_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_ErrorInfo_name);

	zval property_From_default_value;
	ZVAL_EMPTY_STRING(&property_From_default_value);
	zend_string *property_From_name = zend_string_init("From", sizeof("From") - 1, 1);
	zend_declare_property_ex(class_entry, property_From_name, &property_From_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_From_name);

	zval property_FromName_default_value;
	ZVAL_EMPTY_STRING(&property_FromName_default_value);
	zend_string *property_FromName_name = zend_string_init("FromName", sizeof("FromName") - 1, 1);
	zend_declare_property_ex(class_entry, property_FromName_name, &property_FromName_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_FromName_name);

	zval property_Sender_default_value;
	ZVAL_EMPTY_STRING(&property_Sender_default_value);
	zend_string *property_Sender_name = zend_string_init("Sender", sizeof("Sender") - 1, 1);
	zend_declare_property_ex(class_entry, property_Sender_name, &property_Sender_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_Sender_name);

	zval property_Subject_default_value;
	ZVAL_EMPTY_STRING(&property_Subject_default_value);
	zend_string *property_Subject_name = zend_string_init("Subject", sizeof("Subject") - 1, 1);
	zend_declare_property_ex(class_entry, property_Subject_name, &property_Subject_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_Subject_name);

	zval property_Body_default_value;
	ZVAL_EMPTY_STRING(&property_Body_default_value);
	zend_string *property_Body_name = zend_string_init("Body", sizeof("Body") - 1, 1);
	zend_declare_property_ex(class_entry, property_Body_name, &property_Body_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_Body_name);

	zval property_AltBody_default_value;
	ZVAL_EMPTY_STRING(&property_AltBody_default_value);
	zend_string *property_AltBody_name = zend_string_init("AltBody", sizeof("AltBody") - 1, 1);
	zend_declare_property_ex(class_entry, property_AltBody_name, &property_AltBody_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_AltBody_name);

	zval property_WordWrap_default_value;
	ZVAL_LONG(&property_WordWrap_default_value, 0);
	zend_string *property_WordWrap_name = zend_string_init("WordWrap", sizeof("WordWrap") - 1, 1);
	zend_declare_property_ex(class_entry, property_WordWrap_name, &property_WordWrap_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_WordWrap_name);

	zval property_Mailer_default_value;
	zend_string *property_Mailer_default_value_str = zend_string_init("mail", strlen("mail"), 1);
	ZVAL_STR(&property_Mailer_default_value, property_Mailer_default_value_str);
	zend_string *property_Mailer_name = zend_string_init("Mailer", sizeof("Mailer") - 1, 1);
	zend_declare_property_ex(class_entry, property_Mailer_name, &property_Mailer_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_Mailer_name);

	zval property_ConfirmReadingTo_default_value;
	ZVAL_EMPTY_STRING(&property_ConfirmReadingTo_default_value);
	zend_string *property_ConfirmReadingTo_name = zend_string_init("ConfirmReadingTo", sizeof("ConfirmReadingTo") - 1, 1);
	zend_declare_property_ex(class_entry, property_ConfirmReadingTo_name, &property_ConfirmReadingTo_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_ConfirmReadingTo_name);

	zval property_Hostname_default_value;
	ZVAL_EMPTY_STRING(&property_Hostname_default_value);
	zend_string *property_Hostname_name = zend_string_init("Hostname", sizeof("Hostname") - 1, 1);
	zend_declare_property_ex(class_entry, property_Hostname_name, &property_Hostname_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_Hostname_name);

	zval property_MessageID_default_value;
	ZVAL_EMPTY_STRING(&property_MessageID_default_value);
	zend_string *property_MessageID_name = zend_string_init("MessageID", sizeof("MessageID") - 1, 1);
	zend_declare_property_ex(class_entry, property_MessageID_name, &property_MessageID_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_MessageID_name);

	zval property_Host_default_value;
	zend_string *property_Host_default_value_str = zend_string_init("localhost", strlen("localhost"), 1);
	ZVAL_STR(&property_Host_default_value, property_Host_default_value_str);
	zend_string *property_Host_name = zend_string_init("Host", sizeof("Host") - 1, 1);
	zend_declare_property_ex(class_entry, property_Host_name, &property_Host_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_Host_name);

	zval property_Port_default_value;
	ZVAL_LONG(&property_Port_default_value, 25);
	zend_string *property_Port_name = zend_string_init("Port", sizeof("Port") - 1, 1);
	zend_declare_property_ex(class_entry, property_Port_name, &property_Port_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_Port_name);

	zval property_Helo_default_value;
	ZVAL_EMPTY_STRING(&property_Helo_default_value);
	zend_string *property_Helo_name = zend_string_init("Helo", sizeof("Helo") - 1, 1);
	zend_declare_property_ex(class_entry, property_Helo_name, &property_Helo_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_Helo_name);

	zval property_SMTPSecure_default_value;
	ZVAL_EMPTY_STRING(&property_SMTPSecure_default_value);
	zend_string *property_SMTPSecure_name = zend_string_init("SMTPSecure", sizeof("SMTPSecure") - 1, 1);
	zend_declare_property_ex(class_entry, property_SMTPSecure_name, &property_SMTPSecure_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_SMTPSecure_name);

	zval property_SMTPAutoTLS_default_value;
	ZVAL_TRUE(&property_SMTPAutoTLS_default_value);
	zend_string *property_SMTPAutoTLS_name = zend_string_init("SMTPAutoTLS", sizeof("SMTPAutoTLS") - 1, 1);
	zend_declare_property_ex(class_entry, property_SMTPAutoTLS_name, &property_SMTPAutoTLS_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_SMTPAutoTLS_name);

	zval property_SMTPAuth_default_value;
	ZVAL_FALSE(&property_SMTPAuth_default_value);
	zend_string *property_SMTPAuth_name = zend_string_init("SMTPAuth", sizeof("SMTPAuth") - 1, 1);
	zend_declare_property_ex(class_entry, property_SMTPAuth_name, &property_SMTPAuth_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_SMTPAuth_name);

	zval property_SMTPOptions_default_value;
	ZVAL_EMPTY_ARRAY(&property_SMTPOptions_default_value);
	zend_string *property_SMTPOptions_name = zend_string_init("SMTPOptions", sizeof("SMTPOptions") - 1, 1);
	zend_declare_property_ex(class_entry, property_SMTPOptions_name, &property_SMTPOptions_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_SMTPOptions_name);

	zval property_Username_default_value;
	ZVAL_EMPTY_STRING(&property_Username_default_value);
	zend_string *property_Username_name = zend_string_init("Username", sizeof("Username") - 1, 1);
	zend_declare_property_ex(class_entry, property_Username_name, &property_Username_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_Username_name);

	zval property_Password_default_value;
	ZVAL_EMPTY_STRING(&property_Password_default_value);
	zend_string *property_Password_name = zend_string_init("Password", sizeof("Password") - 1, 1);
	zend_declare_property_ex(class_entry, property_Password_name, &property_Password_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_Password_name);

	zval property_AuthType_default_value;
	ZVAL_EMPTY_STRING(&property_AuthType_default_value);
	zend_string *property_AuthType_name = zend_string_init("AuthType", sizeof("AuthType") - 1, 1);
	zend_declare_property_ex(class_entry, property_AuthType_name, &property_AuthType_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_AuthType_name);

	zval property_Timeout_default_value;
	ZVAL_LONG(&property_Timeout_default_value, 300);
	zend_string *property_Timeout_name = zend_string_init("Timeout", sizeof("Timeout") - 1, 1);
	zend_declare_property_ex(class_entry, property_Timeout_name, &property_Timeout_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_Timeout_name);

	zval property_SMTPDebug_default_value;
	ZVAL_LONG(&property_SMTPDebug_default_value, 0);
	zend_string *property_SMTPDebug_name = zend_string_init("SMTPDebug", sizeof("SMTPDebug") - 1, 1);
	zend_declare_property_ex(class_entry, property_SMTPDebug_name, &property_SMTPDebug_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_SMTPDebug_name);

	zval property_Debugoutput_default_value;
	zend_string *property_Debugoutput_default_value_str = zend_string_init("echo", strlen("echo"), 1);
	ZVAL_STR(&property_Debugoutput_default_value, property_Debugoutput_default_value_str);
	zend_string *property_Debugoutput_name = zend_string_init("Debugoutput", sizeof("Debugoutput") - 1, 1);
	zend_declare_property_ex(class_entry, property_Debugoutput_name, &property_Debugoutput_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_Debugoutput_name);

	zval property_SMTPKeepAlive_default_value;
	ZVAL_FALSE(&property_SMTPKeepAlive_default_value);
	zend_string *property_SMTPKeepAlive_name = zend_string_init("SMTPKeepAlive", sizeof("SMTPKeepAlive") - 1, 1);
	zend_declare_property_ex(class_entry, property_SMTPKeepAlive_name, &property_SMTPKeepAlive_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_SMTPKeepAlive_name);

	zval property_XMailer_default_value;
	ZVAL_EMPTY_STRING(&property_XMailer_default_value);
	zend_string *property_XMailer_name = zend_string_init("XMailer", sizeof("XMailer") - 1, 1);
	zend_declare_property_ex(class_entry, property_XMailer_name, &property_XMailer_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_XMailer_name);

	zval property_DKIM_selector_default_value;
	ZVAL_EMPTY_STRING(&property_DKIM_selector_default_value);
	zend_string *property_DKIM_selector_name = zend_string_init("DKIM_selector", sizeof("DKIM_selector") - 1, 1);
	zend_declare_property_ex(class_entry, property_DKIM_selector_name, &property_DKIM_selector_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_DKIM_selector_name);

	zval property_DKIM_identity_default_value;
	ZVAL_EMPTY_STRING(&property_DKIM_identity_default_value);
	zend_string *property_DKIM_identity_name = zend_string_init("DKIM_identity", sizeof("DKIM_identity") - 1, 1);
	zend_declare_property_ex(class_entry, property_DKIM_identity_name, &property_DKIM_identity_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_DKIM_identity_name);

	zval property_DKIM_passphrase_default_value;
	ZVAL_EMPTY_STRING(&property_DKIM_passphrase_default_value);
	zend_string *property_DKIM_passphrase_name = zend_string_init("DKIM_passphrase", sizeof("DKIM_passphrase") - 1, 1);
	zend_declare_property_ex(class_entry, property_DKIM_passphrase_name, &property_DKIM_passphrase_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_DKIM_passphrase_name);

	zval property_DKIM_domain_default_value;
	ZVAL_EMPTY_STRING(&property_DKIM_domain_default_value);
	zend_string *property_DKIM_domain_name = zend_string_init("DKIM_domain", sizeof("DKIM_domain") - 1, 1);
	zend_declare_property_ex(class_entry, property_DKIM_domain_name, &property_DKIM_domain_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_DKIM_domain_name);

	zval property_DKIM_private_default_value;
	ZVAL_EMPTY_STRING(&property_DKIM_private_default_value);
	zend_string *property_DKIM_private_name = zend_string_init("DKIM_private", sizeof("DKIM_private") - 1, 1);
	zend_declare_property_ex(class_entry, property_DKIM_private_name, &property_DKIM_private_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_DKIM_private_name);

	zval property_SMTPAllowPlaintextAuth_default_value;
	ZVAL_FALSE(&property_SMTPAllowPlaintextAuth_default_value);
	zend_string *property_SMTPAllowPlaintextAuth_name = zend_string_init("SMTPAllowPlaintextAuth", sizeof("SMTPAllowPlaintextAuth") - 1, 1);
	zend_declare_property_ex(class_entry, property_SMTPAllowPlaintextAuth_name, &property_SMTPAllowPlaintextAuth_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_SMTPAllowPlaintextAuth_name);

	zval property_attachment_default_value;
	ZVAL_EMPTY_ARRAY(&property_attachment_default_value);
	zend_string *property_attachment_name = zend_string_init("attachment", sizeof("attachment") - 1, 1);
	zend_declare_property_ex(class_entry, property_attachment_name, &property_attachment_default_value, ZEND_ACC_PROTECTED, NULL);
	zend_string_release(property_attachment_name);

	zval property_exceptions_default_value;
	ZVAL_FALSE(&property_exceptions_default_value);
	zend_string *property_exceptions_name = zend_string_init("exceptions", sizeof("exceptions") - 1, 1);
	zend_declare_property_ex(class_entry, property_exceptions_name, &property_exceptions_default_value, ZEND_ACC_PROTECTED, NULL);
	zend_string_release(property_exceptions_name);

	zval property_to_default_value;
	ZVAL_EMPTY_ARRAY(&property_to_default_value);
	zend_string *property_to_name = zend_string_init("to", sizeof("to") - 1, 1);
	zend_declare_property_ex(class_entry, property_to_name, &property_to_default_value, ZEND_ACC_PROTECTED, NULL);
	zend_string_release(property_to_name);

	zval property_cc_default_value;
	ZVAL_EMPTY_ARRAY(&property_cc_default_value);
	zend_string *property_cc_name = zend_string_init("cc", sizeof("cc") - 1, 1);
	zend_declare_property_ex(class_entry, property_cc_name, &property_cc_default_value, ZEND_ACC_PROTECTED, NULL);
	zend_string_release(property_cc_name);

	zval property_bcc_default_value;
	ZVAL_EMPTY_ARRAY(&property_bcc_default_value);
	zend_string *property_bcc_name = zend_string_init("bcc", sizeof("bcc") - 1, 1);
	zend_declare_property_ex(class_entry, property_bcc_name, &property_bcc_default_value, ZEND_ACC_PROTECTED, NULL);
	zend_string_release(property_bcc_name);

	zval property_ReplyTo_default_value;
	ZVAL_EMPTY_ARRAY(&property_ReplyTo_default_value);
	zend_string *property_ReplyTo_name = zend_string_init("ReplyTo", sizeof("ReplyTo") - 1, 1);
	zend_declare_property_ex(class_entry, property_ReplyTo_name, &property_ReplyTo_default_value, ZEND_ACC_PROTECTED, NULL);
	zend_string_release(property_ReplyTo_name);

	zval property_CustomHeader_default_value;
	ZVAL_EMPTY_ARRAY(&property_CustomHeader_default_value);
	zend_string *property_CustomHeader_name = zend_string_init("CustomHeader", sizeof("CustomHeader") - 1, 1);
	zend_declare_property_ex(class_entry, property_CustomHeader_name, &property_CustomHeader_default_value, ZEND_ACC_PROTECTED, NULL);
	zend_string_release(property_CustomHeader_name);

	zval property_MIMEHeader_default_value;
	ZVAL_EMPTY_STRING(&property_MIMEHeader_default_value);
	zend_string *property_MIMEHeader_name = zend_string_init("MIMEHeader", sizeof("MIMEHeader") - 1, 1);
	zend_declare_property_ex(class_entry, property_MIMEHeader_name, &property_MIMEHeader_default_value, ZEND_ACC_PROTECTED, NULL);
	zend_string_release(property_MIMEHeader_name);

	zval property_MIMEBody_default_value;
	ZVAL_EMPTY_STRING(&property_MIMEBody_default_value);
	zend_string *property_MIMEBody_name = zend_string_init("MIMEBody", sizeof("MIMEBody") - 1, 1);
	zend_declare_property_ex(class_entry, property_MIMEBody_name, &property_MIMEBody_default_value, ZEND_ACC_PROTECTED, NULL);
	zend_string_release(property_MIMEBody_name);

	zval property_lastMessageID_default_value;
	ZVAL_EMPTY_STRING(&property_lastMessageID_default_value);
	zend_string *property_lastMessageID_name = zend_string_init("lastMessageID", sizeof("lastMessageID") - 1, 1);
	zend_declare_property_ex(class_entry, property_lastMessageID_name, &property_lastMessageID_default_value, ZEND_ACC_PROTECTED, NULL);
	zend_string_release(property_lastMessageID_name);

	return class_entry;
}

static zend_class_entry *register_class_MailBridge_MailerException(zend_class_entry *class_entry_RuntimeException, zend_class_entry *class_entry_MailBridge_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "MailBridge", "MailerException", class_MailBridge_MailerException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_RuntimeException);
	class_entry->ce_flags |= ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
	zend_class_implements(class_entry, 1, class_entry_MailBridge_Exception);

	return class_entry;
}

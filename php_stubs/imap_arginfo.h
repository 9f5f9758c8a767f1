/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: d0a640a7da9f7acaa4232cf8f0052db8ec4cbaa3 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_MailBridge_ImapClient___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, options, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_ImapClient_connect, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_ImapClient_isConnected, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_ImapClient_capabilities, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_ImapClient_listMailboxes, 0, 0, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, pattern, IS_STRING, 0, "\"*\"")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, reference, IS_STRING, 0, "\"\"")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_MailBridge_ImapClient_status, 0, 1, MailBridge\\MailboxStatus, 0)
	ZEND_ARG_TYPE_INFO(0, mailbox, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_MailBridge_ImapClient_select, 0, 1, MailBridge\\MailboxInfo, 0)
	ZEND_ARG_TYPE_INFO(0, mailbox, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_ImapClient_examine arginfo_class_MailBridge_ImapClient_select

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_ImapClient_search, 0, 0, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO_WITH_DEFAULT_VALUE(0, criteria, MailBridge\\ImapSearch, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_ImapClient_fetch, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_MASK(0, uids, MAY_BE_LONG|MAY_BE_ARRAY, NULL)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, items, IS_ARRAY, 0, "[\"flags\", \"internalDate\", \"size\", \"envelope\", \"structure\"]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, sections, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, decode, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_ImapClient_streamSection, 0, 3, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, uid, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, section, IS_STRING, 0)
	ZEND_ARG_INFO(0, stream)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, decode, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_ImapClient_setFlags, 0, 2, IS_VOID, 0)
	ZEND_ARG_TYPE_MASK(0, uids, MAY_BE_LONG|MAY_BE_ARRAY, NULL)
	ZEND_ARG_TYPE_INFO(0, flags, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_ImapClient_clearFlags arginfo_class_MailBridge_ImapClient_setFlags

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_ImapClient_copy, 0, 2, IS_ARRAY, 1)
	ZEND_ARG_TYPE_MASK(0, uids, MAY_BE_LONG|MAY_BE_ARRAY, NULL)
	ZEND_ARG_TYPE_INFO(0, mailbox, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_ImapClient_move arginfo_class_MailBridge_ImapClient_copy

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_ImapClient_expunge, 0, 0, IS_LONG, 0)
	ZEND_ARG_TYPE_MASK(0, uids, MAY_BE_LONG|MAY_BE_ARRAY|MAY_BE_NULL, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_ImapClient_append, 0, 2, IS_LONG, 1)
	ZEND_ARG_TYPE_INFO(0, mailbox, IS_STRING, 0)
	ZEND_ARG_OBJ_TYPE_MASK(0, message, MailBridge\\Message, MAY_BE_STRING, NULL)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, flags, IS_ARRAY, 0, "[]")
	ZEND_ARG_OBJ_INFO_WITH_DEFAULT_VALUE(0, internalDate, DateTimeInterface, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_ImapClient_createMailbox, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, mailbox, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_ImapClient_renameMailbox, 0, 2, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, from, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, to, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_ImapClient_deleteMailbox arginfo_class_MailBridge_ImapClient_createMailbox

#define arginfo_class_MailBridge_ImapClient_subscribe arginfo_class_MailBridge_ImapClient_createMailbox

#define arginfo_class_MailBridge_ImapClient_unsubscribe arginfo_class_MailBridge_ImapClient_createMailbox

#define arginfo_class_MailBridge_ImapClient_noop arginfo_class_MailBridge_ImapClient_connect

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_ImapClient_idle, 0, 2, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, onEvent, IS_CALLABLE, 0)
	ZEND_ARG_TYPE_INFO(0, timeout, IS_DOUBLE, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_ImapClient_logout arginfo_class_MailBridge_ImapClient_connect

#define arginfo_class_MailBridge_ImapClient_close arginfo_class_MailBridge_ImapClient_connect

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_MailBridge_ImapSearch___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_ImapSearch_flag, 0, 1, IS_STATIC, 0)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_ImapSearch_from, 0, 1, IS_STATIC, 0)
	ZEND_ARG_TYPE_INFO(0, value, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_ImapSearch_to arginfo_class_MailBridge_ImapSearch_from

#define arginfo_class_MailBridge_ImapSearch_cc arginfo_class_MailBridge_ImapSearch_from

#define arginfo_class_MailBridge_ImapSearch_bcc arginfo_class_MailBridge_ImapSearch_from

#define arginfo_class_MailBridge_ImapSearch_subject arginfo_class_MailBridge_ImapSearch_from

#define arginfo_class_MailBridge_ImapSearch_body arginfo_class_MailBridge_ImapSearch_from

#define arginfo_class_MailBridge_ImapSearch_text arginfo_class_MailBridge_ImapSearch_from

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_ImapSearch_header, 0, 2, IS_STATIC, 0)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, value, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_ImapSearch_keyword, 0, 1, IS_STATIC, 0)
	ZEND_ARG_TYPE_INFO(0, keyword, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, present, _IS_BOOL, 0, "true")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_ImapSearch_since, 0, 1, IS_STATIC, 0)
	ZEND_ARG_OBJ_INFO(0, date, DateTimeInterface, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_ImapSearch_before arginfo_class_MailBridge_ImapSearch_since

#define arginfo_class_MailBridge_ImapSearch_on arginfo_class_MailBridge_ImapSearch_since

#define arginfo_class_MailBridge_ImapSearch_sentSince arginfo_class_MailBridge_ImapSearch_since

#define arginfo_class_MailBridge_ImapSearch_sentBefore arginfo_class_MailBridge_ImapSearch_since

#define arginfo_class_MailBridge_ImapSearch_sentOn arginfo_class_MailBridge_ImapSearch_since

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_ImapSearch_larger, 0, 1, IS_STATIC, 0)
	ZEND_ARG_TYPE_INFO(0, octets, IS_LONG, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_ImapSearch_smaller arginfo_class_MailBridge_ImapSearch_larger

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_ImapSearch_uids, 0, 1, IS_STATIC, 0)
	ZEND_ARG_TYPE_INFO(0, uids, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_ImapSearch_anyOf, 0, 2, IS_STATIC, 0)
	ZEND_ARG_OBJ_INFO(0, first, MailBridge\\ImapSearch, 0)
	ZEND_ARG_OBJ_INFO(0, second, MailBridge\\ImapSearch, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_ImapSearch_not, 0, 1, IS_STATIC, 0)
	ZEND_ARG_OBJ_INFO(0, query, MailBridge\\ImapSearch, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_Mailbox___construct arginfo_class_MailBridge_ImapSearch___construct

#define arginfo_class_MailBridge_MailboxStatus___construct arginfo_class_MailBridge_ImapSearch___construct

#define arginfo_class_MailBridge_MailboxInfo___construct arginfo_class_MailBridge_ImapSearch___construct

#define arginfo_class_MailBridge_ImapMessage___construct arginfo_class_MailBridge_ImapSearch___construct

#define arginfo_class_MailBridge_MimePart___construct arginfo_class_MailBridge_ImapSearch___construct

#define arginfo_class_MailBridge_ImapEvent___construct arginfo_class_MailBridge_ImapSearch___construct


ZEND_METHOD(MailBridge_ImapClient, __construct);
ZEND_METHOD(MailBridge_ImapClient, connect);
ZEND_METHOD(MailBridge_ImapClient, isConnected);
ZEND_METHOD(MailBridge_ImapClient, capabilities);
ZEND_METHOD(MailBridge_ImapClient, listMailboxes);
ZEND_METHOD(MailBridge_ImapClient, status);
ZEND_METHOD(MailBridge_ImapClient, select);
ZEND_METHOD(MailBridge_ImapClient, examine);
ZEND_METHOD(MailBridge_ImapClient, search);
ZEND_METHOD(MailBridge_ImapClient, fetch);
ZEND_METHOD(MailBridge_ImapClient, streamSection);
ZEND_METHOD(MailBridge_ImapClient, setFlags);
ZEND_METHOD(MailBridge_ImapClient, clearFlags);
ZEND_METHOD(MailBridge_ImapClient, copy);
ZEND_METHOD(MailBridge_ImapClient, move);
ZEND_METHOD(MailBridge_ImapClient, expunge);
ZEND_METHOD(MailBridge_ImapClient, append);
ZEND_METHOD(MailBridge_ImapClient, createMailbox);
ZEND_METHOD(MailBridge_ImapClient, renameMailbox);
ZEND_METHOD(MailBridge_ImapClient, deleteMailbox);
ZEND_METHOD(MailBridge_ImapClient, subscribe);
ZEND_METHOD(MailBridge_ImapClient, unsubscribe);
ZEND_METHOD(MailBridge_ImapClient, noop);
ZEND_METHOD(MailBridge_ImapClient, idle);
ZEND_METHOD(MailBridge_ImapClient, logout);
ZEND_METHOD(MailBridge_ImapClient, close);
ZEND_METHOD(MailBridge_ImapSearch, __construct);
ZEND_METHOD(MailBridge_ImapSearch, flag);
ZEND_METHOD(MailBridge_ImapSearch, from);
ZEND_METHOD(MailBridge_ImapSearch, to);
ZEND_METHOD(MailBridge_ImapSearch, cc);
ZEND_METHOD(MailBridge_ImapSearch, bcc);
ZEND_METHOD(MailBridge_ImapSearch, subject);
ZEND_METHOD(MailBridge_ImapSearch, body);
ZEND_METHOD(MailBridge_ImapSearch, text);
ZEND_METHOD(MailBridge_ImapSearch, header);
ZEND_METHOD(MailBridge_ImapSearch, keyword);
ZEND_METHOD(MailBridge_ImapSearch, since);
ZEND_METHOD(MailBridge_ImapSearch, before);
ZEND_METHOD(MailBridge_ImapSearch, on);
ZEND_METHOD(MailBridge_ImapSearch, sentSince);
ZEND_METHOD(MailBridge_ImapSearch, sentBefore);
ZEND_METHOD(MailBridge_ImapSearch, sentOn);
ZEND_METHOD(MailBridge_ImapSearch, larger);
ZEND_METHOD(MailBridge_ImapSearch, smaller);
ZEND_METHOD(MailBridge_ImapSearch, uids);
ZEND_METHOD(MailBridge_ImapSearch, anyOf);
ZEND_METHOD(MailBridge_ImapSearch, not);
ZEND_METHOD(MailBridge_Mailbox, __construct);
ZEND_METHOD(MailBridge_MailboxStatus, __construct);
ZEND_METHOD(MailBridge_MailboxInfo, __construct);
ZEND_METHOD(MailBridge_ImapMessage, __construct);
ZEND_METHOD(MailBridge_MimePart, __construct);
ZEND_METHOD(MailBridge_ImapEvent, __construct);


static const zend_function_entry class_MailBridge_ImapClient_methods[] = {
	ZEND_ME(MailBridge_ImapClient, __construct, arginfo_class_MailBridge_ImapClient___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapClient, connect, arginfo_class_MailBridge_ImapClient_connect, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapClient, isConnected, arginfo_class_MailBridge_ImapClient_isConnected, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapClient, capabilities, arginfo_class_MailBridge_ImapClient_capabilities, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapClient, listMailboxes, arginfo_class_MailBridge_ImapClient_listMailboxes, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapClient, status, arginfo_class_MailBridge_ImapClient_status, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapClient, select, arginfo_class_MailBridge_ImapClient_select, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapClient, examine, arginfo_class_MailBridge_ImapClient_examine, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapClient, search, arginfo_class_MailBridge_ImapClient_search, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapClient, fetch, arginfo_class_MailBridge_ImapClient_fetch, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapClient, streamSection, arginfo_class_MailBridge_ImapClient_streamSection, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapClient, setFlags, arginfo_class_MailBridge_ImapClient_setFlags, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapClient, clearFlags, arginfo_class_MailBridge_ImapClient_clearFlags, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapClient, copy, arginfo_class_MailBridge_ImapClient_copy, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapClient, move, arginfo_class_MailBridge_ImapClient_move, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapClient, expunge, arginfo_class_MailBridge_ImapClient_expunge, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapClient, append, arginfo_class_MailBridge_ImapClient_append, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapClient, createMailbox, arginfo_class_MailBridge_ImapClient_createMailbox, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapClient, renameMailbox, arginfo_class_MailBridge_ImapClient_renameMailbox, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapClient, deleteMailbox, arginfo_class_MailBridge_ImapClient_deleteMailbox, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapClient, subscribe, arginfo_class_MailBridge_ImapClient_subscribe, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapClient, unsubscribe, arginfo_class_MailBridge_ImapClient_unsubscribe, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapClient, noop, arginfo_class_MailBridge_ImapClient_noop, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapClient, idle, arginfo_class_MailBridge_ImapClient_idle, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapClient, logout, arginfo_class_MailBridge_ImapClient_logout, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapClient, close, arginfo_class_MailBridge_ImapClient_close, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_MailBridge_ImapSearch_methods[] = {
	ZEND_ME(MailBridge_ImapSearch, __construct, arginfo_class_MailBridge_ImapSearch___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapSearch, flag, arginfo_class_MailBridge_ImapSearch_flag, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapSearch, from, arginfo_class_MailBridge_ImapSearch_from, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapSearch, to, arginfo_class_MailBridge_ImapSearch_to, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapSearch, cc, arginfo_class_MailBridge_ImapSearch_cc, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapSearch, bcc, arginfo_class_MailBridge_ImapSearch_bcc, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapSearch, subject, arginfo_class_MailBridge_ImapSearch_subject, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapSearch, body, arginfo_class_MailBridge_ImapSearch_body, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapSearch, text, arginfo_class_MailBridge_ImapSearch_text, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapSearch, header, arginfo_class_MailBridge_ImapSearch_header, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapSearch, keyword, arginfo_class_MailBridge_ImapSearch_keyword, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapSearch, since, arginfo_class_MailBridge_ImapSearch_since, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapSearch, before, arginfo_class_MailBridge_ImapSearch_before, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapSearch, on, arginfo_class_MailBridge_ImapSearch_on, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapSearch, sentSince, arginfo_class_MailBridge_ImapSearch_sentSince, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapSearch, sentBefore, arginfo_class_MailBridge_ImapSearch_sentBefore, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapSearch, sentOn, arginfo_class_MailBridge_ImapSearch_sentOn, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapSearch, larger, arginfo_class_MailBridge_ImapSearch_larger, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapSearch, smaller, arginfo_class_MailBridge_ImapSearch_smaller, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapSearch, uids, arginfo_class_MailBridge_ImapSearch_uids, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapSearch, anyOf, arginfo_class_MailBridge_ImapSearch_anyOf, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_ImapSearch, not, arginfo_class_MailBridge_ImapSearch_not, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_MailBridge_Mailbox_methods[] = {
	ZEND_ME(MailBridge_Mailbox, __construct, arginfo_class_MailBridge_Mailbox___construct, ZEND_ACC_PRIVATE)
	ZEND_FE_END
};


static const zend_function_entry class_MailBridge_MailboxStatus_methods[] = {
	ZEND_ME(MailBridge_MailboxStatus, __construct, arginfo_class_MailBridge_MailboxStatus___construct, ZEND_ACC_PRIVATE)
	ZEND_FE_END
};


static const zend_function_entry class_MailBridge_MailboxInfo_methods[] = {
	ZEND_ME(MailBridge_MailboxInfo, __construct, arginfo_class_MailBridge_MailboxInfo___construct, ZEND_ACC_PRIVATE)
	ZEND_FE_END
};


static const zend_function_entry class_MailBridge_ImapMessage_methods[] = {
	ZEND_ME(MailBridge_ImapMessage, __construct, arginfo_class_MailBridge_ImapMessage___construct, ZEND_ACC_PRIVATE)
	ZEND_FE_END
};


static const zend_function_entry class_MailBridge_MimePart_methods[] = {
	ZEND_ME(MailBridge_MimePart, __construct, arginfo_class_MailBridge_MimePart___construct, ZEND_ACC_PRIVATE)
	ZEND_FE_END
};


static const zend_function_entry class_MailBridge_ImapEvent_methods[] = {
	ZEND_ME(MailBridge_ImapEvent, __construct, arginfo_class_MailBridge_ImapEvent___construct, ZEND_ACC_PRIVATE)
	ZEND_FE_END
};

static zend_class_entry *register_class_MailBridge_ImapClient(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "MailBridge", "ImapClient", class_MailBridge_ImapClient_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "__construct", sizeof("__construct") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}

static zend_class_entry *register_class_MailBridge_ImapSearch(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "MailBridge", "ImapSearch", class_MailBridge_ImapSearch_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

static zend_class_entry *register_class_MailBridge_Mailbox(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "MailBridge", "Mailbox", class_MailBridge_Mailbox_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	zval property_name_default_value;
	ZVAL_UNDEF(&property_name_default_value);
	zend_string *property_name_name = zend_string_init("name", sizeof("name") - 1, 1);
	zend_declare_typed_property(class_entry, property_name_name, &property_name_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_name_name);

	zval property_delimiter_default_value;
	ZVAL_UNDEF(&property_delimiter_default_value);
	zend_string *property_delimiter_name = zend_string_init("delimiter", sizeof("delimiter") - 1, 1);
	zend_declare_typed_property(class_entry, property_delimiter_name, &property_delimiter_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_delimiter_name);

	zval property_attributes_default_value;
	ZVAL_UNDEF(&property_attributes_default_value);
	zend_string *property_attributes_name = zend_string_init("attributes", sizeof("attributes") - 1, 1);
	zend_declare_typed_property(class_entry, property_attributes_name, &property_attributes_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_attributes_name);

	return class_entry;
}

static zend_class_entry *register_class_MailBridge_MailboxStatus(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "MailBridge", "MailboxStatus", class_MailBridge_MailboxStatus_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	zval property_name_default_value;
	ZVAL_UNDEF(&property_name_default_value);
	zend_string *property_name_name = zend_string_init("name", sizeof("name") - 1, 1);
	zend_declare_typed_property(class_entry, property_name_name, &property_name_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_name_name);

	zval property_messages_default_value;
	ZVAL_UNDEF(&property_messages_default_value);
	zend_string *property_messages_name = zend_string_init("messages", sizeof("messages") - 1, 1);
	zend_declare_typed_property(class_entry, property_messages_name, &property_messages_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_messages_name);

	zval property_recent_default_value;
	ZVAL_UNDEF(&property_recent_default_value);
	zend_string *property_recent_name = zend_string_init("recent", sizeof("recent") - 1, 1);
	zend_declare_typed_property(class_entry, property_recent_name, &property_recent_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_recent_name);

	zval property_unseen_default_value;
	ZVAL_UNDEF(&property_unseen_default_value);
	zend_string *property_unseen_name = zend_string_init("unseen", sizeof("unseen") - 1, 1);
	zend_declare_typed_property(class_entry, property_unseen_name, &property_unseen_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_unseen_name);

	zval property_uidNext_default_value;
	ZVAL_UNDEF(&property_uidNext_default_value);
	zend_string *property_uidNext_name = zend_string_init("uidNext", sizeof("uidNext") - 1, 1);
	zend_declare_typed_property(class_entry, property_uidNext_name, &property_uidNext_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_uidNext_name);

	zval property_uidValidity_default_value;
	ZVAL_UNDEF(&property_uidValidity_default_value);
	zend_string *property_uidValidity_name = zend_string_init("uidValidity", sizeof("uidValidity") - 1, 1);
	zend_declare_typed_property(class_entry, property_uidValidity_name, &property_uidValidity_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_uidValidity_name);

	return class_entry;
}

static zend_class_entry *register_class_MailBridge_MailboxInfo(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "MailBridge", "MailboxInfo", class_MailBridge_MailboxInfo_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	zval property_name_default_value;
	ZVAL_UNDEF(&property_name_default_value);
	zend_string *property_name_name = zend_string_init("name", sizeof("name") - 1, 1);
	zend_declare_typed_property(class_entry, property_name_name, &property_name_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_name_name);

	zval property_exists_default_value;
	ZVAL_UNDEF(&property_exists_default_value);
	zend_string *property_exists_name = zend_string_init("exists", sizeof("exists") - 1, 1);
	zend_declare_typed_property(class_entry, property_exists_name, &property_exists_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_exists_name);

	zval property_recent_default_value;
	ZVAL_UNDEF(&property_recent_default_value);
	zend_string *property_recent_name = zend_string_init("recent", sizeof("recent") - 1, 1);
	zend_declare_typed_property(class_entry, property_recent_name, &property_recent_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_recent_name);

	zval property_uidValidity_default_value;
	ZVAL_UNDEF(&property_uidValidity_default_value);
	zend_string *property_uidValidity_name = zend_string_init("uidValidity", sizeof("uidValidity") - 1, 1);
	zend_declare_typed_property(class_entry, property_uidValidity_name, &property_uidValidity_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_uidValidity_name);

	zval property_uidNext_default_value;
	ZVAL_UNDEF(&property_uidNext_default_value);
	zend_string *property_uidNext_name = zend_string_init("uidNext", sizeof("uidNext") - 1, 1);
	zend_declare_typed_property(class_entry, property_uidNext_name, &property_uidNext_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_uidNext_name);

	zval property_firstUnseen_default_value;
	ZVAL_UNDEF(&property_firstUnseen_default_value);
	zend_string *property_firstUnseen_name = zend_string_init("firstUnseen", sizeof("firstUnseen") - 1, 1);
	zend_declare_typed_property(class_entry, property_firstUnseen_name, &property_firstUnseen_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_firstUnseen_name);

	zval property_flags_default_value;
	ZVAL_UNDEF(&property_flags_default_value);
	zend_string *property_flags_name = zend_string_init("flags", sizeof("flags") - 1, 1);
	zend_declare_typed_property(class_entry, property_flags_name, &property_flags_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_flags_name);

	zval property_permanentFlags_default_value;
	ZVAL_UNDEF(&property_permanentFlags_default_value);
	zend_string *property_permanentFlags_name = zend_string_init("permanentFlags", sizeof("permanentFlags") - 1, 1);
	zend_declare_typed_property(class_entry, property_permanentFlags_name, &property_permanentFlags_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_permanentFlags_name);

	zval property_readOnly_default_value;
	ZVAL_UNDEF(&property_readOnly_default_value);
	zend_string *property_readOnly_name = zend_string_init("readOnly", sizeof("readOnly") - 1, 1);
	zend_declare_typed_property(class_entry, property_readOnly_name, &property_readOnly_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_BOOL));
	zend_string_release(property_readOnly_name);

	return class_entry;
}

static zend_class_entry *register_class_MailBridge_ImapMessage(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "MailBridge", "ImapMessage", class_MailBridge_ImapMessage_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	zval property_uid_default_value;
	ZVAL_UNDEF(&property_uid_default_value);
	zend_string *property_uid_name = zend_string_init("uid", sizeof("uid") - 1, 1);
	zend_declare_typed_property(class_entry, property_uid_name, &property_uid_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_uid_name);

	zval property_sequence_default_value;
	ZVAL_UNDEF(&property_sequence_default_value);
	zend_string *property_sequence_name = zend_string_init("sequence", sizeof("sequence") - 1, 1);
	zend_declare_typed_property(class_entry, property_sequence_name, &property_sequence_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_sequence_name);

	zval property_flags_default_value;
	ZVAL_UNDEF(&property_flags_default_value);
	zend_string *property_flags_name = zend_string_init("flags", sizeof("flags") - 1, 1);
	zend_declare_typed_property(class_entry, property_flags_name, &property_flags_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY|MAY_BE_NULL));
	zend_string_release(property_flags_name);

	zend_string *property_internalDate_class_DateTimeImmutable = zend_string_init("DateTimeImmutable", sizeof("DateTimeImmutable")-1, 1);
	zval property_internalDate_default_value;
	ZVAL_UNDEF(&property_internalDate_default_value);
	zend_string *property_internalDate_name = zend_string_init("internalDate", sizeof("internalDate") - 1, 1);
	zend_declare_typed_property(class_entry, property_internalDate_name, &property_internalDate_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_CLASS(property_internalDate_class_DateTimeImmutable, 0, MAY_BE_NULL));
	zend_string_release(property_internalDate_name);

	zval property_size_default_value;
	ZVAL_UNDEF(&property_size_default_value);
	zend_string *property_size_name = zend_string_init("size", sizeof("size") - 1, 1);
	zend_declare_typed_property(class_entry, property_size_name, &property_size_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_size_name);

	zval property_envelope_default_value;
	ZVAL_UNDEF(&property_envelope_default_value);
	zend_string *property_envelope_name = zend_string_init("envelope", sizeof("envelope") - 1, 1);
	zend_declare_typed_property(class_entry, property_envelope_name, &property_envelope_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY|MAY_BE_NULL));
	zend_string_release(property_envelope_name);

	zend_string *property_structure_class_MailBridge_MimePart = zend_string_init("MailBridge\\MimePart", sizeof("MailBridge\\MimePart")-1, 1);
	zval property_structure_default_value;
	ZVAL_UNDEF(&property_structure_default_value);
	zend_string *property_structure_name = zend_string_init("structure", sizeof("structure") - 1, 1);
	zend_declare_typed_property(class_entry, property_structure_name, &property_structure_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_CLASS(property_structure_class_MailBridge_MimePart, 0, MAY_BE_NULL));
	zend_string_release(property_structure_name);

	zval property_sections_default_value;
	ZVAL_UNDEF(&property_sections_default_value);
	zend_string *property_sections_name = zend_string_init("sections", sizeof("sections") - 1, 1);
	zend_declare_typed_property(class_entry, property_sections_name, &property_sections_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_sections_name);

	return class_entry;
}

static zend_class_entry *register_class_MailBridge_MimePart(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "MailBridge", "MimePart", class_MailBridge_MimePart_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	zval property_type_default_value;
	ZVAL_UNDEF(&property_type_default_value);
	zend_string *property_type_name = zend_string_init("type", sizeof("type") - 1, 1);
	zend_declare_typed_property(class_entry, property_type_name, &property_type_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_type_name);

	zval property_subtype_default_value;
	ZVAL_UNDEF(&property_subtype_default_value);
	zend_string *property_subtype_name = zend_string_init("subtype", sizeof("subtype") - 1, 1);
	zend_declare_typed_property(class_entry, property_subtype_name, &property_subtype_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_subtype_name);

	zval property_parameters_default_value;
	ZVAL_UNDEF(&property_parameters_default_value);
	zend_string *property_parameters_name = zend_string_init("parameters", sizeof("parameters") - 1, 1);
	zend_declare_typed_property(class_entry, property_parameters_name, &property_parameters_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_parameters_name);

	zval property_id_default_value;
	ZVAL_UNDEF(&property_id_default_value);
	zend_string *property_id_name = zend_string_init("id", sizeof("id") - 1, 1);
	zend_declare_typed_property(class_entry, property_id_name, &property_id_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_id_name);

	zval property_description_default_value;
	ZVAL_UNDEF(&property_description_default_value);
	zend_string *property_description_name = zend_string_init("description", sizeof("description") - 1, 1);
	zend_declare_typed_property(class_entry, property_description_name, &property_description_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_description_name);

	zval property_encoding_default_value;
	ZVAL_UNDEF(&property_encoding_default_value);
	zend_string *property_encoding_name = zend_string_init("encoding", sizeof("encoding") - 1, 1);
	zend_declare_typed_property(class_entry, property_encoding_name, &property_encoding_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_encoding_name);

	zval property_size_default_value;
	ZVAL_UNDEF(&property_size_default_value);
	zend_string *property_size_name = zend_string_init("size", sizeof("size") - 1, 1);
	zend_declare_typed_property(class_entry, property_size_name, &property_size_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_size_name);

	zval property_lines_default_value;
	ZVAL_UNDEF(&property_lines_default_value);
	zend_string *property_lines_name = zend_string_init("lines", sizeof("lines") - 1, 1);
	zend_declare_typed_property(class_entry, property_lines_name, &property_lines_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_lines_name);

	zval property_disposition_default_value;
	ZVAL_UNDEF(&property_disposition_default_value);
	zend_string *property_disposition_name = zend_string_init("disposition", sizeof("disposition") - 1, 1);
	zend_declare_typed_property(class_entry, property_disposition_name, &property_disposition_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_disposition_name);

	zval property_dispositionParameters_default_value;
	ZVAL_UNDEF(&property_dispositionParameters_default_value);
	zend_string *property_dispositionParameters_name = zend_string_init("dispositionParameters", sizeof("dispositionParameters") - 1, 1);
	zend_declare_typed_property(class_entry, property_dispositionParameters_name, &property_dispositionParameters_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_dispositionParameters_name);

	zval property_language_default_value;
	ZVAL_UNDEF(&property_language_default_value);
	zend_string *property_language_name = zend_string_init("language", sizeof("language") - 1, 1);
	zend_declare_typed_property(class_entry, property_language_name, &property_language_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_language_name);

	zval property_location_default_value;
	ZVAL_UNDEF(&property_location_default_value);
	zend_string *property_location_name = zend_string_init("location", sizeof("location") - 1, 1);
	zend_declare_typed_property(class_entry, property_location_name, &property_location_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_location_name);

	zval property_filename_default_value;
	ZVAL_UNDEF(&property_filename_default_value);
	zend_string *property_filename_name = zend_string_init("filename", sizeof("filename") - 1, 1);
	zend_declare_typed_property(class_entry, property_filename_name, &property_filename_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_filename_name);

	zval property_parts_default_value;
	ZVAL_UNDEF(&property_parts_default_value);
	zend_string *property_parts_name = zend_string_init("parts", sizeof("parts") - 1, 1);
	zend_declare_typed_property(class_entry, property_parts_name, &property_parts_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_parts_name);

	zval property_partNumber_default_value;
	ZVAL_UNDEF(&property_partNumber_default_value);
	zend_string *property_partNumber_name = zend_string_init("partNumber", sizeof("partNumber") - 1, 1);
	zend_declare_typed_property(class_entry, property_partNumber_name, &property_partNumber_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_partNumber_name);

	return class_entry;
}

static zend_class_entry *register_class_MailBridge_ImapEvent(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "MailBridge", "ImapEvent", class_MailBridge_ImapEvent_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	zval property_type_default_value;
	ZVAL_UNDEF(&property_type_default_value);
	zend_string *property_type_name = zend_string_init("type", sizeof("type") - 1, 1);
	zend_declare_typed_property(class_entry, property_type_name, &property_type_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_type_name);

	zval property_number_default_value;
	ZVAL_UNDEF(&property_number_default_value);
	zend_string *property_number_name = zend_string_init("number", sizeof("number") - 1, 1);
	zend_declare_typed_property(class_entry, property_number_name, &property_number_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_number_name);

	zval property_uid_default_value;
	ZVAL_UNDEF(&property_uid_default_value);
	zend_string *property_uid_name = zend_string_init("uid", sizeof("uid") - 1, 1);
	zend_declare_typed_property(class_entry, property_uid_name, &property_uid_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_uid_name);

	zval property_flags_default_value;
	ZVAL_UNDEF(&property_flags_default_value);
	zend_string *property_flags_name = zend_string_init("flags", sizeof("flags") - 1, 1);
	zend_declare_typed_property(class_entry, property_flags_name, &property_flags_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY|MAY_BE_NULL));
	zend_string_release(property_flags_name);

	return class_entry;
}

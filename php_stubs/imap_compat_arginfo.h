/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 1ffe399c942e72f96e2cbf8655cd05db61107db4 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_MailBridge_Compat_ImapHandler___construct, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Compat_ImapHandler_isAvailable, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Compat_ImapHandler_isValidStream, 0, 1, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, stream, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_class_MailBridge_Compat_ImapHandler_getLastError, 0, 0, MAY_BE_STRING|MAY_BE_FALSE)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_class_MailBridge_Compat_ImapHandler_getErrors, 0, 0, MAY_BE_ARRAY|MAY_BE_FALSE)
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_Compat_ImapHandler_getAlerts arginfo_class_MailBridge_Compat_ImapHandler_getErrors

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_TYPE_MASK_EX(arginfo_class_MailBridge_Compat_ImapHandler_open, 0, 3, MailBridge\\Compat\\ImapHandler, MAY_BE_FALSE)
	ZEND_ARG_TYPE_INFO(0, mailbox, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, username, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, password, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_LONG, 0, "0")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, n_retries, IS_LONG, 0, "0")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, params, IS_ARRAY, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Compat_ImapHandler_close, 0, 0, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, flags, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_Compat_ImapHandler_ping arginfo_class_MailBridge_Compat_ImapHandler_isAvailable

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Compat_ImapHandler_reopen, 0, 1, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, mailbox, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_LONG, 0, "0")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, n_retries, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_MailBridge_Compat_ImapHandler_getConnection, 0, 0, MailBridge\\Compat\\ImapHandler, 1)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_class_MailBridge_Compat_ImapHandler_setTimeout, 0, 1, MAY_BE_LONG|MAY_BE_BOOL)
	ZEND_ARG_TYPE_INFO(0, timeout_type, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_LONG, 0, "-1")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_class_MailBridge_Compat_ImapHandler_getMailboxes, 0, 2, MAY_BE_ARRAY|MAY_BE_FALSE)
	ZEND_ARG_TYPE_INFO(0, ref, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, pattern, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_class_MailBridge_Compat_ImapHandler_sort, 0, 2, MAY_BE_ARRAY|MAY_BE_FALSE)
	ZEND_ARG_TYPE_INFO(0, criteria, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, reverse, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_LONG, 0, "0")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, search_criteria, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, charset, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Compat_ImapHandler_getMessageNo, 0, 1, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, uid, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_TYPE_MASK_EX(arginfo_class_MailBridge_Compat_ImapHandler_getHeaderInfo, 0, 1, stdClass, MAY_BE_FALSE)
	ZEND_ARG_TYPE_INFO(0, msg_number, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, fromlength, IS_LONG, 0, "0")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, subjectlength, IS_LONG, 0, "0")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, defaulthost, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_class_MailBridge_Compat_ImapHandler_fetchHeader, 0, 1, MAY_BE_STRING|MAY_BE_FALSE)
	ZEND_ARG_TYPE_INFO(0, msg_number, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Compat_ImapHandler_append, 0, 2, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, mailbox, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, message, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, internal_date, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_class_MailBridge_Compat_ImapHandler_getUid, 0, 1, MAY_BE_LONG|MAY_BE_FALSE)
	ZEND_ARG_TYPE_INFO(0, msg_number, IS_LONG, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_Compat_ImapHandler_expunge arginfo_class_MailBridge_Compat_ImapHandler_isAvailable

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Compat_ImapHandler_renameMailbox, 0, 2, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, old_mbox, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, new_mbox, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_class_MailBridge_Compat_ImapHandler_getNumberOfMessages, 0, 0, MAY_BE_LONG|MAY_BE_FALSE)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Compat_ImapHandler_fetchOverview, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, sequence, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_TYPE_MASK_EX(arginfo_class_MailBridge_Compat_ImapHandler_fetchStructure, 0, 1, stdClass, MAY_BE_FALSE)
	ZEND_ARG_TYPE_INFO(0, msg_number, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_Compat_ImapHandler_getBody arginfo_class_MailBridge_Compat_ImapHandler_fetchHeader

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_class_MailBridge_Compat_ImapHandler_search, 0, 1, MAY_BE_ARRAY|MAY_BE_FALSE)
	ZEND_ARG_TYPE_INFO(0, criteria, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_LONG, 0, "MailBridge\\Compat\\ImapHandler::SE_FREE")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, charset, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Compat_ImapHandler_delete, 0, 1, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, msg_number, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Compat_ImapHandler_clearFlagFull, 0, 2, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, sequence, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, flag, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_Compat_ImapHandler_setFlagFull arginfo_class_MailBridge_Compat_ImapHandler_clearFlagFull

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Compat_ImapHandler_unsubscribe, 0, 1, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, mailbox, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_class_MailBridge_Compat_ImapHandler_utf7Encode, 0, 1, MAY_BE_STRING|MAY_BE_FALSE)
	ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_Compat_ImapHandler_deleteMailbox arginfo_class_MailBridge_Compat_ImapHandler_unsubscribe

#define arginfo_class_MailBridge_Compat_ImapHandler_createMailbox arginfo_class_MailBridge_Compat_ImapHandler_unsubscribe

#define arginfo_class_MailBridge_Compat_ImapHandler_subscribe arginfo_class_MailBridge_Compat_ImapHandler_unsubscribe

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_TYPE_MASK_EX(arginfo_class_MailBridge_Compat_ImapHandler_getStatus, 0, 2, stdClass, MAY_BE_FALSE)
	ZEND_ARG_TYPE_INFO(0, mailbox, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, options, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Compat_ImapHandler_utf8, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, mime_encoded_text, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_class_MailBridge_Compat_ImapHandler_fetchBody, 0, 2, MAY_BE_STRING|MAY_BE_FALSE)
	ZEND_ARG_TYPE_INFO(0, msg_number, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, section, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_class_MailBridge_Compat_ImapHandler_mimeHeaderDecode, 0, 1, MAY_BE_ARRAY|MAY_BE_FALSE)
	ZEND_ARG_TYPE_INFO(0, text, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_MailBridge_Compat_ImapHandler_rfc822ParseHeaders, 0, 1, stdClass, 0)
	ZEND_ARG_TYPE_INFO(0, headers, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, defaulthost, IS_STRING, 0, "\"UNKNOWN\"")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_TYPE_MASK_EX(arginfo_class_MailBridge_Compat_ImapHandler_check, 0, 0, stdClass, MAY_BE_FALSE)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Compat_ImapHandler_mailCopy, 0, 2, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, msglist, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, mailbox, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_Compat_ImapHandler_mailMove arginfo_class_MailBridge_Compat_ImapHandler_mailCopy

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Compat_ImapHandler_getMessageList, 0, 8, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, filterCriteria, IS_STRING, 1)
	ZEND_ARG_TYPE_INFO(0, sortCriteria, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, sortOrder, IS_LONG, 0)
	ZEND_ARG_TYPE_MASK(0, offset, MAY_BE_LONG|MAY_BE_STRING, NULL)
	ZEND_ARG_TYPE_INFO(0, pageSize, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(1, mailboxInfo, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, columns, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, auth_type, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_MailBridge_Compat_ImapHandler_fetchMime arginfo_class_MailBridge_Compat_ImapHandler_fetchBody


ZEND_METHOD(MailBridge_Compat_ImapHandler, __construct);
ZEND_METHOD(MailBridge_Compat_ImapHandler, isAvailable);
ZEND_METHOD(MailBridge_Compat_ImapHandler, isValidStream);
ZEND_METHOD(MailBridge_Compat_ImapHandler, getLastError);
ZEND_METHOD(MailBridge_Compat_ImapHandler, getErrors);
ZEND_METHOD(MailBridge_Compat_ImapHandler, getAlerts);
ZEND_METHOD(MailBridge_Compat_ImapHandler, open);
ZEND_METHOD(MailBridge_Compat_ImapHandler, close);
ZEND_METHOD(MailBridge_Compat_ImapHandler, ping);
ZEND_METHOD(MailBridge_Compat_ImapHandler, reopen);
ZEND_METHOD(MailBridge_Compat_ImapHandler, getConnection);
ZEND_METHOD(MailBridge_Compat_ImapHandler, setTimeout);
ZEND_METHOD(MailBridge_Compat_ImapHandler, getMailboxes);
ZEND_METHOD(MailBridge_Compat_ImapHandler, sort);
ZEND_METHOD(MailBridge_Compat_ImapHandler, getMessageNo);
ZEND_METHOD(MailBridge_Compat_ImapHandler, getHeaderInfo);
ZEND_METHOD(MailBridge_Compat_ImapHandler, fetchHeader);
ZEND_METHOD(MailBridge_Compat_ImapHandler, append);
ZEND_METHOD(MailBridge_Compat_ImapHandler, getUid);
ZEND_METHOD(MailBridge_Compat_ImapHandler, expunge);
ZEND_METHOD(MailBridge_Compat_ImapHandler, renameMailbox);
ZEND_METHOD(MailBridge_Compat_ImapHandler, getNumberOfMessages);
ZEND_METHOD(MailBridge_Compat_ImapHandler, fetchOverview);
ZEND_METHOD(MailBridge_Compat_ImapHandler, fetchStructure);
ZEND_METHOD(MailBridge_Compat_ImapHandler, getBody);
ZEND_METHOD(MailBridge_Compat_ImapHandler, search);
ZEND_METHOD(MailBridge_Compat_ImapHandler, delete);
ZEND_METHOD(MailBridge_Compat_ImapHandler, clearFlagFull);
ZEND_METHOD(MailBridge_Compat_ImapHandler, setFlagFull);
ZEND_METHOD(MailBridge_Compat_ImapHandler, unsubscribe);
ZEND_METHOD(MailBridge_Compat_ImapHandler, utf7Encode);
ZEND_METHOD(MailBridge_Compat_ImapHandler, deleteMailbox);
ZEND_METHOD(MailBridge_Compat_ImapHandler, createMailbox);
ZEND_METHOD(MailBridge_Compat_ImapHandler, subscribe);
ZEND_METHOD(MailBridge_Compat_ImapHandler, getStatus);
ZEND_METHOD(MailBridge_Compat_ImapHandler, utf8);
ZEND_METHOD(MailBridge_Compat_ImapHandler, fetchBody);
ZEND_METHOD(MailBridge_Compat_ImapHandler, mimeHeaderDecode);
ZEND_METHOD(MailBridge_Compat_ImapHandler, rfc822ParseHeaders);
ZEND_METHOD(MailBridge_Compat_ImapHandler, check);
ZEND_METHOD(MailBridge_Compat_ImapHandler, mailCopy);
ZEND_METHOD(MailBridge_Compat_ImapHandler, mailMove);
ZEND_METHOD(MailBridge_Compat_ImapHandler, getMessageList);
ZEND_METHOD(MailBridge_Compat_ImapHandler, fetchMime);


static const zend_function_entry class_MailBridge_Compat_ImapHandler_methods[] = {
	ZEND_ME(MailBridge_Compat_ImapHandler, __construct, arginfo_class_MailBridge_Compat_ImapHandler___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, isAvailable, arginfo_class_MailBridge_Compat_ImapHandler_isAvailable, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, isValidStream, arginfo_class_MailBridge_Compat_ImapHandler_isValidStream, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, getLastError, arginfo_class_MailBridge_Compat_ImapHandler_getLastError, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, getErrors, arginfo_class_MailBridge_Compat_ImapHandler_getErrors, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, getAlerts, arginfo_class_MailBridge_Compat_ImapHandler_getAlerts, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, open, arginfo_class_MailBridge_Compat_ImapHandler_open, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, close, arginfo_class_MailBridge_Compat_ImapHandler_close, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, ping, arginfo_class_MailBridge_Compat_ImapHandler_ping, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, reopen, arginfo_class_MailBridge_Compat_ImapHandler_reopen, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, getConnection, arginfo_class_MailBridge_Compat_ImapHandler_getConnection, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, setTimeout, arginfo_class_MailBridge_Compat_ImapHandler_setTimeout, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, getMailboxes, arginfo_class_MailBridge_Compat_ImapHandler_getMailboxes, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, sort, arginfo_class_MailBridge_Compat_ImapHandler_sort, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, getMessageNo, arginfo_class_MailBridge_Compat_ImapHandler_getMessageNo, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, getHeaderInfo, arginfo_class_MailBridge_Compat_ImapHandler_getHeaderInfo, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, fetchHeader, arginfo_class_MailBridge_Compat_ImapHandler_fetchHeader, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, append, arginfo_class_MailBridge_Compat_ImapHandler_append, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, getUid, arginfo_class_MailBridge_Compat_ImapHandler_getUid, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, expunge, arginfo_class_MailBridge_Compat_ImapHandler_expunge, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, renameMailbox, arginfo_class_MailBridge_Compat_ImapHandler_renameMailbox, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, getNumberOfMessages, arginfo_class_MailBridge_Compat_ImapHandler_getNumberOfMessages, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, fetchOverview, arginfo_class_MailBridge_Compat_ImapHandler_fetchOverview, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, fetchStructure, arginfo_class_MailBridge_Compat_ImapHandler_fetchStructure, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, getBody, arginfo_class_MailBridge_Compat_ImapHandler_getBody, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, search, arginfo_class_MailBridge_Compat_ImapHandler_search, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, delete, arginfo_class_MailBridge_Compat_ImapHandler_delete, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, clearFlagFull, arginfo_class_MailBridge_Compat_ImapHandler_clearFlagFull, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, setFlagFull, arginfo_class_MailBridge_Compat_ImapHandler_setFlagFull, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, unsubscribe, arginfo_class_MailBridge_Compat_ImapHandler_unsubscribe, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, utf7Encode, arginfo_class_MailBridge_Compat_ImapHandler_utf7Encode, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, deleteMailbox, arginfo_class_MailBridge_Compat_ImapHandler_deleteMailbox, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, createMailbox, arginfo_class_MailBridge_Compat_ImapHandler_createMailbox, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, subscribe, arginfo_class_MailBridge_Compat_ImapHandler_subscribe, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, getStatus, arginfo_class_MailBridge_Compat_ImapHandler_getStatus, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, utf8, arginfo_class_MailBridge_Compat_ImapHandler_utf8, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, fetchBody, arginfo_class_MailBridge_Compat_ImapHandler_fetchBody, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, mimeHeaderDecode, arginfo_class_MailBridge_Compat_ImapHandler_mimeHeaderDecode, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, rfc822ParseHeaders, arginfo_class_MailBridge_Compat_ImapHandler_rfc822ParseHeaders, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, check, arginfo_class_MailBridge_Compat_ImapHandler_check, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, mailCopy, arginfo_class_MailBridge_Compat_ImapHandler_mailCopy, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, mailMove, arginfo_class_MailBridge_Compat_ImapHandler_mailMove, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, getMessageList, arginfo_class_MailBridge_Compat_ImapHandler_getMessageList, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_Compat_ImapHandler, fetchMime, arginfo_class_MailBridge_Compat_ImapHandler_fetchMime, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_MailBridge_Compat_ImapHandler(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "MailBridge\\Compat", "ImapHandler", class_MailBridge_Compat_ImapHandler_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	zval const_NIL_value;
	ZVAL_LONG(&const_NIL_value, 0);
	zend_string *const_NIL_name = zend_string_init_interned("NIL", sizeof("NIL") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_NIL_name, &const_NIL_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_NIL_name);

	zval const_OP_DEBUG_value;
	ZVAL_LONG(&const_OP_DEBUG_value, 1);
	zend_string *const_OP_DEBUG_name = zend_string_init_interned("OP_DEBUG", sizeof("OP_DEBUG") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_OP_DEBUG_name, &const_OP_DEBUG_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_OP_DEBUG_name);

	zval const_OP_READONLY_value;
	ZVAL_LONG(&const_OP_READONLY_value, 2);
	zend_string *const_OP_READONLY_name = zend_string_init_interned("OP_READONLY", sizeof("OP_READONLY") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_OP_READONLY_name, &const_OP_READONLY_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_OP_READONLY_name);

	zval const_OP_ANONYMOUS_value;
	ZVAL_LONG(&const_OP_ANONYMOUS_value, 4);
	zend_string *const_OP_ANONYMOUS_name = zend_string_init_interned("OP_ANONYMOUS", sizeof("OP_ANONYMOUS") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_OP_ANONYMOUS_name, &const_OP_ANONYMOUS_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_OP_ANONYMOUS_name);

	zval const_OP_SHORTCACHE_value;
	ZVAL_LONG(&const_OP_SHORTCACHE_value, 8);
	zend_string *const_OP_SHORTCACHE_name = zend_string_init_interned("OP_SHORTCACHE", sizeof("OP_SHORTCACHE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_OP_SHORTCACHE_name, &const_OP_SHORTCACHE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_OP_SHORTCACHE_name);

	zval const_OP_SILENT_value;
	ZVAL_LONG(&const_OP_SILENT_value, 16);
	zend_string *const_OP_SILENT_name = zend_string_init_interned("OP_SILENT", sizeof("OP_SILENT") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_OP_SILENT_name, &const_OP_SILENT_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_OP_SILENT_name);

	zval const_OP_PROTOTYPE_value;
	ZVAL_LONG(&const_OP_PROTOTYPE_value, 32);
	zend_string *const_OP_PROTOTYPE_name = zend_string_init_interned("OP_PROTOTYPE", sizeof("OP_PROTOTYPE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_OP_PROTOTYPE_name, &const_OP_PROTOTYPE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_OP_PROTOTYPE_name);

	zval const_OP_HALFOPEN_value;
	ZVAL_LONG(&const_OP_HALFOPEN_value, 64);
	zend_string *const_OP_HALFOPEN_name = zend_string_init_interned("OP_HALFOPEN", sizeof("OP_HALFOPEN") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_OP_HALFOPEN_name, &const_OP_HALFOPEN_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_OP_HALFOPEN_name);

	zval const_OP_EXPUNGE_value;
	ZVAL_LONG(&const_OP_EXPUNGE_value, 128);
	zend_string *const_OP_EXPUNGE_name = zend_string_init_interned("OP_EXPUNGE", sizeof("OP_EXPUNGE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_OP_EXPUNGE_name, &const_OP_EXPUNGE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_OP_EXPUNGE_name);

	zval const_OP_SECURE_value;
	ZVAL_LONG(&const_OP_SECURE_value, 256);
	zend_string *const_OP_SECURE_name = zend_string_init_interned("OP_SECURE", sizeof("OP_SECURE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_OP_SECURE_name, &const_OP_SECURE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_OP_SECURE_name);

	zval const_OP_XOAUTH2_value;
	ZVAL_LONG(&const_OP_XOAUTH2_value, 512);
	zend_string *const_OP_XOAUTH2_name = zend_string_init_interned("OP_XOAUTH2", sizeof("OP_XOAUTH2") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_OP_XOAUTH2_name, &const_OP_XOAUTH2_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_OP_XOAUTH2_name);

	zval const_CL_EXPUNGE_value;
	ZVAL_LONG(&const_CL_EXPUNGE_value, 32768);
	zend_string *const_CL_EXPUNGE_name = zend_string_init_interned("CL_EXPUNGE", sizeof("CL_EXPUNGE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_CL_EXPUNGE_name, &const_CL_EXPUNGE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_CL_EXPUNGE_name);

	zval const_FT_UID_value;
	ZVAL_LONG(&const_FT_UID_value, 1);
	zend_string *const_FT_UID_name = zend_string_init_interned("FT_UID", sizeof("FT_UID") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_FT_UID_name, &const_FT_UID_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_FT_UID_name);

	zval const_FT_PEEK_value;
	ZVAL_LONG(&const_FT_PEEK_value, 2);
	zend_string *const_FT_PEEK_name = zend_string_init_interned("FT_PEEK", sizeof("FT_PEEK") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_FT_PEEK_name, &const_FT_PEEK_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_FT_PEEK_name);

	zval const_FT_NOT_value;
	ZVAL_LONG(&const_FT_NOT_value, 4);
	zend_string *const_FT_NOT_name = zend_string_init_interned("FT_NOT", sizeof("FT_NOT") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_FT_NOT_name, &const_FT_NOT_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_FT_NOT_name);

	zval const_FT_INTERNAL_value;
	ZVAL_LONG(&const_FT_INTERNAL_value, 8);
	zend_string *const_FT_INTERNAL_name = zend_string_init_interned("FT_INTERNAL", sizeof("FT_INTERNAL") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_FT_INTERNAL_name, &const_FT_INTERNAL_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_FT_INTERNAL_name);

	zval const_FT_PREFETCHTEXT_value;
	ZVAL_LONG(&const_FT_PREFETCHTEXT_value, 32);
	zend_string *const_FT_PREFETCHTEXT_name = zend_string_init_interned("FT_PREFETCHTEXT", sizeof("FT_PREFETCHTEXT") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_FT_PREFETCHTEXT_name, &const_FT_PREFETCHTEXT_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_FT_PREFETCHTEXT_name);

	zval const_ST_UID_value;
	ZVAL_LONG(&const_ST_UID_value, 1);
	zend_string *const_ST_UID_name = zend_string_init_interned("ST_UID", sizeof("ST_UID") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_ST_UID_name, &const_ST_UID_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_ST_UID_name);

	zval const_ST_SILENT_value;
	ZVAL_LONG(&const_ST_SILENT_value, 2);
	zend_string *const_ST_SILENT_name = zend_string_init_interned("ST_SILENT", sizeof("ST_SILENT") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_ST_SILENT_name, &const_ST_SILENT_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_ST_SILENT_name);

	zval const_ST_SET_value;
	ZVAL_LONG(&const_ST_SET_value, 4);
	zend_string *const_ST_SET_name = zend_string_init_interned("ST_SET", sizeof("ST_SET") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_ST_SET_name, &const_ST_SET_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_ST_SET_name);

	zval const_CP_UID_value;
	ZVAL_LONG(&const_CP_UID_value, 1);
	zend_string *const_CP_UID_name = zend_string_init_interned("CP_UID", sizeof("CP_UID") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_CP_UID_name, &const_CP_UID_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_CP_UID_name);

	zval const_CP_MOVE_value;
	ZVAL_LONG(&const_CP_MOVE_value, 2);
	zend_string *const_CP_MOVE_name = zend_string_init_interned("CP_MOVE", sizeof("CP_MOVE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_CP_MOVE_name, &const_CP_MOVE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_CP_MOVE_name);

	zval const_SE_UID_value;
	ZVAL_LONG(&const_SE_UID_value, 1);
	zend_string *const_SE_UID_name = zend_string_init_interned("SE_UID", sizeof("SE_UID") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_SE_UID_name, &const_SE_UID_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_SE_UID_name);

	zval const_SE_FREE_value;
	ZVAL_LONG(&const_SE_FREE_value, 2);
	zend_string *const_SE_FREE_name = zend_string_init_interned("SE_FREE", sizeof("SE_FREE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_SE_FREE_name, &const_SE_FREE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_SE_FREE_name);

	zval const_SE_NOPREFETCH_value;
	ZVAL_LONG(&const_SE_NOPREFETCH_value, 4);
	zend_string *const_SE_NOPREFETCH_name = zend_string_init_interned("SE_NOPREFETCH", sizeof("SE_NOPREFETCH") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_SE_NOPREFETCH_name, &const_SE_NOPREFETCH_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_SE_NOPREFETCH_name);

	zval const_SO_FREE_value;
	ZVAL_LONG(&const_SO_FREE_value, 8);
	zend_string *const_SO_FREE_name = zend_string_init_interned("SO_FREE", sizeof("SO_FREE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_SO_FREE_name, &const_SO_FREE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_SO_FREE_name);

	zval const_SO_NOSERVER_value;
	ZVAL_LONG(&const_SO_NOSERVER_value, 8);
	zend_string *const_SO_NOSERVER_name = zend_string_init_interned("SO_NOSERVER", sizeof("SO_NOSERVER") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_SO_NOSERVER_name, &const_SO_NOSERVER_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_SO_NOSERVER_name);

	zval const_SA_MESSAGES_value;
	ZVAL_LONG(&const_SA_MESSAGES_value, 1);
	zend_string *const_SA_MESSAGES_name = zend_string_init_interned("SA_MESSAGES", sizeof("SA_MESSAGES") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_SA_MESSAGES_name, &const_SA_MESSAGES_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_SA_MESSAGES_name);

	zval const_SA_RECENT_value;
	ZVAL_LONG(&const_SA_RECENT_value, 2);
	zend_string *const_SA_RECENT_name = zend_string_init_interned("SA_RECENT", sizeof("SA_RECENT") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_SA_RECENT_name, &const_SA_RECENT_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_SA_RECENT_name);

	zval const_SA_UNSEEN_value;
	ZVAL_LONG(&const_SA_UNSEEN_value, 4);
	zend_string *const_SA_UNSEEN_name = zend_string_init_interned("SA_UNSEEN", sizeof("SA_UNSEEN") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_SA_UNSEEN_name, &const_SA_UNSEEN_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_SA_UNSEEN_name);

	zval const_SA_UIDNEXT_value;
	ZVAL_LONG(&const_SA_UIDNEXT_value, 8);
	zend_string *const_SA_UIDNEXT_name = zend_string_init_interned("SA_UIDNEXT", sizeof("SA_UIDNEXT") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_SA_UIDNEXT_name, &const_SA_UIDNEXT_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_SA_UIDNEXT_name);

	zval const_SA_UIDVALIDITY_value;
	ZVAL_LONG(&const_SA_UIDVALIDITY_value, 16);
	zend_string *const_SA_UIDVALIDITY_name = zend_string_init_interned("SA_UIDVALIDITY", sizeof("SA_UIDVALIDITY") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_SA_UIDVALIDITY_name, &const_SA_UIDVALIDITY_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_SA_UIDVALIDITY_name);

	zval const_SA_ALL_value;
	ZVAL_LONG(&const_SA_ALL_value, 31);
	zend_string *const_SA_ALL_name = zend_string_init_interned("SA_ALL", sizeof("SA_ALL") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_SA_ALL_name, &const_SA_ALL_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_SA_ALL_name);

	zval const_LATT_NOINFERIORS_value;
	ZVAL_LONG(&const_LATT_NOINFERIORS_value, 1);
	zend_string *const_LATT_NOINFERIORS_name = zend_string_init_interned("LATT_NOINFERIORS", sizeof("LATT_NOINFERIORS") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_LATT_NOINFERIORS_name, &const_LATT_NOINFERIORS_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_LATT_NOINFERIORS_name);

	zval const_LATT_NOSELECT_value;
	ZVAL_LONG(&const_LATT_NOSELECT_value, 2);
	zend_string *const_LATT_NOSELECT_name = zend_string_init_interned("LATT_NOSELECT", sizeof("LATT_NOSELECT") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_LATT_NOSELECT_name, &const_LATT_NOSELECT_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_LATT_NOSELECT_name);

	zval const_LATT_MARKED_value;
	ZVAL_LONG(&const_LATT_MARKED_value, 4);
	zend_string *const_LATT_MARKED_name = zend_string_init_interned("LATT_MARKED", sizeof("LATT_MARKED") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_LATT_MARKED_name, &const_LATT_MARKED_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_LATT_MARKED_name);

	zval const_LATT_UNMARKED_value;
	ZVAL_LONG(&const_LATT_UNMARKED_value, 8);
	zend_string *const_LATT_UNMARKED_name = zend_string_init_interned("LATT_UNMARKED", sizeof("LATT_UNMARKED") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_LATT_UNMARKED_name, &const_LATT_UNMARKED_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_LATT_UNMARKED_name);

	zval const_LATT_REFERRAL_value;
	ZVAL_LONG(&const_LATT_REFERRAL_value, 16);
	zend_string *const_LATT_REFERRAL_name = zend_string_init_interned("LATT_REFERRAL", sizeof("LATT_REFERRAL") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_LATT_REFERRAL_name, &const_LATT_REFERRAL_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_LATT_REFERRAL_name);

	zval const_LATT_HASCHILDREN_value;
	ZVAL_LONG(&const_LATT_HASCHILDREN_value, 32);
	zend_string *const_LATT_HASCHILDREN_name = zend_string_init_interned("LATT_HASCHILDREN", sizeof("LATT_HASCHILDREN") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_LATT_HASCHILDREN_name, &const_LATT_HASCHILDREN_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_LATT_HASCHILDREN_name);

	zval const_LATT_HASNOCHILDREN_value;
	ZVAL_LONG(&const_LATT_HASNOCHILDREN_value, 64);
	zend_string *const_LATT_HASNOCHILDREN_name = zend_string_init_interned("LATT_HASNOCHILDREN", sizeof("LATT_HASNOCHILDREN") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_LATT_HASNOCHILDREN_name, &const_LATT_HASNOCHILDREN_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_LATT_HASNOCHILDREN_name);

	zval const_SORTDATE_value;
	ZVAL_LONG(&const_SORTDATE_value, 0);
	zend_string *const_SORTDATE_name = zend_string_init_interned("SORTDATE", sizeof("SORTDATE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_SORTDATE_name, &const_SORTDATE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_SORTDATE_name);

	zval const_SORTARRIVAL_value;
	ZVAL_LONG(&const_SORTARRIVAL_value, 1);
	zend_string *const_SORTARRIVAL_name = zend_string_init_interned("SORTARRIVAL", sizeof("SORTARRIVAL") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_SORTARRIVAL_name, &const_SORTARRIVAL_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_SORTARRIVAL_name);

	zval const_SORTFROM_value;
	ZVAL_LONG(&const_SORTFROM_value, 2);
	zend_string *const_SORTFROM_name = zend_string_init_interned("SORTFROM", sizeof("SORTFROM") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_SORTFROM_name, &const_SORTFROM_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_SORTFROM_name);

	zval const_SORTSUBJECT_value;
	ZVAL_LONG(&const_SORTSUBJECT_value, 3);
	zend_string *const_SORTSUBJECT_name = zend_string_init_interned("SORTSUBJECT", sizeof("SORTSUBJECT") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_SORTSUBJECT_name, &const_SORTSUBJECT_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_SORTSUBJECT_name);

	zval const_SORTTO_value;
	ZVAL_LONG(&const_SORTTO_value, 4);
	zend_string *const_SORTTO_name = zend_string_init_interned("SORTTO", sizeof("SORTTO") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_SORTTO_name, &const_SORTTO_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_SORTTO_name);

	zval const_SORTCC_value;
	ZVAL_LONG(&const_SORTCC_value, 5);
	zend_string *const_SORTCC_name = zend_string_init_interned("SORTCC", sizeof("SORTCC") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_SORTCC_name, &const_SORTCC_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_SORTCC_name);

	zval const_SORTSIZE_value;
	ZVAL_LONG(&const_SORTSIZE_value, 6);
	zend_string *const_SORTSIZE_name = zend_string_init_interned("SORTSIZE", sizeof("SORTSIZE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_SORTSIZE_name, &const_SORTSIZE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_SORTSIZE_name);

	zval const_TYPETEXT_value;
	ZVAL_LONG(&const_TYPETEXT_value, 0);
	zend_string *const_TYPETEXT_name = zend_string_init_interned("TYPETEXT", sizeof("TYPETEXT") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_TYPETEXT_name, &const_TYPETEXT_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_TYPETEXT_name);

	zval const_TYPEMULTIPART_value;
	ZVAL_LONG(&const_TYPEMULTIPART_value, 1);
	zend_string *const_TYPEMULTIPART_name = zend_string_init_interned("TYPEMULTIPART", sizeof("TYPEMULTIPART") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_TYPEMULTIPART_name, &const_TYPEMULTIPART_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_TYPEMULTIPART_name);

	zval const_TYPEMESSAGE_value;
	ZVAL_LONG(&const_TYPEMESSAGE_value, 2);
	zend_string *const_TYPEMESSAGE_name = zend_string_init_interned("TYPEMESSAGE", sizeof("TYPEMESSAGE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_TYPEMESSAGE_name, &const_TYPEMESSAGE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_TYPEMESSAGE_name);

	zval const_TYPEAPPLICATION_value;
	ZVAL_LONG(&const_TYPEAPPLICATION_value, 3);
	zend_string *const_TYPEAPPLICATION_name = zend_string_init_interned("TYPEAPPLICATION", sizeof("TYPEAPPLICATION") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_TYPEAPPLICATION_name, &const_TYPEAPPLICATION_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_TYPEAPPLICATION_name);

	zval const_TYPEAUDIO_value;
	ZVAL_LONG(&const_TYPEAUDIO_value, 4);
	zend_string *const_TYPEAUDIO_name = zend_string_init_interned("TYPEAUDIO", sizeof("TYPEAUDIO") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_TYPEAUDIO_name, &const_TYPEAUDIO_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_TYPEAUDIO_name);

	zval const_TYPEIMAGE_value;
	ZVAL_LONG(&const_TYPEIMAGE_value, 5);
	zend_string *const_TYPEIMAGE_name = zend_string_init_interned("TYPEIMAGE", sizeof("TYPEIMAGE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_TYPEIMAGE_name, &const_TYPEIMAGE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_TYPEIMAGE_name);

	zval const_TYPEVIDEO_value;
	ZVAL_LONG(&const_TYPEVIDEO_value, 6);
	zend_string *const_TYPEVIDEO_name = zend_string_init_interned("TYPEVIDEO", sizeof("TYPEVIDEO") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_TYPEVIDEO_name, &const_TYPEVIDEO_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_TYPEVIDEO_name);

	zval const_TYPEMODEL_value;
	ZVAL_LONG(&const_TYPEMODEL_value, 7);
	zend_string *const_TYPEMODEL_name = zend_string_init_interned("TYPEMODEL", sizeof("TYPEMODEL") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_TYPEMODEL_name, &const_TYPEMODEL_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_TYPEMODEL_name);

	zval const_TYPEOTHER_value;
	ZVAL_LONG(&const_TYPEOTHER_value, 8);
	zend_string *const_TYPEOTHER_name = zend_string_init_interned("TYPEOTHER", sizeof("TYPEOTHER") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_TYPEOTHER_name, &const_TYPEOTHER_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_TYPEOTHER_name);

	zval const_ENC7BIT_value;
	ZVAL_LONG(&const_ENC7BIT_value, 0);
	zend_string *const_ENC7BIT_name = zend_string_init_interned("ENC7BIT", sizeof("ENC7BIT") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_ENC7BIT_name, &const_ENC7BIT_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_ENC7BIT_name);

	zval const_ENC8BIT_value;
	ZVAL_LONG(&const_ENC8BIT_value, 1);
	zend_string *const_ENC8BIT_name = zend_string_init_interned("ENC8BIT", sizeof("ENC8BIT") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_ENC8BIT_name, &const_ENC8BIT_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_ENC8BIT_name);

	zval const_ENCBINARY_value;
	ZVAL_LONG(&const_ENCBINARY_value, 2);
	zend_string *const_ENCBINARY_name = zend_string_init_interned("ENCBINARY", sizeof("ENCBINARY") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_ENCBINARY_name, &const_ENCBINARY_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_ENCBINARY_name);

	zval const_ENCBASE64_value;
	ZVAL_LONG(&const_ENCBASE64_value, 3);
	zend_string *const_ENCBASE64_name = zend_string_init_interned("ENCBASE64", sizeof("ENCBASE64") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_ENCBASE64_name, &const_ENCBASE64_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_ENCBASE64_name);

	zval const_ENCQUOTEDPRINTABLE_value;
	ZVAL_LONG(&const_ENCQUOTEDPRINTABLE_value, 4);
	zend_string *const_ENCQUOTEDPRINTABLE_name = zend_string_init_interned("ENCQUOTEDPRINTABLE", sizeof("ENCQUOTEDPRINTABLE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_ENCQUOTEDPRINTABLE_name, &const_ENCQUOTEDPRINTABLE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_ENCQUOTEDPRINTABLE_name);

	zval const_ENCOTHER_value;
	ZVAL_LONG(&const_ENCOTHER_value, 5);
	zend_string *const_ENCOTHER_name = zend_string_init_interned("ENCOTHER", sizeof("ENCOTHER") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_ENCOTHER_name, &const_ENCOTHER_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_ENCOTHER_name);

	zval const_IMAP_OPENTIMEOUT_value;
	ZVAL_LONG(&const_IMAP_OPENTIMEOUT_value, 1);
	zend_string *const_IMAP_OPENTIMEOUT_name = zend_string_init_interned("IMAP_OPENTIMEOUT", sizeof("IMAP_OPENTIMEOUT") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_IMAP_OPENTIMEOUT_name, &const_IMAP_OPENTIMEOUT_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_IMAP_OPENTIMEOUT_name);

	zval const_IMAP_READTIMEOUT_value;
	ZVAL_LONG(&const_IMAP_READTIMEOUT_value, 2);
	zend_string *const_IMAP_READTIMEOUT_name = zend_string_init_interned("IMAP_READTIMEOUT", sizeof("IMAP_READTIMEOUT") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_IMAP_READTIMEOUT_name, &const_IMAP_READTIMEOUT_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_IMAP_READTIMEOUT_name);

	zval const_IMAP_WRITETIMEOUT_value;
	ZVAL_LONG(&const_IMAP_WRITETIMEOUT_value, 3);
	zend_string *const_IMAP_WRITETIMEOUT_name = zend_string_init_interned("IMAP_WRITETIMEOUT", sizeof("IMAP_WRITETIMEOUT") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_IMAP_WRITETIMEOUT_name, &const_IMAP_WRITETIMEOUT_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_IMAP_WRITETIMEOUT_name);

	zval const_IMAP_CLOSETIMEOUT_value;
	ZVAL_LONG(&const_IMAP_CLOSETIMEOUT_value, 4);
	zend_string *const_IMAP_CLOSETIMEOUT_name = zend_string_init_interned("IMAP_CLOSETIMEOUT", sizeof("IMAP_CLOSETIMEOUT") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_IMAP_CLOSETIMEOUT_name, &const_IMAP_CLOSETIMEOUT_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_IMAP_CLOSETIMEOUT_name);

	zval const_IMAP_GC_ELT_value;
	ZVAL_LONG(&const_IMAP_GC_ELT_value, 1);
	zend_string *const_IMAP_GC_ELT_name = zend_string_init_interned("IMAP_GC_ELT", sizeof("IMAP_GC_ELT") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_IMAP_GC_ELT_name, &const_IMAP_GC_ELT_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_IMAP_GC_ELT_name);

	zval const_IMAP_GC_ENV_value;
	ZVAL_LONG(&const_IMAP_GC_ENV_value, 2);
	zend_string *const_IMAP_GC_ENV_name = zend_string_init_interned("IMAP_GC_ENV", sizeof("IMAP_GC_ENV") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_IMAP_GC_ENV_name, &const_IMAP_GC_ENV_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_IMAP_GC_ENV_name);

	zval const_IMAP_GC_TEXTS_value;
	ZVAL_LONG(&const_IMAP_GC_TEXTS_value, 4);
	zend_string *const_IMAP_GC_TEXTS_name = zend_string_init_interned("IMAP_GC_TEXTS", sizeof("IMAP_GC_TEXTS") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_IMAP_GC_TEXTS_name, &const_IMAP_GC_TEXTS_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_IMAP_GC_TEXTS_name);


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "open", sizeof("open") - 1), 2, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}

/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 7899fac3c2b5645e3419c4263d503d89258d62e4 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_MailBridge_Pool___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Pool_stats, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_Pool_clear, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(MailBridge_Pool, __construct);
ZEND_METHOD(MailBridge_Pool, stats);
ZEND_METHOD(MailBridge_Pool, clear);


static const zend_function_entry class_MailBridge_Pool_methods[] = {
	ZEND_ME(MailBridge_Pool, __construct, arginfo_class_MailBridge_Pool___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(MailBridge_Pool, stats, arginfo_class_MailBridge_Pool_stats, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(MailBridge_Pool, clear, arginfo_class_MailBridge_Pool_clear, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_MailBridge_Pool(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "MailBridge", "Pool", class_MailBridge_Pool_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: c790fe92876316dfb87f8683ca092abf2b8ccaf1 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_MailBridge_DkimSigner___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, options, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_MailBridge_DkimSigner_sign, 0, 1, IS_STRING, 0)
	ZEND_ARG_OBJ_TYPE_MASK(0, message, MailBridge\\Message, MAY_BE_STRING, NULL)
ZEND_END_ARG_INFO()


ZEND_METHOD(MailBridge_DkimSigner, __construct);
ZEND_METHOD(MailBridge_DkimSigner, sign);


static const zend_function_entry class_MailBridge_DkimSigner_methods[] = {
	ZEND_ME(MailBridge_DkimSigner, __construct, arginfo_class_MailBridge_DkimSigner___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(MailBridge_DkimSigner, sign, arginfo_class_MailBridge_DkimSigner_sign, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_MailBridge_DkimSigner(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "MailBridge", "DkimSigner", class_MailBridge_DkimSigner_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "__construct", sizeof("__construct") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}

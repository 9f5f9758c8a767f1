// MailBridge\Compat\ImapHandler: argument checks with ext/imap's
// ValueErrors and warnings, then one call into imapcompat::Handler, then
// the PHP value. imapcompat::Handler catches every core error itself and
// logs it, so no imap::Error crosses into Zend code. The extension defines no global
// imap_* function or constant, so it can be loaded next to ext/imap.
#include "php/imap_compat.h"

#include <memory>
#include <new>

#include "imap/utf7.h"
#include "imapcompat/handler.h"
#include "mimeparse/ext_imap.h"

#include "../../php_stubs/imap_compat_arginfo.h"

namespace mailbridge::php {

namespace {

zend_class_entry *imap_handler_ce;
zend_object_handlers imap_handler_handlers;

struct HandlerObject {
    imapcompat::Handler *handler;
    zend_object std;
};

HandlerObject *handler_object_from(zend_object *object)
{
    return reinterpret_cast<HandlerObject *>(reinterpret_cast<char *>(object) - XtOffsetOf(HandlerObject, std));
}

zend_object *handler_create(zend_class_entry *ce)
{
    auto *intern = static_cast<HandlerObject *>(zend_object_alloc(sizeof(HandlerObject), ce));
    zend_object_std_init(&intern->std, ce);
    object_properties_init(&intern->std, ce);
    imapcompat::HandlerSettings settings;
    double timeout = static_cast<double>(zend_ini_long(const_cast<char *>("default_socket_timeout"),
                                                       sizeof("default_socket_timeout") - 1, 0));
    if (timeout > 0) {
        settings.open_timeout = timeout;
        settings.read_timeout = timeout;
        settings.write_timeout = timeout;
    }
    intern->handler = new imapcompat::Handler(settings);
    intern->std.handlers = &imap_handler_handlers;
    return &intern->std;
}

void handler_free(zend_object *object)
{
    HandlerObject *intern = handler_object_from(object);
    if (intern->handler != nullptr) {
        // Like ext/imap's destructor: CL_EXPUNGE given to open() still applies.
        intern->handler->close(0);
        delete intern->handler;
        intern->handler = nullptr;
    }
    zend_object_std_dtor(object);
}

imapcompat::Handler &handler_of(zval *self)
{
    return *handler_object_from(Z_OBJ_P(self))->handler;
}

// The handler with an open connection, or null with a ValueError thrown,
// as ext/imap throws for a closed IMAP\Connection.
imapcompat::Handler *open_handler(zval *self)
{
    imapcompat::Handler &handler = handler_of(self);
    if (!handler.is_open()) {
        zend_value_error("No IMAP connection is open: call open() first, or check its result");
        return nullptr;
    }
    return &handler;
}

void warn(const imapcompat::Warning &warning)
{
    php_error_docref(nullptr, E_WARNING, "%s", warning.message.c_str());
}

bool check_flags(zend_long flags, zend_long mask, uint32_t argument, const char *names)
{
    if ((flags & ~mask) != 0) {
        zend_argument_value_error(argument, "must be a bitmask of %s", names);
        return false;
    }
    return true;
}

bool check_message_number(zend_long number, uint32_t argument)
{
    if (number < 1) {
        zend_argument_value_error(argument, "must be greater than 0");
        return false;
    }
    return true;
}

// Resolve a message number or UID argument to a message number, or 0 after
// ext/imap's warning.
uint32_t resolve_message(imapcompat::Handler &handler, zend_long number, bool uid)
{
    imapcompat::Warning warning;
    uint32_t msgno = handler.resolve(static_cast<uint32_t>(std::min<zend_long>(number, UINT32_MAX)), uid, warning);
    if (msgno == 0)
        warn(warning);
    return msgno;
}

std::string_view view(const zend_string *text)
{
    return std::string_view(ZSTR_VAL(text), ZSTR_LEN(text));
}

void return_string_list(zval *return_value, const std::vector<std::string> &items)
{
    if (items.empty())
        RETURN_FALSE;
    array_init(return_value);
    for (const std::string &item : items)
        add_next_index_stringl(return_value, item.data(), item.size());
}

void return_number_list(zval *return_value, const std::vector<uint32_t> &numbers)
{
    array_init(return_value);
    for (uint32_t number : numbers)
        add_next_index_long(return_value, number);
}

void return_optional_string(zval *return_value, const std::optional<std::string> &text)
{
    if (!text)
        RETURN_FALSE;
    RETURN_STRINGL(text->data(), text->size());
}

// Read $params['DISABLE_AUTHENTICATOR'] of open(): a string or a list of strings.
bool read_disabled_authenticators(HashTable *params, std::vector<std::string> &names)
{
    if (params == nullptr)
        return true;
    zval *entry = zend_hash_str_find(params, "DISABLE_AUTHENTICATOR", sizeof("DISABLE_AUTHENTICATOR") - 1);
    if (entry == nullptr)
        return true;
    if (Z_TYPE_P(entry) == IS_STRING) {
        names.emplace_back(Z_STRVAL_P(entry), Z_STRLEN_P(entry));
        return true;
    }
    if (Z_TYPE_P(entry) != IS_ARRAY) {
        zend_argument_type_error(6, "must contain a string or an array of strings in DISABLE_AUTHENTICATOR");
        return false;
    }
    zval *name;
    ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(entry), name) {
        if (Z_TYPE_P(name) != IS_STRING) {
            zend_argument_type_error(6, "must contain only strings in DISABLE_AUTHENTICATOR");
            return false;
        }
        names.emplace_back(Z_STRVAL_P(name), Z_STRLEN_P(name));
    } ZEND_HASH_FOREACH_END();
    return true;
}

void store_flags(INTERNAL_FUNCTION_PARAMETERS, bool add)
{
    zend_string *sequence, *flags;
    zend_long options = 0;
    ZEND_PARSE_PARAMETERS_START(2, 3)
        Z_PARAM_STR(sequence)
        Z_PARAM_STR(flags)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(options)
    ZEND_PARSE_PARAMETERS_END();
    if (!check_flags(options, imapcompat::st_uid, 3, "ST_UID"))
        RETURN_THROWS();
    imapcompat::Handler *handler = open_handler(ZEND_THIS);
    if (handler == nullptr)
        RETURN_THROWS();
    handler->store_flags(view(sequence), view(flags), add, options & imapcompat::st_uid);
    RETURN_TRUE;
}

void copy_messages(INTERNAL_FUNCTION_PARAMETERS, bool move)
{
    zend_string *sequence, *mailbox;
    zend_long options = 0;
    ZEND_PARSE_PARAMETERS_START(2, 3)
        Z_PARAM_STR(sequence)
        Z_PARAM_STR(mailbox)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(options)
    ZEND_PARSE_PARAMETERS_END();
    if (move ? !check_flags(options, imapcompat::cp_uid, 3, "CP_UID")
             : !check_flags(options, imapcompat::cp_uid | imapcompat::cp_move, 3, "CP_UID and CP_MOVE"))
        RETURN_THROWS();
    imapcompat::Handler *handler = open_handler(ZEND_THIS);
    if (handler == nullptr)
        RETURN_THROWS();
    bool moving = move || (options & imapcompat::cp_move);
    RETURN_BOOL(handler->copy(view(sequence), view(mailbox), options & imapcompat::cp_uid, moving));
}

void mailbox_command(INTERNAL_FUNCTION_PARAMETERS, bool (*run)(imapcompat::Handler &, std::string_view))
{
    zend_string *mailbox;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(mailbox)
    ZEND_PARSE_PARAMETERS_END();
    imapcompat::Handler *handler = open_handler(ZEND_THIS);
    if (handler == nullptr)
        RETURN_THROWS();
    RETURN_BOOL(run(*handler, view(mailbox)));
}

}  // namespace

void register_imap_compat_classes()
{
    imap_handler_ce = register_class_MailBridge_Compat_ImapHandler();
    imap_handler_ce->create_object = handler_create;
    memcpy(&imap_handler_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
    imap_handler_handlers.offset = XtOffsetOf(HandlerObject, std);
    imap_handler_handlers.free_obj = handler_free;
    imap_handler_handlers.clone_obj = nullptr;
}

}  // namespace mailbridge::php

using namespace mailbridge;
using php::compat::make_header_info;

ZEND_METHOD(MailBridge_Compat_ImapHandler, __construct)
{
    HashTable *options = nullptr;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_ARRAY_HT(options)
    ZEND_PARSE_PARAMETERS_END();
    if (options == nullptr)
        return;
    imapcompat::HandlerSettings &settings = php::handler_of(ZEND_THIS).settings();
    zend_string *key;
    zval *entry;
    ZEND_HASH_FOREACH_STR_KEY_VAL(options, key, entry) {
        std::string name = key ? std::string(ZSTR_VAL(key), ZSTR_LEN(key)) : std::string();
        if (name == "cafile" || name == "capath") {
            if (Z_TYPE_P(entry) != IS_STRING) {
                zend_argument_type_error(1, "option \"%s\" must be of type string, %s given", name.c_str(),
                                         zend_zval_type_name(entry));
                RETURN_THROWS();
            }
            (name == "cafile" ? settings.tls.cafile : settings.tls.capath) = Z_STRVAL_P(entry);
        } else if (name == "timeout") {
            if (Z_TYPE_P(entry) != IS_LONG || Z_LVAL_P(entry) < 1) {
                zend_argument_value_error(1, "option \"timeout\" must be a positive number of seconds");
                RETURN_THROWS();
            }
            settings.open_timeout = settings.read_timeout = settings.write_timeout =
                static_cast<double>(Z_LVAL_P(entry));
        } else {
            zend_argument_value_error(1, "contains the unknown option \"%s\"; known: cafile, capath, timeout",
                                      name.c_str());
            RETURN_THROWS();
        }
    } ZEND_HASH_FOREACH_END();
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, isAvailable)
{
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_TRUE;
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, isValidStream)
{
    zval *stream;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_ZVAL(stream)
    ZEND_PARSE_PARAMETERS_END();
    RETURN_BOOL(Z_TYPE_P(stream) == IS_OBJECT && Z_OBJ_P(stream) == Z_OBJ_P(ZEND_THIS) &&
                php::handler_of(ZEND_THIS).is_open());
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, getLastError)
{
    ZEND_PARSE_PARAMETERS_NONE();
    php::return_optional_string(return_value, php::handler_of(ZEND_THIS).log().last_error());
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, getErrors)
{
    ZEND_PARSE_PARAMETERS_NONE();
    php::return_string_list(return_value, php::handler_of(ZEND_THIS).log().take_errors());
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, getAlerts)
{
    ZEND_PARSE_PARAMETERS_NONE();
    php::return_string_list(return_value, php::handler_of(ZEND_THIS).log().take_alerts());
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, open)
{
    zend_string *mailbox, *user, *password;
    zend_long options = 0, retries = 0;
    HashTable *params = nullptr;
    ZEND_PARSE_PARAMETERS_START(3, 6)
        Z_PARAM_STR(mailbox)
        Z_PARAM_STR(user)
        Z_PARAM_STR(password)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(options)
        Z_PARAM_LONG(retries)
        Z_PARAM_ARRAY_HT_OR_NULL(params)
    ZEND_PARSE_PARAMETERS_END();
    if ((options & ~imapcompat::open_flags_mask) != 0) {
        zend_argument_value_error(4, "must be a bitmask of the OP_* constants, and CL_EXPUNGE");
        RETURN_THROWS();
    }
    if (retries < 0) {
        zend_argument_value_error(5, "must be greater than or equal to 0");
        RETURN_THROWS();
    }
    std::vector<std::string> disabled;
    if (!php::read_disabled_authenticators(params, disabled))
        RETURN_THROWS();
    // $n_retries is checked but not used: the core makes one login attempt,
    // because each failed attempt counts towards the server's lockout.
    imapcompat::Handler &handler = php::handler_of(ZEND_THIS);
    Secret secret(php::view(password));
    if (!handler.open(php::view(mailbox), php::view(user), secret, options, disabled)) {
        php_error_docref(nullptr, E_WARNING, "Couldn't open stream %s", ZSTR_VAL(mailbox));
        RETURN_FALSE;
    }
    RETURN_OBJ_COPY(Z_OBJ_P(ZEND_THIS));
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, close)
{
    zend_long flags = 0;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(flags)
    ZEND_PARSE_PARAMETERS_END();
    if (flags != 0 && flags != imapcompat::cl_expunge) {
        zend_argument_value_error(1, "must be CL_EXPUNGE or 0");
        RETURN_THROWS();
    }
    imapcompat::Handler &handler = php::handler_of(ZEND_THIS);
    if (!handler.is_open())
        RETURN_FALSE;
    handler.close(flags);
    RETURN_TRUE;
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, ping)
{
    ZEND_PARSE_PARAMETERS_NONE();
    imapcompat::Handler &handler = php::handler_of(ZEND_THIS);
    RETURN_BOOL(handler.is_open() && handler.ping());
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, reopen)
{
    zend_string *mailbox;
    zend_long options = 0, retries = 0;
    ZEND_PARSE_PARAMETERS_START(1, 3)
        Z_PARAM_STR(mailbox)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(options)
        Z_PARAM_LONG(retries)
    ZEND_PARSE_PARAMETERS_END();
    constexpr zend_long mask = imapcompat::op_readonly | imapcompat::op_anonymous | imapcompat::op_halfopen |
                               128 /* OP_EXPUNGE */ | imapcompat::cl_expunge;
    if ((options & ~mask) != 0) {
        zend_argument_value_error(2, "must be a bitmask of OP_READONLY, OP_ANONYMOUS, OP_HALFOPEN, "
                                     "OP_EXPUNGE, and CL_EXPUNGE");
        RETURN_THROWS();
    }
    if (retries < 0) {
        zend_argument_value_error(3, "must be greater than or equal to 0");
        RETURN_THROWS();
    }
    imapcompat::Handler *handler = php::open_handler(ZEND_THIS);
    if (handler == nullptr)
        RETURN_THROWS();
    RETURN_BOOL(handler->reopen(php::view(mailbox), options));
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, getConnection)
{
    ZEND_PARSE_PARAMETERS_NONE();
    if (!php::handler_of(ZEND_THIS).is_open())
        RETURN_NULL();
    RETURN_OBJ_COPY(Z_OBJ_P(ZEND_THIS));
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, setTimeout)
{
    zend_long type, timeout = -1;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_LONG(type)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(timeout)
    ZEND_PARSE_PARAMETERS_END();
    imapcompat::HandlerSettings &settings = php::handler_of(ZEND_THIS).settings();
    double *target = nullptr;
    switch (type) {
    case 1:
        target = &settings.open_timeout;
        break;
    case 2:
        target = &settings.read_timeout;
        break;
    case 3:
        target = &settings.write_timeout;
        break;
    case 4:
        // IMAP_CLOSETIMEOUT: LOGOUT is bounded by the read timeout here.
        target = &settings.read_timeout;
        break;
    default:
        zend_argument_value_error(1, "must be IMAP_OPENTIMEOUT, IMAP_READTIMEOUT, IMAP_WRITETIMEOUT, or "
                                     "IMAP_CLOSETIMEOUT");
        RETURN_THROWS();
    }
    if (timeout == -1)
        RETURN_LONG(static_cast<zend_long>(*target));
    // NOTE: a new timeout applies from the next open(), not to a connection already open.
    *target = timeout > 0 ? static_cast<double>(timeout) : 0;
    RETURN_TRUE;
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, getMailboxes)
{
    zend_string *reference, *pattern;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_STR(reference)
        Z_PARAM_STR(pattern)
    ZEND_PARSE_PARAMETERS_END();
    imapcompat::Handler *handler = php::open_handler(ZEND_THIS);
    if (handler == nullptr)
        RETURN_THROWS();
    auto list = handler->list(php::view(reference), php::view(pattern));
    if (!list)
        RETURN_FALSE;
    std::string prefix(php::view(reference).substr(0, php::view(reference).find('}') + 1));
    array_init(return_value);
    for (const imap::MailboxInfo &info : *list) {
        zval entry;
        php::compat::make_mailbox_entry(&entry, info, prefix);
        add_next_index_zval(return_value, &entry);
    }
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, sort)
{
    zend_long criterion, options = 0;
    bool reverse;
    zend_string *criteria = nullptr, *charset = nullptr;
    ZEND_PARSE_PARAMETERS_START(2, 5)
        Z_PARAM_LONG(criterion)
        Z_PARAM_BOOL(reverse)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(options)
        Z_PARAM_STR_OR_NULL(criteria)
        Z_PARAM_STR_OR_NULL(charset)
    ZEND_PARSE_PARAMETERS_END();
    if (criterion < 0 || criterion > 6) {
        zend_argument_value_error(1, "must be one of the SORT* constants");
        RETURN_THROWS();
    }
    if (!php::check_flags(options, imapcompat::se_uid | 4 /* SE_NOPREFETCH */, 3, "SE_UID and SE_NOPREFETCH"))
        RETURN_THROWS();
    imapcompat::Handler *handler = php::open_handler(ZEND_THIS);
    if (handler == nullptr)
        RETURN_THROWS();
    auto sorted = handler->sort(criterion, reverse, options, criteria ? php::view(criteria) : "",
                                charset ? php::view(charset) : "");
    if (!sorted)
        RETURN_FALSE;
    php::return_number_list(return_value, *sorted);
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, getMessageNo)
{
    zend_long uid;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_LONG(uid)
    ZEND_PARSE_PARAMETERS_END();
    if (!php::check_message_number(uid, 1))
        RETURN_THROWS();
    imapcompat::Handler *handler = php::open_handler(ZEND_THIS);
    if (handler == nullptr)
        RETURN_THROWS();
    RETURN_LONG(handler->msgno_of(static_cast<uint32_t>(std::min<zend_long>(uid, UINT32_MAX))));
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, getHeaderInfo)
{
    zend_long number, from_length = 0, subject_length = 0;
    zend_string *default_host = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 4)
        Z_PARAM_LONG(number)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(from_length)
        Z_PARAM_LONG(subject_length)
        Z_PARAM_STR_OR_NULL(default_host)
    ZEND_PARSE_PARAMETERS_END();
    if (!php::check_message_number(number, 1))
        RETURN_THROWS();
    if (from_length < 0 || from_length >= 256) {
        zend_argument_value_error(2, "must be between 0 and 255");
        RETURN_THROWS();
    }
    if (subject_length < 0 || subject_length >= 256) {
        zend_argument_value_error(3, "must be between 0 and 255");
        RETURN_THROWS();
    }
    imapcompat::Handler *handler = php::open_handler(ZEND_THIS);
    if (handler == nullptr)
        RETURN_THROWS();
    uint32_t msgno = php::resolve_message(*handler, number, false);
    if (msgno == 0)
        RETURN_FALSE;
    auto messages = handler->fetch_messages({msgno}, false);
    if (messages.empty())
        RETURN_FALSE;
    make_header_info(return_value, messages.front(), from_length, subject_length);
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, fetchHeader)
{
    zend_long number, options = 0;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_LONG(number)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(options)
    ZEND_PARSE_PARAMETERS_END();
    if (!php::check_message_number(number, 1))
        RETURN_THROWS();
    if (!php::check_flags(options, imapcompat::ft_uid | 8 | 32, 2, "FT_UID, FT_INTERNAL, and FT_PREFETCHTEXT"))
        RETURN_THROWS();
    imapcompat::Handler *handler = php::open_handler(ZEND_THIS);
    if (handler == nullptr)
        RETURN_THROWS();
    uint32_t msgno = php::resolve_message(*handler, number, options & imapcompat::ft_uid);
    if (msgno == 0)
        RETURN_FALSE;
    php::return_optional_string(return_value, handler->fetch_section(msgno, "HEADER"));
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, append)
{
    zend_string *mailbox, *message, *flags = nullptr, *internal_date = nullptr;
    ZEND_PARSE_PARAMETERS_START(2, 4)
        Z_PARAM_STR(mailbox)
        Z_PARAM_STR(message)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR_OR_NULL(flags)
        Z_PARAM_STR_OR_NULL(internal_date)
    ZEND_PARSE_PARAMETERS_END();
    std::optional<int64_t> date;
    if (internal_date != nullptr) {
        int64_t parsed = imapcompat::parse_internal_date(php::view(internal_date));
        if (parsed == 0) {
            zend_argument_value_error(4, "must be a date such as \"04-Dec-2026 19:32:25 +0000\"");
            RETURN_THROWS();
        }
        date = parsed;
    }
    imapcompat::Handler *handler = php::open_handler(ZEND_THIS);
    if (handler == nullptr)
        RETURN_THROWS();
    RETURN_BOOL(handler->append(php::view(mailbox), php::view(message), flags ? php::view(flags) : "", date));
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, getUid)
{
    zend_long number;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_LONG(number)
    ZEND_PARSE_PARAMETERS_END();
    if (!php::check_message_number(number, 1))
        RETURN_THROWS();
    imapcompat::Handler *handler = php::open_handler(ZEND_THIS);
    if (handler == nullptr)
        RETURN_THROWS();
    imapcompat::Warning warning;
    auto uid = handler->uid_of(static_cast<uint32_t>(std::min<zend_long>(number, UINT32_MAX)), warning);
    if (!uid) {
        php::warn(warning);
        RETURN_FALSE;
    }
    RETURN_LONG(*uid);
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, expunge)
{
    ZEND_PARSE_PARAMETERS_NONE();
    imapcompat::Handler *handler = php::open_handler(ZEND_THIS);
    if (handler == nullptr)
        RETURN_THROWS();
    handler->expunge();
    RETURN_TRUE;
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, renameMailbox)
{
    zend_string *from, *to;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_STR(from)
        Z_PARAM_STR(to)
    ZEND_PARSE_PARAMETERS_END();
    imapcompat::Handler *handler = php::open_handler(ZEND_THIS);
    if (handler == nullptr)
        RETURN_THROWS();
    RETURN_BOOL(handler->rename_mailbox(php::view(from), php::view(to)));
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, getNumberOfMessages)
{
    ZEND_PARSE_PARAMETERS_NONE();
    imapcompat::Handler *handler = php::open_handler(ZEND_THIS);
    if (handler == nullptr)
        RETURN_THROWS();
    RETURN_LONG(handler->message_count());
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, fetchOverview)
{
    zend_string *sequence;
    zend_long options = 0;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_STR(sequence)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(options)
    ZEND_PARSE_PARAMETERS_END();
    if (!php::check_flags(options, imapcompat::ft_uid, 2, "FT_UID"))
        RETURN_THROWS();
    imapcompat::Handler *handler = php::open_handler(ZEND_THIS);
    if (handler == nullptr)
        RETURN_THROWS();
    array_init(return_value);
    auto msgnos = handler->parse_sequence(php::view(sequence), options & imapcompat::ft_uid);
    if (!msgnos)
        return;
    for (const imapcompat::MessageData &message : handler->fetch_messages(*msgnos, false)) {
        zval entry;
        php::compat::make_overview(&entry, message);
        add_next_index_zval(return_value, &entry);
    }
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, fetchStructure)
{
    zend_long number, options = 0;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_LONG(number)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(options)
    ZEND_PARSE_PARAMETERS_END();
    if (!php::check_message_number(number, 1))
        RETURN_THROWS();
    if (!php::check_flags(options, imapcompat::ft_uid, 2, "FT_UID"))
        RETURN_THROWS();
    imapcompat::Handler *handler = php::open_handler(ZEND_THIS);
    if (handler == nullptr)
        RETURN_THROWS();
    uint32_t msgno = php::resolve_message(*handler, number, options & imapcompat::ft_uid);
    if (msgno == 0)
        RETURN_FALSE;
    std::shared_ptr<const imap::BodyStructure> structure = handler->fetch_structure(msgno);
    if (!structure)
        RETURN_FALSE;
    php::compat::make_structure(return_value, *structure, true);
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, getBody)
{
    zend_long number, options = 0;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_LONG(number)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(options)
    ZEND_PARSE_PARAMETERS_END();
    if (!php::check_message_number(number, 1))
        RETURN_THROWS();
    if (!php::check_flags(options, imapcompat::ft_uid | imapcompat::ft_peek | 8, 2, "FT_UID, FT_PEEK, FT_INTERNAL"))
        RETURN_THROWS();
    imapcompat::Handler *handler = php::open_handler(ZEND_THIS);
    if (handler == nullptr)
        RETURN_THROWS();
    uint32_t msgno = php::resolve_message(*handler, number, options & imapcompat::ft_uid);
    if (msgno == 0)
        RETURN_FALSE;
    php::return_optional_string(return_value, handler->fetch_section(msgno, "TEXT"));
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, search)
{
    zend_string *criteria, *charset = nullptr;
    zend_long options = imapcompat::se_free;
    ZEND_PARSE_PARAMETERS_START(1, 3)
        Z_PARAM_STR(criteria)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(options)
        Z_PARAM_STR_OR_NULL(charset)
    ZEND_PARSE_PARAMETERS_END();
    if (!php::check_flags(options, imapcompat::se_uid | imapcompat::se_free, 2, "SE_FREE and SE_UID"))
        RETURN_THROWS();
    imapcompat::Handler *handler = php::open_handler(ZEND_THIS);
    if (handler == nullptr)
        RETURN_THROWS();
    auto found = handler->search(php::view(criteria), options, charset ? php::view(charset) : "");
    if (!found)
        RETURN_FALSE;
    php::return_number_list(return_value, *found);
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, delete)
{
    zend_string *sequence;
    zend_long options = 0;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_STR(sequence)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(options)
    ZEND_PARSE_PARAMETERS_END();
    if (!php::check_flags(options, imapcompat::ft_uid, 2, "FT_UID"))
        RETURN_THROWS();
    imapcompat::Handler *handler = php::open_handler(ZEND_THIS);
    if (handler == nullptr)
        RETURN_THROWS();
    handler->store_flags(php::view(sequence), "\\Deleted", true, options & imapcompat::ft_uid);
    RETURN_TRUE;
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, clearFlagFull)
{
    php::store_flags(INTERNAL_FUNCTION_PARAM_PASSTHRU, false);
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, setFlagFull)
{
    php::store_flags(INTERNAL_FUNCTION_PARAM_PASSTHRU, true);
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, unsubscribe)
{
    php::mailbox_command(INTERNAL_FUNCTION_PARAM_PASSTHRU,
                         [](imapcompat::Handler &handler, std::string_view name) { return handler.subscribe(name, false); });
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, subscribe)
{
    php::mailbox_command(INTERNAL_FUNCTION_PARAM_PASSTHRU,
                         [](imapcompat::Handler &handler, std::string_view name) { return handler.subscribe(name, true); });
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, deleteMailbox)
{
    php::mailbox_command(INTERNAL_FUNCTION_PARAM_PASSTHRU,
                         [](imapcompat::Handler &handler, std::string_view name) { return handler.delete_mailbox(name); });
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, createMailbox)
{
    php::mailbox_command(INTERNAL_FUNCTION_PARAM_PASSTHRU,
                         [](imapcompat::Handler &handler, std::string_view name) { return handler.create_mailbox(name); });
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, utf7Encode)
{
    zend_string *data;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(data)
    ZEND_PARSE_PARAMETERS_END();
    std::string error;
    std::optional<std::string> decoded = imap::decode_modified_utf7(php::view(data), &error);
    if (!decoded) {
        php_error_docref(nullptr, E_WARNING, "%s", error.c_str());
        RETURN_FALSE;
    }
    RETURN_STRINGL(decoded->data(), decoded->size());
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, getStatus)
{
    zend_string *mailbox;
    zend_long options;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_STR(mailbox)
        Z_PARAM_LONG(options)
    ZEND_PARSE_PARAMETERS_END();
    if (!php::check_flags(options, 31, 2, "SA_* constants"))
        RETURN_THROWS();
    imapcompat::Handler *handler = php::open_handler(ZEND_THIS);
    if (handler == nullptr)
        RETURN_THROWS();
    auto status = handler->status(php::view(mailbox));
    if (!status)
        RETURN_FALSE;
    php::compat::make_status(return_value, *status, options);
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, utf8)
{
    zend_string *text;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(text)
    ZEND_PARSE_PARAMETERS_END();
    std::string decoded = imapcompat::decode_header_text(php::view(text));
    RETURN_STRINGL(decoded.data(), decoded.size());
}

namespace {

// The shared body of fetchBody() and fetchMime(): both take a message
// number, a section and FT_UID, FT_PEEK or FT_INTERNAL.
void fetch_section(INTERNAL_FUNCTION_PARAMETERS,
                   std::optional<std::string> (imapcompat::Handler::*fetch)(uint32_t, std::string_view))
{
    zend_long number, options = 0;
    zend_string *section;
    ZEND_PARSE_PARAMETERS_START(2, 3)
        Z_PARAM_LONG(number)
        Z_PARAM_STR(section)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(options)
    ZEND_PARSE_PARAMETERS_END();
    if (!php::check_message_number(number, 1))
        RETURN_THROWS();
    if (!php::check_flags(options, imapcompat::ft_uid | imapcompat::ft_peek | 8, 3, "FT_UID, FT_PEEK, FT_INTERNAL"))
        RETURN_THROWS();
    imapcompat::Handler *handler = php::open_handler(ZEND_THIS);
    if (handler == nullptr)
        RETURN_THROWS();
    uint32_t msgno = php::resolve_message(*handler, number, options & imapcompat::ft_uid);
    if (msgno == 0)
        RETURN_FALSE;
    php::return_optional_string(return_value, (handler->*fetch)(msgno, php::view(section)));
}

}  // namespace

ZEND_METHOD(MailBridge_Compat_ImapHandler, fetchBody)
{
    fetch_section(INTERNAL_FUNCTION_PARAM_PASSTHRU, &imapcompat::Handler::fetch_body);
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, fetchMime)
{
    fetch_section(INTERNAL_FUNCTION_PARAM_PASSTHRU, &imapcompat::Handler::fetch_mime);
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, mimeHeaderDecode)
{
    zend_string *text;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(text)
    ZEND_PARSE_PARAMETERS_END();
    auto segments = mimeparse::ext_imap::mime_header_decode(php::view(text));
    if (!segments)
        RETURN_FALSE;
    array_init(return_value);
    for (const auto &segment : *segments) {
        zval entry;
        object_init(&entry);
        add_property_stringl(&entry, "charset", segment.charset.data(), segment.charset.size());
        add_property_stringl(&entry, "text", segment.text.data(), segment.text.size());
        add_next_index_zval(return_value, &entry);
    }
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, rfc822ParseHeaders)
{
    zend_string *headers, *default_host = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_STR(headers)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR(default_host)
    ZEND_PARSE_PARAMETERS_END();
    auto envelope = mimeparse::ext_imap::parse_rfc822_headers(php::view(headers),
                                                               default_host ? php::view(default_host) : "UNKNOWN");
    for (const std::string &error : envelope.errors)
        php::handler_of(ZEND_THIS).log().add_error(error);
    php::compat::make_rfc822_headers(return_value, envelope);
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, check)
{
    ZEND_PARSE_PARAMETERS_NONE();
    imapcompat::Handler *handler = php::open_handler(ZEND_THIS);
    if (handler == nullptr)
        RETURN_THROWS();
    if (!handler->ping())
        RETURN_FALSE;
    char date[64];
    time_t now = time(nullptr);
    struct tm utc;
    gmtime_r(&now, &utc);
    strftime(date, sizeof date, "%a, %e %b %Y %H:%M:%S +0000 (UTC)", &utc);
    std::string mailbox = handler->mailbox_name();
    object_init(return_value);
    add_property_string(return_value, "Date", date);
    add_property_string(return_value, "Driver", "imap");
    add_property_stringl(return_value, "Mailbox", mailbox.data(), mailbox.size());
    add_property_long(return_value, "Nmsgs", handler->message_count());
    add_property_long(return_value, "Recent", handler->recent_count());
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, mailCopy)
{
    php::copy_messages(INTERNAL_FUNCTION_PARAM_PASSTHRU, false);
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, mailMove)
{
    php::copy_messages(INTERNAL_FUNCTION_PARAM_PASSTHRU, true);
}

ZEND_METHOD(MailBridge_Compat_ImapHandler, getMessageList)
{
    zend_string *filter = nullptr;
    zend_long sort_criterion, sort_order, page_size;
    zval *offset_value, *mailbox_info;
    HashTable *columns;
    zend_string *auth_type;
    ZEND_PARSE_PARAMETERS_START(8, 8)
        Z_PARAM_STR_OR_NULL(filter)
        Z_PARAM_LONG(sort_criterion)
        Z_PARAM_LONG(sort_order)
        Z_PARAM_ZVAL(offset_value)
        Z_PARAM_LONG(page_size)
        Z_PARAM_ZVAL(mailbox_info)
        Z_PARAM_ARRAY_HT(columns)
        Z_PARAM_STR(auth_type)
    ZEND_PARSE_PARAMETERS_END();
    (void)auth_type;
    imapcompat::Handler *handler = php::open_handler(ZEND_THIS);
    if (handler == nullptr)
        RETURN_THROWS();
    bool from_end = Z_TYPE_P(offset_value) == IS_STRING && zend_string_equals_literal(Z_STR_P(offset_value), "end");
    zend_long offset = from_end ? 0 : zval_get_long(offset_value);
    if (page_size < 0)
        page_size = 0;

    imapcompat::MessagePage page = imapcompat::plan_message_page(
        *handler, filter ? php::view(filter) : "", sort_criterion, sort_order != 0, offset, from_end, page_size);
    zval *info = Z_REFVAL_P(mailbox_info);
    if (Z_TYPE_P(info) != IS_ARRAY) {
        zval_ptr_dtor(info);
        array_init(info);
    }
    SEPARATE_ARRAY(info);
    add_assoc_long(info, "Nmsgs", page.total);

    array_init(return_value);
    bool attachments = zend_hash_str_exists(columns, "has_attachment", sizeof("has_attachment") - 1);
    for (const imapcompat::MessageData &message : handler->fetch_messages(page.msgnos, attachments)) {
        zval object, entry;
        php::compat::make_overview(&object, message);
        // The page contains arrays: SuiteCRM turns the objects into arrays with json_decode(json_encode()).
        array_init(&entry);
        zend_string *name;
        zval *value;
        ZEND_HASH_FOREACH_STR_KEY_VAL(Z_OBJPROP(object), name, value) {
            Z_TRY_ADDREF_P(value);
            zend_hash_update(Z_ARRVAL(entry), name, value);
        } ZEND_HASH_FOREACH_END();
        zval_ptr_dtor(&object);
        if (attachments)
            add_assoc_bool(&entry, "has_attachment", message.structure && imapcompat::has_attachment(*message.structure));
        add_next_index_zval(return_value, &entry);
    }
}

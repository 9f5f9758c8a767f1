#include "php/objects.h"

#include "mime/address.h"
#include "mime/message.h"

#include "../../php_stubs/message_arginfo.h"

namespace mailbridge::php {

zend_class_entry *message_ce;
zend_class_entry *envelope_ce;

namespace {

zend_object_handlers message_handlers;

zend_object *message_create(zend_class_entry *ce)
{
    auto *intern = static_cast<MessageObject *>(zend_object_alloc(sizeof(MessageObject), ce));
    zend_object_std_init(&intern->std, ce);
    object_properties_init(&intern->std, ce);
    intern->message = new mime::Message();
    intern->std.handlers = &message_handlers;
    return &intern->std;
}

void message_free(zend_object *object)
{
    MessageObject *intern = message_from(object);
    delete intern->message;
    intern->message = nullptr;
    zend_object_std_dtor(object);
}

zend_object *message_clone(zend_object *old_object)
{
    zend_object *new_object = message_create(old_object->ce);
    zend_objects_clone_members(new_object, old_object);
    MessageObject *source = message_from(old_object);
    MessageObject *target = message_from(new_object);
    try {
        *target->message = *source->message;
    } catch (const std::exception &error) {
        zend_throw_error(nullptr, "cannot clone the message: %s", error.what());
    }
    return new_object;
}

mime::Message &this_message(zval *this_zval)
{
    return *message_from(Z_OBJ_P(this_zval))->message;
}

std::string to_string(zend_string *text)
{
    return std::string(ZSTR_VAL(text), ZSTR_LEN(text));
}

// Run call, which uses the C++ core, so that no C++ exception reaches the
// engine: InvalidInput becomes a ValueError, any other exception an Error.
// Returns false when one was thrown.
template <typename Call>
bool call_core(Call call)
{
    try {
        call();
        return true;
    } catch (const mime::InvalidInput &error) {
        throw_value_error(error.what());
    } catch (const std::exception &error) {
        zend_throw_error(nullptr, "%s", error.what());
    }
    return false;
}

// Parse each variadic argument as an address and pass it to add. Returns
// false with a ValueError thrown on the first invalid one, before any is added.
template <typename Add>
bool add_addresses(zval *arguments, uint32_t count, Add add)
{
    return call_core([&]() {
        std::vector<mime::Address> parsed;
        for (uint32_t i = 0; i < count; ++i) {
            std::string text = to_string(Z_STR(arguments[i]));
            try {
                parsed.push_back(mime::parse_address(text));
            } catch (const mime::InvalidInput &error) {
                // CRMs often store recipient lists as one comma-separated string.
                if (text.find(',') == std::string::npos && text.find(';') == std::string::npos)
                    throw;
                throw mime::InvalidInput(std::string(error.what()) +
                                         " (pass one address per argument: ->to('a@example.com', 'b@example.com'))");
            }
        }
        for (mime::Address &address : parsed)
            add(std::move(address));
    });
}

std::string optional_string(zend_string *text)
{
    return text ? to_string(text) : std::string();
}

}  // namespace

void register_message_classes()
{
    message_ce = register_class_MailBridge_Message();
    message_ce->create_object = message_create;
    memcpy(&message_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
    message_handlers.offset = XtOffsetOf(MessageObject, std);
    message_handlers.free_obj = message_free;
    message_handlers.clone_obj = message_clone;

    envelope_ce = register_class_MailBridge_Envelope();
}

bool envelope_data(zend_object *envelope, EnvelopeData &data)
{
    zval rv;
    zval *sender = zend_read_property(envelope_ce, envelope, "sender", sizeof("sender") - 1, 1, &rv);
    zval *recipients = zend_read_property(envelope_ce, envelope, "recipients", sizeof("recipients") - 1, 1, &rv);
    if (Z_TYPE_P(sender) != IS_STRING || Z_TYPE_P(recipients) != IS_ARRAY) {
        zend_throw_error(nullptr, "MailBridge\\Envelope is not initialized");
        return false;
    }
    data.sender = std::string(Z_STRVAL_P(sender), Z_STRLEN_P(sender));
    zval *entry;
    ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(recipients), entry) {
        data.recipients.emplace_back(Z_STRVAL_P(entry), Z_STRLEN_P(entry));
        // A non-ASCII byte can only be in the local part: domains are A-labels by now.
        for (char c : data.recipients.back()) {
            if (static_cast<unsigned char>(c) >= 0x80)
                data.smtputf8 = true;
        }
    } ZEND_HASH_FOREACH_END();
    for (char c : data.sender) {
        if (static_cast<unsigned char>(c) >= 0x80)
            data.smtputf8 = true;
    }
    return true;
}

}  // namespace mailbridge::php

using namespace mailbridge;
using mailbridge::php::call_core;
using mailbridge::php::optional_string;
using mailbridge::php::this_message;
using mailbridge::php::to_string;

ZEND_METHOD(MailBridge_Message, __construct)
{
    (void)return_value;
    ZEND_PARSE_PARAMETERS_NONE();
}

ZEND_METHOD(MailBridge_Message, from)
{
    zend_string *address;
    zend_string *name = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_STR(address)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR_OR_NULL(name)
    ZEND_PARSE_PARAMETERS_END();

    bool done = call_core([&]() {
        mime::Address parsed = name ? mime::make_address(to_string(address), to_string(name))
                                    : mime::parse_address(to_string(address));
        this_message(ZEND_THIS).set_from(std::move(parsed));
    });
    if (!done)
        RETURN_THROWS();
    RETURN_OBJ_COPY(Z_OBJ_P(ZEND_THIS));
}

#define MAILBRIDGE_ADDRESS_LIST_METHOD(method, adder)                                         \
    ZEND_METHOD(MailBridge_Message, method)                                                   \
    {                                                                                          \
        zval *arguments = nullptr;                                                             \
        uint32_t count = 0;                                                                    \
        ZEND_PARSE_PARAMETERS_START(0, -1)                                                     \
            Z_PARAM_VARIADIC('+', arguments, count)                                            \
        ZEND_PARSE_PARAMETERS_END();                                                           \
        for (uint32_t i = 0; i < count; ++i) {                                                 \
            if (Z_TYPE(arguments[i]) != IS_STRING) {                                           \
                zend_argument_type_error(i + 1, "must be of type string, %s given",            \
                                         zend_zval_type_name(&arguments[i]));                  \
                RETURN_THROWS();                                                               \
            }                                                                                  \
        }                                                                                      \
        mime::Message &message = this_message(ZEND_THIS);                                      \
        if (!php::add_addresses(arguments, count,                                              \
                                [&](mime::Address address) { message.adder(std::move(address)); })) \
            RETURN_THROWS();                                                                   \
        RETURN_OBJ_COPY(Z_OBJ_P(ZEND_THIS));                                                   \
    }

MAILBRIDGE_ADDRESS_LIST_METHOD(to, add_to)
MAILBRIDGE_ADDRESS_LIST_METHOD(cc, add_cc)
MAILBRIDGE_ADDRESS_LIST_METHOD(bcc, add_bcc)
MAILBRIDGE_ADDRESS_LIST_METHOD(replyTo, add_reply_to)

ZEND_METHOD(MailBridge_Message, subject)
{
    zend_string *subject;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(subject)
    ZEND_PARSE_PARAMETERS_END();
    if (!call_core([&]() { this_message(ZEND_THIS).set_subject(to_string(subject)); }))
        RETURN_THROWS();
    RETURN_OBJ_COPY(Z_OBJ_P(ZEND_THIS));
}

ZEND_METHOD(MailBridge_Message, text)
{
    zend_string *body;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(body)
    ZEND_PARSE_PARAMETERS_END();
    if (!call_core([&]() { this_message(ZEND_THIS).set_text(to_string(body)); }))
        RETURN_THROWS();
    RETURN_OBJ_COPY(Z_OBJ_P(ZEND_THIS));
}

ZEND_METHOD(MailBridge_Message, html)
{
    zend_string *body;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(body)
    ZEND_PARSE_PARAMETERS_END();
    if (!call_core([&]() { this_message(ZEND_THIS).set_html(to_string(body)); }))
        RETURN_THROWS();
    RETURN_OBJ_COPY(Z_OBJ_P(ZEND_THIS));
}

ZEND_METHOD(MailBridge_Message, attach)
{
    zend_string *content;
    zend_string *filename;
    zend_string *content_type = nullptr;
    ZEND_PARSE_PARAMETERS_START(2, 3)
        Z_PARAM_STR(content)
        Z_PARAM_STR(filename)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR_OR_NULL(content_type)
    ZEND_PARSE_PARAMETERS_END();
    bool done = call_core([&]() {
        this_message(ZEND_THIS).attach(to_string(content), to_string(filename), optional_string(content_type));
    });
    if (!done)
        RETURN_THROWS();
    RETURN_OBJ_COPY(Z_OBJ_P(ZEND_THIS));
}

ZEND_METHOD(MailBridge_Message, attachFromPath)
{
    zend_string *path;
    zend_string *filename = nullptr;
    zend_string *content_type = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 3)
        Z_PARAM_PATH_STR(path)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR_OR_NULL(filename)
        Z_PARAM_STR_OR_NULL(content_type)
    ZEND_PARSE_PARAMETERS_END();

    bool done = call_core([&]() {
        this_message(ZEND_THIS).attach_path(to_string(path), optional_string(filename),
                                            optional_string(content_type));
    });
    if (!done)
        RETURN_THROWS();
    RETURN_OBJ_COPY(Z_OBJ_P(ZEND_THIS));
}

ZEND_METHOD(MailBridge_Message, embed)
{
    zend_string *content;
    zend_string *cid;
    zend_string *filename = nullptr;
    zend_string *content_type = nullptr;
    ZEND_PARSE_PARAMETERS_START(2, 4)
        Z_PARAM_STR(content)
        Z_PARAM_STR(cid)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR_OR_NULL(filename)
        Z_PARAM_STR_OR_NULL(content_type)
    ZEND_PARSE_PARAMETERS_END();
    bool done = call_core([&]() {
        this_message(ZEND_THIS).embed(to_string(content), to_string(cid), optional_string(filename),
                                      optional_string(content_type));
    });
    if (!done)
        RETURN_THROWS();
    RETURN_OBJ_COPY(Z_OBJ_P(ZEND_THIS));
}

ZEND_METHOD(MailBridge_Message, embedFromPath)
{
    zend_string *path;
    zend_string *cid;
    zend_string *content_type = nullptr;
    ZEND_PARSE_PARAMETERS_START(2, 3)
        Z_PARAM_PATH_STR(path)
        Z_PARAM_STR(cid)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR_OR_NULL(content_type)
    ZEND_PARSE_PARAMETERS_END();
    bool done = call_core([&]() {
        this_message(ZEND_THIS).embed_path(to_string(path), to_string(cid), std::string(),
                                           optional_string(content_type));
    });
    if (!done)
        RETURN_THROWS();
    RETURN_OBJ_COPY(Z_OBJ_P(ZEND_THIS));
}

ZEND_METHOD(MailBridge_Message, calendar)
{
    zend_string *ics;
    zend_string *method = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_STR(ics)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR(method)
    ZEND_PARSE_PARAMETERS_END();
    bool done = call_core([&]() {
        this_message(ZEND_THIS).set_calendar(to_string(ics), method ? to_string(method) : std::string("REQUEST"));
    });
    if (!done)
        RETURN_THROWS();
    RETURN_OBJ_COPY(Z_OBJ_P(ZEND_THIS));
}

ZEND_METHOD(MailBridge_Message, charset)
{
    zend_string *charset;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(charset)
    ZEND_PARSE_PARAMETERS_END();
    if (!call_core([&]() { this_message(ZEND_THIS).set_charset(to_string(charset)); }))
        RETURN_THROWS();
    RETURN_OBJ_COPY(Z_OBJ_P(ZEND_THIS));
}

ZEND_METHOD(MailBridge_Message, autoSubmitted)
{
    ZEND_PARSE_PARAMETERS_NONE();
    if (!call_core([&]() { this_message(ZEND_THIS).set_auto_submitted(); }))
        RETURN_THROWS();
    RETURN_OBJ_COPY(Z_OBJ_P(ZEND_THIS));
}

ZEND_METHOD(MailBridge_Message, listUnsubscribe)
{
    zend_string *url;
    zend_string *mailto = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_STR_OR_NULL(url)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR_OR_NULL(mailto)
    ZEND_PARSE_PARAMETERS_END();
    bool done = call_core([&]() {
        this_message(ZEND_THIS).set_list_unsubscribe(optional_string(url), optional_string(mailto));
    });
    if (!done)
        RETURN_THROWS();
    RETURN_OBJ_COPY(Z_OBJ_P(ZEND_THIS));
}

ZEND_METHOD(MailBridge_Message, header)
{
    zend_string *name;
    zend_string *value;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_STR(name)
        Z_PARAM_STR(value)
    ZEND_PARSE_PARAMETERS_END();
    if (!call_core([&]() { this_message(ZEND_THIS).add_header(to_string(name), to_string(value)); }))
        RETURN_THROWS();
    RETURN_OBJ_COPY(Z_OBJ_P(ZEND_THIS));
}

ZEND_METHOD(MailBridge_Message, messageId)
{
    zend_string *id;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(id)
    ZEND_PARSE_PARAMETERS_END();
    if (!call_core([&]() { this_message(ZEND_THIS).set_message_id(to_string(id)); }))
        RETURN_THROWS();
    RETURN_OBJ_COPY(Z_OBJ_P(ZEND_THIS));
}

ZEND_METHOD(MailBridge_Message, messageIdDomain)
{
    zend_string *domain;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(domain)
    ZEND_PARSE_PARAMETERS_END();
    if (!call_core([&]() { this_message(ZEND_THIS).set_message_id_domain(to_string(domain)); }))
        RETURN_THROWS();
    RETURN_OBJ_COPY(Z_OBJ_P(ZEND_THIS));
}

ZEND_METHOD(MailBridge_Message, getMessageId)
{
    ZEND_PARSE_PARAMETERS_NONE();
    const std::string &id = this_message(ZEND_THIS).message_id();
    if (id.empty())
        RETURN_NULL();
    RETURN_STRINGL(id.data(), id.size());
}

// Write the message straight into the PHP string: one allocation of the
// exact size, instead of a C++ string that is then copied.
static void message_to_string(INTERNAL_FUNCTION_PARAMETERS)
{
    ZEND_PARSE_PARAMETERS_NONE();
    zend_string *bytes = nullptr;
    try {
        mime::Message &message = this_message(ZEND_THIS);
        message.freeze();
        bytes = zend_string_alloc(static_cast<size_t>(message.size()), 0);
        message.write_frozen(ZSTR_VAL(bytes));
        ZSTR_VAL(bytes)[ZSTR_LEN(bytes)] = '\0';
    } catch (const mime::InvalidInput &error) {
        if (bytes != nullptr)
            zend_string_efree(bytes);
        php::throw_value_error(error.what());
        RETURN_THROWS();
    } catch (const std::exception &error) {
        if (bytes != nullptr)
            zend_string_efree(bytes);
        zend_throw_error(nullptr, "cannot serialize the message: %s", error.what());
        RETURN_THROWS();
    }
    RETURN_NEW_STR(bytes);
}

ZEND_METHOD(MailBridge_Message, toString)
{
    message_to_string(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

ZEND_METHOD(MailBridge_Message, __toString)
{
    message_to_string(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

ZEND_METHOD(MailBridge_Envelope, __construct)
{
    zend_string *sender;
    HashTable *recipients;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_STR(sender)
        Z_PARAM_ARRAY_HT(recipients)
    ZEND_PARSE_PARAMETERS_END();

    std::string sender_spec;
    try {
        // An empty sender is the null reverse-path (<>) used for bounces.
        if (ZSTR_LEN(sender) > 0)
            sender_spec = mime::parse_address(to_string(sender)).addr_spec();
    } catch (const mime::InvalidInput &error) {
        zend_argument_value_error(1, "is not a valid address: %s", error.what());
        RETURN_THROWS();
    } catch (const std::exception &error) {
        zend_throw_error(nullptr, "%s", error.what());
        RETURN_THROWS();
    }
    if (zend_hash_num_elements(recipients) == 0) {
        zend_argument_value_error(2, "must contain at least one recipient");
        RETURN_THROWS();
    }

    zval list;
    array_init_size(&list, zend_hash_num_elements(recipients));
    zval *entry;
    ZEND_HASH_FOREACH_VAL(recipients, entry) {
        ZVAL_DEREF(entry);
        if (Z_TYPE_P(entry) != IS_STRING) {
            zval_ptr_dtor(&list);
            zend_argument_type_error(2, "must contain only strings, %s given", zend_zval_type_name(entry));
            RETURN_THROWS();
        }
        std::string spec;
        try {
            spec = mime::parse_address(std::string(Z_STRVAL_P(entry), Z_STRLEN_P(entry))).addr_spec();
        } catch (const mime::InvalidInput &error) {
            zval_ptr_dtor(&list);
            zend_argument_value_error(2, "contains an invalid address: %s", error.what());
            RETURN_THROWS();
        } catch (const std::exception &error) {
            zval_ptr_dtor(&list);
            zend_throw_error(nullptr, "%s", error.what());
            RETURN_THROWS();
        }
        add_next_index_stringl(&list, spec.data(), spec.size());
    } ZEND_HASH_FOREACH_END();

    zend_update_property_stringl(php::envelope_ce, Z_OBJ_P(ZEND_THIS), "sender", sizeof("sender") - 1,
                                 sender_spec.data(), sender_spec.size());
    zend_update_property(php::envelope_ce, Z_OBJ_P(ZEND_THIS), "recipients", sizeof("recipients") - 1, &list);
    zval_ptr_dtor(&list);
}

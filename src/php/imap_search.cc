// MailBridge\ImapSearch: a builder over imap::SearchQuery. Each method
// checks its argument at once and raises a ValueError for one the query
// cannot carry, so search() never meets an invalid query.
#include "php/imap.h"

extern "C" {
#include "ext/date/php_date.h"
}

#include <cstdio>
#include <stdexcept>

namespace mailbridge::php {

zend_class_entry *imap_search_ce;

namespace {

zend_object_handlers imap_search_handlers;

zend_object *imap_search_create(zend_class_entry *ce)
{
    auto *intern = static_cast<ImapSearchObject *>(zend_object_alloc(sizeof(ImapSearchObject), ce));
    zend_object_std_init(&intern->std, ce);
    object_properties_init(&intern->std, ce);
    intern->query = new imap::SearchQuery();
    intern->std.handlers = &imap_search_handlers;
    return &intern->std;
}

void imap_search_free(zend_object *object)
{
    ImapSearchObject *intern = imap_search_from(object);
    delete intern->query;
    intern->query = nullptr;
    zend_object_std_dtor(object);
}

zend_object *imap_search_clone(zend_object *old_object)
{
    zend_object *new_object = imap_search_create(old_object->ce);
    *imap_search_from(new_object)->query = *imap_search_from(old_object)->query;
    zend_objects_clone_members(new_object, old_object);
    return new_object;
}

// Apply one change to the query of $this and return $this, or raise a
// ValueError with the core's reason.
template <typename Change>
void apply(zval *this_zval, zval *return_value, Change &&change)
{
    imap::SearchQuery &query = *imap_search_from(Z_OBJ_P(this_zval))->query;
    try {
        change(query);
    } catch (const std::invalid_argument &error) {
        throw_value_error(std::string("MailBridge\\ImapSearch: ") + error.what());
        return;
    }
    RETURN_COPY(this_zval);
}

// Read the calendar day of a DateTimeInterface in its own time zone.
bool read_day(zend_object *date, int &year, int &month, int &day)
{
    zval format, result;
    ZVAL_STRING(&format, "Y-n-j");
    zend_call_method_with_1_params(date, date->ce, nullptr, "format", &result, &format);
    zval_ptr_dtor(&format);
    if (Z_TYPE(result) != IS_STRING) {
        zval_ptr_dtor(&result);
        return false;
    }
    bool ok = sscanf(Z_STRVAL(result), "%d-%d-%d", &year, &month, &day) == 3;
    zval_ptr_dtor(&result);
    return ok;
}

void date_key(INTERNAL_FUNCTION_PARAMETERS, const char *key)
{
    zend_object *date;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_OBJ_OF_CLASS(date, php_date_get_interface_ce())
    ZEND_PARSE_PARAMETERS_END();
    int year = 0, month = 0, day = 0;
    if (!read_day(date, year, month, day)) {
        if (!EG(exception))
            zend_argument_value_error(1, "must be a date that DateTimeInterface::format() can print");
        RETURN_THROWS();
    }
    apply(ZEND_THIS, return_value, [&](imap::SearchQuery &query) { query.date(key, year, month, day); });
}

void text_key(INTERNAL_FUNCTION_PARAMETERS, const char *key)
{
    zend_string *value;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(value)
    ZEND_PARSE_PARAMETERS_END();
    std::string_view text(ZSTR_VAL(value), ZSTR_LEN(value));
    apply(ZEND_THIS, return_value, [&](imap::SearchQuery &query) { query.text(key, text); });
}

}  // namespace

void init_imap_search_class(zend_class_entry *ce)
{
    imap_search_ce = ce;
    ce->create_object = imap_search_create;
    memcpy(&imap_search_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
    imap_search_handlers.offset = XtOffsetOf(ImapSearchObject, std);
    imap_search_handlers.free_obj = imap_search_free;
    imap_search_handlers.clone_obj = imap_search_clone;
}

}  // namespace mailbridge::php

using namespace mailbridge;

ZEND_METHOD(MailBridge_ImapSearch, __construct)
{
    (void)return_value;
    ZEND_PARSE_PARAMETERS_NONE();
}

ZEND_METHOD(MailBridge_ImapSearch, flag)
{
    zend_string *key;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(key)
    ZEND_PARSE_PARAMETERS_END();
    std::string_view name(ZSTR_VAL(key), ZSTR_LEN(key));
    php::apply(ZEND_THIS, return_value, [&](imap::SearchQuery &query) { query.flag(name); });
}

ZEND_METHOD(MailBridge_ImapSearch, from) { php::text_key(INTERNAL_FUNCTION_PARAM_PASSTHRU, "FROM"); }
ZEND_METHOD(MailBridge_ImapSearch, to) { php::text_key(INTERNAL_FUNCTION_PARAM_PASSTHRU, "TO"); }
ZEND_METHOD(MailBridge_ImapSearch, cc) { php::text_key(INTERNAL_FUNCTION_PARAM_PASSTHRU, "CC"); }
ZEND_METHOD(MailBridge_ImapSearch, bcc) { php::text_key(INTERNAL_FUNCTION_PARAM_PASSTHRU, "BCC"); }
ZEND_METHOD(MailBridge_ImapSearch, subject) { php::text_key(INTERNAL_FUNCTION_PARAM_PASSTHRU, "SUBJECT"); }
ZEND_METHOD(MailBridge_ImapSearch, body) { php::text_key(INTERNAL_FUNCTION_PARAM_PASSTHRU, "BODY"); }
ZEND_METHOD(MailBridge_ImapSearch, text) { php::text_key(INTERNAL_FUNCTION_PARAM_PASSTHRU, "TEXT"); }

ZEND_METHOD(MailBridge_ImapSearch, header)
{
    zend_string *name, *value;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_STR(name)
        Z_PARAM_STR(value)
    ZEND_PARSE_PARAMETERS_END();
    std::string_view field(ZSTR_VAL(name), ZSTR_LEN(name));
    std::string_view text(ZSTR_VAL(value), ZSTR_LEN(value));
    php::apply(ZEND_THIS, return_value, [&](imap::SearchQuery &query) { query.header(field, text); });
}

ZEND_METHOD(MailBridge_ImapSearch, keyword)
{
    zend_string *keyword;
    bool present = true;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_STR(keyword)
        Z_PARAM_OPTIONAL
        Z_PARAM_BOOL(present)
    ZEND_PARSE_PARAMETERS_END();
    std::string_view text(ZSTR_VAL(keyword), ZSTR_LEN(keyword));
    php::apply(ZEND_THIS, return_value, [&](imap::SearchQuery &query) { query.keyword(text, present); });
}

ZEND_METHOD(MailBridge_ImapSearch, since) { php::date_key(INTERNAL_FUNCTION_PARAM_PASSTHRU, "SINCE"); }
ZEND_METHOD(MailBridge_ImapSearch, before) { php::date_key(INTERNAL_FUNCTION_PARAM_PASSTHRU, "BEFORE"); }
ZEND_METHOD(MailBridge_ImapSearch, on) { php::date_key(INTERNAL_FUNCTION_PARAM_PASSTHRU, "ON"); }
ZEND_METHOD(MailBridge_ImapSearch, sentSince) { php::date_key(INTERNAL_FUNCTION_PARAM_PASSTHRU, "SENTSINCE"); }
ZEND_METHOD(MailBridge_ImapSearch, sentBefore) { php::date_key(INTERNAL_FUNCTION_PARAM_PASSTHRU, "SENTBEFORE"); }
ZEND_METHOD(MailBridge_ImapSearch, sentOn) { php::date_key(INTERNAL_FUNCTION_PARAM_PASSTHRU, "SENTON"); }

ZEND_METHOD(MailBridge_ImapSearch, larger)
{
    zend_long octets;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_LONG(octets)
    ZEND_PARSE_PARAMETERS_END();
    if (octets < 0) {
        zend_argument_value_error(1, "must be greater than or equal to 0");
        RETURN_THROWS();
    }
    php::apply(ZEND_THIS, return_value,
               [&](imap::SearchQuery &query) { query.larger(static_cast<uint64_t>(octets)); });
}

ZEND_METHOD(MailBridge_ImapSearch, smaller)
{
    zend_long octets;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_LONG(octets)
    ZEND_PARSE_PARAMETERS_END();
    if (octets < 0) {
        zend_argument_value_error(1, "must be greater than or equal to 0");
        RETURN_THROWS();
    }
    php::apply(ZEND_THIS, return_value,
               [&](imap::SearchQuery &query) { query.smaller(static_cast<uint64_t>(octets)); });
}

ZEND_METHOD(MailBridge_ImapSearch, uids)
{
    HashTable *table;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_ARRAY_HT(table)
    ZEND_PARSE_PARAMETERS_END();
    std::vector<uint32_t> uids;
    if (!php::read_uid_list(table, 1, uids))
        RETURN_THROWS();
    php::apply(ZEND_THIS, return_value, [&](imap::SearchQuery &query) { query.uids(uids); });
}

ZEND_METHOD(MailBridge_ImapSearch, anyOf)
{
    zend_object *first, *second;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_OBJ_OF_CLASS(first, php::imap_search_ce)
        Z_PARAM_OBJ_OF_CLASS(second, php::imap_search_ce)
    ZEND_PARSE_PARAMETERS_END();
    // Copies, because $first or $second may be $this.
    imap::SearchQuery first_query = *php::imap_search_from(first)->query;
    imap::SearchQuery second_query = *php::imap_search_from(second)->query;
    php::apply(ZEND_THIS, return_value,
               [&](imap::SearchQuery &query) { query.any_of(first_query, second_query); });
}

ZEND_METHOD(MailBridge_ImapSearch, not)
{
    zend_object *negated;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_OBJ_OF_CLASS(negated, php::imap_search_ce)
    ZEND_PARSE_PARAMETERS_END();
    imap::SearchQuery negated_query = *php::imap_search_from(negated)->query;
    php::apply(ZEND_THIS, return_value, [&](imap::SearchQuery &query) { query.negate(negated_query); });
}

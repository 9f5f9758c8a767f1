#include "php/php_mailbridge.h"

#include <cmath>
#include <cstdlib>

#include "pool/pool.h"

#include "../../php_stubs/pool_arginfo.h"

namespace mailbridge::php {

namespace {

zend_class_entry *pool_ce;

// Accepted range of each numeric ini setting; a value outside it is
// rejected with a warning and the old value stays.
struct Range {
    const char *name;
    double min;
    double max;
};

const Range ranges[] = {
    {"mailbridge.pool_max_idle_per_key", 0, 1000},
    {"mailbridge.pool_idle_timeout", 0, 86400},
    {"mailbridge.pool_probe_interval", 0, 86400},
    {"mailbridge.pool_max_messages_per_connection", 0, 1000000},
    {"mailbridge.pool_max_lifetime", 0, 86400},
};

const Range *range_of(zend_string *name)
{
    for (const Range &range : ranges) {
        if (strcmp(range.name, ZSTR_VAL(name)) == 0)
            return &range;
    }
    return nullptr;
}

bool parse_in_range(zend_ini_entry *entry, zend_string *value, double &number)
{
    const char *text = ZSTR_VAL(value);
    char *end = nullptr;
    number = std::strtod(text, &end);
    const Range *range = range_of(entry->name);
    if (end == text || *end != '\0' || !std::isfinite(number) || range == nullptr || number < range->min ||
        number > range->max) {
        php_error_docref(nullptr, E_WARNING, "%s must be a number from %g to %g, \"%s\" given", ZSTR_VAL(entry->name),
                         range ? range->min : 0.0, range ? range->max : 0.0, text);
        return false;
    }
    return true;
}

ZEND_INI_MH(OnUpdateBoundedLong)
{
    (void)mh_arg3;
    (void)stage;
    double number;
    if (!parse_in_range(entry, new_value, number) || number != std::floor(number))
        return FAILURE;
    auto *target = reinterpret_cast<zend_long *>(ZEND_INI_GET_ADDR());
    *target = static_cast<zend_long>(number);
    return SUCCESS;
}

ZEND_INI_MH(OnUpdateBoundedDouble)
{
    (void)mh_arg3;
    (void)stage;
    double number;
    if (!parse_in_range(entry, new_value, number))
        return FAILURE;
    auto *target = reinterpret_cast<double *>(ZEND_INI_GET_ADDR());
    *target = number;
    return SUCCESS;
}

PHP_INI_BEGIN()
    STD_PHP_INI_ENTRY("mailbridge.pool_max_idle_per_key", "4", PHP_INI_ALL, OnUpdateBoundedLong,
                      pool_max_idle_per_key, zend_mailbridge_globals, mailbridge_globals)
    STD_PHP_INI_ENTRY("mailbridge.pool_idle_timeout", "30", PHP_INI_ALL, OnUpdateBoundedDouble,
                      pool_idle_timeout, zend_mailbridge_globals, mailbridge_globals)
    STD_PHP_INI_ENTRY("mailbridge.pool_probe_interval", "5", PHP_INI_ALL, OnUpdateBoundedDouble,
                      pool_probe_interval, zend_mailbridge_globals, mailbridge_globals)
    STD_PHP_INI_ENTRY("mailbridge.pool_max_messages_per_connection", "100", PHP_INI_ALL, OnUpdateBoundedLong,
                      pool_max_messages_per_connection, zend_mailbridge_globals, mailbridge_globals)
    STD_PHP_INI_ENTRY("mailbridge.pool_max_lifetime", "300", PHP_INI_ALL, OnUpdateBoundedDouble,
                      pool_max_lifetime, zend_mailbridge_globals, mailbridge_globals)
PHP_INI_END()

pool::Limits current_limits()
{
    pool::Limits limits;
    limits.max_idle_per_key = static_cast<unsigned>(MAILBRIDGE_G(pool_max_idle_per_key));
    limits.idle_timeout = MAILBRIDGE_G(pool_idle_timeout);
    limits.probe_interval = MAILBRIDGE_G(pool_probe_interval);
    limits.max_messages = static_cast<unsigned>(MAILBRIDGE_G(pool_max_messages_per_connection));
    limits.max_lifetime = MAILBRIDGE_G(pool_max_lifetime);
    return limits;
}

}  // namespace

// REGISTER_INI_ENTRIES() reads `type` from PHP 8.2 on and ignores it before.
void register_pool_ini(int type, int module_number)
{
    (void)type;
    REGISTER_INI_ENTRIES();
}

void unregister_pool_ini(int type, int module_number)
{
    (void)type;
    UNREGISTER_INI_ENTRIES();
}

void init_pool_globals(zend_mailbridge_globals *globals)
{
    globals->pool = nullptr;
}

void free_pool_globals(zend_mailbridge_globals *globals)
{
    // Process exit: the idle connections are dropped without QUIT, which
    // servers treat like any client that went away.
    delete globals->pool;
    globals->pool = nullptr;
}

pool::Pool &current_pool()
{
    if (MAILBRIDGE_G(pool) == nullptr)
        MAILBRIDGE_G(pool) = new pool::Pool(current_limits());
    else
        MAILBRIDGE_G(pool)->set_limits(current_limits());
    return *MAILBRIDGE_G(pool);
}

void register_pool_class()
{
    pool_ce = register_class_MailBridge_Pool();
}

void print_pool_info()
{
    php_info_print_table_start();
    php_info_print_table_header(5, "Pool key", "Idle", "Created", "Reused", "Discarded");
    if (MAILBRIDGE_G(pool) != nullptr) {
        for (const pool::KeyStats &stats : MAILBRIDGE_G(pool)->stats()) {
            uint64_t discarded = 0;
            for (uint64_t count : stats.discarded)
                discarded += count;
            std::string idle = std::to_string(stats.idle), created = std::to_string(stats.created),
                        reused = std::to_string(stats.reused), dropped = std::to_string(discarded);
            php_info_print_table_row(5, stats.label.c_str(), idle.c_str(), created.c_str(), reused.c_str(),
                                     dropped.c_str());
        }
    }
    php_info_print_table_end();
}

}  // namespace mailbridge::php

using namespace mailbridge;

ZEND_METHOD(MailBridge_Pool, __construct)
{
    (void)return_value;
    ZEND_PARSE_PARAMETERS_NONE();
}

ZEND_METHOD(MailBridge_Pool, stats)
{
    ZEND_PARSE_PARAMETERS_NONE();
    array_init(return_value);
    if (MAILBRIDGE_G(pool) == nullptr)
        return;
    for (const pool::KeyStats &stats : MAILBRIDGE_G(pool)->stats()) {
        zval entry, discarded;
        array_init(&entry);
        add_assoc_stringl(&entry, "key", stats.label.data(), stats.label.size());
        add_assoc_long(&entry, "idle", static_cast<zend_long>(stats.idle));
        add_assoc_long(&entry, "created", static_cast<zend_long>(stats.created));
        add_assoc_long(&entry, "reused", static_cast<zend_long>(stats.reused));
        array_init(&discarded);
        for (size_t i = 0; i < stats.discarded.size(); ++i)
            add_assoc_long(&discarded, pool::discard_name(static_cast<pool::Discard>(i)),
                           static_cast<zend_long>(stats.discarded[i]));
        add_assoc_zval(&entry, "discarded", &discarded);
        add_next_index_zval(return_value, &entry);
    }
}

ZEND_METHOD(MailBridge_Pool, clear)
{
    (void)return_value;
    ZEND_PARSE_PARAMETERS_NONE();
    if (MAILBRIDGE_G(pool) != nullptr)
        MAILBRIDGE_G(pool)->clear();
}

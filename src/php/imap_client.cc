// MailBridge\ImapClient: options, the object that owns an imap::Client,
// and the methods. Each method checks its arguments (TypeError or
// ValueError before any I/O), runs one core operation in run_core(), and
// builds PHP values from the core's results afterwards. No userland code
// runs while the core is inside an operation, except the writes of
// streamSection() to its stream, and the logger and the idle() callback
// are called between operations.
#include "php/imap.h"

extern "C" {
#include "ext/date/php_date.h"
}

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <stdexcept>

#include "common/error.h"
#include "mimeparse/charset.h"
#include "mimeparse/content_fields.h"
#include "mimeparse/transfer_decoding.h"
#include "mime/message.h"
#include "php/objects.h"
#include "php/options.h"
#include "pool/pool.h"

#include "../../php_stubs/imap_arginfo.h"

namespace mailbridge::php {

zend_class_entry *imap_client_ce;
zend_class_entry *mailbox_ce;
zend_class_entry *mailbox_status_ce;
zend_class_entry *mailbox_info_ce;
zend_class_entry *imap_message_ce;
zend_class_entry *mime_part_ce;
zend_class_entry *imap_event_ce;

namespace {

constexpr const char *class_name = "MailBridge\\ImapClient";
// Messages per UID FETCH when fetch() requests no sections. The responses
// then carry only flags, dates, sizes, envelopes and body structures, which
// take a few kilobytes per message, so five times the default batch of 200
// saves round trips and still bounds the untagged data held per command.
constexpr size_t metadata_fetch_batch_size = 1000;

zend_object_handlers imap_client_handlers;

struct ImapState {
    std::unique_ptr<imap::Client> client;
    bool busy = false;            // a core operation is running; see this_client()
    bool logger_failed = false;   // the logger threw during the current call
    std::vector<std::string> log_lines;  // transcript lines not yet passed to the logger
    std::string host;
    int port = 0;
    std::string security;
    std::string username;
    bool has_password = false;
    bool has_token = false;
    double total_timeout = 0;  // seconds for one method call, 0 for no limit
    bool persistent = false;   // the "persistent" option
};

struct ImapClientObject {
    ImapState *state;
    zval logger;  // IS_UNDEF without a logger
    zend_object std;
};

ImapClientObject *imap_client_from(zend_object *object)
{
    return reinterpret_cast<ImapClientObject *>(reinterpret_cast<char *>(object) - XtOffsetOf(ImapClientObject, std));
}

zend_object *imap_client_create(zend_class_entry *ce)
{
    auto *intern = static_cast<ImapClientObject *>(zend_object_alloc(sizeof(ImapClientObject), ce));
    zend_object_std_init(&intern->std, ce);
    object_properties_init(&intern->std, ce);
    intern->state = nullptr;
    ZVAL_UNDEF(&intern->logger);
    intern->std.handlers = &imap_client_handlers;
    return &intern->std;
}

// Connect, with "persistent" first trying idle sessions from the pool
// under this client's key. A pooled session is reused when the server has
// not closed it and, after mailbridge.pool_probe_interval idle seconds,
// NOOP succeeds. Throws the core's Error when a new connection fails.
void connect_client(ImapState *state)
{
    imap::Client &client = *state->client;
    if (!state->persistent) {
        client.connect();
        return;
    }
    pool::Pool &pool = current_pool();
    std::string key = pool::make_key(client.config(), getpid());
    while (std::unique_ptr<imap::Session> candidate = pool.checkout_imap(key)) {
        if (!candidate->check_idle_connection()) {
            pool.count_discard(key, pool::Discard::closed_by_server);
            continue;
        }
        double idle = std::chrono::duration<double>(net::Clock::now() - candidate->last_used()).count();
        client.adopt(std::move(candidate));
        if (idle > pool.limits().probe_interval) {
            try {
                client.noop();
            } catch (const Error &) {
                client.abandon();
                pool.count_discard(key, pool::Discard::probe_failed);
                continue;
            }
        }
        pool.count_reused(key);
        return;
    }
    client.connect();
    pool.count_created(key, pool::describe(client.config()));
}

// End the connection: with "persistent", park a healthy session in the
// pool after leaving the selected mailbox, else send LOGOUT. A session
// that cannot be parked is closed without LOGOUT and counted as
// not_reusable. Throws the core's Error when LOGOUT fails.
void disconnect_client(ImapState *state)
{
    imap::Client &client = *state->client;
    if (!state->persistent || !client.connected()) {
        client.logout();
        return;
    }
    pool::Pool &pool = current_pool();
    std::string key = pool::make_key(client.config(), getpid());
    std::unique_ptr<imap::Session> session = client.release_for_pool();
    if (session)
        pool.checkin(key, pool::describe(client.config()), std::move(session));
    else
        pool.count_discard(key, pool::Discard::not_reusable);
}

void imap_client_free(zend_object *object)
{
    ImapClientObject *intern = imap_client_from(object);
    if (intern->state != nullptr) {
        // Log out politely or park the session. The logger is not called
        // from here, and a failure has nowhere to go, so it is dropped.
        try {
            if (intern->state->client)
                disconnect_client(intern->state);
        } catch (const Error &) {
        }
        delete intern->state;
        intern->state = nullptr;
    }
    zval_ptr_dtor(&intern->logger);
    zend_object_std_dtor(object);
}

HashTable *imap_client_get_gc(zend_object *object, zval **table, int *count)
{
    ImapClientObject *intern = imap_client_from(object);
    *table = &intern->logger;
    *count = 1;
    return zend_std_get_properties(object);
}

// var_dump() and print_r() show the endpoint but never a secret.
HashTable *imap_client_get_debug_info(zend_object *object, int *is_temp)
{
    ImapClientObject *intern = imap_client_from(object);
    HashTable *info = zend_new_array(8);
    *is_temp = 1;
    ImapState *state = intern->state;
    if (state == nullptr)
        return info;
    options::add_endpoint_debug_info(info, state->host, state->port, state->security, state->username,
                                     state->has_password, state->has_token);
    zval value;
    ZVAL_BOOL(&value, state->client->connected());
    zend_hash_str_update(info, "connected", sizeof("connected") - 1, &value);
    const imap::SelectedMailbox *selected = state->client->selected();
    if (selected != nullptr)
        ZVAL_STRINGL(&value, selected->name.data(), selected->name.size());
    else
        ZVAL_NULL(&value);
    zend_hash_str_update(info, "selected", sizeof("selected") - 1, &value);
    return info;
}

// ---------------------------------------------------------------------------
// Running core operations

// Pass queued transcript lines to the PHP logger. An exception from the
// logger becomes a warning, and the logger is not called again until the
// current method returns, so logging never changes what the client does.
void flush_log(ImapClientObject *intern)
{
    ImapState *state = intern->state;
    if (Z_TYPE(intern->logger) == IS_UNDEF || state->logger_failed) {
        state->log_lines.clear();
        return;
    }
    std::vector<std::string> lines;
    lines.swap(state->log_lines);
    for (const std::string &line : lines) {
        zval argument, result;
        ZVAL_STRINGL(&argument, line.data(), line.size());
        ZVAL_UNDEF(&result);
        call_user_function(nullptr, nullptr, &intern->logger, &result, 1, &argument);
        zval_ptr_dtor(&argument);
        zval_ptr_dtor(&result);
        if (EG(exception)) {
            zend_object *thrown = EG(exception);
            zend_string *text = zval_try_get_string(
                zend_read_property(thrown->ce, thrown, "message", sizeof("message") - 1, 1, &result));
            std::string thrown_class(ZSTR_VAL(thrown->ce->name), ZSTR_LEN(thrown->ce->name));
            std::string message = text ? std::string(ZSTR_VAL(text), ZSTR_LEN(text)) : std::string();
            if (text)
                zend_string_release(text);
            zend_clear_exception();
            state->logger_failed = true;
            php_error_docref(nullptr, E_WARNING, "The logger threw %s: %s; it is not called again during this call",
                             thrown_class.c_str(), message.c_str());
            state->log_lines.clear();
            return;
        }
    }
}

ImapClientObject *this_client(zval *this_zval)
{
    ImapClientObject *intern = imap_client_from(Z_OBJ_P(this_zval));
    if (intern->state == nullptr) {
        zend_throw_error(nullptr, "%s object is not initialized", class_name);
        return nullptr;
    }
    if (intern->state->busy) {
        // Only a stream written by streamSection() can run userland code
        // during an operation, and the session is mid-response then.
        zend_throw_error(nullptr, "%s cannot be used while streamSection() is writing to a stream", class_name);
        return nullptr;
    }
    return intern;
}

// Run operation on the client, connecting first when needed. Returns true
// on success. On failure returns false with the PHP exception thrown: the
// exception class of the core error, a ValueError for an argument the core
// rejected, or TransportException for anything else. The transcript is
// passed to the logger before returning either way.
template <typename Operation>
bool run_core(ImapClientObject *intern, Operation &&operation, bool connect = true)
{
    ImapState *state = intern->state;
    state->busy = true;
    state->logger_failed = false;
    bool ok = false;
    try {
        if (connect && !state->client->connected())
            connect_client(state);
        operation(*state->client);
        ok = true;
    } catch (const Error &error) {
        state->busy = false;
        flush_log(intern);
        throw_error(error);
        return false;
    } catch (const std::invalid_argument &error) {
        state->busy = false;
        flush_log(intern);
        throw_value_error(std::string(class_name) + ": " + error.what());
        return false;
    } catch (const std::exception &error) {
        // A C++ exception must not cross into the Zend engine. The session
        // is in an unknown state, so it is dropped.
        state->client->abandon();
        state->busy = false;
        flush_log(intern);
        zend_throw_exception(transport_exception_ce, error.what(), 0);
        return false;
    }
    state->busy = false;
    flush_log(intern);
    return ok && !EG(exception);
}

// ---------------------------------------------------------------------------
// Argument readers

bool read_uid(zend_long value, uint32_t argument, uint32_t &uid)
{
    if (value < 1 || value > 4294967295LL) {
        zend_argument_value_error(argument, "must contain UIDs from 1 to 4294967295, " ZEND_LONG_FMT " given", value);
        return false;
    }
    uid = static_cast<uint32_t>(value);
    return true;
}

// Read an int|array UID argument: table when it is an array, else number.
bool read_uids(HashTable *table, zend_long number, uint32_t argument, std::vector<uint32_t> &uids)
{
    if (table != nullptr)
        return read_uid_list(table, argument, uids);
    uint32_t uid = 0;
    if (!read_uid(number, argument, uid))
        return false;
    uids.push_back(uid);
    return true;
}

bool read_string_list(HashTable *table, uint32_t argument, std::vector<std::string> &strings)
{
    zval *entry;
    ZEND_HASH_FOREACH_VAL(table, entry) {
        ZVAL_DEREF(entry);
        if (Z_TYPE_P(entry) != IS_STRING) {
            zend_argument_type_error(argument, "must contain only strings, %s given", zend_zval_type_name(entry));
            return false;
        }
        strings.emplace_back(Z_STRVAL_P(entry), Z_STRLEN_P(entry));
    } ZEND_HASH_FOREACH_END();
    return true;
}

bool read_flags(HashTable *table, uint32_t argument, std::vector<std::string> &flags)
{
    if (!read_string_list(table, argument, flags))
        return false;
    try {
        imap::format_flag_list(flags);
    } catch (const std::invalid_argument &error) {
        zend_argument_value_error(argument, "%s", error.what());
        return false;
    }
    return true;
}

bool read_mailbox_name(zend_string *name, uint32_t argument)
{
    if (ZSTR_LEN(name) == 0 || memchr(ZSTR_VAL(name), '\0', ZSTR_LEN(name)) != nullptr) {
        zend_argument_value_error(argument, "must be a nonempty mailbox name without NUL");
        return false;
    }
    return true;
}

// ---------------------------------------------------------------------------
// Results

// Expand a sequence set sent by the server ("1:3,7") into numbers, in the
// order given. Returns false for a malformed set or one of more than limit
// numbers.
bool expand_sequence_set(const std::string &set, size_t limit, std::vector<uint32_t> &numbers)
{
    size_t position = 0;
    while (position <= set.size()) {
        size_t comma = set.find(',', position);
        std::string range = set.substr(position, comma == std::string::npos ? std::string::npos : comma - position);
        unsigned long first = 0, last = 0;
        char *end = nullptr;
        first = strtoul(range.c_str(), &end, 10);
        if (end == range.c_str())
            return false;
        last = first;
        if (*end == ':') {
            const char *second = end + 1;
            last = strtoul(second, &end, 10);
            if (end == second)
                return false;
        }
        if (*end != '\0' || first == 0 || last == 0 || first > 4294967295UL || last > 4294967295UL)
            return false;
        unsigned long low = std::min(first, last), high = std::max(first, last);
        if (high - low >= limit || numbers.size() + (high - low + 1) > limit)
            return false;
        for (unsigned long number = low; number <= high; ++number)
            numbers.push_back(static_cast<uint32_t>(number));
        if (comma == std::string::npos)
            break;
        position = comma + 1;
    }
    return true;
}

// COPYUID data as [source UID => new UID], or null when the server sent
// none or sets of different lengths.
void make_uid_map(zval *out, const std::optional<imap::CopyResult> &result, size_t requested)
{
    std::vector<uint32_t> sources, targets;
    if (!result || !expand_sequence_set(result->source_uids, requested, sources) ||
        !expand_sequence_set(result->target_uids, requested, targets) || sources.size() != targets.size()) {
        ZVAL_NULL(out);
        return;
    }
    array_init_size(out, static_cast<uint32_t>(sources.size()));
    for (size_t i = 0; i < sources.size(); ++i)
        add_index_long(out, sources[i], targets[i]);
}

const imap::BodyStructure *find_part(const imap::BodyStructure &body, const std::string &section)
{
    if (body.section == section && !body.is_multipart())
        return &body;
    for (const imap::BodyStructure &part : body.parts) {
        if (const imap::BodyStructure *found = find_part(part, section))
            return found;
    }
    return nullptr;
}

// The single body part of message with this section number, or null for a
// header, a multipart body or a section that the structure does not describe.
const imap::BodyStructure *section_part(const imap::FetchedMessage &message, const std::string &section)
{
    return message.body_structure ? find_part(*message.body_structure, section) : nullptr;
}

// Decodes a body part from chunks as they arrive: removes its base64 or
// quoted-printable Content-Transfer-Encoding, and converts a text/* part
// from its charset to UTF-8. Without a part (a header, a whole message, a
// multipart body) the bytes pass unchanged.
class PartDecoder {
public:
    explicit PartDecoder(const imap::BodyStructure *part)
        : encoding_(part ? mimeparse::parse_content_transfer_encoding(part->encoding).encoding
                         : mimeparse::TransferEncoding::binary)
    {
        if (part != nullptr && part->type == "text")
            charset_.emplace(text_charset(*part));
    }

    void feed(std::string_view chunk, std::string &out)
    {
        if (!charset_) {
            remove_transfer_encoding(chunk, out);
            return;
        }
        octets_.clear();
        remove_transfer_encoding(chunk, octets_);
        charset_->feed(octets_, out);
    }

    void finish(std::string &out)
    {
        if (!charset_) {
            finish_transfer_encoding(out);
            return;
        }
        octets_.clear();
        finish_transfer_encoding(octets_);
        charset_->feed(octets_, out);
        charset_->finish(out);
    }

private:
    void remove_transfer_encoding(std::string_view chunk, std::string &out)
    {
        if (encoding_ == mimeparse::TransferEncoding::base64)
            base64_.feed(chunk, out);
        else if (encoding_ == mimeparse::TransferEncoding::quoted_printable)
            quoted_printable_.feed(chunk, out);
        else
            out.append(chunk);
    }

    void finish_transfer_encoding(std::string &out)
    {
        if (encoding_ == mimeparse::TransferEncoding::base64)
            base64_.finish(out);
        else if (encoding_ == mimeparse::TransferEncoding::quoted_printable)
            quoted_printable_.finish(out);
    }

    // RFC 2045 section 5.2: text without a charset parameter is US-ASCII.
    static std::string text_charset(const imap::BodyStructure &part)
    {
        for (const auto &[name, value] : part.parameters) {
            if (strcasecmp(name.c_str(), "charset") == 0)
                return value;
        }
        return "us-ascii";
    }

    mimeparse::TransferEncoding encoding_;
    mimeparse::Base64Decoder base64_;
    mimeparse::QuotedPrintableDecoder quoted_printable_;
    std::optional<mimeparse::CharsetDecoder> charset_;
    std::string octets_;  // transfer-decoded bytes before charset conversion
};

std::string decode_section(const imap::BodyStructure *part, const std::string &data)
{
    PartDecoder decoder(part);
    std::string out;
    decoder.feed(data, out);
    decoder.finish(out);
    return out;
}

}  // namespace

bool read_uid_list(HashTable *table, uint32_t argument, std::vector<uint32_t> &uids)
{
    zval *entry;
    ZEND_HASH_FOREACH_VAL(table, entry) {
        ZVAL_DEREF(entry);
        if (Z_TYPE_P(entry) != IS_LONG) {
            zend_argument_type_error(argument, "must contain only int UIDs, %s given", zend_zval_type_name(entry));
            return false;
        }
        uint32_t uid = 0;
        if (!read_uid(Z_LVAL_P(entry), argument, uid))
            return false;
        uids.push_back(uid);
    } ZEND_HASH_FOREACH_END();
    if (uids.empty()) {
        zend_argument_value_error(argument, "must not be empty");
        return false;
    }
    return true;
}

void register_imap_classes()
{
    imap_client_ce = register_class_MailBridge_ImapClient();
    imap_client_ce->create_object = imap_client_create;
    memcpy(&imap_client_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
    imap_client_handlers.offset = XtOffsetOf(ImapClientObject, std);
    imap_client_handlers.free_obj = imap_client_free;
    imap_client_handlers.get_gc = imap_client_get_gc;
    imap_client_handlers.get_debug_info = imap_client_get_debug_info;
    imap_client_handlers.clone_obj = nullptr;

    init_imap_search_class(register_class_MailBridge_ImapSearch());
    mailbox_ce = register_class_MailBridge_Mailbox();
    mailbox_status_ce = register_class_MailBridge_MailboxStatus();
    mailbox_info_ce = register_class_MailBridge_MailboxInfo();
    imap_message_ce = register_class_MailBridge_ImapMessage();
    mime_part_ce = register_class_MailBridge_MimePart();
    register_imap_result_keys();
    imap_event_ce = register_class_MailBridge_ImapEvent();
}

}  // namespace mailbridge::php

using namespace mailbridge;
using php::ImapClientObject;

ZEND_METHOD(MailBridge_ImapClient, __construct)
{
    HashTable *options_table;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_ARRAY_HT(options_table)
    ZEND_PARSE_PARAMETERS_END();

    ImapClientObject *intern = php::imap_client_from(Z_OBJ_P(ZEND_THIS));
    if (intern->state != nullptr) {
        zend_throw_error(nullptr, "MailBridge\\ImapClient is already constructed");
        RETURN_THROWS();
    }

    php::ImapOptions options;
    zend_string *key;
    zval *entry;
    ZEND_HASH_FOREACH_STR_KEY_VAL(options_table, key, entry) {
        ZVAL_DEREF(entry);
        if (key == nullptr) {
            zend_argument_value_error(1, "must have string keys");
            RETURN_THROWS();
        }
        if (!php::read_option(std::string(ZSTR_VAL(key), ZSTR_LEN(key)), entry, options))
            RETURN_THROWS();
    } ZEND_HASH_FOREACH_END();
    if (!php::check_options(options))
        RETURN_THROWS();

    auto *state = new php::ImapState();
    state->host = options.config.host;
    state->port = options.config.port;
    state->security = php::security_name(options.config.security);
    state->username = options.config.username;
    state->has_password = !options.config.password.empty();
    state->has_token = !options.config.oauth_token.empty();
    bool logging = options.logger != nullptr;
    std::vector<std::string> *lines = &state->log_lines;
    state->client = std::make_unique<imap::Client>(
        std::move(options.config),
        logging ? imap::LogSink([lines](const std::string &line) { lines->push_back(line); }) : imap::LogSink());
    state->client->set_total_timeout(options.total_timeout);
    state->total_timeout = options.total_timeout;
    state->persistent = options.persistent;
    intern->state = state;
    if (logging)
        ZVAL_COPY(&intern->logger, options.logger);
}

ZEND_METHOD(MailBridge_ImapClient, connect)
{
    ZEND_PARSE_PARAMETERS_NONE();
    ImapClientObject *intern = php::this_client(ZEND_THIS);
    if (intern == nullptr)
        RETURN_THROWS();
    php::run_core(intern, [](imap::Client &) {});
}

ZEND_METHOD(MailBridge_ImapClient, isConnected)
{
    ZEND_PARSE_PARAMETERS_NONE();
    ImapClientObject *intern = php::this_client(ZEND_THIS);
    if (intern == nullptr)
        RETURN_THROWS();
    RETURN_BOOL(intern->state->client->connected());
}

ZEND_METHOD(MailBridge_ImapClient, capabilities)
{
    ZEND_PARSE_PARAMETERS_NONE();
    ImapClientObject *intern = php::this_client(ZEND_THIS);
    if (intern == nullptr)
        RETURN_THROWS();
    std::vector<std::string> names;
    if (!php::run_core(intern, [&](imap::Client &client) { names = client.capabilities().names; }))
        RETURN_THROWS();
    array_init_size(return_value, static_cast<uint32_t>(names.size()));
    for (const std::string &name : names)
        add_next_index_stringl(return_value, name.data(), name.size());
}

ZEND_METHOD(MailBridge_ImapClient, listMailboxes)
{
    zend_string *pattern = nullptr;
    zend_string *reference = nullptr;
    ZEND_PARSE_PARAMETERS_START(0, 2)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR(pattern)
        Z_PARAM_STR(reference)
    ZEND_PARSE_PARAMETERS_END();
    ImapClientObject *intern = php::this_client(ZEND_THIS);
    if (intern == nullptr)
        RETURN_THROWS();
    std::string pattern_text = pattern ? std::string(ZSTR_VAL(pattern), ZSTR_LEN(pattern)) : "*";
    std::string reference_text = reference ? std::string(ZSTR_VAL(reference), ZSTR_LEN(reference)) : "";
    std::vector<imap::MailboxInfo> mailboxes;
    if (!php::run_core(intern, [&](imap::Client &client) { mailboxes = client.list(reference_text, pattern_text); }))
        RETURN_THROWS();
    array_init_size(return_value, static_cast<uint32_t>(mailboxes.size()));
    for (const imap::MailboxInfo &mailbox : mailboxes) {
        zval object;
        php::make_mailbox(&object, mailbox);
        add_next_index_zval(return_value, &object);
    }
}

ZEND_METHOD(MailBridge_ImapClient, status)
{
    zend_string *mailbox;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(mailbox)
    ZEND_PARSE_PARAMETERS_END();
    if (!php::read_mailbox_name(mailbox, 1))
        RETURN_THROWS();
    ImapClientObject *intern = php::this_client(ZEND_THIS);
    if (intern == nullptr)
        RETURN_THROWS();
    imap::MailboxStatus status;
    std::string_view name(ZSTR_VAL(mailbox), ZSTR_LEN(mailbox));
    if (!php::run_core(intern, [&](imap::Client &client) { status = client.status(name); }))
        RETURN_THROWS();
    // Report the name as requested: the server's copy may be encoded differently.
    status.name = std::string(name);
    php::make_mailbox_status(return_value, status);
}

namespace {

void open_mailbox(INTERNAL_FUNCTION_PARAMETERS, bool read_only)
{
    zend_string *mailbox;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(mailbox)
    ZEND_PARSE_PARAMETERS_END();
    if (!php::read_mailbox_name(mailbox, 1))
        RETURN_THROWS();
    ImapClientObject *intern = php::this_client(ZEND_THIS);
    if (intern == nullptr)
        RETURN_THROWS();
    imap::SelectedMailbox selected;
    std::string_view name(ZSTR_VAL(mailbox), ZSTR_LEN(mailbox));
    if (!php::run_core(intern, [&](imap::Client &client) {
            selected = read_only ? client.examine(name) : client.select(name);
        }))
        RETURN_THROWS();
    php::make_mailbox_info(return_value, selected);
}

}  // namespace

ZEND_METHOD(MailBridge_ImapClient, select)
{
    open_mailbox(INTERNAL_FUNCTION_PARAM_PASSTHRU, false);
}

ZEND_METHOD(MailBridge_ImapClient, examine)
{
    open_mailbox(INTERNAL_FUNCTION_PARAM_PASSTHRU, true);
}

ZEND_METHOD(MailBridge_ImapClient, search)
{
    zend_object *criteria = nullptr;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_OBJ_OF_CLASS_OR_NULL(criteria, php::imap_search_ce)
    ZEND_PARSE_PARAMETERS_END();
    ImapClientObject *intern = php::this_client(ZEND_THIS);
    if (intern == nullptr)
        RETURN_THROWS();
    imap::SearchQuery query = criteria ? *php::imap_search_from(criteria)->query : imap::SearchQuery();
    std::vector<uint32_t> uids;
    if (!php::run_core(intern, [&](imap::Client &client) { uids = client.uid_search(query); }))
        RETURN_THROWS();
    std::sort(uids.begin(), uids.end());
    uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
    array_init_size(return_value, static_cast<uint32_t>(uids.size()));
    for (uint32_t uid : uids)
        add_next_index_long(return_value, uid);
}

ZEND_METHOD(MailBridge_ImapClient, fetch)
{
    HashTable *uid_table = nullptr;
    zend_long uid_number = 0;
    HashTable *items_table = nullptr;
    HashTable *sections_table = nullptr;
    bool decode = false;
    ZEND_PARSE_PARAMETERS_START(1, 4)
        Z_PARAM_ARRAY_HT_OR_LONG(uid_table, uid_number)
        Z_PARAM_OPTIONAL
        Z_PARAM_ARRAY_HT(items_table)
        Z_PARAM_ARRAY_HT(sections_table)
        Z_PARAM_BOOL(decode)
    ZEND_PARSE_PARAMETERS_END();

    std::vector<uint32_t> uids;
    if (!php::read_uids(uid_table, uid_number, 1, uids))
        RETURN_THROWS();
    imap::FetchRequest request;
    request.uid = true;
    bool with_structure = false;
    if (items_table == nullptr) {
        request.flags = request.internal_date = request.size = request.envelope = true;
        with_structure = true;
    } else {
        std::vector<std::string> items;
        if (!php::read_string_list(items_table, 2, items))
            RETURN_THROWS();
        for (const std::string &item : items) {
            if (item == "flags")
                request.flags = true;
            else if (item == "internalDate")
                request.internal_date = true;
            else if (item == "size")
                request.size = true;
            else if (item == "envelope")
                request.envelope = true;
            else if (item == "structure")
                with_structure = true;
            else {
                zend_argument_value_error(2, "contains the unknown item \"%s\"; use \"flags\", \"internalDate\", "
                                             "\"size\", \"envelope\" or \"structure\"", item.c_str());
                RETURN_THROWS();
            }
        }
    }
    if (sections_table != nullptr && !php::read_string_list(sections_table, 3, request.sections))
        RETURN_THROWS();
    // Decoding needs each part's Content-Transfer-Encoding and charset.
    request.body_structure = with_structure || (decode && !request.sections.empty());
    if (request.sections.empty())
        request.batch_size = php::metadata_fetch_batch_size;
    try {
        imap::format_fetch_items(request, true);
    } catch (const std::invalid_argument &error) {
        zend_argument_value_error(3, "%s", error.what());
        RETURN_THROWS();
    }

    ImapClientObject *intern = php::this_client(ZEND_THIS);
    if (intern == nullptr)
        RETURN_THROWS();
    std::vector<imap::FetchedMessage> messages;
    if (!php::run_core(intern, [&](imap::Client &client) { messages = client.uid_fetch(uids, request); }))
        RETURN_THROWS();
    std::sort(messages.begin(), messages.end(), [](const imap::FetchedMessage &a, const imap::FetchedMessage &b) {
        return a.uid.value_or(0) < b.uid.value_or(0);
    });

    array_init_size(return_value, static_cast<uint32_t>(messages.size()));
    zval date_template;
    ZVAL_UNDEF(&date_template);
    for (const imap::FetchedMessage &message : messages) {
        std::vector<std::pair<std::string, std::string>> sections;
        for (const std::string &name : request.sections) {
            const imap::BodySection *section = message.find_section(name);
            std::string bytes = section != nullptr ? section->data : std::string();
            if (decode)
                bytes = php::decode_section(php::section_part(message, name), bytes);
            sections.emplace_back(name, std::move(bytes));
        }
        zval object;
        php::make_imap_message(&object, message, with_structure, sections, &date_template);
        add_next_index_zval(return_value, &object);
    }
    zval_ptr_dtor(&date_template);
}

ZEND_METHOD(MailBridge_ImapClient, streamSection)
{
    zend_long uid_value;
    zend_string *section;
    zval *stream_zval;
    bool decode = false;
    ZEND_PARSE_PARAMETERS_START(3, 4)
        Z_PARAM_LONG(uid_value)
        Z_PARAM_STR(section)
        Z_PARAM_RESOURCE(stream_zval)
        Z_PARAM_OPTIONAL
        Z_PARAM_BOOL(decode)
    ZEND_PARSE_PARAMETERS_END();

    uint32_t uid = 0;
    if (!php::read_uid(uid_value, 1, uid))
        RETURN_THROWS();
    php_stream *stream = nullptr;
    php_stream_from_zval_no_verify(stream, stream_zval);
    if (stream == nullptr) {
        zend_argument_type_error(3, "must be an open stream resource");
        RETURN_THROWS();
    }
    imap::FetchRequest request;
    request.uid = true;
    request.sections.emplace_back(ZSTR_VAL(section), ZSTR_LEN(section));
    try {
        imap::format_fetch_items(request, true);
    } catch (const std::invalid_argument &error) {
        zend_argument_value_error(2, "%s", error.what());
        RETURN_THROWS();
    }

    ImapClientObject *intern = php::this_client(ZEND_THIS);
    if (intern == nullptr)
        RETURN_THROWS();
    const std::string &name = request.sections.front();
    uint64_t written = 0;
    bool write_failed = false;
    bool found = false;
    bool ok = php::run_core(intern, [&](imap::Client &client) {
        std::optional<imap::BodyStructure> part;
        if (decode) {
            // The encoding must be known before the first octet arrives, so
            // the structure is fetched first.
            imap::FetchRequest structure_request;
            structure_request.uid = true;
            structure_request.body_structure = true;
            for (const imap::FetchedMessage &message : client.uid_fetch({uid}, structure_request)) {
                if (const imap::BodyStructure *described = php::section_part(message, name))
                    part = *described;
            }
        }
        php::PartDecoder decoder(part ? &*part : nullptr);
        std::string decoded;
        auto write = [&](std::string_view data) {
            decoded.clear();
            decoder.feed(data, decoded);
            if (!decoded.empty() &&
                php_stream_write(stream, decoded.data(), decoded.size()) != static_cast<ssize_t>(decoded.size())) {
                write_failed = true;
                return false;
            }
            written += decoded.size();
            return true;
        };
        // Every literal of the response goes to the sink (threshold 0), and
        // only the section's octets are written.
        imap::FetchSink sink;
        sink.threshold = 0;
        sink.sink = [&](const imap::LiteralChunk &chunk) {
            if (chunk.item_name.substr(0, 5) != "BODY[")
                return true;
            return write(chunk.data);
        };
        for (const imap::FetchedMessage &message : client.uid_fetch({uid}, request, sink)) {
            found = true;
            // A server may send a short section as a quoted string, which
            // does not pass through the sink.
            for (const imap::BodySection &fetched : message.sections) {
                if (!fetched.in_sink && !fetched.data.empty())
                    write(fetched.data);
            }
        }
        decoded.clear();
        decoder.finish(decoded);
        if (!decoded.empty() && php_stream_write(stream, decoded.data(), decoded.size()) != static_cast<ssize_t>(decoded.size()))
            write_failed = true;
        written += decoded.size();
    });
    if (write_failed) {
        // The core's exception for the aborted fetch is replaced, because
        // the cause is the local stream. ErrorKind::local_read maps to the
        // TransportException base class.
        if (EG(exception) && instanceof_function(EG(exception)->ce, php::transport_exception_ce))
            zend_clear_exception();
        if (!EG(exception)) {
            Error error(ErrorKind::local_read, Stage::fetch,
                        "writing section " + name + " of UID " + std::to_string(uid) + " to the stream failed after " +
                            std::to_string(written) + " bytes" + (ok ? "" : ", and the connection was closed"));
            error.command = "UID FETCH";
            php::throw_error(error);
        }
        RETURN_THROWS();
    }
    if (!ok)
        RETURN_THROWS();
    if (!found) {
        Error error(ErrorKind::server_reply, Stage::fetch,
                    "UID " + std::to_string(uid) + " does not exist in the selected mailbox");
        error.command = "UID FETCH";
        php::throw_error(error);
        RETURN_THROWS();
    }
    RETURN_LONG(static_cast<zend_long>(written));
}

namespace {

void store_flags(INTERNAL_FUNCTION_PARAMETERS, imap::StoreMode mode)
{
    HashTable *uid_table = nullptr;
    zend_long uid_number = 0;
    HashTable *flags_table;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_ARRAY_HT_OR_LONG(uid_table, uid_number)
        Z_PARAM_ARRAY_HT(flags_table)
    ZEND_PARSE_PARAMETERS_END();
    std::vector<uint32_t> uids;
    if (!php::read_uids(uid_table, uid_number, 1, uids))
        RETURN_THROWS();
    std::vector<std::string> flags;
    if (!php::read_flags(flags_table, 2, flags))
        RETURN_THROWS();
    ImapClientObject *intern = php::this_client(ZEND_THIS);
    if (intern == nullptr)
        RETURN_THROWS();
    php::run_core(intern, [&](imap::Client &client) { client.uid_store(uids, mode, flags); });
}

void copy_messages(INTERNAL_FUNCTION_PARAMETERS, bool move)
{
    HashTable *uid_table = nullptr;
    zend_long uid_number = 0;
    zend_string *mailbox;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_ARRAY_HT_OR_LONG(uid_table, uid_number)
        Z_PARAM_STR(mailbox)
    ZEND_PARSE_PARAMETERS_END();
    std::vector<uint32_t> uids;
    if (!php::read_uids(uid_table, uid_number, 1, uids))
        RETURN_THROWS();
    if (!php::read_mailbox_name(mailbox, 2))
        RETURN_THROWS();
    ImapClientObject *intern = php::this_client(ZEND_THIS);
    if (intern == nullptr)
        RETURN_THROWS();
    std::string_view name(ZSTR_VAL(mailbox), ZSTR_LEN(mailbox));
    std::optional<imap::CopyResult> result;
    if (!php::run_core(intern, [&](imap::Client &client) {
            result = move ? client.uid_move(uids, name) : client.uid_copy(uids, name);
        }))
        RETURN_THROWS();
    php::make_uid_map(return_value, result, uids.size());
}

}  // namespace

ZEND_METHOD(MailBridge_ImapClient, setFlags)
{
    store_flags(INTERNAL_FUNCTION_PARAM_PASSTHRU, imap::StoreMode::add);
}

ZEND_METHOD(MailBridge_ImapClient, clearFlags)
{
    store_flags(INTERNAL_FUNCTION_PARAM_PASSTHRU, imap::StoreMode::remove);
}

ZEND_METHOD(MailBridge_ImapClient, copy)
{
    copy_messages(INTERNAL_FUNCTION_PARAM_PASSTHRU, false);
}

ZEND_METHOD(MailBridge_ImapClient, move)
{
    copy_messages(INTERNAL_FUNCTION_PARAM_PASSTHRU, true);
}

ZEND_METHOD(MailBridge_ImapClient, expunge)
{
    HashTable *uid_table = nullptr;
    zend_long uid_number = 0;
    bool uids_null = true;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_ARRAY_HT_OR_LONG_OR_NULL(uid_table, uid_number, uids_null)
    ZEND_PARSE_PARAMETERS_END();
    std::vector<uint32_t> uids;
    if (!uids_null && !php::read_uids(uid_table, uid_number, 1, uids))
        RETURN_THROWS();
    ImapClientObject *intern = php::this_client(ZEND_THIS);
    if (intern == nullptr)
        RETURN_THROWS();
    size_t removed = 0;
    if (!php::run_core(intern, [&](imap::Client &client) {
            removed = uids.empty() ? client.expunge().size() : client.uid_expunge(uids).size();
        }))
        RETURN_THROWS();
    RETURN_LONG(static_cast<zend_long>(removed));
}

ZEND_METHOD(MailBridge_ImapClient, append)
{
    zend_string *mailbox;
    zend_object *message_object = nullptr;
    zend_string *raw = nullptr;
    HashTable *flags_table = nullptr;
    zend_object *date = nullptr;
    ZEND_PARSE_PARAMETERS_START(2, 4)
        Z_PARAM_STR(mailbox)
        Z_PARAM_OBJ_OF_CLASS_OR_STR(message_object, php::message_ce, raw)
        Z_PARAM_OPTIONAL
        Z_PARAM_ARRAY_HT(flags_table)
        Z_PARAM_OBJ_OF_CLASS_OR_NULL(date, php_date_get_interface_ce())
    ZEND_PARSE_PARAMETERS_END();
    if (!php::read_mailbox_name(mailbox, 1))
        RETURN_THROWS();
    std::vector<std::string> flags;
    if (flags_table != nullptr && !php::read_flags(flags_table, 3, flags))
        RETURN_THROWS();
    std::optional<int64_t> internal_date;
    if (date != nullptr) {
        zval timestamp;
        zend_call_method_with_0_params(date, date->ce, nullptr, "gettimestamp", &timestamp);
        if (Z_TYPE(timestamp) != IS_LONG) {
            zval_ptr_dtor(&timestamp);
            if (!EG(exception))
                zend_argument_value_error(4, "must have a Unix timestamp");
            RETURN_THROWS();
        }
        internal_date = Z_LVAL(timestamp);
    }
    std::string bytes;
    if (message_object != nullptr) {
        try {
            bytes = php::message_from(message_object)->message->serialize();
        } catch (const std::exception &error) {
            php::throw_value_error(std::string("MailBridge\\ImapClient::append(): ") + error.what());
            RETURN_THROWS();
        }
    } else {
        bytes.assign(ZSTR_VAL(raw), ZSTR_LEN(raw));
    }
    if (bytes.empty()) {
        zend_argument_value_error(2, "must not be empty");
        RETURN_THROWS();
    }
    ImapClientObject *intern = php::this_client(ZEND_THIS);
    if (intern == nullptr)
        RETURN_THROWS();
    std::string_view name(ZSTR_VAL(mailbox), ZSTR_LEN(mailbox));
    imap::AppendResult result;
    if (!php::run_core(intern, [&](imap::Client &client) { result = client.append(name, bytes, flags, internal_date); }))
        RETURN_THROWS();
    if (result.uid == 0)
        RETURN_NULL();
    RETURN_LONG(result.uid);
}

namespace {

void mailbox_command(INTERNAL_FUNCTION_PARAMETERS, void (imap::Client::*command)(std::string_view))
{
    zend_string *mailbox;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(mailbox)
    ZEND_PARSE_PARAMETERS_END();
    if (!php::read_mailbox_name(mailbox, 1))
        RETURN_THROWS();
    ImapClientObject *intern = php::this_client(ZEND_THIS);
    if (intern == nullptr)
        RETURN_THROWS();
    std::string_view name(ZSTR_VAL(mailbox), ZSTR_LEN(mailbox));
    php::run_core(intern, [&](imap::Client &client) { (client.*command)(name); });
}

}  // namespace

ZEND_METHOD(MailBridge_ImapClient, createMailbox)
{
    mailbox_command(INTERNAL_FUNCTION_PARAM_PASSTHRU, &imap::Client::create);
}

ZEND_METHOD(MailBridge_ImapClient, renameMailbox)
{
    zend_string *from, *to;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_STR(from)
        Z_PARAM_STR(to)
    ZEND_PARSE_PARAMETERS_END();
    if (!php::read_mailbox_name(from, 1) || !php::read_mailbox_name(to, 2))
        RETURN_THROWS();
    ImapClientObject *intern = php::this_client(ZEND_THIS);
    if (intern == nullptr)
        RETURN_THROWS();
    std::string_view from_name(ZSTR_VAL(from), ZSTR_LEN(from));
    std::string_view to_name(ZSTR_VAL(to), ZSTR_LEN(to));
    php::run_core(intern, [&](imap::Client &client) { client.rename(from_name, to_name); });
}

ZEND_METHOD(MailBridge_ImapClient, deleteMailbox)
{
    mailbox_command(INTERNAL_FUNCTION_PARAM_PASSTHRU, &imap::Client::delete_mailbox);
}

ZEND_METHOD(MailBridge_ImapClient, subscribe)
{
    mailbox_command(INTERNAL_FUNCTION_PARAM_PASSTHRU, &imap::Client::subscribe);
}

ZEND_METHOD(MailBridge_ImapClient, unsubscribe)
{
    mailbox_command(INTERNAL_FUNCTION_PARAM_PASSTHRU, &imap::Client::unsubscribe);
}

ZEND_METHOD(MailBridge_ImapClient, noop)
{
    ZEND_PARSE_PARAMETERS_NONE();
    ImapClientObject *intern = php::this_client(ZEND_THIS);
    if (intern == nullptr)
        RETURN_THROWS();
    php::run_core(intern, [](imap::Client &client) { client.noop(); });
}

// The core IDLE runs until the first batch of events and ends with DONE,
// and the callback receives the events after the core has returned. IDLE is
// then sent again while the callback wants more and time is left. This
// costs a DONE and IDLE round trip per batch, but no userland code runs
// inside the core's event loop, where an exception or a fatal error in the
// callback would unwind through C++ frames.
ZEND_METHOD(MailBridge_ImapClient, idle)
{
    zend_fcall_info fci;
    zend_fcall_info_cache fcc;
    double timeout;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_FUNC(fci, fcc)
        Z_PARAM_DOUBLE(timeout)
    ZEND_PARSE_PARAMETERS_END();
    if (!std::isfinite(timeout) || timeout <= 0 || timeout > 86400) {
        zend_argument_value_error(2, "must be a number of seconds greater than 0 and at most 86400");
        RETURN_THROWS();
    }
    ImapClientObject *intern = php::this_client(ZEND_THIS);
    if (intern == nullptr)
        RETURN_THROWS();
    if (intern->state->client->selected() == nullptr) {
        zend_throw_error(nullptr, "%s::idle() needs a selected mailbox: call select() or examine() first",
                         php::class_name);
        RETURN_THROWS();
    }

    auto end = net::Clock::now() + std::chrono::duration_cast<net::Clock::duration>(std::chrono::duration<double>(timeout));
    zend_long delivered = 0;
    bool keep_going = true;
    while (keep_going) {
        double remaining = std::chrono::duration<double>(end - net::Clock::now()).count();
        if (remaining <= 0)
            break;
        // The core applies total_timeout to each call as a hard stop, so
        // one IDLE lasts at most half of it, leaving time for DONE.
        double slice = intern->state->total_timeout > 0 ? std::min(remaining, intern->state->total_timeout / 2)
                                                        : remaining;
        std::vector<imap::Response> events;
        bool ok = php::run_core(intern, [&](imap::Client &client) {
            client.idle(slice, [&](const imap::Response &response) {
                bool is_event = response.has_number && (response.name == "EXISTS" || response.name == "EXPUNGE" ||
                                                        response.name == "FETCH" || response.name == "RECENT");
                if (is_event)
                    events.push_back(response);
                return !is_event;
            });
        });
        if (!ok)
            RETURN_THROWS();
        for (const imap::Response &response : events) {
            zval event, result;
            if (!php::make_imap_event(&event, response))
                continue;
            ++delivered;
            fci.retval = &result;
            fci.params = &event;
            fci.param_count = 1;
            zend_result called = zend_call_function(&fci, &fcc);
            zval_ptr_dtor(&event);
            if (called != SUCCESS || EG(exception)) {
                zval_ptr_dtor(&result);
                RETURN_THROWS();
            }
            if (Z_TYPE(result) == IS_FALSE)
                keep_going = false;
            zval_ptr_dtor(&result);
            if (!keep_going)
                break;
        }
        // A later call may have changed the client from within the callback.
        if (intern->state->client->selected() == nullptr)
            break;
    }
    RETURN_LONG(delivered);
}

namespace {

void logout(INTERNAL_FUNCTION_PARAMETERS)
{
    ZEND_PARSE_PARAMETERS_NONE();
    ImapClientObject *intern = php::this_client(ZEND_THIS);
    if (intern == nullptr)
        RETURN_THROWS();
    php::ImapState *state = intern->state;
    bool ok = php::run_core(
        intern, [state](imap::Client &) { php::disconnect_client(state); }, false);
    // A failed LOGOUT leaves the connection closed just the same.
    if (!ok && EG(exception) && instanceof_function(EG(exception)->ce, php::transport_exception_ce))
        zend_clear_exception();
}

}  // namespace

ZEND_METHOD(MailBridge_ImapClient, logout)
{
    logout(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

ZEND_METHOD(MailBridge_ImapClient, close)
{
    logout(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

ZEND_METHOD(MailBridge_Mailbox, __construct)
{
    (void)return_value;
    ZEND_PARSE_PARAMETERS_NONE();
}

ZEND_METHOD(MailBridge_MailboxStatus, __construct)
{
    (void)return_value;
    ZEND_PARSE_PARAMETERS_NONE();
}

ZEND_METHOD(MailBridge_MailboxInfo, __construct)
{
    (void)return_value;
    ZEND_PARSE_PARAMETERS_NONE();
}

ZEND_METHOD(MailBridge_ImapMessage, __construct)
{
    (void)return_value;
    ZEND_PARSE_PARAMETERS_NONE();
}

ZEND_METHOD(MailBridge_MimePart, __construct)
{
    (void)return_value;
    ZEND_PARSE_PARAMETERS_NONE();
}

ZEND_METHOD(MailBridge_ImapEvent, __construct)
{
    (void)return_value;
    ZEND_PARSE_PARAMETERS_NONE();
}


// MailBridge\Mailer: PHPMailer 6's properties and message-building methods.
// The state a PHPMailer subclass reads (recipients, attachments, custom
// headers, MIMEHeader, MIMEBody) lives in PHP properties, and composition
// reads them at send time, so a subclass that edits them is honoured.
#include "php/mailer.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include <cstring>
#include <fstream>
#include <sstream>

extern "C" {
#include "SAPI.h"
#include "ext/date/php_date.h"
#include "ext/standard/html.h"
#include "ext/standard/php_string.h"
}

#include "mailer/compose.h"
#include "mime/address.h"
#include "mime/message.h"
#include "smtp/client.h"

#include "../../php_stubs/mailer_arginfo.h"

namespace mailbridge::php {

zend_class_entry *mailer_ce;
zend_class_entry *mailer_exception_ce;

namespace {

zend_object_handlers mailer_handlers;

// PHPMailer's English texts for the errors raised here.
constexpr const char *kInvalidAddress = "Invalid address: ";
constexpr const char *kFileAccess = "Could not access file: ";
constexpr const char *kInvalidHeader = "Invalid header name or value";

// Properties that hold secrets, masked in var_dump(), print_r(), var_export() and json_encode().
constexpr const char *kSecretProperties[] = {"Password", "DKIM_passphrase"};

zend_object *mailer_create(zend_class_entry *ce)
{
    auto *intern = static_cast<MailerObject *>(zend_object_alloc(sizeof(MailerObject), ce));
    zend_object_std_init(&intern->std, ce);
    object_properties_init(&intern->std, ce);
    intern->state = new MailerState();
    intern->std.handlers = &mailer_handlers;
    return &intern->std;
}

void mailer_free(zend_object *object)
{
    MailerObject *intern = mailer_from(object);
    if (intern->state != nullptr) {
        // A kept session goes back to the pool.
        if (intern->state->client)
            intern->state->client->release();
        delete intern->state;
        intern->state = nullptr;
    }
    zend_object_std_dtor(object);
}

// A copy has the same properties and a fresh state: no session, so a
// kept session stays with the original, and new generated values.
zend_object *mailer_clone(zend_object *old_object)
{
    zend_object *new_object = mailer_create(old_object->ce);
    zend_objects_clone_members(new_object, old_object);
    mailer_from(new_object)->state->error_count = mailer_from(old_object)->state->error_count;
    return new_object;
}

// A copy of the properties with the secrets replaced by "<redacted>" when set.
HashTable *mailer_get_properties_for(zend_object *object, zend_prop_purpose purpose)
{
    switch (purpose) {
    case ZEND_PROP_PURPOSE_DEBUG:
    case ZEND_PROP_PURPOSE_VAR_EXPORT:
    case ZEND_PROP_PURPOSE_JSON:
        break;
    default:
        return zend_std_get_properties_for(object, purpose);
    }
    HashTable *properties = zend_array_dup(zend_std_get_properties(object));
    for (const char *name : kSecretProperties) {
        zval *value = zend_hash_str_find(properties, name, strlen(name));
        if (value == nullptr)
            continue;
        ZVAL_DEREF(value);
        if (Z_TYPE_P(value) == IS_STRING && Z_STRLEN_P(value) == 0)
            continue;
        zval masked;
        ZVAL_STRING(&masked, "<redacted>");
        zend_hash_str_update(properties, name, strlen(name), &masked);
    }
    return properties;
}

std::string zval_to_std_string(zval *value)
{
    zend_string *text = zval_get_string(value);
    std::string out(ZSTR_VAL(text), ZSTR_LEN(text));
    zend_string_release(text);
    return out;
}

std::string trim(const std::string &text)
{
    size_t start = text.find_first_not_of(" \t\r\n\v");
    if (start == std::string::npos)
        return {};
    size_t end = text.find_last_not_of(" \t\r\n\v");
    return text.substr(start, end - start + 1);
}

std::string lower(std::string text)
{
    for (char &c : text)
        c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
    return text;
}

// Append value to the array property name, separating it first so that a
// shared array is not changed behind another variable's back.
void append_to_array_property(zend_object *object, const char *name, zval *value)
{
    zval *current = mailer_property(object, name);
    zval copy;
    if (Z_TYPE_P(current) == IS_ARRAY)
        ZVAL_ARR(&copy, zend_array_dup(Z_ARRVAL_P(current)));
    else
        array_init(&copy);
    add_next_index_zval(&copy, value);
    zend_update_property(mailer_ce, object, name, strlen(name), &copy);
    zval_ptr_dtor(&copy);
}

void clear_array_property(zend_object *object, const char *name)
{
    zval empty;
    array_init(&empty);
    zend_update_property(mailer_ce, object, name, strlen(name), &empty);
    zval_ptr_dtor(&empty);
}

// True when address is already in To, Cc or Bcc, or with reply_to, already
// in Reply-To. Case is ignored, as PHPMailer ignores it.
bool address_listed(zend_object *object, const std::string &address, bool reply_to)
{
    std::string key = lower(address);
    const char *lists[] = {"to", "cc", "bcc"};
    const char *reply_list[] = {"ReplyTo"};
    auto check = [&](const char *name) {
        zval *list = mailer_property(object, name);
        if (Z_TYPE_P(list) != IS_ARRAY)
            return false;
        zval *entry;
        ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(list), entry) {
            ZVAL_DEREF(entry);
            zval *first = Z_TYPE_P(entry) == IS_ARRAY ? zend_hash_index_find(Z_ARRVAL_P(entry), 0) : nullptr;
            if (first != nullptr && lower(zval_to_std_string(first)) == key)
                return true;
        } ZEND_HASH_FOREACH_END();
        return false;
    };
    if (reply_to)
        return check(reply_list[0]);
    for (const char *name : lists) {
        if (check(name))
            return true;
    }
    return false;
}

// addAddress(), addCC(), addBCC() and addReplyTo(): validate, skip a
// duplicate and append [address, name] to the list property.
void add_address(INTERNAL_FUNCTION_PARAMETERS, const char *property, const char *kind)
{
    zval *address_value, *name_value = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_ZVAL(address_value)
        Z_PARAM_OPTIONAL
        Z_PARAM_ZVAL(name_value)
    ZEND_PARSE_PARAMETERS_END();

    zend_object *object = Z_OBJ_P(ZEND_THIS);
    std::string address = trim(zval_to_std_string(address_value));
    std::string name = name_value != nullptr ? trim(zval_to_std_string(name_value)) : std::string();
    try {
        mailer::normalize_address(address);
        mime::check_single_line("name", name);
    } catch (const mime::InvalidInput &) {
        std::string message = std::string(kInvalidAddress) + " (" + kind + "): " + address;
        debug_line(object, message, 1);
        raise_error(object, message, 0);
        RETURN_FALSE;
    }
    bool reply_to = strcmp(property, "ReplyTo") == 0;
    if (address_listed(object, address, reply_to))
        RETURN_FALSE;
    zval pair;
    array_init(&pair);
    add_next_index_stringl(&pair, address.data(), address.size());
    add_next_index_stringl(&pair, name.data(), name.size());
    append_to_array_property(object, property, &pair);
    RETURN_TRUE;
}

bool read_file(const std::string &path, std::string &content)
{
    if (path.empty() || path.find('\0') != std::string::npos || path.find("://") != std::string::npos)
        return false;
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return false;
    std::ostringstream buffer;
    buffer << file.rdbuf();
    if (file.bad())
        return false;
    content = buffer.str();
    return true;
}

// A regular file that this process can read, named by a local path.
bool file_accessible(const std::string &path)
{
    if (path.empty() || path.find('\0') != std::string::npos || path.find("://") != std::string::npos)
        return false;
    struct stat status {};
    return stat(path.c_str(), &status) == 0 && S_ISREG(status.st_mode) && access(path.c_str(), R_OK) == 0;
}

std::string base_name(const std::string &path)
{
    size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Append one attachment entry in PHPMailer 6's eight-slot layout.
void append_attachment(zend_object *object, const std::string &data, const std::string &filename,
                       const std::string &name, const std::string &encoding, const std::string &type,
                       bool is_string, const std::string &disposition, zval *cid)
{
    std::string content_type = type.empty() ? mime::guess_content_type(filename) : type;
    zval entry;
    array_init(&entry);
    add_next_index_stringl(&entry, data.data(), data.size());
    add_next_index_stringl(&entry, filename.data(), filename.size());
    add_next_index_stringl(&entry, name.data(), name.size());
    add_next_index_stringl(&entry, encoding.data(), encoding.size());
    add_next_index_stringl(&entry, content_type.data(), content_type.size());
    add_next_index_bool(&entry, is_string);
    add_next_index_stringl(&entry, disposition.data(), disposition.size());
    Z_TRY_ADDREF_P(cid);
    add_next_index_zval(&entry, cid);
    append_to_array_property(object, "attachment", &entry);
}

bool valid_encoding(const std::string &encoding)
{
    return encoding == "base64" || encoding == "quoted-printable" || encoding == "7bit" || encoding == "8bit" ||
           encoding == "binary";
}

// The Message-ID for this message: MessageID when it is "<left@right>",
// else one made of the unique id and the host name.
std::string message_id(zend_object *object, const std::string &unique_id)
{
    std::string configured = string_property(object, "MessageID");
    if (configured.size() > 2 && configured.front() == '<' && configured.back() == '>' &&
        configured.find('@') != std::string::npos && configured.find_first_of(" \t\r\n") == std::string::npos)
        return configured;
    return "<" + unique_id + "@" + server_hostname(object) + ">";
}

std::string new_unique_id()
{
    unsigned char bytes[24];
    if (php_random_bytes_silent(bytes, sizeof bytes) == FAILURE)
        throw std::runtime_error("no random bytes available");
    static const char kAlphabet[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::string id;
    for (unsigned char byte : bytes)
        id += kAlphabet[byte % 36];
    return id;
}

std::string rfc_date()
{
    zend_string *date = php_format_date("D, j M Y H:i:s O", sizeof("D, j M Y H:i:s O") - 1, time(nullptr), 1);
    std::string out(ZSTR_VAL(date), ZSTR_LEN(date));
    zend_string_release(date);
    return out;
}

std::vector<mailer::NamedAddress> address_list(zend_object *object, const char *name)
{
    std::vector<mailer::NamedAddress> out;
    zval *list = mailer_property(object, name);
    if (Z_TYPE_P(list) != IS_ARRAY)
        return out;
    zval *entry;
    ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(list), entry) {
        ZVAL_DEREF(entry);
        if (Z_TYPE_P(entry) != IS_ARRAY)
            continue;
        zval *address = zend_hash_index_find(Z_ARRVAL_P(entry), 0);
        zval *display = zend_hash_index_find(Z_ARRVAL_P(entry), 1);
        if (address == nullptr)
            continue;
        out.push_back({zval_to_std_string(address), display != nullptr ? zval_to_std_string(display) : ""});
    } ZEND_HASH_FOREACH_END();
    return out;
}

zval *slot(zval *entry, zend_ulong index)
{
    zval *value = zend_hash_index_find(Z_ARRVAL_P(entry), index);
    if (value != nullptr)
        ZVAL_DEREF(value);
    return value;
}

// The file parts from $this->attachment. Returns false with error set
// when a file cannot be read.
bool file_parts(zend_object *object, std::vector<mailer::FilePart> &files, std::string &error)
{
    zval *list = mailer_property(object, "attachment");
    if (Z_TYPE_P(list) != IS_ARRAY)
        return true;
    zval *entry;
    ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(list), entry) {
        ZVAL_DEREF(entry);
        if (Z_TYPE_P(entry) != IS_ARRAY || slot(entry, 0) == nullptr)
            continue;
        mailer::FilePart part;
        std::string source = zval_to_std_string(slot(entry, 0));
        bool is_string = slot(entry, 5) != nullptr && zend_is_true(slot(entry, 5));
        if (is_string) {
            part.data = source;
        } else if (!read_file(source, part.data)) {
            error = std::string(kFileAccess) + source;
            return false;
        }
        part.filename = slot(entry, 2) != nullptr ? zval_to_std_string(slot(entry, 2)) : "";
        part.encoding = slot(entry, 3) != nullptr ? zval_to_std_string(slot(entry, 3)) : "base64";
        part.content_type = slot(entry, 4) != nullptr ? zval_to_std_string(slot(entry, 4)) : "";
        part.disposition = slot(entry, 6) != nullptr ? zval_to_std_string(slot(entry, 6)) : "attachment";
        // PHPMailer 6 stores the name in slot 7 of an ordinary attachment
        // and the Content-ID only for inline parts, which alone get one.
        if (part.disposition == "inline" && slot(entry, 7) != nullptr)
            part.content_id = zval_to_std_string(slot(entry, 7));
        files.push_back(std::move(part));
    } ZEND_HASH_FOREACH_END();
    return true;
}

// X-Mailer as PHPMailer treats it: '' means the default, and a value that
// is only white space means none.
std::string x_mailer(zend_object *object)
{
    zval *value = mailer_property(object, "XMailer");
    if (Z_TYPE_P(value) != IS_STRING)
        return {};
    std::string text(Z_STRVAL_P(value), Z_STRLEN_P(value));
    if (text.empty())
        return "mailbridge " PHP_MAILBRIDGE_VERSION;
    return trim(text);
}

}  // namespace

MailerObject *mailer_from(zend_object *object)
{
    return reinterpret_cast<MailerObject *>(reinterpret_cast<char *>(object) - XtOffsetOf(MailerObject, std));
}

zval *mailer_property(zend_object *object, const char *name)
{
    // Declared properties are returned in place. Only an unset property
    // with a __get() handler would land in this buffer, which is per
    // thread so that ZTS threads never share it.
    static thread_local zval ignored;
    zval *value = zend_read_property(mailer_ce, object, name, strlen(name), 1, &ignored);
    ZVAL_DEREF(value);
    return value;
}

std::string string_property(zend_object *object, const char *name)
{
    zval *value = mailer_property(object, name);
    return Z_TYPE_P(value) == IS_NULL ? std::string() : zval_to_std_string(value);
}

bool bool_property(zend_object *object, const char *name)
{
    return zend_is_true(mailer_property(object, name));
}

zend_long long_property(zend_object *object, const char *name)
{
    return zval_get_long(mailer_property(object, name));
}

void write_string_property(zend_object *object, const char *name, const std::string &value)
{
    zend_update_property_stringl(mailer_ce, object, name, strlen(name), value.data(), value.size());
}

bool call_method(zend_object *object, const char *name, zval *result, uint32_t count, zval *arguments)
{
    std::string lowered = lower(name);
    auto *function = static_cast<zend_function *>(
        zend_hash_str_find_ptr(&object->ce->function_table, lowered.data(), lowered.size()));
    ZVAL_UNDEF(result);
    if (function == nullptr) {
        zend_throw_error(nullptr, "Call to undefined method %s::%s()", ZSTR_VAL(object->ce->name), name);
        return false;
    }
    zend_call_known_instance_method(function, object, result, count, arguments);
    return EG(exception) == nullptr;
}

std::string server_hostname(zend_object *object)
{
    std::string configured = string_property(object, "Hostname");
    if (!configured.empty() && configured.find_first_of(" \t\r\n<>@") == std::string::npos)
        return configured;
    char name[256] = "";
    if (gethostname(name, sizeof(name) - 1) == 0 && name[0] != '\0' && strpbrk(name, " \t\r\n<>@") == nullptr)
        return name;
    return "localhost.localdomain";
}

bool compose_message(zend_object *object, std::string &header, std::string &body, std::string &error)
{
    MailerState *state = mailer_from(object)->state;
    mailer::Composition composition;
    composition.charset = string_property(object, "CharSet");
    composition.content_type = string_property(object, "ContentType");
    composition.encoding = string_property(object, "Encoding");
    zend_long wrap = long_property(object, "WordWrap");
    composition.word_wrap = wrap > 0 ? static_cast<unsigned>(std::min<zend_long>(wrap, 998)) : 0;
    composition.subject = trim(string_property(object, "Subject"));
    composition.body = string_property(object, "Body");
    composition.alt_body = string_property(object, "AltBody");
    composition.from = {trim(string_property(object, "From")), string_property(object, "FromName")};
    composition.to = address_list(object, "to");
    composition.cc = address_list(object, "cc");
    composition.reply_to = address_list(object, "ReplyTo");
    if (state->unique_id.empty()) {
        try {
            state->unique_id = new_unique_id();
        } catch (const std::runtime_error &failure) {
            error = std::string("cannot compose the message: ") + failure.what();
            return false;
        }
        state->date = rfc_date();
    }
    composition.date = state->date;
    composition.boundary_seed = state->unique_id;
    composition.message_id = message_id(object, state->unique_id);
    zval *priority = mailer_property(object, "Priority");
    if (Z_TYPE_P(priority) != IS_NULL)
        composition.priority = zval_to_std_string(priority);
    composition.x_mailer = x_mailer(object);
    composition.confirm_reading_to = trim(string_property(object, "ConfirmReadingTo"));

    zval *headers = mailer_property(object, "CustomHeader");
    if (Z_TYPE_P(headers) == IS_ARRAY) {
        zval *entry;
        ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(headers), entry) {
            ZVAL_DEREF(entry);
            if (Z_TYPE_P(entry) != IS_ARRAY || slot(entry, 0) == nullptr)
                continue;
            std::string value = slot(entry, 1) != nullptr ? zval_to_std_string(slot(entry, 1)) : "";
            composition.custom_headers.emplace_back(trim(zval_to_std_string(slot(entry, 0))), trim(value));
        } ZEND_HASH_FOREACH_END();
    }
    if (!file_parts(object, composition.files, error))
        return false;
    try {
        mailer::Composed composed = mailer::compose(composition);
        header = std::move(composed.header);
        body = std::move(composed.body);
    } catch (const mime::InvalidInput &invalid) {
        error = invalid.what();
        return false;
    } catch (const std::exception &failure) {
        // Allocation failures end here, because no C++ exception may reach the engine.
        error = std::string("cannot compose the message: ") + failure.what();
        return false;
    }
    write_string_property(object, "lastMessageID", composition.message_id);
    return true;
}

void start_new_message(zend_object *object)
{
    MailerState *state = mailer_from(object)->state;
    state->unique_id.clear();
    state->date.clear();
}

void register_mailer_classes()
{
    mailer_ce = register_class_MailBridge_Mailer();
    mailer_ce->create_object = mailer_create;
    memcpy(&mailer_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
    mailer_handlers.offset = XtOffsetOf(MailerObject, std);
    mailer_handlers.free_obj = mailer_free;
    mailer_handlers.get_properties_for = mailer_get_properties_for;
    mailer_handlers.clone_obj = mailer_clone;
    mailer_exception_ce = register_class_MailBridge_MailerException(spl_ce_RuntimeException, exception_interface_ce);
}

}  // namespace mailbridge::php

using namespace mailbridge;
using mailbridge::php::MailerObject;

ZEND_METHOD(MailBridge_Mailer, __construct)
{
    (void)return_value;
    bool exceptions = false;
    bool exceptions_null = true;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_BOOL_OR_NULL(exceptions, exceptions_null)
    ZEND_PARSE_PARAMETERS_END();
    zend_object *object = Z_OBJ_P(ZEND_THIS);
    if (!exceptions_null)
        zend_update_property_bool(php::mailer_ce, object, "exceptions", sizeof("exceptions") - 1, exceptions);
    // As PHPMailer: plain text on the command line, HTML elsewhere.
    if (strcmp(sapi_module.name, "cli") != 0)
        php::write_string_property(object, "Debugoutput", "html");
}

ZEND_METHOD(MailBridge_Mailer, isSMTP)
{
    (void)return_value;
    ZEND_PARSE_PARAMETERS_NONE();
    php::write_string_property(Z_OBJ_P(ZEND_THIS), "Mailer", "smtp");
}

ZEND_METHOD(MailBridge_Mailer, isHTML)
{
    (void)return_value;
    zval *is_html = nullptr;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_ZVAL(is_html)
    ZEND_PARSE_PARAMETERS_END();
    bool html = is_html == nullptr || zend_is_true(is_html);
    php::write_string_property(Z_OBJ_P(ZEND_THIS), "ContentType", html ? "text/html" : "text/plain");
}

ZEND_METHOD(MailBridge_Mailer, setFrom)
{
    zval *address_value, *name_value = nullptr, *auto_value = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 3)
        Z_PARAM_ZVAL(address_value)
        Z_PARAM_OPTIONAL
        Z_PARAM_ZVAL(name_value)
        Z_PARAM_ZVAL(auto_value)
    ZEND_PARSE_PARAMETERS_END();
    zend_object *object = Z_OBJ_P(ZEND_THIS);
    std::string address = php::trim(php::zval_to_std_string(address_value));
    std::string name = name_value != nullptr ? php::trim(php::zval_to_std_string(name_value)) : std::string();
    // PHPMailer drops line breaks from the name.
    name.erase(std::remove_if(name.begin(), name.end(), [](char c) { return c == '\r' || c == '\n'; }), name.end());
    try {
        mailer::normalize_address(address);
    } catch (const mime::InvalidInput &) {
        std::string message = std::string(php::kInvalidAddress) + " (From): " + address;
        php::debug_line(object, message, 1);
        php::raise_error(object, message, 0);
        RETURN_FALSE;
    }
    php::write_string_property(object, "From", address);
    php::write_string_property(object, "FromName", name);
    if ((auto_value == nullptr || zend_is_true(auto_value)) && php::string_property(object, "Sender").empty())
        php::write_string_property(object, "Sender", address);
    RETURN_TRUE;
}

ZEND_METHOD(MailBridge_Mailer, addAddress)
{
    php::add_address(INTERNAL_FUNCTION_PARAM_PASSTHRU, "to", "to");
}

ZEND_METHOD(MailBridge_Mailer, addCC)
{
    php::add_address(INTERNAL_FUNCTION_PARAM_PASSTHRU, "cc", "cc");
}

ZEND_METHOD(MailBridge_Mailer, addBCC)
{
    php::add_address(INTERNAL_FUNCTION_PARAM_PASSTHRU, "bcc", "bcc");
}

ZEND_METHOD(MailBridge_Mailer, addReplyTo)
{
    php::add_address(INTERNAL_FUNCTION_PARAM_PASSTHRU, "ReplyTo", "Reply-To");
}

namespace {

// The shared body of addAttachment(), addStringAttachment(),
// addEmbeddedImage() and addStringEmbeddedImage().
void add_file(INTERNAL_FUNCTION_PARAMETERS, bool is_string, bool embedded)
{
    zval *source, *second = nullptr, *name_value = nullptr, *encoding_value = nullptr, *type_value = nullptr,
                  *disposition_value = nullptr;
    // Not the fast ZPP macros: in release builds their ZEND_ASSERTs become
    // ZEND_ASSUME, and Z_PARAM_OPTIONAL before the second argument tells the
    // compiler that the minimum count is 1. A minimum of 2 computed at run
    // time then broke that promise, and -O2 folded every variant into the
    // addAttachment() path.
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "z|zzzzz", &source, &second, &name_value, &encoding_value,
                              &type_value, &disposition_value) == FAILURE) {
        RETURN_THROWS();
    }
    if ((embedded || is_string) && second == nullptr) {
        zend_wrong_parameters_count_error(2, 6);
        RETURN_THROWS();
    }
    // addAttachment($path, $name, $encoding, $type, $disposition) has one
    // argument fewer than the others, which take a cid or file name second.
    if (!embedded && !is_string) {
        disposition_value = type_value;
        type_value = encoding_value;
        encoding_value = name_value;
        name_value = second;
        second = nullptr;
    } else if (!embedded) {
        disposition_value = type_value;
        type_value = encoding_value;
        encoding_value = name_value;
        name_value = nullptr;
    }
    zend_object *object = Z_OBJ_P(ZEND_THIS);
    auto text = [](zval *value, const char *fallback) {
        return value != nullptr ? php::zval_to_std_string(value) : std::string(fallback);
    };
    std::string data = php::zval_to_std_string(source);
    std::string encoding = text(encoding_value, "base64");
    std::string type = text(type_value, "");
    std::string disposition = text(disposition_value, embedded ? "inline" : "attachment");
    if (!php::valid_encoding(encoding)) {
        php::raise_error(object, "Unknown encoding: " + encoding, 0);
        RETURN_FALSE;
    }
    if (!is_string) {
        if (!php::file_accessible(data)) {
            php::raise_error(object, std::string(php::kFileAccess) + data, 0);
            RETURN_FALSE;
        }
    }

    std::string filename, name;
    zval cid;
    if (is_string && !embedded) {
        filename = text(second, "");
        name = filename;
        ZVAL_LONG(&cid, 0);
    } else {
        filename = is_string ? text(name_value, "") : php::base_name(data);
        name = text(name_value, "");
        if (name.empty())
            name = filename;
        std::string content_id = text(second, "");
        if (embedded)
            ZVAL_STRINGL(&cid, content_id.data(), content_id.size());
        else
            ZVAL_STRINGL(&cid, name.data(), name.size());
    }
    if (embedded && is_string)
        filename = name;
    php::append_attachment(object, data, filename, name, encoding, type, is_string, disposition, &cid);
    zval_ptr_dtor(&cid);
    RETURN_TRUE;
}

}  // namespace

ZEND_METHOD(MailBridge_Mailer, addAttachment)
{
    add_file(INTERNAL_FUNCTION_PARAM_PASSTHRU, false, false);
}

ZEND_METHOD(MailBridge_Mailer, addStringAttachment)
{
    add_file(INTERNAL_FUNCTION_PARAM_PASSTHRU, true, false);
}

ZEND_METHOD(MailBridge_Mailer, addEmbeddedImage)
{
    add_file(INTERNAL_FUNCTION_PARAM_PASSTHRU, false, true);
}

ZEND_METHOD(MailBridge_Mailer, addStringEmbeddedImage)
{
    add_file(INTERNAL_FUNCTION_PARAM_PASSTHRU, true, true);
}

ZEND_METHOD(MailBridge_Mailer, addCustomHeader)
{
    zval *name_value, *value_value = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_ZVAL(name_value)
        Z_PARAM_OPTIONAL
        Z_PARAM_ZVAL(value_value)
    ZEND_PARSE_PARAMETERS_END();
    zend_object *object = Z_OBJ_P(ZEND_THIS);
    std::string name = php::zval_to_std_string(name_value);
    std::string value;
    if (value_value == nullptr || Z_TYPE_P(value_value) == IS_NULL) {
        // The single "Name: value" form.
        size_t colon = name.find(':');
        if (colon != std::string::npos) {
            value = name.substr(colon + 1);
            name = name.substr(0, colon);
        }
    } else {
        value = php::zval_to_std_string(value_value);
    }
    name = php::trim(name);
    value = php::trim(value);
    try {
        mime::check_header(name, value);
    } catch (const mime::InvalidInput &) {
        if (php::bool_property(object, "exceptions"))
            php::throw_mailer_exception(php::kInvalidHeader, 0);
        RETURN_FALSE;
    }
    zval pair;
    array_init(&pair);
    add_next_index_stringl(&pair, name.data(), name.size());
    add_next_index_stringl(&pair, value.data(), value.size());
    php::append_to_array_property(object, "CustomHeader", &pair);
    RETURN_TRUE;
}

#define MAILER_CLEAR_METHOD(method, ...)                                      \
    ZEND_METHOD(MailBridge_Mailer, method)                                    \
    {                                                                         \
        (void)return_value;                                                   \
        ZEND_PARSE_PARAMETERS_NONE();                                         \
        for (const char *property : {__VA_ARGS__})                            \
            php::clear_array_property(Z_OBJ_P(ZEND_THIS), property);          \
    }

MAILER_CLEAR_METHOD(clearAddresses, "to")
MAILER_CLEAR_METHOD(clearCCs, "cc")
MAILER_CLEAR_METHOD(clearBCCs, "bcc")
MAILER_CLEAR_METHOD(clearReplyTos, "ReplyTo")
MAILER_CLEAR_METHOD(clearAllRecipients, "to", "cc", "bcc")
MAILER_CLEAR_METHOD(clearAttachments, "attachment")
MAILER_CLEAR_METHOD(clearCustomHeaders, "CustomHeader")

namespace {

// Call a PHP function by name with string arguments; returns its result as a string.
bool call_function(const char *name, std::vector<zval> &arguments, std::string &out)
{
    zval function, result;
    ZVAL_STRING(&function, name);
    ZVAL_UNDEF(&result);
    call_user_function(nullptr, nullptr, &function, &result, static_cast<uint32_t>(arguments.size()),
                       arguments.data());
    zval_ptr_dtor(&function);
    for (zval &argument : arguments)
        zval_ptr_dtor(&argument);
    arguments.clear();
    if (EG(exception) || Z_TYPE(result) == IS_UNDEF) {
        zval_ptr_dtor(&result);
        return false;
    }
    out = php::zval_to_std_string(&result);
    zval_ptr_dtor(&result);
    return true;
}

zval string_zval(const std::string &text)
{
    zval value;
    ZVAL_STRINGL(&value, text.data(), text.size());
    return value;
}

}  // namespace

ZEND_METHOD(MailBridge_Mailer, msgHTML)
{
    zval *message_value, *basedir = nullptr, *advanced = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 3)
        Z_PARAM_ZVAL(message_value)
        Z_PARAM_OPTIONAL
        Z_PARAM_ZVAL(basedir)
        Z_PARAM_ZVAL(advanced)
    ZEND_PARSE_PARAMETERS_END();
    (void)basedir;
    (void)advanced;
    zend_object *object = Z_OBJ_P(ZEND_THIS);
    std::string html = php::zval_to_std_string(message_value);
    php::write_string_property(object, "ContentType", "text/html");
    php::write_string_property(object, "Body", html);

    // The plain-text alternative: the HTML without head, title, style and
    // script elements and without tags, with entities decoded.
    std::string text;
    std::vector<zval> arguments{string_zval("/<(head|title|style|script)[^>]*>.*?<\\/\\1>/si"), string_zval(""),
                                string_zval(html)};
    if (!call_function("preg_replace", arguments, text))
        RETURN_THROWS();
    arguments = {string_zval(text)};
    if (!call_function("strip_tags", arguments, text))
        RETURN_THROWS();
    arguments = {string_zval(php::trim(text)), zval(), string_zval(php::string_property(object, "CharSet"))};
    ZVAL_LONG(&arguments[1], ENT_QUOTES);
    if (!call_function("html_entity_decode", arguments, text))
        RETURN_THROWS();
    if (!text.empty())
        php::write_string_property(object, "AltBody", text);
    RETURN_STRINGL(html.data(), html.size());
}

ZEND_METHOD(MailBridge_Mailer, isError)
{
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_BOOL(php::mailer_from(Z_OBJ_P(ZEND_THIS))->state->error_count > 0);
}

ZEND_METHOD(MailBridge_Mailer, setLanguage)
{
    zend_string *code = nullptr;
    zval *path = nullptr;
    ZEND_PARSE_PARAMETERS_START(0, 2)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR(code)
        Z_PARAM_ZVAL(path)
    ZEND_PARSE_PARAMETERS_END();
    (void)path;
    // NOTE: only the English texts exist; another language leaves them in place.
    RETURN_BOOL(code == nullptr || zend_string_equals_literal(code, "en"));
}

ZEND_METHOD(MailBridge_Mailer, createHeader)
{
    ZEND_PARSE_PARAMETERS_NONE();
    std::string header, body, error;
    if (!php::compose_message(Z_OBJ_P(ZEND_THIS), header, body, error)) {
        php::raise_error(Z_OBJ_P(ZEND_THIS), error, php::kStopCritical);
        RETURN_EMPTY_STRING();
    }
    RETURN_STRINGL(header.data(), header.size());
}

ZEND_METHOD(MailBridge_Mailer, createBody)
{
    ZEND_PARSE_PARAMETERS_NONE();
    std::string header, body, error;
    if (!php::compose_message(Z_OBJ_P(ZEND_THIS), header, body, error)) {
        php::raise_error(Z_OBJ_P(ZEND_THIS), error, php::kStopCritical);
        RETURN_EMPTY_STRING();
    }
    RETURN_STRINGL(body.data(), body.size());
}

ZEND_METHOD(MailBridge_Mailer, getSentMIMEMessage)
{
    ZEND_PARSE_PARAMETERS_NONE();
    zend_object *object = Z_OBJ_P(ZEND_THIS);
    std::string message = php::string_property(object, "MIMEHeader") + "\r\n" + php::string_property(object, "MIMEBody");
    RETURN_STRINGL(message.data(), message.size());
}

ZEND_METHOD(MailBridge_Mailer, getLastMessageID)
{
    ZEND_PARSE_PARAMETERS_NONE();
    std::string id = php::string_property(Z_OBJ_P(ZEND_THIS), "lastMessageID");
    RETURN_STRINGL(id.data(), id.size());
}

ZEND_METHOD(MailBridge_MailerException, errorMessage)
{
    ZEND_PARSE_PARAMETERS_NONE();
    zval ignored;
    zval *message = zend_read_property(zend_ce_exception, Z_OBJ_P(ZEND_THIS), "message", sizeof("message") - 1, 1,
                                       &ignored);
    zend_string *text = zval_get_string(message);
    zend_string *escaped = php_escape_html_entities(reinterpret_cast<unsigned char *>(ZSTR_VAL(text)), ZSTR_LEN(text),
                                                    0, ENT_QUOTES | ENT_SUBSTITUTE, nullptr);
    zend_string_release(text);
    std::string out = "<strong>" + std::string(ZSTR_VAL(escaped), ZSTR_LEN(escaped)) + "</strong><br />\n";
    zend_string_release(escaped);
    RETURN_STRINGL(out.data(), out.size());
}

#include "php/objects.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "dkim/signer.h"
#include "mime/address.h"
#include "mime/message.h"

#include "../../php_stubs/dkim_arginfo.h"

namespace mailbridge::php {

namespace {

zend_class_entry *dkim_signer_ce;
zend_object_handlers dkim_signer_handlers;

// A PEM RSA key of 4096 bits is about 3.3 KB, so even a 16384-bit key stays
// far below this, and a larger file is not a key.
constexpr size_t kMaxKeyFileSize = size_t{1} << 20;

struct DkimSignerObject {
    dkim::Signer *signer;  // nullptr until the constructor succeeds
    bool has_passphrase;
    zend_object std;
};

DkimSignerObject *dkim_signer_object(zend_object *object)
{
    return reinterpret_cast<DkimSignerObject *>(reinterpret_cast<char *>(object) -
                                                XtOffsetOf(DkimSignerObject, std));
}

zend_object *dkim_signer_create(zend_class_entry *ce)
{
    auto *intern = static_cast<DkimSignerObject *>(zend_object_alloc(sizeof(DkimSignerObject), ce));
    zend_object_std_init(&intern->std, ce);
    object_properties_init(&intern->std, ce);
    intern->signer = nullptr;
    intern->has_passphrase = false;
    intern->std.handlers = &dkim_signer_handlers;
    return &intern->std;
}

void dkim_signer_free(zend_object *object)
{
    DkimSignerObject *intern = dkim_signer_object(object);
    delete intern->signer;
    intern->signer = nullptr;
    zend_object_std_dtor(object);
}

void add_string(HashTable *table, const char *key, const std::string &text)
{
    zval value;
    ZVAL_STRINGL(&value, text.data(), text.size());
    zend_hash_str_update(table, key, strlen(key), &value);
}

// var_dump() and print_r() show the settings but never the key or the passphrase.
HashTable *dkim_signer_get_debug_info(zend_object *object, int *is_temp)
{
    DkimSignerObject *intern = dkim_signer_object(object);
    HashTable *info = zend_new_array(8);
    *is_temp = 1;
    const dkim::Signer *signer = intern->signer;
    if (signer == nullptr)
        return info;
    add_string(info, "domain", signer->domain());
    add_string(info, "selector", signer->selector());
    add_string(info, "algorithm", signer->algorithm());
    add_string(info, "canonicalization", signer->canonicalization());
    zval headers;
    array_init_size(&headers, static_cast<uint32_t>(signer->headers().size()));
    for (const std::string &name : signer->headers())
        add_next_index_stringl(&headers, name.data(), name.size());
    zend_hash_str_update(info, "headers", sizeof("headers") - 1, &headers);
    if (!signer->identity().empty())
        add_string(info, "identity", signer->identity());
    if (signer->expiration_seconds() > 0) {
        zval expiration;
        ZVAL_LONG(&expiration, signer->expiration_seconds());
        zend_hash_str_update(info, "expiration", sizeof("expiration") - 1, &expiration);
    }
    add_string(info, "private_key", "<redacted>");
    if (intern->has_passphrase)
        add_string(info, "passphrase", "<redacted>");
    return info;
}

bool read_string(zval *value, const char *name, std::string &out)
{
    if (Z_TYPE_P(value) != IS_STRING) {
        zend_type_error("MailBridge\\DkimSigner option \"%s\" must be of type string, %s given", name,
                        zend_zval_type_name(value));
        return false;
    }
    out.assign(Z_STRVAL_P(value), Z_STRLEN_P(value));
    return true;
}

bool read_header_list(zval *value, std::vector<std::string> &out)
{
    if (Z_TYPE_P(value) != IS_ARRAY) {
        zend_type_error("MailBridge\\DkimSigner option \"headers\" must be of type array, %s given",
                        zend_zval_type_name(value));
        return false;
    }
    if (zend_hash_num_elements(Z_ARRVAL_P(value)) == 0) {
        zend_value_error("MailBridge\\DkimSigner option \"headers\" must list at least From; "
                         "leave the option out for the default list");
        return false;
    }
    zval *entry;
    ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(value), entry) {
        ZVAL_DEREF(entry);
        if (Z_TYPE_P(entry) != IS_STRING) {
            zend_type_error("MailBridge\\DkimSigner option \"headers\" must contain only strings, %s given",
                            zend_zval_type_name(entry));
            return false;
        }
        out.emplace_back(Z_STRVAL_P(entry), Z_STRLEN_P(entry));
    } ZEND_HASH_FOREACH_END();
    return true;
}

bool read_canonicalization(zval *value, dkim::Options &options)
{
    std::string text;
    if (!read_string(value, "canonicalization", text))
        return false;
    size_t slash = text.find('/');
    std::string header = text.substr(0, slash);
    std::string body = slash == std::string::npos ? "" : text.substr(slash + 1);
    auto known = [](const std::string &method) { return method == "relaxed" || method == "simple"; };
    if (!known(header) || !known(body)) {
        zend_value_error("MailBridge\\DkimSigner option \"canonicalization\" must be \"relaxed/relaxed\", "
                         "\"simple/simple\", \"relaxed/simple\" or \"simple/relaxed\"");
        return false;
    }
    options.header_canonicalization = header;
    options.body_canonicalization = body;
    return true;
}

// Read a PEM file into key. The value is only shown in a message once it is
// known to name an existing file: a string that is neither PEM nor a path
// may be key material in another form.
bool read_key_file(const std::string &path, Secret &key)
{
    zend_stat_t status;
    if (path.find('\0') != std::string::npos || php_check_open_basedir_ex(path.c_str(), 0) != 0 ||
        VCWD_STAT(path.c_str(), &status) != 0) {
        zend_value_error("MailBridge\\DkimSigner option \"private_key\" is neither PEM text (with a "
                         "\"-----BEGIN\" line) nor the path of a readable file; the value is not shown because it "
                         "may be key material");
        return false;
    }
    if (!S_ISREG(status.st_mode)) {
        zend_value_error("MailBridge\\DkimSigner option \"private_key\" names \"%s\", which is not a regular file",
                         path.c_str());
        return false;
    }
    if (static_cast<size_t>(status.st_size) > kMaxKeyFileSize) {
        zend_value_error("MailBridge\\DkimSigner option \"private_key\" names \"%s\", which is larger than %zu "
                         "bytes and so not a PEM key",
                         path.c_str(), kMaxKeyFileSize);
        return false;
    }
    FILE *file = VCWD_FOPEN(path.c_str(), "rb");
    if (file == nullptr) {
        zend_value_error("MailBridge\\DkimSigner option \"private_key\" names \"%s\", which cannot be read: %s",
                         path.c_str(), strerror(errno));
        return false;
    }
    std::string text;
    char buffer[4096];
    size_t length;
    while (text.size() <= kMaxKeyFileSize && (length = fread(buffer, 1, sizeof(buffer), file)) > 0)
        text.append(buffer, length);
    bool failed = ferror(file) != 0;
    fclose(file);
    OPENSSL_cleanse(buffer, sizeof(buffer));
    if (failed) {
        wipe_string(text);
        zend_value_error("MailBridge\\DkimSigner option \"private_key\" names \"%s\", which cannot be read",
                         path.c_str());
        return false;
    }
    key = Secret(text);
    wipe_string(text);
    return true;
}

bool read_private_key(zval *value, Secret &key)
{
    if (Z_TYPE_P(value) != IS_STRING) {
        zend_type_error("MailBridge\\DkimSigner option \"private_key\" must be of type string, %s given",
                        zend_zval_type_name(value));
        return false;
    }
    std::string_view text(Z_STRVAL_P(value), Z_STRLEN_P(value));
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        zend_value_error("MailBridge\\DkimSigner option \"private_key\" must not be empty");
        return false;
    }
    // PEM readers skip text before the BEGIN line, such as the "Bag
    // Attributes" that `openssl pkcs12` writes, so that text counts as PEM too.
    if (text.find("-----BEGIN") != std::string_view::npos) {
        key = Secret(text);
        return true;
    }
    return read_key_file(std::string(text), key);
}

struct SeenOptions {
    bool domain = false;
    bool selector = false;
    bool private_key = false;
};

bool read_option(const std::string &name, zval *value, dkim::Options &options, SeenOptions &seen)
{
    if (name == "domain") {
        seen.domain = true;
        return read_string(value, "domain", options.domain);
    }
    if (name == "selector") {
        seen.selector = true;
        return read_string(value, "selector", options.selector);
    }
    if (name == "private_key") {
        seen.private_key = true;
        return read_private_key(value, options.private_key);
    }
    if (name == "passphrase") {
        if (Z_TYPE_P(value) != IS_STRING) {
            zend_type_error("MailBridge\\DkimSigner option \"passphrase\" must be of type string, %s given",
                            zend_zval_type_name(value));
            return false;
        }
        options.passphrase = Secret(std::string_view(Z_STRVAL_P(value), Z_STRLEN_P(value)));
        return true;
    }
    if (name == "algorithm")
        return read_string(value, "algorithm", options.algorithm);
    if (name == "headers")
        return read_header_list(value, options.headers);
    if (name == "canonicalization")
        return read_canonicalization(value, options);
    if (name == "identity")
        return read_string(value, "identity", options.identity);
    if (name == "expiration") {
        if (Z_TYPE_P(value) != IS_LONG) {
            zend_type_error("MailBridge\\DkimSigner option \"expiration\" must be of type int, %s given",
                            zend_zval_type_name(value));
            return false;
        }
        options.expiration_seconds = Z_LVAL_P(value);
        return true;
    }
    zend_value_error("MailBridge\\DkimSigner has no option \"%s\"", name.c_str());
    return false;
}

// A ByteSource over a string that the caller keeps alive, so that signing a
// raw message copies nothing.
class ViewSource : public ByteSource {
public:
    explicit ViewSource(std::string_view data) : data_(data) {}
    bool read(std::string &out, size_t max_bytes) override
    {
        if (data_.empty())
            return false;
        size_t length = std::min(max_bytes, data_.size());
        out.append(data_.substr(0, length));
        data_.remove_prefix(length);
        return true;
    }

private:
    std::string_view data_;
};

}  // namespace

void register_dkim_classes()
{
    dkim_signer_ce = register_class_MailBridge_DkimSigner();
    dkim_signer_ce->create_object = dkim_signer_create;
    memcpy(&dkim_signer_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
    dkim_signer_handlers.offset = XtOffsetOf(DkimSignerObject, std);
    dkim_signer_handlers.free_obj = dkim_signer_free;
    dkim_signer_handlers.get_debug_info = dkim_signer_get_debug_info;
    dkim_signer_handlers.clone_obj = nullptr;
}

const dkim::Signer *dkim_signer_from(zend_object *object)
{
    if (object == nullptr || object->ce != dkim_signer_ce)
        return nullptr;
    return dkim_signer_object(object)->signer;
}

}  // namespace mailbridge::php

using namespace mailbridge;

ZEND_METHOD(MailBridge_DkimSigner, __construct)
{
    HashTable *options_table;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_ARRAY_HT(options_table)
    ZEND_PARSE_PARAMETERS_END();

    php::DkimSignerObject *intern = php::dkim_signer_object(Z_OBJ_P(ZEND_THIS));
    if (intern->signer != nullptr) {
        zend_throw_error(nullptr, "MailBridge\\DkimSigner is already constructed");
        RETURN_THROWS();
    }

    dkim::Options options;
    php::SeenOptions seen;
    zend_string *key;
    zval *entry;
    ZEND_HASH_FOREACH_STR_KEY_VAL(options_table, key, entry) {
        ZVAL_DEREF(entry);
        if (key == nullptr) {
            zend_argument_value_error(1, "must have string keys");
            RETURN_THROWS();
        }
        if (!php::read_option(std::string(ZSTR_VAL(key), ZSTR_LEN(key)), entry, options, seen))
            RETURN_THROWS();
    } ZEND_HASH_FOREACH_END();
    for (auto [present, name] : {std::pair{seen.domain, "domain"}, std::pair{seen.selector, "selector"},
                                 std::pair{seen.private_key, "private_key"}}) {
        if (!present) {
            zend_value_error("MailBridge\\DkimSigner option \"%s\" is required", name);
            RETURN_THROWS();
        }
    }

    bool has_passphrase = !options.passphrase.empty();
    try {
        intern->signer = new dkim::Signer(std::move(options));
    } catch (const mime::InvalidInput &error) {
        php::throw_value_error(std::string("MailBridge\\DkimSigner: ") + error.what());
        RETURN_THROWS();
    } catch (const std::exception &error) {
        zend_throw_error(nullptr, "MailBridge\\DkimSigner: %s", error.what());
        RETURN_THROWS();
    }
    intern->has_passphrase = has_passphrase;
}

ZEND_METHOD(MailBridge_DkimSigner, sign)
{
    zend_object *message_object = nullptr;
    zend_string *raw = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_OBJ_OF_CLASS_OR_STR(message_object, php::message_ce, raw)
    ZEND_PARSE_PARAMETERS_END();

    const dkim::Signer *signer = php::dkim_signer_object(Z_OBJ_P(ZEND_THIS))->signer;
    if (signer == nullptr) {
        zend_throw_error(nullptr, "MailBridge\\DkimSigner object is not initialized");
        RETURN_THROWS();
    }

    std::string serialized;
    std::string_view message;
    std::string field;
    try {
        if (message_object != nullptr) {
            serialized = php::message_from(message_object)->message->serialize();
            message = serialized;
        } else {
            message = std::string_view(ZSTR_VAL(raw), ZSTR_LEN(raw));
        }
        php::ViewSource source(message);
        field = signer->sign(source);
    } catch (const mime::InvalidInput &error) {
        php::throw_value_error(error.what());
        RETURN_THROWS();
    } catch (const std::exception &error) {
        // OpenSSL failures and a failure of its random generator while the
        // message is serialized get here.
        zend_throw_error(nullptr, "cannot DKIM-sign the message: %s", error.what());
        RETURN_THROWS();
    }

    zend_string *signed_message = zend_string_alloc(field.size() + message.size(), 0);
    memcpy(ZSTR_VAL(signed_message), field.data(), field.size());
    memcpy(ZSTR_VAL(signed_message) + field.size(), message.data(), message.size());
    ZSTR_VAL(signed_message)[field.size() + message.size()] = '\0';
    RETURN_NEW_STR(signed_message);
}

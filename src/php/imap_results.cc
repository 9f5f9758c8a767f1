// PHP objects for the IMAP core's typed results: Mailbox, MailboxStatus,
// MailboxInfo, ImapMessage with its envelope array and MimePart tree, and
// ImapEvent. Every property is set here, so none is left uninitialized.
#include "php/imap.h"

extern "C" {
#include "ext/date/php_date.h"
}

#include <map>

#include "mimeparse/content_fields.h"

namespace mailbridge::php {

namespace {

void set_property(zval *object, const char *name, zval *value)
{
    zend_update_property(Z_OBJCE_P(object), Z_OBJ_P(object), name, strlen(name), value);
    zval_ptr_dtor(value);
}

void set_string(zval *object, const char *name, const std::string &text)
{
    zval value;
    ZVAL_STRINGL(&value, text.data(), text.size());
    set_property(object, name, &value);
}

// Empty strings are how the core marks an absent NIL value.
void set_string_or_null(zval *object, const char *name, const std::string &text)
{
    zval value;
    if (text.empty())
        ZVAL_NULL(&value);
    else
        ZVAL_STRINGL(&value, text.data(), text.size());
    set_property(object, name, &value);
}

void set_long(zval *object, const char *name, uint64_t number)
{
    zval value;
    ZVAL_LONG(&value, static_cast<zend_long>(number));
    set_property(object, name, &value);
}

template <typename Number>
void set_optional_long(zval *object, const char *name, const std::optional<Number> &number)
{
    zval value;
    if (number)
        ZVAL_LONG(&value, static_cast<zend_long>(*number));
    else
        ZVAL_NULL(&value);
    set_property(object, name, &value);
}

void set_bool(zval *object, const char *name, bool flag)
{
    zval value;
    ZVAL_BOOL(&value, flag);
    set_property(object, name, &value);
}

void make_string_list(zval *out, const std::vector<std::string> &strings)
{
    array_init_size(out, static_cast<uint32_t>(strings.size()));
    for (const std::string &text : strings)
        add_next_index_stringl(out, text.data(), text.size());
}

void set_string_list(zval *object, const char *name, const std::vector<std::string> &strings)
{
    zval value;
    make_string_list(&value, strings);
    set_property(object, name, &value);
}

// Parameter names are case-insensitive (RFC 2045 section 5.1), so they
// become lower-case keys. A later duplicate replaces an earlier one.
void set_parameters(zval *object, const char *name, const imap::Parameters &parameters)
{
    zval value;
    array_init_size(&value, static_cast<uint32_t>(parameters.size()));
    for (const auto &[key, text] : parameters) {
        std::string lower = key;
        for (char &c : lower)
            c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
        add_assoc_stringl_ex(&value, lower.data(), lower.size(), text.data(), text.size());
    }
    set_property(object, name, &value);
}

void add_optional_string(zval *array, const char *key, const std::string &text)
{
    if (text.empty())
        add_assoc_null(array, key);
    else
        add_assoc_stringl(array, key, text.data(), text.size());
}

void make_address_list(zval *out, const std::vector<imap::Address> &addresses)
{
    array_init_size(out, static_cast<uint32_t>(addresses.size()));
    for (const imap::Address &address : addresses) {
        zval entry;
        array_init_size(&entry, 4);
        add_optional_string(&entry, "name", address.name);
        add_optional_string(&entry, "mailbox", address.mailbox);
        add_optional_string(&entry, "host", address.host);
        // Group start and end markers (RFC 3501 7.4.2) have no address.
        if (!address.mailbox.empty() && !address.host.empty())
            add_optional_string(&entry, "address", address.mailbox + "@" + address.host);
        else
            add_assoc_null(&entry, "address");
        add_next_index_zval(out, &entry);
    }
}

void make_envelope(zval *out, const imap::Envelope &envelope)
{
    array_init_size(out, 10);
    add_optional_string(out, "date", envelope.date);
    add_optional_string(out, "subject", envelope.subject);
    const std::pair<const char *, const std::vector<imap::Address> *> lists[] = {
        {"from", &envelope.from}, {"sender", &envelope.sender}, {"replyTo", &envelope.reply_to},
        {"to", &envelope.to},     {"cc", &envelope.cc},         {"bcc", &envelope.bcc},
    };
    for (const auto &[key, addresses] : lists) {
        zval list;
        make_address_list(&list, *addresses);
        add_assoc_zval(out, key, &list);
    }
    add_optional_string(out, "inReplyTo", envelope.in_reply_to);
    add_optional_string(out, "messageId", envelope.message_id);
}

// Rebuild a header parameter list from the name and value pairs of a
// BODYSTRUCTURE, so that the MIME parser can join RFC 2231 continuations
// and decode charsets and encoded words. A name that is not a plain token
// is left out, because it could not be written back as one parameter.
std::string parameter_text(const imap::Parameters &parameters)
{
    std::string text;
    for (const auto &[name, value] : parameters) {
        if (name.empty() || name.find_first_of(" \t\r\n\"();=\\") != std::string::npos)
            continue;
        text += "; " + name + "=\"";
        for (char c : value) {
            if (c == '"' || c == '\\')
                text += '\\';
            text += c;
        }
        text += '"';
    }
    return text;
}

std::string part_filename(const imap::BodyStructure &body)
{
    mimeparse::ContentType type;
    type.parameters = mimeparse::parse_parameters(parameter_text(body.parameters));
    mimeparse::ContentDisposition disposition;
    disposition.parameters = mimeparse::parse_parameters(parameter_text(body.disposition_parameters));
    return mimeparse::part_filename(type, disposition);
}

void make_mime_part(zval *out, const imap::BodyStructure &body)
{
    object_init_ex(out, mime_part_ce);
    set_string(out, "type", body.type);
    set_string(out, "subtype", body.subtype);
    set_parameters(out, "parameters", body.parameters);
    set_string_or_null(out, "id", body.id);
    set_string_or_null(out, "description", body.description);
    set_string_or_null(out, "encoding", body.is_multipart() ? std::string() : body.encoding);
    set_long(out, "size", body.size);
    bool has_lines = body.type == "text" || (body.type == "message" && body.subtype == "rfc822");
    set_optional_long(out, "lines", has_lines ? std::optional<uint64_t>(body.lines) : std::nullopt);
    set_string_or_null(out, "disposition", body.disposition);
    set_parameters(out, "dispositionParameters", body.disposition_parameters);
    set_string_list(out, "language", body.languages);
    set_string_or_null(out, "location", body.location);
    set_string_or_null(out, "filename", part_filename(body));
    zval parts;
    array_init_size(&parts, static_cast<uint32_t>(body.parts.size()));
    for (const imap::BodyStructure &part : body.parts) {
        zval child;
        make_mime_part(&child, part);
        add_next_index_zval(&parts, &child);
    }
    set_property(out, "parts", &parts);
    set_string(out, "partNumber", body.section);
}

// INTERNALDATE is "17-Jul-1996 02:44:25 -0700", with a space instead of
// the first digit for days below 10. Returns false when PHP cannot parse it.
bool make_date(zval *out, const std::string &text)
{
    size_t start = text.find_first_not_of(' ');
    if (start == std::string::npos)
        return false;
    php_date_instantiate(php_date_get_immutable_ce(), out);
    if (!php_date_initialize(Z_PHPDATE_P(out), text.data() + start, text.size() - start, "j-M-Y H:i:s O", nullptr,
                             0)) {
        zval_ptr_dtor(out);
        return false;
    }
    return true;
}

}  // namespace

void make_mailbox(zval *out, const imap::MailboxInfo &mailbox)
{
    object_init_ex(out, mailbox_ce);
    set_string(out, "name", mailbox.name);
    set_string_or_null(out, "delimiter", mailbox.delimiter);
    set_string_list(out, "attributes", mailbox.attributes);
}

void make_mailbox_status(zval *out, const imap::MailboxStatus &status)
{
    object_init_ex(out, mailbox_status_ce);
    set_string(out, "name", status.name);
    set_optional_long(out, "messages", status.messages);
    set_optional_long(out, "recent", status.recent);
    set_optional_long(out, "unseen", status.unseen);
    set_optional_long(out, "uidNext", status.uid_next);
    set_optional_long(out, "uidValidity", status.uid_validity);
}

void make_mailbox_info(zval *out, const imap::SelectedMailbox &mailbox)
{
    object_init_ex(out, mailbox_info_ce);
    set_string(out, "name", mailbox.name);
    set_long(out, "exists", mailbox.exists);
    set_long(out, "recent", mailbox.recent);
    set_long(out, "uidValidity", mailbox.uid_validity);
    set_long(out, "uidNext", mailbox.uid_next);
    set_optional_long(out, "firstUnseen", mailbox.first_unseen);
    set_string_list(out, "flags", mailbox.flags);
    set_string_list(out, "permanentFlags", mailbox.permanent_flags);
    set_bool(out, "readOnly", mailbox.read_only);
}

void make_imap_message(zval *out, const imap::FetchedMessage &message, bool with_structure,
                       const std::vector<std::pair<std::string, std::string>> &sections)
{
    object_init_ex(out, imap_message_ce);
    set_long(out, "uid", message.uid.value_or(0));
    set_long(out, "sequence", message.sequence);

    zval value;
    if (message.flags)
        make_string_list(&value, *message.flags);
    else
        ZVAL_NULL(&value);
    set_property(out, "flags", &value);

    if (!message.internal_date || !make_date(&value, *message.internal_date))
        ZVAL_NULL(&value);
    set_property(out, "internalDate", &value);

    set_optional_long(out, "size", message.size);

    if (message.envelope)
        make_envelope(&value, *message.envelope);
    else
        ZVAL_NULL(&value);
    set_property(out, "envelope", &value);

    if (with_structure && message.body_structure)
        make_mime_part(&value, *message.body_structure);
    else
        ZVAL_NULL(&value);
    set_property(out, "structure", &value);

    array_init_size(&value, static_cast<uint32_t>(sections.size()));
    for (const auto &[name, bytes] : sections)
        add_assoc_stringl_ex(&value, name.data(), name.size(), bytes.data(), bytes.size());
    set_property(out, "sections", &value);
}

bool make_imap_event(zval *out, const imap::Response &response)
{
    const std::string &name = response.name;
    if (response.kind != imap::ResponseKind::untagged || !response.has_number ||
        (name != "EXISTS" && name != "EXPUNGE" && name != "FETCH" && name != "RECENT"))
        return false;
    object_init_ex(out, imap_event_ce);
    set_string(out, "type", name);
    set_long(out, "number", response.number);

    std::optional<uint32_t> uid;
    zval flags;
    ZVAL_NULL(&flags);
    if (name == "FETCH") {
        std::map<uint32_t, imap::FetchedMessage> messages;
        imap::merge_fetch(response, messages);
        if (!messages.empty()) {
            const imap::FetchedMessage &message = messages.begin()->second;
            uid = message.uid;
            if (message.flags)
                make_string_list(&flags, *message.flags);
        }
    }
    set_optional_long(out, "uid", uid);
    set_property(out, "flags", &flags);
    return true;
}

}  // namespace mailbridge::php

// PHP objects for the IMAP core's typed results: Mailbox, MailboxStatus,
// MailboxInfo, ImapMessage with its envelope array and MimePart tree, and
// ImapEvent. Every property is set here, so none is left uninitialized.
#include "php/imap.h"

extern "C" {
#include "ext/date/php_date.h"
}

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>

#include "mimeparse/content_fields.h"

namespace mailbridge::php {

namespace {

// Moves value into the property. The result classes are final, and their
// properties are declared in the stubs with the types set here, so a
// declared property is written to its slot directly. That skips the scope,
// readonly and type checks of zend_update_property(), which cost more than
// building the value for the thousands of objects of a fetch().
void set_property(zval *object, const char *name, zval *value)
{
    zend_object *target = Z_OBJ_P(object);
    auto *info = static_cast<zend_property_info *>(
        zend_hash_str_find_ptr(&target->ce->properties_info, name, strlen(name)));
    if (info != nullptr && (info->flags & ZEND_ACC_STATIC) == 0) {
        zval *slot = OBJ_PROP(target, info->offset);
        zval_ptr_dtor(slot);
        ZVAL_COPY_VALUE(slot, value);
        return;
    }
    zend_update_property(target->ce, target, name, strlen(name), value);
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

// Keys of the envelope and address arrays, interned once at startup, so
// that building an array allocates no key strings.
enum EnvelopeKey {
    key_date, key_subject, key_from, key_sender, key_reply_to, key_to, key_cc, key_bcc,
    key_in_reply_to, key_message_id, key_name, key_mailbox, key_host, key_address, key_count,
};
constexpr const char *envelope_key_names[key_count] = {
    "date", "subject", "from", "sender", "replyTo", "to", "cc", "bcc",
    "inReplyTo", "messageId", "name", "mailbox", "host", "address",
};
zend_string *envelope_keys[key_count];

// The arrays are new and each key is added once, hence zend_hash_add_new().
void add_optional_string(zval *array, EnvelopeKey key, const std::string &text)
{
    zval value;
    if (text.empty())
        ZVAL_NULL(&value);
    else
        ZVAL_STRINGL(&value, text.data(), text.size());
    zend_hash_add_new(Z_ARRVAL_P(array), envelope_keys[key], &value);
}

void make_address_list(zval *out, const std::vector<imap::Address> &addresses)
{
    array_init_size(out, static_cast<uint32_t>(addresses.size()));
    for (const imap::Address &address : addresses) {
        zval entry;
        array_init_size(&entry, 4);
        add_optional_string(&entry, key_name, address.name);
        add_optional_string(&entry, key_mailbox, address.mailbox);
        add_optional_string(&entry, key_host, address.host);
        // Group start and end markers (RFC 3501 7.4.2) have no address.
        zval value;
        if (!address.mailbox.empty() && !address.host.empty()) {
            zend_string *text = zend_string_alloc(address.mailbox.size() + 1 + address.host.size(), 0);
            char *end = std::copy(address.mailbox.begin(), address.mailbox.end(), ZSTR_VAL(text));
            *end++ = '@';
            end = std::copy(address.host.begin(), address.host.end(), end);
            *end = '\0';
            ZVAL_STR(&value, text);
        } else {
            ZVAL_NULL(&value);
        }
        zend_hash_add_new(Z_ARRVAL(entry), envelope_keys[key_address], &value);
        add_next_index_zval(out, &entry);
    }
}

void make_envelope(zval *out, const imap::Envelope &envelope)
{
    array_init_size(out, 10);
    add_optional_string(out, key_date, envelope.date);
    add_optional_string(out, key_subject, envelope.subject);
    const std::pair<EnvelopeKey, const std::vector<imap::Address> *> lists[] = {
        {key_from, &envelope.from}, {key_sender, &envelope.sender}, {key_reply_to, &envelope.reply_to},
        {key_to, &envelope.to},     {key_cc, &envelope.cc},         {key_bcc, &envelope.bcc},
    };
    for (const auto &[key, addresses] : lists) {
        zval list;
        make_address_list(&list, *addresses);
        zend_hash_add_new(Z_ARRVAL_P(out), envelope_keys[key], &list);
    }
    add_optional_string(out, key_in_reply_to, envelope.in_reply_to);
    add_optional_string(out, key_message_id, envelope.message_id);
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

// The fields of an INTERNALDATE, local time and its offset from UTC.
struct InternalDate {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    int offset_seconds = 0;  // east of UTC
};

int digits_value(std::string_view text, size_t position, size_t count)
{
    int value = 0;
    for (size_t i = position; i < position + count; ++i) {
        if (i >= text.size() || text[i] < '0' || text[i] > '9')
            return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

bool is_leap_year(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month)
{
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

// Days from 1970-01-01 to the date in the proleptic Gregorian calendar.
int64_t days_from_civil(int64_t year, int month, int day)
{
    year -= month <= 2 ? 1 : 0;
    int64_t era = (year >= 0 ? year : year - 399) / 400;
    int64_t year_of_era = year - era * 400;
    int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

// Parses "17-Jul-1996 02:44:25 -0700" or "7-Jul-1996 ..." (RFC 3501
// date-time, leading spaces removed). Returns std::nullopt for any other form
// and for values out of range, which then go to PHP's parser.
std::optional<InternalDate> parse_internal_date(std::string_view text)
{
    static constexpr std::string_view months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    size_t day_digits = text.size() == 25 ? 1 : 2;
    if (text.size() != 25 + day_digits - 1)
        return std::nullopt;
    std::string_view rest = text.substr(day_digits);
    // rest is "-Jul-1996 02:44:25 -0700".
    if (rest[0] != '-' || rest[4] != '-' || rest[9] != ' ' || rest[12] != ':' || rest[15] != ':' ||
        rest[18] != ' ' || (rest[19] != '+' && rest[19] != '-'))
        return std::nullopt;
    InternalDate date;
    date.day = digits_value(text, 0, day_digits);
    std::string_view month_name = rest.substr(1, 3);
    for (size_t i = 0; i < 12; ++i) {
        if (month_name == months[i])
            date.month = static_cast<int>(i) + 1;
    }
    date.year = digits_value(rest, 5, 4);
    date.hour = digits_value(rest, 10, 2);
    date.minute = digits_value(rest, 13, 2);
    date.second = digits_value(rest, 16, 2);
    int offset_hours = digits_value(rest, 20, 2);
    int offset_minutes = digits_value(rest, 22, 2);
    if (date.month == 0 || date.year < 0 || date.day < 1 || date.day > days_in_month(date.year, date.month) ||
        date.hour < 0 || date.hour > 23 || date.minute < 0 || date.minute > 59 || date.second < 0 ||
        date.second > 59 || offset_hours < 0 || offset_hours > 23 || offset_minutes < 0 || offset_minutes > 59)
        return std::nullopt;
    date.offset_seconds = (offset_hours * 3600 + offset_minutes * 60) * (rest[19] == '-' ? -1 : 1);
    return date;
}

// True for a time as php_date_initialize() leaves it after parsing a date
// with a numeric offset and no fraction, which any such date can be cloned
// from. Its tz_abbr and tz_info come from the default time zone, as they
// do for every date parsed in the same call, and output ignores them for
// an offset.
bool is_offset_date(const timelib_time *time)
{
    return time != nullptr && time->zone_type == TIMELIB_ZONETYPE_OFFSET && time->us == 0 && time->dst == 0 &&
           !time->have_relative;
}

// Builds the DateTimeImmutable of an INTERNALDATE, "17-Jul-1996 02:44:25
// -0700" with a space instead of the first digit for days below 10.
// Returns false when PHP cannot parse it. The first date is parsed by PHP
// and kept in date_template. Later ones clone it and set the date, time,
// offset and timestamp fields as php_date_initialize() would, which takes
// a fraction of the instructions of parsing "j-M-Y H:i:s O" each time.
bool make_date(zval *out, const std::string &text, zval *date_template)
{
    size_t start = text.find_first_not_of(' ');
    if (start == std::string::npos)
        return false;
    std::string_view trimmed = std::string_view(text).substr(start);
    std::optional<InternalDate> date = parse_internal_date(trimmed);
    if (date && Z_TYPE_P(date_template) == IS_OBJECT) {
        zend_object *copy = Z_OBJ_HT_P(date_template)->clone_obj(Z_OBJ_P(date_template));
        ZVAL_OBJ(out, copy);
        timelib_time *time = php_date_obj_from_obj(copy)->time;
        time->y = date->year;
        time->m = date->month;
        time->d = date->day;
        time->h = date->hour;
        time->i = date->minute;
        time->s = date->second;
        time->z = date->offset_seconds;
        time->sse = days_from_civil(date->year, date->month, date->day) * 86400 + date->hour * 3600 +
                    date->minute * 60 + date->second - date->offset_seconds;
        time->sse_uptodate = 1;
        time->tim_uptodate = 1;
        return true;
    }

    php_date_instantiate(php_date_get_immutable_ce(), out);
    if (!php_date_initialize(Z_PHPDATE_P(out), trimmed.data(), trimmed.size(), "j-M-Y H:i:s O", nullptr, 0)) {
        zval_ptr_dtor(out);
        return false;
    }
    if (date && Z_TYPE_P(date_template) != IS_OBJECT && is_offset_date(Z_PHPDATE_P(out)->time))
        ZVAL_COPY(date_template, out);
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

void register_imap_result_keys()
{
    for (size_t i = 0; i < key_count; ++i)
        envelope_keys[i] = zend_string_init_interned(envelope_key_names[i], strlen(envelope_key_names[i]), 1);
}

void make_imap_message(zval *out, const imap::FetchedMessage &message, bool with_structure,
                       const std::vector<std::pair<std::string, std::string>> &sections, zval *date_template)
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

    if (!message.internal_date || !make_date(&value, *message.internal_date, date_template))
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

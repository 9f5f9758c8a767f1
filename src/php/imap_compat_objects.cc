// The stdClass objects of MailBridge\Compat\ImapHandler, built with the
// property names, types, presence rules and order of PHP 8.2's ext/imap:
// imap_fetchstructure(), imap_headerinfo() and imap_rfc822_parse_headers(),
// imap_fetch_overview(), imap_status(), imap_check() and
// imap_getmailboxes().
#include "php/imap_compat.h"

#include <cstdio>

#include "imapcompat/handler.h"
#include "mimeparse/address_list.h"
#include "mimeparse/ext_imap.h"

namespace mailbridge::php::compat {

namespace {

void add_string(zval *object, const char *name, std::string_view value)
{
    add_property_stringl(object, name, value.data(), value.size());
}

void add_optional(zval *object, const char *name, const std::optional<std::string> &value)
{
    if (value)
        add_string(object, name, *value);
}

std::optional<std::string> nil_if_empty(const std::string &value)
{
    if (value.empty())
        return std::nullopt;
    return value;
}

// ext/imap 8.2 orders an address object as personal, adl, mailbox, host.
void make_address(zval *out, const mimeparse::Address &address)
{
    object_init(out);
    add_optional(out, "personal", address.personal);
    add_optional(out, "adl", address.adl);
    add_optional(out, "mailbox", address.mailbox);
    add_optional(out, "host", address.host);
}

void add_address_list(zval *object, const char *text_name, const char *list_name,
                      const std::vector<mimeparse::Address> &addresses)
{
    if (addresses.empty())
        return;
    add_string(object, text_name, mimeparse::write_address_list(addresses));
    zval list;
    array_init(&list);
    for (const mimeparse::Address &address : addresses) {
        zval entry;
        make_address(&entry, address);
        add_next_index_zval(&list, &entry);
    }
    add_property_zval(object, list_name, &list);
    zval_ptr_dtor(&list);
}

void add_parameters(zval *object, const char *name, const imap::Parameters &parameters)
{
    zval list;
    array_init(&list);
    for (const auto &[attribute, value] : parameters) {
        zval entry;
        object_init(&entry);
        add_string(&entry, "attribute", attribute.empty() ? "UNKNOWN" : attribute);
        add_string(&entry, "value", value.empty() ? "UNKNOWN" : value);
        add_next_index_zval(&list, &entry);
    }
    add_property_zval(object, name, &list);
    zval_ptr_dtor(&list);
}

}  // namespace

std::vector<mimeparse::Address> to_addresses(const std::vector<imap::Address> &list)
{
    std::vector<mimeparse::Address> out;
    for (const imap::Address &address : list) {
        mimeparse::Address converted;
        converted.personal = nil_if_empty(address.name);
        converted.adl = nil_if_empty(address.adl);
        converted.mailbox = nil_if_empty(address.mailbox);
        converted.host = nil_if_empty(address.host);
        out.push_back(std::move(converted));
    }
    return out;
}

mimeparse::ext_imap::Envelope to_envelope(const imapcompat::MessageData &message)
{
    mimeparse::ext_imap::Envelope envelope;
    const imap::Envelope &source = message.envelope;
    envelope.date = nil_if_empty(source.date);
    // The core reads NIL and "" alike, so an empty subject counts as present
    // when the message has a Subject field.
    envelope.subject = message.has_subject_field ? std::optional<std::string>(source.subject) : nil_if_empty(source.subject);
    envelope.in_reply_to = nil_if_empty(source.in_reply_to);
    envelope.message_id = nil_if_empty(source.message_id);
    envelope.newsgroups = message.newsgroups;
    envelope.followup_to = message.followup_to;
    envelope.references = message.references;
    envelope.to = to_addresses(source.to);
    envelope.from = to_addresses(source.from);
    envelope.cc = to_addresses(source.cc);
    envelope.bcc = to_addresses(source.bcc);
    envelope.reply_to = to_addresses(source.reply_to);
    envelope.sender = to_addresses(source.sender);
    return envelope;
}

void add_envelope_properties(zval *object, const mimeparse::ext_imap::Envelope &envelope)
{
    if (envelope.date) {
        add_string(object, "date", *envelope.date);
        add_string(object, "Date", *envelope.date);
    }
    if (envelope.subject) {
        add_string(object, "subject", *envelope.subject);
        add_string(object, "Subject", *envelope.subject);
    }
    add_optional(object, "in_reply_to", envelope.in_reply_to);
    add_optional(object, "message_id", envelope.message_id);
    add_optional(object, "newsgroups", envelope.newsgroups);
    add_optional(object, "followup_to", envelope.followup_to);
    add_optional(object, "references", envelope.references);
    add_address_list(object, "toaddress", "to", envelope.to);
    add_address_list(object, "fromaddress", "from", envelope.from);
    add_address_list(object, "ccaddress", "cc", envelope.cc);
    add_address_list(object, "bccaddress", "bcc", envelope.bcc);
    add_address_list(object, "reply_toaddress", "reply_to", envelope.reply_to);
    add_address_list(object, "senderaddress", "sender", envelope.sender);
}

void make_header_info(zval *out, const imapcompat::MessageData &message, long from_length, long subject_length)
{
    object_init(out);
    mimeparse::ext_imap::Envelope envelope = to_envelope(message);
    add_envelope_properties(out, envelope);

    bool recent = message.has_flag("\\Recent");
    bool seen = message.has_flag("\\Seen");
    const char *recent_mark = " ";
    if (recent)
        recent_mark = seen ? "R" : "N";
    add_string(out, "Recent", recent_mark);
    add_string(out, "Unseen", (!recent && !seen) ? "U" : " ");
    add_string(out, "Flagged", message.has_flag("\\Flagged") ? "F" : " ");
    add_string(out, "Answered", message.has_flag("\\Answered") ? "A" : " ");
    add_string(out, "Deleted", message.has_flag("\\Deleted") ? "D" : " ");
    add_string(out, "Draft", message.has_flag("\\Draft") ? "X" : " ");
    char number[32];
    std::snprintf(number, sizeof number, "%4u", message.msgno);
    add_string(out, "Msgno", number);
    add_string(out, "MailDate", imapcompat::format_mail_date(message.internal_date));
    std::snprintf(number, sizeof number, "%llu", static_cast<unsigned long long>(message.size));
    add_string(out, "Size", number);
    add_property_long(out, "udate", static_cast<zend_long>(imapcompat::parse_internal_date(message.internal_date)));

    if (from_length > 0) {
        std::string from;
        if (!envelope.from.empty()) {
            const mimeparse::Address &first = envelope.from.front();
            if (first.personal)
                from = *first.personal;  // ext/imap leaves encoded words as they are
            else
                from = first.mailbox.value_or("") + "@" + first.host.value_or("");
        }
        from.resize(static_cast<size_t>(from_length), ' ');
        add_string(out, "fetchfrom", from);
    }
    if (subject_length > 0) {
        std::string subject = envelope.subject.value_or("");
        if (subject.size() > static_cast<size_t>(subject_length))
            subject.resize(static_cast<size_t>(subject_length));
        add_string(out, "fetchsubject", subject);
    }
}

void make_rfc822_headers(zval *out, const mimeparse::ext_imap::Envelope &envelope)
{
    object_init(out);
    add_envelope_properties(out, envelope);
}

void make_overview(zval *out, const imapcompat::MessageData &message)
{
    object_init(out);
    mimeparse::ext_imap::Envelope envelope = to_envelope(message);
    add_optional(out, "subject", envelope.subject);
    if (!envelope.from.empty())
        add_string(out, "from", mimeparse::write_address_list({envelope.from.front()}));
    if (!envelope.to.empty())
        add_string(out, "to", mimeparse::write_address_list({envelope.to.front()}));
    add_optional(out, "date", envelope.date);
    add_optional(out, "message_id", envelope.message_id);
    add_optional(out, "references", envelope.references);
    add_optional(out, "in_reply_to", envelope.in_reply_to);
    add_property_long(out, "size", static_cast<zend_long>(message.size));
    add_property_long(out, "uid", message.uid);
    add_property_long(out, "msgno", message.msgno);
    add_property_long(out, "recent", message.has_flag("\\Recent"));
    add_property_long(out, "flagged", message.has_flag("\\Flagged"));
    add_property_long(out, "answered", message.has_flag("\\Answered"));
    add_property_long(out, "deleted", message.has_flag("\\Deleted"));
    add_property_long(out, "seen", message.has_flag("\\Seen"));
    add_property_long(out, "draft", message.has_flag("\\Draft"));
    add_property_long(out, "udate", static_cast<zend_long>(imapcompat::parse_internal_date(message.internal_date)));
}

void make_structure(zval *out, const imap::BodyStructure &body, bool with_parts)
{
    object_init(out);
    std::string type_name;
    int type = imapcompat::body_type_code(body.type, type_name);
    add_property_long(out, "type", type);
    add_property_long(out, "encoding", body.is_multipart() ? 0 : imapcompat::body_encoding_code(body.encoding));

    std::string subtype = body.subtype;
    for (char &c : subtype)
        c = static_cast<char>(toupper(static_cast<unsigned char>(c)));
    // The core reads NIL and "" alike. Dovecot sends "" for a part without
    // subtype, which ext/imap shows as an empty subtype.
    add_property_long(out, "ifsubtype", 1);
    add_string(out, "subtype", subtype);
    add_property_long(out, "ifdescription", !body.description.empty());
    if (!body.description.empty())
        add_string(out, "description", body.description);
    add_property_long(out, "ifid", !body.id.empty());
    if (!body.id.empty())
        add_string(out, "id", body.id);
    if (body.lines != 0)
        add_property_long(out, "lines", static_cast<zend_long>(body.lines));
    if (body.size != 0)
        add_property_long(out, "bytes", static_cast<zend_long>(body.size));
    add_property_long(out, "ifdisposition", !body.disposition.empty());
    if (!body.disposition.empty())
        add_string(out, "disposition", body.disposition);
    add_property_long(out, "ifdparameters", !body.disposition_parameters.empty());
    if (!body.disposition_parameters.empty())
        add_parameters(out, "dparameters", body.disposition_parameters);
    add_property_long(out, "ifparameters", !body.parameters.empty());
    if (body.parameters.empty()) {
        zval empty;
        object_init(&empty);
        add_property_zval(out, "parameters", &empty);
        zval_ptr_dtor(&empty);
    } else {
        add_parameters(out, "parameters", body.parameters);
    }
    if (!with_parts || body.parts.empty())
        return;
    zval parts;
    array_init(&parts);
    for (const imap::BodyStructure &part : body.parts) {
        zval entry;
        make_structure(&entry, part, true);
        add_next_index_zval(&parts, &entry);
    }
    add_property_zval(out, "parts", &parts);
    zval_ptr_dtor(&parts);
}

void make_status(zval *out, const imap::MailboxStatus &status, long options)
{
    object_init(out);
    add_property_long(out, "flags", options);
    if (options & 1)
        add_property_long(out, "messages", status.messages.value_or(0));
    if (options & 2)
        add_property_long(out, "recent", status.recent.value_or(0));
    if (options & 4)
        add_property_long(out, "unseen", status.unseen.value_or(0));
    if (options & 8)
        add_property_long(out, "uidnext", status.uid_next.value_or(0));
    if (options & 16)
        add_property_long(out, "uidvalidity", status.uid_validity.value_or(0));
}

void make_mailbox_entry(zval *out, const imap::MailboxInfo &info, const std::string &prefix)
{
    static const std::pair<const char *, long> attribute_bits[] = {
        {"\\NOINFERIORS", 1}, {"\\NOSELECT", 2}, {"\\MARKED", 4}, {"\\UNMARKED", 8},
        {"\\REFERRAL", 16}, {"\\HASCHILDREN", 32}, {"\\HASNOCHILDREN", 64},
    };
    long attributes = 0;
    for (const auto &[name, bit] : attribute_bits) {
        if (info.has_attribute(name))
            attributes |= bit;
    }
    object_init(out);
    add_string(out, "name", prefix + info.raw_name);
    add_property_long(out, "attributes", attributes);
    add_string(out, "delimiter", info.delimiter);
}

}  // namespace mailbridge::php::compat

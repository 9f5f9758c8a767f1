#include "imap/results.h"

#include <algorithm>
#include <limits>

#include "imap/utf7.h"

namespace mailbridge::imap {

namespace {

std::string to_upper(std::string_view text)
{
    std::string result(text);
    for (char &c : result) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    }
    return result;
}

std::string to_lower(std::string_view text)
{
    std::string result(text);
    for (char &c : result) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return result;
}

bool equals_ignore_case(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && to_upper(a) == to_upper(b);
}

// The text of an nstring or astring. NIL becomes "". Atoms and numbers are
// accepted too, because some servers send them where a string belongs.
std::string text_of(const Value &value)
{
    switch (value.kind) {
    case Value::Kind::string:
    case Value::Kind::literal:
    case Value::Kind::atom:
    case Value::Kind::number:
        return value.text;
    default:
        return {};
    }
}

bool is_text(const Value &value)
{
    return value.is_string() || value.kind == Value::Kind::atom || value.kind == Value::Kind::number;
}

std::optional<uint32_t> number32(const Value &value)
{
    if (!value.is_number() || value.number > std::numeric_limits<uint32_t>::max())
        return std::nullopt;
    return static_cast<uint32_t>(value.number);
}

std::vector<std::string> atoms_of(const Value &list)
{
    std::vector<std::string> atoms;
    for (const Value &item : list.items) {
        if (is_text(item))
            atoms.push_back(item.text);
    }
    return atoms;
}

std::vector<Address> read_addresses(const Value &value)
{
    std::vector<Address> addresses;
    if (!value.is_list())
        return addresses;
    for (const Value &item : value.items) {
        if (!item.is_list() || item.items.size() < 4)
            continue;
        Address address;
        address.name = text_of(item.items[0]);
        address.adl = text_of(item.items[1]);
        address.mailbox = text_of(item.items[2]);
        address.host = text_of(item.items[3]);
        addresses.push_back(std::move(address));
    }
    return addresses;
}

Parameters read_parameters(const Value &value)
{
    Parameters parameters;
    if (!value.is_list())
        return parameters;
    for (size_t i = 0; i < value.items.size(); i += 2) {
        std::string name = text_of(value.items[i]);
        std::string content = i + 1 < value.items.size() ? text_of(value.items[i + 1]) : std::string();
        parameters.emplace_back(std::move(name), std::move(content));
    }
    return parameters;
}

// Read body-fld-dsp: ("attachment" ("filename" "a.pdf")) or NIL. Exchange
// sends a bare string such as "inline" instead, which is read as a
// disposition without parameters, but only when it is a single word: other
// strings in that place are stray tokens and are skipped.
void read_disposition(const Value &value, BodyStructure &body)
{
    if (value.is_list() && !value.items.empty()) {
        body.disposition = text_of(value.items[0]);
        if (value.items.size() > 1)
            body.disposition_parameters = read_parameters(value.items[1]);
        return;
    }
    if (value.is_string() && !value.text.empty() && value.text.find(' ') == std::string::npos)
        body.disposition = value.text;
}

void read_languages(const Value &value, BodyStructure &body)
{
    if (value.is_list())
        body.languages = atoms_of(value);
    else if (is_text(value))
        body.languages.push_back(value.text);
}

// Read the extension fields from items[index] on: body-fld-dsp,
// body-fld-lang and body-fld-loc (the MD5 or parameters before them are
// read by the caller).
void read_common_extensions(const std::vector<Value> &items, size_t index, BodyStructure &body)
{
    if (index < items.size())
        read_disposition(items[index], body);
    if (index + 1 < items.size())
        read_languages(items[index + 1], body);
    if (index + 2 < items.size())
        body.location = text_of(items[index + 2]);
}

std::string child_section(const std::string &parent, size_t index)
{
    std::string number = std::to_string(index + 1);
    return parent.empty() ? number : parent + "." + number;
}

std::optional<BodyStructure> read_body(const Value &value, const std::string &section);

std::optional<BodyStructure> read_multipart(const Value &value, const std::string &section)
{
    BodyStructure body;
    body.type = "multipart";
    body.section = section;
    size_t index = 0;
    const std::vector<Value> &items = value.items;
    while (index < items.size() && items[index].is_list()) {
        std::optional<BodyStructure> part = read_body(items[index], child_section(section, body.parts.size()));
        if (!part)
            return std::nullopt;
        body.parts.push_back(std::move(*part));
        ++index;
    }
    if (body.parts.empty())
        return std::nullopt;
    if (index < items.size())
        body.subtype = to_lower(text_of(items[index++]));
    if (index < items.size())
        body.parameters = read_parameters(items[index++]);
    read_common_extensions(items, index, body);
    return body;
}

std::optional<BodyStructure> read_single_part(const Value &value, const std::string &section)
{
    const std::vector<Value> &items = value.items;
    // media type, subtype and the five body-fields are required.
    if (items.size() < 7)
        return std::nullopt;
    BodyStructure body;
    body.section = section;
    body.type = to_lower(text_of(items[0]));
    body.subtype = to_lower(text_of(items[1]));
    body.parameters = read_parameters(items[2]);
    body.id = text_of(items[3]);
    body.description = text_of(items[4]);
    body.encoding = text_of(items[5]);
    body.size = items[6].is_number() ? items[6].number : 0;

    size_t index = 7;
    // message/rfc822 has envelope, body and lines here. Exchange 2010 leaves
    // all three out, so they are read only when they have the right shape.
    bool rfc822 = body.type == "message" && (body.subtype == "rfc822" || body.subtype == "global");
    if (rfc822 && index + 1 < items.size() && items[index].is_list() && items[index].items.size() >= 10 &&
        items[index + 1].is_list()) {
        body.envelope = read_envelope(items[index]);
        // A single-part encapsulated message has its text as section N.1;
        // a multipart one numbers its parts N.1, N.2, ... itself.
        const Value &inner = items[index + 1];
        bool inner_multipart = !inner.items.empty() && inner.items[0].is_list();
        std::optional<BodyStructure> nested = read_body(inner, inner_multipart ? section : section + ".1");
        if (nested)
            body.parts.push_back(std::move(*nested));
        index += 2;
        if (index < items.size() && items[index].is_number())
            body.lines = items[index++].number;
    } else if (body.type == "text" && index < items.size() && items[index].is_number()) {
        body.lines = items[index++].number;
    }

    if (index < items.size())
        body.md5 = text_of(items[index++]);
    read_common_extensions(items, index, body);
    return body;
}

std::optional<BodyStructure> read_body(const Value &value, const std::string &section)
{
    if (!value.is_list())
        return std::nullopt;
    if (value.items.empty()) {
        // "()" is an empty body: no type at all.
        BodyStructure body;
        body.section = section;
        return body;
    }
    if (value.items[0].is_list())
        return read_multipart(value, section);
    return read_single_part(value, section);
}

void read_fetch_item(const std::string &name, const Value &value, FetchedMessage &message)
{
    FetchItemName item = split_fetch_item_name(name);
    const std::string &key = item.name;
    if (key == "UID") {
        if (auto uid = number32(value))
            message.uid = *uid;
        else
            message.problems.push_back("UID: not a number");
    } else if (key == "FLAGS") {
        if (value.is_list())
            message.flags = atoms_of(value);
        else
            message.problems.push_back("FLAGS: not a list");
    } else if (key == "INTERNALDATE") {
        if (is_text(value))
            message.internal_date = value.text;
        else
            message.problems.push_back("INTERNALDATE: not a string");
    } else if (key == "RFC822.SIZE") {
        if (value.is_number())
            message.size = value.number;
        else
            message.problems.push_back("RFC822.SIZE: not a number");
    } else if (key == "MODSEQ") {
        if (value.is_list() && !value.items.empty() && value.items[0].is_number())
            message.modseq = value.items[0].number;
        else
            message.problems.push_back("MODSEQ: not a list with a number");
    } else if (key == "ENVELOPE") {
        message.envelope = read_envelope(value);
        if (!message.envelope)
            message.problems.push_back("ENVELOPE: not a list of 10 fields");
    } else if ((key == "BODYSTRUCTURE" || key == "BODY") && !item.has_section) {
        message.body_structure = read_body_structure(value);
        if (!message.body_structure)
            message.problems.push_back(key + ": unreadable structure");
    } else if (key == "BODY" || key == "BINARY" || key == "RFC822" || key == "RFC822.HEADER" ||
               key == "RFC822.TEXT") {
        BodySection section;
        if (key == "RFC822.HEADER")
            section.section = "HEADER";
        else if (key == "RFC822.TEXT")
            section.section = "TEXT";
        else
            section.section = item.section;
        if (!item.partial.empty()) {
            uint64_t origin = 0;
            bool valid = std::all_of(item.partial.begin(), item.partial.end(), [](char c) { return c >= '0' && c <= '9'; });
            for (char c : item.partial)
                origin = origin * 10 + static_cast<uint64_t>(c - '0');
            if (valid)
                section.origin = origin;
        }
        if (value.is_nil()) {
            section.nil = true;
        } else if (value.is_string()) {
            section.in_sink = value.in_sink;
            section.size = value.kind == Value::Kind::literal ? value.literal_size : value.text.size();
            section.data = value.text;
        } else {
            message.problems.push_back(name + ": not a string");
            return;
        }
        message.sections.push_back(std::move(section));
    }
    // Other items (X-GM-LABELS, PREVIEW, ...) are not requested and are ignored.
}

}  // namespace

// ---------------------------------------------------------------------------
// Capabilities

bool Capabilities::has(std::string_view name) const
{
    std::string upper_name = to_upper(name);
    return std::find(names.begin(), names.end(), upper_name) != names.end();
}

bool Capabilities::has_auth(std::string_view mechanism) const
{
    return has("AUTH=" + std::string(mechanism));
}

LiteralSupport Capabilities::literal_support() const
{
    if (has("LITERAL+"))
        return LiteralSupport::literal_plus;
    if (has("LITERAL-"))
        return LiteralSupport::literal_minus;
    return LiteralSupport::none;
}

Capabilities Capabilities::from_values(const std::vector<Value> &values)
{
    Capabilities capabilities;
    for (const Value &value : values) {
        if (value.kind == Value::Kind::atom || value.kind == Value::Kind::number)
            capabilities.names.push_back(to_upper(value.text));
    }
    return capabilities;
}

bool MailboxInfo::has_attribute(std::string_view attribute) const
{
    return std::any_of(attributes.begin(), attributes.end(),
                       [&](const std::string &item) { return equals_ignore_case(item, attribute); });
}

bool FetchedMessage::has_flag(std::string_view flag) const
{
    return flags && std::any_of(flags->begin(), flags->end(),
                                [&](const std::string &item) { return equals_ignore_case(item, flag); });
}

const BodySection *FetchedMessage::find_section(std::string_view section) const
{
    for (const BodySection &item : sections) {
        if (!item.origin && equals_ignore_case(item.section, section))
            return &item;
    }
    return nullptr;
}

// ---------------------------------------------------------------------------
// Readers

std::string decode_mailbox_name(const std::string &raw, bool utf8, bool &decoded)
{
    decoded = true;
    if (utf8)
        return raw;
    std::optional<std::string> name = decode_modified_utf7(raw);
    if (name)
        return *name;
    decoded = false;
    return raw;
}

std::optional<MailboxInfo> read_list(const Response &response, bool utf8)
{
    const std::vector<Value> &data = response.data;
    if (data.size() < 3 || !data[0].is_list() || !is_text(data[2]))
        return std::nullopt;
    MailboxInfo info;
    info.attributes = atoms_of(data[0]);
    if (data[1].is_string())
        info.delimiter = data[1].text;
    info.raw_name = data[2].text;
    info.name = decode_mailbox_name(info.raw_name, utf8, info.name_decoded);
    return info;
}

std::optional<MailboxStatus> read_status(const Response &response, bool utf8)
{
    const std::vector<Value> &data = response.data;
    if (data.size() < 2 || !is_text(data[0]) || !data[1].is_list())
        return std::nullopt;
    MailboxStatus status;
    bool decoded = true;
    status.name = decode_mailbox_name(data[0].text, utf8, decoded);
    const std::vector<Value> &items = data[1].items;
    for (size_t i = 0; i + 1 < items.size(); i += 2) {
        std::string key = to_upper(text_of(items[i]));
        const Value &value = items[i + 1];
        if (key == "HIGHESTMODSEQ" && value.is_number()) {
            status.highest_modseq = value.number;
            continue;
        }
        std::optional<uint32_t> number = number32(value);
        if (!number)
            continue;
        if (key == "MESSAGES")
            status.messages = number;
        else if (key == "RECENT")
            status.recent = number;
        else if (key == "UNSEEN")
            status.unseen = number;
        else if (key == "UIDNEXT")
            status.uid_next = number;
        else if (key == "UIDVALIDITY")
            status.uid_validity = number;
    }
    return status;
}

void read_search(const Response &response, std::vector<uint32_t> &numbers)
{
    for (const Value &value : response.data) {
        if (std::optional<uint32_t> number = number32(value))
            numbers.push_back(*number);
    }
}

bool apply_to_mailbox(const Response &response, SelectedMailbox &mailbox)
{
    if (response.kind != ResponseKind::untagged)
        return false;
    if (response.has_number) {
        uint32_t number = response.number > std::numeric_limits<uint32_t>::max()
                              ? std::numeric_limits<uint32_t>::max()
                              : static_cast<uint32_t>(response.number);
        if (response.name == "EXISTS") {
            mailbox.exists = number;
            return true;
        }
        if (response.name == "RECENT") {
            mailbox.recent = number;
            return true;
        }
        if (response.name == "EXPUNGE") {
            if (mailbox.exists > 0)
                --mailbox.exists;
            ++mailbox.expunge_count;
            return true;
        }
        return false;
    }
    if (response.name == "FLAGS" && !response.data.empty() && response.data[0].is_list()) {
        mailbox.flags = atoms_of(response.data[0]);
        return true;
    }
    if (response.name != "OK" || !response.code)
        return false;
    const ResponseCode &code = *response.code;
    const Value *argument = code.arguments.empty() ? nullptr : &code.arguments[0];
    if (code.name == "UIDVALIDITY" && argument) {
        mailbox.uid_validity = number32(*argument).value_or(0);
    } else if (code.name == "UIDNEXT" && argument) {
        mailbox.uid_next = number32(*argument).value_or(0);
    } else if (code.name == "UNSEEN" && argument) {
        mailbox.first_unseen = number32(*argument);
    } else if (code.name == "HIGHESTMODSEQ" && argument && argument->is_number()) {
        mailbox.highest_modseq = argument->number;
    } else if (code.name == "PERMANENTFLAGS" && argument && argument->is_list()) {
        mailbox.permanent_flags = atoms_of(*argument);
    } else {
        return false;
    }
    return true;
}

void merge_fetch(const Response &response, std::map<uint32_t, FetchedMessage> &messages)
{
    if (response.kind != ResponseKind::untagged || response.name != "FETCH" || !response.has_number ||
        response.number > std::numeric_limits<uint32_t>::max())
        return;
    uint32_t sequence = static_cast<uint32_t>(response.number);
    FetchedMessage &message = messages[sequence];
    message.sequence = sequence;
    if (response.data.empty() || !response.data[0].is_list()) {
        message.problems.push_back("FETCH: no item list");
        return;
    }
    const std::vector<Value> &items = response.data[0].items;
    for (size_t i = 0; i < items.size(); i += 2) {
        if (items[i].kind != Value::Kind::atom) {
            message.problems.push_back("FETCH: an item name is not an atom");
            return;
        }
        if (i + 1 >= items.size()) {
            message.problems.push_back(items[i].text + ": no value");
            return;
        }
        read_fetch_item(items[i].text, items[i + 1], message);
    }
}

std::optional<Envelope> read_envelope(const Value &value)
{
    if (!value.is_list() || value.items.size() < 10)
        return std::nullopt;
    const std::vector<Value> &items = value.items;
    Envelope envelope;
    envelope.date = text_of(items[0]);
    envelope.subject = text_of(items[1]);
    envelope.from = read_addresses(items[2]);
    envelope.sender = read_addresses(items[3]);
    envelope.reply_to = read_addresses(items[4]);
    envelope.to = read_addresses(items[5]);
    envelope.cc = read_addresses(items[6]);
    envelope.bcc = read_addresses(items[7]);
    envelope.in_reply_to = text_of(items[8]);
    envelope.message_id = text_of(items[9]);
    return envelope;
}

std::optional<BodyStructure> read_body_structure(const Value &value)
{
    // RFC 3501 6.4.5: a message that is not multipart has its text as part 1.
    bool multipart = value.is_list() && !value.items.empty() && value.items[0].is_list();
    return read_body(value, multipart ? "" : "1");
}

}  // namespace mailbridge::imap

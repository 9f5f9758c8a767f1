#include "mime/message.h"

#include <openssl/err.h>
#include <openssl/rand.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <stdexcept>
#include <unordered_set>

#include "mime/content.h"
#include "mime/encoding.h"
#include "mime/entity.h"
#include "mime/field_values.h"

namespace mailbridge::mime {
namespace {

constexpr std::size_t kRandomBytes = 16;  // 128 bits for Message-ID and boundaries
constexpr char kHexDigits[] = "0123456789ABCDEF";

std::string to_lower_ascii(std::string_view text)
{
    std::string out(text);
    for (char &c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::string random_hex(std::size_t bytes)
{
    std::vector<unsigned char> buffer(bytes);
    if (RAND_bytes(buffer.data(), static_cast<int>(buffer.size())) != 1) {
        char reason[256];
        ERR_error_string_n(ERR_get_error(), reason, sizeof reason);
        throw std::runtime_error(std::string("OpenSSL RAND_bytes failed: ") + reason);
    }
    std::string out;
    for (unsigned char byte : buffer) {
        out += kHexDigits[byte >> 4];
        out += kHexDigits[byte & 0x0f];
    }
    return out;
}

// RFC 5322 section 3.3 date-time in UTC, e.g. "Fri, 04 Dec 2026 20:30:14
// +0000". The names are written out because strftime follows LC_TIME,
// which PHP scripts may change.
std::string format_date(std::time_t time)
{
    static const char *const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char *const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::tm utc{};
    gmtime_r(&time, &utc);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[utc.tm_wday], utc.tm_mday,
                  kMonths[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
    return buffer;
}

std::string base_name(std::string_view path)
{
    std::size_t slash = path.rfind('/');
    return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// The size of the file at path. Throws InvalidInput unless path names a
// regular file that can be opened for reading. Devices and FIFOs are
// rejected because reading them could block or never end.
std::uint64_t readable_file_size(const std::string &path)
{
    if (path.empty() || path.find('\0') != std::string::npos)
        throw InvalidInput("invalid attachment path " + quote_for_error(path) + ": it is empty or contains NUL");
    struct stat status {};
    if (stat(path.c_str(), &status) != 0)
        throw InvalidInput("attachment file " + quote_for_error(path) + " is not readable: " + std::strerror(errno));
    if (!S_ISREG(status.st_mode))
        throw InvalidInput("attachment file " + quote_for_error(path) + " is not a regular file");
    std::FILE *file = std::fopen(path.c_str(), "rb");
    if (file == nullptr)
        throw InvalidInput("attachment file " + quote_for_error(path) + " is not readable: " + std::strerror(errno));
    std::fclose(file);
    return static_cast<std::uint64_t>(status.st_size);
}

std::string address_list_header(std::string_view name, const std::vector<Address> &addresses,
                                const Charset &charset)
{
    std::vector<std::string> items;
    for (const Address &address : addresses)
        items.push_back(address.to_header(charset));
    return fold_list_header(name, items);
}

bool is_managed_header(std::string_view name)
{
    static const char *const kManaged[] = {"from", "to", "cc", "bcc", "reply-to", "subject", "date", "message-id",
                                           "mime-version"};
    std::string lower = to_lower_ascii(name);
    if (lower.rfind("content-", 0) == 0)
        return true;
    return std::any_of(std::begin(kManaged), std::end(kManaged), [&](const char *managed) { return lower == managed; });
}

std::string custom_header(const std::string &name, const std::string &value)
{
    bool ascii = std::all_of(value.begin(), value.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    return ascii ? fold_header(name, value) : fold_unstructured(name, value);
}

std::string envelope_key(const Address &address)
{
    return address.local_part + "@" + to_lower_ascii(address.domain);
}

bool has_prefix_ignoring_case(std::string_view text, std::string_view prefix)
{
    return text.size() >= prefix.size() && to_lower_ascii(text.substr(0, prefix.size())) == prefix;
}

// RFC 2046 sections 5.1 and 5.2: multipart and these message types must
// not be base64-encoded, which every file part is.
void check_base64_allowed(std::string_view content_type)
{
    std::string type = to_lower_ascii(content_type.substr(0, content_type.find(';')));
    bool composite = type.rfind("multipart/", 0) == 0 || type == "message/rfc822" || type == "message/partial" ||
                     type == "message/external-body";
    if (composite)
        throw InvalidInput("content type " + quote_for_error(content_type) +
                           " cannot be sent base64-encoded as attachments are; use message/global "
                           "or application/octet-stream");
}

Attachment make_attachment(std::string content, std::string filename, std::string content_type)
{
    check_single_line("attachment file name", filename);
    check_utf8("attachment file name", filename);
    if (content_type.empty())
        content_type = guess_content_type(filename);

    Attachment attachment;
    attachment.content = std::make_shared<const std::string>(std::move(content));
    attachment.filename = std::move(filename);
    attachment.content_type = join_content_type(parse_content_type(content_type));
    check_base64_allowed(attachment.content_type);
    return attachment;
}

std::string to_upper_ascii(std::string_view text)
{
    std::string out(text);
    for (char &c : out) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

}  // namespace

std::string guess_content_type(std::string_view filename)
{
    static const std::pair<const char *, const char *> kTypes[] = {
        {"pdf", "application/pdf"},
        {"png", "image/png"},
        {"jpg", "image/jpeg"},
        {"jpeg", "image/jpeg"},
        {"gif", "image/gif"},
        {"txt", "text/plain"},
        {"html", "text/html"},
        {"htm", "text/html"},
        {"csv", "text/csv"},
        {"zip", "application/zip"},
        {"ics", "text/calendar"},
        {"doc", "application/msword"},
        {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        {"xls", "application/vnd.ms-excel"},
        {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        {"json", "application/json"},
        {"xml", "application/xml"},
        {"webp", "image/webp"},
        {"svg", "image/svg+xml"},
        {"bmp", "image/bmp"},
        {"tif", "image/tiff"},
        {"tiff", "image/tiff"},
        {"heic", "image/heic"},
        {"ico", "image/vnd.microsoft.icon"},
        {"md", "text/markdown"},
        {"vcf", "text/vcard"},
        {"rtf", "application/rtf"},
        {"odt", "application/vnd.oasis.opendocument.text"},
        {"ods", "application/vnd.oasis.opendocument.spreadsheet"},
        {"odp", "application/vnd.oasis.opendocument.presentation"},
        {"ppt", "application/vnd.ms-powerpoint"},
        {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
        {"gz", "application/gzip"},
        {"tar", "application/x-tar"},
        {"7z", "application/x-7z-compressed"},
        {"mp3", "audio/mpeg"},
        {"wav", "audio/wav"},
        {"mp4", "video/mp4"},
        {"mov", "video/quicktime"},
    };
    std::size_t dot = filename.rfind('.');
    if (dot == std::string_view::npos)
        return "application/octet-stream";
    std::string extension = to_lower_ascii(filename.substr(dot + 1));
    for (const auto &[known, type] : kTypes) {
        if (extension == known)
            return type;
    }
    return "application/octet-stream";
}

void Message::set_subject(std::string subject)
{
    check_header("Subject", subject);
    check_utf8("subject", subject);
    subject_ = std::move(subject);
}

void Message::attach(std::string content, std::string filename, std::string content_type)
{
    attachments_.push_back(make_attachment(std::move(content), std::move(filename), std::move(content_type)));
}

void Message::attach_path(std::string path, std::string filename, std::string content_type)
{
    readable_file_size(path);
    if (filename.empty())
        filename = base_name(path);
    attach(std::string(), std::move(filename), std::move(content_type));
    attachments_.back().path = std::move(path);
}

void Message::embed(std::string content, std::string content_id, std::string filename, std::string content_type)
{
    check_content_id(content_id);
    for (const Attachment &part : inline_parts_) {
        if (part.content_id == content_id)
            throw InvalidInput("content ID " + quote_for_error(content_id) +
                               " is already used by another inline part; each needs its own");
    }
    Attachment part = make_attachment(std::move(content), std::move(filename), std::move(content_type));
    part.content_id = std::move(content_id);
    inline_parts_.push_back(std::move(part));
}

void Message::embed_path(std::string path, std::string content_id, std::string filename, std::string content_type)
{
    readable_file_size(path);
    if (filename.empty())
        filename = base_name(path);
    embed(std::string(), std::move(content_id), std::move(filename), std::move(content_type));
    inline_parts_.back().path = std::move(path);
}

void Message::set_calendar(std::string ics, std::string method)
{
    if (ics.empty()) {
        calendar_.clear();
        calendar_method_.clear();
        return;
    }
    check_utf8("calendar", ics);
    if (!is_icalendar_token(method))
        throw InvalidInput("invalid calendar method " + quote_for_error(method) +
                           ": expected an iTIP method such as REQUEST, CANCEL, REPLY or PUBLISH");
    method = to_upper_ascii(method);
    std::string declared = icalendar_method(ics);
    if (!declared.empty() && to_upper_ascii(declared) != method)
        throw InvalidInput("the calendar's METHOD property " + quote_for_error(declared) +
                           " differs from the method " + quote_for_error(method) +
                           "; RFC 6047 requires them to be equal");
    calendar_ = std::move(ics);
    calendar_method_ = std::move(method);
}

void Message::set_auto_submitted()
{
    if (has_header("Auto-Submitted"))
        throw InvalidInput("the message already has an Auto-Submitted header added as a custom header");
    auto_submitted_ = true;
}

void Message::set_list_unsubscribe(std::string url, std::string mailto)
{
    if (url.empty() && mailto.empty())
        throw InvalidInput("List-Unsubscribe needs a URL, a mailto address, or both");
    if (has_header("List-Unsubscribe") || has_header("List-Unsubscribe-Post"))
        throw InvalidInput("the message already has a List-Unsubscribe header added as a custom header");
    std::vector<std::string> items;
    if (!url.empty()) {
        check_unsubscribe_url(url);
        items.push_back("<" + url + ">");
    }
    std::string mailto_text;
    if (!mailto.empty()) {
        std::string_view address = mailto;
        if (has_prefix_ignoring_case(address, "mailto:"))
            address.remove_prefix(7);
        Address parsed = parse_address(address);
        if (!parsed.display_name.empty() || address.find('<') != std::string_view::npos)
            throw InvalidInput("invalid List-Unsubscribe address " + quote_for_error(mailto) +
                               ": expected a bare address such as unsubscribe@example.com");
        mailto_text = mailto_uri(parsed);
        items.push_back("<" + mailto_text + ">");
    }
    fold_list_header("List-Unsubscribe", items);  // throws now if a URL is too long for a line

    unsubscribe_url_ = std::move(url);
    unsubscribe_mailto_ = std::move(mailto_text);
}

void Message::add_header(std::string name, std::string value)
{
    check_header(name, value);
    if (is_managed_header(name))
        throw InvalidInput("header " + quote_for_error(name) +
                           " is written by the message itself: set it with the Message method of that name (from, to, cc, "
                           "replyTo, subject, messageId); Date, MIME-Version and Content-* are generated");
    bool has_control = std::any_of(value.begin(), value.end(), [](char c) {
        auto byte = static_cast<unsigned char>(c);
        return (byte < 0x20 && c != '\t') || byte == 0x7f;
    });
    if (has_control)
        throw InvalidInput("invalid value for header " + quote_for_error(name) + " " + quote_for_error(value) +
                           ": control characters are not allowed");
    check_utf8("value for header " + quote_for_error(name), value);
    std::string lower = to_lower_ascii(name);
    if (lower == "auto-submitted" && auto_submitted_)
        throw InvalidInput("Auto-Submitted is already set by set_auto_submitted");
    bool unsubscribe = lower == "list-unsubscribe" || lower == "list-unsubscribe-post";
    if (unsubscribe && (!unsubscribe_url_.empty() || !unsubscribe_mailto_.empty()))
        throw InvalidInput("header " + quote_for_error(name) + " is already set by set_list_unsubscribe");
    custom_header(name, value);  // throws now if the value cannot be folded
    headers_.emplace_back(std::move(name), std::move(value));
}

bool Message::has_header(std::string_view name) const
{
    std::string lower = to_lower_ascii(name);
    return std::any_of(headers_.begin(), headers_.end(),
                       [&](const auto &header) { return to_lower_ascii(header.first) == lower; });
}

void Message::set_message_id(std::string id)
{
    if (!is_message_id(id) || id.size() > kMaxMessageIdLength)
        throw InvalidInput("invalid Message-ID " + quote_for_error(id) +
                           ": expected id-left@id-right in ASCII without angle brackets, at most " +
                           std::to_string(kMaxMessageIdLength) + " characters");
    message_id_ = std::move(id);
}

void Message::set_message_id_domain(std::string domain)
{
    message_id_domain_ = domain_to_ascii(domain);
}

void Message::freeze()
{
    if (!from_)
        throw InvalidInput("the message has no From address; set one before sending");
    if (to_.empty() && cc_.empty() && bcc_.empty())
        throw InvalidInput("the message has no recipients; add a To, Cc or Bcc address");
    // Checked here and not in the setters, which the Zend glue calls
    // without handling InvalidInput.
    check_utf8("text body", text_);
    check_utf8("HTML body", html_);

    if (date_.empty())
        date_ = format_date(std::time(nullptr));
    if (message_id_.empty()) {
        const std::string &domain = message_id_domain_.empty() ? from_->domain : message_id_domain_;
        message_id_ = random_hex(kRandomBytes) + "@" + domain;
    }
    if (boundary_seed_.empty())
        boundary_seed_ = random_hex(kRandomBytes);

    check_charset_conversions();
    Part body = body_part();
    auto content = std::make_shared<Content>();
    content->append(header_fields());
    content->append(body.headers);
    content->append("\r\n");
    content->append(std::move(body.body));
    if (!content->ends_with_crlf())
        content->append("\r\n");
    frozen_ = std::move(content);
}

// Converts each text that goes out in the message's charset once, so that
// an unconvertible character is reported with the part that has it.
void Message::check_charset_conversions() const
{
    if (charset_.is_utf8())
        return;
    charset_.from_utf8(subject_, "the subject");
    auto check_names = [&](const char *field, const std::vector<Address> &addresses) {
        for (const Address &address : addresses)
            charset_.from_utf8(address.display_name, std::string("the display name of ") + field + " address " +
                                                         quote_for_error(address.addr_spec()));
    };
    check_names("From", {*from_});
    check_names("Reply-To", reply_to_);
    check_names("To", to_);
    check_names("Cc", cc_);
}

std::string Message::header_fields() const
{
    std::string out;
    out += fold_header("Date", date_);
    out += address_list_header("From", {*from_}, charset_);
    if (!reply_to_.empty())
        out += address_list_header("Reply-To", reply_to_, charset_);
    if (!to_.empty())
        out += address_list_header("To", to_, charset_);
    if (!cc_.empty())
        out += address_list_header("Cc", cc_, charset_);
    if (!subject_.empty())
        out += fold_unstructured("Subject", subject_, charset_);
    out += fold_header("Message-ID", "<" + message_id_ + ">");
    if (auto_submitted_)
        out += "Auto-Submitted: auto-generated\r\n";
    if (!unsubscribe_url_.empty() || !unsubscribe_mailto_.empty()) {
        std::vector<std::string> items;
        if (!unsubscribe_url_.empty())
            items.push_back("<" + unsubscribe_url_ + ">");
        if (!unsubscribe_mailto_.empty())
            items.push_back("<" + unsubscribe_mailto_ + ">");
        out += fold_list_header("List-Unsubscribe", items);
        if (has_prefix_ignoring_case(unsubscribe_url_, "https://"))
            out += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
    }
    for (const auto &[name, value] : headers_)
        out += custom_header(name, value);
    out += "MIME-Version: 1.0\r\n";
    return out;
}

Part Message::file_part(const Attachment &attachment, std::string_view disposition) const
{
    Part part;
    part.headers = file_part_headers(attachment.content_type, attachment.filename, disposition, attachment.content_id);
    if (attachment.path.empty())
        part.body = base64_body(attachment.content);
    else
        part.body.append_base64_file(attachment.path, readable_file_size(attachment.path));
    return part;
}

Part Message::body_part() const
{
    const std::string charset_parameter = "charset=" + charset_.name();
    std::vector<Part> alternatives;
    std::string body_type;
    if (!text_.empty() || (html_.empty() && calendar_.empty())) {
        std::string text = charset_.from_utf8(text_, "the text body");
        alternatives.push_back(text_part(text, {"text/plain", charset_parameter}));
        body_type = "text/plain";
    }
    if (!html_.empty()) {
        std::string html = charset_.from_utf8(html_, "the HTML body");
        alternatives.push_back(text_part(html, {"text/html", charset_parameter}));
        body_type = "text/html";
    }
    if (!calendar_.empty()) {
        alternatives.push_back(text_part(calendar_, {"text/calendar", "charset=UTF-8", "method=" + calendar_method_}));
        body_type = "text/calendar";
    }
    Part body;
    if (alternatives.size() == 1) {
        body = std::move(alternatives[0]);
    } else {
        std::string boundary = choose_boundary(boundary_seed_, 'a', alternatives);
        body = multipart("alternative", boundary, std::move(alternatives));
        body_type = "multipart/alternative";
    }

    if (!inline_parts_.empty()) {
        // RFC 2387 section 3.1: the type parameter names the root part's type.
        std::vector<Part> related;
        related.push_back(std::move(body));
        for (const Attachment &part : inline_parts_)
            related.push_back(file_part(part, "inline"));
        std::string boundary = choose_boundary(boundary_seed_, 'r', related);
        body = multipart("related", boundary, std::move(related), {"type=\"" + body_type + "\""});
    }

    if (!attachments_.empty()) {
        std::vector<Part> mixed;
        mixed.push_back(std::move(body));
        for (const Attachment &attachment : attachments_)
            mixed.push_back(file_part(attachment, "attachment"));
        std::string boundary = choose_boundary(boundary_seed_, 'm', mixed);
        body = multipart("mixed", boundary, std::move(mixed));
    }
    return body;
}

std::unique_ptr<ByteSource> Message::open() const
{
    if (!frozen_)
        throw std::logic_error("Message::open() called before freeze()");
    return std::make_unique<ContentSource>(frozen_);
}

std::function<std::unique_ptr<ByteSource>()> Message::opener() const
{
    if (!frozen_)
        throw std::logic_error("Message::opener() called before freeze()");
    std::shared_ptr<const Content> content = frozen_;
    return [content]() -> std::unique_ptr<ByteSource> { return std::make_unique<ContentSource>(content); };
}

std::uint64_t Message::size() const
{
    if (!frozen_)
        throw std::logic_error("Message::size() called before freeze()");
    return frozen_->size();
}

std::string Message::serialize()
{
    freeze();
    std::string out;
    out.reserve(static_cast<std::size_t>(size()));
    // Each read appends a whole in-memory segment, or the lines of one
    // chunk of a file, straight into the reserved string.
    std::unique_ptr<ByteSource> source = open();
    while (source->read(out, std::numeric_limits<std::size_t>::max())) {
    }
    return out;
}

void Message::write_frozen(char *destination) const
{
    if (!frozen_)
        throw std::logic_error("Message::write_frozen() called before freeze()");
    ContentSource source(frozen_);
    for (std::string_view piece = source.read_view(std::numeric_limits<std::size_t>::max()); !piece.empty();
         piece = source.read_view(std::numeric_limits<std::size_t>::max())) {
        std::memcpy(destination, piece.data(), piece.size());
        destination += piece.size();
    }
}

std::string Message::envelope_sender() const
{
    if (!from_)
        throw InvalidInput("the message has no From address; set one before sending");
    return from_->addr_spec();
}

std::vector<std::string> Message::envelope_recipients() const
{
    std::vector<std::string> recipients;
    std::unordered_set<std::string> seen;
    for (const std::vector<Address> *list : {&to_, &cc_, &bcc_}) {
        for (const Address &address : *list) {
            if (seen.insert(envelope_key(address)).second)
                recipients.push_back(address.addr_spec());
        }
    }
    return recipients;
}

bool Message::needs_smtputf8() const
{
    auto any_needs = [](const std::vector<Address> &list) {
        return std::any_of(list.begin(), list.end(), [](const Address &address) { return address.needs_smtputf8(); });
    };
    return (from_ && from_->needs_smtputf8()) || any_needs(to_) || any_needs(cc_) || any_needs(bcc_) ||
           any_needs(reply_to_);
}

}  // namespace mailbridge::mime

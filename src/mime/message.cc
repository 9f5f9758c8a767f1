#include "mime/message.h"

#include <openssl/err.h>
#include <openssl/rand.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <unordered_set>

#include "mime/encoding.h"

namespace mailbridge::mime {
namespace {

constexpr std::size_t kRandomBytes = 16;  // 128 bits for Message-ID and boundaries
// "Message-ID: <" + id + ">" must fit the 998-octet line limit.
constexpr std::size_t kMaxMessageIdLength = 998 - 14;
// RFC 2231 continuation segments are cut at this many characters so that
// " filename*0*=UTF-8''" plus a segment and ';' stays under 78.
constexpr std::size_t kMaxParameterSegmentLength = 50;
// A file name longer than this goes out as RFC 2231 segments, which fold.
constexpr std::size_t kMaxPlainFilenameLength = 60;
// Encoded words inside name="...": the first shares its line with
// ' name="', the last carries the closing quote (see fold_list_header).
constexpr std::size_t kFirstNameWordLength = 69;
constexpr std::size_t kNameWordLength = 74;

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

bool is_ascii_alphanumeric(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_wsp(char c)
{
    return c == ' ' || c == '\t';
}

std::string_view trim_wsp(std::string_view text)
{
    while (!text.empty() && is_wsp(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && is_wsp(text.back()))
        text.remove_suffix(1);
    return text;
}

bool ends_with_crlf(std::string_view text)
{
    return text.size() >= 2 && text.substr(text.size() - 2) == "\r\n";
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

// RFC 5322 atext, ASCII only (Message-IDs are not internationalized).
bool is_ascii_atext(char c)
{
    return is_ascii_alphanumeric(c) || std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

bool is_ascii_dot_atom(std::string_view text)
{
    if (text.empty() || text.front() == '.' || text.back() == '.' || text.find("..") != std::string_view::npos)
        return false;
    return std::all_of(text.begin(), text.end(), [](char c) { return c == '.' || is_ascii_atext(c); });
}

// RFC 5322 section 3.6.4 msg-id content: id-left "@" id-right, where
// id-right is a dot-atom or a "[...]" literal of dtext.
bool is_message_id(std::string_view id)
{
    std::size_t at = id.find('@');
    if (at == std::string_view::npos || !is_ascii_dot_atom(id.substr(0, at)))
        return false;
    std::string_view right = id.substr(at + 1);
    if (is_ascii_dot_atom(right))
        return true;
    if (right.size() < 2 || right.front() != '[' || right.back() != ']')
        return false;
    std::string_view inside = right.substr(1, right.size() - 2);
    return std::all_of(inside.begin(), inside.end(), [](char c) {
        auto byte = static_cast<unsigned char>(c);
        return byte >= 33 && byte <= 126 && c != '[' && c != ']' && c != '\\';
    });
}

// RFC 2045 section 5.1 token: printable ASCII except space and tspecials.
bool is_token(std::string_view text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        auto byte = static_cast<unsigned char>(c);
        return byte > 32 && byte < 127 && std::string_view("()<>@,;:\\\"/[]?=").find(c) == std::string_view::npos;
    });
}

bool is_quoted_parameter_value(std::string_view text)
{
    if (text.size() < 2 || text.front() != '"' || text.back() != '"')
        return false;
    for (std::size_t i = 1; i + 1 < text.size(); ++i) {
        auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 32 && text[i] != '\t')
            return false;
        if (byte >= 127 || text[i] == '"')
            return false;
        if (text[i] == '\\' && ++i + 1 == text.size())
            return false;  // a backslash escaping the closing quote
    }
    return true;
}

// Split at ';' outside quoted strings.
std::vector<std::string_view> split_parameters(std::string_view text)
{
    std::vector<std::string_view> pieces;
    bool quoted = false;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (quoted && text[i] == '\\') {
            ++i;
        } else if (text[i] == '"') {
            quoted = !quoted;
        } else if (!quoted && text[i] == ';') {
            pieces.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    pieces.push_back(text.substr(start));
    return pieces;
}

// RFC 2045 section 5.1: type "/" subtype *(";" attribute "=" value), as
// the items "type/subtype", "attribute=value", ... for fold_list_header.
std::vector<std::string> parse_content_type(std::string_view content_type)
{
    auto reject = [&]() {
        throw InvalidInput("invalid content type " + quote_for_error(content_type) +
                           ": expected type/subtype with optional \"; attribute=value\" parameters");
    };

    std::vector<std::string> items;
    for (std::string_view piece : split_parameters(content_type)) {
        piece = trim_wsp(piece);
        if (items.empty()) {
            std::size_t slash = piece.find('/');
            if (slash == std::string_view::npos)
                reject();
            if (!is_token(piece.substr(0, slash)) || !is_token(piece.substr(slash + 1)))
                reject();
            items.emplace_back(piece);
            continue;
        }
        std::size_t equals = piece.find('=');
        if (equals == std::string_view::npos)
            reject();
        std::string_view attribute = trim_wsp(piece.substr(0, equals));
        std::string_view value = trim_wsp(piece.substr(equals + 1));
        if (!is_token(attribute) || !(is_token(value) || is_quoted_parameter_value(value)))
            reject();
        items.push_back(std::string(attribute) + "=" + std::string(value));
    }
    return items;
}

std::string join_content_type(const std::vector<std::string> &items)
{
    std::string out;
    for (const std::string &item : items) {
        if (!out.empty())
            out += "; ";
        out += item;
    }
    return out;
}

std::string quote_parameter(std::string_view value)
{
    std::string out = "\"";
    for (char c : value) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '"';
    return out;
}

// A file name that can go into filename="..." and name="..." as it is.
bool is_plain_filename(std::string_view filename)
{
    bool printable = std::all_of(filename.begin(), filename.end(), [](char c) {
        auto byte = static_cast<unsigned char>(c);
        return byte >= 32 && byte <= 126;
    });
    return printable && filename.size() <= kMaxPlainFilenameLength && filename.find("=?") == std::string_view::npos;
}

// RFC 2231 section 7 attribute-char: a token character other than '*',
// '\'' and '%'. Other bytes are written as %XX.
std::string percent_encode_character(std::string_view character)
{
    bool attribute_char = character.size() == 1 && is_token(character) &&
                          std::string_view("*'%").find(character[0]) == std::string_view::npos;
    if (attribute_char)
        return std::string(character);
    std::string out;
    for (char c : character) {
        auto byte = static_cast<unsigned char>(c);
        out += '%';
        out += kHexDigits[byte >> 4];
        out += kHexDigits[byte & 0x0f];
    }
    return out;
}

// Percent-encoded value cut into segments that never split a UTF-8
// sequence, because some readers decode each segment on its own.
std::vector<std::string> percent_encoded_segments(std::string_view value)
{
    std::vector<std::string> segments(1);
    std::size_t pos = 0;
    while (pos < value.size()) {
        std::size_t length = std::max<std::size_t>(utf8_sequence_length(value, pos), 1);
        std::string encoded = percent_encode_character(value.substr(pos, length));
        if (!segments.back().empty() && segments.back().size() + encoded.size() > kMaxParameterSegmentLength)
            segments.emplace_back();
        segments.back() += encoded;
        pos += length;
    }
    return segments;
}

// The filename parameter of Content-Disposition: quoted when plain,
// otherwise RFC 2231 "filename*=UTF-8''..." split into "filename*0*=",
// "filename*1*=" ... when long.
std::vector<std::string> filename_parameters(std::string_view filename)
{
    if (is_plain_filename(filename))
        return {"filename=" + quote_parameter(filename)};

    std::vector<std::string> segments = percent_encoded_segments(filename);
    if (segments.size() == 1)
        return {"filename*=UTF-8''" + segments[0]};
    std::vector<std::string> parameters;
    for (std::size_t i = 0; i < segments.size(); ++i)
        parameters.push_back("filename*" + std::to_string(i) + "*=" + (i == 0 ? "UTF-8''" : "") + segments[i]);
    return parameters;
}

// The name parameter of Content-Type, which older readers use instead of
// RFC 2231: RFC 2047 encoded words inside the quotes when not plain.
std::string name_parameter(std::string_view filename)
{
    if (is_plain_filename(filename))
        return "name=" + quote_parameter(filename);
    return "name=\"" + encode_words(filename, kFirstNameWordLength, kNameWordLength) + "\"";
}

std::string base_name(std::string_view path)
{
    std::size_t slash = path.rfind('/');
    return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// Throws InvalidInput unless path names a regular file that can be opened
// for reading. Devices and FIFOs are rejected because reading them could
// block or never end.
void check_readable_file(const std::string &path)
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
}

struct FileCloser {
    void operator()(std::FILE *file) const { std::fclose(file); }
};

std::string read_file(const std::string &path)
{
    check_readable_file(path);
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file)
        throw InvalidInput("attachment file " + quote_for_error(path) + " is not readable: " + std::strerror(errno));
    std::string content;
    char buffer[65536];
    std::size_t count = 0;
    while ((count = std::fread(buffer, 1, sizeof buffer, file.get())) > 0)
        content.append(buffer, count);
    if (std::ferror(file.get()))
        throw InvalidInput("reading attachment file " + quote_for_error(path) + " failed: " + std::strerror(errno));
    return content;
}

// A MIME entity: its Content-* header fields (each ending in CRLF) and its
// encoded body, without the CRLF that belongs to the next delimiter.
struct Part {
    std::string headers;
    std::string body;
};

// text/plain or text/html in UTF-8: 7bit with CRLF line ends when every
// line is short ASCII, otherwise quoted-printable (RFC 2045 section 6).
Part text_part(std::string_view text, std::string_view subtype)
{
    Part part;
    part.headers = fold_list_header("Content-Type", {"text/" + std::string(subtype), "charset=UTF-8"}, ';');
    if (is_seven_bit_safe(text)) {
        part.headers += "Content-Transfer-Encoding: 7bit\r\n";
        part.body = normalize_line_ends(text);
    } else {
        part.headers += "Content-Transfer-Encoding: quoted-printable\r\n";
        part.body = encode_quoted_printable(text);
    }
    return part;
}

Part attachment_part(const Attachment &attachment, std::string_view content)
{
    std::vector<std::string> type = parse_content_type(attachment.content_type);
    std::vector<std::string> disposition{"attachment"};
    if (!attachment.filename.empty()) {
        type.push_back(name_parameter(attachment.filename));
        for (std::string &parameter : filename_parameters(attachment.filename))
            disposition.push_back(std::move(parameter));
    }

    Part part;
    part.headers = fold_list_header("Content-Type", type, ';');
    part.headers += "Content-Transfer-Encoding: base64\r\n";
    part.headers += fold_list_header("Content-Disposition", disposition, ';');
    part.body = encode_base64_lines(content);
    if (ends_with_crlf(part.body))
        part.body.resize(part.body.size() - 2);
    return part;
}

bool contains(const std::vector<Part> &parts, std::string_view text)
{
    return std::any_of(parts.begin(), parts.end(), [&](const Part &part) {
        return part.headers.find(text) != std::string::npos || part.body.find(text) != std::string::npos;
    });
}

// A boundary from the frozen seed, one per multipart kind ('a' for
// alternative, 'm' for mixed), and a new one for each attempt in the rare
// case that the content contains it. All have the same length, so none is
// a prefix of another. "=_" cannot occur in quoted-printable or base64.
std::string choose_boundary(const std::string &seed, char kind, const std::vector<Part> &parts)
{
    for (unsigned attempt = 0;; ++attempt) {
        char suffix[16];
        std::snprintf(suffix, sizeof suffix, "_%c_%08X", kind, attempt);
        std::string boundary = "=_" + seed + suffix;
        if (!contains(parts, boundary))
            return boundary;
    }
}

// RFC 2046 section 5.1.1: no preamble, each part after "--boundary", and
// "--boundary--" at the end.
Part multipart(std::string_view subtype, const std::string &boundary, const std::vector<Part> &parts)
{
    Part multipart;
    multipart.headers = fold_list_header(
        "Content-Type", {"multipart/" + std::string(subtype), "boundary=\"" + boundary + "\""}, ';');
    for (const Part &part : parts) {
        multipart.body += "--" + boundary + "\r\n";
        multipart.body += part.headers;
        multipart.body += "\r\n";
        multipart.body += part.body;
        multipart.body += "\r\n";
    }
    multipart.body += "--" + boundary + "--";
    return multipart;
}

std::string address_list_header(std::string_view name, const std::vector<Address> &addresses)
{
    std::vector<std::string> items;
    for (const Address &address : addresses)
        items.push_back(address.to_header());
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
    check_single_line("attachment file name", filename);
    check_utf8("attachment file name", filename);
    if (content_type.empty())
        content_type = guess_content_type(filename);

    Attachment attachment;
    attachment.content = std::move(content);
    attachment.filename = std::move(filename);
    attachment.content_type = join_content_type(parse_content_type(content_type));
    attachments_.push_back(std::move(attachment));
}

void Message::attach_path(std::string path, std::string filename, std::string content_type)
{
    check_readable_file(path);
    if (filename.empty())
        filename = base_name(path);
    attach(std::string(), std::move(filename), std::move(content_type));
    attachments_.back().path = std::move(path);
}

void Message::add_header(std::string name, std::string value)
{
    check_header(name, value);
    if (is_managed_header(name))
        throw InvalidInput("header " + quote_for_error(name) +
                           " is set by the message itself; use the matching setter instead of add_header");
    bool has_control = std::any_of(value.begin(), value.end(), [](char c) {
        auto byte = static_cast<unsigned char>(c);
        return (byte < 0x20 && c != '\t') || byte == 0x7f;
    });
    if (has_control)
        throw InvalidInput("invalid value for header " + quote_for_error(name) + " " + quote_for_error(value) +
                           ": control characters are not allowed");
    check_utf8("value for header " + quote_for_error(name), value);
    custom_header(name, value);  // throws now if the value cannot be folded
    headers_.emplace_back(std::move(name), std::move(value));
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
}

std::string Message::header_fields() const
{
    std::string out;
    out += fold_header("Date", date_);
    out += address_list_header("From", {*from_});
    if (!reply_to_.empty())
        out += address_list_header("Reply-To", reply_to_);
    if (!to_.empty())
        out += address_list_header("To", to_);
    if (!cc_.empty())
        out += address_list_header("Cc", cc_);
    if (!subject_.empty())
        out += fold_unstructured("Subject", subject_);
    out += fold_header("Message-ID", "<" + message_id_ + ">");
    for (const auto &[name, value] : headers_)
        out += custom_header(name, value);
    out += "MIME-Version: 1.0\r\n";
    return out;
}

std::string Message::serialize()
{
    freeze();

    std::vector<Part> alternatives;
    if (!text_.empty() || html_.empty())
        alternatives.push_back(text_part(text_, "plain"));
    if (!html_.empty())
        alternatives.push_back(text_part(html_, "html"));
    Part body = alternatives.size() == 1
                    ? alternatives[0]
                    : multipart("alternative", choose_boundary(boundary_seed_, 'a', alternatives), alternatives);

    if (!attachments_.empty()) {
        std::vector<Part> parts{std::move(body)};
        for (const Attachment &attachment : attachments_) {
            if (attachment.path.empty())
                parts.push_back(attachment_part(attachment, attachment.content));
            else
                parts.push_back(attachment_part(attachment, read_file(attachment.path)));
        }
        body = multipart("mixed", choose_boundary(boundary_seed_, 'm', parts), parts);
    }

    std::string out = header_fields();
    out += body.headers;
    out += "\r\n";
    out += body.body;
    if (!ends_with_crlf(out))
        out += "\r\n";
    return out;
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

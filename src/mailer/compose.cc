#include "mailer/compose.h"

#include <algorithm>
#include <string_view>

#include "common/base64.h"
#include "mime/address.h"
#include "mime/encoding.h"
#include "mime/entity.h"
#include "mime/message.h"

namespace mailbridge::mailer {
namespace {

constexpr std::string_view kCrlf = "\r\n";
constexpr std::string_view kPreamble = "This is a multi-part message in MIME format.\r\n\r\n";
// RFC 2047 section 2 allows encoded words of 75 characters. Words of at
// most 66 let a field name such as "Subject: " and the first word share a
// line of 78 characters (RFC 5322 section 2.1.1).
constexpr std::size_t kMaxEncodedWordLength = 66;
constexpr std::size_t kMaxLineLength = 998;  // RFC 5322 section 2.1.1

// A MIME entity as text: its Content-* fields and its body without the
// CRLF that belongs to the next delimiter.
struct Entity {
    std::string headers;
    std::string body;
};

std::string lower(std::string_view text)
{
    std::string out(text);
    for (char &c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

bool is_printable_ascii(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) {
        auto byte = static_cast<unsigned char>(c);
        return byte >= 32 && byte <= 126;
    });
}

bool has_eight_bit(std::string_view text)
{
    return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

bool has_long_line(std::string_view text)
{
    std::size_t length = 0;
    for (char c : text) {
        if (c == '\r' || c == '\n') {
            length = 0;
        } else if (++length > kMaxLineLength) {
            return true;
        }
    }
    return false;
}

void check_charset(const std::string &charset)
{
    if (charset.empty() || charset.size() > 40 || !mime::is_token(charset))
        throw mime::InvalidInput("invalid CharSet " + mime::quote_for_error(charset) +
                                 ": expected a MIME charset name such as utf-8 or iso-8859-1");
}

void check_encoding(const std::string &encoding, const char *value_name)
{
    static const char *const kEncodings[] = {"7bit", "8bit", "binary", "base64", "quoted-printable"};
    if (std::none_of(std::begin(kEncodings), std::end(kEncodings), [&](const char *known) { return encoding == known; }))
        throw mime::InvalidInput(std::string("invalid ") + value_name + " " + mime::quote_for_error(encoding) +
                                 ": expected 7bit, 8bit, binary, base64 or quoted-printable");
}

// RFC 2047 "B" words in charset. The text is taken as bytes of that
// charset, so a UTF-8 sequence is never split, and other charsets are
// assumed to have one byte per character.
std::string encode_words(std::string_view text, const std::string &charset)
{
    bool utf8 = lower(charset) == "utf-8";
    // "=?" charset "?B?" ... "?=" leaves the rest for base64, which spends
    // 4 characters on 3 bytes. Even a charset name of 40 characters, the
    // maximum that check_charset() allows, leaves room for 12 bytes.
    std::size_t base64_room = kMaxEncodedWordLength - 7 - std::min<std::size_t>(charset.size(), 40);
    std::size_t word_bytes = base64_room / 4 * 3;
    std::string out;
    std::size_t position = 0;
    while (position < text.size()) {
        std::size_t length = std::min(word_bytes, text.size() - position);
        if (utf8) {
            // Step back to the start of a UTF-8 sequence.
            while (length > 1 && position + length < text.size() &&
                   (static_cast<unsigned char>(text[position + length]) & 0xc0) == 0x80)
                --length;
        }
        if (!out.empty())
            out += ' ';
        out += "=?" + charset + "?B?" + base64_encode(text.substr(position, length)) + "?=";
        position += length;
    }
    return out;
}

// Unstructured text as is when it is printable ASCII, else as encoded words.
std::string header_text(std::string_view text, const std::string &charset)
{
    if (is_printable_ascii(text) && text.find("=?") == std::string_view::npos)
        return std::string(text);
    return encode_words(text, charset);
}

// A display name in header form: encoded words when it has non-ASCII bytes,
// as given when it is one encoded word already or has no RFC 5322 specials
// (section 3.2.3), else a quoted string.
std::string display_name(std::string_view name, const std::string &charset)
{
    if (!is_printable_ascii(name))
        return encode_words(name, charset);
    bool already_encoded = name.rfind("=?", 0) == 0 && name.find(' ') == std::string_view::npos;
    if (already_encoded || name.find_first_of("()<>[]:;@\\,.\"") == std::string_view::npos)
        return std::string(name);
    std::string quoted = "\"";
    for (char c : name) {
        if (c == '"' || c == '\\')
            quoted += '\\';
        quoted += c;
    }
    return quoted + "\"";
}

std::string address_list(std::string_view field, const std::vector<NamedAddress> &addresses,
                         const std::string &charset)
{
    std::vector<std::string> items;
    for (const NamedAddress &address : addresses) {
        mime::check_single_line("display name", address.name);
        std::string spec = normalize_address(address.address);
        items.push_back(address.name.empty() ? spec : display_name(address.name, charset) + " <" + spec + ">");
    }
    return mime::fold_list_header(field, items);
}

// The body with line ends made CRLF, ending in CRLF unless it is empty.
std::string crlf_text(std::string_view text)
{
    std::string out = mime::normalize_line_ends(text);
    if (!out.empty() && (out.size() < 2 || out.compare(out.size() - 2, 2, kCrlf) != 0))
        out += kCrlf;
    return out;
}

std::string encode(std::string_view data, const std::string &encoding)
{
    std::string out;
    if (encoding == "base64")
        out = mime::encode_base64_lines(data);
    else if (encoding == "quoted-printable")
        out = crlf_text(mime::encode_quoted_printable(data));
    else
        out = crlf_text(data);
    // The CRLF before the next delimiter or at the end is added by the caller.
    if (out.size() >= 2)
        out.resize(out.size() - 2);
    return out;
}

// The transfer encoding and charset for one text. 8bit text without 8-bit
// bytes goes out as 7bit us-ascii. 7bit text with 8-bit bytes, and text
// with a line over 998 characters, go out quoted-printable unless the
// encoding is base64.
std::pair<std::string, std::string> text_encoding(std::string_view text, std::string encoding, std::string charset)
{
    if (encoding == "8bit" && !has_eight_bit(text)) {
        encoding = "7bit";
        charset = "us-ascii";
    }
    if (encoding == "7bit" && has_eight_bit(text))
        encoding = "quoted-printable";
    if (encoding != "base64" && has_long_line(text))
        encoding = "quoted-printable";
    return {encoding, charset};
}

Entity text_entity(std::string_view text, const std::string &content_type, const Composition &composition)
{
    auto [encoding, charset] = text_encoding(text, composition.encoding, composition.charset);
    Entity entity;
    entity.headers = "Content-Type: " + content_type + "; charset=" + charset + "\r\n";
    entity.headers += "Content-Transfer-Encoding: " + encoding + "\r\n";
    entity.body = encode(text, encoding);
    return entity;
}

Entity file_entity(const FilePart &file)
{
    check_encoding(file.encoding, "attachment encoding");
    std::string content_type = file.content_type.empty() ? mime::guess_content_type(file.filename) : file.content_type;
    std::string disposition = file.disposition.empty() ? "attachment" : file.disposition;
    if (!mime::is_token(disposition))
        throw mime::InvalidInput("invalid attachment disposition " + mime::quote_for_error(disposition));
    Entity entity;
    entity.headers = mime::file_part_headers(content_type, file.filename, disposition, file.content_id);
    if (file.encoding != "base64") {
        // file_part_headers() always declares base64; put the chosen encoding in its place.
        const std::string declared = "Content-Transfer-Encoding: base64\r\n";
        std::size_t at = entity.headers.find(declared);
        entity.headers.replace(at, declared.size(), "Content-Transfer-Encoding: " + file.encoding + "\r\n");
    }
    entity.body = encode(file.data, file.encoding);
    return entity;
}

Entity multipart(std::string_view subtype, const std::string &boundary, const std::vector<Entity> &parts,
                 std::string_view parameters = {})
{
    Entity entity;
    entity.headers = "Content-Type: multipart/" + std::string(subtype) + ";\r\n boundary=\"" + boundary + "\"";
    entity.headers += std::string(parameters) + "\r\n";
    entity.body = kPreamble;
    for (const Entity &part : parts)
        entity.body += "--" + boundary + "\r\n" + part.headers + "\r\n" + part.body + "\r\n";
    entity.body += "--" + boundary + "--";
    return entity;
}

// The body entity: text, HTML with its alternative, inline files and attachments.
Entity body_entity(const Composition &composition)
{
    std::string body = composition.body;
    std::string alt_body = composition.alt_body;
    bool alternative = !alt_body.empty();
    // Only the text a reader sees as plain text is wrapped: the
    // alternative when there is one, else the body.
    if (composition.word_wrap > 0) {
        if (alternative)
            alt_body = wrap_text(alt_body, composition.word_wrap);
        else
            body = wrap_text(body, composition.word_wrap);
    }

    std::vector<Entity> inline_parts, attachments;
    for (const FilePart &file : composition.files)
        (file.disposition == "inline" ? inline_parts : attachments).push_back(file_entity(file));

    const std::string &seed = composition.boundary_seed;
    Entity main = text_entity(body, alternative ? "text/html" : composition.content_type, composition);
    if (!inline_parts.empty()) {
        std::vector<Entity> parts{main};
        parts.insert(parts.end(), inline_parts.begin(), inline_parts.end());
        main = multipart("related", "=_mbr_" + seed, parts, ";\r\n type=\"text/html\"");
    }
    if (alternative)
        main = multipart("alternative", "=_mba_" + seed, {text_entity(alt_body, "text/plain", composition), main});
    if (!attachments.empty()) {
        std::vector<Entity> parts{main};
        parts.insert(parts.end(), attachments.begin(), attachments.end());
        main = multipart("mixed", "=_mbm_" + seed, parts);
    }
    return main;
}

std::string custom_header(const std::string &name, const std::string &value, const std::string &charset)
{
    mime::check_header(name, value);
    return mime::fold_header(name, header_text(value, charset));
}

}  // namespace

std::string normalize_address(const std::string &address)
{
    return mime::make_address(address, "").addr_spec();
}

std::string wrap_text(const std::string &text, unsigned width)
{
    std::string normalized = mime::normalize_line_ends(text);
    std::string out;
    std::size_t position = 0;
    while (position < normalized.size()) {
        std::size_t end = normalized.find(kCrlf, position);
        std::size_t line_end = end == std::string::npos ? normalized.size() : end;
        std::string_view line(normalized.data() + position, line_end - position);
        while (line.size() > width) {
            std::size_t space = line.rfind(' ', width);
            if (space == std::string_view::npos || space == 0)
                space = line.find(' ', width);
            if (space == std::string_view::npos)
                break;
            out.append(line.substr(0, space));
            out += kCrlf;
            line.remove_prefix(space + 1);
        }
        out.append(line);
        if (end != std::string::npos)
            out += kCrlf;
        position = end == std::string::npos ? normalized.size() : end + 2;
    }
    return out;
}

Composed compose(const Composition &composition)
{
    check_charset(composition.charset);
    check_encoding(composition.encoding, "Encoding");
    const std::string &charset = composition.charset;

    Composed composed;
    std::string &header = composed.header;
    header += mime::fold_header("Date", composition.date);
    if (!composition.to.empty())
        header += address_list("To", composition.to, charset);
    else if (composition.cc.empty())
        header += "To: undisclosed-recipients:;\r\n";
    header += address_list("From", {composition.from}, charset);
    if (!composition.cc.empty())
        header += address_list("Cc", composition.cc, charset);
    if (!composition.reply_to.empty())
        header += address_list("Reply-To", composition.reply_to, charset);
    mime::check_single_line("Subject", composition.subject);
    header += mime::fold_header("Subject", header_text(composition.subject, charset));
    header += mime::fold_header("Message-ID", composition.message_id);
    if (composition.priority)
        header += custom_header("X-Priority", *composition.priority, charset);
    if (!composition.x_mailer.empty())
        header += custom_header("X-Mailer", composition.x_mailer, charset);
    if (!composition.confirm_reading_to.empty())
        header += "Disposition-Notification-To: <" + normalize_address(composition.confirm_reading_to) + ">\r\n";
    for (const auto &[name, value] : composition.custom_headers)
        header += custom_header(name, value, charset);
    header += "MIME-Version: 1.0\r\n";

    Entity body = body_entity(composition);
    header += body.headers;
    composed.body = body.body + "\r\n";
    return composed;
}

}  // namespace mailbridge::mailer

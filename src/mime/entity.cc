#include "mime/entity.h"

#include <algorithm>
#include <cstdio>

#include "mime/address.h"
#include "mime/encoding.h"

namespace mailbridge::mime {
namespace {

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

bool contains(const std::vector<Part> &parts, std::string_view text)
{
    return std::any_of(parts.begin(), parts.end(), [&](const Part &part) {
        return part.headers.find(text) != std::string::npos || part.body.contains(text);
    });
}

}  // namespace

bool is_token(std::string_view text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        auto byte = static_cast<unsigned char>(c);
        return byte > 32 && byte < 127 && std::string_view("()<>@,;:\\\"/[]?=").find(c) == std::string_view::npos;
    });
}

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

Part text_part(std::string_view text, const std::vector<std::string> &content_type)
{
    Part part;
    part.headers = fold_list_header("Content-Type", content_type, ';');
    if (is_seven_bit_safe(text)) {
        part.headers += "Content-Transfer-Encoding: 7bit\r\n";
        part.body.append(normalize_line_ends(text));
        return part;
    }

    // Quoted-printable keeps mostly-ASCII text readable, and costs 3 bytes
    // for each escaped one. When more than a third of the bytes need
    // escaping, as in Cyrillic, Greek or CJK text, base64 is shorter.
    std::size_t escaped = std::count_if(text.begin(), text.end(), [](char c) {
        auto byte = static_cast<unsigned char>(c);
        return byte >= 0x7f || c == '=' || (byte < 0x20 && c != '\t' && c != '\r' && c != '\n');
    });
    if (escaped * 3 <= text.size()) {
        part.headers += "Content-Transfer-Encoding: quoted-printable\r\n";
        part.body.append(encode_quoted_printable(text));
        return part;
    }
    // RFC 2046 section 4.1.1: text is encoded with CRLF line ends, which
    // quoted-printable writes as hard line breaks.
    part.headers += "Content-Transfer-Encoding: base64\r\n";
    part.body = base64_body(normalize_line_ends(text));
    return part;
}

std::string file_part_headers(std::string_view content_type, std::string_view filename,
                              std::string_view disposition, std::string_view content_id)
{
    std::vector<std::string> type = parse_content_type(content_type);
    std::vector<std::string> disposition_items{std::string(disposition)};
    if (!filename.empty()) {
        type.push_back(name_parameter(filename));
        for (std::string &parameter : filename_parameters(filename))
            disposition_items.push_back(std::move(parameter));
    }

    std::string headers = fold_list_header("Content-Type", type, ';');
    headers += "Content-Transfer-Encoding: base64\r\n";
    headers += fold_list_header("Content-Disposition", disposition_items, ';');
    if (!content_id.empty())
        headers += fold_header("Content-ID", "<" + std::string(content_id) + ">");
    return headers;
}

Content base64_body(std::string_view bytes)
{
    std::string lines;
    append_base64_lines(bytes, lines);
    if (!lines.empty())
        lines.resize(lines.size() - 2);
    Content body;
    body.append(std::move(lines));
    return body;
}

Content base64_body(const std::shared_ptr<const std::string> &bytes)
{
    std::shared_ptr<const std::string> lines = Base64LinesCache::process_cache().lines(bytes);
    std::string_view without_last_crlf = *lines;
    if (!without_last_crlf.empty())
        without_last_crlf.remove_suffix(2);
    Content body;
    body.append_shared(lines, without_last_crlf);
    return body;
}

// A new boundary is made for each attempt in the rare case that the
// content contains one. All have the same length, so none is a prefix of
// another. "=_" cannot occur in quoted-printable or base64.
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

Part multipart(std::string_view subtype, const std::string &boundary, std::vector<Part> parts,
               const std::vector<std::string> &parameters)
{
    std::vector<std::string> type{"multipart/" + std::string(subtype)};
    type.insert(type.end(), parameters.begin(), parameters.end());
    type.push_back("boundary=\"" + boundary + "\"");

    Part multipart;
    multipart.headers = fold_list_header("Content-Type", type, ';');
    for (Part &part : parts) {
        multipart.body.append("--" + boundary + "\r\n");
        multipart.body.append(part.headers);
        multipart.body.append("\r\n");
        multipart.body.append(std::move(part.body));
        multipart.body.append("\r\n");
    }
    multipart.body.append("--" + boundary + "--");
    return multipart;
}

}  // namespace mailbridge::mime

#include "mimeparse/charset.h"

#include <iconv.h>

#include <cerrno>
#include <utility>

namespace mailbridge::mimeparse {
namespace {

// Longer labels are not charset names (RFC 2978 allows 40 characters).
constexpr std::size_t kMaxLabelLength = 64;
// Maximum length of an incomplete sequence held for the next chunk. The
// longest multibyte sequences glibc decodes (GB18030, ISO-2022 escapes plus
// a character) are shorter.
constexpr std::size_t kMaxIncompleteSequence = 16;
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

// Special routes that do not go through iconv.
constexpr std::string_view kUtf8 = "UTF-8";
constexpr std::string_view kUsAscii = "US-ASCII";

struct Alias {
    std::string_view label;
    std::string_view iconv_name;
};

// Lower-case labels, without "x-" where both forms are in use.
constexpr Alias kAliases[] = {
    {"utf-8", kUtf8}, {"utf8", kUtf8}, {"unicode-1-1-utf-8", kUtf8}, {"unicode20utf8", kUtf8},
    {"us-ascii", kUsAscii}, {"ascii", kUsAscii}, {"us", kUsAscii}, {"ansi_x3.4-1968", kUsAscii},
    {"iso646-us", kUsAscii}, {"csascii", kUsAscii},
    {"iso-8859-1", "WINDOWS-1252"}, {"iso8859-1", "WINDOWS-1252"}, {"iso_8859-1", "WINDOWS-1252"},
    {"iso_8859-1:1987", "WINDOWS-1252"}, {"latin1", "WINDOWS-1252"}, {"latin-1", "WINDOWS-1252"},
    {"l1", "WINDOWS-1252"}, {"cp819", "WINDOWS-1252"}, {"ibm819", "WINDOWS-1252"},
    {"iso-ir-100", "WINDOWS-1252"}, {"csisolatin1", "WINDOWS-1252"}, {"windows-1252", "WINDOWS-1252"},
    {"cp1252", "WINDOWS-1252"}, {"cp-1252", "WINDOWS-1252"}, {"win-1252", "WINDOWS-1252"},
    {"iso-8859-9", "WINDOWS-1254"}, {"iso8859-9", "WINDOWS-1254"}, {"latin5", "WINDOWS-1254"},
    {"tis-620", "WINDOWS-874"}, {"iso-8859-11", "WINDOWS-874"},
    {"iso-8859-8-i", "ISO-8859-8"}, {"iso-8859-8-e", "ISO-8859-8"}, {"logical", "ISO-8859-8"},
    {"visual", "ISO-8859-8"},
    {"ks_c_5601-1987", "CP949"}, {"ks_c_5601-1989", "CP949"}, {"ks_c_5601", "CP949"}, {"ksc5601", "CP949"},
    {"ksc_5601", "CP949"}, {"euc-kr", "CP949"}, {"euckr", "CP949"}, {"korean", "CP949"},
    {"csksc56011987", "CP949"}, {"iso-ir-149", "CP949"}, {"windows-949", "CP949"}, {"cp949", "CP949"},
    {"gb2312", "GBK"}, {"gb_2312", "GBK"}, {"gb_2312-80", "GBK"}, {"csgb2312", "GBK"}, {"euc-cn", "GBK"},
    {"chinese", "GBK"}, {"gbk", "GBK"}, {"cp936", "GBK"}, {"windows-936", "GBK"}, {"gb18030", "GB18030"},
    {"sjis", "CP932"}, {"shift_jis", "CP932"}, {"shift-jis", "CP932"}, {"ms_kanji", "CP932"},
    {"csshiftjis", "CP932"}, {"windows-31j", "CP932"}, {"ms-cp932", "CP932"}, {"cp932", "CP932"},
    {"big5", "BIG5-HKSCS"}, {"big5-hkscs", "BIG5-HKSCS"}, {"cn-big5", "BIG5-HKSCS"}, {"csbig5", "BIG5-HKSCS"},
    {"x-big5", "BIG5-HKSCS"},
    {"mac", "MACINTOSH"}, {"macintosh", "MACINTOSH"}, {"mac-roman", "MACINTOSH"}, {"csmacintosh", "MACINTOSH"},
};

// Labels that name no charset at all: the bytes are taken as UTF-8.
constexpr std::string_view kUnknownLabels[] = {
    "", "default", "unknown", "unknown-8bit", "x-unknown", "user-defined", "x-user-defined",
};

char to_lower_ascii(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Lower-cases the label and removes surrounding spaces and quotes and an
// RFC 2231 language suffix.
std::string normalize_label(std::string_view label)
{
    std::size_t star = label.find('*');
    if (star != std::string_view::npos)
        label = label.substr(0, star);
    while (!label.empty() && (label.front() == ' ' || label.front() == '\t' || label.front() == '"'))
        label.remove_prefix(1);
    while (!label.empty() && (label.back() == ' ' || label.back() == '\t' || label.back() == '"'))
        label.remove_suffix(1);
    std::string out;
    out.reserve(label.size());
    for (char c : label)
        out.push_back(to_lower_ascii(c));
    return out;
}

bool iconv_knows(const std::string &name)
{
    iconv_t descriptor = iconv_open("UTF-8", name.c_str());
    if (descriptor == reinterpret_cast<iconv_t>(-1))
        return false;
    iconv_close(descriptor);
    return true;
}

// Returns "CP850" for "cp-850", "cp850", "ibm850" and "850"-style labels
// of numbered code pages, or an empty string.
std::string code_page_name(const std::string &label)
{
    std::string_view rest = label;
    for (std::string_view prefix : {"windows-", "win-", "cp-", "cp", "ibm-", "ibm", "ms-"}) {
        if (rest.substr(0, prefix.size()) == prefix) {
            rest.remove_prefix(prefix.size());
            break;
        }
    }
    if (rest.empty() || rest.size() > 5 || rest.find_first_not_of("0123456789") != std::string_view::npos)
        return {};
    return "CP" + std::string(rest);
}

bool is_continuation(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

// Length of the valid UTF-8 sequence at bytes[pos], or 0 when invalid.
// Sets *subpart to the length of the longest valid prefix of a sequence
// (at least 1), which is replaced as one unit.
std::size_t utf8_sequence_length(std::string_view bytes, std::size_t pos, std::size_t *subpart)
{
    auto at = [&](std::size_t i) { return static_cast<unsigned char>(bytes[pos + i]); };
    unsigned char lead = at(0);
    *subpart = 1;
    if (lead < 0x80)
        return 1;
    std::size_t length;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            low = 0xA0;
        if (lead == 0xED)
            high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            low = 0x90;
        if (lead == 0xF4)
            high = 0x8F;
    } else {
        return 0;
    }
    for (std::size_t i = 1; i < length; ++i) {
        if (pos + i >= bytes.size())
            return 0;
        unsigned char c = at(i);
        bool in_range = (i == 1) ? (c >= low && c <= high) : is_continuation(c);
        if (!in_range)
            return 0;
        *subpart = i + 1;
    }
    return length;
}

// Length of an incomplete but so far valid UTF-8 sequence at the end of
// bytes (1 to 3), or 0 when the text does not end inside a sequence.
std::size_t incomplete_tail_length(std::string_view bytes)
{
    for (std::size_t length = 1; length <= 3 && length <= bytes.size(); ++length) {
        std::size_t start = bytes.size() - length;
        auto lead = static_cast<unsigned char>(bytes[start]);
        if (is_continuation(lead))
            continue;
        std::size_t subpart = 0;
        if (utf8_sequence_length(bytes, start, &subpart) == 0 && subpart == length && lead >= 0xC2)
            return length;
        return 0;
    }
    return 0;
}

}  // namespace

std::string repair_utf8(std::string_view bytes, std::size_t *replaced)
{
    std::string out;
    out.reserve(bytes.size());
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        std::size_t subpart = 1;
        std::size_t length = utf8_sequence_length(bytes, pos, &subpart);
        if (length == 0) {
            out += kReplacement;
            if (replaced != nullptr)
                ++*replaced;
            pos += subpart;
        } else {
            out.append(bytes.substr(pos, length));
            pos += length;
        }
    }
    return out;
}

std::string iconv_charset_name(std::string_view label)
{
    if (label.size() > kMaxLabelLength)
        return {};
    std::string normalized = normalize_label(label);
    std::string_view key = normalized;
    for (std::string_view unknown : kUnknownLabels) {
        if (key == unknown)
            return {};
    }
    // "x-sjis" and "sjis", "x-gbk" and "gbk" name the same charset.
    for (int pass = 0; pass < 2; ++pass) {
        for (const Alias &alias : kAliases) {
            if (key == alias.label)
                return std::string(alias.iconv_name);
        }
        if (key.substr(0, 2) != "x-")
            break;
        key.remove_prefix(2);
    }
    std::string code_page = code_page_name(std::string(key));
    if (!code_page.empty() && iconv_knows(code_page))
        return code_page;
    if (!normalized.empty() && iconv_knows(normalized))
        return normalized;
    return {};
}

CharsetDecoder::CharsetDecoder(std::string_view label)
{
    std::string name = iconv_charset_name(label);
    charset_known_ = !name.empty();
    if (name.empty() || name == kUtf8) {
        route_ = Route::utf8;
    } else if (name == kUsAscii) {
        route_ = Route::ascii;
    } else if (!open_iconv(name)) {
        route_ = Route::utf8;
        charset_known_ = false;
    }
}

CharsetDecoder::~CharsetDecoder()
{
    if (route_ == Route::iconv)
        iconv_close(static_cast<iconv_t>(descriptor_));
}

bool CharsetDecoder::open_iconv(const std::string &name)
{
    iconv_t descriptor = iconv_open("UTF-8", name.c_str());
    if (descriptor == reinterpret_cast<iconv_t>(-1))
        return false;
    descriptor_ = descriptor;
    route_ = Route::iconv;
    c1_fallback_ = name == "WINDOWS-1252";
    return true;
}

void CharsetDecoder::feed(std::string_view bytes, std::string &out)
{
    carry_.append(bytes);
    if (route_ == Route::iconv) {
        convert_with_iconv(out, false);
        return;
    }
    std::string pending = std::move(carry_);
    carry_.clear();
    std::size_t tail = incomplete_tail_length(pending);
    carry_.assign(pending, pending.size() - tail, tail);
    pending.resize(pending.size() - tail);
    decode_utf8(pending, out);
}

void CharsetDecoder::finish(std::string &out)
{
    if (route_ != Route::iconv) {
        std::string pending = std::move(carry_);
        carry_.clear();
        decode_utf8(pending, out);
    }
    if (route_ != Route::iconv)
        return;
    convert_with_iconv(out, true);
    // Ends a stateful encoding such as ISO-2022-JP and resets it.
    char buffer[64];
    char *output = buffer;
    std::size_t output_left = sizeof buffer;
    iconv(static_cast<iconv_t>(descriptor_), nullptr, nullptr, &output, &output_left);
    out.append(buffer, static_cast<std::size_t>(output - buffer));
    if (switched_from_ascii_) {
        iconv_close(static_cast<iconv_t>(descriptor_));
        descriptor_ = nullptr;
        route_ = Route::ascii;
        c1_fallback_ = false;
        switched_from_ascii_ = false;
    }
}

// Copies valid UTF-8 and replaces invalid sequences. On the us-ascii route
// the first invalid sequence switches the rest of the text to windows-1252.
void CharsetDecoder::decode_utf8(std::string_view bytes, std::string &out)
{
    std::size_t position = 0;
    while (position < bytes.size()) {
        std::size_t subpart = 1;
        std::size_t length = utf8_sequence_length(bytes, position, &subpart);
        if (length > 0) {
            out.append(bytes.substr(position, length));
            position += length;
            continue;
        }
        if (route_ == Route::ascii && open_iconv("WINDOWS-1252")) {
            // carry_ may hold an incomplete sequence that follows bytes.
            carry_.insert(0, bytes.substr(position));
            switched_from_ascii_ = true;
            convert_with_iconv(out, false);
            return;
        }
        out += kReplacement;
        ++replaced_;
        position += subpart;
    }
}

// Converts carry_ with iconv. An invalid sequence becomes U+FFFD and
// decoding resumes one byte later, except that with c1_fallback_ an
// unmapped byte 0x80..0x9F becomes the C1 control of the same number, as
// the WHATWG windows-1252 decoder does. An incomplete sequence at the end
// stays in carry_ for the next feed(), unless final is set.
void CharsetDecoder::convert_with_iconv(std::string &out, bool final)
{
    auto descriptor = static_cast<iconv_t>(descriptor_);
    char buffer[4096];
    char *input = carry_.data();
    std::size_t input_left = carry_.size();
    std::string converted;
    while (input_left > 0) {
        char *output = buffer;
        std::size_t output_left = sizeof buffer;
        std::size_t status = iconv(descriptor, &input, &input_left, &output, &output_left);
        converted.append(buffer, static_cast<std::size_t>(output - buffer));
        if (status != static_cast<std::size_t>(-1))
            break;
        if (errno == E2BIG)
            continue;
        if (errno == EINVAL && !final && input_left <= kMaxIncompleteSequence)
            break;  // wait for the rest of the sequence
        auto byte = static_cast<unsigned char>(*input);
        if (c1_fallback_ && byte >= 0x80 && byte <= 0x9F) {
            converted.push_back(static_cast<char>(0xC2));
            converted.push_back(static_cast<char>(byte));
        } else {
            converted += kReplacement;
            ++replaced_;
        }
        ++input;
        --input_left;
    }
    carry_.erase(0, carry_.size() - input_left);
    // iconv writes UTF-8 for every charset glibc supports, but a charset such
    // as UTF-7 can encode surrogates, so the output is checked once more.
    out += repair_utf8(converted, &replaced_);
}

CharsetConversion convert_to_utf8(std::string_view label, std::string_view bytes)
{
    CharsetDecoder decoder(label);
    CharsetConversion result;
    decoder.feed(bytes, result.text);
    decoder.finish(result.text);
    result.replaced = decoder.replaced();
    result.charset_known = decoder.charset_known();
    return result;
}

}  // namespace mailbridge::mimeparse

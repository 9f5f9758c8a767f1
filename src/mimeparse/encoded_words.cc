#include "mimeparse/encoded_words.h"

#include <optional>
#include <vector>

#include "mimeparse/charset.h"
#include "mimeparse/transfer_decoding.h"

namespace mailbridge::mimeparse {
namespace {

// RFC 2047 section 2 limits an encoded word to 75 characters, but long
// words are common in real mail, so only the charset name is bounded.
constexpr std::size_t kMaxCharsetLength = 75;

struct EncodedWord {
    std::string_view charset;  // as written, with any "*language" suffix
    std::string bytes;         // decoded, still in charset
    std::size_t end = 0;       // offset just past the closing "?="
};

bool is_word_char(unsigned char c)
{
    return c > 0x20 && c < 0x7F;
}

int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

// RFC 2047 section 4.2: "_" is a space and "=XX" a byte. An "=" that starts
// no valid pair is kept as it is.
std::string decode_q(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '_') {
            out.push_back(' ');
        } else if (c == '=' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2])));
            i += 2;
        } else {
            out.push_back(c);
        }
    }
    return out;
}

// Finds "?=" at or after a position. Positions only grow during one
// decode, so the last result is reused while it is still ahead. That keeps
// the search linear for text with many "=?" and no "?=".
class TerminatorFinder {
public:
    explicit TerminatorFinder(std::string_view value) : value_(value) {}

    std::size_t find(std::size_t from)
    {
        if (searched_ && from >= searched_from_ && (found_ == std::string_view::npos || found_ >= from))
            return found_;
        searched_ = true;
        searched_from_ = from;
        found_ = value_.find("?=", from);
        return found_;
    }

private:
    std::string_view value_;
    bool searched_ = false;
    std::size_t searched_from_ = 0;
    std::size_t found_ = std::string_view::npos;
};

// Parses the encoded word that starts at value[start] ("=?"), or returns
// nullopt when the text there is not a whole encoded word.
std::optional<EncodedWord> parse_encoded_word(std::string_view value, std::size_t start, TerminatorFinder &terminator)
{
    std::size_t charset_start = start + 2;
    std::string_view charset_area = value.substr(charset_start, kMaxCharsetLength + 1);
    std::size_t question = charset_area.find('?');
    if (question == std::string_view::npos || question == 0)
        return std::nullopt;
    question += charset_start;
    for (std::size_t i = charset_start; i < question; ++i) {
        if (!is_word_char(static_cast<unsigned char>(value[i])))
            return std::nullopt;
    }
    if (question + 2 >= value.size() || value[question + 2] != '?')
        return std::nullopt;
    char encoding = value[question + 1];
    bool base64 = encoding == 'B' || encoding == 'b';
    if (!base64 && encoding != 'Q' && encoding != 'q')
        return std::nullopt;

    std::size_t text_start = question + 3;
    std::size_t text_end = terminator.find(text_start);
    if (text_end == std::string_view::npos)
        return std::nullopt;
    std::string_view text = value.substr(text_start, text_end - text_start);
    for (char c : text) {
        if (!is_word_char(static_cast<unsigned char>(c)))
            return std::nullopt;
    }

    EncodedWord word;
    word.charset = value.substr(charset_start, question - charset_start);
    word.bytes = base64 ? decode_base64_body(text) : decode_q(text);
    word.end = text_end + 2;
    return word;
}

bool is_linear_whitespace(std::string_view text)
{
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Converts text outside encoded words.
std::string convert_raw(std::string_view text, std::string_view raw_charset)
{
    std::size_t replaced = 0;
    std::string repaired = repair_utf8(text, &replaced);
    if (replaced == 0 || raw_charset.empty())
        return repaired;
    return convert_to_utf8(raw_charset, text).text;
}

}  // namespace

std::string decode_encoded_words(std::string_view value, std::string_view raw_charset)
{
    std::string out;
    // Bytes of the preceding encoded words in one charset, not yet converted.
    std::string pending_bytes;
    std::string pending_charset;  // normalized with iconv_charset_name(), "" for unknown
    bool have_pending = false;

    auto flush_pending = [&]() {
        if (have_pending)
            out += convert_to_utf8(pending_charset, pending_bytes).text;
        pending_bytes.clear();
        have_pending = false;
    };

    TerminatorFinder terminator(value);
    std::size_t raw_start = 0;  // start of text not yet copied
    std::size_t pos = 0;
    while ((pos = value.find("=?", pos)) != std::string_view::npos) {
        std::optional<EncodedWord> word = parse_encoded_word(value, pos, terminator);
        if (!word) {
            ++pos;
            continue;
        }
        std::string_view between = value.substr(raw_start, pos - raw_start);
        std::string charset = iconv_charset_name(word->charset);
        if (have_pending && is_linear_whitespace(between)) {
            // RFC 2047 section 6.2: whitespace between encoded words is dropped.
            if (charset != pending_charset)
                flush_pending();
        } else {
            flush_pending();
            out += convert_raw(between, raw_charset);
        }
        if (!have_pending) {
            pending_charset = charset;
            have_pending = true;
        }
        pending_bytes += word->bytes;
        pos = raw_start = word->end;
    }
    flush_pending();
    out += convert_raw(value.substr(raw_start), raw_charset);
    return out;
}

}  // namespace mailbridge::mimeparse

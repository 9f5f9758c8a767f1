#include "mime/encoding.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "mime/address.h"

namespace mailbridge::mime {
namespace {

// RFC 5322 section 2.1.1: a line SHOULD have at most 78 characters and MUST
// have at most 998, both without the CRLF. Folding aims at 76, so that a
// line has at most 78 octets even with its CRLF.
constexpr std::size_t kFoldLength = 76;
constexpr std::size_t kMaxLineLength = 998;
// RFC 2045 sections 6.7 and 6.8: encoded lines have at most 76 characters.
constexpr std::size_t kEncodedLineLength = 76;
// 57 input bytes are exactly 76 base64 characters.
constexpr std::size_t kBase64LineInput = 57;
// RFC 2047 section 2: an encoded word has at most 75 characters.
constexpr std::size_t kMaxEncodedWordLength = 75;
constexpr std::size_t kMinEncodedWordLength = 20;  // room for one 4-byte character in "=?UTF-8?B?...?="
// Base64 characters that one character takes at least: 8 encode the 6
// bytes that a 4-byte UTF-8 sequence needs, 16 encode the 12 bytes that
// fit the longest ISO-2022 form (escape, 2 bytes, escape back to ASCII).
constexpr std::size_t kMinUtf8WordPayload = 8;
constexpr std::size_t kMinWordPayload = 16;
// Display names are encoded before the field is laid out, so their words
// must fit after the longest address field name, "Reply-To: ".
constexpr std::size_t kDisplayNameWordLength = kFoldLength - 10;
constexpr std::string_view kWordSuffix = "?=";

constexpr char kHexDigits[] = "0123456789ABCDEF";

bool is_wsp(char c)
{
    return c == ' ' || c == '\t';
}

std::string base64(std::string_view data)
{
    // EVP_EncodeBlock writes a terminating NUL after the output.
    std::string out(4 * ((data.size() + 2) / 3) + 1, '\0');
    int length = EVP_EncodeBlock(reinterpret_cast<unsigned char *>(out.data()),
                                 reinterpret_cast<const unsigned char *>(data.data()),
                                 static_cast<int>(data.size()));
    out.resize(static_cast<std::size_t>(length));
    return out;
}

// Two base64 characters for each 12-bit value, so that one lookup encodes
// half of a 3-byte group.
struct Base64PairTable {
    char pairs[4096][2];

    constexpr Base64PairTable() : pairs()
    {
        constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (unsigned value = 0; value < 4096; ++value) {
            pairs[value][0] = alphabet[value >> 6];
            pairs[value][1] = alphabet[value & 63];
        }
    }
};

constexpr Base64PairTable kBase64Pairs;

// Write the base64 of size bytes (RFC 4648, '=' padding, no line breaks) at
// out, which must have room for 4 * ceil(size / 3) characters. Returns the
// end of the output.
char *write_base64(const unsigned char *data, std::size_t size, char *out)
{
    const unsigned char *groups_end = data + (size - size % 3);
    for (; data != groups_end; data += 3, out += 4) {
        unsigned group = (unsigned{data[0]} << 16) | (unsigned{data[1]} << 8) | data[2];
        std::memcpy(out, kBase64Pairs.pairs[group >> 12], 2);
        std::memcpy(out + 2, kBase64Pairs.pairs[group & 0xfff], 2);
    }
    if (size % 3 == 0)
        return out;

    // One or two bytes left: zero bits fill the last character, '=' the group.
    unsigned group = unsigned{data[0]} << 16;
    if (size % 3 == 2)
        group |= unsigned{data[1]} << 8;
    std::memcpy(out, kBase64Pairs.pairs[group >> 12], 2);
    std::memcpy(out + 2, kBase64Pairs.pairs[group & 0xfff], 2);
    out[3] = '=';
    if (size % 3 == 1)
        out[2] = '=';
    return out + 4;
}

std::size_t base64_lines_length(std::size_t size)
{
    std::size_t lines = (size + kBase64LineInput - 1) / kBase64LineInput;
    return (size + 2) / 3 * 4 + 2 * lines;
}

// RFC 2045 section 6.7 rules (1) and (2): printable ASCII other than '=',
// and space and tab, may appear as they are. Rule (3) adds that a space or
// tab at the end of a line is escaped, because transports may strip it.
struct QuotedPrintableLiteralTable {
    bool literal[256];

    constexpr QuotedPrintableLiteralTable() : literal()
    {
        for (unsigned c = 33; c <= 126; ++c)
            literal[c] = c != '=';
        literal[static_cast<unsigned char>(' ')] = true;
        literal[static_cast<unsigned char>('\t')] = true;
    }
};

constexpr QuotedPrintableLiteralTable kQuotedPrintable;

// Append line (without its line end) to escaped with the bytes that rules
// (1) to (3) do not allow written as "=XX". Literal runs are appended whole.
void append_escaped_quoted_printable_line(std::string_view line, std::string &escaped)
{
    std::size_t pos = 0;
    while (pos < line.size()) {
        std::size_t run_end = pos;
        while (run_end < line.size() && kQuotedPrintable.literal[static_cast<unsigned char>(line[run_end])])
            ++run_end;
        if (run_end == line.size() && is_wsp(line.back()))
            --run_end;  // the white space that ends the line is escaped below
        escaped.append(line, pos, run_end - pos);
        if (run_end == line.size())
            return;

        auto c = static_cast<unsigned char>(line[run_end]);
        char triplet[3] = {'=', kHexDigits[c >> 4], kHexDigits[c & 0x0f]};
        escaped.append(triplet, 3);
        pos = run_end + 1;
    }
}

// RFC 2045 section 6.7 rule (5): soft line breaks ("=" at the end) keep
// lines at 76 characters. An escape triplet is never split because a
// literal '=' cannot occur in escaped text.
void append_wrapped_quoted_printable(std::string_view escaped, std::string &out)
{
    std::size_t pos = 0;
    while (escaped.size() - pos > kEncodedLineLength) {
        std::size_t cut = pos + kEncodedLineLength - 1;
        if (escaped[cut - 1] == '=')
            cut -= 1;
        else if (escaped[cut - 2] == '=')
            cut -= 2;
        out.append(escaped.substr(pos, cut - pos));
        out += "=\r\n";
        pos = cut;
    }
    out.append(escaped.substr(pos));
}

// Position of the first CR or LF in text at or after pos, or text.size().
std::size_t find_line_end(std::string_view text, std::size_t pos)
{
    // memchr is vectorized in glibc; most text has LF ends, so look for LF
    // first and then for a CR before it.
    const char *begin = text.data() + pos;
    std::size_t length = text.size() - pos;
    const void *lf = std::memchr(begin, '\n', length);
    std::size_t limit = lf ? static_cast<std::size_t>(static_cast<const char *>(lf) - begin) : length;
    const void *cr = std::memchr(begin, '\r', limit);
    if (cr != nullptr)
        return pos + static_cast<std::size_t>(static_cast<const char *>(cr) - begin);
    return pos + limit;
}

// True when none of the bytes has the high bit set; eight at a time.
bool all_ascii(const char *data, std::size_t length)
{
    std::size_t i = 0;
    for (; i + 8 <= length; i += 8) {
        std::uint64_t word;
        std::memcpy(&word, data + i, 8);
        if (word & 0x8080808080808080ULL)
            return false;
    }
    for (; i < length; ++i) {
        if (static_cast<unsigned char>(data[i]) >= 0x80)
            return false;
    }
    return true;
}

// Bytes of charset text that fit in one encoded word of max_length
// characters that starts with prefix.
std::size_t encoded_word_capacity(std::size_t max_length, std::string_view prefix)
{
    std::size_t base64_length = max_length - prefix.size() - kWordSuffix.size();
    return base64_length / 4 * 3;
}

// Text that can go into a header as it is (RFC 5322 unstructured): printable
// ASCII or tab, no "=?" that a reader would decode, and no word that could
// not fit on a folded line.
bool is_plain_header_text(std::string_view text)
{
    std::size_t word_length = 0;
    for (char c : text) {
        auto byte = static_cast<unsigned char>(c);
        if (is_wsp(c)) {
            word_length = 0;
            continue;
        }
        if (byte < 0x20 || byte > 0x7e)
            return false;
        if (++word_length > kFoldLength - 1)
            return false;
    }
    return text.find("=?") == std::string_view::npos;
}

// RFC 5322 section 3.2.3 atext, ASCII only. Not std::isalnum, which
// follows the C locale that PHP scripts may change.
bool is_atext(char c)
{
    bool alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return alphanumeric || std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

// RFC 5322 section 3.2.5: one or more atoms separated by single spaces,
// and no "=?" that a reader would decode as an RFC 2047 encoded word.
bool is_atom_phrase(std::string_view text)
{
    if (text.empty() || text.front() == ' ' || text.back() == ' ' || text.find("  ") != std::string_view::npos)
        return false;
    if (text.find("=?") != std::string_view::npos)
        return false;
    return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || is_atext(c); });
}

std::string quote_string(std::string_view text)
{
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '"';
    return out;
}

// Pieces of text that each start at a run of white space, the places where
// RFC 5322 section 2.2.3 allows a fold. Trailing white space stays with the
// last piece, because a folded line must not be white space only.
std::vector<std::string_view> split_at_folding_points(std::string_view text)
{
    std::vector<std::string_view> pieces;
    std::size_t start = 0;
    for (std::size_t i = 1; i < text.size(); ++i) {
        if (!is_wsp(text[i]) || is_wsp(text[i - 1]))
            continue;
        std::size_t next_word = i;
        while (next_word < text.size() && is_wsp(text[next_word]))
            ++next_word;
        if (next_word == text.size())
            break;
        pieces.push_back(text.substr(start, i - start));
        start = i;
    }
    pieces.push_back(text.substr(start));
    return pieces;
}

// One header field being written, folded before white space.
class FieldWriter {
public:
    explicit FieldWriter(std::string_view name) : name_(name), text_(name)
    {
        text_ += ':';
        line_length_ = text_.size();
        longest_line_ = line_length_;
    }

    bool fits(std::size_t length) const { return line_length_ + length <= kFoldLength; }

    // Append piece, which starts with white space, on a new line when it
    // does not fit on the current one. The first piece stays after the
    // field name unless may_move_first is set.
    void append(std::string_view piece, bool may_move_first = false)
    {
        if ((line_has_value_ || may_move_first) && !fits(piece.size())) {
            text_ += "\r\n";
            line_length_ = 0;
        }
        text_.append(piece);
        line_length_ += piece.size();
        line_has_value_ = true;
        longest_line_ = std::max(longest_line_, line_length_);
    }

    std::string finish()
    {
        if (longest_line_ > kMaxLineLength)
            throw InvalidInput("header " + quote_for_error(name_) + " has a word too long to fold into lines of " +
                               std::to_string(kMaxLineLength) + " octets; shorten the value");
        text_ += "\r\n";
        return std::move(text_);
    }

private:
    std::string name_;
    std::string text_;
    std::size_t line_length_ = 0;
    std::size_t longest_line_ = 0;
    bool line_has_value_ = false;
};

}  // namespace

std::string encode_quoted_printable(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + text.size() / 8 + 16);
    // Lines of 76 characters or less, the common case, are escaped straight
    // into out. Longer ones go through escaped, reused for every line.
    std::string escaped;
    std::size_t start = 0;
    while (true) {
        std::size_t end = find_line_end(text, start);
        std::size_t line_start = out.size();
        append_escaped_quoted_printable_line(text.substr(start, end - start), out);
        if (out.size() - line_start > kEncodedLineLength) {
            escaped.assign(out, line_start, std::string::npos);
            out.resize(line_start);
            append_wrapped_quoted_printable(escaped, out);
        }
        if (end == text.size())
            return out;
        out += "\r\n";
        bool crlf = text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n';
        start = end + (crlf ? 2 : 1);
    }
}

std::string encode_base64_lines(std::string_view data)
{
    std::string out;
    append_base64_lines(data, out);
    return out;
}

void append_base64_lines(std::string_view data, std::string &out)
{
    std::size_t old_size = out.size();
    out.resize(old_size + base64_lines_length(data.size()));
    char *write = out.data() + old_size;
    const auto *bytes = reinterpret_cast<const unsigned char *>(data.data());
    for (std::size_t pos = 0; pos < data.size(); pos += kBase64LineInput) {
        write = write_base64(bytes + pos, std::min(kBase64LineInput, data.size() - pos), write);
        *write++ = '\r';
        *write++ = '\n';
    }
}

namespace {

// The hash of 64 evenly spaced 8-byte samples (all bytes when there are
// fewer), mixed with the size. It only narrows the candidates: a hit is
// always confirmed by comparing all bytes.
std::uint64_t sampled_hash(std::string_view data)
{
    constexpr std::size_t kSamples = 64;
    constexpr std::size_t kSampleSize = 8;
    auto mix = [](std::uint64_t hash, std::uint64_t value) {
        hash ^= value + 0x9e3779b97f4a7c15ULL + (hash << 6) + (hash >> 2);
        return hash * 0xff51afd7ed558ccdULL;
    };

    std::uint64_t hash = mix(0, data.size());
    if (data.size() < kSamples * kSampleSize) {
        for (char c : data)
            hash = mix(hash, static_cast<unsigned char>(c));
        return hash;
    }
    std::size_t step = (data.size() - kSampleSize) / (kSamples - 1);
    for (std::size_t i = 0; i < kSamples; ++i) {
        std::uint64_t sample = 0;
        std::memcpy(&sample, data.data() + i * step, kSampleSize);
        hash = mix(hash, sample);
    }
    return hash;
}

}  // namespace

Base64LinesCache::Base64LinesCache(std::size_t max_entries, std::size_t max_bytes)
    : max_entries_(max_entries), max_bytes_(max_bytes)
{
}

Base64LinesCache &Base64LinesCache::process_cache()
{
    // Enough for the attachments of a few campaigns running at once. The
    // bound counts raw plus encoded bytes, so it holds about 27 MiB of files.
    static Base64LinesCache cache(8, std::size_t{64} << 20);
    return cache;
}

std::shared_ptr<const std::string> Base64LinesCache::lines(const std::shared_ptr<const std::string> &data)
{
    if (data->size() < kMinDataSize)
        return std::make_shared<const std::string>(encode_base64_lines(*data));

    std::uint64_t hash = sampled_hash(*data);
    if (std::shared_ptr<const std::string> cached = find(*data, hash))
        return cached;

    auto encoded = std::make_shared<const std::string>(encode_base64_lines(*data));
    insert(Entry{hash, data, encoded, 0});
    return encoded;
}

std::shared_ptr<const std::string> Base64LinesCache::find(const std::string &data, std::uint64_t hash)
{
    std::lock_guard<std::mutex> lock(mutex_);
    for (Entry &entry : entries_) {
        if (entry.hash != hash || entry.data->size() != data.size())
            continue;
        if (entry.data.get() != &data && std::memcmp(entry.data->data(), data.data(), data.size()) != 0)
            continue;
        entry.last_use = ++use_counter_;
        return entry.lines;
    }
    return nullptr;
}

void Base64LinesCache::insert(Entry entry)
{
    std::size_t entry_bytes = entry.data->size() + entry.lines->size();
    if (max_entries_ == 0 || entry_bytes > max_bytes_)
        return;

    std::lock_guard<std::mutex> lock(mutex_);
    // Another thread may have cached the same bytes since find().
    for (const Entry &cached : entries_) {
        if (cached.hash == entry.hash && *cached.data == *entry.data)
            return;
    }
    while (entries_.size() >= max_entries_ || cached_bytes_ + entry_bytes > max_bytes_) {
        auto oldest = std::min_element(entries_.begin(), entries_.end(), [](const Entry &a, const Entry &b) {
            return a.last_use < b.last_use;
        });
        cached_bytes_ -= oldest->data->size() + oldest->lines->size();
        entries_.erase(oldest);
    }
    entry.last_use = ++use_counter_;
    cached_bytes_ += entry_bytes;
    entries_.push_back(std::move(entry));
}

std::size_t Base64LinesCache::entry_count() const
{
    std::lock_guard<std::mutex> lock(mutex_);
    return entries_.size();
}

std::size_t Base64LinesCache::cached_bytes() const
{
    std::lock_guard<std::mutex> lock(mutex_);
    return cached_bytes_;
}

bool is_seven_bit_safe(std::string_view text)
{
    if (!all_ascii(text.data(), text.size()) || std::memchr(text.data(), '\0', text.size()) != nullptr)
        return false;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = find_line_end(text, start);
        if (end - start > kMaxLineLength)
            return false;
        start = end + 1;
    }
    return true;
}

std::string normalize_line_ends(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 2);
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = find_line_end(text, start);
        out.append(text, start, end - start);
        if (end == text.size())
            break;
        out += "\r\n";
        bool crlf = text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n';
        start = end + (crlf ? 2 : 1);
    }
    return out;
}

// Well-formed sequences as in table 3-7 of the Unicode Standard (chapter 3.9).
std::size_t utf8_sequence_length(std::string_view text, std::size_t pos)
{
    auto byte_at = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    unsigned lead = byte_at(pos);
    if (lead < 0x80)
        return 1;

    std::size_t length = 0;
    unsigned second_min = 0x80, second_max = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        if (lead == 0xe0)
            second_min = 0xa0;  // overlong below U+0800
        if (lead == 0xed)
            second_max = 0x9f;  // UTF-16 surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        if (lead == 0xf0)
            second_min = 0x90;  // overlong below U+10000
        if (lead == 0xf4)
            second_max = 0x8f;  // above U+10FFFF
    } else {
        return 0;
    }

    if (pos + length > text.size())
        return 0;
    unsigned second = byte_at(pos + 1);
    if (second < second_min || second > second_max)
        return 0;
    for (std::size_t i = 2; i < length; ++i) {
        if ((byte_at(pos + i) & 0xc0) != 0x80)
            return 0;
    }
    return length;
}

bool is_valid_utf8(std::string_view text)
{
    std::size_t pos = 0;
    while (pos < text.size()) {
        // Skip ASCII eight bytes at a time; only other bytes need decoding.
        if (pos + 8 <= text.size() && all_ascii(text.data() + pos, 8)) {
            pos += 8;
            continue;
        }
        std::size_t length = utf8_sequence_length(text, pos);
        if (length == 0)
            return false;
        pos += length;
    }
    return true;
}

std::string encode_words(std::string_view text, std::size_t first_max_length, std::size_t max_length,
                         const Charset &charset)
{
    const std::string prefix = "=?" + charset.name() + "?B?";
    std::size_t min_length = prefix.size() + kWordSuffix.size() +
                             (charset.is_utf8() ? kMinUtf8WordPayload : kMinWordPayload);
    std::string out;
    std::size_t word_limit = std::max(first_max_length, min_length);
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t capacity = encoded_word_capacity(word_limit, prefix);
        std::size_t end = pos;
        std::string word;
        while (end < text.size()) {
            // Callers validate UTF-8 first. An invalid byte still counts as
            // one character, so the loop always advances.
            std::size_t length = std::max<std::size_t>(utf8_sequence_length(text, end), 1);
            // Another charset is converted word by word, so that a stateful
            // one such as ISO-2022-JP returns to ASCII at the end of each.
            std::string candidate = charset.from_utf8(text.substr(pos, end + length - pos), "header text");
            if (end > pos && candidate.size() > capacity)
                break;
            word = std::move(candidate);
            end += length;
        }

        if (!out.empty())
            out += ' ';
        out += prefix;
        out += base64(word);
        out += kWordSuffix;
        pos = end;
        word_limit = std::max(max_length, min_length);
    }
    return out;
}

std::string encode_unstructured(std::string_view text)
{
    if (is_plain_header_text(text))
        return std::string(text);
    return encode_words(text, kMaxEncodedWordLength, kMaxEncodedWordLength);
}

std::string encode_display_name(std::string_view name, const Charset &charset)
{
    if (name.empty() || is_atom_phrase(name))
        return std::string(name);
    // Quotes and backslashes lengthen words, which must still fit a line.
    std::string quoted = quote_string(name);
    if (is_plain_header_text(name) && is_plain_header_text(quoted))
        return quoted;
    return encode_words(name, kDisplayNameWordLength, kDisplayNameWordLength, charset);
}

std::string fold_header(std::string_view name, std::string_view value)
{
    check_header(name, value);
    FieldWriter writer(name);
    if (value.empty())
        return writer.finish();

    std::string spaced = is_wsp(value.front()) ? std::string(value) : " " + std::string(value);
    for (std::string_view piece : split_at_folding_points(spaced))
        writer.append(piece);
    return writer.finish();
}

std::string fold_unstructured(std::string_view name, std::string_view text, const Charset &charset)
{
    if (is_plain_header_text(text))
        return fold_header(name, text);

    // The first word shares its line with "Name: ". When the name leaves
    // less room than one character needs, that line runs long.
    std::size_t prefix_length = name.size() + 2;
    std::size_t first_max_length = kMaxEncodedWordLength;
    if (prefix_length + kMinEncodedWordLength <= kFoldLength)
        first_max_length = std::min(kMaxEncodedWordLength, kFoldLength - prefix_length);
    return fold_header(name, encode_words(text, first_max_length, kMaxEncodedWordLength, charset));
}

std::string fold_list_header(std::string_view name, const std::vector<std::string> &items, char separator)
{
    FieldWriter writer(name);
    for (std::size_t i = 0; i < items.size(); ++i) {
        check_header(name, items[i]);
        std::string unit = " " + items[i];
        if (i + 1 < items.size())
            unit += separator;

        // An item that fits a line alone is never split. It may go on a
        // line of its own right after the field name (RFC 5322 FWS).
        if (writer.fits(unit.size()) || unit.size() <= kFoldLength) {
            writer.append(unit, true);
            continue;
        }
        for (std::string_view piece : split_at_folding_points(unit))
            writer.append(piece);
    }
    return writer.finish();
}

}  // namespace mailbridge::mime

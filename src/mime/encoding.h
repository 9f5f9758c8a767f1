// Content and header encodings: quoted-printable (RFC 2045 section 6.7),
// base64 bodies wrapped at 76 characters (RFC 2045 section 6.8), RFC 2047
// encoded words and header folding (RFC 5322 section 2.2.3).
#ifndef MAILBRIDGE_MIME_ENCODING_H
#define MAILBRIDGE_MIME_ENCODING_H

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "mime/charset.h"

namespace mailbridge::mime {

// Quoted-printable with CRLF line ends, lines at most 76 characters. Input
// line ends (CRLF, LF or CR) become hard CRLF breaks.
std::string encode_quoted_printable(std::string_view text);
// Base64 in lines of 76 characters, each ended by CRLF.
std::string encode_base64_lines(std::string_view data);
// Append encode_base64_lines(data) to out, encoding in place after one resize.
void append_base64_lines(std::string_view data, std::string &out);

// A process-wide cache of base64 lines (as encode_base64_lines returns
// them) of in-memory attachments. A campaign attaches the same file to every
// message, so each message after the first reuses the encoded lines instead
// of encoding 100 KB or more again.
//
// Entries are keyed by the size and a hash of sampled bytes, and a hit is
// confirmed by comparing all bytes with the cached raw bytes. Those are the
// bytes of the attachment that created the entry, shared and not copied, so
// an entry keeps them alive until it is evicted. Data shorter than
// kMinDataSize is never cached, because encoding it costs less than the
// lookup. Data whose raw and encoded bytes together exceed max_bytes is
// encoded and returned without being cached. The least recently used
// entries are evicted to keep at most max_entries entries and max_bytes
// raw plus encoded bytes. All members lock one mutex, so threads of a ZTS
// PHP build can share the cache. The mutex is held during the full
// comparison on a hit, but never while encoding.
class Base64LinesCache {
public:
    static constexpr std::size_t kMinDataSize = 4096;

    Base64LinesCache(std::size_t max_entries, std::size_t max_bytes);
    Base64LinesCache(const Base64LinesCache &) = delete;
    Base64LinesCache &operator=(const Base64LinesCache &) = delete;

    // The cache that Message uses: 8 entries, 64 MiB.
    static Base64LinesCache &process_cache();

    // encode_base64_lines(*data), from the cache when the same bytes were
    // encoded before. data must not be null.
    std::shared_ptr<const std::string> lines(const std::shared_ptr<const std::string> &data);

    std::size_t entry_count() const;
    // Raw plus encoded bytes of all entries.
    std::size_t cached_bytes() const;

private:
    struct Entry {
        std::uint64_t hash = 0;
        std::shared_ptr<const std::string> data;
        std::shared_ptr<const std::string> lines;
        std::uint64_t last_use = 0;
    };

    std::shared_ptr<const std::string> find(const std::string &data, std::uint64_t hash);
    void insert(Entry entry);

    const std::size_t max_entries_;
    const std::size_t max_bytes_;
    mutable std::mutex mutex_;
    std::vector<Entry> entries_;
    std::size_t cached_bytes_ = 0;
    std::uint64_t use_counter_ = 0;
};

// True when text is 7-bit, has no NUL and no line longer than 998 octets.
bool is_seven_bit_safe(std::string_view text);
// Text with every CRLF, bare LF and bare CR replaced by CRLF.
std::string normalize_line_ends(std::string_view text);

// Length of the well-formed UTF-8 sequence that starts at text[pos], or 0
// when the bytes there are not one (overlong forms, surrogates and code
// points above U+10FFFF are not). pos must be less than text.size().
std::size_t utf8_sequence_length(std::string_view text, std::size_t pos);
bool is_valid_utf8(std::string_view text);

// Unstructured header text: returned as is when it is printable ASCII,
// otherwise as RFC 2047 "=?UTF-8?B?...?=" words that never split a UTF-8
// sequence, separated by folding white space. ASCII text is encoded too when
// it contains "=?", which a reader would decode as an encoded word, or a
// word longer than 75 characters, which no fold could fit on a line.
std::string encode_unstructured(std::string_view text);
// Encode all of text (UTF-8) as RFC 2047 "=?CHARSET?B?...?=" words in
// charset, joined by single spaces: the first at most first_max_length
// characters, the others at most max_length. Both are raised when lower
// than one character needs (20 for UTF-8). A character is never split
// across words. Throws InvalidInput when charset lacks a character.
std::string encode_words(std::string_view text, std::size_t first_max_length, std::size_t max_length,
                         const Charset &charset = Charset());
// A display name: an atom list as is, a quoted string when it has specials,
// encoded words in charset when it has non-ASCII text.
std::string encode_display_name(std::string_view name, const Charset &charset = Charset());

// Produce "Name: value\r\n" folded at white space so that lines stay under
// 78 characters where possible and never exceed 998. Throws InvalidInput
// when the value has CR, LF or NUL, or a word too long for 998 octets.
std::string fold_header(std::string_view name, std::string_view value);
// Same for unstructured text (Subject), encoded as by encode_unstructured
// but in charset and with the first encoded word sized to fit after "Name: ".
std::string fold_unstructured(std::string_view name, std::string_view text, const Charset &charset = Charset());
// Produce "Name: item1, item2\r\n" (separator ',') or "Name: a; b=c\r\n"
// (separator ';'), folded between items, also between the name and the
// first item, and inside an item at white space only when the item does not
// fit a line alone. Throws as fold_header.
std::string fold_list_header(std::string_view name, const std::vector<std::string> &items,
                             char separator = ',');

}  // namespace mailbridge::mime

#endif

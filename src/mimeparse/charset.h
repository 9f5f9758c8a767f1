// Conversion of received text from its declared charset to UTF-8 through
// iconv(3), with an alias table for the labels that mail software writes.
//
// Label policy (the WHATWG Encoding Standard's choices, which browsers and
// most mail readers follow):
//  - iso-8859-1, latin1 and the other ISO-8859-1 labels decode as
//    windows-1252, because mail labelled Latin-1 by Windows software often
//    carries the euro sign and curly quotes in bytes 0x80 to 0x9F. The five
//    bytes that windows-1252 leaves undefined decode to U+0080..U+009F.
//    iso-8859-9 decodes as windows-1254 and tis-620 as windows-874 likewise.
//  - ks_c_5601-1987 and euc-kr decode as CP949, gb2312 as GBK, x-sjis and
//    shift_jis as CP932, big5 as BIG5-HKSCS: each a superset that real
//    senders use under the older label. iso-8859-8-i is ISO-8859-8.
//  - us-ascii text is read as UTF-8 up to its first invalid sequence and as
//    windows-1252 from there on, because 8-bit bytes under that label are a
//    sender's mistake and one of those two is nearly always what was meant.
//  - Empty, "default", "x-unknown", "unknown-8bit" and any label that iconv
//    does not know are treated as UTF-8.
// Invalid byte sequences become U+FFFD. Nothing here throws for bad input.
#ifndef MAILBRIDGE_MIMEPARSE_CHARSET_H
#define MAILBRIDGE_MIMEPARSE_CHARSET_H

#include <cstddef>
#include <string>
#include <string_view>

namespace mailbridge::mimeparse {

struct CharsetConversion {
    std::string text;              // valid UTF-8
    std::size_t replaced = 0;      // input sequences replaced with U+FFFD
    bool charset_known = true;     // false when the label was not recognised
};

// The iconv name that text in label is decoded with: "UTF-8" for UTF-8 and
// for unknown labels, otherwise a name such as "WINDOWS-1252" or "CP949".
// Case, surrounding spaces and quotes, and an RFC 2231 language suffix
// ("utf-8*en") are ignored. Returns an empty string for an unknown label.
std::string iconv_charset_name(std::string_view label);

// Streaming conversion from one charset to UTF-8: feed() chunks of any
// size, then finish(). A character split across chunks is held until its
// last byte arrives, so the output does not depend on the chunking.
class CharsetDecoder {
public:
    explicit CharsetDecoder(std::string_view label);
    ~CharsetDecoder();
    CharsetDecoder(const CharsetDecoder &) = delete;
    CharsetDecoder &operator=(const CharsetDecoder &) = delete;

    // Converts bytes and appends the complete characters to out.
    void feed(std::string_view bytes, std::string &out);
    // Converts a sequence left incomplete at the end (to U+FFFD) and ends
    // a stateful encoding. The decoder can then be fed again.
    void finish(std::string &out);

    std::size_t replaced() const { return replaced_; }
    bool charset_known() const { return charset_known_; }

private:
    enum class Route { utf8, ascii, iconv };

    bool open_iconv(const std::string &name);
    void decode_utf8(std::string_view bytes, std::string &out);
    void convert_with_iconv(std::string &out, bool final);

    Route route_ = Route::utf8;
    void *descriptor_ = nullptr;  // iconv_t, open when route_ is iconv
    bool c1_fallback_ = false;
    bool switched_from_ascii_ = false;  // us-ascii text turned out not to be UTF-8
    bool charset_known_ = true;
    std::string carry_;  // bytes of an incomplete sequence at the end of the last chunk
    std::size_t replaced_ = 0;
};

// Converts bytes in charset label to UTF-8 with one CharsetDecoder.
CharsetConversion convert_to_utf8(std::string_view label, std::string_view bytes);

// Returns bytes with every invalid UTF-8 sequence replaced by U+FFFD
// (one replacement per maximal invalid subpart, as in Unicode section 3.9).
// Adds the number of replacements to *replaced when replaced is not null.
std::string repair_utf8(std::string_view bytes, std::size_t *replaced = nullptr);

}  // namespace mailbridge::mimeparse

#endif

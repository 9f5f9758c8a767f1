// Streaming removal of a body part's Content-Transfer-Encoding: base64
// (RFC 2045 section 6.8) and quoted-printable (section 6.7). Used for
// fetched sections that a caller asks to have decoded. Charsets are not
// converted: the output is the part's octets.
#ifndef MAILBRIDGE_IMAP_SECTION_DECODER_H
#define MAILBRIDGE_IMAP_SECTION_DECODER_H

#include <string>
#include <string_view>

namespace mailbridge::imap {

class SectionDecoder {
public:
    enum class Encoding { identity, base64, quoted_printable };

    // Map a Content-Transfer-Encoding value, in any case, to an encoding.
    // 7bit, 8bit, binary and unknown values map to identity.
    static Encoding encoding_for(std::string_view transfer_encoding);

    explicit SectionDecoder(Encoding encoding) : encoding_(encoding) {}

    // Decode the next piece of input and append the octets to out. Input
    // may be split anywhere. Decoding is lenient as RFC 2045 asks: base64
    // skips characters outside its alphabet, and an "=" in quoted-printable
    // that starts no valid escape is kept as it is.
    void feed(std::string_view input, std::string &out);
    // Append what is still held back at the end of the input.
    void finish(std::string &out);

private:
    void feed_base64(std::string_view input, std::string &out);
    void feed_quoted_printable(std::string_view input, std::string &out);

    Encoding encoding_;
    // base64: bits not yet written and how many there are.
    unsigned bits_ = 0;
    int bit_count_ = 0;
    bool base64_ended_ = false;  // "=" padding was seen
    // quoted-printable: an escape in progress ("=", "=X" or "=\r") and the
    // spaces and tabs that are dropped if the line ends after them.
    std::string escape_;
    std::string whitespace_;
};

}  // namespace mailbridge::imap

#endif

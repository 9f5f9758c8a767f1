// Streaming decoders for the body transfer encodings of received mail:
// base64 (RFC 2045 section 6.8, alphabet from RFC 4648) and
// quoted-printable (RFC 2045 section 6.7).
//
// Each decoder takes the encoded body in chunks of any size and appends the
// decoded bytes to a caller's string. State is carried across chunk
// boundaries, so the output does not depend on where the input is split.
// Neither decoder throws or rejects input: bad bytes are skipped or kept as
// described on each class, and counted in invalid_count().
#ifndef MAILBRIDGE_MIMEPARSE_TRANSFER_DECODING_H
#define MAILBRIDGE_MIMEPARSE_TRANSFER_DECODING_H

#include <cstddef>
#include <string>
#include <string_view>

namespace mailbridge::mimeparse {

// Base64 body decoder. Whitespace and line breaks are skipped. Any other
// byte outside the base64 alphabet is skipped and counted. A "=" ends the
// current 4-character group: a group of 2 or 3 characters is decoded to 1
// or 2 bytes, and further "=" are ignored. Data after padding is decoded as
// a new group, because some senders concatenate separately encoded pieces.
// A group that is still incomplete at finish() is decoded the same way
// (missing padding is accepted). A lone character left over cannot carry a
// whole byte, so it is dropped and counted.
class Base64Decoder {
public:
    // Decodes chunk and appends the complete bytes to out.
    void feed(std::string_view chunk, std::string &out);
    // Appends the bytes of an incomplete final group. The decoder can then
    // be fed again as if new.
    void finish(std::string &out);

    // Skipped bytes that were neither base64 characters nor whitespace,
    // plus lone leftover characters.
    std::size_t invalid_count() const { return invalid_; }
    // Whether base64 data followed padding.
    bool data_after_padding() const { return data_after_padding_; }

private:
    void flush_partial_group(std::string &out);

    // Base64 characters not yet decoded. Whole groups are decoded at the end
    // of each feed(), so fewer than 4 remain between calls.
    std::string pending_;
    std::size_t invalid_ = 0;
    bool after_padding_ = false;
    bool data_after_padding_ = false;
};

// Quoted-printable body decoder. "=XX" becomes one byte (lower-case hex is
// accepted). A soft line break is "=" followed by optional spaces or tabs
// and CRLF or a bare LF or a bare CR. Spaces and tabs at the end of a line
// are transport padding and removed (RFC 2045 section 6.7 rule 3). Line
// breaks are copied as they are. An "=" that starts no valid sequence is
// kept as a literal "=" with what follows, and counted. A lone "=" at the
// very end of the input is treated as a soft line break, because a part
// fetched without its final line break often ends that way.
class QuotedPrintableDecoder {
public:
    // Maximum run of spaces and tabs held back to see whether a line break
    // follows. A longer run is written out as text.
    static constexpr std::size_t max_pending_whitespace = 1024;

    void feed(std::string_view chunk, std::string &out);
    // Ends the input: trailing whitespace and a final soft line break are
    // dropped, an incomplete "=X" is written as text. The decoder can then
    // be fed again as if new.
    void finish(std::string &out);

    std::size_t invalid_count() const { return invalid_; }

private:
    enum class State { text, equals, equals_hex, equals_whitespace, equals_cr };

    void process(char c, std::string &out);
    void flush_whitespace(std::string &out);

    State state_ = State::text;
    char first_hex_ = 0;
    // Spaces and tabs seen in text (held until the next character shows
    // whether they end a line) or after "=" (held to see whether a soft line
    // break follows).
    std::string whitespace_;
    std::size_t invalid_ = 0;
};

// Decodes a whole base64 text with Base64Decoder.
std::string decode_base64_body(std::string_view text);
// Decodes a whole quoted-printable text with QuotedPrintableDecoder.
std::string decode_quoted_printable_body(std::string_view text);

}  // namespace mailbridge::mimeparse

#endif

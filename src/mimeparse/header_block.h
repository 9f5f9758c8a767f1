// Incremental parser for the header block of a message or body part
// (RFC 5322 section 2.2, MIME part headers per RFC 2045), with limits on
// line length, field size, field count and stored bytes.
//
// Fields are kept in order, duplicates included, with the raw value as sent
// and helpers for the unfolded and the decoded value. The parser is lenient:
// a line without a colon is skipped and counted, an mbox "From " line at the
// start is ignored, a bare LF ends a line like CRLF, and a header without
// the blank line ends at finish().
#ifndef MAILBRIDGE_MIMEPARSE_HEADER_BLOCK_H
#define MAILBRIDGE_MIMEPARSE_HEADER_BLOCK_H

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mailbridge::mimeparse {

struct HeaderLimits {
    // Bytes of one physical line, without its line break. RFC 5322 allows
    // 998, but longer lines occur in real mail. The rest of a longer line is
    // dropped.
    std::size_t max_line_length = 64 * 1024;
    // Bytes of one field's raw value, continuation lines included. The rest
    // of a longer field is dropped.
    std::size_t max_field_length = 256 * 1024;
    // Fields kept. Later fields are dropped, but the parser still reads to
    // the blank line so that the body starts at the right byte.
    std::size_t max_fields = 2000;
    // Bytes of names and raw values kept over all fields. Fields that would
    // exceed it are dropped.
    std::size_t max_total_size = 2 * 1024 * 1024;
};

struct HeaderField {
    std::string name;       // as sent, without the colon and whitespace before it
    std::string raw_value;  // after the colon, folding line breaks kept, final line break removed

    // Returns raw_value unfolded (RFC 5322 section 2.2.3: the line breaks
    // are removed, the whitespace after them is kept) and without leading
    // and trailing whitespace.
    std::string value() const;
    // Returns value() with RFC 2047 encoded words decoded to UTF-8 (see
    // decode_encoded_words()). Raw 8-bit text that is not UTF-8 is
    // converted from raw_charset when it is given.
    std::string decoded_value(std::string_view raw_charset = {}) const;
};

struct HeaderBlock {
    std::vector<HeaderField> fields;
    bool ended_by_blank_line = false;  // false when the input ended first
    std::size_t malformed_lines = 0;   // lines that were neither a field nor a continuation
    std::size_t truncated_lines = 0;   // lines or fields cut at a limit
    std::size_t dropped_fields = 0;    // fields not kept because of max_fields or max_total_size

    // Returns the first field with this name (compared without regard to
    // ASCII case), or nullptr.
    const HeaderField *find(std::string_view name) const;
    // Returns every field with this name, in order.
    std::vector<const HeaderField *> find_all(std::string_view name) const;
};

class HeaderParser {
public:
    enum class Status { need_more, complete };

    explicit HeaderParser(const HeaderLimits &limits = {}) : limits_(limits) {}

    // Reads data up to and including the blank line that ends the header
    // block. consumed is set to the bytes used: all of data while the
    // result is need_more, and up to the end of the blank line when it is
    // complete, so that data[consumed] is the first byte of the body.
    // Feeding after complete consumes nothing.
    Status feed(std::string_view data, std::size_t &consumed);
    // Ends the input without a blank line. A partial last line is parsed as
    // a line.
    void finish();
    bool complete() const { return complete_; }
    // Returns the block parsed so far and resets the parser for a new one.
    HeaderBlock take();

private:
    void end_line(bool had_line_feed);
    void process_line(std::string_view line, bool crlf);
    void start_field(std::string_view line);
    void append_to_field(std::string_view text);
    void end_field();

    HeaderLimits limits_;
    HeaderBlock block_;
    std::string line_;           // the current physical line, without its line break
    bool line_overflow_ = false;  // line_ reached max_line_length
    bool last_byte_cr_ = false;   // the last byte of the current line was CR
    bool first_line_ = true;
    bool have_field_ = false;
    bool field_overflow_ = false;
    HeaderField field_;          // the field being read, until a line shows it ended
    std::size_t stored_size_ = 0;
    bool complete_ = false;
};

// Parses a whole header block. Sets *body_offset, when given, to the offset
// of the first byte after the blank line (text.size() when there is none).
HeaderBlock parse_header_block(std::string_view text, const HeaderLimits &limits = {},
                               std::size_t *body_offset = nullptr);

}  // namespace mailbridge::mimeparse

#endif

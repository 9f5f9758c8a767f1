// DKIM canonicalization (RFC 6376 section 3.4) over a message read in
// chunks: line ends are made CRLF the way the SMTP DATA encoder makes them,
// the header block is split into fields, and the body is canonicalized as
// it streams past, so it never has to be held in memory.
#ifndef MAILBRIDGE_DKIM_CANONICALIZATION_H
#define MAILBRIDGE_DKIM_CANONICALIZATION_H

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mailbridge::dkim {

enum class Canonicalization { simple, relaxed };

// Rewrites every bare CR and bare LF as CRLF, keeping state across chunks.
// This matches smtp::DataEncoder, so the bytes canonicalized here are the
// bytes that the server receives.
class LineEndNormalizer {
public:
    // Append the normalized form of chunk to out.
    void normalize(std::string_view chunk, std::string &out);
    // Append the CRLF that the DATA encoder adds when the message does not
    // end with a line end. An empty message gets nothing.
    void finish(std::string &out);

private:
    bool pending_cr_ = false;
    bool at_line_start_ = true;
};

// Splits CRLF-normalized message bytes at the first empty line. The header
// block, up to and including the CRLF of its last field, is kept in memory.
// Body bytes are returned from each feed() call for the caller to consume.
class MessageSplitter {
public:
    // Add bytes. Returns the part of them that belongs to the body, which is
    // empty until the empty line that ends the header block has been seen.
    std::string_view feed(std::string_view normalized);
    // The header block. A message without an empty line is all header.
    const std::string &header_block() const { return header_block_; }
    bool in_body() const { return in_body_; }

private:
    std::string header_block_;
    bool in_body_ = false;
};

// One header field as it appears in the message.
struct HeaderField {
    std::string name;  // the field name, without trailing white space
    std::string text;  // the whole field with its continuation lines, without the final CRLF
};

// Split a CRLF-normalized header block into fields. A line that starts with
// a space or tab continues the field above it. A line without a colon
// becomes a field with an empty name, which no signature can select.
std::vector<HeaderField> parse_header_fields(std::string_view header_block);

// Canonical form of one header field, given without its final CRLF, and
// returned without one. "simple" returns the field unchanged. "relaxed"
// lowercases the name, unfolds the value, reduces each run of spaces and tabs
// to one space and removes white space at the end of the value and around
// the colon.
std::string canonicalize_header(Canonicalization method, std::string_view field);

// Streams the body (CRLF-normalized, as MessageSplitter returns it) through
// a body canonicalization and appends the canonical bytes to an output
// string that the caller drains, typically into a hash.
class BodyCanonicalizer {
public:
    explicit BodyCanonicalizer(Canonicalization method) : method_(method) {}

    // Append the canonical form of chunk to out. Empty lines are held back
    // (as a count) until a later line shows that they are not at the end.
    void update(std::string_view chunk, std::string &out);
    // Append what the end of the body still needs: "simple" turns an empty
    // body into one CRLF, "relaxed" leaves an empty body empty. Trailing
    // empty lines are dropped by both.
    void finish(std::string &out);

private:
    Canonicalization method_;
    std::size_t pending_empty_lines_ = 0;
    bool line_has_content_ = false;  // a byte other than CR, LF (and, for relaxed, WSP) is on this line
    bool pending_space_ = false;     // relaxed: a run of spaces and tabs is waiting for more content
    bool wrote_anything_ = false;
};

}  // namespace mailbridge::dkim

#endif

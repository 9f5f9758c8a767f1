// IMAP server response parser (RFC 3501 section 7 and RFC 9051 section 7).
// Incremental: feed() takes any number of bytes and stops right after the
// last line of a complete response, so bytes that follow it stay with the
// caller. Responses are read into a generic value tree. The parser handles
// the framing (tag, "*", "+", literals, lists) and the status responses, and
// leaves the meaning of FETCH items and other untagged data to its callers.
#ifndef MAILBRIDGE_IMAP_RESPONSE_H
#define MAILBRIDGE_IMAP_RESPONSE_H

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mailbridge::imap {

// One value of a response: an atom, number, string, literal, NIL or a
// parenthesized list of values.
struct Value {
    enum class Kind { nil, atom, number, string, literal, list };

    Kind kind = Kind::nil;
    // Atom: its bytes as sent, including any bracketed part and partial
    // range, e.g. "BODY[HEADER.FIELDS (FROM)]<0>" or "\Seen".
    // Number: its digits as sent. String: the content with the \\ and \"
    // escapes resolved. Literal: its octets, empty when they went to the sink.
    std::string text;
    uint64_t number = 0;       // number only
    std::vector<Value> items;  // list only
    uint64_t literal_size = 0;  // literal only: the octet count n of "{n}"
    size_t literal_index = 0;   // literal only: 0 for the first literal of the response, and so on
    bool literal8 = false;      // literal only: sent as "~{n}" (RFC 3516 BINARY)
    bool in_sink = false;       // literal only: the octets went to the literal sink

    bool is_nil() const { return kind == Kind::nil; }
    bool is_list() const { return kind == Kind::list; }
    bool is_number() const { return kind == Kind::number; }
    // True for a quoted string and for a literal, the two forms of an IMAP string.
    bool is_string() const { return kind == Kind::string || kind == Kind::literal; }
    // True when this is an atom equal to name, compared case-insensitively.
    bool is_atom(std::string_view name) const;

    friend bool operator==(const Value &a, const Value &b);
    friend bool operator!=(const Value &a, const Value &b) { return !(a == b); }
};

// Render a value in IMAP syntax for test output and logs: strings are quoted
// with escapes, a literal is "{n}" followed by CRLF and its octets, and a
// literal that went to the sink is "{n:sink}". Bytes are not censored.
std::string to_debug_string(const Value &value);
std::string to_debug_string(const std::vector<Value> &values);

// Split a FETCH item name such as "BODY[1.HEADER]<0>" into "BODY", "1.HEADER"
// and "0". has_section is false when there is no bracketed part, as in "UID".
struct FetchItemName {
    std::string name;     // upper-cased
    bool has_section = false;
    std::string section;  // text between the outer brackets, as sent
    std::string partial;  // text between '<' and '>', empty when absent
};
FetchItemName split_fetch_item_name(std::string_view atom);

// Response code: the bracketed part at the start of a status response's text,
// as in "[UIDVALIDITY 3857529045]" or "[PERMANENTFLAGS (\Seen \*)]".
struct ResponseCode {
    std::string name;           // upper-cased, e.g. "UIDVALIDITY"
    std::string raw_arguments;  // bytes between the name's trailing space and ']', as sent
    // raw_arguments read as values. Response code arguments are free text in
    // the base grammar, so when they do not read as values (an unbalanced
    // parenthesis, a stray quote) arguments is empty and arguments_valid false.
    std::vector<Value> arguments;
    bool arguments_valid = true;

    friend bool operator==(const ResponseCode &a, const ResponseCode &b);
};

enum class ResponseKind { tagged, untagged, continuation };

struct Response {
    ResponseKind kind = ResponseKind::untagged;
    std::string tag;   // tagged only, as sent
    // Upper-cased response name: "OK", "NO", "BAD", "PREAUTH" or "BYE" for
    // status responses, or the untagged data name such as "FETCH", "EXISTS",
    // "CAPABILITY", "LIST". Empty for a continuation request.
    std::string name;
    bool has_number = false;  // "* 23 EXISTS", "* 5 FETCH (...)"
    uint64_t number = 0;
    // Status responses and continuation requests only.
    std::optional<ResponseCode> code;
    // Status responses and continuation requests: the text after the response
    // code, as sent (a SASL challenge in base64 for AUTHENTICATE). It may
    // contain control characters: censor it before logging.
    std::string text;
    // Other untagged responses: the values after the name, e.g. one list for FETCH.
    std::vector<Value> data;

    // True for OK, NO, BAD, PREAUTH and BYE, tagged or untagged. An untagged
    // one with a number, as in "* 5 OK", is read as data and is not a status.
    bool is_status() const;

    friend bool operator==(const Response &a, const Response &b);
};

struct ResponseLimits {
    // Bytes per line, line end excluded. Literals do not count, and each line
    // between two literals is measured on its own. The default leaves room
    // for a SEARCH or SORT result of about a million UIDs on one line.
    size_t max_line_length = 16 * 1024 * 1024;
    // Octets of one literal, whether kept in memory or passed to the sink.
    uint64_t max_literal_size = 256 * 1024 * 1024;
    // Nesting depth of parenthesized lists: "(a (b))" has depth 2. A
    // BODYSTRUCTURE uses about two levels per level of MIME nesting.
    size_t max_depth = 100;
    // Values in one response, lists and response code arguments included.
    // An ENVELOPE with 50,000 addresses has about 250,000.
    size_t max_elements = 1000000;
};
// NOTE: the limits bound each line and each literal but not their total, so a
// response may hold up to max_elements literals of max_literal_size in memory.
// Set a literal sink with a low threshold to keep large literals out of memory.

// A piece of a literal that was passed to the sink. Chunks of one literal
// arrive in order, and their boundaries depend on how the input was split.
struct LiteralChunk {
    size_t literal_index = 0;     // as in Value::literal_index
    uint64_t literal_size = 0;    // octets of the whole literal
    uint64_t offset = 0;          // offset of data within the literal
    std::string_view data;
    // The atom just before the literal in the same list, such as
    // "BODY[TEXT]" in a FETCH response, or empty when there is none.
    std::string_view item_name;
    uint64_t response_number = 0;  // the "5" of "* 5 FETCH", 0 when absent
};

// Receives literal octets. Returns false to stop parsing with an error, for
// example when the data cannot be stored.
using LiteralSink = std::function<bool(const LiteralChunk &chunk)>;

class ResponseParser {
public:
    enum class Status { need_more, complete, error };

    explicit ResponseParser(ResponseLimits limits = {});
    // Not copyable or movable, because it keeps pointers into its own members.
    ResponseParser(const ResponseParser &) = delete;
    ResponseParser &operator=(const ResponseParser &) = delete;

    // Pass each literal of more than threshold octets to sink in chunks
    // instead of keeping it in the value tree. Call before the first feed()
    // or right after take() or reset().
    void set_literal_sink(uint64_t threshold, LiteralSink sink);

    // Consume bytes from data. Sets consumed to the number of bytes used.
    // Returns complete when a whole response was read (take it with take());
    // bytes after it are left unconsumed. Returns need_more after consuming
    // all of data. Returns error on a malformed or oversized response, with
    // error_message() naming the problem and its byte offset in the response.
    // Lines may end in CRLF or a bare LF.
    Status feed(const char *data, size_t length, size_t &consumed);

    // Return the completed response and reset for the next one.
    Response take();
    const std::string &error_message() const { return error_; }
    // True when some bytes of a response have been consumed but it is not complete.
    bool in_progress() const;
    // Discard any partial response and error. The literal sink stays set.
    void reset();

private:
    enum class Phase { line, literal };

    ResponseLimits limits_;
    LiteralSink sink_;
    uint64_t sink_threshold_ = 0;

    Phase phase_ = Phase::line;
    std::string line_;             // the current line, without its LF
    uint64_t response_bytes_ = 0;  // bytes of the current response consumed so far
    uint64_t line_start_ = 0;      // offset of line_ within the response
    bool header_done_ = false;     // the tag or "*" line has been read
    Response current_;
    // Lists being filled, outermost first: &current_.data, then the items of
    // each open list. Only the last one grows, so the pointers stay valid.
    std::vector<std::vector<Value> *> open_lists_;
    size_t element_count_ = 0;
    size_t literal_count_ = 0;

    // The literal being read in Phase::literal.
    Value *literal_ = nullptr;
    uint64_t literal_remaining_ = 0;
    bool literal_to_sink_ = false;
    std::string literal_item_name_;

    bool complete_ = false;
    std::string error_;

    Status take_line();
    Status read_first_line(std::string_view line);
    Status read_values(std::string_view line, size_t pos);
    Status start_literal(uint64_t size);
    Status read_literal_bytes(const char *data, size_t length);
    void read_response_text(std::string_view text);
    Status fail(const std::string &problem, uint64_t offset);
};

}  // namespace mailbridge::imap

#endif

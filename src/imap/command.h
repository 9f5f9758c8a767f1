// IMAP command formatting (RFC 3501 section 6, RFC 9051): command lines
// with quoted or literal arguments split at each synchronizing literal, a
// transcript text with secrets redacted, sequence sets, and the UID SEARCH
// criteria builder.
#ifndef MAILBRIDGE_IMAP_COMMAND_H
#define MAILBRIDGE_IMAP_COMMAND_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "imap/quote.h"

namespace mailbridge::imap {

// One write of a command. A chunk that ends with a synchronizing literal
// marker "{n}" CRLF must wait for the server's "+" before the next chunk,
// whose bytes start with the literal's octets.
struct CommandChunk {
    std::string bytes;
    bool wait_for_continuation = false;
};

// A command without its tag. Arguments are separated by single spaces,
// except after "(" and before ")". Every string argument goes through
// quote_argument(), so a value never changes the command's structure.
class Command {
public:
    // verb is sent as given, e.g. "UID FETCH". literal_support decides
    // between "{n}" and "{n+}" for arguments that need a literal.
    explicit Command(std::string_view verb, LiteralSupport literal_support = LiteralSupport::none);
    ~Command();
    Command(const Command &other);
    Command &operator=(const Command &other);

    // Append text that the caller guarantees is valid IMAP syntax, such as a
    // sequence set, a flag list or a FETCH item list.
    Command &raw(std::string_view text);
    // Append an astring: an atom when possible, else quoted or a literal.
    Command &astring(std::string_view value);
    // Append a string that the grammar requires to be quoted or a literal.
    Command &string(std::string_view value);
    // Append a literal whatever its content (an APPEND message).
    Command &literal(std::string_view value);
    // Append an astring that the transcript shows as "<redacted n bytes>".
    // The command's buffers are wiped when it is destroyed.
    Command &secret(std::string_view value);
    Command &open_list();
    Command &close_list();

    const std::string &verb() const { return verb_; }
    // The chunks for the wire, the first one starting with tag and a space.
    std::vector<CommandChunk> chunks(std::string_view tag) const;
    // The command for a transcript: literals appear as their "{n}" marker
    // followed by "<n octets>", secrets as "<redacted n bytes>".
    std::string trace(std::string_view tag) const;
    bool has_secret() const { return has_secret_; }
    // Octets of literal data in the command.
    uint64_t literal_octets() const { return literal_octets_; }

private:
    struct Piece {
        std::string text;     // line text; with a literal, ends with its marker
        std::string literal;  // literal octets that follow the marker's CRLF
        bool has_literal = false;
        bool synchronizing = false;
        std::string trace;
    };

    void append_argument(const QuotedArgument &argument, bool secret);
    void separate();
    void wipe();

    std::string verb_;
    LiteralSupport literal_support_;
    std::vector<Piece> pieces_;
    bool after_open_ = false;
    bool has_secret_ = false;
    uint64_t literal_octets_ = 0;
};

// Format numbers as a compact sequence set: sorted, duplicates removed,
// runs joined ("1:3,7,9:10"). Zero is not a valid message number or UID and
// throws std::invalid_argument, as does an empty list.
std::string format_sequence_set(std::vector<uint32_t> numbers);

// Split numbers (sorted, without duplicates) into groups of at most
// batch_size, for batched FETCH commands.
std::vector<std::vector<uint32_t>> split_batches(std::vector<uint32_t> numbers, size_t batch_size);

// Search criteria (RFC 3501 section 6.4.4). Methods append keys that are
// ANDed together; any_of() and negate() combine sub-queries. String
// arguments are quoted or sent as literals, and CHARSET UTF-8 is added only
// when one of them is not ASCII. Invalid arguments throw
// std::invalid_argument before anything is sent.
class SearchQuery {
public:
    SearchQuery &all();
    // A key without argument: ANSWERED, DELETED, DRAFT, FLAGGED, NEW, OLD,
    // RECENT, SEEN, UNANSWERED, UNDELETED, UNDRAFT, UNFLAGGED, UNSEEN.
    SearchQuery &flag(std::string_view key);
    // A key with a string: BCC, BODY, CC, FROM, SUBJECT, TEXT, TO.
    SearchQuery &text(std::string_view key, std::string_view value);
    SearchQuery &header(std::string_view field_name, std::string_view value);
    // KEYWORD or UNKEYWORD with a flag keyword (an atom such as "$Label1").
    SearchQuery &keyword(std::string_view keyword, bool present = true);
    // BEFORE, ON, SINCE, SENTBEFORE, SENTON or SENTSINCE with a date.
    SearchQuery &date(std::string_view key, int year, int month, int day);
    SearchQuery &larger(uint64_t octets);
    SearchQuery &smaller(uint64_t octets);
    SearchQuery &uids(const std::vector<uint32_t> &uids);
    // OR of two queries (each ANDed within itself).
    SearchQuery &any_of(const SearchQuery &first, const SearchQuery &second);
    SearchQuery &negate(const SearchQuery &query);

    bool empty() const { return tokens_.empty(); }
    // True when some string argument has a byte above 0x7F.
    bool needs_utf8() const;
    // Append "CHARSET UTF-8" when needed, then the criteria ("ALL" when
    // there are none).
    void append_to(Command &command) const;

private:
    enum class TokenKind { atom, string, open, close };
    struct Token {
        TokenKind kind;
        std::string text;
    };
    void append_group(const SearchQuery &query);

    std::vector<Token> tokens_;
    size_t keys_ = 0;  // top-level keys
};

}  // namespace mailbridge::imap

#endif

#include "imap/command.h"

#include <openssl/crypto.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace mailbridge::imap {

namespace {

void wipe_text(std::string &text)
{
    if (!text.empty())
        OPENSSL_cleanse(&text[0], text.size());
    text.clear();
}

bool is_ascii(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// ATOM-CHAR of RFC 3501 (no '\' either, so system flags are excluded).
bool is_atom(std::string_view text)
{
    if (text.empty())
        return false;
    for (unsigned char c : text) {
        if (c <= 0x20 || c >= 0x7f || std::strchr("(){%*\"\\]", c) != nullptr)
            return false;
    }
    return true;
}

bool is_one_of(std::string_view key, std::initializer_list<std::string_view> names)
{
    return std::find(names.begin(), names.end(), key) != names.end();
}

std::string upper(std::string_view text)
{
    std::string result(text);
    for (char &c : result) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    }
    return result;
}

}  // namespace

// ---------------------------------------------------------------------------
// Command

Command::Command(std::string_view verb, LiteralSupport literal_support)
    : verb_(verb), literal_support_(literal_support)
{
    Piece first;
    first.text = std::string(verb);
    first.trace = first.text;
    pieces_.push_back(std::move(first));
}

Command::~Command()
{
    wipe();
}

Command::Command(const Command &other) = default;

Command &Command::operator=(const Command &other)
{
    if (this != &other) {
        wipe();
        verb_ = other.verb_;
        literal_support_ = other.literal_support_;
        pieces_ = other.pieces_;
        after_open_ = other.after_open_;
        has_secret_ = other.has_secret_;
        literal_octets_ = other.literal_octets_;
    }
    return *this;
}

void Command::wipe()
{
    if (!has_secret_)
        return;
    for (Piece &piece : pieces_) {
        wipe_text(piece.text);
        wipe_text(piece.literal);
    }
}

void Command::separate()
{
    if (!after_open_) {
        pieces_.back().text += ' ';
        pieces_.back().trace += ' ';
    }
    after_open_ = false;
}

Command &Command::raw(std::string_view text)
{
    separate();
    pieces_.back().text += text;
    pieces_.back().trace += text;
    return *this;
}

Command &Command::astring(std::string_view value)
{
    append_argument(quote_argument(value, literal_support_, true), false);
    return *this;
}

Command &Command::string(std::string_view value)
{
    append_argument(quote_argument(value, literal_support_, false), false);
    return *this;
}

Command &Command::literal(std::string_view value)
{
    QuotedArgument argument;
    argument.form = ArgumentForm::literal;
    argument.non_synchronizing = literal_support_ == LiteralSupport::literal_plus ||
                                 (literal_support_ == LiteralSupport::literal_minus &&
                                  value.size() <= literal_minus_max_size);
    argument.text = "{" + std::to_string(value.size()) + (argument.non_synchronizing ? "+}" : "}");
    argument.literal = std::string(value);
    append_argument(argument, false);
    return *this;
}

Command &Command::secret(std::string_view value)
{
    has_secret_ = true;
    QuotedArgument argument = quote_argument(value, literal_support_, true);
    append_argument(argument, true);
    wipe_text(argument.text);
    wipe_text(argument.literal);
    return *this;
}

Command &Command::open_list()
{
    separate();
    pieces_.back().text += '(';
    pieces_.back().trace += '(';
    after_open_ = true;
    return *this;
}

Command &Command::close_list()
{
    pieces_.back().text += ')';
    pieces_.back().trace += ')';
    after_open_ = false;
    return *this;
}

void Command::append_argument(const QuotedArgument &argument, bool secret)
{
    separate();
    Piece &piece = pieces_.back();
    if (argument.form != ArgumentForm::literal) {
        piece.text += argument.text;
        piece.trace += secret ? "<redacted " + std::to_string(argument.text.size()) + " bytes>" : argument.text;
        return;
    }
    piece.text += argument.text;
    piece.literal = argument.literal;
    piece.has_literal = true;
    piece.synchronizing = !argument.non_synchronizing;
    piece.trace += argument.text;
    piece.trace += secret ? " <redacted " + std::to_string(argument.literal.size()) + " bytes>"
                          : " <" + std::to_string(argument.literal.size()) + " octets>";
    literal_octets_ += argument.literal.size();
    pieces_.emplace_back();
}

std::vector<CommandChunk> Command::chunks(std::string_view tag) const
{
    // With a secret, each chunk gets room for the whole command up front,
    // so that no reallocation leaves a copy of it behind in freed memory.
    size_t total = 0;
    if (has_secret_) {
        total = tag.size() + 3;
        for (const Piece &piece : pieces_)
            total += piece.text.size() + piece.literal.size() + 2;
    }
    std::vector<CommandChunk> chunks;
    CommandChunk current;
    current.bytes.reserve(total);
    current.bytes.append(tag.data(), tag.size());
    current.bytes += ' ';
    for (const Piece &piece : pieces_) {
        current.bytes += piece.text;
        if (!piece.has_literal)
            continue;
        current.bytes += "\r\n";
        if (piece.synchronizing) {
            current.wait_for_continuation = true;
            chunks.push_back(std::move(current));
            current = CommandChunk();
            current.bytes.reserve(total);
        }
        current.bytes += piece.literal;
    }
    current.bytes += "\r\n";
    chunks.push_back(std::move(current));
    return chunks;
}

std::string Command::trace(std::string_view tag) const
{
    std::string text = std::string(tag) + " ";
    for (const Piece &piece : pieces_)
        text += piece.trace;
    return text;
}

// ---------------------------------------------------------------------------
// Sequence sets

std::string format_sequence_set(std::vector<uint32_t> numbers)
{
    if (numbers.empty())
        throw std::invalid_argument("a sequence set needs at least one number");
    std::sort(numbers.begin(), numbers.end());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
    if (numbers.front() == 0)
        throw std::invalid_argument("0 is not a valid message number or UID");

    std::string set;
    size_t i = 0;
    while (i < numbers.size()) {
        size_t end = i;
        while (end + 1 < numbers.size() && numbers[end + 1] == numbers[end] + 1)
            ++end;
        if (!set.empty())
            set += ',';
        set += std::to_string(numbers[i]);
        if (end > i)
            set += ":" + std::to_string(numbers[end]);
        i = end + 1;
    }
    return set;
}

std::vector<std::vector<uint32_t>> split_batches(std::vector<uint32_t> numbers, size_t batch_size)
{
    if (batch_size == 0)
        throw std::invalid_argument("the batch size must be at least 1");
    std::sort(numbers.begin(), numbers.end());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
    std::vector<std::vector<uint32_t>> batches;
    for (size_t start = 0; start < numbers.size(); start += batch_size) {
        size_t end = std::min(numbers.size(), start + batch_size);
        batches.emplace_back(numbers.begin() + static_cast<std::ptrdiff_t>(start),
                             numbers.begin() + static_cast<std::ptrdiff_t>(end));
    }
    return batches;
}

// ---------------------------------------------------------------------------
// SearchQuery

SearchQuery &SearchQuery::all()
{
    tokens_.push_back({TokenKind::atom, "ALL"});
    ++keys_;
    return *this;
}

SearchQuery &SearchQuery::flag(std::string_view key)
{
    std::string name = upper(key);
    if (!is_one_of(name, {"ANSWERED", "DELETED", "DRAFT", "FLAGGED", "NEW", "OLD", "RECENT", "SEEN", "UNANSWERED",
                          "UNDELETED", "UNDRAFT", "UNFLAGGED", "UNSEEN"}))
        throw std::invalid_argument("unknown search key '" + std::string(key) + "'");
    tokens_.push_back({TokenKind::atom, name});
    ++keys_;
    return *this;
}

SearchQuery &SearchQuery::text(std::string_view key, std::string_view value)
{
    std::string name = upper(key);
    if (!is_one_of(name, {"BCC", "BODY", "CC", "FROM", "SUBJECT", "TEXT", "TO"}))
        throw std::invalid_argument("unknown search key '" + std::string(key) + "' for a string argument");
    tokens_.push_back({TokenKind::atom, name});
    tokens_.push_back({TokenKind::string, std::string(value)});
    ++keys_;
    return *this;
}

SearchQuery &SearchQuery::header(std::string_view field_name, std::string_view value)
{
    // RFC 5322 section 2.2: a field name is printable ASCII except ':'.
    bool valid = !field_name.empty() && std::all_of(field_name.begin(), field_name.end(), [](char c) {
        return c > 0x20 && c < 0x7f && c != ':';
    });
    if (!valid)
        throw std::invalid_argument("invalid header field name '" + std::string(field_name) + "'");
    tokens_.push_back({TokenKind::atom, "HEADER"});
    tokens_.push_back({TokenKind::string, std::string(field_name)});
    tokens_.push_back({TokenKind::string, std::string(value)});
    ++keys_;
    return *this;
}

SearchQuery &SearchQuery::keyword(std::string_view keyword, bool present)
{
    if (!is_atom(keyword))
        throw std::invalid_argument("invalid flag keyword '" + std::string(keyword) +
                                    "': a keyword is an atom without '\\', spaces or brackets");
    tokens_.push_back({TokenKind::atom, present ? "KEYWORD" : "UNKEYWORD"});
    tokens_.push_back({TokenKind::atom, std::string(keyword)});
    ++keys_;
    return *this;
}

SearchQuery &SearchQuery::date(std::string_view key, int year, int month, int day)
{
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    static const int days_in_month[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    std::string name = upper(key);
    if (!is_one_of(name, {"BEFORE", "ON", "SINCE", "SENTBEFORE", "SENTON", "SENTSINCE"}))
        throw std::invalid_argument("unknown search key '" + std::string(key) + "' for a date");
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > days_in_month[month - 1] ||
        (month == 2 && day == 29 && !leap))
        throw std::invalid_argument("invalid date " + std::to_string(year) + "-" + std::to_string(month) + "-" +
                                    std::to_string(day));
    tokens_.push_back({TokenKind::atom, name});
    // date-text of RFC 3501: day "-" month "-" year, e.g. "1-Jan-2024".
    tokens_.push_back({TokenKind::atom, std::to_string(day) + "-" + months[month - 1] + "-" + std::to_string(year)});
    ++keys_;
    return *this;
}

SearchQuery &SearchQuery::larger(uint64_t octets)
{
    tokens_.push_back({TokenKind::atom, "LARGER"});
    tokens_.push_back({TokenKind::atom, std::to_string(octets)});
    ++keys_;
    return *this;
}

SearchQuery &SearchQuery::smaller(uint64_t octets)
{
    tokens_.push_back({TokenKind::atom, "SMALLER"});
    tokens_.push_back({TokenKind::atom, std::to_string(octets)});
    ++keys_;
    return *this;
}

SearchQuery &SearchQuery::uids(const std::vector<uint32_t> &uids)
{
    std::string set = format_sequence_set(uids);
    tokens_.push_back({TokenKind::atom, "UID"});
    tokens_.push_back({TokenKind::atom, set});
    ++keys_;
    return *this;
}

void SearchQuery::append_group(const SearchQuery &query)
{
    if (query.empty())
        throw std::invalid_argument("OR and NOT need a nonempty query");
    if (query.keys_ > 1)
        tokens_.push_back({TokenKind::open, "("});
    tokens_.insert(tokens_.end(), query.tokens_.begin(), query.tokens_.end());
    if (query.keys_ > 1)
        tokens_.push_back({TokenKind::close, ")"});
}

SearchQuery &SearchQuery::any_of(const SearchQuery &first, const SearchQuery &second)
{
    tokens_.push_back({TokenKind::atom, "OR"});
    append_group(first);
    append_group(second);
    ++keys_;
    return *this;
}

SearchQuery &SearchQuery::negate(const SearchQuery &query)
{
    tokens_.push_back({TokenKind::atom, "NOT"});
    append_group(query);
    ++keys_;
    return *this;
}

bool SearchQuery::needs_utf8() const
{
    return std::any_of(tokens_.begin(), tokens_.end(),
                       [](const Token &token) { return token.kind == TokenKind::string && !is_ascii(token.text); });
}

void SearchQuery::append_to(Command &command) const
{
    // RFC 3501 section 6.4.4: without CHARSET the strings must be US-ASCII.
    // Some servers (Exchange) reject CHARSET outright, so it is sent only
    // when a string needs it.
    if (needs_utf8())
        command.raw("CHARSET UTF-8");
    if (tokens_.empty()) {
        command.raw("ALL");
        return;
    }
    for (const Token &token : tokens_) {
        switch (token.kind) {
        case TokenKind::atom: command.raw(token.text); break;
        case TokenKind::string: command.astring(token.text); break;
        case TokenKind::open: command.open_list(); break;
        case TokenKind::close: command.close_list(); break;
        }
    }
}

}  // namespace mailbridge::imap

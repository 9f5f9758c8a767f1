#include "imap/response.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "common/error.h"

namespace mailbridge::imap {

namespace {

bool is_control(unsigned char c)
{
    return c < 0x20 || c == 0x7f;
}

bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

char to_upper_ascii(char c)
{
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

std::string to_upper_ascii(std::string_view text)
{
    std::string upper(text);
    for (char &c : upper)
        c = to_upper_ascii(c);
    return upper;
}

bool equals_ignore_case(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (to_upper_ascii(a[i]) != to_upper_ascii(b[i]))
            return false;
    }
    return true;
}

// Parse text as an unsigned decimal number. Returns false when it is empty,
// has a non-digit or does not fit in 64 bits.
bool parse_number(std::string_view text, uint64_t &number)
{
    if (text.empty())
        return false;
    uint64_t value = 0;
    for (char c : text) {
        if (!is_digit(c))
            return false;
        unsigned digit = static_cast<unsigned>(c - '0');
        if (value > (UINT64_MAX - digit) / 10)
            return false;
        value = value * 10 + digit;
    }
    number = value;
    return true;
}

bool is_status_name(std::string_view upper_name)
{
    return upper_name == "OK" || upper_name == "NO" || upper_name == "BAD" || upper_name == "PREAUTH" ||
           upper_name == "BYE";
}

// A response name is an atom without brackets or wildcards ("FETCH", "X-GM-EXT-1").
bool is_valid_response_name(std::string_view name)
{
    for (unsigned char c : name) {
        if (is_control(c) || std::strchr("(){\"\\[]%*", c) != nullptr)
            return false;
    }
    return !name.empty();
}

std::string hex_byte(unsigned char c)
{
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "0x%02X", c);
    return buffer;
}

// Advance pos past the quoted string that starts at line[pos] (a '"').
// Returns false when the line ends before the closing quote.
bool skip_quoted(std::string_view line, size_t &pos)
{
    for (++pos; pos < line.size(); ++pos) {
        if (line[pos] == '\\')
            ++pos;
        else if (line[pos] == '"')
            break;
    }
    if (pos >= line.size())
        return false;
    ++pos;
    return true;
}

// Reads the values of one line into the innermost open list. It serves both
// the data of untagged responses and the arguments of response codes.
class ValueReader {
public:
    enum class Stop { end_of_line, literal, close_bracket, error };

    // In a response code (in_code), a ']' outside any list ends the values
    // and literals are not allowed.
    ValueReader(const ResponseLimits &limits, std::vector<std::vector<Value> *> &open_lists,
                size_t &element_count, bool in_code)
        : limits_(limits), open_lists_(open_lists), element_count_(element_count), in_code_(in_code)
    {
    }

    // Read values from line[pos] on. Returns literal after a literal marker,
    // which always ends its line, with the new literal value last in the
    // innermost open list. Returns close_bracket with pos at the ']' that
    // ends a response code. On error, problem() returns the problem and
    // problem_offset() its index into line.
    Stop read(std::string_view line, size_t &pos);

    const std::string &problem() const { return problem_; }
    size_t problem_offset() const { return problem_offset_; }
    uint64_t literal_size() const { return literal_size_; }

private:
    const ResponseLimits &limits_;
    std::vector<std::vector<Value> *> &open_lists_;
    size_t &element_count_;
    bool in_code_;
    std::string problem_;
    size_t problem_offset_ = 0;
    uint64_t literal_size_ = 0;

    Stop fail(std::string problem, size_t offset);
    bool push(Value value, size_t offset);
    Stop read_quoted(std::string_view line, size_t &pos);
    Stop read_literal_marker(std::string_view line, size_t &pos, bool literal8);
    Stop read_atom(std::string_view line, size_t &pos);
};

ValueReader::Stop ValueReader::fail(std::string problem, size_t offset)
{
    problem_ = std::move(problem);
    problem_offset_ = offset;
    return Stop::error;
}

bool ValueReader::push(Value value, size_t offset)
{
    if (element_count_ >= limits_.max_elements) {
        fail("more than the maximum of " + std::to_string(limits_.max_elements) + " values in one response",
             offset);
        return false;
    }
    ++element_count_;
    open_lists_.back()->push_back(std::move(value));
    return true;
}

ValueReader::Stop ValueReader::read(std::string_view line, size_t &pos)
{
    while (true) {
        while (pos < line.size() && line[pos] == ' ')
            ++pos;
        if (pos == line.size())
            return Stop::end_of_line;

        unsigned char c = static_cast<unsigned char>(line[pos]);
        Stop stop = Stop::end_of_line;
        if (c == '(') {
            size_t depth = open_lists_.size() - 1;
            if (depth >= limits_.max_depth) {
                return fail("lists nested deeper than the maximum of " + std::to_string(limits_.max_depth),
                            pos);
            }
            Value list;
            list.kind = Value::Kind::list;
            if (!push(std::move(list), pos))
                return Stop::error;
            open_lists_.push_back(&open_lists_.back()->back().items);
            ++pos;
        } else if (c == ')') {
            if (open_lists_.size() == 1)
                return fail("')' without a matching '('", pos);
            open_lists_.pop_back();
            ++pos;
        } else if (c == '"') {
            stop = read_quoted(line, pos);
        } else if (c == '{') {
            stop = read_literal_marker(line, pos, false);
        } else if (c == '~' && pos + 1 < line.size() && line[pos + 1] == '{') {
            stop = read_literal_marker(line, pos, true);
        } else if (c == ']' && in_code_) {
            if (open_lists_.size() == 1)
                return Stop::close_bracket;
            return fail("']' inside a list", pos);
        } else if (is_control(c)) {
            return fail("invalid control character " + hex_byte(c), pos);
        } else {
            stop = read_atom(line, pos);
        }
        if (stop != Stop::end_of_line)
            return stop;
    }
}

// Read a quoted string. Besides the \\ and \" escapes of the grammar, a
// backslash before any other byte is kept with that byte, as sent.
ValueReader::Stop ValueReader::read_quoted(std::string_view line, size_t &pos)
{
    size_t start = pos;
    Value value;
    value.kind = Value::Kind::string;
    ++pos;
    while (true) {
        if (pos >= line.size())
            return fail("unterminated quoted string", start);
        char c = line[pos];
        if (c == '"') {
            ++pos;
            break;
        }
        if (c == '\\') {
            if (pos + 1 >= line.size())
                return fail("unterminated quoted string", start);
            char escaped = line[pos + 1];
            if (escaped != '\\' && escaped != '"')
                value.text += '\\';
            value.text += escaped;
            pos += 2;
            continue;
        }
        // Copy the run of plain bytes up to the next quote or backslash at once.
        size_t end = pos;
        while (end < line.size() && line[end] != '"' && line[end] != '\\')
            ++end;
        value.text.append(line.data() + pos, end - pos);
        pos = end;
    }
    return push(std::move(value), start) ? Stop::end_of_line : Stop::error;
}

// Read "{n}", "{n+}" or "~{n}". The marker must end the line, and the n
// octets of the literal follow the line end.
ValueReader::Stop ValueReader::read_literal_marker(std::string_view line, size_t &pos, bool literal8)
{
    size_t start = pos;
    if (in_code_)
        return fail("literal inside a response code", start);
    pos += literal8 ? 2 : 1;

    size_t digits_start = pos;
    while (pos < line.size() && is_digit(line[pos]))
        ++pos;
    std::string_view digits = line.substr(digits_start, pos - digits_start);
    if (digits.empty())
        return fail("invalid literal: expected digits after '{'", start);
    if (pos < line.size() && line[pos] == '+')
        ++pos;
    if (pos >= line.size() || line[pos] != '}')
        return fail("invalid literal: expected '}' after \"{" + std::string(digits) + "\"", start);
    ++pos;
    if (pos != line.size())
        return fail("literal marker \"" + std::string(line.substr(start, pos - start)) +
                        "\" is not at the end of its line", start);

    uint64_t size = 0;
    if (!parse_number(digits, size) || size > limits_.max_literal_size) {
        return fail("literal of " + std::string(digits) + " octets is larger than the maximum of " +
                        std::to_string(limits_.max_literal_size),
                    start);
    }
    Value value;
    value.kind = Value::Kind::literal;
    value.literal_size = size;
    value.literal8 = literal8;
    if (!push(std::move(value), start))
        return Stop::error;
    literal_size_ = size;
    return Stop::literal;
}

// Read an atom, a number or NIL. A '[' in an atom opens a bracketed part that
// may contain spaces, lists and quoted strings and runs to the matching ']',
// as in "BODY[HEADER.FIELDS (FROM)]<0>". Outside a response code a ']' is an
// ordinary atom byte, because mailbox names such as "[Gmail]/Sent" may be
// sent as atoms.
ValueReader::Stop ValueReader::read_atom(std::string_view line, size_t &pos)
{
    size_t start = pos;
    while (pos < line.size()) {
        unsigned char c = static_cast<unsigned char>(line[pos]);
        if (c == '[') {
            size_t bracket = pos;
            size_t depth = 1;
            ++pos;
            while (pos < line.size() && depth > 0) {
                unsigned char inner = static_cast<unsigned char>(line[pos]);
                if (inner == '"') {
                    size_t quote = pos;
                    if (!skip_quoted(line, pos))
                        return fail("unterminated quoted string inside brackets", bracket);
                    for (size_t i = quote; i < pos; ++i) {
                        unsigned char quoted = static_cast<unsigned char>(line[i]);
                        if (is_control(quoted))
                            return fail("invalid control character " + hex_byte(quoted) + " inside brackets", i);
                    }
                    continue;
                }
                if (is_control(inner))
                    return fail("invalid control character " + hex_byte(inner) + " inside brackets", pos);
                if (inner == '[')
                    ++depth;
                else if (inner == ']')
                    --depth;
                ++pos;
            }
            if (depth > 0)
                return fail("'[' without a matching ']'", bracket);
            continue;
        }
        if (c == ']' && in_code_)
            break;
        if (c == ' ' || c == '(' || c == ')' || c == '"' || c == '{' || is_control(c))
            break;
        ++pos;
    }

    std::string_view text = line.substr(start, pos - start);
    Value value;
    if (parse_number(text, value.number)) {
        value.kind = Value::Kind::number;
        value.text = std::string(text);
    } else if (equals_ignore_case(text, "NIL")) {
        value.kind = Value::Kind::nil;
    } else {
        value.kind = Value::Kind::atom;
        value.text = std::string(text);
    }
    return push(std::move(value), start) ? Stop::end_of_line : Stop::error;
}

// Read the word at line[pos]: the bytes up to the next space or '(' or the end.
std::string_view read_word(std::string_view line, size_t &pos)
{
    size_t start = pos;
    while (pos < line.size() && line[pos] != ' ' && line[pos] != '(')
        ++pos;
    return line.substr(start, pos - start);
}

void skip_spaces(std::string_view line, size_t &pos)
{
    while (pos < line.size() && line[pos] == ' ')
        ++pos;
}

std::string quote_for_debug(const std::string &text)
{
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\')
            quoted += '\\';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

}  // namespace

bool Value::is_atom(std::string_view name) const
{
    return kind == Kind::atom && equals_ignore_case(text, name);
}

bool operator==(const Value &a, const Value &b)
{
    return a.kind == b.kind && a.text == b.text && a.number == b.number && a.items == b.items &&
           a.literal_size == b.literal_size && a.literal_index == b.literal_index && a.literal8 == b.literal8 &&
           a.in_sink == b.in_sink;
}

bool operator==(const ResponseCode &a, const ResponseCode &b)
{
    return a.name == b.name && a.raw_arguments == b.raw_arguments && a.arguments == b.arguments &&
           a.arguments_valid == b.arguments_valid;
}

bool operator==(const Response &a, const Response &b)
{
    return a.kind == b.kind && a.tag == b.tag && a.name == b.name && a.has_number == b.has_number &&
           a.number == b.number && a.code == b.code && a.text == b.text && a.data == b.data;
}

bool Response::is_status() const
{
    return kind != ResponseKind::continuation && !has_number && is_status_name(name);
}

std::string to_debug_string(const Value &value)
{
    switch (value.kind) {
    case Value::Kind::nil:
        return "NIL";
    case Value::Kind::atom:
    case Value::Kind::number:
        return value.text;
    case Value::Kind::string:
        return quote_for_debug(value.text);
    case Value::Kind::literal: {
        std::string marker = value.literal8 ? "~{" : "{";
        marker += std::to_string(value.literal_size);
        if (value.in_sink)
            return marker + ":sink}";
        return marker + "}\r\n" + value.text;
    }
    case Value::Kind::list:
        return "(" + to_debug_string(value.items) + ")";
    }
    return "?";
}

std::string to_debug_string(const std::vector<Value> &values)
{
    std::string joined;
    for (size_t i = 0; i < values.size(); ++i) {
        if (i > 0)
            joined += ' ';
        joined += to_debug_string(values[i]);
    }
    return joined;
}

FetchItemName split_fetch_item_name(std::string_view atom)
{
    FetchItemName item;
    size_t bracket = atom.find('[');
    item.name = to_upper_ascii(atom.substr(0, bracket));
    if (bracket == std::string_view::npos)
        return item;

    // Find the ']' that matches the first '[', skipping quoted strings.
    size_t pos = bracket + 1;
    size_t depth = 1;
    while (pos < atom.size()) {
        if (atom[pos] == '"') {
            if (!skip_quoted(atom, pos))
                break;
            continue;
        }
        if (atom[pos] == '[')
            ++depth;
        else if (atom[pos] == ']' && --depth == 0)
            break;
        ++pos;
    }
    item.has_section = true;
    item.section = std::string(atom.substr(bracket + 1, pos - bracket - 1));
    if (pos + 2 < atom.size() && atom[pos + 1] == '<' && atom.back() == '>')
        item.partial = std::string(atom.substr(pos + 2, atom.size() - pos - 3));
    return item;
}

ResponseParser::ResponseParser(ResponseLimits limits) : limits_(limits)
{
    reset();
}

void ResponseParser::set_literal_sink(uint64_t threshold, LiteralSink sink)
{
    sink_threshold_ = threshold;
    sink_ = std::move(sink);
}

void ResponseParser::reset()
{
    phase_ = Phase::line;
    line_.clear();
    response_bytes_ = 0;
    line_start_ = 0;
    header_done_ = false;
    current_ = Response{};
    open_lists_.assign(1, &current_.data);
    element_count_ = 0;
    literal_count_ = 0;
    literal_ = nullptr;
    literal_remaining_ = 0;
    literal_to_sink_ = false;
    literal_item_name_.clear();
    complete_ = false;
    error_.clear();
}

Response ResponseParser::take()
{
    Response response = std::move(current_);
    reset();
    return response;
}

bool ResponseParser::in_progress() const
{
    return !complete_ && error_.empty() && response_bytes_ > 0;
}

ResponseParser::Status ResponseParser::fail(const std::string &problem, uint64_t offset)
{
    error_ = "invalid IMAP response: " + problem + " at byte " + std::to_string(offset) + " of the response";
    line_.clear();
    return Status::error;
}

// Every byte of a line except its LF is stored in line_, including a CR that
// may turn out to be the first half of CRLF. So line_ may hold one byte more
// than max_line_length, and only when that byte is a trailing CR.
ResponseParser::Status ResponseParser::feed(const char *data, size_t length, size_t &consumed)
{
    consumed = 0;
    if (!error_.empty())
        return Status::error;
    if (complete_)
        return Status::complete;

    const size_t max_stored = limits_.max_line_length < SIZE_MAX ? limits_.max_line_length + 1 : SIZE_MAX;
    size_t pos = 0;
    while (pos < length) {
        if (phase_ == Phase::literal) {
            size_t chunk = static_cast<size_t>(std::min<uint64_t>(literal_remaining_, length - pos));
            Status status = read_literal_bytes(data + pos, chunk);
            pos += chunk;
            if (status == Status::error) {
                consumed = pos;
                return status;
            }
            continue;
        }

        const void *newline = std::memchr(data + pos, '\n', length - pos);
        size_t line_end = newline ? static_cast<const char *>(newline) - data : length;
        size_t chunk = line_end - pos;

        // Find the byte, if any, that breaks the length limit. It is the same
        // byte however the input is split across feed() calls.
        size_t room = max_stored - line_.size();
        size_t overflow_index = SIZE_MAX;
        if (room > 0 && chunk >= room && data[pos + room - 1] != '\r')
            overflow_index = pos + room - 1;
        else if (chunk > room)
            overflow_index = pos + room;
        if (overflow_index != SIZE_MAX) {
            consumed = overflow_index + 1;
            return fail("line longer than the maximum of " + std::to_string(limits_.max_line_length) + " bytes",
                        line_start_ + line_.size() + (overflow_index - pos));
        }
        line_.append(data + pos, chunk);
        response_bytes_ += chunk;
        pos = line_end;
        if (!newline) {
            consumed = pos;
            return Status::need_more;
        }

        ++pos;  // the LF
        ++response_bytes_;
        Status status = take_line();
        line_.clear();
        line_start_ = response_bytes_;
        if (status != Status::need_more) {
            complete_ = status == Status::complete;
            consumed = pos;
            return status;
        }
    }
    consumed = pos;
    return Status::need_more;
}

// Store or pass on the next length octets of the current literal.
ResponseParser::Status ResponseParser::read_literal_bytes(const char *data, size_t length)
{
    if (literal_to_sink_) {
        LiteralChunk chunk;
        chunk.literal_index = literal_->literal_index;
        chunk.literal_size = literal_->literal_size;
        chunk.offset = literal_->literal_size - literal_remaining_;
        chunk.data = std::string_view(data, length);
        chunk.item_name = literal_item_name_;
        chunk.response_number = current_.number;
        if (!sink_(chunk)) {
            return fail("the literal sink rejected literal " + std::to_string(literal_->literal_index) +
                            " of " + std::to_string(literal_->literal_size) + " octets",
                        response_bytes_);
        }
    } else {
        literal_->text.append(data, length);
    }
    response_bytes_ += length;
    literal_remaining_ -= length;
    if (literal_remaining_ == 0) {
        phase_ = Phase::line;
        literal_ = nullptr;
        line_start_ = response_bytes_;
    }
    return Status::need_more;
}

// Parse the line in line_, which ends a line of the response or the whole response.
ResponseParser::Status ResponseParser::take_line()
{
    std::string_view line = line_;
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    if (!header_done_)
        return read_first_line(line);
    return read_values(line, 0);
}

ResponseParser::Status ResponseParser::read_first_line(std::string_view line)
{
    if (line.empty())
        return fail("empty line where a response was expected", line_start_);
    header_done_ = true;

    if (line[0] == '+') {
        current_.kind = ResponseKind::continuation;
        std::string_view text = line.substr(1);
        if (!text.empty() && text[0] == ' ')
            text.remove_prefix(1);
        read_response_text(text);
        return Status::complete;
    }

    if (line[0] == '*') {
        current_.kind = ResponseKind::untagged;
        if (line.size() < 2 || line[1] != ' ')
            return fail("expected a space after '*'", line_start_ + 1);
        size_t pos = 2;
        skip_spaces(line, pos);
        size_t word_start = pos;
        std::string_view word = read_word(line, pos);
        if (word.empty())
            return fail("missing response name after '*'", line_start_ + word_start);
        if (is_digit(word[0])) {
            if (!parse_number(word, current_.number))
                return fail("invalid message number \"" + censor(std::string(word), 32) + "\"",
                            line_start_ + word_start);
            current_.has_number = true;
            skip_spaces(line, pos);
            word_start = pos;
            word = read_word(line, pos);
            if (word.empty())
                return fail("missing response name after the number " + std::to_string(current_.number),
                            line_start_ + word_start);
        }
        if (!is_valid_response_name(word))
            return fail("invalid response name \"" + censor(std::string(word), 32) + "\"", line_start_ + word_start);
        current_.name = to_upper_ascii(word);

        if (!current_.has_number && is_status_name(current_.name)) {
            if (pos < line.size() && line[pos] == ' ')
                ++pos;
            read_response_text(line.substr(pos));
            return Status::complete;
        }
        return read_values(line, pos);
    }

    current_.kind = ResponseKind::tagged;
    size_t space = line.find(' ');
    if (space == 0)
        return fail("missing tag before the space", line_start_);
    std::string_view tag = line.substr(0, space);
    for (size_t i = 0; i < tag.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(tag[i]);
        if (is_control(c))
            return fail("invalid control character " + hex_byte(c) + " in the tag", line_start_ + i);
    }
    current_.tag = std::string(tag);
    if (space == std::string_view::npos)
        return fail("missing OK, NO or BAD after the tag \"" + censor(current_.tag, 32) + "\"",
                    line_start_ + line.size());

    size_t pos = space + 1;
    std::string_view word = read_word(line, pos);
    current_.name = to_upper_ascii(word);
    if (current_.name != "OK" && current_.name != "NO" && current_.name != "BAD") {
        return fail("expected OK, NO or BAD after the tag \"" + censor(current_.tag, 32) + "\", got \"" +
                        censor(std::string(word), 32) + "\"",
                    line_start_ + space + 1);
    }
    if (pos < line.size() && line[pos] == ' ')
        ++pos;
    read_response_text(line.substr(pos));
    return Status::complete;
}

// Read values from line[pos] on into the open lists. Returns need_more when a
// literal follows the line or a zero-length literal ended it, complete when
// the response ends with this line, or error.
ResponseParser::Status ResponseParser::read_values(std::string_view line, size_t pos)
{
    ValueReader reader(limits_, open_lists_, element_count_, false);
    switch (reader.read(line, pos)) {
    case ValueReader::Stop::literal:
        return start_literal(reader.literal_size());
    case ValueReader::Stop::error:
        return fail(reader.problem(), line_start_ + reader.problem_offset());
    case ValueReader::Stop::end_of_line:
    case ValueReader::Stop::close_bracket:
        break;
    }
    size_t unclosed = open_lists_.size() - 1;
    if (unclosed > 0) {
        return fail(std::to_string(unclosed) + (unclosed == 1 ? " list is" : " lists are") +
                        " still open at the end of the response",
                    line_start_ + line.size());
    }
    return Status::complete;
}

// Prepare to read the literal that the last line announced. Its value is the
// last one in the innermost open list.
ResponseParser::Status ResponseParser::start_literal(uint64_t size)
{
    std::vector<Value> &list = *open_lists_.back();
    literal_ = &list.back();
    literal_->literal_index = literal_count_++;
    literal_remaining_ = size;
    literal_to_sink_ = sink_ && size > sink_threshold_;
    literal_->in_sink = literal_to_sink_;

    literal_item_name_.clear();
    if (list.size() >= 2 && list[list.size() - 2].kind == Value::Kind::atom)
        literal_item_name_ = list[list.size() - 2].text;

    if (size == 0)
        literal_ = nullptr;
    else
        phase_ = Phase::literal;
    return Status::need_more;
}

// Split the text of a status response or continuation request into its
// optional response code and the text after it. Text that starts with '[' but
// has no closing ']' is kept whole as text.
void ResponseParser::read_response_text(std::string_view text)
{
    current_.text = std::string(text);
    if (text.empty() || text[0] != '[')
        return;

    size_t pos = 1;
    while (pos < text.size() && text[pos] != ' ' && text[pos] != ']' &&
           !is_control(static_cast<unsigned char>(text[pos])))
        ++pos;
    if (pos == 1 || pos == text.size() || is_control(static_cast<unsigned char>(text[pos])))
        return;

    ResponseCode code;
    code.name = to_upper_ascii(text.substr(1, pos - 1));
    size_t close = pos;
    if (text[pos] == ' ') {
        size_t arguments_start = pos + 1;
        std::vector<std::vector<Value> *> code_lists{&code.arguments};
        ValueReader reader(limits_, code_lists, element_count_, true);
        size_t end = arguments_start;
        if (reader.read(text, end) == ValueReader::Stop::close_bracket) {
            close = end;
        } else {
            code.arguments.clear();
            code.arguments_valid = false;
            close = text.find(']', arguments_start);
            if (close == std::string_view::npos)
                return;
        }
        code.raw_arguments = std::string(text.substr(arguments_start, close - arguments_start));
    }

    std::string_view rest = text.substr(close + 1);
    if (!rest.empty() && rest[0] == ' ')
        rest.remove_prefix(1);
    current_.code = std::move(code);
    current_.text = std::string(rest);
}

}  // namespace mailbridge::imap

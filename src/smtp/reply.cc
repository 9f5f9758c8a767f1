#include "smtp/reply.h"

#include <cstdint>
#include <cstring>

#include "common/error.h"

namespace mailbridge::smtp {

namespace {

// Maximum length of the excerpt of an invalid line quoted in an error message.
constexpr size_t error_excerpt_length = 64;

bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

// Advance pos past the digits at text[pos]. Returns false unless there are 1 to 3.
bool skip_short_number(const std::string &text, size_t &pos)
{
    size_t start = pos;
    while (pos < text.size() && pos - start < 4 && is_digit(text[pos]))
        ++pos;
    size_t digits = pos - start;
    return digits >= 1 && digits <= 3;
}

// Return the enhanced status code (RFC 3463 "class.subject.detail") at the
// start of text, or "" when there is none. The class must equal the first
// digit of the reply code, and the code must be followed by a space or the end
// of the text.
std::string parse_enhanced_status(const std::string &text, char reply_class)
{
    if (reply_class != '2' && reply_class != '4' && reply_class != '5')
        return {};
    if (text.size() < 5 || text[0] != reply_class || text[1] != '.')
        return {};

    size_t pos = 2;
    if (!skip_short_number(text, pos) || pos >= text.size() || text[pos] != '.')
        return {};
    ++pos;
    if (!skip_short_number(text, pos))
        return {};
    if (pos < text.size() && text[pos] != ' ')
        return {};
    return text.substr(0, pos);
}

}  // namespace

std::string Reply::text() const
{
    std::string joined;
    for (size_t i = 0; i < lines.size(); ++i) {
        if (i > 0)
            joined += '\n';
        joined += lines[i];
    }
    return censor(joined);
}

ReplyParser::ReplyParser(ReplyLimits limits) : limits_(limits) {}

void ReplyParser::reset()
{
    line_.clear();
    current_ = Reply{};
    complete_ = false;
    error_.clear();
}

Reply ReplyParser::take()
{
    Reply reply = std::move(current_);
    reset();
    return reply;
}

bool ReplyParser::in_progress() const
{
    if (complete_ || !error_.empty())
        return false;
    return !line_.empty() || !current_.lines.empty();
}

ReplyParser::Status ReplyParser::fail(std::string message)
{
    error_ = std::move(message);
    line_.clear();
    return Status::error;
}

// Every byte of a line except its LF is stored in line_, including a CR that
// may turn out to be the first half of CRLF. So line_ may hold one byte more
// than max_line_length, and only when that byte is a trailing CR.
ReplyParser::Status ReplyParser::feed(const char *data, size_t length, size_t &consumed)
{
    consumed = 0;
    if (!error_.empty())
        return Status::error;
    if (complete_)
        return Status::complete;

    const size_t max_stored = limits_.max_line_length < SIZE_MAX ? limits_.max_line_length + 1 : SIZE_MAX;
    size_t pos = 0;
    while (pos < length) {
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
            return fail("invalid server reply: line longer than the maximum of " +
                        std::to_string(limits_.max_line_length) + " bytes");
        }
        line_.append(data + pos, chunk);
        pos = line_end;
        if (!newline) {
            consumed = pos;
            return Status::need_more;
        }

        ++pos;  // the LF
        if (!line_.empty() && line_.back() == '\r')
            line_.pop_back();
        bool last = false;
        Status status = take_line(last);
        if (status == Status::error) {
            consumed = pos;
            return status;
        }
        if (last) {
            complete_ = true;
            consumed = pos;
            return Status::complete;
        }
    }
    consumed = pos;
    return Status::need_more;
}

// Check the line in line_ and append its text to current_. Sets last when
// it is the final line of the reply.
ReplyParser::Status ReplyParser::take_line(bool &last)
{
    const std::string &line = line_;
    if (line.size() < 3 || !is_digit(line[0]) || !is_digit(line[1]) || !is_digit(line[2]) ||
        line[0] < '2' || line[0] > '5') {
        return fail("invalid server reply: expected a 3-digit code from 200 to 599, got \"" +
                    censor(line, error_excerpt_length) + "\"");
    }
    if (line.size() > 3 && line[3] != '-' && line[3] != ' ') {
        return fail("invalid server reply: expected a space or '-' after the code, got \"" +
                    censor(line, error_excerpt_length) + "\"");
    }

    int code = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
    bool first = current_.lines.empty();
    if (!first && code != current_.code) {
        return fail("invalid server reply: line with code " + std::to_string(code) +
                    " inside a reply with code " + std::to_string(current_.code));
    }
    if (current_.lines.size() >= limits_.max_lines) {
        return fail("invalid server reply: more than the maximum of " +
                    std::to_string(limits_.max_lines) + " lines");
    }

    last = line.size() == 3 || line[3] == ' ';
    std::string text = line.size() > 4 ? line.substr(4) : std::string();
    if (first) {
        current_.code = code;
        current_.enhanced_status = parse_enhanced_status(text, line[0]);
    }
    current_.lines.push_back(std::move(text));
    line_.clear();
    return Status::need_more;
}

}  // namespace mailbridge::smtp

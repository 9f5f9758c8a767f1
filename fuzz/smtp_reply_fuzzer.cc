// libFuzzer target for the SMTP reply parser.
//
// Input layout: byte 0 selects the limits, byte 1 selects the offset at which
// the server output is split in two, and the remaining bytes are that output.
// The output is parsed twice, in one piece and split in two, and both runs
// must produce the same replies, the same final status and the same number of
// consumed bytes. Each reply is checked against the documented invariants.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "smtp/reply.h"

using mailbridge::smtp::Reply;
using mailbridge::smtp::ReplyLimits;
using mailbridge::smtp::ReplyParser;

namespace {

// abort() rather than assert() so that the checks stay in release builds.
void check(bool condition)
{
    if (!condition)
        std::abort();
}

struct ParseRun {
    std::vector<Reply> replies;
    ReplyParser::Status last_status = ReplyParser::Status::need_more;
    std::string error;
    size_t consumed = 0;
};

bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

// Check the enhanced status code format: class.subject.detail with 1 to 3
// digits in subject and detail, and the class equal to the reply's first digit.
void check_enhanced_status(const Reply &reply)
{
    const std::string &status = reply.enhanced_status;
    if (status.empty())
        return;
    check(status[0] == static_cast<char>('0' + reply.code / 100));
    check(status.size() >= 5 && status[1] == '.');
    size_t pos = 2;
    for (int part = 0; part < 2; ++part) {
        size_t start = pos;
        while (pos < status.size() && is_digit(status[pos]))
            ++pos;
        check(pos - start >= 1 && pos - start <= 3);
        if (part == 0) {
            check(pos < status.size() && status[pos] == '.');
            ++pos;
        }
    }
    check(pos == status.size());
    check(reply.lines[0].compare(0, status.size(), status) == 0);
}

void check_reply(const Reply &reply, const ReplyLimits &limits)
{
    check(reply.code >= 200 && reply.code <= 599);
    check(!reply.lines.empty());
    check(reply.lines.size() <= limits.max_lines);
    for (const std::string &line : reply.lines) {
        // A line is "NNN", or "NNN-" or "NNN " followed by its text.
        check(line.empty() ? limits.max_line_length >= 3 : line.size() + 4 <= limits.max_line_length);
        check(line.find('\n') == std::string::npos);
    }
    check_enhanced_status(reply);

    std::string text = reply.text();
    for (unsigned char c : text)
        check(c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7f));
}

// Feed each nonempty piece in turn, taking replies until the pieces are used
// up or the parser reports an error.
ParseRun parse_pieces(const std::vector<std::string> &pieces, const ReplyLimits &limits)
{
    ReplyParser parser(limits);
    ParseRun run;
    for (const std::string &piece : pieces) {
        size_t offset = 0;
        while (offset < piece.size()) {
            size_t consumed = 0;
            size_t remaining = piece.size() - offset;
            run.last_status = parser.feed(piece.data() + offset, remaining, consumed);
            check(consumed <= remaining);
            offset += consumed;
            run.consumed += consumed;

            if (run.last_status == ReplyParser::Status::need_more) {
                check(consumed == remaining);
                if (consumed > 0)
                    check(parser.in_progress());
            } else if (run.last_status == ReplyParser::Status::complete) {
                check(consumed > 0);
                check(!parser.in_progress());
                Reply reply = parser.take();
                check_reply(reply, limits);
                check(!parser.in_progress());
                run.replies.push_back(std::move(reply));
            } else {
                check(!parser.error_message().empty());
                run.error = parser.error_message();
                return run;
            }
        }
    }
    return run;
}

bool same_reply(const Reply &a, const Reply &b)
{
    return a.code == b.code && a.enhanced_status == b.enhanced_status && a.lines == b.lines;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;

    // Small limits for half of the inputs, so that the limit errors are reached.
    ReplyLimits limits;
    uint8_t selector = data[0];
    if ((selector & 0x80) == 0) {
        limits.max_line_length = selector & 0x3f;
        limits.max_lines = 1 + ((selector >> 6) & 0x01) * 3;
    }

    std::string input(reinterpret_cast<const char *>(data + 2), size - 2);
    size_t split = input.empty() ? 0 : static_cast<size_t>(data[1]) * input.size() / 255;

    ParseRun whole = parse_pieces({input}, limits);
    ParseRun halves = parse_pieces({input.substr(0, split), input.substr(split)}, limits);

    check(whole.consumed <= input.size());
    if (whole.last_status != ReplyParser::Status::error)
        check(whole.consumed == input.size());
    check(whole.last_status == halves.last_status);
    check(whole.consumed == halves.consumed);
    check(whole.error == halves.error);
    check(whole.replies.size() == halves.replies.size());
    for (size_t i = 0; i < whole.replies.size(); ++i)
        check(same_reply(whole.replies[i], halves.replies[i]));
    return 0;
}

#include "smtp/reply.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using mailbridge::smtp::Reply;
using mailbridge::smtp::ReplyLimits;
using mailbridge::smtp::ReplyParser;
using Status = ReplyParser::Status;

namespace {

// Outcome of feeding one input to a fresh parser until it returns complete or
// error, or the input runs out.
struct FeedResult {
    Status status = Status::need_more;
    size_t consumed = 0;  // total over all feed() calls
    Reply reply;          // valid when status is complete
    std::string error;    // valid when status is error
};

const char *status_name(Status status)
{
    switch (status) {
    case Status::need_more: return "need_more";
    case Status::complete: return "complete";
    case Status::error: return "error";
    }
    return "?";
}

// Feed input in pieces that end at each offset in cuts (ascending), then the rest.
FeedResult feed_in_pieces(const std::string &input, const std::vector<size_t> &cuts, ReplyLimits limits)
{
    ReplyParser parser(limits);
    FeedResult result;
    size_t start = 0;
    std::vector<size_t> ends = cuts;
    ends.push_back(input.size());
    for (size_t end : ends) {
        size_t consumed = 0;
        result.status = parser.feed(input.data() + start, end - start, consumed);
        EXPECT_LE(consumed, end - start);
        result.consumed += consumed;
        if (result.status == Status::need_more) {
            EXPECT_EQ(consumed, end - start) << "need_more must consume every byte it was given";
        }
        if (result.status == Status::complete) {
            result.reply = parser.take();
            break;
        }
        if (result.status == Status::error) {
            result.error = parser.error_message();
            break;
        }
        start = end;
    }
    return result;
}

void expect_same_result(const FeedResult &expected, const FeedResult &actual)
{
    EXPECT_STREQ(status_name(expected.status), status_name(actual.status));
    EXPECT_EQ(expected.consumed, actual.consumed);
    EXPECT_EQ(expected.reply.code, actual.reply.code);
    EXPECT_EQ(expected.reply.enhanced_status, actual.reply.enhanced_status);
    EXPECT_EQ(expected.reply.lines, actual.reply.lines);
    EXPECT_EQ(expected.error, actual.error);
}

// Feed input whole, one byte at a time and split in two at every offset.
// Expects the same result every way and returns it.
FeedResult parse_every_way(const std::string &input, ReplyLimits limits = {})
{
    FeedResult whole = feed_in_pieces(input, {}, limits);

    std::vector<size_t> every_byte;
    for (size_t i = 1; i < input.size(); ++i)
        every_byte.push_back(i);
    {
        SCOPED_TRACE("fed one byte at a time");
        expect_same_result(whole, feed_in_pieces(input, every_byte, limits));
    }

    for (size_t split = 0; split <= input.size(); ++split) {
        SCOPED_TRACE("split at offset " + std::to_string(split));
        expect_same_result(whole, feed_in_pieces(input, {split}, limits));
    }
    return whole;
}

}  // namespace

TEST(SmtpReply, SingleLine)
{
    FeedResult result = parse_every_way("250 OK\r\n");
    ASSERT_EQ(result.status, Status::complete);
    EXPECT_EQ(result.consumed, 8u);
    EXPECT_EQ(result.reply.code, 250);
    EXPECT_EQ(result.reply.lines, std::vector<std::string>{"OK"});
    EXPECT_EQ(result.reply.enhanced_status, "");
}

TEST(SmtpReply, MultiLine)
{
    std::string input = "250-mail.example.com Hello\r\n250-SIZE 10240000\r\n250-8BITMIME\r\n250 HELP\r\n";
    FeedResult result = parse_every_way(input);
    ASSERT_EQ(result.status, Status::complete);
    EXPECT_EQ(result.consumed, input.size());
    EXPECT_EQ(result.reply.code, 250);
    std::vector<std::string> expected = {"mail.example.com Hello", "SIZE 10240000", "8BITMIME", "HELP"};
    EXPECT_EQ(result.reply.lines, expected);
}

TEST(SmtpReply, BareCodeIsLastLine)
{
    FeedResult result = parse_every_way("250\r\n");
    ASSERT_EQ(result.status, Status::complete);
    EXPECT_EQ(result.consumed, 5u);
    EXPECT_EQ(result.reply.code, 250);
    EXPECT_EQ(result.reply.lines, std::vector<std::string>{""});
}

TEST(SmtpReply, BareCodeEndsMultiLine)
{
    FeedResult result = parse_every_way("250-first\r\n250\r\n");
    ASSERT_EQ(result.status, Status::complete);
    std::vector<std::string> expected = {"first", ""};
    EXPECT_EQ(result.reply.lines, expected);
}

TEST(SmtpReply, EmptyTextAfterSeparator)
{
    FeedResult result = parse_every_way("250-\r\n250 \r\n");
    ASSERT_EQ(result.status, Status::complete);
    std::vector<std::string> expected = {"", ""};
    EXPECT_EQ(result.reply.lines, expected);
}

TEST(SmtpReply, BareLfLineEnds)
{
    std::string input = "250-first\n250 second\n";
    FeedResult result = parse_every_way(input);
    ASSERT_EQ(result.status, Status::complete);
    EXPECT_EQ(result.consumed, input.size());
    std::vector<std::string> expected = {"first", "second"};
    EXPECT_EQ(result.reply.lines, expected);
}

TEST(SmtpReply, MixedLineEnds)
{
    FeedResult result = parse_every_way("250-first\n250-second\r\n250\n");
    ASSERT_EQ(result.status, Status::complete);
    std::vector<std::string> expected = {"first", "second", ""};
    EXPECT_EQ(result.reply.lines, expected);
}

TEST(SmtpReply, CrInsideLineIsKept)
{
    FeedResult result = parse_every_way("250 a\rb\r\n");
    ASSERT_EQ(result.status, Status::complete);
    EXPECT_EQ(result.reply.lines, std::vector<std::string>{"a\rb"});
    EXPECT_EQ(result.reply.text(), "a?b");
}

TEST(SmtpReply, CrWithoutLfWaitsForLf)
{
    ReplyParser parser;
    size_t consumed = 0;
    EXPECT_EQ(parser.feed("250 OK\r", 7, consumed), Status::need_more);
    EXPECT_EQ(consumed, 7u);
    EXPECT_TRUE(parser.in_progress());

    EXPECT_EQ(parser.feed("\n", 1, consumed), Status::complete);
    EXPECT_EQ(consumed, 1u);
    EXPECT_EQ(parser.take().lines, std::vector<std::string>{"OK"});
}

TEST(SmtpReply, ContinuationDecidedOnCompleteLine)
{
    // "250" alone could still become "250-..." or "250 ...".
    ReplyParser parser;
    size_t consumed = 0;
    EXPECT_EQ(parser.feed("250", 3, consumed), Status::need_more);
    EXPECT_EQ(parser.feed("-more\r\n", 7, consumed), Status::need_more);
    EXPECT_EQ(parser.feed("250 done\r\n", 10, consumed), Status::complete);
    std::vector<std::string> expected = {"more", "done"};
    EXPECT_EQ(parser.take().lines, expected);
}

TEST(SmtpReply, EnhancedStatusPresent)
{
    FeedResult result = parse_every_way("250 2.1.0 Sender OK\r\n");
    ASSERT_EQ(result.status, Status::complete);
    EXPECT_EQ(result.reply.enhanced_status, "2.1.0");
    EXPECT_EQ(result.reply.lines, std::vector<std::string>{"2.1.0 Sender OK"});
}

TEST(SmtpReply, EnhancedStatusMultiLine)
{
    FeedResult result = parse_every_way("550-5.7.1 Relaying denied\r\n550 5.7.1 See the policy\r\n");
    ASSERT_EQ(result.status, Status::complete);
    EXPECT_EQ(result.reply.code, 550);
    EXPECT_EQ(result.reply.enhanced_status, "5.7.1");
    std::vector<std::string> expected = {"5.7.1 Relaying denied", "5.7.1 See the policy"};
    EXPECT_EQ(result.reply.lines, expected);
}

TEST(SmtpReply, EnhancedStatusAloneOnLine)
{
    FeedResult result = parse_every_way("250 2.0.0\r\n");
    ASSERT_EQ(result.status, Status::complete);
    EXPECT_EQ(result.reply.enhanced_status, "2.0.0");
}

TEST(SmtpReply, EnhancedStatusLongestFields)
{
    FeedResult result = parse_every_way("451 4.123.456 Try later\r\n");
    ASSERT_EQ(result.status, Status::complete);
    EXPECT_EQ(result.reply.enhanced_status, "4.123.456");
}

TEST(SmtpReply, EnhancedStatusAbsent)
{
    FeedResult result = parse_every_way("250 OK\r\n");
    ASSERT_EQ(result.status, Status::complete);
    EXPECT_EQ(result.reply.enhanced_status, "");
}

TEST(SmtpReply, EnhancedStatusInvalidIsIgnored)
{
    const char *inputs[] = {
        "250 5.1.1 class differs from the reply code\r\n",
        "550 5.1234.1 subject has four digits\r\n",
        "550 5.1.1234 detail has four digits\r\n",
        "550 5.1.1x not followed by a space\r\n",
        "550 5.1. detail missing\r\n",
        "550 5.1 only two parts\r\n",
        "550 5..1 subject missing\r\n",
        "354 3.0.0 class 3 does not exist\r\n",
        "550  5.1.1 leading space\r\n",
        "550-first line has none\r\n550 5.1.1 only the first line counts\r\n",
    };
    for (const char *input : inputs) {
        SCOPED_TRACE(input);
        FeedResult result = parse_every_way(input);
        ASSERT_EQ(result.status, Status::complete);
        EXPECT_EQ(result.reply.enhanced_status, "");
    }
}

TEST(SmtpReply, CodeMismatchAcrossLines)
{
    FeedResult result = parse_every_way("250-first\r\n251 second\r\n");
    ASSERT_EQ(result.status, Status::error);
    EXPECT_NE(result.error.find("251"), std::string::npos) << result.error;
    EXPECT_NE(result.error.find("250"), std::string::npos) << result.error;
}

TEST(SmtpReply, InvalidCodeLines)
{
    const char *inputs[] = {
        "\r\n",       "2\r\n",        "25\r\n",         "abc text\r\n", "25x text\r\n",
        "150 text\r\n", "650 text\r\n", "050 text\r\n", "250x\r\n",     "2500\r\n",
        "250\ttext\r\n", " 250 text\r\n", "250-first\r\nXYZ second\r\n",
    };
    for (const char *input : inputs) {
        SCOPED_TRACE(input);
        FeedResult result = parse_every_way(input);
        ASSERT_EQ(result.status, Status::error);
        EXPECT_NE(result.error.find("invalid server reply"), std::string::npos) << result.error;
    }
}

TEST(SmtpReply, LineAtLengthLimit)
{
    ReplyLimits limits;
    limits.max_line_length = 10;
    for (const char *input : {"250 123456\r\n", "250 123456\n"}) {
        SCOPED_TRACE(input);
        FeedResult result = parse_every_way(input, limits);
        ASSERT_EQ(result.status, Status::complete);
        EXPECT_EQ(result.reply.lines, std::vector<std::string>{"123456"});
    }
}

TEST(SmtpReply, LineOverLengthLimit)
{
    ReplyLimits limits;
    limits.max_line_length = 10;
    for (const char *input : {"250 1234567\r\n", "250 1234567\n", "250 123456\rx\r\n"}) {
        SCOPED_TRACE(input);
        FeedResult result = parse_every_way(input, limits);
        ASSERT_EQ(result.status, Status::error);
        EXPECT_NE(result.error.find("longer than the maximum of 10 bytes"), std::string::npos) << result.error;
    }
}

TEST(SmtpReply, OverLongLineFailsBeforeLineEnd)
{
    ReplyLimits limits;
    limits.max_line_length = 10;
    std::string input(1000, 'x');
    FeedResult result = parse_every_way("250 " + input, limits);
    ASSERT_EQ(result.status, Status::error);
    EXPECT_EQ(result.consumed, 11u) << "the error is found at the first byte over the limit";
}

TEST(SmtpReply, LineCountAtLimit)
{
    ReplyLimits limits;
    limits.max_lines = 3;
    FeedResult result = parse_every_way("250-a\r\n250-b\r\n250 c\r\n", limits);
    ASSERT_EQ(result.status, Status::complete);
    EXPECT_EQ(result.reply.lines.size(), 3u);
}

TEST(SmtpReply, TooManyLines)
{
    ReplyLimits limits;
    limits.max_lines = 3;
    FeedResult result = parse_every_way("250-a\r\n250-b\r\n250-c\r\n250 d\r\n", limits);
    ASSERT_EQ(result.status, Status::error);
    EXPECT_NE(result.error.find("more than the maximum of 3 lines"), std::string::npos) << result.error;
}

TEST(SmtpReply, LeftoverBytesNotConsumed)
{
    // A server that pipelines a fake reply after "220 ready" (STARTTLS
    // response injection) must be detectable by the caller.
    std::string input = "220 ready\r\n250-FAKE\r\n";
    FeedResult result = parse_every_way(input);
    ASSERT_EQ(result.status, Status::complete);
    EXPECT_EQ(result.consumed, 11u);
    EXPECT_EQ(result.reply.code, 220);
    EXPECT_EQ(result.reply.lines, std::vector<std::string>{"ready"});
}

TEST(SmtpReply, LeftoverAfterBareLfReply)
{
    FeedResult result = parse_every_way("250\nextra");
    ASSERT_EQ(result.status, Status::complete);
    EXPECT_EQ(result.consumed, 4u);
}

TEST(SmtpReply, ConsecutiveReplies)
{
    std::string input = "250 first\r\n354 go ahead\r\n250-a\r\n250 b\r\n";
    ReplyParser parser;
    size_t offset = 0;
    std::vector<int> codes;
    while (offset < input.size()) {
        size_t consumed = 0;
        Status status = parser.feed(input.data() + offset, input.size() - offset, consumed);
        ASSERT_EQ(status, Status::complete);
        ASSERT_GT(consumed, 0u);
        offset += consumed;
        codes.push_back(parser.take().code);
    }
    EXPECT_EQ(codes, (std::vector<int>{250, 354, 250}));
    EXPECT_FALSE(parser.in_progress());
}

TEST(SmtpReply, TakeResetsParser)
{
    ReplyParser parser;
    size_t consumed = 0;
    ASSERT_EQ(parser.feed("250 one\r\n", 9, consumed), Status::complete);
    EXPECT_FALSE(parser.in_progress());
    EXPECT_EQ(parser.take().lines, std::vector<std::string>{"one"});

    ASSERT_EQ(parser.feed("421 two\r\n", 9, consumed), Status::complete);
    Reply reply = parser.take();
    EXPECT_EQ(reply.code, 421);
    EXPECT_EQ(reply.lines, std::vector<std::string>{"two"});
}

TEST(SmtpReply, CompleteUntilTaken)
{
    ReplyParser parser;
    size_t consumed = 0;
    ASSERT_EQ(parser.feed("250 one\r\n", 9, consumed), Status::complete);
    EXPECT_EQ(parser.feed("250 two\r\n", 9, consumed), Status::complete);
    EXPECT_EQ(consumed, 0u);
    EXPECT_EQ(parser.take().lines, std::vector<std::string>{"one"});
}

TEST(SmtpReply, ErrorPersistsUntilReset)
{
    ReplyParser parser;
    size_t consumed = 0;
    ASSERT_EQ(parser.feed("xyz\r\n", 5, consumed), Status::error);
    EXPECT_FALSE(parser.error_message().empty());
    EXPECT_FALSE(parser.in_progress());

    EXPECT_EQ(parser.feed("250 OK\r\n", 8, consumed), Status::error);
    EXPECT_EQ(consumed, 0u);

    parser.reset();
    EXPECT_TRUE(parser.error_message().empty());
    EXPECT_EQ(parser.feed("250 OK\r\n", 8, consumed), Status::complete);
    EXPECT_EQ(consumed, 8u);
}

TEST(SmtpReply, InProgressTracksPartialReply)
{
    ReplyParser parser;
    size_t consumed = 0;
    EXPECT_FALSE(parser.in_progress());

    EXPECT_EQ(parser.feed("", 0, consumed), Status::need_more);
    EXPECT_EQ(consumed, 0u);
    EXPECT_FALSE(parser.in_progress());

    EXPECT_EQ(parser.feed("2", 1, consumed), Status::need_more);
    EXPECT_TRUE(parser.in_progress());
    EXPECT_EQ(parser.feed("50-a\r\n", 6, consumed), Status::need_more);
    EXPECT_TRUE(parser.in_progress());
    EXPECT_EQ(parser.feed("250 b\r\n", 7, consumed), Status::complete);
    EXPECT_FALSE(parser.in_progress());
}

TEST(SmtpReply, TextJoinsAndCensors)
{
    Reply reply;
    reply.lines = {"a\x01" "b", "c\x7f", std::string("nul\0byte", 8), "tab\tkept"};
    EXPECT_EQ(reply.text(), "a?b\nc?\nnul?byte\ntab\tkept");
}

TEST(SmtpReply, TextOfParsedReplyCensorsEscape)
{
    FeedResult result = parse_every_way("550-bad \x1b[31mred\r\n550 end\r\n");
    ASSERT_EQ(result.status, Status::complete);
    EXPECT_EQ(result.reply.text(), "bad ?[31mred\nend");
}

TEST(SmtpReply, ReplyClassHelpers)
{
    Reply reply;
    reply.code = 250;
    EXPECT_TRUE(reply.is_positive());
    reply.code = 354;
    EXPECT_TRUE(reply.is_positive());
    reply.code = 421;
    EXPECT_TRUE(reply.is_transient());
    EXPECT_FALSE(reply.is_positive());
    reply.code = 554;
    EXPECT_TRUE(reply.is_permanent());
    EXPECT_FALSE(reply.is_transient());
}

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mimeparse/header_block.h"

using namespace mailbridge::mimeparse;

namespace {

const std::string kMessage =
    "From: \"M\xC3\xBCller, Hans\" <hans@example.com>\r\n"
    "To: a@example.com,\r\n"
    "\tb@example.com\r\n"
    "Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r\n"
    " =?UTF-8?Q?_aus_Berlin?=\r\n"
    "Received: from a\r\n"
    "Received: from b\r\n"
    "X-Empty:\r\n"
    "\r\n"
    "Body line\r\n";

// Summarizes a block so that two parses can be compared in one assert.
std::string describe(const HeaderBlock &block)
{
    std::string out;
    for (const HeaderField &field : block.fields)
        out += "[" + field.name + "|" + field.raw_value + "]";
    out += " blank=" + std::to_string(block.ended_by_blank_line);
    out += " malformed=" + std::to_string(block.malformed_lines);
    out += " truncated=" + std::to_string(block.truncated_lines);
    out += " dropped=" + std::to_string(block.dropped_fields);
    return out;
}

// Feeds pieces and returns the block and the total bytes consumed.
HeaderBlock parse_pieces(const std::vector<std::string> &pieces, std::size_t &consumed_total,
                         const HeaderLimits &limits = {})
{
    HeaderParser parser(limits);
    consumed_total = 0;
    for (const std::string &piece : pieces) {
        std::size_t consumed = 0;
        HeaderParser::Status status = parser.feed(piece, consumed);
        consumed_total += consumed;
        if (status == HeaderParser::Status::complete)
            break;
    }
    parser.finish();
    return parser.take();
}

}  // namespace

TEST(HeaderBlock, FieldsInOrder)
{
    std::size_t body_offset = 0;
    HeaderBlock block = parse_header_block(kMessage, {}, &body_offset);
    ASSERT_EQ(block.fields.size(), 6u);
    EXPECT_EQ(block.fields[0].name, "From");
    EXPECT_EQ(block.fields[5].name, "X-Empty");
    EXPECT_EQ(block.fields[5].value(), "");
    EXPECT_TRUE(block.ended_by_blank_line);
    EXPECT_EQ(kMessage.substr(body_offset), "Body line\r\n");
}

TEST(HeaderBlock, RawUnfoldedAndDecoded)
{
    HeaderBlock block = parse_header_block(kMessage);
    const HeaderField *to = block.find("to");
    ASSERT_NE(to, nullptr);
    EXPECT_EQ(to->raw_value, " a@example.com,\r\n\tb@example.com");
    EXPECT_EQ(to->value(), "a@example.com,\tb@example.com");

    const HeaderField *subject = block.find("SUBJECT");
    ASSERT_NE(subject, nullptr);
    EXPECT_EQ(subject->value(), "=?UTF-8?Q?Gr=C3=BC=C3=9Fe?= =?UTF-8?Q?_aus_Berlin?=");
    EXPECT_EQ(subject->decoded_value(), "Gr\xC3\xBC\xC3\x9F" "e aus Berlin");

    const HeaderField *from = block.find("From");
    ASSERT_NE(from, nullptr);
    EXPECT_EQ(from->decoded_value(), "\"M\xC3\xBCller, Hans\" <hans@example.com>");
}

TEST(HeaderBlock, DuplicatesKept)
{
    HeaderBlock block = parse_header_block(kMessage);
    std::vector<const HeaderField *> received = block.find_all("received");
    ASSERT_EQ(received.size(), 2u);
    EXPECT_EQ(received[0]->value(), "from a");
    EXPECT_EQ(received[1]->value(), "from b");
    EXPECT_EQ(block.find("X-Missing"), nullptr);
}

TEST(HeaderBlock, BareLineFeeds)
{
    std::size_t body_offset = 0;
    std::string text = "A: 1\n folded\nB: 2\n\nbody";
    HeaderBlock block = parse_header_block(text, {}, &body_offset);
    ASSERT_EQ(block.fields.size(), 2u);
    EXPECT_EQ(block.fields[0].raw_value, " 1\n folded");
    EXPECT_EQ(block.fields[0].value(), "1 folded");
    EXPECT_EQ(text.substr(body_offset), "body");
}

TEST(HeaderBlock, MalformedLinesSkipped)
{
    HeaderBlock block = parse_header_block(" leading continuation\r\nno colon here\r\nBad Name: x\r\nGood : y\r\n\r\n");
    ASSERT_EQ(block.fields.size(), 1u);
    EXPECT_EQ(block.fields[0].name, "Good");
    EXPECT_EQ(block.fields[0].value(), "y");
    EXPECT_EQ(block.malformed_lines, 3u);
}

TEST(HeaderBlock, MboxFromLineIgnored)
{
    HeaderBlock block = parse_header_block("From sender@example.com Mon Jan  1 10:00:00 2024\nSubject: x\n\n");
    ASSERT_EQ(block.fields.size(), 1u);
    EXPECT_EQ(block.fields[0].name, "Subject");
    EXPECT_EQ(block.malformed_lines, 0u);
}

TEST(HeaderBlock, NoBlankLine)
{
    std::size_t body_offset = 0;
    std::string text = "A: 1\r\nB: 2";
    HeaderBlock block = parse_header_block(text, {}, &body_offset);
    ASSERT_EQ(block.fields.size(), 2u);
    EXPECT_EQ(block.fields[1].value(), "2");
    EXPECT_FALSE(block.ended_by_blank_line);
    EXPECT_EQ(body_offset, text.size());
}

TEST(HeaderBlock, EmptyInput)
{
    HeaderBlock block = parse_header_block("");
    EXPECT_TRUE(block.fields.empty());
    EXPECT_FALSE(block.ended_by_blank_line);
    HeaderBlock blank = parse_header_block("\r\nbody");
    EXPECT_TRUE(blank.fields.empty());
    EXPECT_TRUE(blank.ended_by_blank_line);
}

TEST(HeaderBlock, LongLineTruncated)
{
    HeaderLimits limits;
    limits.max_line_length = 16;
    HeaderBlock block = parse_header_block("Subject: 0123456789abcdefghij\r\nX: y\r\n\r\n", limits);
    ASSERT_EQ(block.fields.size(), 2u);
    EXPECT_EQ(block.fields[0].raw_value, " 0123456");
    EXPECT_EQ(block.fields[1].value(), "y");
    EXPECT_EQ(block.truncated_lines, 1u);
}

TEST(HeaderBlock, LineAtLimitKept)
{
    HeaderLimits limits;
    limits.max_line_length = 8;
    HeaderBlock block = parse_header_block("A: 12345\r\n\r\n", limits);
    ASSERT_EQ(block.fields.size(), 1u);
    EXPECT_EQ(block.fields[0].raw_value, " 12345");
    EXPECT_EQ(block.truncated_lines, 0u);
}

TEST(HeaderBlock, LongFieldTruncated)
{
    HeaderLimits limits;
    limits.max_field_length = 10;
    HeaderBlock block = parse_header_block("A: 1234\r\n 5678\r\n 9abc\r\n\r\n", limits);
    ASSERT_EQ(block.fields.size(), 1u);
    EXPECT_EQ(block.fields[0].raw_value, " 1234\r\n 56");
    EXPECT_EQ(block.truncated_lines, 1u);
}

TEST(HeaderBlock, FieldCountLimit)
{
    HeaderLimits limits;
    limits.max_fields = 2;
    std::size_t body_offset = 0;
    std::string text = "A: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\nbody";
    HeaderBlock block = parse_header_block(text, limits, &body_offset);
    EXPECT_EQ(block.fields.size(), 2u);
    EXPECT_EQ(block.dropped_fields, 2u);
    EXPECT_EQ(text.substr(body_offset), "body");
}

TEST(HeaderBlock, TotalSizeLimit)
{
    HeaderLimits limits;
    limits.max_total_size = 12;
    HeaderBlock block = parse_header_block("A: 12345\r\nB: 12345\r\nC: 1\r\n\r\n", limits);
    ASSERT_EQ(block.fields.size(), 2u);
    EXPECT_EQ(block.fields[1].name, "C");
    EXPECT_EQ(block.dropped_fields, 1u);
}

TEST(HeaderParser, StopsAtBlankLine)
{
    HeaderParser parser;
    std::size_t consumed = 0;
    EXPECT_EQ(parser.feed("A: 1\r\n", consumed), HeaderParser::Status::need_more);
    EXPECT_EQ(consumed, 6u);
    EXPECT_EQ(parser.feed("\r\nbody", consumed), HeaderParser::Status::complete);
    EXPECT_EQ(consumed, 2u);
    EXPECT_EQ(parser.feed("more", consumed), HeaderParser::Status::complete);
    EXPECT_EQ(consumed, 0u);
    HeaderBlock block = parser.take();
    ASSERT_EQ(block.fields.size(), 1u);
    EXPECT_FALSE(parser.complete());
}

TEST(HeaderParser, SameResultAtEverySplit)
{
    const std::vector<std::string> inputs = {
        kMessage,
        "A: 1\n folded\nB: 2\n\nbody",
        "From x\r\nBad\r\n cont\r\nC:\r\n\r\n",
        "A: 1\r\n\tx\r",
        "A: 0123456789abcdefghij\r\n 0123456789\r\n\r\n",
    };
    HeaderLimits limits;
    limits.max_line_length = 12;
    limits.max_field_length = 20;
    for (const std::string &input : inputs) {
        for (const HeaderLimits &limit : {HeaderLimits(), limits}) {
            SCOPED_TRACE("input: " + input);
            std::size_t whole_consumed = 0;
            std::string whole = describe(parse_pieces({input}, whole_consumed, limit));

            std::vector<std::string> bytes;
            for (char c : input)
                bytes.emplace_back(1, c);
            std::size_t consumed = 0;
            EXPECT_EQ(describe(parse_pieces(bytes, consumed, limit)), whole) << "one byte at a time";
            EXPECT_EQ(consumed, whole_consumed) << "one byte at a time";

            for (std::size_t split = 0; split <= input.size(); ++split) {
                std::string halves =
                    describe(parse_pieces({input.substr(0, split), input.substr(split)}, consumed, limit));
                EXPECT_EQ(halves, whole) << "split at " << split;
                EXPECT_EQ(consumed, whole_consumed) << "split at " << split;
            }
        }
    }
}

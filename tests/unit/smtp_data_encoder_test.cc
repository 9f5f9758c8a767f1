#include "smtp/data_encoder.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

using mailbridge::smtp::DataEncoder;

namespace {

// Encode the chunks with one encoder and finish.
std::string encode_chunks(const std::vector<std::string_view> &chunks)
{
    DataEncoder encoder;
    std::string out;
    for (std::string_view chunk : chunks)
        encoder.encode(chunk, out);
    encoder.finish(out);
    return out;
}

std::string encode_whole(std::string_view body)
{
    return encode_chunks({body});
}

// Check that "\r\n.\r\n" first appears as the terminator at the very end,
// counting the start of the output as following a line end.
void expect_terminator_only_at_end(const std::string &encoded)
{
    std::string framed = "\r\n" + encoded;
    size_t first = framed.find("\r\n.\r\n");
    ASSERT_NE(first, std::string::npos);
    EXPECT_EQ(first + 5, framed.size()) << "early end-of-data sequence in: " << encoded;
}

const std::string sample_body =
    ".starts with a dot\r\n"
    "line with bare LF\n"
    "..two dots\r\n"
    ".\r\n"
    "bare CR\r"
    ".dot after bare CR\n"
    "\r\n"
    ".\n"
    "CR CR LF\r\r\n"
    "no line end at the end.";

}  // namespace

TEST(SmtpDataEncoder, PlainBody)
{
    EXPECT_EQ(encode_whole("Subject: hi\r\n\r\nbody\r\n"), "Subject: hi\r\n\r\nbody\r\n.\r\n");
}

TEST(SmtpDataEncoder, EmptyBody)
{
    EXPECT_EQ(encode_whole(""), ".\r\n");
}

TEST(SmtpDataEncoder, DotAtOffsetZero)
{
    EXPECT_EQ(encode_whole(".hidden\r\n"), "..hidden\r\n.\r\n");
}

TEST(SmtpDataEncoder, DotInsideLineUnchanged)
{
    EXPECT_EQ(encode_whole("a.b\r\nend.\r\n"), "a.b\r\nend.\r\n.\r\n");
}

TEST(SmtpDataEncoder, DotAtChunkBoundary)
{
    EXPECT_EQ(encode_chunks({"first\r\n", ".second\r\n"}), "first\r\n..second\r\n.\r\n");
    EXPECT_EQ(encode_chunks({"first\r", "\n.second\r\n"}), "first\r\n..second\r\n.\r\n");
    EXPECT_EQ(encode_chunks({"first\r\n", ".", "second\r\n"}), "first\r\n..second\r\n.\r\n");
}

TEST(SmtpDataEncoder, DoubleDotLine)
{
    EXPECT_EQ(encode_whole("a\r\n..b\r\n"), "a\r\n...b\r\n.\r\n");
}

TEST(SmtpDataEncoder, SingleDotLine)
{
    std::string encoded = encode_whole("before\r\n.\r\nafter\r\n");
    EXPECT_EQ(encoded, "before\r\n..\r\nafter\r\n.\r\n");
    expect_terminator_only_at_end(encoded);
}

TEST(SmtpDataEncoder, SingleDotBody)
{
    std::string encoded = encode_whole(".");
    EXPECT_EQ(encoded, "..\r\n.\r\n");
    expect_terminator_only_at_end(encoded);
}

TEST(SmtpDataEncoder, BareLfBecomesCrlf)
{
    EXPECT_EQ(encode_whole("a\nb\n"), "a\r\nb\r\n.\r\n");
    EXPECT_EQ(encode_whole("\n\n"), "\r\n\r\n.\r\n");
}

TEST(SmtpDataEncoder, BareCrBecomesCrlf)
{
    EXPECT_EQ(encode_whole("a\rb\r"), "a\r\nb\r\n.\r\n");
    EXPECT_EQ(encode_whole("a\r\r\nb"), "a\r\n\r\nb\r\n.\r\n");
}

TEST(SmtpDataEncoder, DotAfterBareLineEnds)
{
    EXPECT_EQ(encode_whole("a\n.b"), "a\r\n..b\r\n.\r\n");
    EXPECT_EQ(encode_whole("a\r.b"), "a\r\n..b\r\n.\r\n");
}

TEST(SmtpDataEncoder, CrLfSplitAcrossChunks)
{
    EXPECT_EQ(encode_chunks({"a\r", "\nb"}), "a\r\nb\r\n.\r\n");
}

TEST(SmtpDataEncoder, CrAtChunkEndThenOtherByte)
{
    EXPECT_EQ(encode_chunks({"a\r", "b"}), "a\r\nb\r\n.\r\n");
    EXPECT_EQ(encode_chunks({"a\r", "\r", "\n"}), "a\r\n\r\n.\r\n");
}

TEST(SmtpDataEncoder, EmptyChunksChangeNothing)
{
    EXPECT_EQ(encode_chunks({"", "a\r", "", "\n", "", ".b", ""}), "a\r\n..b\r\n.\r\n");
}

TEST(SmtpDataEncoder, FinishAfterLineEnd)
{
    EXPECT_EQ(encode_whole("body\r\n"), "body\r\n.\r\n");
    EXPECT_EQ(encode_whole("body\n"), "body\r\n.\r\n");
}

TEST(SmtpDataEncoder, FinishWithoutLineEnd)
{
    EXPECT_EQ(encode_whole("body"), "body\r\n.\r\n");
}

TEST(SmtpDataEncoder, FinishAfterPendingCr)
{
    EXPECT_EQ(encode_whole("body\r"), "body\r\n.\r\n");
}

TEST(SmtpDataEncoder, FinishResetsEncoder)
{
    DataEncoder encoder;
    std::string first;
    encoder.encode("abc\r", first);
    encoder.finish(first);
    EXPECT_EQ(first, "abc\r\n.\r\n");

    std::string second;
    encoder.encode(".x", second);
    encoder.finish(second);
    EXPECT_EQ(second, "..x\r\n.\r\n");
}

TEST(SmtpDataEncoder, ResetDropsState)
{
    DataEncoder encoder;
    std::string out;
    encoder.encode("partial\r", out);
    encoder.reset();
    out.clear();
    encoder.encode(".x", out);
    EXPECT_EQ(out, "..x");
}

TEST(SmtpDataEncoder, AppendsToExistingOutput)
{
    DataEncoder encoder;
    std::string out = "DATA already sent\r\n";
    encoder.encode("x", out);
    EXPECT_EQ(out, "DATA already sent\r\nx");
}

TEST(SmtpDataEncoder, SampleBodyEncoding)
{
    std::string encoded = encode_whole(sample_body);
    EXPECT_EQ(encoded,
              "..starts with a dot\r\n"
              "line with bare LF\r\n"
              "...two dots\r\n"
              "..\r\n"
              "bare CR\r\n"
              "..dot after bare CR\r\n"
              "\r\n"
              "..\r\n"
              "CR CR LF\r\n\r\n"
              "no line end at the end.\r\n"
              ".\r\n");
    expect_terminator_only_at_end(encoded);
}

TEST(SmtpDataEncoder, EverySplitMatchesWhole)
{
    std::string whole = encode_whole(sample_body);
    std::string_view body = sample_body;
    for (size_t split = 0; split <= body.size(); ++split) {
        SCOPED_TRACE("split at offset " + std::to_string(split));
        EXPECT_EQ(encode_chunks({body.substr(0, split), body.substr(split)}), whole);
    }
}

TEST(SmtpDataEncoder, ByteAtATimeMatchesWhole)
{
    std::vector<std::string_view> bytes;
    std::string_view body = sample_body;
    for (size_t i = 0; i < body.size(); ++i)
        bytes.push_back(body.substr(i, 1));
    EXPECT_EQ(encode_chunks(bytes), encode_whole(sample_body));
}

TEST(SmtpDataEncoder, NoEarlyTerminatorInAnyLineEndMix)
{
    // Every body of up to 5 bytes over {'.', '\r', '\n', 'a'}.
    const char alphabet[] = {'.', '\r', '\n', 'a'};
    for (size_t length = 0; length <= 5; ++length) {
        size_t combinations = 1;
        for (size_t i = 0; i < length; ++i)
            combinations *= 4;
        for (size_t n = 0; n < combinations; ++n) {
            std::string body;
            for (size_t i = 0, rest = n; i < length; ++i, rest /= 4)
                body += alphabet[rest % 4];
            std::string encoded = encode_whole(body);
            SCOPED_TRACE(::testing::PrintToString(body));
            expect_terminator_only_at_end(encoded);
            for (size_t i = 0; i < encoded.size(); ++i) {
                if (encoded[i] == '\r') {
                    ASSERT_LT(i + 1, encoded.size()) << "CR at the end of the output";
                    ASSERT_EQ(encoded[i + 1], '\n') << "bare CR in output";
                }
                if (encoded[i] == '\n') {
                    ASSERT_GT(i, 0u) << "LF at the start of the output";
                    ASSERT_EQ(encoded[i - 1], '\r') << "bare LF in output";
                }
            }
        }
    }
}

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mimeparse/transfer_decoding.h"

using mailbridge::mimeparse::Base64Decoder;
using mailbridge::mimeparse::decode_base64_body;
using mailbridge::mimeparse::decode_quoted_printable_body;
using mailbridge::mimeparse::QuotedPrintableDecoder;

namespace {

struct DecodeResult {
    std::string output;
    std::size_t invalid = 0;
};

// Feeds pieces to a fresh decoder and finishes it.
template <typename Decoder>
DecodeResult decode_pieces(const std::vector<std::string> &pieces)
{
    Decoder decoder;
    DecodeResult result;
    for (const std::string &piece : pieces)
        decoder.feed(piece, result.output);
    decoder.finish(result.output);
    result.invalid = decoder.invalid_count();
    return result;
}

// Checks that input decodes to the same output and invalid count whole, one
// byte at a time, and split in two at every offset.
template <typename Decoder>
void expect_split_invariant(const std::string &input)
{
    SCOPED_TRACE("input: " + input);
    DecodeResult whole = decode_pieces<Decoder>({input});

    std::vector<std::string> bytes;
    for (char c : input)
        bytes.emplace_back(1, c);
    DecodeResult single = decode_pieces<Decoder>(bytes);
    EXPECT_EQ(single.output, whole.output) << "one byte at a time";
    EXPECT_EQ(single.invalid, whole.invalid) << "one byte at a time";

    for (std::size_t split = 0; split <= input.size(); ++split) {
        DecodeResult halves = decode_pieces<Decoder>({input.substr(0, split), input.substr(split)});
        EXPECT_EQ(halves.output, whole.output) << "split at " << split;
        EXPECT_EQ(halves.invalid, whole.invalid) << "split at " << split;
    }
}

const std::vector<std::string> kBase64Inputs = {
    "SGVsbG8sIFdvcmxkIQ==",
    "SGVs\r\nbG8s\r\nIFdv\r\ncmxk\r\nIQ==\r\n",
    "w6Q",
    "w6Q=w7Y=",
    "w6 Q=",
    "w6Q!x",
    "w6Q====",
    "w",
    "====",
    "SGVsbG8-_",
    "\t SGVs bG8 \r\n",
};

const std::vector<std::string> kQuotedPrintableInputs = {
    "caf=E9 =C3=A9t=C3=A9",
    "soft=\r\nbreak",
    "soft=\nbreak",
    "trailing   \r\nspaces\t\t\nend",
    "padding after equals=  \r\nnext",
    "equals then space= x",
    "bad=ZZ and =4G",
    "lower=e9",
    "ends with equals=",
    "ends with =4",
    "cr only=\rnext",
    "spaces at end   ",
    "=3D=3d==41",
    "\xff raw 8bit \x01",
};

}  // namespace

TEST(Base64Decoder, DecodesPaddedText)
{
    EXPECT_EQ(decode_base64_body("SGVsbG8sIFdvcmxkIQ=="), "Hello, World!");
    EXPECT_EQ(decode_base64_body("SGVsbG8sIFdvcmxkIQ"), "Hello, World!");
}

TEST(Base64Decoder, SkipsLineBreaksAndSpaces)
{
    EXPECT_EQ(decode_base64_body("SGVs\r\nbG8s\r\n IFdv\tcmxk\r\nIQ==\r\n"), "Hello, World!");
}

TEST(Base64Decoder, CountsStrayBytes)
{
    Base64Decoder decoder;
    std::string out;
    decoder.feed("w6!Q=", out);
    decoder.finish(out);
    EXPECT_EQ(out, "\xC3\xA4");
    EXPECT_EQ(decoder.invalid_count(), 1u);
}

TEST(Base64Decoder, DecodesAfterPadding)
{
    Base64Decoder decoder;
    std::string out;
    decoder.feed("w6Q=w7Y=", out);
    decoder.finish(out);
    EXPECT_EQ(out, "\xC3\xA4\xC3\xB6");
    EXPECT_TRUE(decoder.data_after_padding());
    EXPECT_EQ(decoder.invalid_count(), 0u);
}

TEST(Base64Decoder, DropsLoneCharacter)
{
    Base64Decoder decoder;
    std::string out;
    decoder.feed("SGVsbG8x", out);
    decoder.feed("Q", out);
    decoder.finish(out);
    EXPECT_EQ(out, "Hello1");
    EXPECT_EQ(decoder.invalid_count(), 1u);
}

TEST(Base64Decoder, IgnoresExtraPadding)
{
    EXPECT_EQ(decode_base64_body("w6Q===="), "\xC3\xA4");
    EXPECT_EQ(decode_base64_body("===="), "");
}

TEST(Base64Decoder, ReusableAfterFinish)
{
    Base64Decoder decoder;
    std::string out;
    decoder.feed("w6", out);
    decoder.finish(out);
    decoder.feed("w7Y", out);
    decoder.finish(out);
    EXPECT_EQ(out, "\xC3\xC3\xB6");
}

TEST(Base64Decoder, SameOutputAtEverySplit)
{
    for (const std::string &input : kBase64Inputs)
        expect_split_invariant<Base64Decoder>(input);
}

TEST(Base64Decoder, LargeInputInChunks)
{
    std::string data;
    for (int i = 0; i < 100000; ++i)
        data.push_back(static_cast<char>(i * 7 % 256));
    // Encoded with OpenSSL-compatible base64 through the decoder's inverse:
    // every byte value appears, and lines are 76 characters as in MIME.
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string encoded;
    for (std::size_t i = 0; i < data.size(); i += 3) {
        unsigned value = static_cast<unsigned char>(data[i]) << 16;
        if (i + 1 < data.size())
            value |= static_cast<unsigned char>(data[i + 1]) << 8;
        if (i + 2 < data.size())
            value |= static_cast<unsigned char>(data[i + 2]);
        encoded.push_back(alphabet[(value >> 18) & 63]);
        encoded.push_back(alphabet[(value >> 12) & 63]);
        encoded.push_back(i + 1 < data.size() ? alphabet[(value >> 6) & 63] : '=');
        encoded.push_back(i + 2 < data.size() ? alphabet[value & 63] : '=');
        if (encoded.size() % 78 == 76)
            encoded += "\r\n";
    }
    Base64Decoder decoder;
    std::string out;
    for (std::size_t offset = 0; offset < encoded.size(); offset += 1000)
        decoder.feed(std::string_view(encoded).substr(offset, 1000), out);
    decoder.finish(out);
    EXPECT_EQ(out, data);
    EXPECT_EQ(decoder.invalid_count(), 0u);
}

TEST(QuotedPrintableDecoder, DecodesHexPairs)
{
    EXPECT_EQ(decode_quoted_printable_body("caf=E9 =C3=A9t=C3=A9"), "caf\xE9 \xC3\xA9t\xC3\xA9");
    EXPECT_EQ(decode_quoted_printable_body("lower=e9"), "lower\xE9");
}

TEST(QuotedPrintableDecoder, JoinsSoftLineBreaks)
{
    EXPECT_EQ(decode_quoted_printable_body("soft=\r\nbreak"), "softbreak");
    EXPECT_EQ(decode_quoted_printable_body("soft=\nbreak"), "softbreak");
    EXPECT_EQ(decode_quoted_printable_body("soft=  \t\r\nbreak"), "softbreak");
    EXPECT_EQ(decode_quoted_printable_body("cr only=\rnext"), "cr onlynext");
    EXPECT_EQ(decode_quoted_printable_body("keep space =\r\nafter"), "keep space after");
}

TEST(QuotedPrintableDecoder, RemovesTrailingWhitespace)
{
    EXPECT_EQ(decode_quoted_printable_body("a  \t\r\nb \nc  "), "a\r\nb\nc");
    EXPECT_EQ(decode_quoted_printable_body("inner  spaces stay"), "inner  spaces stay");
}

TEST(QuotedPrintableDecoder, KeepsInvalidSequences)
{
    QuotedPrintableDecoder decoder;
    std::string out;
    decoder.feed("bad=ZZ and =4G and = x", out);
    decoder.finish(out);
    EXPECT_EQ(out, "bad=ZZ and =4G and = x");
    EXPECT_EQ(decoder.invalid_count(), 3u);
}

TEST(QuotedPrintableDecoder, FinalEqualsIsSoftBreak)
{
    EXPECT_EQ(decode_quoted_printable_body("ends with equals="), "ends with equals");
    EXPECT_EQ(decode_quoted_printable_body("ends with =4"), "ends with =4");
}

TEST(QuotedPrintableDecoder, FlushesLongWhitespaceRun)
{
    const std::size_t limit = QuotedPrintableDecoder::max_pending_whitespace;
    std::string spaces(limit + 10, ' ');
    EXPECT_EQ(decode_quoted_printable_body("a" + spaces + "b"), "a" + spaces + "b");
    // Only the spaces after the flushed run are removed as trailing.
    EXPECT_EQ(decode_quoted_printable_body("a" + spaces + "\r\n"), "a" + std::string(limit + 1, ' ') + "\r\n");
}

TEST(QuotedPrintableDecoder, PassesRawBytes)
{
    EXPECT_EQ(decode_quoted_printable_body("\xFF raw \x01"), "\xFF raw \x01");
}

TEST(QuotedPrintableDecoder, SameOutputAtEverySplit)
{
    for (const std::string &input : kQuotedPrintableInputs)
        expect_split_invariant<QuotedPrintableDecoder>(input);
}

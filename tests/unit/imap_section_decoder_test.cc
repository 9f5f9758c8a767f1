#include "imap/section_decoder.h"

#include <gtest/gtest.h>

#include <string>

using mailbridge::imap::SectionDecoder;

namespace {

// Decode input whole, then again one byte at a time, and expect the same output.
std::string decode(SectionDecoder::Encoding encoding, const std::string &input)
{
    SectionDecoder whole(encoding);
    std::string whole_output;
    whole.feed(input, whole_output);
    whole.finish(whole_output);

    SectionDecoder bytewise(encoding);
    std::string bytewise_output;
    for (char c : input)
        bytewise.feed(std::string(1, c), bytewise_output);
    bytewise.finish(bytewise_output);
    EXPECT_EQ(whole_output, bytewise_output) << "input split into single bytes";
    return whole_output;
}

}  // namespace

TEST(SectionDecoder, EncodingNames)
{
    EXPECT_EQ(SectionDecoder::encoding_for("BASE64"), SectionDecoder::Encoding::base64);
    EXPECT_EQ(SectionDecoder::encoding_for("Quoted-Printable"), SectionDecoder::Encoding::quoted_printable);
    EXPECT_EQ(SectionDecoder::encoding_for("7bit"), SectionDecoder::Encoding::identity);
    EXPECT_EQ(SectionDecoder::encoding_for("x-uuencode"), SectionDecoder::Encoding::identity);
}

TEST(SectionDecoder, Base64WithLineBreaks)
{
    EXPECT_EQ(decode(SectionDecoder::Encoding::base64, "SGVs\r\nbG8s\r\nIHdvcmxk\r\n"), "Hello, world");
    EXPECT_EQ(decode(SectionDecoder::Encoding::base64, "YQ==\r\n"), "a");
    EXPECT_EQ(decode(SectionDecoder::Encoding::base64, "YWI=\r\n"), "ab");
}

TEST(SectionDecoder, Base64SkipsForeignCharacters)
{
    EXPECT_EQ(decode(SectionDecoder::Encoding::base64, "SG!Vs*bG8"), "Hello");
}

TEST(SectionDecoder, Base64IgnoresDataAfterPadding)
{
    EXPECT_EQ(decode(SectionDecoder::Encoding::base64, "YQ==YWJj"), "a");
}

TEST(SectionDecoder, QuotedPrintableEscapes)
{
    EXPECT_EQ(decode(SectionDecoder::Encoding::quoted_printable, "caf=C3=A9 =3D ok"), "caf\xC3\xA9 = ok");
    EXPECT_EQ(decode(SectionDecoder::Encoding::quoted_printable, "lower =c3=a9"), "lower \xC3\xA9");
}

TEST(SectionDecoder, QuotedPrintableSoftLineBreaks)
{
    EXPECT_EQ(decode(SectionDecoder::Encoding::quoted_printable, "long=\r\nline=\nend"), "longlineend");
    EXPECT_EQ(decode(SectionDecoder::Encoding::quoted_printable, "end="), "end");
}

TEST(SectionDecoder, QuotedPrintableDropsTrailingWhitespace)
{
    EXPECT_EQ(decode(SectionDecoder::Encoding::quoted_printable, "a b  \r\nc\t\nd "), "a b\r\nc\nd");
}

TEST(SectionDecoder, QuotedPrintableKeepsInvalidEscapes)
{
    EXPECT_EQ(decode(SectionDecoder::Encoding::quoted_printable, "x=ZZy"), "x=ZZy");
    EXPECT_EQ(decode(SectionDecoder::Encoding::quoted_printable, "x=4Zy"), "x=4Zy");
    EXPECT_EQ(decode(SectionDecoder::Encoding::quoted_printable, "x=4"), "x=4");
    EXPECT_EQ(decode(SectionDecoder::Encoding::quoted_printable, "x==41"), "x=A");
}

TEST(SectionDecoder, IdentityPassesBytes)
{
    EXPECT_EQ(decode(SectionDecoder::Encoding::identity, std::string("a=\0b\r\n", 6)), std::string("a=\0b\r\n", 6));
}

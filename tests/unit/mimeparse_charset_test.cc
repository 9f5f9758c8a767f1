#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "mimeparse/charset.h"

using mailbridge::mimeparse::CharsetConversion;
using mailbridge::mimeparse::convert_to_utf8;
using mailbridge::mimeparse::iconv_charset_name;
using mailbridge::mimeparse::repair_utf8;

namespace {

const std::string kReplacement = "\xEF\xBF\xBD";

}  // namespace

TEST(MimeparseCharset, AliasNames)
{
    EXPECT_EQ(iconv_charset_name("UTF8"), "UTF-8");
    EXPECT_EQ(iconv_charset_name(" \"utf-8\" "), "UTF-8");
    EXPECT_EQ(iconv_charset_name("utf-8*en"), "UTF-8");
    EXPECT_EQ(iconv_charset_name("latin1"), "WINDOWS-1252");
    EXPECT_EQ(iconv_charset_name("ISO-8859-1"), "WINDOWS-1252");
    EXPECT_EQ(iconv_charset_name("cp1252"), "WINDOWS-1252");
    EXPECT_EQ(iconv_charset_name("ks_c_5601-1987"), "CP949");
    EXPECT_EQ(iconv_charset_name("x-sjis"), "CP932");
    EXPECT_EQ(iconv_charset_name("gb2312"), "GBK");
    EXPECT_EQ(iconv_charset_name("iso-8859-8-i"), "ISO-8859-8");
    EXPECT_EQ(iconv_charset_name("cp-850"), "CP850");
    EXPECT_EQ(iconv_charset_name("windows-1251"), "CP1251");
    EXPECT_EQ(iconv_charset_name("koi8-r"), "koi8-r");
    EXPECT_EQ(iconv_charset_name("X-UNKNOWN"), "");
    EXPECT_EQ(iconv_charset_name("default"), "");
    EXPECT_EQ(iconv_charset_name("no-such-charset"), "");
    EXPECT_EQ(iconv_charset_name(std::string(200, 'a')), "");
}

TEST(MimeparseCharset, Latin1LabelDecodesAsWindows1252)
{
    CharsetConversion result = convert_to_utf8("iso-8859-1", "caf\xE9 \x80 \x93quoted\x94");
    EXPECT_EQ(result.text, "caf\xC3\xA9 \xE2\x82\xAC \xE2\x80\x9Cquoted\xE2\x80\x9D");
    EXPECT_EQ(result.replaced, 0u);
    EXPECT_TRUE(result.charset_known);
}

TEST(MimeparseCharset, Windows1252UndefinedBytesBecomeC1)
{
    CharsetConversion result = convert_to_utf8("windows-1252", "a\x81z\x9D");
    EXPECT_EQ(result.text, "a\xC2\x81z\xC2\x9D");
    EXPECT_EQ(result.replaced, 0u);
}

TEST(MimeparseCharset, EastAsianLabels)
{
    // "한국" in EUC-KR, "日本" in Shift_JIS, "中文" in GB2312.
    EXPECT_EQ(convert_to_utf8("ks_c_5601-1987", "\xC7\xD1\xB1\xB9").text, "\xED\x95\x9C\xEA\xB5\xAD");
    EXPECT_EQ(convert_to_utf8("x-sjis", "\x93\xFA\x96\x7B").text, "\xE6\x97\xA5\xE6\x9C\xAC");
    EXPECT_EQ(convert_to_utf8("gb2312", "\xD6\xD0\xCE\xC4").text, "\xE4\xB8\xAD\xE6\x96\x87");
    EXPECT_EQ(convert_to_utf8("ISO-2022-JP", "\x1B$BF|K\\\x1B(B").text, "\xE6\x97\xA5\xE6\x9C\xAC");
}

TEST(MimeparseCharset, LabelsSeenInMail)
{
    // "ä" in CP850, "שלום" in ISO-8859-8, and bytes under placeholder labels.
    EXPECT_EQ(convert_to_utf8("cp-850", "\x84").text, "\xC3\xA4");
    EXPECT_EQ(convert_to_utf8("iso-8859-8-i", "\xF9\xEC\xE5\xED").text, "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D");
    EXPECT_EQ(convert_to_utf8("default", "Gr\xC3\xBC\xC3\x9F" "e").text, "Gr\xC3\xBC\xC3\x9F" "e");
    EXPECT_EQ(convert_to_utf8("X-UNKNOWN", "a\xFF").text, "a" + kReplacement);
    EXPECT_EQ(convert_to_utf8("UTF8", "\xC3\xA4").text, "\xC3\xA4");
    EXPECT_EQ(convert_to_utf8("", "plain").text, "plain");
}

TEST(MimeparseCharset, Windows1251)
{
    EXPECT_EQ(convert_to_utf8("windows-1251", "\xCF\xF0\xE8\xE2\xE5\xF2").text,
              "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");
}

TEST(MimeparseCharset, UnknownLabelPassesUtf8Through)
{
    CharsetConversion result = convert_to_utf8("x-unknown", "Gr\xC3\xBC\xC3\x9F" "e \xE9");
    EXPECT_EQ(result.text, "Gr\xC3\xBC\xC3\x9F" "e " + kReplacement);
    EXPECT_EQ(result.replaced, 1u);
    EXPECT_FALSE(result.charset_known);
}

TEST(MimeparseCharset, UsAsciiWithEightBitBytes)
{
    EXPECT_EQ(convert_to_utf8("us-ascii", "plain").text, "plain");
    EXPECT_EQ(convert_to_utf8("us-ascii", "Gr\xC3\xBC\xC3\x9F" "e").text, "Gr\xC3\xBC\xC3\x9F" "e");
    EXPECT_EQ(convert_to_utf8("us-ascii", "caf\xE9").text, "caf\xC3\xA9");
}

TEST(MimeparseCharset, InvalidSequencesReplaced)
{
    CharsetConversion result = convert_to_utf8("utf-8", "a\xC3(b\xED\xA0\x80z\xF0\x9F\x98");
    // One replacement per maximal subpart: C3, then ED (A0 is not allowed
    // after ED), A0, 80, and the truncated F0 9F 98 as one.
    EXPECT_EQ(result.text, "a" + kReplacement + "(b" + kReplacement + kReplacement + kReplacement + "z" + kReplacement);
    EXPECT_EQ(result.replaced, 5u);
}

TEST(MimeparseCharset, IncompleteMultibyteAtEnd)
{
    CharsetConversion result = convert_to_utf8("gbk", "\xD6\xD0\xCE");
    EXPECT_EQ(result.text, "\xE4\xB8\xAD" + kReplacement);
    EXPECT_EQ(result.replaced, 1u);
}

TEST(MimeparseCharset, RepairKeepsValidText)
{
    std::size_t replaced = 0;
    EXPECT_EQ(repair_utf8("\xE2\x82\xAC \xF0\x9F\x98\x80 ok", &replaced), "\xE2\x82\xAC \xF0\x9F\x98\x80 ok");
    EXPECT_EQ(replaced, 0u);
    EXPECT_EQ(repair_utf8("\xC0\xAF"), kReplacement + kReplacement);  // overlong "/"
    EXPECT_EQ(repair_utf8("\xF4\x90\x80\x80"), kReplacement + kReplacement + kReplacement + kReplacement);
}

namespace {

struct StreamResult {
    std::string text;
    std::size_t replaced = 0;
};

StreamResult decode_pieces(const std::string &label, const std::vector<std::string> &pieces)
{
    mailbridge::mimeparse::CharsetDecoder decoder(label);
    StreamResult result;
    for (const std::string &piece : pieces)
        decoder.feed(piece, result.text);
    decoder.finish(result.text);
    result.replaced = decoder.replaced();
    return result;
}

}  // namespace

TEST(CharsetDecoder, SameOutputAtEverySplit)
{
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"utf-8", "Gr\xC3\xBC\xC3\x9F" "e \xE2\x82\xAC \xF0\x9F\x98\x80 bad \xC3( \xF0\x9F\x98"},
        {"us-ascii", "Gr\xC3\xBC\xC3\x9F" "e caf\xE9 \x80 \xC3\xA4"},
        {"us-ascii", "plain \xE2\x82\xAC then \xFF\xC3"},
        {"iso-8859-1", "caf\xE9 \x80\x81\x93"},
        {"ks_c_5601-1987", "\xC7\xD1\xB1\xB9 x \xC7"},
        {"gb18030", "\x81\x30\x81\x30 \xD6\xD0 \x81\x30"},
        {"iso-2022-jp", "a\x1B$BF|K\\\x1B(Bb\x1B$BF|"},
        {"x-unknown", "\xC3\xA4\xFF\xE2\x82"},
        {"utf-7", "Hi +AGQAZQ- x +2D3eAA-"},
    };
    for (const auto &[label, input] : cases) {
        SCOPED_TRACE("charset " + label + ", input " + input);
        StreamResult whole = decode_pieces(label, {input});
        EXPECT_EQ(repair_utf8(whole.text), whole.text);
        EXPECT_EQ(convert_to_utf8(label, input).text, whole.text);

        std::vector<std::string> bytes;
        for (char c : input)
            bytes.emplace_back(1, c);
        StreamResult single = decode_pieces(label, bytes);
        EXPECT_EQ(single.text, whole.text) << "one byte at a time";
        EXPECT_EQ(single.replaced, whole.replaced) << "one byte at a time";

        for (std::size_t split = 0; split <= input.size(); ++split) {
            StreamResult halves = decode_pieces(label, {input.substr(0, split), input.substr(split)});
            EXPECT_EQ(halves.text, whole.text) << "split at " << split;
            EXPECT_EQ(halves.replaced, whole.replaced) << "split at " << split;
        }
    }
}

TEST(CharsetDecoder, UsAsciiSwitchesAtFirstInvalidByte)
{
    EXPECT_EQ(convert_to_utf8("us-ascii", "Gr\xC3\xBC\xC3\x9F" "e caf\xE9").text,
              "Gr\xC3\xBC\xC3\x9F" "e caf\xC3\xA9");
    // After the switch, UTF-8 sequences are read as windows-1252 too.
    EXPECT_EQ(convert_to_utf8("us-ascii", "\xE9 \xC3\xA4").text, "\xC3\xA9 \xC3\x83\xC2\xA4");
}

TEST(CharsetDecoder, ReusableAfterFinish)
{
    mailbridge::mimeparse::CharsetDecoder decoder("us-ascii");
    std::string first;
    decoder.feed("caf\xE9", first);
    decoder.finish(first);
    std::string second;
    decoder.feed("\xC3\xA4", second);
    decoder.finish(second);
    EXPECT_EQ(first, "caf\xC3\xA9");
    EXPECT_EQ(second, "\xC3\xA4");
}

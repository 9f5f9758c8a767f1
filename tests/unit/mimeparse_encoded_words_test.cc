#include <gtest/gtest.h>

#include <string>

#include "mimeparse/encoded_words.h"

using mailbridge::mimeparse::decode_encoded_words;

TEST(EncodedWords, DecodesBase64AndQ)
{
    EXPECT_EQ(decode_encoded_words("=?UTF-8?B?w6Q=?= x"), "\xC3\xA4 x");
    EXPECT_EQ(decode_encoded_words("=?ISO-8859-1?Q?caf=E9?="), "caf\xC3\xA9");
    EXPECT_EQ(decode_encoded_words("=?windows-1251?B?z/Do4uXy?="), "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");
    EXPECT_EQ(decode_encoded_words("=?utf-8?q?a_b=20c?="), "a b c");
}

TEST(EncodedWords, JoinsAdjacentWords)
{
    EXPECT_EQ(decode_encoded_words("=?UTF-8?B?w6Q=?= =?UTF-8?B?w7Y=?= plain =?ISO-8859-1?Q?a=E4?="),
              "\xC3\xA4\xC3\xB6 plain a\xC3\xA4");
    EXPECT_EQ(decode_encoded_words("=?UTF-8?Q?a?=\r\n\t=?UTF-8?Q?b?="), "ab");
    EXPECT_EQ(decode_encoded_words("=?UTF-8?Q?a?=  x  =?UTF-8?Q?b?="), "a  x  b");
}

TEST(EncodedWords, CharacterSplitAcrossWords)
{
    // "ä" is C3 A4, and each word contains one byte of it.
    EXPECT_EQ(decode_encoded_words("=?UTF-8?B?ww==?= =?UTF-8?B?pA==?="), "\xC3\xA4");
    // Different charsets are converted separately.
    EXPECT_EQ(decode_encoded_words("=?ISO-8859-1?Q?=E9?= =?UTF-8?Q?=C3=A9?="), "\xC3\xA9\xC3\xA9");
}

TEST(EncodedWords, LanguageSuffix)
{
    EXPECT_EQ(decode_encoded_words("=?utf-8*en?Q?a_b?="), "a b");
}

TEST(EncodedWords, UnpaddedBase64)
{
    EXPECT_EQ(decode_encoded_words("=?UTF-8?B?w6Q?="), "\xC3\xA4");
}

TEST(EncodedWords, MalformedWordsLeftAsIs)
{
    EXPECT_EQ(decode_encoded_words("=?UTF-8?X?abc?="), "=?UTF-8?X?abc?=");
    EXPECT_EQ(decode_encoded_words("=?UTF-8?Q?a b?="), "=?UTF-8?Q?a b?=");
    EXPECT_EQ(decode_encoded_words("=??Q?a?="), "=??Q?a?=");
    EXPECT_EQ(decode_encoded_words("abc =?foo"), "abc =?foo");
    EXPECT_EQ(decode_encoded_words("=?UTF-8?Q?unterminated"), "=?UTF-8?Q?unterminated");
    EXPECT_EQ(decode_encoded_words("=?x y?Q?a?="), "=?x y?Q?a?=");
}

TEST(EncodedWords, WordInsideText)
{
    EXPECT_EQ(decode_encoded_words("a=?x?q?b?=c"), "abc");
    EXPECT_EQ(decode_encoded_words("=?=?UTF-8?Q?a?="), "=?a");
}

TEST(EncodedWords, InvalidQSequenceKept)
{
    EXPECT_EQ(decode_encoded_words("=?UTF-8?Q?a=ZZ=4?="), "a=ZZ=4");
}

TEST(EncodedWords, UnknownCharsetPassesUtf8)
{
    EXPECT_EQ(decode_encoded_words("=?unknown-8bit?Q?caf=C3=A9?="), "caf\xC3\xA9");
    EXPECT_EQ(decode_encoded_words("=?x-bogus?Q?caf=E9?="), "caf\xEF\xBF\xBD");
}

TEST(EncodedWords, RawEightBitText)
{
    EXPECT_EQ(decode_encoded_words("Raw \xC3\xBCmlaut"), "Raw \xC3\xBCmlaut");
    EXPECT_EQ(decode_encoded_words("caf\xE9"), "caf\xEF\xBF\xBD");
    EXPECT_EQ(decode_encoded_words("caf\xE9", "iso-8859-1"), "caf\xC3\xA9");
}

TEST(EncodedWords, EnvelopeLiteralWithLineBreaks)
{
    EXPECT_EQ(decode_encoded_words("=?utf-8?b?w6TDtsO8?=\r\n =?utf-8?b?w6TDtsO8?= x"),
              "\xC3\xA4\xC3\xB6\xC3\xBC\xC3\xA4\xC3\xB6\xC3\xBC x");
}

TEST(EncodedWords, PlainTextUnchanged)
{
    EXPECT_EQ(decode_encoded_words(""), "");
    EXPECT_EQ(decode_encoded_words("just text"), "just text");
}

#include "imap/utf7.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using mailbridge::imap::decode_modified_utf7;
using mailbridge::imap::encode_modified_utf7;

namespace {

struct Pair {
    std::string utf8;
    std::string utf7;
};

// Each pair is checked in both directions.
const std::vector<Pair> &known_pairs()
{
    static const std::vector<Pair> pairs = {
        {"", ""},
        {"INBOX", "INBOX"},
        {"&", "&-"},
        {"A&B&&", "A&-B&-&-"},
        {"Entw\xc3\xbcrfe", "Entw&APw-rfe"},
        {"\xe5\x8f\xb0\xe5\x8c\x97", "&U,BTFw-"},
        {"~peter/mail/\xe5\x8f\xb0\xe5\x8c\x97/\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", "~peter/mail/&U,BTFw-/&ZeVnLIqe-"},
        {"Gel\xc3\xb6schte Elemente", "Gel&APY-schte Elemente"},
        {"\xd0\x9a\xd0\xbe\xd1\x80\xd0\xb7\xd0\xb8\xd0\xbd\xd0\xb0", "&BBoEPgRABDcEOAQ9BDA-"},
        {"[Gmail]/Wa\xc5\xbcne", "[Gmail]/Wa&AXw-ne"},
        {"\xc3\xa4\xc3\xb6", "&AOQA9g-"},
        {"\xc3\xa4-", "&AOQ--"},
        {"\xc3\xa4&\xc3\xb6", "&AOQ-&-&APY-"},
        {"\xf0\x9f\x98\x80", "&2D3eAA-"},
        {"\t", "&AAk-"},
        {"\x7f", "&AH8-"},
    };
    return pairs;
}

std::string encode_error(const std::string &utf8)
{
    std::string error;
    EXPECT_FALSE(encode_modified_utf7(utf8, &error).has_value()) << utf8;
    return error;
}

std::string decode_error(const std::string &utf7)
{
    std::string error;
    EXPECT_FALSE(decode_modified_utf7(utf7, &error).has_value()) << utf7;
    return error;
}

}  // namespace

TEST(ImapUtf7, EncodesKnownNames)
{
    for (const Pair &pair : known_pairs()) {
        SCOPED_TRACE(pair.utf7);
        EXPECT_EQ(encode_modified_utf7(pair.utf8).value_or("<error>"), pair.utf7);
    }
}

TEST(ImapUtf7, DecodesKnownNames)
{
    for (const Pair &pair : known_pairs()) {
        SCOPED_TRACE(pair.utf7);
        EXPECT_EQ(decode_modified_utf7(pair.utf7).value_or("<error>"), pair.utf8);
    }
}

TEST(ImapUtf7, RoundTripsEveryCodePoint)
{
    for (uint32_t code_point = 1; code_point <= 0x10ffff; ++code_point) {
        if (code_point >= 0xd800 && code_point <= 0xdfff)
            continue;
        std::string utf8 = "a";
        if (code_point < 0x80) {
            utf8 += static_cast<char>(code_point);
        } else if (code_point < 0x800) {
            utf8 += static_cast<char>(0xc0 | (code_point >> 6));
            utf8 += static_cast<char>(0x80 | (code_point & 0x3f));
        } else if (code_point < 0x10000) {
            utf8 += static_cast<char>(0xe0 | (code_point >> 12));
            utf8 += static_cast<char>(0x80 | ((code_point >> 6) & 0x3f));
            utf8 += static_cast<char>(0x80 | (code_point & 0x3f));
        } else {
            utf8 += static_cast<char>(0xf0 | (code_point >> 18));
            utf8 += static_cast<char>(0x80 | ((code_point >> 12) & 0x3f));
            utf8 += static_cast<char>(0x80 | ((code_point >> 6) & 0x3f));
            utf8 += static_cast<char>(0x80 | (code_point & 0x3f));
        }
        utf8 += "b";

        std::optional<std::string> encoded = encode_modified_utf7(utf8);
        ASSERT_TRUE(encoded.has_value()) << "U+" << std::hex << code_point;
        for (unsigned char c : *encoded) {
            ASSERT_GE(c, 0x20) << "U+" << std::hex << code_point;
            ASSERT_LE(c, 0x7e) << "U+" << std::hex << code_point;
        }
        std::optional<std::string> decoded = decode_modified_utf7(*encoded);
        ASSERT_TRUE(decoded.has_value()) << "U+" << std::hex << code_point << " as " << *encoded;
        ASSERT_EQ(*decoded, utf8) << "U+" << std::hex << code_point;
    }
}

TEST(ImapUtf7, EncodeRejectsInvalidUtf8)
{
    EXPECT_EQ(encode_error("ab\xc3"), "invalid UTF-8: byte 0xC3 at offset 2 does not start a valid sequence");
    EXPECT_EQ(encode_error("\xc0\xaf"), "invalid UTF-8: byte 0xC0 at offset 0 does not start a valid sequence");
    EXPECT_EQ(encode_error("\xe0\x80\xaf"), "invalid UTF-8: byte 0xE0 at offset 0 does not start a valid sequence");
    EXPECT_EQ(encode_error("\xed\xa0\x80"), "invalid UTF-8: byte 0xED at offset 0 does not start a valid sequence");
    EXPECT_EQ(encode_error("\xf4\x90\x80\x80"),
              "invalid UTF-8: byte 0xF4 at offset 0 does not start a valid sequence");
    EXPECT_EQ(encode_error("a\x80"), "invalid UTF-8: byte 0x80 at offset 1 does not start a valid sequence");
    EXPECT_EQ(encode_error(std::string("a\0b", 3)), "U+0000 at offset 1 cannot be encoded in a mailbox name");
}

TEST(ImapUtf7, DecodeRejectsRawNonAscii)
{
    EXPECT_EQ(decode_error("Entw\xc3\xbcrfe"),
              "invalid modified UTF-7: byte 0xC3 at offset 4 is not printable US-ASCII");
    EXPECT_EQ(decode_error("a\tb"), "invalid modified UTF-7: byte 0x09 at offset 1 is not printable US-ASCII");
    EXPECT_EQ(decode_error(std::string("a\0", 2)),
              "invalid modified UTF-7: byte 0x00 at offset 1 is not printable US-ASCII");
}

TEST(ImapUtf7, DecodeRejectsUnterminatedShift)
{
    EXPECT_EQ(decode_error("Entw&APw"), "invalid modified UTF-7: '&' at offset 4 has no closing '-'");
    EXPECT_EQ(decode_error("&"), "invalid modified UTF-7: '&' at offset 0 has no closing '-'");
}

TEST(ImapUtf7, DecodeRejectsNonShortestForms)
{
    EXPECT_EQ(decode_error("&AGE-"),
              "invalid modified UTF-7: printable character 'a' is base64-encoded in the run ending at offset 4");
    EXPECT_EQ(decode_error("&ACY-"),
              "invalid modified UTF-7: printable character '&' is base64-encoded in the run ending at offset 4");
    EXPECT_EQ(decode_error("&AOQ-&APY-"),
              "invalid modified UTF-7: the encoded run at offset 5 directly follows another one, which it should "
              "have been merged with");
}

TEST(ImapUtf7, DecodeRejectsBadBase64)
{
    EXPECT_EQ(decode_error("&AO/-"), "invalid modified UTF-7: '/' at offset 3 is not a base64 character");
    EXPECT_EQ(decode_error("&AOQ=-"), "invalid modified UTF-7: '=' at offset 4 is not a base64 character");
    EXPECT_EQ(decode_error("&AOR-"),
              "invalid modified UTF-7: the base64 run ending at offset 4 has extra or nonzero padding bits");
    EXPECT_EQ(decode_error("&A-"),
              "invalid modified UTF-7: the base64 run ending at offset 2 has extra or nonzero padding bits");
    EXPECT_EQ(decode_error("&AOQA-"),
              "invalid modified UTF-7: the base64 run ending at offset 5 has an odd number of UTF-16 bytes");
}

TEST(ImapUtf7, DecodeRejectsBadUtf16)
{
    EXPECT_EQ(decode_error("&2D0-"),
              "invalid modified UTF-7: unpaired high surrogate in the run ending at offset 4");
    EXPECT_EQ(decode_error("&3gA-"), "invalid modified UTF-7: unpaired low surrogate in the run ending at offset 4");
    EXPECT_EQ(decode_error("&2D0AYQ-"),
              "invalid modified UTF-7: unpaired high surrogate in the run ending at offset 7");
    EXPECT_EQ(decode_error("&AAA-"), "invalid modified UTF-7: U+0000 in the run ending at offset 4");
}

TEST(ImapUtf7, ErrorPointerIsOptional)
{
    EXPECT_FALSE(decode_modified_utf7("&").has_value());
    EXPECT_FALSE(encode_modified_utf7("\xff").has_value());
}

#include "common/base64.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

using mailbridge::base64_decode;
using mailbridge::base64_encode;

TEST(Base64, Rfc4648Vectors)
{
    const std::pair<std::string, std::string> vectors[] = {
        {"", ""},          {"f", "Zg=="},         {"fo", "Zm8="},        {"foo", "Zm9v"},
        {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"},
    };
    for (const auto &[plain, encoded] : vectors) {
        SCOPED_TRACE(plain);
        EXPECT_EQ(base64_encode(plain), encoded);
        EXPECT_EQ(base64_decode(encoded), plain);
    }
}

TEST(Base64, AllByteValuesRoundTrip)
{
    std::string data;
    for (int i = 0; i < 256; ++i)
        data += static_cast<char>(i);
    std::string encoded = base64_encode(data);
    EXPECT_EQ(encoded.find('\n'), std::string::npos);
    EXPECT_EQ(encoded.size(), 344u);
    EXPECT_EQ(base64_decode(encoded), data);
}

TEST(Base64, RandomDataRoundTrip)
{
    std::mt19937 random(12345);
    for (size_t length = 0; length < 200; ++length) {
        std::string data;
        for (size_t i = 0; i < length; ++i)
            data += static_cast<char>(random() & 0xff);
        SCOPED_TRACE("length " + std::to_string(length));
        std::string encoded = base64_encode(data);
        EXPECT_EQ(encoded.size(), (length + 2) / 3 * 4);
        EXPECT_EQ(base64_decode(encoded), data);
    }
}

TEST(Base64, TrailingZeroBytesKept)
{
    // EVP_DecodeBlock counts padding as zero bytes, so real zero bytes must
    // not be confused with padding.
    const std::string inputs[] = {std::string(1, '\0'), std::string(2, '\0'), std::string(3, '\0'),
                                  std::string("a\0", 2), std::string("ab\0", 3)};
    for (const std::string &data : inputs) {
        SCOPED_TRACE(::testing::PrintToString(data));
        EXPECT_EQ(base64_decode(base64_encode(data)), data);
    }
}

TEST(Base64, InvalidInputs)
{
    const char *inputs[] = {
        "Zg",         // length not a multiple of 4
        "Zg=",        // length not a multiple of 4
        "Zm9vY",      // length not a multiple of 4
        "Z===",       // three padding characters
        "====",       // padding only
        "Zg==Zg==",   // padding in the middle
        "Zm=v",       // padding inside a quantum
        "Zm9v\n",     // line break
        "Zm9v\r\nZm9v",
        " Zm9v",      // leading whitespace
        "Zm9v ",      // trailing whitespace
        "Zm 9",       // inner space
        "Zm-v",       // base64url alphabet
        "Zm_v",       // base64url alphabet
        "Zm9*",       // not in any alphabet
    };
    for (const char *input : inputs) {
        SCOPED_TRACE(::testing::PrintToString(std::string(input)));
        EXPECT_FALSE(base64_decode(input).has_value());
    }
}

TEST(Base64, InvalidNulByte)
{
    EXPECT_FALSE(base64_decode(std::string("Zm\0v", 4)).has_value());
    EXPECT_FALSE(base64_decode(std::string("Zg=\0", 4)).has_value());
}

TEST(Base64, InvalidHighByte)
{
    EXPECT_FALSE(base64_decode("Zm9\xff").has_value());
}

TEST(Base64, NonzeroPaddingBitsAccepted)
{
    // "Zh==" has nonzero bits after the 'f'. The canonical form is "Zg==".
    EXPECT_EQ(base64_decode("Zh=="), "f");
}

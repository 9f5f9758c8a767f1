#include "smtp/sasl.h"

#include <gtest/gtest.h>

#include <string>

#include "common/base64.h"

using mailbridge::base64_decode;
using mailbridge::smtp::sasl_cram_md5;
using mailbridge::smtp::sasl_plain;
using mailbridge::smtp::sasl_xoauth2;

TEST(SaslPlain, KnownVector)
{
    EXPECT_EQ(sasl_plain("tim", "tanstaaftanstaaf"), "AHRpbQB0YW5zdGFhZnRhbnN0YWFm");
}

TEST(SaslPlain, DecodesToNulSeparatedFields)
{
    std::optional<std::string> decoded = base64_decode(sasl_plain("user@example.com", "secret"));
    ASSERT_TRUE(decoded.has_value());
    EXPECT_EQ(*decoded, std::string("\0user@example.com\0secret", 24));
}

TEST(SaslPlain, PasswordBytesUsedAsGiven)
{
    // UTF-8 and an embedded NUL are passed through unchanged.
    std::string password("p\xc3\xa4ss\0word", 10);
    EXPECT_EQ(sasl_plain("us\xc3\xa9r", password), "AHVzw6lyAHDDpHNzAHdvcmQ=");
}

TEST(SaslPlain, EmptyCredentials)
{
    EXPECT_EQ(sasl_plain("", ""), "AAA=");
}

TEST(SaslXoauth2, KnownVector)
{
    // The example from Google's XOAUTH2 protocol documentation.
    EXPECT_EQ(sasl_xoauth2("someuser@example.com", "ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg"),
              "dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYXJlciB5YTI5LnZGOWRmdDRxbVRjMk52YjNSbGNrQmhkSFJo"
              "ZG1semRHRXVZMjl0Q2cBAQ==");
}

TEST(SaslXoauth2, DecodedLayout)
{
    std::optional<std::string> decoded = base64_decode(sasl_xoauth2("a@b", "tok"));
    ASSERT_TRUE(decoded.has_value());
    EXPECT_EQ(*decoded, "user=a@b\x01" "auth=Bearer tok\x01\x01");
}

TEST(SaslCramMd5, Rfc2195Example)
{
    // The challenge is base64 of "<1896.697170952@postoffice.reston.mci.net>".
    std::optional<std::string> response =
        sasl_cram_md5("tim", "tanstaaftanstaaf", "PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+");
    ASSERT_TRUE(response.has_value());
    EXPECT_EQ(*response, "dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw");

    std::optional<std::string> decoded = base64_decode(*response);
    ASSERT_TRUE(decoded.has_value());
    EXPECT_EQ(*decoded, "tim b913a602c7eda7a495b4e6e7334d3890");
}

TEST(SaslCramMd5, Rfc2202TestCase2)
{
    // RFC 2202 HMAC-MD5 test case 2: key "Jefe", data "what do ya want for nothing?".
    std::optional<std::string> response =
        sasl_cram_md5("u", "Jefe", mailbridge::base64_encode("what do ya want for nothing?"));
    ASSERT_TRUE(response.has_value());
    EXPECT_EQ(base64_decode(*response), "u 750c783e6ab0b503eaa86e310a5db738");
}

TEST(SaslCramMd5, EmptyPasswordAndChallenge)
{
    // HMAC-MD5 with an empty key over empty data.
    std::optional<std::string> response = sasl_cram_md5("u", "", "");
    ASSERT_TRUE(response.has_value());
    EXPECT_EQ(base64_decode(*response), "u 74e6f7298a9c2d168935f58c001bad88");
}

TEST(SaslCramMd5, InvalidChallenge)
{
    for (const char *challenge : {"not base64!", "PDE4OTY", "PDE4\r\nOTY=", " PDE4OTYu"}) {
        SCOPED_TRACE(challenge);
        EXPECT_FALSE(sasl_cram_md5("tim", "tanstaaftanstaaf", challenge).has_value());
    }
}

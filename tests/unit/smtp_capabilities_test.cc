#include "smtp/capabilities.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using mailbridge::smtp::Capabilities;
using mailbridge::smtp::Reply;

namespace {

Reply ehlo_reply(std::vector<std::string> lines)
{
    Reply reply;
    reply.code = 250;
    reply.lines = std::move(lines);
    return reply;
}

using Mechanisms = std::vector<std::string>;

}  // namespace

TEST(SmtpCapabilities, TypicalServer)
{
    Capabilities caps = Capabilities::parse(ehlo_reply({
        "mail.example.com Hello client.example.org",
        "PIPELINING",
        "SIZE 10240000",
        "8BITMIME",
        "STARTTLS",
        "AUTH PLAIN LOGIN",
        "ENHANCEDSTATUSCODES",
    }));
    EXPECT_TRUE(caps.has("PIPELINING"));
    EXPECT_TRUE(caps.has("8BITMIME"));
    EXPECT_TRUE(caps.has("STARTTLS"));
    EXPECT_TRUE(caps.has("ENHANCEDSTATUSCODES"));
    EXPECT_FALSE(caps.has("SMTPUTF8"));
    EXPECT_EQ(caps.keywords.at("SIZE"), "10240000");
    EXPECT_EQ(caps.max_size, 10240000u);
    EXPECT_TRUE(caps.auth_advertised);
    EXPECT_EQ(caps.auth_mechanisms, (Mechanisms{"PLAIN", "LOGIN"}));
    EXPECT_TRUE(caps.has_auth("PLAIN"));
    EXPECT_FALSE(caps.has_auth("CRAM-MD5"));
}

TEST(SmtpCapabilities, GreetingLineSkipped)
{
    Capabilities caps = Capabilities::parse(ehlo_reply({"STARTTLS pretends to be a keyword", "8BITMIME"}));
    EXPECT_FALSE(caps.has("STARTTLS"));
    EXPECT_TRUE(caps.has("8BITMIME"));
    EXPECT_EQ(caps.keywords.size(), 1u);
}

TEST(SmtpCapabilities, GreetingOnly)
{
    Capabilities caps = Capabilities::parse(ehlo_reply({"mail.example.com"}));
    EXPECT_TRUE(caps.keywords.empty());
    EXPECT_FALSE(caps.auth_advertised);
    EXPECT_EQ(caps.max_size, 0u);
}

TEST(SmtpCapabilities, EmptyReply)
{
    Capabilities caps = Capabilities::parse(ehlo_reply({}));
    EXPECT_TRUE(caps.keywords.empty());
    EXPECT_FALSE(caps.auth_advertised);
}

TEST(SmtpCapabilities, LowercaseKeywords)
{
    Capabilities caps = Capabilities::parse(ehlo_reply({"hi", "starttls", "Size 1000", "auth plain cram-md5"}));
    EXPECT_TRUE(caps.has("STARTTLS"));
    EXPECT_FALSE(caps.has("starttls"));
    EXPECT_EQ(caps.max_size, 1000u);
    EXPECT_EQ(caps.auth_mechanisms, (Mechanisms{"PLAIN", "CRAM-MD5"}));
    EXPECT_TRUE(caps.has_auth("CRAM-MD5"));
}

TEST(SmtpCapabilities, ParametersKeptAsSent)
{
    Capabilities caps = Capabilities::parse(ehlo_reply({"hi", "X-Custom  Mixed Case  args ", "DSN"}));
    EXPECT_EQ(caps.keywords.at("X-CUSTOM"), "Mixed Case  args");
    EXPECT_EQ(caps.keywords.at("DSN"), "");
}

TEST(SmtpCapabilities, OldAuthEqualsForm)
{
    Capabilities caps = Capabilities::parse(ehlo_reply({"hi", "AUTH=LOGIN PLAIN"}));
    EXPECT_TRUE(caps.auth_advertised);
    EXPECT_EQ(caps.auth_mechanisms, (Mechanisms{"LOGIN", "PLAIN"}));
}

TEST(SmtpCapabilities, AuthEqualsDuplicatesMerged)
{
    Capabilities caps = Capabilities::parse(ehlo_reply({
        "hi",
        "AUTH GSSAPI NTLM LOGIN",
        "AUTH=LOGIN",
        "auth=login xoauth2",
        "AUTH PLAIN login",
    }));
    EXPECT_TRUE(caps.auth_advertised);
    EXPECT_EQ(caps.auth_mechanisms, (Mechanisms{"GSSAPI", "NTLM", "LOGIN", "XOAUTH2", "PLAIN"}));
    EXPECT_EQ(caps.keywords.at("AUTH"), "GSSAPI NTLM LOGIN") << "the map keeps the first AUTH line";
}

TEST(SmtpCapabilities, AuthEqualsBeforeAuth)
{
    Capabilities caps = Capabilities::parse(ehlo_reply({"hi", "AUTH=LOGIN", "AUTH LOGIN PLAIN"}));
    EXPECT_EQ(caps.auth_mechanisms, (Mechanisms{"LOGIN", "PLAIN"}));
}

TEST(SmtpCapabilities, EmptyAuthLine)
{
    Capabilities caps = Capabilities::parse(ehlo_reply({"hi", "AUTH"}));
    EXPECT_TRUE(caps.auth_advertised);
    EXPECT_TRUE(caps.auth_mechanisms.empty());
    EXPECT_TRUE(caps.has("AUTH"));
}

TEST(SmtpCapabilities, EmptyAuthEqualsLine)
{
    Capabilities caps = Capabilities::parse(ehlo_reply({"hi", "AUTH="}));
    EXPECT_TRUE(caps.auth_advertised);
    EXPECT_TRUE(caps.auth_mechanisms.empty());
}

TEST(SmtpCapabilities, NoAuthLine)
{
    Capabilities caps = Capabilities::parse(ehlo_reply({"hi", "AUTHENTICATE PLAIN", "X-AUTH LOGIN"}));
    EXPECT_FALSE(caps.auth_advertised);
    EXPECT_TRUE(caps.auth_mechanisms.empty());
}

TEST(SmtpCapabilities, InvalidMechanismNamesSkipped)
{
    Capabilities caps = Capabilities::parse(ehlo_reply({
        "hi",
        "AUTH PLAIN L*GIN THIS-NAME-IS-21-CHARS SCRAM-SHA-256 EXACTLY-TWENTY-CHARS",
    }));
    EXPECT_EQ(caps.auth_mechanisms, (Mechanisms{"PLAIN", "SCRAM-SHA-256", "EXACTLY-TWENTY-CHARS"}));
}

TEST(SmtpCapabilities, MechanismsSeparatedByTabsAndSpaces)
{
    Capabilities caps = Capabilities::parse(ehlo_reply({"hi", "AUTH  PLAIN\tLOGIN "}));
    EXPECT_EQ(caps.auth_mechanisms, (Mechanisms{"PLAIN", "LOGIN"}));
}

TEST(SmtpCapabilities, SizeValues)
{
    struct Case {
        const char *line;
        uint64_t expected;
    };
    const Case cases[] = {
        {"SIZE 35882577", 35882577u},
        {"SIZE 0", 0u},
        {"SIZE", 0u},
        {"SIZE  52428800 ", 52428800u},
        {"SIZE 18446744073709551615", 18446744073709551615u},
        {"SIZE 18446744073709551616", 0u},
        {"SIZE 10MB", 0u},
        {"SIZE -1", 0u},
        {"SIZE 1 2", 0u},
        {"SIZE unlimited", 0u},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.line);
        Capabilities caps = Capabilities::parse(ehlo_reply({"hi", c.line}));
        EXPECT_TRUE(caps.has("SIZE"));
        EXPECT_EQ(caps.max_size, c.expected);
    }
}

TEST(SmtpCapabilities, SizeAbsent)
{
    Capabilities caps = Capabilities::parse(ehlo_reply({"hi", "8BITMIME"}));
    EXPECT_FALSE(caps.has("SIZE"));
    EXPECT_EQ(caps.max_size, 0u);
}

TEST(SmtpCapabilities, JunkLinesSkipped)
{
    Capabilities caps = Capabilities::parse(ehlo_reply({"hi", "", "   ", "-DASH", "BAD*KEYWORD x", "=x", "DSN"}));
    EXPECT_EQ(caps.keywords.size(), 1u);
    EXPECT_TRUE(caps.has("DSN"));
}

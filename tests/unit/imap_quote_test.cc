#include "imap/quote.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "imap/response.h"

using mailbridge::imap::ArgumentForm;
using mailbridge::imap::LiteralSupport;
using mailbridge::imap::quote_argument;
using mailbridge::imap::QuotedArgument;
using mailbridge::imap::Response;
using mailbridge::imap::ResponseParser;

namespace {

// Parse "* XA " followed by the quoted argument with the response parser and
// return the single value's text, so that quoting is checked against parsing.
std::string parse_back(const QuotedArgument &argument)
{
    std::string input = "* XA " + argument.text + "\r\n";
    if (argument.form == ArgumentForm::literal)
        input += argument.literal + "\r\n";
    ResponseParser parser;
    size_t consumed = 0;
    EXPECT_EQ(parser.feed(input.data(), input.size(), consumed), ResponseParser::Status::complete)
        << parser.error_message();
    EXPECT_EQ(consumed, input.size());
    Response response = parser.take();
    EXPECT_EQ(response.data.size(), 1u);
    return response.data.empty() ? std::string() : response.data[0].text;
}

}  // namespace

TEST(ImapQuote, PlainNamesAreAtoms)
{
    for (std::string value : {"INBOX", "[Gmail]/Sent", "Entw&APw-rfe", "a.b-c_d", "foo]"}) {
        SCOPED_TRACE(value);
        QuotedArgument argument = quote_argument(value);
        EXPECT_EQ(argument.form, ArgumentForm::atom);
        EXPECT_EQ(argument.text, value);
        EXPECT_EQ(argument.literal, "");
        EXPECT_EQ(parse_back(argument), value);
    }
}

TEST(ImapQuote, SpecialsAreQuoted)
{
    struct Case {
        std::string value;
        std::string quoted;
    };
    std::vector<Case> cases = {
        {"", "\"\""},
        {"NIL", "\"NIL\""},
        {"nil", "\"nil\""},
        {"Sent Items", "\"Sent Items\""},
        {"a\"b\\c", "\"a\\\"b\\\\c\""},
        {"foo*", "\"foo*\""},
        {"50%", "\"50%\""},
        {"(x)", "\"(x)\""},
        {"x{3}", "\"x{3}\""},
        {"tab\there", "\"tab\there\""},
        {"del\x7f", "\"del\x7f\""},
    };
    for (const Case &test : cases) {
        SCOPED_TRACE(test.value);
        QuotedArgument argument = quote_argument(test.value);
        EXPECT_EQ(argument.form, ArgumentForm::quoted);
        EXPECT_EQ(argument.text, test.quoted);
    }
}

TEST(ImapQuote, QuotedParsesBack)
{
    for (std::string value : {"", "Sent Items", "a\"b\\c", "foo*", "x{3}"}) {
        SCOPED_TRACE(value);
        EXPECT_EQ(parse_back(quote_argument(value)), value);
    }
}

TEST(ImapQuote, AtomCanBeDisallowed)
{
    QuotedArgument argument = quote_argument("INBOX", LiteralSupport::none, false);
    EXPECT_EQ(argument.form, ArgumentForm::quoted);
    EXPECT_EQ(argument.text, "\"INBOX\"");
}

TEST(ImapQuote, LineBreaksNulAndEightBitNeedLiteral)
{
    std::vector<std::string> values = {"a\r\nb", "line\n", "cr\r", std::string("a\0b", 3), "Entw\xc3\xbcrfe",
                                       "\x80"};
    for (const std::string &value : values) {
        SCOPED_TRACE(value);
        QuotedArgument argument = quote_argument(value);
        EXPECT_EQ(argument.form, ArgumentForm::literal);
        EXPECT_EQ(argument.text, "{" + std::to_string(value.size()) + "}");
        EXPECT_EQ(argument.literal, value);
        EXPECT_FALSE(argument.non_synchronizing);
        EXPECT_EQ(parse_back(argument), value);
    }
}

TEST(ImapQuote, LiteralPlusIsNonSynchronizing)
{
    std::string value(10000, '\xff');
    QuotedArgument argument = quote_argument(value, LiteralSupport::literal_plus);
    EXPECT_EQ(argument.form, ArgumentForm::literal);
    EXPECT_EQ(argument.text, "{10000+}");
    EXPECT_TRUE(argument.non_synchronizing);
    EXPECT_EQ(parse_back(argument), value);
}

TEST(ImapQuote, LiteralMinusUpTo4096Octets)
{
    QuotedArgument at_limit = quote_argument(std::string(4096, '\n'), LiteralSupport::literal_minus);
    EXPECT_EQ(at_limit.text, "{4096+}");
    EXPECT_TRUE(at_limit.non_synchronizing);

    QuotedArgument over_limit = quote_argument(std::string(4097, '\n'), LiteralSupport::literal_minus);
    EXPECT_EQ(over_limit.text, "{4097}");
    EXPECT_FALSE(over_limit.non_synchronizing);
}

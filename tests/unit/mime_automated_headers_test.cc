#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mime/address.h"
#include "mime/message.h"
#include "mime_test_support.h"

using namespace mailbridge::mime;
using namespace mime_test;

TEST(MimeAutomatedHeaders, AutoSubmitted)
{
    Message message = basic_message();
    message.set_auto_submitted();
    message.set_auto_submitted();  // a second call changes nothing
    Entity entity = parse_entity(message.serialize());
    EXPECT_EQ(field_values(entity, "Auto-Submitted"), std::vector<std::string>{"auto-generated"});
}

TEST(MimeAutomatedHeaders, AutoSubmittedConflictsWithHeader)
{
    Message message = basic_message();
    message.add_header("Auto-Submitted", "auto-replied");
    EXPECT_THROW(message.set_auto_submitted(), InvalidInput);

    Message other = basic_message();
    other.set_auto_submitted();
    EXPECT_THROW(other.add_header("auto-submitted", "auto-replied"), InvalidInput);
}

TEST(MimeAutomatedHeaders, ListUnsubscribeOneClick)
{
    Message message = basic_message();
    message.set_list_unsubscribe("https://crm.example.test/unsubscribe?c=42&r=abc", "unsubscribe@example.test");
    std::string bytes = message.serialize();
    expect_short_header_lines(bytes);
    Entity entity = parse_entity(bytes);
    EXPECT_EQ(field_value(entity, "List-Unsubscribe"),
              "<https://crm.example.test/unsubscribe?c=42&r=abc>, <mailto:unsubscribe@example.test>");
    EXPECT_EQ(field_value(entity, "List-Unsubscribe-Post"), "List-Unsubscribe=One-Click");
}

TEST(MimeAutomatedHeaders, ListUnsubscribeHttpHasNoPost)
{
    Message message = basic_message();
    message.set_list_unsubscribe("http://crm.example.test/u/1", "");
    Entity entity = parse_entity(message.serialize());
    EXPECT_EQ(field_value(entity, "List-Unsubscribe"), "<http://crm.example.test/u/1>");
    EXPECT_TRUE(field_values(entity, "List-Unsubscribe-Post").empty());
}

TEST(MimeAutomatedHeaders, ListUnsubscribeMailtoOnly)
{
    Message message = basic_message();
    message.set_list_unsubscribe("", "mailto:leave@bücher.example");
    Entity entity = parse_entity(message.serialize());
    EXPECT_EQ(field_value(entity, "List-Unsubscribe"), "<mailto:leave@xn--bcher-kva.example>");
    EXPECT_TRUE(field_values(entity, "List-Unsubscribe-Post").empty());
}

TEST(MimeAutomatedHeaders, MailtoPercentEncodes)
{
    Message message = basic_message();
    message.set_list_unsubscribe("", "\"un sub\"@example.test");
    EXPECT_EQ(field_value(parse_entity(message.serialize()), "List-Unsubscribe"),
              "<mailto:%22un%20sub%22@example.test>");

    Message utf8 = basic_message();
    utf8.set_list_unsubscribe("", "désinscription@example.test");
    EXPECT_EQ(field_value(parse_entity(utf8.serialize()), "List-Unsubscribe"),
              "<mailto:d%C3%A9sinscription@example.test>");
}

TEST(MimeAutomatedHeaders, LongUrlFoldsBetweenItems)
{
    Message message = basic_message();
    std::string url = "https://crm.example.test/unsubscribe/" + std::string(20, 'a');
    message.set_list_unsubscribe(url, "unsubscribe@example.test");
    std::string bytes = message.serialize();
    expect_short_header_lines(bytes);
    EXPECT_NE(bytes.find("List-Unsubscribe:\r\n <" + url + ">,\r\n <mailto:"), std::string::npos);
    EXPECT_EQ(field_value(parse_entity(bytes), "List-Unsubscribe"),
              "<" + url + ">, <mailto:unsubscribe@example.test>");
}

TEST(MimeAutomatedHeaders, UrlLongerThanALineStaysWhole)
{
    Message message = basic_message();
    std::string url = "https://crm.example.test/unsubscribe/" + std::string(300, 'a');
    message.set_list_unsubscribe(url, "unsubscribe@example.test");
    std::string bytes = message.serialize();
    expect_wire_safe(bytes);
    EXPECT_EQ(field_value(parse_entity(bytes), "List-Unsubscribe"),
              "<" + url + ">, <mailto:unsubscribe@example.test>");
}

TEST(MimeAutomatedHeaders, ListUnsubscribeValidation)
{
    Message message = basic_message();
    EXPECT_THROW(message.set_list_unsubscribe("", ""), InvalidInput);
    const std::vector<std::string> urls = {
        "ftp://example.test/u",         "https://",
        "https:///path",                "https://example.test/a b",
        "https://example.test/>x",      "https://example.test/<x",
        "https://example.test/\r\nX: 1", "https://example.test/ä",
        "javascript:alert(1)",          "example.test/u",
        "https://example.test/" + std::string(1000, 'a'),
    };
    for (const std::string &url : urls) {
        SCOPED_TRACE(quote_for_error(url));
        EXPECT_THROW(message.set_list_unsubscribe(url, ""), InvalidInput);
    }
    for (const std::string mailto : {"not an address", "Name <a@example.test>", "a@example.test?subject=x",
                                     "mailto:", "a@example.test>"}) {
        SCOPED_TRACE(quote_for_error(mailto));
        EXPECT_THROW(message.set_list_unsubscribe("", mailto), InvalidInput);
    }
    EXPECT_NO_THROW(message.set_list_unsubscribe("HTTPS://Example.TEST/u", ""));
}

TEST(MimeAutomatedHeaders, ListUnsubscribeErrorNamesUrl)
{
    Message message = basic_message();
    try {
        message.set_list_unsubscribe("ftp://example.test/u", "");
        ADD_FAILURE() << "accepted";
    } catch (const InvalidInput &error) {
        EXPECT_NE(std::string(error.what()).find("ftp://example.test/u"), std::string::npos) << error.what();
    }
}

TEST(MimeAutomatedHeaders, ListUnsubscribeConflictsWithHeader)
{
    Message message = basic_message();
    message.add_header("List-Unsubscribe", "<mailto:a@example.test>");
    EXPECT_THROW(message.set_list_unsubscribe("https://example.test/u", ""), InvalidInput);

    Message other = basic_message();
    other.set_list_unsubscribe("https://example.test/u", "");
    EXPECT_THROW(other.add_header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), InvalidInput);
}

TEST(MimeAutomatedHeaders, ReplacedBySecondCall)
{
    Message message = basic_message();
    message.set_list_unsubscribe("https://example.test/first", "");
    message.set_list_unsubscribe("", "second@example.test");
    Entity entity = parse_entity(message.serialize());
    EXPECT_EQ(field_values(entity, "List-Unsubscribe"), std::vector<std::string>{"<mailto:second@example.test>"});
    EXPECT_TRUE(field_values(entity, "List-Unsubscribe-Post").empty());
}

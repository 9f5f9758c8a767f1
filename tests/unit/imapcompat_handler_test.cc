// The parts of the ext/imap-compatible handler that need no server: dates,
// header text, body type codes, the error log and SuiteCRM's attachment
// rule. Expected values were observed with Debian 12's php8.2-imap against
// Dovecot, except where a test names a deliberate difference.
#include "imapcompat/handler.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using mailbridge::imapcompat::base_subject;
using mailbridge::imapcompat::body_encoding_code;
using mailbridge::imapcompat::body_type_code;
using mailbridge::imapcompat::decode_header_text;
using mailbridge::imapcompat::ErrorLog;
using mailbridge::imapcompat::format_mail_date;
using mailbridge::imapcompat::has_attachment;
using mailbridge::imapcompat::parse_internal_date;

TEST(ImapCompatHandler, InternalDateToUnixTime)
{
    EXPECT_EQ(parse_internal_date("01-Jan-2024 10:00:00 +0100"), 1704099600);
    EXPECT_EQ(parse_internal_date(" 4-Dec-2026 19:32:25 +0000"), 1796412745);
    EXPECT_EQ(parse_internal_date("15-Feb-2024 08:30:00 -0230"), 1707994800);
    EXPECT_EQ(parse_internal_date("15-Foo-2024 08:30:00 +0000"), 0);
    EXPECT_EQ(parse_internal_date(""), 0);
}

TEST(ImapCompatHandler, MailDateFormat)
{
    // c-client's mail_date() pads a one-digit day with a space.
    EXPECT_EQ(format_mail_date(" 4-Dec-2026 19:32:25 +0000"), " 4-Dec-2026 19:32:25 +0000");
    EXPECT_EQ(format_mail_date("04-dec-2026 09:02:05 -0700"), " 4-Dec-2026 09:02:05 -0700");
    EXPECT_EQ(format_mail_date("15-Feb-2024 08:30:00 +0100"), "15-Feb-2024 08:30:00 +0100");
}

TEST(ImapCompatHandler, HeaderTextDecodesWords)
{
    EXPECT_EQ(decode_header_text("=?UTF-8?B?w6Q=?= x"), "\xC3\xA4 x");
    EXPECT_EQ(decode_header_text("=?ISO-8859-1?Q?caf=E9?="), "caf\xC3\xA9");
    EXPECT_EQ(decode_header_text("=?windows-1251?B?z/Do4uXy?="), "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");
    // Whitespace between two words goes, plain text keeps its spaces.
    EXPECT_EQ(decode_header_text("=?UTF-8?B?w6Q=?= \r\n =?UTF-8?B?w7Y=?= plain =?UTF-8?B?w6Q=?="), "\xC3\xA4\xC3\xB6 plain \xC3\xA4");
    EXPECT_EQ(decode_header_text("no words here"), "no words here");
}

TEST(ImapCompatHandler, HeaderTextKeepsQuotedWords)
{
    // imap_utf8() leaves a word inside a quoted string undecoded.
    const std::string quoted = "\"=?UTF-8?Q?M=C3=BCller=2C_Hans?=\" <hans@example.test>";
    EXPECT_EQ(decode_header_text(quoted), quoted);
    EXPECT_EQ(decode_header_text("x=?UTF-8?B?w6Q=?="), "x=?UTF-8?B?w6Q=?=");
}

TEST(ImapCompatHandler, HeaderTextUnknownCharset)
{
    // imap_utf8() decodes the transfer encoding but cannot convert the bytes.
    EXPECT_EQ(decode_header_text("=?unknown-8bit?Q?caf=E9?="), "caf\xE9");
}

TEST(ImapCompatHandler, BaseSubjectForSort)
{
    EXPECT_EQ(base_subject("Fwd: Original question"), "ORIGINAL QUESTION");
    EXPECT_EQ(base_subject("Re: RE: fw: [list] Hello (fwd)"), "HELLO");
    EXPECT_EQ(base_subject("=?UTF-8?Q?Caf=C3=A9_menu?="), "CAF\xC3\xA9 MENU");
    EXPECT_EQ(base_subject(""), "");
    EXPECT_EQ(base_subject("[only a tag]"), "[ONLY A TAG]");
}

TEST(ImapCompatHandler, BodyTypeCodes)
{
    std::string name;
    EXPECT_EQ(body_type_code("text", name), 0);
    EXPECT_EQ(name, "TEXT");
    EXPECT_EQ(body_type_code("multipart", name), 1);
    EXPECT_EQ(body_type_code("X-Unknown", name), 8);

    // Unknown names get the next free code from 9 and keep it.
    int first = body_type_code("font-test-handler", name);
    EXPECT_GE(first, 9);
    EXPECT_LE(first, 15);
    EXPECT_EQ(body_type_code("FONT-TEST-HANDLER", name), first);
}

TEST(ImapCompatHandler, BodyEncodingCodes)
{
    EXPECT_EQ(body_encoding_code("7bit"), 0);
    EXPECT_EQ(body_encoding_code("BASE64"), 3);
    EXPECT_EQ(body_encoding_code("Quoted-Printable"), 4);
    EXPECT_EQ(body_encoding_code(""), 5);
    int first = body_encoding_code("x-test-handler");
    EXPECT_GE(first, 6);
    EXPECT_LE(first, 10);
    EXPECT_EQ(body_encoding_code("X-TEST-HANDLER"), first);
}

TEST(ImapCompatHandler, ErrorLogClearsLastError)
{
    ErrorLog log;
    EXPECT_FALSE(log.last_error().has_value());
    log.add_error("first");
    log.add_error("second");
    log.add_alert("[ALERT] text");
    EXPECT_EQ(log.last_error(), "second");
    EXPECT_EQ(log.take_errors(), (std::vector<std::string>{"first", "second"}));
    EXPECT_FALSE(log.last_error().has_value());
    EXPECT_TRUE(log.take_errors().empty());
    EXPECT_EQ(log.take_alerts(), (std::vector<std::string>{"[ALERT] text"}));
    EXPECT_TRUE(log.take_alerts().empty());
}

TEST(ImapCompatHandler, AttachmentRule)
{
    mailbridge::imap::BodyStructure plain;
    plain.type = "text";
    plain.subtype = "plain";
    EXPECT_FALSE(has_attachment(plain));

    mailbridge::imap::BodyStructure pdf;
    pdf.type = "application";
    pdf.subtype = "pdf";
    EXPECT_TRUE(has_attachment(pdf));

    mailbridge::imap::BodyStructure mixed;
    mixed.type = "multipart";
    mixed.subtype = "mixed";
    mixed.parts = {plain};
    EXPECT_FALSE(has_attachment(mixed));
    pdf.disposition = "attachment";
    pdf.disposition_parameters = {{"filename", "a.pdf"}};
    mixed.parts.push_back(pdf);
    EXPECT_TRUE(has_attachment(mixed));
}

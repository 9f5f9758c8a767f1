#include <gtest/gtest.h>

#include <string>

#include "mailer/compose.h"
#include "mime/address.h"

using namespace mailbridge::mailer;

namespace {

Composition minimal()
{
    Composition composition;
    composition.charset = "utf-8";
    composition.from = {"sender@example.test", "Sender"};
    composition.to = {{"to@example.test", ""}};
    composition.date = "Fri, 4 Dec 2026 20:00:00 +0000";
    composition.message_id = "<id@example.test>";
    composition.boundary_seed = "seed";
    composition.body = "Hello\n";
    return composition;
}

std::size_t count(const std::string &text, const std::string &needle)
{
    std::size_t found = 0;
    for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
        ++found;
    return found;
}

}  // namespace

TEST(MailerCompose, SameInputGivesSameBytes)
{
    Composition composition = minimal();
    composition.alt_body = "text";
    composition.files.push_back({"bytes", "a.txt", "base64", "", "attachment", ""});
    Composed first = compose(composition);
    Composed second = compose(composition);
    EXPECT_EQ(first.header, second.header);
    EXPECT_EQ(first.body, second.body);
}

TEST(MailerCompose, PlainTextIsOnePart)
{
    Composed composed = compose(minimal());
    EXPECT_NE(composed.header.find("Content-Type: text/plain; charset=us-ascii\r\n"), std::string::npos);
    EXPECT_NE(composed.header.find("Content-Transfer-Encoding: 7bit\r\n"), std::string::npos);
    EXPECT_EQ(composed.body, "Hello\r\n");
}

TEST(MailerCompose, NestingFollowsPhpMailer)
{
    Composition composition = minimal();
    composition.body = "<img src=\"cid:logo\">";
    composition.alt_body = "text";
    composition.files.push_back({"png", "logo.png", "base64", "image/png", "inline", "logo"});
    composition.files.push_back({"pdf", "a.pdf", "base64", "application/pdf", "attachment", ""});
    Composed composed = compose(composition);
    EXPECT_NE(composed.header.find("Content-Type: multipart/mixed;"), std::string::npos);
    std::size_t alternative = composed.body.find("Content-Type: multipart/alternative;");
    std::size_t plain = composed.body.find("Content-Type: text/plain");
    std::size_t related = composed.body.find("Content-Type: multipart/related;");
    std::size_t html = composed.body.find("Content-Type: text/html");
    std::size_t image = composed.body.find("Content-ID: <logo>");
    std::size_t attachment = composed.body.find("filename=\"a.pdf\"");
    ASSERT_NE(alternative, std::string::npos);
    EXPECT_LT(alternative, plain);
    EXPECT_LT(plain, related);
    EXPECT_LT(related, html);
    EXPECT_LT(html, image);
    EXPECT_LT(image, attachment);
    EXPECT_EQ(count(composed.body, "--=_mba_seed--"), 1u);
    EXPECT_EQ(count(composed.body, "--=_mbr_seed--"), 1u);
    EXPECT_EQ(count(composed.body, "--=_mbm_seed--"), 1u);
}

TEST(MailerCompose, TextIsNotConvertedFromUtf8)
{
    Composition composition = minimal();
    composition.charset = "iso-8859-1";
    composition.body = "Gr\xfc\xdf" "e\n";
    Composed composed = compose(composition);
    EXPECT_NE(composed.header.find("charset=iso-8859-1"), std::string::npos);
    EXPECT_EQ(composed.body, "Gr\xfc\xdf" "e\r\n");
}

TEST(MailerCompose, SubjectWordsFitTheLine)
{
    Composition composition = minimal();
    composition.subject = "Angebot f\xc3\xbcr M\xc3\xbcller und Gr\xc3\xb6\xc3\x9f" "e aus M\xc3\xbcnchen, "
                          "\xc3\x9c" "bersicht \xc3\xbc" "ber alle Vertr\xc3\xa4ge";
    Composed composed = compose(composition);
    std::size_t start = composed.header.find("Subject: ");
    std::size_t end = composed.header.find("\r\nMessage-ID:");
    ASSERT_NE(start, std::string::npos);
    std::string subject = composed.header.substr(start, end - start);
    std::size_t line_start = 0;
    while (line_start < subject.size()) {
        std::size_t line_end = subject.find("\r\n", line_start);
        if (line_end == std::string::npos)
            line_end = subject.size();
        EXPECT_LE(line_end - line_start, 78u) << subject;
        line_start = line_end + 2;
    }
    EXPECT_NE(subject.find("=?utf-8?B?"), std::string::npos);
}

TEST(MailerCompose, OverlongLineForcesQuotedPrintable)
{
    Composition composition = minimal();
    composition.body = std::string(1200, 'x');
    Composed composed = compose(composition);
    EXPECT_NE(composed.header.find("Content-Transfer-Encoding: quoted-printable"), std::string::npos);
}

TEST(MailerCompose, OneCharacterBody)
{
    Composition composition = minimal();
    composition.body = "x";
    EXPECT_EQ(compose(composition).body, "x\r\n");
}

TEST(MailerCompose, InvalidValuesThrow)
{
    Composition composition = minimal();
    composition.encoding = "uuencode";
    EXPECT_THROW(compose(composition), mailbridge::mime::InvalidInput);
    composition = minimal();
    composition.charset = "bad charset";
    EXPECT_THROW(compose(composition), mailbridge::mime::InvalidInput);
    composition = minimal();
    composition.to = {{"not an address", ""}};
    EXPECT_THROW(compose(composition), mailbridge::mime::InvalidInput);
    composition = minimal();
    composition.custom_headers = {{"X-Bad", "a\r\nInjected: yes"}};
    EXPECT_THROW(compose(composition), mailbridge::mime::InvalidInput);
}

TEST(MailerWrapText, BreaksAtSpaces)
{
    EXPECT_EQ(wrap_text("one two three four", 9), "one two\r\nthree\r\nfour");
    EXPECT_EQ(wrap_text("averyveryverylongword and more", 5), "averyveryverylongword\r\nand\r\nmore");
    EXPECT_EQ(wrap_text("short\nlines\n", 20), "short\r\nlines\r\n");
}

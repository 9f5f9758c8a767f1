#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mime/address.h"
#include "mime/message.h"
#include "mime_test_support.h"

using namespace mailbridge::mime;
using namespace mime_test;

namespace {

const std::string kPng = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(300, '\x07');

const std::string kInvite =
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "PRODID:-//mailbridge//test//EN\r\n"
    "METHOD:REQUEST\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:event-1@example.test\r\n"
    "DTSTAMP:20260101T090000Z\r\n"
    "DTSTART:20260110T090000Z\r\n"
    "DTEND:20260110T100000Z\r\n"
    "SUMMARY:Review\r\n"
    "ORGANIZER:mailto:sender@example.test\r\n"
    "ATTENDEE:mailto:recipient@example.test\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";

bool starts_with(const std::string &text, const std::string &prefix)
{
    return text.rfind(prefix, 0) == 0;
}

}  // namespace

TEST(MimeStructure, InlineImageMakesRelated)
{
    Message message = basic_message();
    message.set_html("<p><img src=\"cid:logo@example.test\"></p>");
    message.embed(kPng, "logo@example.test", "logo.png", "");
    std::string bytes = message.serialize();
    expect_wire_safe(bytes);
    expect_short_header_lines(bytes);

    Entity entity = parse_entity(bytes);
    std::string type = field_value(entity, "Content-Type");
    EXPECT_TRUE(starts_with(type, "multipart/related; type=\"text/html\"; boundary=")) << type;
    std::vector<Entity> parts = parts_of(entity);
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(field_value(parts[0], "Content-Type"), "text/html; charset=UTF-8");
    EXPECT_EQ(field_value(parts[1], "Content-Type"), "image/png; name=\"logo.png\"");
    EXPECT_EQ(field_value(parts[1], "Content-Disposition"), "inline; filename=\"logo.png\"");
    EXPECT_EQ(field_value(parts[1], "Content-ID"), "<logo@example.test>");
    EXPECT_EQ(field_value(parts[1], "Content-Transfer-Encoding"), "base64");
    EXPECT_EQ(base64_body_of(parts[1]), kPng);
}

TEST(MimeStructure, RelatedWrapsAlternative)
{
    Message message = basic_message();
    message.set_text("plain");
    message.set_html("<img src=\"cid:a.png\"><img src=\"cid:b.gif\">");
    message.embed(kPng, "a.png", "a.png", "");
    message.embed("GIF89a", "b.gif", "", "image/gif");
    Entity entity = parse_entity(message.serialize());

    EXPECT_TRUE(
        starts_with(field_value(entity, "Content-Type"), "multipart/related; type=\"multipart/alternative\";"));
    std::vector<Entity> related = parts_of(entity);
    ASSERT_EQ(related.size(), 3u);
    EXPECT_TRUE(starts_with(field_value(related[0], "Content-Type"), "multipart/alternative;"));
    std::vector<Entity> alternative = parts_of(related[0]);
    ASSERT_EQ(alternative.size(), 2u);
    EXPECT_EQ(alternative[0].body, "plain");
    EXPECT_EQ(field_value(related[1], "Content-ID"), "<a.png>");
    EXPECT_EQ(field_value(related[2], "Content-ID"), "<b.gif>");
    EXPECT_EQ(field_value(related[2], "Content-Type"), "image/gif");
    EXPECT_EQ(field_value(related[2], "Content-Disposition"), "inline");
    EXPECT_EQ(base64_body_of(related[2]), "GIF89a");
}

TEST(MimeStructure, AllPartsNestInOrder)
{
    Message message = basic_message();
    message.set_text("plain");
    message.set_html("<img src=\"cid:logo\">");
    message.set_calendar(kInvite, "request");
    message.embed(kPng, "logo", "logo.png", "");
    message.attach("%PDF-1.4", "quote.pdf", "");
    message.attach("a,b", "data.csv", "");
    std::string bytes = message.serialize();
    expect_wire_safe(bytes);
    expect_short_header_lines(bytes);

    Entity mixed = parse_entity(bytes);
    EXPECT_TRUE(starts_with(field_value(mixed, "Content-Type"), "multipart/mixed;"));
    std::vector<Entity> mixed_parts = parts_of(mixed);
    ASSERT_EQ(mixed_parts.size(), 3u);
    EXPECT_EQ(field_value(mixed_parts[1], "Content-Disposition"), "attachment; filename=\"quote.pdf\"");
    EXPECT_EQ(field_value(mixed_parts[2], "Content-Disposition"), "attachment; filename=\"data.csv\"");

    Entity related = mixed_parts[0];
    EXPECT_TRUE(
        starts_with(field_value(related, "Content-Type"), "multipart/related; type=\"multipart/alternative\";"));
    std::vector<Entity> related_parts = parts_of(related);
    ASSERT_EQ(related_parts.size(), 2u);
    EXPECT_EQ(field_value(related_parts[1], "Content-ID"), "<logo>");

    std::vector<Entity> alternative = parts_of(related_parts[0]);
    ASSERT_EQ(alternative.size(), 3u);
    EXPECT_EQ(field_value(alternative[0], "Content-Type"), "text/plain; charset=UTF-8");
    EXPECT_EQ(field_value(alternative[1], "Content-Type"), "text/html; charset=UTF-8");
    EXPECT_EQ(field_value(alternative[2], "Content-Type"), "text/calendar; charset=UTF-8; method=REQUEST");
    EXPECT_EQ(field_value(alternative[2], "Content-Transfer-Encoding"), "7bit");
    EXPECT_EQ(alternative[2].body, kInvite);

    std::vector<std::string> boundaries = {boundary_of(mixed), boundary_of(related), boundary_of(related_parts[0])};
    EXPECT_NE(boundaries[0], boundaries[1]);
    EXPECT_NE(boundaries[1], boundaries[2]);
    EXPECT_NE(boundaries[0], boundaries[2]);
}

TEST(MimeStructure, CalendarOnlyIsSinglePart)
{
    Message message = basic_message();
    message.set_calendar(kInvite, "REQUEST");
    Entity entity = parse_entity(message.serialize());
    EXPECT_EQ(field_value(entity, "Content-Type"), "text/calendar; charset=UTF-8; method=REQUEST");
    EXPECT_EQ(entity.body, kInvite);
}

TEST(MimeStructure, CalendarWithTextIsAlternative)
{
    Message message = basic_message();
    message.set_text("You are invited.");
    message.set_calendar(kInvite, "REQUEST");
    std::vector<Entity> parts = parts_of(parse_entity(message.serialize()));
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(field_value(parts[0], "Content-Type"), "text/plain; charset=UTF-8");
    EXPECT_EQ(field_value(parts[1], "Content-Type"), "text/calendar; charset=UTF-8; method=REQUEST");
}

TEST(MimeStructure, CalendarRemovedByEmptyIcs)
{
    Message message = basic_message();
    message.set_text("text");
    message.set_calendar(kInvite, "REQUEST");
    message.set_calendar("", "");
    Entity entity = parse_entity(message.serialize());
    EXPECT_EQ(field_value(entity, "Content-Type"), "text/plain; charset=UTF-8");
}

TEST(MimeStructure, CalendarMethodValidation)
{
    Message message = basic_message();
    EXPECT_NO_THROW(message.set_calendar("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "PUBLISH"));
    EXPECT_NO_THROW(message.set_calendar("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "X-CUSTOM"));
    for (const std::string method : {"", "REQUEST; x=1", "RE QUEST", "REQUEST\r\nX: 1", "méthode"}) {
        SCOPED_TRACE(quote_for_error(method));
        EXPECT_THROW(message.set_calendar("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", method), InvalidInput);
    }
    EXPECT_THROW(message.set_calendar(kInvite, "CANCEL"), InvalidInput);
    EXPECT_THROW(message.set_calendar("BEGIN:VCALENDAR\xff", "REQUEST"), InvalidInput);
}

TEST(MimeStructure, CalendarMethodMismatchNamesBoth)
{
    Message message = basic_message();
    try {
        message.set_calendar(kInvite, "CANCEL");
        ADD_FAILURE() << "accepted";
    } catch (const InvalidInput &error) {
        std::string text = error.what();
        EXPECT_NE(text.find("REQUEST"), std::string::npos) << text;
        EXPECT_NE(text.find("CANCEL"), std::string::npos) << text;
    }
}

TEST(MimeStructure, NonAsciiCalendarIsEncoded)
{
    Message message = basic_message();
    std::string ics = kInvite;
    ics.replace(ics.find("SUMMARY:Review"), 14, "SUMMARY:Überprüfung");
    message.set_calendar(ics, "REQUEST");
    Entity entity = parse_entity(message.serialize());
    EXPECT_EQ(field_value(entity, "Content-Transfer-Encoding"), "quoted-printable");
    EXPECT_NE(entity.body.find("SUMMARY:=C3=9Cberpr=C3=BCfung\r\n"), std::string::npos) << entity.body;
}

TEST(MimeStructure, ContentIdValidation)
{
    Message message = basic_message();
    EXPECT_NO_THROW(message.embed("x", "part1.abc@example.test", "", "image/png"));
    EXPECT_NO_THROW(message.embed("x", "logo.png", "", "image/png"));
    for (const std::string id : {"", "<logo@example.test>", "cid:logo", "two words", "ä@example.test", "a..b",
                                 "logo\r\nX-Injected: 1"}) {
        SCOPED_TRACE(quote_for_error(id));
        EXPECT_THROW(message.embed("x", id, "", "image/png"), InvalidInput);
    }
}

TEST(MimeStructure, DuplicateContentIdRejected)
{
    Message message = basic_message();
    message.embed("x", "logo", "", "image/png");
    EXPECT_THROW(message.embed("y", "logo", "", "image/png"), InvalidInput);
}

TEST(MimeStructure, EmbedGuessesTypeFromFilename)
{
    Message message = basic_message();
    message.set_html("<img src=\"cid:photo\">");
    message.embed("jpeg bytes", "photo", "Foto März.JPG", "");
    std::vector<Entity> parts = parts_of(parse_entity(message.serialize()));
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_TRUE(starts_with(field_value(parts[1], "Content-Type"), "image/jpeg; name=\"=?UTF-8?B?"));
    EXPECT_EQ(field_value(parts[1], "Content-Disposition"), "inline; filename*=UTF-8''Foto%20M%C3%A4rz.JPG");
}

TEST(MimeStructure, EmbedPathReadsFile)
{
    TemporaryFile file(kPng);
    Message message = basic_message();
    message.set_html("<img src=\"cid:logo\">");
    message.embed_path(file.path(), "logo", "logo.png", "");
    std::vector<Entity> parts = parts_of(parse_entity(message.serialize()));
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(field_value(parts[1], "Content-Type"), "image/png; name=\"logo.png\"");
    EXPECT_EQ(base64_body_of(parts[1]), kPng);

    EXPECT_THROW(message.embed_path("/nonexistent/mailbridge/logo.png", "other", "", ""), InvalidInput);
}

TEST(MimeStructure, EmbedPathDefaultsToBaseName)
{
    TemporaryFile file("x");
    Message message = basic_message();
    message.embed_path(file.path(), "file", "", "image/png");
    std::vector<Entity> parts = parts_of(parse_entity(message.serialize()));
    ASSERT_EQ(parts.size(), 2u);
    std::string name = file.path().substr(file.path().rfind('/') + 1);
    EXPECT_EQ(field_value(parts[1], "Content-Disposition"), "inline; filename=\"" + name + "\"");
}

TEST(MimeStructure, CompositeAttachmentTypesRejected)
{
    Message message = basic_message();
    for (const std::string type : {"multipart/mixed", "Multipart/Related; type=text/html", "message/rfc822",
                                   "message/partial", "message/external-body"}) {
        SCOPED_TRACE(type);
        EXPECT_THROW(message.attach("x", "a.eml", type), InvalidInput);
        EXPECT_THROW(message.embed("x", "id", "", type), InvalidInput);
    }
    EXPECT_NO_THROW(message.attach("x", "a.eml", "message/global"));
}

TEST(MimeStructure, MostlyAsciiTextIsQuotedPrintable)
{
    Message message = basic_message();
    message.set_text("Sehr geehrte Frau Müller,\nanbei das Angebot für März.\n");
    Entity entity = parse_entity(message.serialize());
    EXPECT_EQ(field_value(entity, "Content-Transfer-Encoding"), "quoted-printable");
}

TEST(MimeStructure, NonLatinTextIsBase64)
{
    const std::string text = "Здравствуйте, Мария!\nВаш заказ отправлен.\n";
    Message message = basic_message();
    message.set_text(text);
    Entity entity = parse_entity(message.serialize());
    EXPECT_EQ(field_value(entity, "Content-Transfer-Encoding"), "base64");
    EXPECT_EQ(base64_body_of(entity), "Здравствуйте, Мария!\r\nВаш заказ отправлен.\r\n");
}

TEST(MimeStructure, ShortAsciiTextIs7bit)
{
    Message message = basic_message();
    message.set_html("<p>" + std::string(990, 'x') + "</p>");
    Entity entity = parse_entity(message.serialize());
    EXPECT_EQ(field_value(entity, "Content-Transfer-Encoding"), "7bit");
}

TEST(MimeStructure, AsciiLineOver998IsQuotedPrintable)
{
    Message message = basic_message();
    message.set_html("<p>" + std::string(996, 'x') + "</p>");
    std::string bytes = message.serialize();
    expect_wire_safe(bytes);
    EXPECT_EQ(field_value(parse_entity(bytes), "Content-Transfer-Encoding"), "quoted-printable");
}

TEST(MimeStructure, GuessContentTypeNewExtensions)
{
    EXPECT_EQ(guess_content_type("photo.webp"), "image/webp");
    EXPECT_EQ(guess_content_type("drawing.SVG"), "image/svg+xml");
    EXPECT_EQ(guess_content_type("card.vcf"), "text/vcard");
    EXPECT_EQ(guess_content_type("slides.pptx"),
              "application/vnd.openxmlformats-officedocument.presentationml.presentation");
    EXPECT_EQ(guess_content_type("letter.odt"), "application/vnd.oasis.opendocument.text");
    EXPECT_EQ(guess_content_type("backup.tar.gz"), "application/gzip");
    EXPECT_EQ(guess_content_type("voice.mp3"), "audio/mpeg");
    EXPECT_EQ(guess_content_type("clip.mp4"), "video/mp4");
}

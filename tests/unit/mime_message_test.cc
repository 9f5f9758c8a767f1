#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "mime/address.h"
#include "mime/encoding.h"
#include "mime/message.h"
#include "mime_test_support.h"

using namespace mailbridge::mime;
using namespace mime_test;

TEST(MimeMessage, TextOnly)
{
    Message message = basic_message();
    message.set_text("Hello,\nplain text.\n");
    std::string bytes = message.serialize();
    expect_wire_safe(bytes);
    expect_short_header_lines(bytes);

    Entity entity = parse_entity(bytes);
    EXPECT_EQ(field_value(entity, "MIME-Version"), "1.0");
    EXPECT_EQ(field_value(entity, "Content-Type"), "text/plain; charset=UTF-8");
    EXPECT_EQ(field_value(entity, "Content-Transfer-Encoding"), "7bit");
    EXPECT_EQ(field_value(entity, "From"), "Sender Name <sender@example.test>");
    EXPECT_EQ(field_value(entity, "To"), "recipient@example.test");
    EXPECT_EQ(field_value(entity, "Subject"), "Test subject");
    EXPECT_EQ(entity.body, "Hello,\r\nplain text.\r\n");
}

TEST(MimeMessage, HtmlOnly)
{
    Message message = basic_message();
    message.set_html("<p>Hello</p>");
    std::string bytes = message.serialize();
    expect_wire_safe(bytes);

    Entity entity = parse_entity(bytes);
    EXPECT_EQ(field_value(entity, "Content-Type"), "text/html; charset=UTF-8");
    EXPECT_EQ(entity.body, "<p>Hello</p>\r\n");
}

TEST(MimeMessage, TextAndHtmlAlternative)
{
    Message message = basic_message();
    message.set_text("plain");
    message.set_html("<p>rich</p>");
    std::string bytes = message.serialize();
    expect_wire_safe(bytes);

    Entity entity = parse_entity(bytes);
    EXPECT_EQ(field_value(entity, "Content-Type").rfind("multipart/alternative;", 0), 0u);
    std::vector<Entity> parts = parts_of(entity);
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(field_value(parts[0], "Content-Type"), "text/plain; charset=UTF-8");
    EXPECT_EQ(parts[0].body, "plain");
    EXPECT_EQ(field_value(parts[1], "Content-Type"), "text/html; charset=UTF-8");
    EXPECT_EQ(parts[1].body, "<p>rich</p>");
}

TEST(MimeMessage, NonAsciiTextIsQuotedPrintable)
{
    Message message = basic_message();
    message.set_text("Grüße aus München\n");
    Entity entity = parse_entity(message.serialize());
    EXPECT_EQ(field_value(entity, "Content-Transfer-Encoding"), "quoted-printable");
    EXPECT_EQ(entity.body, "Gr=C3=BC=C3=9Fe aus M=C3=BCnchen\r\n");
}

TEST(MimeMessage, LongLinesStayUnder998)
{
    Message message = basic_message();
    message.set_text(std::string(5000, 'a') + "\n" + std::string(3000, 'b'));
    message.set_html("<p>" + std::string(2000, 'c') + "</p>");
    message.attach(std::string(10000, 'd'), "long.txt", "");
    std::string bytes = message.serialize();
    expect_wire_safe(bytes);

    std::vector<Entity> alternative = parts_of(parts_of(parse_entity(bytes))[0]);
    ASSERT_EQ(alternative.size(), 2u);
    EXPECT_EQ(field_value(alternative[0], "Content-Transfer-Encoding"), "quoted-printable");
    EXPECT_EQ(field_value(alternative[1], "Content-Transfer-Encoding"), "quoted-printable");
    for (const std::string &line : split(bytes, "\r\n"))
        EXPECT_LE(line.size(), 76u) << line.substr(0, 80);
}

TEST(MimeMessage, EmptyBodyIsEmptyTextPart)
{
    Message message = basic_message();
    std::string bytes = message.serialize();
    expect_wire_safe(bytes);
    Entity entity = parse_entity(bytes);
    EXPECT_EQ(field_value(entity, "Content-Type"), "text/plain; charset=UTF-8");
    EXPECT_EQ(entity.body, "");
}

TEST(MimeMessage, AttachmentMakesMixed)
{
    Message message = basic_message();
    message.set_text("See attachment.");
    std::string pdf = "%PDF-1.4\n";
    for (int i = 0; i < 300; ++i)
        pdf += static_cast<char>(i % 256);
    message.attach(pdf, "report.pdf", "");
    std::string bytes = message.serialize();
    expect_wire_safe(bytes);
    expect_short_header_lines(bytes);

    Entity entity = parse_entity(bytes);
    EXPECT_EQ(field_value(entity, "Content-Type").rfind("multipart/mixed;", 0), 0u);
    std::vector<Entity> parts = parts_of(entity);
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(field_value(parts[0], "Content-Type"), "text/plain; charset=UTF-8");
    EXPECT_EQ(parts[0].body, "See attachment.");

    EXPECT_EQ(field_value(parts[1], "Content-Type"), "application/pdf; name=\"report.pdf\"");
    EXPECT_EQ(field_value(parts[1], "Content-Transfer-Encoding"), "base64");
    EXPECT_EQ(field_value(parts[1], "Content-Disposition"), "attachment; filename=\"report.pdf\"");
    std::string joined;
    for (const std::string &line : split(parts[1].body, "\r\n")) {
        EXPECT_LE(line.size(), 76u);
        joined += line;
    }
    EXPECT_EQ(decode_base64(joined), pdf);
}

TEST(MimeMessage, AlternativeInsideMixed)
{
    Message message = basic_message();
    message.set_text("plain");
    message.set_html("<b>rich</b>");
    message.attach("a,b\n1,2\n", "data.csv", "");
    message.attach("{}", "data.json", "");
    Entity entity = parse_entity(message.serialize());

    std::vector<Entity> parts = parts_of(entity);
    ASSERT_EQ(parts.size(), 3u);
    EXPECT_EQ(field_value(parts[0], "Content-Type").rfind("multipart/alternative;", 0), 0u);
    EXPECT_NE(boundary_of(parts[0]), boundary_of(entity));
    std::vector<Entity> alternative = parts_of(parts[0]);
    ASSERT_EQ(alternative.size(), 2u);
    EXPECT_EQ(alternative[0].body, "plain");
    EXPECT_EQ(alternative[1].body, "<b>rich</b>");
    EXPECT_EQ(field_value(parts[1], "Content-Type"), "text/csv; name=\"data.csv\"");
    EXPECT_EQ(field_value(parts[2], "Content-Type"), "application/json; name=\"data.json\"");
}

TEST(MimeMessage, NonAsciiFilename)
{
    Message message = basic_message();
    message.attach("data", "Übersicht März.pdf", "");
    std::vector<Entity> parts = parts_of(parse_entity(message.serialize()));
    ASSERT_EQ(parts.size(), 2u);

    EXPECT_EQ(field_value(parts[1], "Content-Disposition"),
              "attachment; filename*=UTF-8''%C3%9Cbersicht%20M%C3%A4rz.pdf");
    std::string type = field_value(parts[1], "Content-Type");
    EXPECT_EQ(type.rfind("application/pdf; name=\"=?UTF-8?B?", 0), 0u) << type;
    EXPECT_EQ(decode_words(type), "Übersicht März.pdf");
}

TEST(MimeMessage, LongNonAsciiFilenameContinues)
{
    std::string filename;
    for (int i = 0; i < 12; ++i)
        filename += "Jahresübersicht ";
    filename += "2026.pdf";
    Message message = basic_message();
    message.attach("data", filename, "");
    std::string bytes = message.serialize();
    expect_wire_safe(bytes);
    for (const std::string &line : split(bytes, "\r\n"))
        EXPECT_LT(line.size(), 78u) << line;

    std::vector<Entity> parts = parts_of(parse_entity(bytes));
    ASSERT_EQ(parts.size(), 2u);
    std::string disposition = field_value(parts[1], "Content-Disposition");
    std::regex segment("filename\\*(\\d+)\\*=(UTF-8'')?([^;]*)");
    std::string joined;
    int expected_index = 0;
    for (auto it = std::sregex_iterator(disposition.begin(), disposition.end(), segment);
         it != std::sregex_iterator(); ++it) {
        EXPECT_EQ(std::stoi((*it)[1]), expected_index);
        EXPECT_EQ((*it)[2].matched, expected_index == 0);
        std::string decoded_segment = percent_decode((*it)[3]);
        EXPECT_TRUE(is_valid_utf8(decoded_segment)) << "segment splits a character";
        joined += decoded_segment;
        ++expected_index;
    }
    EXPECT_GT(expected_index, 1);
    EXPECT_EQ(joined, filename);

    std::string type = field_value(parts[1], "Content-Type");
    EXPECT_EQ(type.rfind("application/pdf; name=\"", 0), 0u) << type;
    EXPECT_EQ(decode_words(type), filename);
}

TEST(MimeMessage, FilenameQuotingEscapes)
{
    Message message = basic_message();
    message.attach("x", "say \"hi\".txt", "text/plain");
    std::vector<Entity> parts = parts_of(parse_entity(message.serialize()));
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(field_value(parts[1], "Content-Disposition"), "attachment; filename=\"say \\\"hi\\\".txt\"");
}

TEST(MimeMessage, AttachmentTypeValidation)
{
    Message message = basic_message();
    EXPECT_NO_THROW(message.attach("x", "a.txt", "text/plain; charset=ISO-8859-1"));
    EXPECT_NO_THROW(message.attach("x", "a.txt", "text/plain; format=\"flowed\""));
    for (const std::string type : {"text", "text/", "/plain", "text/pl ain", "text/plain; charset", "text/plain;",
                                   "text/plain; a=\"unterminated"}) {
        SCOPED_TRACE(type);
        EXPECT_THROW(message.attach("x", "a.txt", type), InvalidInput);
    }
    EXPECT_THROW(message.attach("x", "a.txt\r\nX-Injected: 1", ""), InvalidInput);
    EXPECT_THROW(message.attach("x", std::string("a\0.txt", 6), ""), InvalidInput);
    EXPECT_THROW(message.attach("x", "bad\xff.txt", ""), InvalidInput);
    EXPECT_THROW(message.attach("x", "a.txt", "text/plain\r\nX-Injected: 1"), InvalidInput);
}

TEST(MimeMessage, GuessContentType)
{
    EXPECT_EQ(guess_content_type("a.pdf"), "application/pdf");
    EXPECT_EQ(guess_content_type("A.PNG"), "image/png");
    EXPECT_EQ(guess_content_type("photo.jpg"), "image/jpeg");
    EXPECT_EQ(guess_content_type("photo.jpeg"), "image/jpeg");
    EXPECT_EQ(guess_content_type("anim.gif"), "image/gif");
    EXPECT_EQ(guess_content_type("notes.txt"), "text/plain");
    EXPECT_EQ(guess_content_type("page.html"), "text/html");
    EXPECT_EQ(guess_content_type("table.csv"), "text/csv");
    EXPECT_EQ(guess_content_type("archive.tar.zip"), "application/zip");
    EXPECT_EQ(guess_content_type("invite.ics"), "text/calendar");
    EXPECT_EQ(guess_content_type("letter.doc"), "application/msword");
    EXPECT_EQ(guess_content_type("letter.docx"),
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    EXPECT_EQ(guess_content_type("sheet.xls"), "application/vnd.ms-excel");
    EXPECT_EQ(guess_content_type("sheet.xlsx"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_EQ(guess_content_type("data.json"), "application/json");
    EXPECT_EQ(guess_content_type("feed.xml"), "application/xml");
    EXPECT_EQ(guess_content_type("binary.bin"), "application/octet-stream");
    EXPECT_EQ(guess_content_type("no-extension"), "application/octet-stream");
    EXPECT_EQ(guess_content_type(""), "application/octet-stream");
}

TEST(MimeMessage, BccNeverInHeaders)
{
    Message message = basic_message();
    message.add_cc(parse_address("copy@example.test"));
    message.add_bcc(parse_address("Hidden Person <hidden@example.test>"));
    message.set_text("body");
    std::string bytes = message.serialize();

    Entity entity = parse_entity(bytes);
    EXPECT_TRUE(field_values(entity, "Bcc").empty());
    EXPECT_EQ(bytes.find("hidden@example.test"), std::string::npos);
    EXPECT_EQ(bytes.find("Hidden Person"), std::string::npos);
    EXPECT_EQ(field_value(entity, "Cc"), "copy@example.test");

    std::vector<std::string> expected = {"recipient@example.test", "copy@example.test", "hidden@example.test"};
    EXPECT_EQ(message.envelope_recipients(), expected);
}

TEST(MimeMessage, BccOnlyIsEnough)
{
    Message message;
    message.set_from(parse_address("sender@example.test"));
    message.add_bcc(parse_address("hidden@example.test"));
    std::string bytes = message.serialize();
    EXPECT_EQ(bytes.find("hidden@example.test"), std::string::npos);
    EXPECT_TRUE(field_values(parse_entity(bytes), "To").empty());
}

TEST(MimeMessage, RepeatedSerializeIsIdentical)
{
    Message message = basic_message();
    message.set_text("plain");
    message.set_html("<p>html</p>");
    message.attach("content", "file.txt", "");
    std::string first = message.serialize();
    std::string second = message.serialize();
    EXPECT_EQ(first, second);

    message.freeze();
    EXPECT_EQ(message.serialize(), first);
}

TEST(MimeMessage, GeneratedValuesDifferBetweenMessages)
{
    Message first_message = basic_message();
    Message second_message = basic_message();
    first_message.attach("x", "x.txt", "");
    second_message.attach("x", "x.txt", "");
    Entity first = parse_entity(first_message.serialize());
    Entity second = parse_entity(second_message.serialize());
    EXPECT_NE(field_value(first, "Message-ID"), field_value(second, "Message-ID"));
    EXPECT_NE(boundary_of(first), boundary_of(second));
}

TEST(MimeMessage, BoundaryAvoidsContent)
{
    Message message = basic_message();
    message.attach("x", "x.txt", "");
    std::string boundary = boundary_of(parse_entity(message.serialize()));
    ASSERT_FALSE(boundary.empty());

    // The frozen boundary now appears in the text, so a new one is needed.
    message.set_text("--" + boundary + "\r\nContent-Type: text/html\r\n\r\n<script>");
    std::string bytes = message.serialize();
    Entity entity = parse_entity(bytes);
    std::string new_boundary = boundary_of(entity);
    EXPECT_NE(new_boundary, boundary);
    std::vector<Entity> parts = parts_of(entity);
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(parts[0].body.find(new_boundary), std::string::npos);
    EXPECT_EQ(message.serialize(), bytes);
}

TEST(MimeMessage, DateAndMessageIdHeaders)
{
    Message message = basic_message();
    Entity entity = parse_entity(message.serialize());
    std::string date = field_value(entity, "Date");
    EXPECT_TRUE(std::regex_match(date, std::regex("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d\\d "
                                                  "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                                                  "\\d{4} \\d\\d:\\d\\d:\\d\\d \\+0000")))
        << date;
    std::string id = field_value(entity, "Message-ID");
    EXPECT_TRUE(std::regex_match(id, std::regex("<[0-9A-F]{32}@example\\.test>"))) << id;
    EXPECT_EQ("<" + message.message_id() + ">", id);
}

TEST(MimeMessage, MessageIdUsesALabelDomain)
{
    Message message;
    message.set_from(parse_address("sender@bücher.example"));
    message.add_to(parse_address("recipient@example.test"));
    message.freeze();
    EXPECT_TRUE(std::regex_match(message.message_id(), std::regex("[0-9A-F]{32}@xn--bcher-kva\\.example")))
        << message.message_id();
}

TEST(MimeMessage, MessageIdDomainSetting)
{
    Message message = basic_message();
    message.set_message_id_domain("münchen.example");
    message.freeze();
    EXPECT_TRUE(std::regex_match(message.message_id(), std::regex("[0-9A-F]{32}@xn--mnchen-3ya\\.example")));
    EXPECT_THROW(message.set_message_id_domain("bad domain"), InvalidInput);
}

TEST(MimeMessage, SetMessageId)
{
    Message message = basic_message();
    message.set_message_id("unique.id-123@mail.example.test");
    Entity entity = parse_entity(message.serialize());
    EXPECT_EQ(field_value(entity, "Message-ID"), "<unique.id-123@mail.example.test>");

    EXPECT_NO_THROW(message.set_message_id("id@[192.0.2.1]"));
    for (const std::string id : {"", "no-at-sign", "<a@example.test>", "a b@example.test", "a@example test",
                                 "a@", "@example.test", "a@example.test\r\nBcc: x@example.test", "ü@example.test"}) {
        SCOPED_TRACE(quote_for_error(id));
        EXPECT_THROW(message.set_message_id(id), InvalidInput);
    }
}

TEST(MimeMessage, FreezeNeedsFromAndRecipient)
{
    Message no_from;
    no_from.add_to(parse_address("recipient@example.test"));
    EXPECT_THROW(no_from.freeze(), InvalidInput);
    EXPECT_THROW(no_from.serialize(), InvalidInput);
    EXPECT_THROW(no_from.envelope_sender(), InvalidInput);

    Message no_recipient;
    no_recipient.set_from(parse_address("sender@example.test"));
    EXPECT_THROW(no_recipient.freeze(), InvalidInput);
    EXPECT_THROW(no_recipient.serialize(), InvalidInput);
}

TEST(MimeMessage, SubjectValidation)
{
    Message message = basic_message();
    try {
        message.set_subject("Hi\r\nBcc: attacker@example.test");
        ADD_FAILURE() << "accepted";
    } catch (const InvalidInput &error) {
        EXPECT_NE(std::string(error.what()).find("Hi\\r\\nBcc: attacker@example.test"), std::string::npos)
            << error.what();
    }
    EXPECT_THROW(message.set_subject(std::string("a\0b", 3)), InvalidInput);
    EXPECT_THROW(message.set_subject("bad \xc3"), InvalidInput);
}

TEST(MimeMessage, TextBodyMustBeUtf8)
{
    Message message = basic_message();
    message.set_text("bad \xff");
    EXPECT_THROW(message.freeze(), InvalidInput);
    EXPECT_THROW(message.serialize(), InvalidInput);
}

TEST(MimeMessage, HtmlBodyMustBeUtf8)
{
    Message message = basic_message();
    message.set_html("bad \xc0\xaf");
    EXPECT_THROW(message.serialize(), InvalidInput);
}

TEST(MimeMessage, LongNonAsciiSubject)
{
    std::string subject;
    for (int i = 0; i < 10; ++i)
        subject += "Überweisungsbestätigung Nr. " + std::to_string(i) + " — 日本語 😀 ";
    Message message = basic_message();
    message.set_subject(subject);
    std::string bytes = message.serialize();
    expect_wire_safe(bytes);
    expect_short_header_lines(bytes);
    EXPECT_EQ(decode_words(field_value(parse_entity(bytes), "Subject")), subject);
}

TEST(MimeMessage, AddressListFoldsBetweenAddresses)
{
    Message message = basic_message();
    std::vector<std::string> expected;
    for (int i = 0; i < 15; ++i) {
        std::string address = "member" + std::to_string(i) + "@lists.example.test";
        message.add_cc(make_address(address, "Member " + std::to_string(i)));
        expected.push_back("Member " + std::to_string(i) + " <" + address + ">");
    }
    std::string bytes = message.serialize();
    expect_short_header_lines(bytes);

    std::string head = bytes.substr(0, bytes.find("\r\n\r\n"));
    std::size_t cc_start = head.find("\r\nCc: ") + 2;
    std::size_t cc_end = head.find("\r\n", cc_start);
    while (cc_end != std::string::npos && head[cc_end + 2] == ' ') {
        EXPECT_EQ(head[cc_end - 1], ',') << "folded inside an address";
        cc_end = head.find("\r\n", cc_end + 2);
    }
    EXPECT_EQ(split(field_value(parse_entity(bytes), "Cc"), ", "), expected);
}

TEST(MimeMessage, EncodedDisplayNames)
{
    Message message;
    message.set_from(make_address("sender@example.test", "Jürgen Müller"));
    message.add_to(make_address("to@example.test", "Doe, Jane"));
    message.add_reply_to(make_address("reply@example.test", "Ünïcödé Reply"));
    Entity entity = parse_entity(message.serialize());
    EXPECT_EQ(field_value(entity, "From"), "=?UTF-8?B?SsO8cmdlbiBNw7xsbGVy?= <sender@example.test>");
    EXPECT_EQ(field_value(entity, "To"), "\"Doe, Jane\" <to@example.test>");
    EXPECT_EQ(decode_words(field_value(entity, "Reply-To")), "Ünïcödé Reply");
}

TEST(MimeMessage, LongEncodedDisplayNames)
{
    const std::string long_name = "Jürgen Müller-Lüdenscheidt von und zu Großherzogtum Sachsen-Weimar-Eisenach";
    Message message;
    message.set_from(make_address("sender@example.test", long_name));
    message.add_to(make_address("to@example.test", long_name));
    message.add_reply_to(make_address("reply@example.test", long_name));
    std::string bytes = message.serialize();
    expect_short_header_lines(bytes);
    Entity entity = parse_entity(bytes);
    EXPECT_EQ(decode_words(field_value(entity, "From")), long_name);
    EXPECT_EQ(decode_words(field_value(entity, "Reply-To")), long_name);
}

TEST(MimeMessage, CustomHeaders)
{
    Message message = basic_message();
    message.add_header("X-Campaign", "spring-2026");
    message.add_header("X-Note", "Grüße");
    message.add_header("X-Campaign", "second");
    Entity entity = parse_entity(message.serialize());
    std::vector<std::string> campaigns = {"spring-2026", "second"};
    EXPECT_EQ(field_values(entity, "X-Campaign"), campaigns);
    EXPECT_EQ(decode_words(field_value(entity, "X-Note")), "Grüße");
}

TEST(MimeMessage, CustomHeaderRejectsManagedNames)
{
    Message message = basic_message();
    for (const std::string name : {"From", "to", "CC", "bcc", "Reply-To", "subject", "DATE", "Message-Id",
                                   "mime-version", "Content-Type", "content-transfer-encoding"}) {
        SCOPED_TRACE(name);
        EXPECT_THROW(message.add_header(name, "value"), InvalidInput);
    }
}

TEST(MimeMessage, CustomHeaderRejectsBadValues)
{
    Message message = basic_message();
    EXPECT_THROW(message.add_header("X-Test", "a\r\nBcc: attacker@example.test"), InvalidInput);
    EXPECT_THROW(message.add_header("X-Test", std::string("a\0b", 3)), InvalidInput);
    EXPECT_THROW(message.add_header("X-Test", "bell\x07"), InvalidInput);
    EXPECT_THROW(message.add_header("X-Test", "bad \xff"), InvalidInput);
    EXPECT_THROW(message.add_header("X Test", "value"), InvalidInput);
    EXPECT_THROW(message.add_header("X-Test", std::string(1000, 'w')), InvalidInput);
}

TEST(MimeMessage, EnvelopeRecipientsDeduplicated)
{
    Message message;
    message.set_from(parse_address("sender@example.test"));
    message.add_to(parse_address("User@Example.TEST"));
    message.add_cc(parse_address("User@example.test"));
    message.add_cc(parse_address("user@example.test"));
    message.add_bcc(parse_address("Other Name <User@EXAMPLE.test>"));
    message.add_bcc(parse_address("user@bücher.example"));
    message.add_to(parse_address("user@xn--bcher-kva.example"));
    // To first, then Cc, then Bcc; only "user@example.test" differs from an
    // earlier address, by the case of its local part.
    std::vector<std::string> expected = {"User@Example.TEST", "user@xn--bcher-kva.example", "user@example.test"};
    EXPECT_EQ(message.envelope_recipients(), expected);
    EXPECT_EQ(message.envelope_sender(), "sender@example.test");
}

TEST(MimeMessage, NeedsSmtputf8)
{
    Message message = basic_message();
    EXPECT_FALSE(message.needs_smtputf8());
    message.add_bcc(parse_address("user@bücher.example"));
    EXPECT_FALSE(message.needs_smtputf8());
    message.add_bcc(parse_address("δοκιμή@example.test"));
    EXPECT_TRUE(message.needs_smtputf8());

    Message from_only;
    from_only.set_from(parse_address("用户@example.test"));
    EXPECT_TRUE(from_only.needs_smtputf8());
}

TEST(MimeMessage, AttachPathReadsAtSerialize)
{
    TemporaryFile file("first content");
    Message message = basic_message();
    message.attach_path(file.path(), "", "");
    file.write("second content");

    std::vector<Entity> parts = parts_of(parse_entity(message.serialize()));
    ASSERT_EQ(parts.size(), 2u);
    std::string joined;
    for (const std::string &line : split(parts[1].body, "\r\n"))
        joined += line;
    EXPECT_EQ(decode_base64(joined), "second content");
    std::string name = file.path().substr(file.path().rfind('/') + 1);
    EXPECT_EQ(field_value(parts[1], "Content-Disposition"), "attachment; filename=\"" + name + "\"");
    EXPECT_EQ(field_value(parts[1], "Content-Type"), "application/octet-stream; name=\"" + name + "\"");
}

TEST(MimeMessage, AttachPathUsesGivenName)
{
    TemporaryFile file("%PDF");
    Message message = basic_message();
    message.attach_path(file.path(), "invoice.pdf", "");
    std::vector<Entity> parts = parts_of(parse_entity(message.serialize()));
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(field_value(parts[1], "Content-Type"), "application/pdf; name=\"invoice.pdf\"");
}

TEST(MimeMessage, AttachPathRejectsUnreadable)
{
    Message message = basic_message();
    const std::string missing = "/nonexistent/mailbridge/file.pdf";
    try {
        message.attach_path(missing, "", "");
        ADD_FAILURE() << "accepted";
    } catch (const InvalidInput &error) {
        EXPECT_NE(std::string(error.what()).find(missing), std::string::npos) << error.what();
    }
    EXPECT_THROW(message.attach_path("/tmp", "", ""), InvalidInput);
    EXPECT_THROW(message.attach_path("", "", ""), InvalidInput);
}

TEST(MimeMessage, AttachPathFailsWhenRemoved)
{
    std::string path;
    Message message = basic_message();
    {
        TemporaryFile file("content");
        path = file.path();
        message.attach_path(path, "", "");
    }
    try {
        message.serialize();
        ADD_FAILURE() << "serialized without the file";
    } catch (const InvalidInput &error) {
        EXPECT_NE(std::string(error.what()).find(path), std::string::npos) << error.what();
    }
}

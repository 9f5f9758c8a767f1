#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "mime/address.h"
#include "mime/charset.h"
#include "mime/encoding.h"
#include "mime/message.h"
#include "mime_test_support.h"

using namespace mailbridge::mime;
using namespace mime_test;

namespace {

// The decoded bytes of every "=?charset?B?...?=" word in value, with the
// charset of each word appended to charsets.
std::string decode_charset_words(const std::string &value, std::vector<std::string> &charsets)
{
    std::string out;
    std::regex word("=\\?([^?]+)\\?B\\?([A-Za-z0-9+/=]*)\\?=");
    for (auto it = std::sregex_iterator(value.begin(), value.end(), word); it != std::sregex_iterator(); ++it) {
        charsets.push_back((*it)[1]);
        out += decode_base64((*it)[2]);
    }
    return out;
}

}  // namespace

TEST(MimeCharset, DefaultIsUtf8)
{
    Charset charset;
    EXPECT_EQ(charset.name(), "UTF-8");
    EXPECT_TRUE(charset.is_utf8());
    EXPECT_EQ(charset.from_utf8("Grüße", "text"), "Grüße");
    EXPECT_TRUE(Charset("utf8").is_utf8());
    EXPECT_EQ(Charset("utf-8").name(), "UTF-8");
}

TEST(MimeCharset, NamesAreUppercased)
{
    EXPECT_EQ(Charset("iso-8859-1").name(), "ISO-8859-1");
    EXPECT_EQ(Charset("windows-1252").name(), "WINDOWS-1252");
    EXPECT_FALSE(Charset("ISO-8859-15").is_utf8());
}

TEST(MimeCharset, UnknownNameRejected)
{
    try {
        Charset charset("no-such-charset");
        ADD_FAILURE() << "accepted";
    } catch (const InvalidInput &error) {
        EXPECT_NE(std::string(error.what()).find("no-such-charset"), std::string::npos) << error.what();
    }
}

TEST(MimeCharset, MalformedNamesRejected)
{
    const std::vector<std::string> names = {"",         "ISO 8859-1", "UTF-8//TRANSLIT", "ISO-8859-1\r\nX: 1",
                                            "\"UTF-8\"", std::string(41, 'A')};
    for (const std::string &name : names) {
        SCOPED_TRACE(quote_for_error(name));
        EXPECT_THROW(Charset{name}, InvalidInput);
    }
}

TEST(MimeCharset, NonAsciiCompatibleRejected)
{
    for (const std::string name : {"UTF-16", "UTF-16LE", "UTF-32", "UCS-2", "IBM037"}) {
        SCOPED_TRACE(name);
        EXPECT_THROW(Charset{name}, InvalidInput);
    }
}

TEST(MimeCharset, ConvertsToLatin1)
{
    Charset charset("ISO-8859-1");
    EXPECT_EQ(charset.from_utf8("Grüße", "text"), "Gr\xfc\xdf" "e");
    EXPECT_EQ(charset.from_utf8("", "text"), "");
}

TEST(MimeCharset, UnconvertibleNamesCharsetAndPart)
{
    Charset charset("ISO-8859-1");
    try {
        charset.from_utf8("Preis: 5 €", "the text body");
        ADD_FAILURE() << "converted";
    } catch (const InvalidInput &error) {
        std::string text = error.what();
        EXPECT_NE(text.find("ISO-8859-1"), std::string::npos) << text;
        EXPECT_NE(text.find("the text body"), std::string::npos) << text;
        EXPECT_NE(text.find("U+20AC"), std::string::npos) << text;
        EXPECT_NE(text.find("byte 9"), std::string::npos) << text;
    }
}

TEST(MimeCharset, Windows1252HasEuro)
{
    EXPECT_EQ(Charset("WINDOWS-1252").from_utf8("5 €", "text"), "5 \x80");
}

TEST(MimeCharset, Iso2022JpWordsEndInAscii)
{
    Charset charset("ISO-2022-JP");
    const std::string subject = "会議の日程についてのお知らせと資料の送付について";
    std::string encoded = encode_words(subject, 60, 75, charset);
    std::vector<std::string> charsets;
    std::string joined;
    std::regex word("=\\?ISO-2022-JP\\?B\\?([A-Za-z0-9+/=]*)\\?=");
    int words = 0;
    for (auto it = std::sregex_iterator(encoded.begin(), encoded.end(), word); it != std::sregex_iterator(); ++it) {
        std::string bytes = decode_base64((*it)[1]);
        ASSERT_GE(bytes.size(), 3u);
        EXPECT_EQ(bytes.substr(bytes.size() - 3), "\x1b(B") << "word does not end in ASCII";
        EXPECT_LE((*it)[0].length(), 75);
        joined += bytes;
        ++words;
    }
    EXPECT_GT(words, 1);
    // Joined, the words are the conversion of the whole text with the
    // shift sequences between words added.
    std::string whole = charset.from_utf8(subject, "subject");
    std::string stripped = std::regex_replace(joined, std::regex("\x1b\\(B\x1b\\$B"), "");
    EXPECT_EQ(stripped, whole);
}

TEST(MimeCharset, MessageInLatin1)
{
    Message message;
    message.set_from(make_address("sender@example.test", "Jürgen Groß"));
    message.add_to(make_address("to@example.test", "Zoë"));
    message.set_subject("Grüße aus Köln");
    message.set_text("Schöne Grüße\n");
    message.set_html("<p>Schöne Grüße</p>");
    message.set_charset("iso-8859-1");
    std::string bytes = message.serialize();
    expect_wire_safe(bytes);
    expect_short_header_lines(bytes);

    Entity entity = parse_entity(bytes);
    std::vector<std::string> charsets;
    EXPECT_EQ(decode_charset_words(field_value(entity, "Subject"), charsets), "Gr\xfc\xdf" "e aus K\xf6ln");
    EXPECT_EQ(decode_charset_words(field_value(entity, "From"), charsets), "J\xfcrgen Gro\xdf");
    EXPECT_EQ(decode_charset_words(field_value(entity, "To"), charsets), "Zo\xeb");
    for (const std::string &charset : charsets)
        EXPECT_EQ(charset, "ISO-8859-1");

    std::vector<Entity> parts = parts_of(entity);
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(field_value(parts[0], "Content-Type"), "text/plain; charset=ISO-8859-1");
    EXPECT_EQ(field_value(parts[0], "Content-Transfer-Encoding"), "quoted-printable");
    EXPECT_EQ(parts[0].body, "Sch=F6ne Gr=FC=DFe\r\n");
    EXPECT_EQ(field_value(parts[1], "Content-Type"), "text/html; charset=ISO-8859-1");
    EXPECT_EQ(parts[1].body, "<p>Sch=F6ne Gr=FC=DFe</p>");
}

TEST(MimeCharset, CalendarAndFilenamesStayUtf8)
{
    Message message = basic_message();
    message.set_charset("ISO-8859-1");
    message.set_text("text");
    message.set_calendar("BEGIN:VCALENDAR\r\nSUMMARY:Café\r\nEND:VCALENDAR\r\n", "PUBLISH");
    message.attach("x", "Café.txt", "");
    std::vector<Entity> parts = parts_of(parse_entity(message.serialize()));
    ASSERT_EQ(parts.size(), 2u);
    std::vector<Entity> alternative = parts_of(parts[0]);
    ASSERT_EQ(alternative.size(), 2u);
    EXPECT_EQ(field_value(alternative[1], "Content-Type"), "text/calendar; charset=UTF-8; method=PUBLISH");
    EXPECT_NE(alternative[1].body.find("Caf=C3=A9"), std::string::npos) << alternative[1].body;
    EXPECT_EQ(field_value(parts[1], "Content-Disposition"), "attachment; filename*=UTF-8''Caf%C3%A9.txt");
}

TEST(MimeCharset, UnconvertibleSubjectFailsSerialize)
{
    Message message = basic_message();
    message.set_subject("Angebot 5 €");
    message.set_charset("ISO-8859-1");
    try {
        message.serialize();
        ADD_FAILURE() << "serialized";
    } catch (const InvalidInput &error) {
        std::string text = error.what();
        EXPECT_NE(text.find("subject"), std::string::npos) << text;
        EXPECT_NE(text.find("ISO-8859-1"), std::string::npos) << text;
    }
}

TEST(MimeCharset, UnconvertibleDisplayNameNamesAddress)
{
    Message message = basic_message();
    message.add_cc(make_address("cc@example.test", "Łukasz"));
    message.set_charset("ISO-8859-1");
    try {
        message.serialize();
        ADD_FAILURE() << "serialized";
    } catch (const InvalidInput &error) {
        std::string text = error.what();
        EXPECT_NE(text.find("Cc"), std::string::npos) << text;
        EXPECT_NE(text.find("cc@example.test"), std::string::npos) << text;
    }
}

TEST(MimeCharset, UnconvertibleHtmlNamesPart)
{
    Message message = basic_message();
    message.set_html("<p>日本</p>");
    message.set_charset("ISO-8859-1");
    try {
        message.serialize();
        ADD_FAILURE() << "serialized";
    } catch (const InvalidInput &error) {
        EXPECT_NE(std::string(error.what()).find("HTML body"), std::string::npos) << error.what();
    }
}

TEST(MimeCharset, SetCharsetRejectsUnknownAtOnce)
{
    Message message = basic_message();
    EXPECT_THROW(message.set_charset("klingon-8"), InvalidInput);
    EXPECT_EQ(message.charset().name(), "UTF-8");
}

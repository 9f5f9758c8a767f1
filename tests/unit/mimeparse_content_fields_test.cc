#include <gtest/gtest.h>

#include <string>

#include "mimeparse/content_fields.h"

using namespace mailbridge::mimeparse;

namespace {

std::string value_of(const std::vector<Parameter> &parameters, std::string_view name)
{
    const Parameter *found = find_parameter(parameters, name);
    return found != nullptr ? found->value : "(missing)";
}

}  // namespace

TEST(ContentType, TypeSubtypeAndParameters)
{
    ContentType type = parse_content_type("Text/HTML; Charset=\"UTF-8\"; format=flowed");
    EXPECT_TRUE(type.valid);
    EXPECT_EQ(type.type, "text");
    EXPECT_EQ(type.subtype, "html");
    EXPECT_EQ(type.charset(), "UTF-8");
    EXPECT_EQ(value_of(type.parameters, "format"), "flowed");
    ASSERT_EQ(type.parameters.size(), 2u);
    EXPECT_EQ(type.parameters[0].name, "charset");
}

TEST(ContentType, CommentsAndWhitespace)
{
    ContentType type = parse_content_type(" (comment) text / plain ; charset = us-ascii (Plain text)");
    EXPECT_TRUE(type.valid);
    EXPECT_EQ(type.subtype, "plain");
    EXPECT_EQ(type.charset(), "us-ascii");
}

TEST(ContentType, MissingOrInvalid)
{
    ContentType empty = parse_content_type("");
    EXPECT_FALSE(empty.valid);
    EXPECT_EQ(empty.type, "text");
    EXPECT_EQ(empty.subtype, "plain");

    ContentType only_type = parse_content_type("multipart; boundary=b");
    EXPECT_FALSE(only_type.valid);
    EXPECT_EQ(only_type.type, "multipart");
    EXPECT_EQ(only_type.subtype, "mixed");
    EXPECT_EQ(only_type.boundary(), "b");

    ContentType garbage = parse_content_type("/; charset=utf-8");
    EXPECT_FALSE(garbage.valid);
    EXPECT_EQ(garbage.type, "text");
    EXPECT_EQ(garbage.charset(), "utf-8");
}

TEST(ContentType, UnknownTypeKept)
{
    ContentType type = parse_content_type("font/woff2");
    EXPECT_TRUE(type.valid);
    EXPECT_EQ(type.type, "font");
    EXPECT_EQ(type.subtype, "woff2");
}

TEST(ContentType, MultipartWithoutBoundary)
{
    ContentType type = parse_content_type("multipart/mixed");
    EXPECT_TRUE(type.valid);
    EXPECT_EQ(type.boundary(), "");
}

TEST(ContentType, BoundaryKeptRaw)
{
    ContentType type = parse_content_type("multipart/alternative; boundary=\"=?x?Q?not_a_word?= b\"");
    EXPECT_EQ(type.boundary(), "=?x?Q?not_a_word?= b");
}

TEST(ContentType, MissingSemicolon)
{
    ContentType type = parse_content_type("text/plain charset=utf-8 format=flowed");
    EXPECT_EQ(type.charset(), "utf-8");
    EXPECT_EQ(value_of(type.parameters, "format"), "flowed");
}

TEST(Parameters, UnquotedValueWithSpaces)
{
    auto parameters = parse_parameters("; name=my file.pdf; size=10");
    EXPECT_EQ(value_of(parameters, "name"), "my file.pdf");
    EXPECT_EQ(value_of(parameters, "size"), "10");
}

TEST(Parameters, QuotedStringEscapes)
{
    auto parameters = parse_parameters("; a=\"x\\\"y\\\\z;w\"; b=\"unterminated");
    EXPECT_EQ(value_of(parameters, "a"), "x\"y\\z;w");
    EXPECT_EQ(value_of(parameters, "b"), "unterminated");
}

TEST(Parameters, JunkAfterQuotedValue)
{
    auto parameters = parse_parameters("; a=\"x\"junk; b=2");
    EXPECT_EQ(value_of(parameters, "a"), "x");
    EXPECT_EQ(value_of(parameters, "b"), "2");
}

TEST(Parameters, AttributeWithoutValueSkipped)
{
    auto parameters = parse_parameters("; flag; a=1; =2; b=");
    EXPECT_EQ(find_parameter(parameters, "flag"), nullptr);
    EXPECT_EQ(value_of(parameters, "a"), "1");
    EXPECT_EQ(value_of(parameters, "b"), "");
}

TEST(Parameters, FirstDuplicateWins)
{
    auto parameters = parse_parameters("; charset=utf-8; charset=iso-8859-1");
    ASSERT_EQ(parameters.size(), 1u);
    EXPECT_EQ(parameters[0].value, "utf-8");
}

TEST(Rfc2231, ExtendedValue)
{
    auto parameters = parse_parameters("; filename*=UTF-8''Rechnung%20%C3%A4.pdf");
    const Parameter *filename = find_parameter(parameters, "filename");
    ASSERT_NE(filename, nullptr);
    EXPECT_EQ(filename->value, "Rechnung \xC3\xA4.pdf");
    EXPECT_EQ(filename->charset, "UTF-8");
    EXPECT_EQ(filename->language, "");
    EXPECT_EQ(filename->raw_value, "Rechnung \xC3\xA4.pdf");
}

TEST(Rfc2231, LanguageAndLatin1)
{
    auto parameters = parse_parameters("; title*=iso-8859-1'de'Gr%FC%DFe");
    const Parameter *title = find_parameter(parameters, "title");
    ASSERT_NE(title, nullptr);
    EXPECT_EQ(title->value, "Gr\xC3\xBC\xC3\x9F" "e");
    EXPECT_EQ(title->language, "de");
    EXPECT_EQ(title->raw_value, "Gr\xFC\xDF" "e");
}

TEST(Rfc2231, Continuations)
{
    auto parameters = parse_parameters(
        "; filename*0*=UTF-8''%C3%A4rger; filename*1=\" und \"; filename*2*=%C3%B6l.txt");
    EXPECT_EQ(value_of(parameters, "filename"), "\xC3\xA4rger und \xC3\xB6l.txt");
}

TEST(Rfc2231, ContinuationsOutOfOrder)
{
    auto parameters = parse_parameters("; name*1=\"def\"; name*0=\"abc\"; name*3=\"jkl\"");
    EXPECT_EQ(value_of(parameters, "name"), "abcdefjkl");
}

TEST(Rfc2231, CharacterSplitAcrossSections)
{
    auto parameters = parse_parameters("; name*0*=utf-8''%C3; name*1*=%A4");
    EXPECT_EQ(value_of(parameters, "name"), "\xC3\xA4");
}

TEST(Rfc2231, WinsOverPlainValue)
{
    auto parameters = parse_parameters("; filename=\"fallback.pdf\"; filename*=UTF-8''real.pdf");
    ASSERT_EQ(parameters.size(), 1u);
    EXPECT_EQ(parameters[0].value, "real.pdf");
}

TEST(Rfc2231, WithoutCharsetOrBadPercent)
{
    EXPECT_EQ(value_of(parse_parameters("; a*=plain%20text"), "a"), "plain text");
    EXPECT_EQ(value_of(parse_parameters("; a*=utf-8''100%; b*=utf-8''%zz"), "a"), "100%");
    EXPECT_EQ(value_of(parse_parameters("; b*=utf-8''%zz"), "b"), "%zz");
}

TEST(Rfc2231, UnknownCharset)
{
    auto parameters = parse_parameters("; a*=x-bogus''caf%C3%A9%FF");
    EXPECT_EQ(value_of(parameters, "a"), "caf\xC3\xA9\xEF\xBF\xBD");
}

TEST(Rfc2231, SectionLimit)
{
    ParameterLimits limits;
    limits.max_sections = 2;
    auto parameters = parse_parameters("; a*0=x; a*1=y; a*2=z; a*01=w", limits);
    EXPECT_EQ(value_of(parameters, "a"), "xy");
}

TEST(Parameters, ParameterLimit)
{
    ParameterLimits limits;
    limits.max_parameters = 2;
    auto parameters = parse_parameters("; a=1; b=2; c=3; a=4", limits);
    ASSERT_EQ(parameters.size(), 2u);
    EXPECT_EQ(parameters[1].name, "b");
}

TEST(Rfc2047, EncodedWordInPlainValue)
{
    auto parameters = parse_parameters("; name=\"=?UTF-8?B?UmVjaG51bmcgw6QucGRm?=\"");
    const Parameter *name = find_parameter(parameters, "name");
    ASSERT_NE(name, nullptr);
    EXPECT_EQ(name->value, "Rechnung \xC3\xA4.pdf");
    EXPECT_EQ(name->raw_value, "=?UTF-8?B?UmVjaG51bmcgw6QucGRm?=");
}

TEST(ContentDisposition, FilenameFromBothForms)
{
    // RFC 2231 in the disposition and RFC 2047 in the content type, as
    // Outlook sends them.
    ContentType type = parse_content_type("application/pdf; name=\"=?UTF-8?Q?Rechnung_=C3=A4.pdf?=\"");
    ContentDisposition disposition =
        parse_content_disposition("attachment; filename*=UTF-8''Rechnung%20%C3%A4.pdf");
    EXPECT_EQ(disposition.type, "attachment");
    EXPECT_EQ(part_filename(type, disposition), "Rechnung \xC3\xA4.pdf");
    EXPECT_EQ(part_filename(type, ContentDisposition()), "Rechnung \xC3\xA4.pdf");
    EXPECT_EQ(part_filename(ContentType(), ContentDisposition()), "");
}

TEST(ContentDisposition, BareTypeAndCase)
{
    EXPECT_EQ(parse_content_disposition("inline").type, "inline");
    EXPECT_EQ(parse_content_disposition("ATTACHMENT").type, "attachment");
    ContentDisposition disposition = parse_content_disposition(
        "attachment; creation-date=\"Fri, 09 Nov 2012 18:16:04 GMT\"; filename=report.txt");
    EXPECT_EQ(value_of(disposition.parameters, "creation-date"), "Fri, 09 Nov 2012 18:16:04 GMT");
    EXPECT_EQ(value_of(disposition.parameters, "filename"), "report.txt");
    EXPECT_EQ(parse_content_disposition("").type, "");
}

TEST(TransferEncoding, KnownAndQuirks)
{
    EXPECT_EQ(parse_content_transfer_encoding("base64").encoding, TransferEncoding::base64);
    EXPECT_EQ(parse_content_transfer_encoding(" Quoted-Printable ").encoding, TransferEncoding::quoted_printable);
    EXPECT_EQ(parse_content_transfer_encoding("8bit\"").encoding, TransferEncoding::eight_bit);
    EXPECT_EQ(parse_content_transfer_encoding("\"7bit\"").encoding, TransferEncoding::seven_bit);
    EXPECT_EQ(parse_content_transfer_encoding("binary (raw)").encoding, TransferEncoding::binary);
    EXPECT_EQ(parse_content_transfer_encoding("").encoding, TransferEncoding::seven_bit);
    ContentTransferEncoding uuencode = parse_content_transfer_encoding("x-uuencode");
    EXPECT_EQ(uuencode.encoding, TransferEncoding::other);
    EXPECT_EQ(uuencode.name, "x-uuencode");
}

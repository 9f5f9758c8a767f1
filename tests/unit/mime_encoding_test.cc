#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <string>
#include <vector>

#include "mime/address.h"
#include "mime/encoding.h"

using namespace mailbridge::mime;

namespace {

std::string decode_base64(const std::string &text)
{
    if (text.empty())
        return "";
    std::string out(text.size(), '\0');
    int length = EVP_DecodeBlock(reinterpret_cast<unsigned char *>(out.data()),
                                 reinterpret_cast<const unsigned char *>(text.data()), static_cast<int>(text.size()));
    EXPECT_GE(length, 0) << "invalid base64: " << text;
    // EVP_DecodeBlock counts the bytes that the padding stands for.
    std::size_t padding = text.size() - text.find_last_not_of('=') - 1;
    out.resize(static_cast<std::size_t>(std::max(length, 0)) - padding);
    return out;
}

int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Reverse of quoted-printable as RFC 2045 section 6.7 defines it; hard line
// breaks come back as CRLF. Fails the test on malformed input.
std::string decode_quoted_printable(const std::string &text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '=') {
            out += text[i];
            continue;
        }
        if (text.compare(i, 3, "=\r\n") == 0) {
            i += 2;
            continue;
        }
        EXPECT_LT(i + 2, text.size()) << "truncated escape";
        if (i + 2 >= text.size())
            break;
        int high = hex_value(text[i + 1]);
        int low = hex_value(text[i + 2]);
        EXPECT_GE(high, 0) << "bad escape at " << i;
        EXPECT_GE(low, 0) << "bad escape at " << i;
        out += static_cast<char>(high * 16 + low);
        i += 2;
    }
    return out;
}

std::vector<std::string> split_lines(const std::string &text)
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find("\r\n", start);
        if (end == std::string::npos) {
            lines.push_back(text.substr(start));
            break;
        }
        lines.push_back(text.substr(start, end - start));
        start = end + 2;
    }
    return lines;
}

// Remove every CRLF that precedes white space (RFC 5322 section 2.2.3).
std::string unfold(const std::string &field)
{
    std::string out;
    for (std::size_t i = 0; i < field.size(); ++i) {
        if (field.compare(i, 2, "\r\n") == 0 && i + 2 < field.size() && (field[i + 2] == ' ' || field[i + 2] == '\t')) {
            ++i;
            continue;
        }
        out += field[i];
    }
    return out;
}

// The text of white-space separated RFC 2047 B words, decoded one by one;
// each word must decode to complete UTF-8 on its own.
std::string decode_words(const std::string &value)
{
    std::string out;
    std::size_t pos = 0;
    while (pos < value.size()) {
        if (value[pos] == ' ' || value[pos] == '\t') {
            ++pos;
            continue;
        }
        std::size_t end = value.find_first_of(" \t", pos);
        std::string word = value.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
        pos = end == std::string::npos ? value.size() : end;

        EXPECT_LE(word.size(), 75u) << word;
        const std::string prefix = "=?UTF-8?B?";
        EXPECT_EQ(word.compare(0, prefix.size(), prefix), 0) << word;
        EXPECT_EQ(word.substr(word.size() - 2), "?=") << word;
        std::string decoded = decode_base64(word.substr(prefix.size(), word.size() - prefix.size() - 2));
        EXPECT_TRUE(is_valid_utf8(decoded)) << "a word splits a UTF-8 sequence: " << word;
        out += decoded;
    }
    return out;
}

void expect_crlf_lines_within(const std::string &text, std::size_t max_length)
{
    for (std::size_t i = 0; i < text.size(); ++i) {
        char before = i > 0 ? text[i - 1] : '\0';
        char after = i + 1 < text.size() ? text[i + 1] : '\0';
        if (text[i] == '\n') {
            ASSERT_EQ(before, '\r') << "bare LF at " << i;
        }
        if (text[i] == '\r') {
            ASSERT_EQ(after, '\n') << "bare CR at " << i;
        }
    }
    for (const std::string &line : split_lines(text))
        EXPECT_LE(line.size(), max_length) << line;
}

std::string repeat(const std::string &text, int count)
{
    std::string out;
    for (int i = 0; i < count; ++i)
        out += text;
    return out;
}

}  // namespace

TEST(MimeEncoding, QuotedPrintableKeepsPlainText)
{
    EXPECT_EQ(encode_quoted_printable(""), "");
    EXPECT_EQ(encode_quoted_printable("hello world"), "hello world");
}

TEST(MimeEncoding, QuotedPrintableEscapesEquals)
{
    EXPECT_EQ(encode_quoted_printable("a=b"), "a=3Db");
    EXPECT_EQ(encode_quoted_printable("=="), "=3D=3D");
}

TEST(MimeEncoding, QuotedPrintableEscapesNonAscii)
{
    EXPECT_EQ(encode_quoted_printable("café"), "caf=C3=A9");
    EXPECT_EQ(encode_quoted_printable(std::string("\0\x01\x7f", 3)), "=00=01=7F");
}

TEST(MimeEncoding, QuotedPrintableEscapesTrailingWhitespace)
{
    EXPECT_EQ(encode_quoted_printable("line \nnext"), "line=20\r\nnext");
    EXPECT_EQ(encode_quoted_printable("tab\t\r\n"), "tab=09\r\n");
    EXPECT_EQ(encode_quoted_printable("end "), "end=20");
    EXPECT_EQ(encode_quoted_printable("two  spaces  \n"), "two  spaces =20\r\n");
}

TEST(MimeEncoding, QuotedPrintableLineEnds)
{
    EXPECT_EQ(encode_quoted_printable("a\nb\rc\r\nd"), "a\r\nb\r\nc\r\nd");
    EXPECT_EQ(encode_quoted_printable("a\r\n"), "a\r\n");
    EXPECT_EQ(encode_quoted_printable("\n\n"), "\r\n\r\n");
    EXPECT_EQ(encode_quoted_printable("a\n\rb"), "a\r\n\r\nb");
}

TEST(MimeEncoding, QuotedPrintableSoftBreaks)
{
    std::string text(200, 'a');
    std::string encoded = encode_quoted_printable(text);
    std::vector<std::string> lines = split_lines(encoded);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0], std::string(75, 'a') + "=");
    EXPECT_EQ(lines[1], std::string(75, 'a') + "=");
    EXPECT_EQ(lines[2], std::string(50, 'a'));
    EXPECT_EQ(decode_quoted_printable(encoded), text);
}

TEST(MimeEncoding, QuotedPrintableFullLineHasNoSoftBreak)
{
    std::string text(76, 'a');
    EXPECT_EQ(encode_quoted_printable(text), text);
    EXPECT_EQ(encode_quoted_printable(text + "a"), std::string(75, 'a') + "=\r\naa");
}

TEST(MimeEncoding, QuotedPrintableNeverSplitsEscape)
{
    for (int offset = 0; offset < 4; ++offset) {
        std::string text = std::string(offset, 'x') + repeat("é=", 60) + " \n" + repeat("ü", 50);
        SCOPED_TRACE(offset);
        std::string encoded = encode_quoted_printable(text);
        expect_crlf_lines_within(encoded, 76);
        for (const std::string &line : split_lines(encoded)) {
            std::size_t last_equals = line.rfind('=');
            if (last_equals != std::string::npos && last_equals + 1 != line.size()) {
                EXPECT_LE(last_equals + 3, line.size()) << "escape split: " << line;
            }
        }
        std::string expected = std::string(offset, 'x') + repeat("é=", 60) + " \r\n" + repeat("ü", 50);
        EXPECT_EQ(decode_quoted_printable(encoded), expected);
    }
}

TEST(MimeEncoding, QuotedPrintableSpaceBeforeSoftBreak)
{
    std::string text = std::string(74, 'a') + "  b";
    std::string encoded = encode_quoted_printable(text);
    expect_crlf_lines_within(encoded, 76);
    EXPECT_EQ(decode_quoted_printable(encoded), text);
}

TEST(MimeEncoding, Base64Lines)
{
    EXPECT_EQ(encode_base64_lines(""), "");
    EXPECT_EQ(encode_base64_lines("Man"), "TWFu\r\n");
    EXPECT_EQ(encode_base64_lines("Ma"), "TWE=\r\n");

    std::string exact(57, 'x');
    std::vector<std::string> one_line = split_lines(encode_base64_lines(exact));
    ASSERT_EQ(one_line.size(), 1u);
    EXPECT_EQ(one_line[0].size(), 76u);

    std::string binary;
    for (int i = 0; i < 1000; ++i)
        binary += static_cast<char>(i * 7 % 256);
    std::string encoded = encode_base64_lines(binary);
    expect_crlf_lines_within(encoded, 76);
    ASSERT_GE(encoded.size(), 2u);
    EXPECT_EQ(encoded.substr(encoded.size() - 2), "\r\n");
    std::string joined;
    for (const std::string &line : split_lines(encoded))
        joined += line;
    EXPECT_EQ(decode_base64(joined), binary);
}

TEST(MimeEncoding, SevenBitSafe)
{
    EXPECT_TRUE(is_seven_bit_safe(""));
    EXPECT_TRUE(is_seven_bit_safe("plain text\r\nsecond line\n"));
    EXPECT_FALSE(is_seven_bit_safe("café"));
    EXPECT_FALSE(is_seven_bit_safe(std::string("a\0b", 3)));
    EXPECT_TRUE(is_seven_bit_safe(std::string(998, 'a')));
    EXPECT_FALSE(is_seven_bit_safe(std::string(999, 'a')));
    EXPECT_TRUE(is_seven_bit_safe(std::string(998, 'a') + "\n" + std::string(998, 'b')));
    EXPECT_TRUE(is_seven_bit_safe(std::string(998, 'a') + "\r" + std::string(998, 'b')));
}

TEST(MimeEncoding, NormalizeLineEnds)
{
    EXPECT_EQ(normalize_line_ends("a\nb\rc\r\nd\n\r"), "a\r\nb\r\nc\r\nd\r\n\r\n");
    EXPECT_EQ(normalize_line_ends("no line end"), "no line end");
}

TEST(MimeEncoding, Utf8Validation)
{
    EXPECT_TRUE(is_valid_utf8(""));
    EXPECT_TRUE(is_valid_utf8("ascii"));
    EXPECT_TRUE(is_valid_utf8("é ü 日本 😀"));
    EXPECT_TRUE(is_valid_utf8("\xf4\x8f\xbf\xbf"));  // U+10FFFF
    const std::vector<std::string> invalid = {
        "\x80",              // lone continuation byte
        "\xc0\xaf",          // overlong '/'
        "\xe0\x80\xaf",      // overlong '/'
        "\xed\xa0\x80",      // surrogate U+D800
        "\xf4\x90\x80\x80",  // above U+10FFFF
        "\xe2\x82",          // truncated
        "\xf5\x80\x80\x80",  // invalid lead byte
        "ok\xff",
    };
    for (const std::string &text : invalid) {
        SCOPED_TRACE(quote_for_error(text));
        EXPECT_FALSE(is_valid_utf8(text));
    }
}

TEST(MimeEncoding, UnstructuredAsciiUnchanged)
{
    EXPECT_EQ(encode_unstructured("Quarterly report"), "Quarterly report");
    EXPECT_EQ(encode_unstructured("tab\tand  spaces"), "tab\tand  spaces");
    EXPECT_EQ(encode_unstructured(""), "");
}

TEST(MimeEncoding, UnstructuredEncodesNonAscii)
{
    std::string encoded = encode_unstructured("Grüße");
    EXPECT_EQ(encoded, "=?UTF-8?B?R3LDvMOfZQ==?=");
    EXPECT_EQ(decode_words(encoded), "Grüße");
}

TEST(MimeEncoding, UnstructuredEncodesEncodedWordLookalike)
{
    std::string text = "literal =?UTF-8?B?SGk=?= text";
    std::string encoded = encode_unstructured(text);
    EXPECT_NE(encoded, text);
    EXPECT_EQ(decode_words(encoded), text);
}

TEST(MimeEncoding, UnstructuredEncodesOverlongWord)
{
    std::string text = "see " + std::string(120, 'x');
    std::string encoded = encode_unstructured(text);
    EXPECT_EQ(decode_words(encoded), text);
}

TEST(MimeEncoding, UnstructuredEncodesControlCharacters)
{
    std::string text = "bell\x07";
    EXPECT_EQ(decode_words(encode_unstructured(text)), text);
}

TEST(MimeEncoding, EncodeWordsRespectsLimits)
{
    std::string text = repeat("日本語のテキスト😀 ", 20);
    std::string encoded = encode_words(text, 40, 60);
    std::size_t first_space = encoded.find(' ');
    ASSERT_NE(first_space, std::string::npos);
    EXPECT_LE(first_space, 40u);
    std::size_t start = 0;
    while (start < encoded.size()) {
        std::size_t end = std::min(encoded.find(' ', start), encoded.size());
        EXPECT_LE(end - start, 60u);
        start = end + 1;
    }
    EXPECT_EQ(decode_words(encoded), text);
}

TEST(MimeEncoding, EncodeWordsNeverSplitsSequence)
{
    // 4-byte characters against every possible word capacity.
    std::string text = repeat("😀", 40);
    for (std::size_t limit = 20; limit <= 75; ++limit) {
        SCOPED_TRACE(limit);
        EXPECT_EQ(decode_words(encode_words(text, limit, limit)), text);
    }
}

TEST(MimeEncoding, DisplayNameForms)
{
    EXPECT_EQ(encode_display_name(""), "");
    EXPECT_EQ(encode_display_name("Jane Doe"), "Jane Doe");
    EXPECT_EQ(encode_display_name("Doe, Jane"), "\"Doe, Jane\"");
    EXPECT_EQ(encode_display_name("J. Doe"), "\"J. Doe\"");
    EXPECT_EQ(encode_display_name("Say \"hi\" \\o/"), "\"Say \\\"hi\\\" \\\\o/\"");
    EXPECT_EQ(encode_display_name("Jane  Doe"), "\"Jane  Doe\"");
    EXPECT_EQ(decode_words(encode_display_name("Jürgen Müller")), "Jürgen Müller");
    EXPECT_EQ(decode_words(encode_display_name("=?UTF-8?B?SGk=?=")), "=?UTF-8?B?SGk=?=");
}

TEST(MimeEncoding, FoldHeaderShortValue)
{
    EXPECT_EQ(fold_header("Subject", "Hello"), "Subject: Hello\r\n");
    EXPECT_EQ(fold_header("X-Empty", ""), "X-Empty:\r\n");
}

TEST(MimeEncoding, FoldHeaderLongAsciiValue)
{
    std::string value = repeat("lorem ipsum dolor  sit amet,\tconsectetur ", 10);
    value += "end";
    std::string field = fold_header("Subject", value);
    EXPECT_GT(split_lines(field).size(), 1u);
    expect_crlf_lines_within(field, 76);
    EXPECT_EQ(unfold(field), "Subject: " + value + "\r\n");
}

TEST(MimeEncoding, FoldHeaderTrailingWhitespace)
{
    std::string value = std::string(70, 'a') + " b   ";
    std::string field = fold_header("X-Test", value);
    for (const std::string &line : split_lines(field))
        EXPECT_NE(line.find_first_not_of(" \t"), std::string::npos) << "white space only line";
    EXPECT_EQ(unfold(field), "X-Test: " + value + "\r\n");
}

TEST(MimeEncoding, FoldHeaderLongWordWithinLimit)
{
    std::string word(500, 'w');
    std::string field = fold_header("X-Token", "a " + word + " b");
    expect_crlf_lines_within(field, 998);
    EXPECT_EQ(unfold(field), "X-Token: a " + word + " b\r\n");
}

TEST(MimeEncoding, FoldHeaderRejectsUnfoldableWord)
{
    EXPECT_THROW(fold_header("X-Token", std::string(1000, 'w')), InvalidInput);
}

TEST(MimeEncoding, FoldHeaderRejectsLineBreaks)
{
    EXPECT_THROW(fold_header("Subject", "a\r\nBcc: x@example.test"), InvalidInput);
    EXPECT_THROW(fold_header("Subject", std::string("a\0b", 3)), InvalidInput);
    EXPECT_THROW(fold_header("Bad Name", "value"), InvalidInput);
}

TEST(MimeEncoding, FoldUnstructuredLongNonAscii)
{
    const std::vector<std::string> subjects = {
        repeat("Überweisungsbestätigung für März ", 8),
        repeat("日本語の件名はとても長くなることがあります。", 6),
        repeat("😀🎉 party ", 15),
        repeat("é", 300),
        "ASCII start then ünïcödé " + repeat("x", 100),
    };
    for (const std::string &subject : subjects) {
        SCOPED_TRACE(subject);
        std::string field = fold_unstructured("Subject", subject);
        expect_crlf_lines_within(field, 77);
        std::string unfolded = unfold(field);
        ASSERT_EQ(unfolded.compare(0, 9, "Subject: "), 0);
        ASSERT_EQ(unfolded.substr(unfolded.size() - 2), "\r\n");
        EXPECT_EQ(decode_words(unfolded.substr(9, unfolded.size() - 11)), subject);
    }
}

TEST(MimeEncoding, FoldUnstructuredAsciiUnchanged)
{
    EXPECT_EQ(fold_unstructured("Subject", "Plain subject"), "Subject: Plain subject\r\n");
}

TEST(MimeEncoding, FoldListBetweenItems)
{
    std::vector<std::string> items;
    for (int i = 0; i < 12; ++i)
        items.push_back("Recipient Number" + std::to_string(i) + " <recipient" + std::to_string(i) + "@example.test>");
    std::string field = fold_list_header("To", items);
    expect_crlf_lines_within(field, 76);
    std::vector<std::string> lines = split_lines(field);
    ASSERT_GT(lines.size(), 1u);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i)
        EXPECT_EQ(lines[i].back(), ',') << "folded inside an item: " << lines[i];

    std::string expected = "To:";
    for (std::size_t i = 0; i < items.size(); ++i)
        expected += " " + items[i] + (i + 1 < items.size() ? "," : "");
    EXPECT_EQ(unfold(field), expected + "\r\n");
}

TEST(MimeEncoding, FoldListSplitsLongItem)
{
    std::string long_item = encode_words(repeat("Ünïcödé ", 12), 75, 75) + " <long@example.test>";
    std::string field = fold_list_header("To", {"short@example.test", long_item});
    expect_crlf_lines_within(field, 76);
    EXPECT_EQ(unfold(field), "To: short@example.test, " + long_item + "\r\n");
}

TEST(MimeEncoding, FoldListParameters)
{
    std::string field = fold_list_header("Content-Type", {"text/plain", "charset=UTF-8"}, ';');
    EXPECT_EQ(field, "Content-Type: text/plain; charset=UTF-8\r\n");
}

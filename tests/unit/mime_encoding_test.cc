#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <memory>
#include <random>
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

// The base64 line encoder as it was before encode_base64_lines wrote into
// one pre-sized string: EVP_EncodeBlock once per 57-byte line.
std::string reference_base64_lines(std::string_view data)
{
    std::string out;
    for (std::size_t pos = 0; pos < data.size(); pos += 57) {
        std::string_view piece = data.substr(pos, 57);
        std::string line(4 * ((piece.size() + 2) / 3) + 1, '\0');
        int length = EVP_EncodeBlock(reinterpret_cast<unsigned char *>(line.data()),
                                     reinterpret_cast<const unsigned char *>(piece.data()),
                                     static_cast<int>(piece.size()));
        line.resize(static_cast<std::size_t>(length));
        out += line;
        out += "\r\n";
    }
    return out;
}

// The quoted-printable encoder as it was before it appended runs: escape
// each line byte by byte, then wrap it at 76 characters.
std::string reference_quoted_printable(std::string_view text)
{
    const char hex[] = "0123456789ABCDEF";
    auto escape_line = [&](std::string_view line) {
        std::string out;
        for (std::size_t i = 0; i < line.size(); ++i) {
            auto c = static_cast<unsigned char>(line[i]);
            bool last = i + 1 == line.size();
            bool wsp = c == ' ' || c == '\t';
            if ((c >= 33 && c <= 126 && c != '=') || (wsp && !last)) {
                out += static_cast<char>(c);
            } else {
                out += '=';
                out += hex[c >> 4];
                out += hex[c & 0x0f];
            }
        }
        return out;
    };
    auto append_wrapped = [](const std::string &escaped, std::string &out) {
        std::size_t pos = 0;
        while (escaped.size() - pos > 76) {
            std::size_t cut = pos + 75;
            if (escaped[cut - 1] == '=')
                cut -= 1;
            else if (escaped[cut - 2] == '=')
                cut -= 2;
            out.append(escaped, pos, cut - pos);
            out += "=\r\n";
            pos = cut;
        }
        out.append(escaped, pos, std::string::npos);
    };

    std::string out;
    std::size_t start = 0;
    while (true) {
        std::size_t end = text.find_first_of("\r\n", start);
        if (end == std::string_view::npos) {
            append_wrapped(escape_line(text.substr(start)), out);
            return out;
        }
        append_wrapped(escape_line(text.substr(start, end - start)), out);
        out += "\r\n";
        bool crlf = text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n';
        start = end + (crlf ? 2 : 1);
    }
}

std::string random_bytes(std::mt19937 &generator, std::size_t size, std::string_view alphabet = {})
{
    std::string bytes(size, '\0');
    for (char &c : bytes) {
        if (alphabet.empty())
            c = static_cast<char>(generator() & 0xff);
        else
            c = alphabet[generator() % alphabet.size()];
    }
    return bytes;
}

std::shared_ptr<const std::string> shared_bytes(std::string bytes)
{
    return std::make_shared<const std::string>(std::move(bytes));
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

TEST(MimeEncoding, Base64LinesMatchOldEncoder)
{
    std::mt19937 generator(20240601);
    std::vector<std::size_t> sizes;
    for (std::size_t size = 0; size <= 300; ++size)
        sizes.push_back(size);
    for (std::size_t size : {4095u, 4096u, 58367u, 58368u, 102400u, 1000001u})
        sizes.push_back(size);
    for (std::size_t size : sizes) {
        SCOPED_TRACE(size);
        std::string data = random_bytes(generator, size);
        EXPECT_EQ(encode_base64_lines(data), reference_base64_lines(data));
    }
}

TEST(MimeEncoding, AppendBase64LinesKeepsPrefix)
{
    std::string out = "prefix";
    append_base64_lines("Man", out);
    EXPECT_EQ(out, "prefixTWFu\r\n");
}

TEST(MimeEncoding, QuotedPrintableMatchesOldEncoder)
{
    std::mt19937 generator(7);
    // Few distinct bytes, so that runs of spaces, '=', line ends and long
    // lines all occur often.
    const std::string alphabet = std::string("aaaaaaaaaa  \t==\r\n\n\x7f\xc3\xa4~!") + '\0';
    for (std::size_t size = 0; size <= 300; ++size) {
        for (int round = 0; round < 10; ++round) {
            std::string text = random_bytes(generator, size, alphabet);
            ASSERT_EQ(encode_quoted_printable(text), reference_quoted_printable(text)) << "input: " << text;
        }
    }
    std::string long_line = random_bytes(generator, 5000, "abc=\xe2 ");
    EXPECT_EQ(encode_quoted_printable(long_line), reference_quoted_printable(long_line));
}

TEST(MimeBase64Cache, SameBytesReused)
{
    Base64LinesCache cache(4, 1 << 20);
    std::mt19937 generator(1);
    std::string bytes = random_bytes(generator, 10000);
    auto first = cache.lines(shared_bytes(bytes));
    auto second = cache.lines(shared_bytes(bytes));
    EXPECT_EQ(*first, reference_base64_lines(bytes));
    EXPECT_EQ(first.get(), second.get()) << "equal bytes in another string were encoded again";
    EXPECT_EQ(cache.entry_count(), 1u);
    EXPECT_EQ(cache.cached_bytes(), bytes.size() + first->size());
}

TEST(MimeBase64Cache, SameSizeDifferentBytesNotConfused)
{
    Base64LinesCache cache(4, 1 << 20);
    std::mt19937 generator(2);
    std::string bytes = random_bytes(generator, 10000);
    // Differ in one byte that no hash sample covers, and in the last byte.
    std::string middle_changed = bytes;
    middle_changed[5001] ^= 1;
    std::string last_changed = bytes;
    last_changed.back() ^= 1;

    auto original = cache.lines(shared_bytes(bytes));
    auto middle = cache.lines(shared_bytes(middle_changed));
    auto last = cache.lines(shared_bytes(last_changed));
    EXPECT_EQ(*original, reference_base64_lines(bytes));
    EXPECT_EQ(*middle, reference_base64_lines(middle_changed));
    EXPECT_EQ(*last, reference_base64_lines(last_changed));
    EXPECT_EQ(cache.entry_count(), 3u);
    EXPECT_EQ(cache.lines(shared_bytes(bytes)).get(), original.get());
}

TEST(MimeBase64Cache, SmallDataNotCached)
{
    Base64LinesCache cache(4, 1 << 20);
    std::string bytes(Base64LinesCache::kMinDataSize - 1, 'x');
    EXPECT_EQ(*cache.lines(shared_bytes(bytes)), reference_base64_lines(bytes));
    EXPECT_EQ(cache.entry_count(), 0u);
}

TEST(MimeBase64Cache, EvictionKeepsBounds)
{
    std::mt19937 generator(3);
    const std::size_t entry_bytes = 8000 + reference_base64_lines(std::string(8000, 'x')).size();
    Base64LinesCache by_count(3, 1 << 20);
    Base64LinesCache by_bytes(100, 2 * entry_bytes + entry_bytes / 2);
    std::vector<std::string> inputs;
    for (int i = 0; i < 6; ++i)
        inputs.push_back(random_bytes(generator, 8000));
    for (const std::string &input : inputs) {
        EXPECT_EQ(*by_count.lines(shared_bytes(input)), reference_base64_lines(input));
        EXPECT_EQ(*by_bytes.lines(shared_bytes(input)), reference_base64_lines(input));
        EXPECT_LE(by_count.entry_count(), 3u);
        EXPECT_LE(by_bytes.cached_bytes(), 2 * entry_bytes + entry_bytes / 2);
    }
    EXPECT_EQ(by_count.entry_count(), 3u);
    EXPECT_EQ(by_bytes.entry_count(), 2u);
    EXPECT_EQ(by_bytes.cached_bytes(), 2 * entry_bytes);

    // The least recently used entry goes first. by_count holds inputs 3, 4
    // and 5. After 5, 4 and 3 are used in that order, a new entry evicts 5.
    auto fifth = by_count.lines(shared_bytes(inputs[5]));
    auto fourth = by_count.lines(shared_bytes(inputs[4]));
    auto third = by_count.lines(shared_bytes(inputs[3]));
    by_count.lines(shared_bytes(random_bytes(generator, 8000)));
    EXPECT_EQ(by_count.lines(shared_bytes(inputs[4])).get(), fourth.get());
    EXPECT_EQ(by_count.lines(shared_bytes(inputs[3])).get(), third.get());
    auto fifth_again = by_count.lines(shared_bytes(inputs[5]));
    EXPECT_NE(fifth_again.get(), fifth.get()) << "the least recently used entry was not evicted";
    EXPECT_EQ(*fifth_again, *fifth);
}

TEST(MimeBase64Cache, OversizedDataNotCached)
{
    Base64LinesCache cache(4, 10000);
    std::string bytes(8000, 'y');
    EXPECT_EQ(*cache.lines(shared_bytes(bytes)), reference_base64_lines(bytes));
    EXPECT_EQ(cache.entry_count(), 0u);
    EXPECT_EQ(cache.cached_bytes(), 0u);
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

// Helpers shared by the MIME unit tests: a small MIME reader that checks
// delimiters and line ends as it splits, and a temporary file.
#ifndef MAILBRIDGE_TESTS_UNIT_MIME_TEST_SUPPORT_H
#define MAILBRIDGE_TESTS_UNIT_MIME_TEST_SUPPORT_H

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <strings.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "mime/address.h"
#include "mime/encoding.h"
#include "mime/message.h"

namespace mime_test {

using namespace mailbridge::mime;

inline std::string decode_base64(const std::string &text)
{
    if (text.empty())
        return "";
    std::string out(text.size(), '\0');
    int length = EVP_DecodeBlock(reinterpret_cast<unsigned char *>(out.data()),
                                 reinterpret_cast<const unsigned char *>(text.data()), static_cast<int>(text.size()));
    EXPECT_GE(length, 0) << "invalid base64";
    std::size_t padding = text.size() - text.find_last_not_of('=') - 1;
    out.resize(static_cast<std::size_t>(std::max(length, 0)) - padding);
    return out;
}

inline std::vector<std::string> split(const std::string &text, const std::string &separator)
{
    std::vector<std::string> pieces;
    std::size_t start = 0;
    while (true) {
        std::size_t end = text.find(separator, start);
        if (end == std::string::npos) {
            pieces.push_back(text.substr(start));
            return pieces;
        }
        pieces.push_back(text.substr(start, end - start));
        start = end + separator.size();
    }
}

inline std::string unfold(const std::string &text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 2, "\r\n") == 0 && i + 2 < text.size() && (text[i + 2] == ' ' || text[i + 2] == '\t')) {
            ++i;
            continue;
        }
        out += text[i];
    }
    return out;
}

// A MIME entity split at its first empty line: unfolded header fields and body.
struct Entity {
    std::vector<std::string> fields;  // "Name: value", unfolded
    std::string body;
};

inline Entity parse_entity(const std::string &text)
{
    Entity entity;
    std::size_t end = text.find("\r\n\r\n");
    std::string head = end == std::string::npos ? text : text.substr(0, end);
    entity.body = end == std::string::npos ? "" : text.substr(end + 4);
    if (end == std::string::npos && head.size() >= 2 && head.substr(head.size() - 2) == "\r\n")
        head.resize(head.size() - 2);
    entity.fields = split(unfold(head), "\r\n");
    return entity;
}

// Values of every field called name (case-insensitive).
inline std::vector<std::string> field_values(const Entity &entity, const std::string &name)
{
    std::vector<std::string> values;
    for (const std::string &field : entity.fields) {
        std::size_t colon = field.find(':');
        if (colon != name.size() || strncasecmp(field.c_str(), name.c_str(), name.size()) != 0)
            continue;
        std::size_t start = field.find_first_not_of(' ', colon + 1);
        values.push_back(start == std::string::npos ? "" : field.substr(start));
    }
    return values;
}

inline std::string field_value(const Entity &entity, const std::string &name)
{
    std::vector<std::string> values = field_values(entity, name);
    EXPECT_EQ(values.size(), 1u) << "expected one " << name << " field";
    return values.empty() ? "" : values[0];
}

inline std::string boundary_of(const Entity &entity)
{
    std::smatch match;
    std::string type = field_value(entity, "Content-Type");
    if (!std::regex_search(type, match, std::regex("boundary=\"([^\"]+)\"")))
        return "";
    return match[1];
}

// The body parts of a multipart entity, checking the delimiter lines.
inline std::vector<Entity> parts_of(const Entity &entity)
{
    std::string boundary = boundary_of(entity);
    EXPECT_FALSE(boundary.empty());
    EXPECT_LE(boundary.size(), 70u);
    std::string body = entity.body;
    const std::string close = "\r\n--" + boundary + "--";
    std::size_t close_at = body.find(close);
    EXPECT_NE(close_at, std::string::npos) << "no close delimiter";
    EXPECT_EQ(body.compare(0, boundary.size() + 4, "--" + boundary + "\r\n"), 0) << "no first delimiter";

    std::vector<Entity> parts;
    std::string inner = body.substr(boundary.size() + 4, close_at - boundary.size() - 4);
    for (const std::string &text : split(inner, "\r\n--" + boundary + "\r\n"))
        parts.push_back(parse_entity(text));
    return parts;
}

inline void expect_wire_safe(const std::string &message)
{
    for (std::size_t i = 0; i < message.size(); ++i) {
        char before = i > 0 ? message[i - 1] : '\0';
        char after = i + 1 < message.size() ? message[i + 1] : '\0';
        if (message[i] == '\n') {
            ASSERT_EQ(before, '\r') << "bare LF at " << i;
        }
        if (message[i] == '\r') {
            ASSERT_EQ(after, '\n') << "bare CR at " << i;
        }
    }
    for (const std::string &line : split(message, "\r\n"))
        EXPECT_LE(line.size(), 998u);
    ASSERT_GE(message.size(), 2u);
    EXPECT_EQ(message.substr(message.size() - 2), "\r\n");
}

// Header lines of the top-level entity stay under 78 characters.
inline void expect_short_header_lines(const std::string &message)
{
    std::string head = message.substr(0, message.find("\r\n\r\n"));
    for (const std::string &line : split(head, "\r\n"))
        EXPECT_LT(line.size(), 78u) << line;
}

inline Message basic_message()
{
    Message message;
    message.set_from(parse_address("Sender Name <sender@example.test>"));
    message.add_to(parse_address("recipient@example.test"));
    message.set_subject("Test subject");
    return message;
}

inline std::string decode_words(const std::string &value)
{
    std::string out;
    std::regex word("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?=");
    for (auto it = std::sregex_iterator(value.begin(), value.end(), word); it != std::sregex_iterator(); ++it)
        out += decode_base64((*it)[1]);
    return out;
}

inline std::string percent_decode(const std::string &text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

// A file that is removed when the test ends.
class TemporaryFile {
public:
    explicit TemporaryFile(const std::string &content)
    {
        char pattern[] = "/tmp/mailbridge-mime-test-XXXXXX";
        int fd = mkstemp(pattern);
        EXPECT_GE(fd, 0);
        close(fd);
        path_ = pattern;
        write(content);
    }
    ~TemporaryFile() { std::remove(path_.c_str()); }
    void write(const std::string &content) const { std::ofstream(path_, std::ios::binary) << content; }
    const std::string &path() const { return path_; }

private:
    std::string path_;
};

// The decoded body of a base64-encoded entity, checking its line lengths.
inline std::string base64_body_of(const Entity &entity)
{
    std::string joined;
    for (const std::string &line : split(entity.body, "\r\n")) {
        EXPECT_LE(line.size(), 76u);
        joined += line;
    }
    return decode_base64(joined);
}

// Everything that source produces, read in pieces of at most max_bytes.
inline std::string read_all(mailbridge::ByteSource &source, std::size_t max_bytes = 65536)
{
    std::string out;
    while (true) {
        std::size_t before = out.size();
        if (!source.read(out, max_bytes))
            break;
        EXPECT_GT(out.size(), before) << "read returned true without appending";
        EXPECT_LE(out.size() - before, max_bytes);
    }
    return out;
}

}  // namespace mime_test

#endif

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/byte_source.h"
#include "mime/address.h"
#include "mime/content.h"
#include "mime/encoding.h"
#include "mime/message.h"
#include "mime_test_support.h"

using namespace mailbridge::mime;
using namespace mime_test;

namespace {

// Bytes that differ at every offset, so that a misplaced chunk shows.
std::string pattern_bytes(std::size_t size)
{
    std::string bytes(size, '\0');
    for (std::size_t i = 0; i < size; ++i)
        bytes[i] = static_cast<char>((i * 7919 + i / 251) & 0xff);
    return bytes;
}

Message full_message()
{
    Message message = basic_message();
    message.set_text("plain ä");
    message.set_html("<img src=\"cid:logo\">");
    message.set_calendar("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n", "REQUEST");
    message.embed(pattern_bytes(1000), "logo", "logo.png", "");
    message.attach(pattern_bytes(5000), "data.bin", "");
    message.set_auto_submitted();
    message.set_list_unsubscribe("https://example.test/u/1", "unsubscribe@example.test");
    return message;
}

}  // namespace

TEST(MimeContent, Base64LinesSize)
{
    for (std::size_t size : {0u, 1u, 2u, 3u, 56u, 57u, 58u, 113u, 114u, 115u, 171u, 1000u, 58368u, 58369u}) {
        SCOPED_TRACE(size);
        std::string lines = encode_base64_lines(pattern_bytes(size));
        std::size_t expected = lines.empty() ? 0 : lines.size() - 2;  // without the last CRLF
        EXPECT_EQ(base64_lines_size(size), expected);
    }
}

TEST(MimeContent, OpenMatchesSerialize)
{
    Message message = full_message();
    std::string bytes = message.serialize();
    std::unique_ptr<mailbridge::ByteSource> source = message.open();
    EXPECT_EQ(read_all(*source), bytes);
    EXPECT_EQ(message.size(), bytes.size());
}

TEST(MimeContent, WriteFrozenMatchesSerialize)
{
    Message message = full_message();
    std::string bytes = message.serialize();
    std::string written(static_cast<std::size_t>(message.size()), '\0');
    message.write_frozen(written.data());
    EXPECT_EQ(written, bytes);

    Message unfrozen = basic_message();
    EXPECT_THROW(unfrozen.write_frozen(written.data()), std::logic_error);
}

TEST(MimeContent, SharedAttachmentBytesMatchEncoding)
{
    // Two messages with equal attachment bytes share the cached lines, and
    // both still carry the whole attachment.
    Message first = full_message();
    Message second = full_message();
    std::string first_bytes = first.serialize();
    std::string second_bytes = second.serialize();
    std::string lines = encode_base64_lines(pattern_bytes(5000));
    lines.resize(lines.size() - 2);
    EXPECT_NE(first_bytes.find(lines), std::string::npos);
    EXPECT_NE(second_bytes.find(lines), std::string::npos);
    EXPECT_EQ(base64_body_of(parts_of(parse_entity(second_bytes))[1]), pattern_bytes(5000));
}

TEST(MimeContent, SmallReadsMatchSerialize)
{
    Message message = full_message();
    std::string bytes = message.serialize();
    for (std::size_t max_bytes : {1u, 7u, 76u, 78u, 4096u}) {
        SCOPED_TRACE(max_bytes);
        EXPECT_EQ(read_all(*message.open(), max_bytes), bytes);
    }
}

TEST(MimeContent, SizeMatchesEveryShape)
{
    TemporaryFile file(pattern_bytes(12345));
    std::vector<Message> messages;
    messages.push_back(basic_message());
    messages.push_back(basic_message());
    messages.back().set_html("<p>html</p>");
    messages.push_back(full_message());
    messages.push_back(full_message());
    messages.back().attach_path(file.path(), "", "");
    messages.push_back(basic_message());
    messages.back().embed_path(file.path(), "image", "", "image/png");
    messages.push_back(basic_message());
    messages.back().set_charset("ISO-8859-1");
    messages.back().set_text("Grüße");

    for (std::size_t i = 0; i < messages.size(); ++i) {
        SCOPED_TRACE(i);
        std::string bytes = messages[i].serialize();
        EXPECT_EQ(messages[i].size(), bytes.size());
        EXPECT_EQ(read_all(*messages[i].open()), bytes);
    }
}

TEST(MimeContent, FileAttachmentStreamsInChunks)
{
    const std::size_t file_size = 5 * 1024 * 1024 + 17;
    const std::string data = pattern_bytes(file_size);
    TemporaryFile file(data);
    Message message = basic_message();
    message.set_text("See the file.");
    message.attach_path(file.path(), "big.bin", "");
    message.freeze();

    std::unique_ptr<mailbridge::ByteSource> source = message.open();
    std::string bytes = read_all(*source);
    auto *content_source = dynamic_cast<ContentSource *>(source.get());
    ASSERT_NE(content_source, nullptr);
    // One raw chunk and its base64 lines, far below the file's size.
    EXPECT_GT(content_source->peak_buffer_size(), 0u);
    EXPECT_LT(content_source->peak_buffer_size(), 3 * ContentSource::kFileChunkSize);
    EXPECT_LT(content_source->peak_buffer_size(), file_size / 20);

    EXPECT_EQ(bytes.size(), message.size());
    expect_wire_safe(bytes);
    std::vector<Entity> parts = parts_of(parse_entity(bytes));
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_TRUE(base64_body_of(parts[1]) == data) << "the decoded attachment differs from the file";
    EXPECT_EQ(message.serialize(), bytes);
}

TEST(MimeContent, EachOpenRereadsFile)
{
    TemporaryFile file("first!");
    Message message = basic_message();
    message.attach_path(file.path(), "a.txt", "");
    message.freeze();
    std::string first = read_all(*message.open());
    file.write("second");  // same size
    std::string second = read_all(*message.open());
    EXPECT_NE(first, second);
    EXPECT_EQ(first.size(), second.size());
    EXPECT_EQ(base64_body_of(parts_of(parse_entity(second))[1]), "second");
}

TEST(MimeContent, GrownFileThrowsNamingIt)
{
    TemporaryFile file("content");
    Message message = basic_message();
    message.attach_path(file.path(), "", "");
    message.freeze();
    file.write("longer content");
    try {
        read_all(*message.open());
        ADD_FAILURE() << "read a file that changed size";
    } catch (const InvalidInput &error) {
        std::string text = error.what();
        EXPECT_NE(text.find(file.path()), std::string::npos) << text;
        EXPECT_NE(text.find("changed size"), std::string::npos) << text;
    }
}

TEST(MimeContent, ShrunkFileThrows)
{
    TemporaryFile file("content");
    Message message = basic_message();
    message.attach_path(file.path(), "", "");
    message.freeze();
    file.write("");
    EXPECT_THROW(read_all(*message.open()), InvalidInput);
}

// The size is checked when the file is opened and again while it is read,
// so a file that changes after its first chunk is caught too.
TEST(MimeContent, FileChangedWhileReadingThrows)
{
    const std::string data = pattern_bytes(3 * ContentSource::kFileChunkSize);
    TemporaryFile file(data);
    Message message = basic_message();
    message.attach_path(file.path(), "", "");
    message.freeze();

    std::unique_ptr<mailbridge::ByteSource> source = message.open();
    std::string out;
    while (out.size() < message.size() / 2)
        ASSERT_TRUE(source->read(out, 4096));
    file.write(data.substr(0, ContentSource::kFileChunkSize + 5));
    EXPECT_THROW(read_all(*source), InvalidInput);
}

TEST(MimeContent, RemovedFileThrowsOnRead)
{
    auto file = std::make_unique<TemporaryFile>("content");
    std::string path = file->path();
    Message message = basic_message();
    message.attach_path(path, "", "");
    message.freeze();
    file.reset();
    try {
        read_all(*message.open());
        ADD_FAILURE() << "read a removed file";
    } catch (const InvalidInput &error) {
        EXPECT_NE(std::string(error.what()).find(path), std::string::npos) << error.what();
    }
}

TEST(MimeContent, EmptyFileAttachment)
{
    TemporaryFile file("");
    Message message = basic_message();
    message.attach_path(file.path(), "empty.txt", "");
    std::string bytes = message.serialize();
    EXPECT_EQ(message.size(), bytes.size());
    std::vector<Entity> parts = parts_of(parse_entity(bytes));
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(parts[1].body, "");
}

TEST(MimeContent, OpenBeforeFreezeThrows)
{
    Message message = basic_message();
    EXPECT_THROW(message.open(), std::logic_error);
    EXPECT_THROW(message.size(), std::logic_error);
}

TEST(MimeContent, SourceKeepsFrozenState)
{
    Message message = basic_message();
    message.set_text("before");
    std::string before = message.serialize();
    std::unique_ptr<mailbridge::ByteSource> source = message.open();
    message.set_text("after, and longer");
    // Until the next freeze, open() and size() still describe the frozen message.
    EXPECT_EQ(read_all(*source), before);
    EXPECT_EQ(read_all(*message.open()), before);
    EXPECT_EQ(message.size(), before.size());

    std::string after = message.serialize();
    EXPECT_NE(after, before);
    EXPECT_EQ(message.size(), after.size());
}

TEST(MimeContent, OpenerOutlivesMessage)
{
    TemporaryFile file(pattern_bytes(1000));
    auto message = std::make_unique<Message>(basic_message());
    message->attach_path(file.path(), "", "");
    std::string bytes = message->serialize();
    auto open = message->opener();
    message->set_text("changed");
    message->serialize();
    message.reset();
    EXPECT_EQ(read_all(*open()), bytes);
    EXPECT_EQ(read_all(*open()), bytes);

    Message unfrozen = basic_message();
    EXPECT_THROW(unfrozen.opener(), std::logic_error);
}

TEST(MimeContent, ContainsSearchesAcrossSegments)
{
    Content content;
    content.append("abc");
    Content large;
    large.append(std::string(5000, 'x') + "def");
    content.append(std::move(large));
    EXPECT_TRUE(content.contains("cxx"));
    EXPECT_TRUE(content.contains("xdef"));
    EXPECT_FALSE(content.contains("abd"));
    EXPECT_EQ(content.size(), 5006u);
}

// Serialized MIME content that refers to attached files instead of holding
// them, and the ByteSource that reads it, so that a message with large file
// attachments is produced in chunks and never held in memory whole.
#ifndef MAILBRIDGE_MIME_CONTENT_H
#define MAILBRIDGE_MIME_CONTENT_H

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/byte_source.h"

namespace mailbridge::mime {

// The bytes of a MIME entity or a whole message as a list of segments. A
// segment is bytes in memory, owned or shared with other contents, or a
// file that is read and base64-encoded only when a ContentSource reads it.
class Content {
public:
    // Append text, which is moved, not copied, when it is large.
    void append(std::string text);
    // Move the segments of other to the end, without copying large ones.
    void append(Content &&other);
    // Append bytes, which must lie inside *owner, without copying them. The
    // content keeps owner alive, so one string can be shared by many.
    void append_shared(std::shared_ptr<const std::string> owner, std::string_view bytes);
    // Append the file at path as base64 lines of 76 characters, each ended
    // by CRLF except the last. file_size is its size now; reading throws
    // InvalidInput when the file has another size then.
    void append_base64_file(std::string path, std::uint64_t file_size);

    // The exact number of bytes that reading produces.
    std::uint64_t size() const;
    // True when text occurs inside one in-memory segment. File segments are
    // not searched: base64 has no '_', so they never contain a boundary.
    bool contains(std::string_view text) const;
    bool ends_with_crlf() const;

private:
    friend class ContentSource;

    bool can_merge_into_last(std::size_t text_size) const;

    struct Segment {
        std::string text;                           // the bytes, when path is empty and owner is null
        std::shared_ptr<const std::string> owner;   // keeps shared bytes alive
        std::string_view shared;                    // the bytes, inside *owner, when owner is set
        std::string path;                           // a file sent base64-encoded
        std::uint64_t file_size = 0;                // the file's size when it was appended

        bool in_memory() const { return path.empty(); }
        // The bytes of an in-memory segment.
        std::string_view bytes() const { return owner ? shared : std::string_view(text); }
    };

    std::vector<Segment> segments_;
};

// Size of the base64 lines that append_base64_file() produces for a file
// of file_size bytes.
std::uint64_t base64_lines_size(std::uint64_t file_size);

// Reads a Content in order. Files are opened when their segment is reached
// and read in chunks of kFileChunkSize bytes. Each read of a file segment
// throws InvalidInput naming the file when it cannot be read or its size
// differs from the one recorded in the Content.
class ContentSource : public ByteSource {
public:
    // 57 bytes make one base64 line of 76 characters, so chunks of a
    // multiple of 57 encode to whole lines.
    static constexpr std::size_t kFileChunkSize = 57 * 1024;

    explicit ContentSource(std::shared_ptr<const Content> content);
    bool read(std::string &out, size_t max_bytes) override;
    // The next at most max_bytes bytes, without copying them: a view into
    // an in-memory segment or into the lines of the current file chunk,
    // valid until the next call. Empty at the end. Throws as read().
    std::string_view read_view(std::size_t max_bytes);

    // Maximum bytes allocated at once for file segments: the raw chunk plus
    // its base64 lines. Tests use it to check that a file is never held whole.
    std::size_t peak_buffer_size() const { return peak_buffer_size_; }

private:
    struct FileCloser {
        void operator()(std::FILE *file) const { std::fclose(file); }
    };

    void open_file(const Content::Segment &segment);
    void fill_buffer(const Content::Segment &segment);
    void check_file_end(const Content::Segment &segment);

    std::shared_ptr<const Content> content_;
    std::size_t segment_index_ = 0;
    std::uint64_t offset_ = 0;  // in the current in-memory segment, or in buffer_
    std::unique_ptr<std::FILE, FileCloser> file_;
    std::uint64_t file_bytes_read_ = 0;
    std::string chunk_;   // raw bytes of the current file chunk
    std::string buffer_;  // the chunk's base64 lines
    std::size_t peak_buffer_size_ = 0;
};

}  // namespace mailbridge::mime

#endif

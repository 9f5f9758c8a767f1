#include "mime/content.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "mime/address.h"
#include "mime/encoding.h"

namespace mailbridge::mime {
namespace {

// Text shorter than this is copied onto the last in-memory segment when
// that is short too. Longer text gets a segment of its own, so that large
// bodies are moved and never copied or reallocated.
constexpr std::size_t kMaxMergedSegmentSize = 4096;

std::string changed_size_message(const std::string &path, std::uint64_t expected, std::uint64_t actual)
{
    return "attachment file " + quote_for_error(path) + " changed size after the message was frozen: it had " +
           std::to_string(expected) + " bytes then and has " + std::to_string(actual) +
           " now; files must not change while a message is sent";
}

}  // namespace

std::uint64_t base64_lines_size(std::uint64_t file_size)
{
    if (file_size == 0)
        return 0;
    std::uint64_t lines = (file_size + 56) / 57;
    return (file_size + 2) / 3 * 4 + 2 * (lines - 1);
}

bool Content::can_merge_into_last(std::size_t text_size) const
{
    return text_size < kMaxMergedSegmentSize && !segments_.empty() && segments_.back().in_memory() &&
           !segments_.back().owner && segments_.back().text.size() < kMaxMergedSegmentSize;
}

void Content::append(std::string text)
{
    if (text.empty())
        return;
    if (can_merge_into_last(text.size())) {
        segments_.back().text += text;
        return;
    }
    Segment segment;
    segment.text = std::move(text);
    segments_.push_back(std::move(segment));
}

void Content::append(Content &&other)
{
    for (Segment &segment : other.segments_) {
        if (segment.in_memory() && !segment.owner && can_merge_into_last(segment.text.size()))
            segments_.back().text += segment.text;
        else
            segments_.push_back(std::move(segment));
    }
    other.segments_.clear();
}

void Content::append_shared(std::shared_ptr<const std::string> owner, std::string_view bytes)
{
    if (bytes.empty())
        return;
    Segment segment;
    segment.owner = std::move(owner);
    segment.shared = bytes;
    segments_.push_back(std::move(segment));
}

void Content::append_base64_file(std::string path, std::uint64_t file_size)
{
    Segment segment;
    segment.path = std::move(path);
    segment.file_size = file_size;
    segments_.push_back(std::move(segment));
}

std::uint64_t Content::size() const
{
    std::uint64_t total = 0;
    for (const Segment &segment : segments_)
        total += segment.in_memory() ? segment.bytes().size() : base64_lines_size(segment.file_size);
    return total;
}

bool Content::contains(std::string_view text) const
{
    if (text.empty())
        return true;
    for (std::size_t i = 0; i < segments_.size(); ++i) {
        if (!segments_[i].in_memory())
            continue;
        std::string_view bytes = segments_[i].bytes();
        if (bytes.find(text) != std::string_view::npos)
            return true;
        // A match may span this segment and the next in-memory one.
        if (i + 1 < segments_.size() && segments_[i + 1].in_memory()) {
            std::size_t tail = std::min(bytes.size(), text.size() - 1);
            std::string junction(bytes.substr(bytes.size() - tail));
            junction.append(segments_[i + 1].bytes().substr(0, text.size() - 1));
            if (junction.find(text) != std::string::npos)
                return true;
        }
    }
    return false;
}

bool Content::ends_with_crlf() const
{
    if (segments_.empty() || !segments_.back().in_memory())
        return false;  // a file segment never ends with CRLF
    std::string_view bytes = segments_.back().bytes();
    return bytes.size() >= 2 && bytes.substr(bytes.size() - 2) == "\r\n";
}

ContentSource::ContentSource(std::shared_ptr<const Content> content) : content_(std::move(content)) {}

bool ContentSource::read(std::string &out, size_t max_bytes)
{
    std::string_view piece = read_view(max_bytes);
    out.append(piece);
    return !piece.empty();
}

std::string_view ContentSource::read_view(std::size_t max_bytes)
{
    const std::vector<Content::Segment> &segments = content_->segments_;
    while (segment_index_ < segments.size()) {
        const Content::Segment &segment = segments[segment_index_];
        std::string_view bytes;
        if (segment.in_memory()) {
            bytes = segment.bytes();
        } else {
            if (!file_)
                open_file(segment);
            if (offset_ == buffer_.size() && file_bytes_read_ < segment.file_size)
                fill_buffer(segment);
            bytes = buffer_;
        }

        if (offset_ < bytes.size()) {
            std::size_t length = static_cast<std::size_t>(std::min<std::uint64_t>(max_bytes, bytes.size() - offset_));
            std::string_view piece = bytes.substr(static_cast<std::size_t>(offset_), length);
            offset_ += length;
            return piece;
        }

        if (file_)
            check_file_end(segment);
        file_.reset();
        file_bytes_read_ = 0;
        chunk_.clear();
        buffer_.clear();
        offset_ = 0;
        ++segment_index_;
    }
    return {};
}

void ContentSource::open_file(const Content::Segment &segment)
{
    file_.reset(std::fopen(segment.path.c_str(), "rb"));
    if (!file_)
        throw InvalidInput("attachment file " + quote_for_error(segment.path) +
                           " is not readable: " + std::strerror(errno));
    struct stat status {};
    if (fstat(fileno(file_.get()), &status) != 0)
        throw InvalidInput("attachment file " + quote_for_error(segment.path) +
                           " is not readable: " + std::strerror(errno));
    if (!S_ISREG(status.st_mode))
        throw InvalidInput("attachment file " + quote_for_error(segment.path) + " is not a regular file");
    auto size = static_cast<std::uint64_t>(status.st_size);
    if (size != segment.file_size)
        throw InvalidInput(changed_size_message(segment.path, segment.file_size, size));
}

void ContentSource::fill_buffer(const Content::Segment &segment)
{
    std::uint64_t left = segment.file_size - file_bytes_read_;
    auto wanted = static_cast<std::size_t>(std::min<std::uint64_t>(kFileChunkSize, left));
    chunk_.resize(wanted);
    std::size_t count = std::fread(chunk_.data(), 1, wanted, file_.get());
    if (count < wanted) {
        if (std::ferror(file_.get()))
            throw InvalidInput("reading attachment file " + quote_for_error(segment.path) +
                               " failed: " + std::strerror(errno));
        throw InvalidInput(changed_size_message(segment.path, segment.file_size, file_bytes_read_ + count));
    }
    file_bytes_read_ += count;

    buffer_.clear();
    append_base64_lines(chunk_, buffer_);
    if (file_bytes_read_ == segment.file_size)
        buffer_.resize(buffer_.size() - 2);  // the CRLF before the next delimiter is not the file's
    offset_ = 0;
    peak_buffer_size_ = std::max(peak_buffer_size_, chunk_.capacity() + buffer_.capacity());
}

void ContentSource::check_file_end(const Content::Segment &segment)
{
    if (std::fgetc(file_.get()) == EOF) {
        if (std::ferror(file_.get()))
            throw InvalidInput("reading attachment file " + quote_for_error(segment.path) +
                               " failed: " + std::strerror(errno));
        return;
    }
    struct stat status {};
    std::uint64_t size = fstat(fileno(file_.get()), &status) == 0 ? static_cast<std::uint64_t>(status.st_size)
                                                                   : segment.file_size + 1;
    throw InvalidInput(changed_size_message(segment.path, segment.file_size, size));
}

}  // namespace mailbridge::mime

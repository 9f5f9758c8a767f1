// A producer of message bytes, read in order in chunks, so that a message
// with large file attachments never has to be held in memory whole.
#ifndef MAILBRIDGE_COMMON_BYTE_SOURCE_H
#define MAILBRIDGE_COMMON_BYTE_SOURCE_H

#include <algorithm>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace mailbridge {

class ByteSource {
public:
    virtual ~ByteSource() = default;
    // Append between 1 and max_bytes bytes to out and return true, or return
    // false at the end without appending. Throws on a read error (the MIME
    // code throws mime::InvalidInput naming the file).
    virtual bool read(std::string &out, size_t max_bytes) = 0;
};

// A source over bytes that are already in memory, shared so that opening
// it again for a retry copies nothing.
class StringSource : public ByteSource {
public:
    explicit StringSource(std::shared_ptr<const std::string> data) : data_(std::move(data)) {}
    bool read(std::string &out, size_t max_bytes) override
    {
        if (offset_ >= data_->size())
            return false;
        size_t length = std::min(max_bytes, data_->size() - offset_);
        out.append(*data_, offset_, length);
        offset_ += length;
        return true;
    }

private:
    std::shared_ptr<const std::string> data_;
    size_t offset_ = 0;
};

// A fixed prefix (DKIM-Signature fields, for example) followed by another
// source.
class PrefixedSource : public ByteSource {
public:
    PrefixedSource(std::shared_ptr<const std::string> prefix, std::unique_ptr<ByteSource> rest)
        : prefix_(std::move(prefix)), rest_(std::move(rest))
    {
    }
    bool read(std::string &out, size_t max_bytes) override
    {
        if (offset_ < prefix_->size()) {
            size_t length = std::min(max_bytes, prefix_->size() - offset_);
            out.append(*prefix_, offset_, length);
            offset_ += length;
            return true;
        }
        return rest_->read(out, max_bytes);
    }

private:
    std::shared_ptr<const std::string> prefix_;
    size_t offset_ = 0;
    std::unique_ptr<ByteSource> rest_;
};

}  // namespace mailbridge

#endif

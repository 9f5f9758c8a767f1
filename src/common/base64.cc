#include "common/base64.h"

#include <algorithm>

#include <openssl/evp.h>

namespace mailbridge {

namespace {

// EVP_EncodeBlock and EVP_DecodeBlock take an int length, so longer input is
// processed in pieces. Both sizes are whole base64 quanta (3 bytes in, 4
// characters out), so the pieces join without padding in between.
constexpr size_t encode_piece = size_t{3} << 28;
constexpr size_t decode_piece = size_t{4} << 28;

bool is_base64_char(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}

}  // namespace

// The output is written straight into the returned string, so no copy of the
// data is left behind in a temporary buffer. Callers encode secrets with it.
std::string base64_encode(std::string_view data)
{
    std::string out;
    out.resize((data.size() + 2) / 3 * 4 + 1);  // EVP_EncodeBlock adds a NUL
    size_t written = 0;
    for (size_t offset = 0; offset < data.size(); offset += encode_piece) {
        size_t piece = std::min(encode_piece, data.size() - offset);
        int length = EVP_EncodeBlock(reinterpret_cast<unsigned char *>(&out[written]),
                                     reinterpret_cast<const unsigned char *>(data.data() + offset),
                                     static_cast<int>(piece));
        written += static_cast<size_t>(length);
    }
    out.resize(written);
    return out;
}

// EVP_DecodeBlock skips leading and trailing whitespace and decodes "=" as
// zero bits, counting them in its result. So the input is checked here first
// and the padding is subtracted from the decoded length. Nonzero bits before
// the padding ("QR==") are accepted because EVP_DecodeBlock ignores them.
std::optional<std::string> base64_decode(std::string_view text)
{
    if (text.size() % 4 != 0)
        return std::nullopt;

    size_t padding = 0;
    if (!text.empty() && text[text.size() - 1] == '=')
        padding = (text[text.size() - 2] == '=') ? 2 : 1;
    for (size_t i = 0; i < text.size() - padding; ++i) {
        if (!is_base64_char(static_cast<unsigned char>(text[i])))
            return std::nullopt;
    }

    std::string out;
    out.resize(text.size() / 4 * 3);
    size_t written = 0;
    for (size_t offset = 0; offset < text.size(); offset += decode_piece) {
        size_t piece = std::min(decode_piece, text.size() - offset);
        int length = EVP_DecodeBlock(reinterpret_cast<unsigned char *>(&out[written]),
                                     reinterpret_cast<const unsigned char *>(text.data() + offset),
                                     static_cast<int>(piece));
        if (length < 0)
            return std::nullopt;
        written += static_cast<size_t>(length);
    }
    out.resize(written - padding);
    return out;
}

}  // namespace mailbridge

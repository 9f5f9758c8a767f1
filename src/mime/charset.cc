#include "mime/charset.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "mime/address.h"
#include "mime/encoding.h"

namespace mailbridge::mime {
namespace {

// RFC 2978 section 2.3: charset names are at most 40 characters.
constexpr std::size_t kMaxCharsetNameLength = 40;
// The ASCII that MIME text relies on: tab, line ends and every printable
// character. A charset must convert it to the same bytes.
constexpr std::string_view kAsciiProbe =
    "\t\r\n !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";

// RFC 2045 section 5.1 token: printable ASCII except space and tspecials.
bool is_token(std::string_view text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        auto byte = static_cast<unsigned char>(c);
        return byte > 32 && byte < 127 && std::string_view("()<>@,;:\\\"/[]?=").find(c) == std::string_view::npos;
    });
}

std::string to_upper_ascii(std::string_view text)
{
    std::string out(text);
    for (char &c : out) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

// "U+20AC" for the UTF-8 character that starts at text[pos].
std::string code_point_name(std::string_view text, std::size_t pos)
{
    std::size_t length = utf8_sequence_length(text, pos);
    if (length == 0)
        return "an invalid UTF-8 byte";
    auto byte_at = [&](std::size_t i) { return static_cast<unsigned char>(text[pos + i]); };
    unsigned long code_point = length == 1 ? byte_at(0) : byte_at(0) & (0x7fu >> length);
    for (std::size_t i = 1; i < length; ++i)
        code_point = (code_point << 6) | (byte_at(i) & 0x3fu);
    char name[16];
    std::snprintf(name, sizeof name, "U+%04lX", code_point);
    return name;
}

class Converter {
public:
    explicit Converter(const std::string &to) : descriptor_(iconv_open(to.c_str(), "UTF-8")) {}
    ~Converter()
    {
        if (is_open())
            iconv_close(descriptor_);
    }
    Converter(const Converter &) = delete;
    Converter &operator=(const Converter &) = delete;

    bool is_open() const { return descriptor_ != reinterpret_cast<iconv_t>(-1); }

    // Convert text. Returns false with failed_at set to the input offset
    // of a character that has no equivalent in the target charset.
    bool convert(std::string_view text, std::string &out, std::size_t &failed_at)
    {
        out.assign(text.size() + 16, '\0');
        char *input = const_cast<char *>(text.data());
        std::size_t input_left = text.size();
        std::size_t written = 0;
        // The final call, with no input, ends a stateful encoding such as
        // ISO-2022-JP in its initial shift state.
        bool flushing = false;
        while (true) {
            char *output = out.data() + written;
            std::size_t output_left = out.size() - written;
            std::size_t result = flushing ? iconv(descriptor_, nullptr, nullptr, &output, &output_left)
                                          : iconv(descriptor_, &input, &input_left, &output, &output_left);
            written = out.size() - output_left;
            if (result != static_cast<std::size_t>(-1)) {
                if (flushing)
                    break;
                flushing = true;
                continue;
            }
            if (errno == E2BIG) {
                out.resize(out.size() * 2);
                continue;
            }
            // EILSEQ: no equivalent. EINVAL: an incomplete sequence at the
            // end, which valid UTF-8 input cannot have.
            failed_at = text.size() - input_left;
            return false;
        }
        out.resize(written);
        return true;
    }

private:
    iconv_t descriptor_;
};

}  // namespace

Charset::Charset(std::string_view name)
{
    if (!is_token(name) || name.size() > kMaxCharsetNameLength)
        throw InvalidInput("invalid charset name " + quote_for_error(name) +
                           ": expected a MIME charset name such as ISO-8859-1, at most " +
                           std::to_string(kMaxCharsetNameLength) + " characters");
    name_ = to_upper_ascii(name);
    utf8_ = name_ == "UTF-8" || name_ == "UTF8";
    if (utf8_) {
        name_ = "UTF-8";
        return;
    }

    Converter converter(name_);
    if (!converter.is_open())
        throw InvalidInput("unknown charset " + quote_for_error(name) +
                           ": iconv cannot convert UTF-8 to it; `iconv --list` shows the known names");
    std::string probe;
    std::size_t failed_at = 0;
    if (!converter.convert(kAsciiProbe, probe, failed_at) || probe != kAsciiProbe)
        throw InvalidInput("charset " + quote_for_error(name) +
                           " cannot be used for mail: it does not write ASCII text as ASCII");
}

std::string Charset::from_utf8(std::string_view text, std::string_view part) const
{
    if (utf8_)
        return std::string(text);

    Converter converter(name_);
    if (!converter.is_open())
        throw InvalidInput("converting " + std::string(part) + " to " + name_ + " failed: " + std::strerror(errno));
    std::string out;
    std::size_t failed_at = 0;
    if (!converter.convert(text, out, failed_at)) {
        std::size_t length = std::max<std::size_t>(utf8_sequence_length(text, failed_at), 1);
        throw InvalidInput(std::string(part) + " cannot be converted to charset " + name_ + ": " +
                           code_point_name(text, failed_at) + " " + quote_for_error(text.substr(failed_at, length)) +
                           " at byte " + std::to_string(failed_at) +
                           " has no equivalent there; remove the character or keep the default charset UTF-8");
    }
    return out;
}

}  // namespace mailbridge::mime

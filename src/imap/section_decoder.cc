#include "imap/section_decoder.h"

#include <cctype>

namespace mailbridge::imap {

namespace {

int base64_value(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == '/')
        return 63;
    return -1;
}

int hex_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    // RFC 2045 requires upper case, but lower case is common and unambiguous.
    c = static_cast<unsigned char>(std::toupper(c));
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

}  // namespace

SectionDecoder::Encoding SectionDecoder::encoding_for(std::string_view transfer_encoding)
{
    std::string name;
    for (char c : transfer_encoding)
        name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name == "base64")
        return Encoding::base64;
    if (name == "quoted-printable")
        return Encoding::quoted_printable;
    return Encoding::identity;
}

void SectionDecoder::feed(std::string_view input, std::string &out)
{
    switch (encoding_) {
    case Encoding::identity: out.append(input); break;
    case Encoding::base64: feed_base64(input, out); break;
    case Encoding::quoted_printable: feed_quoted_printable(input, out); break;
    }
}

void SectionDecoder::feed_base64(std::string_view input, std::string &out)
{
    for (unsigned char c : input) {
        if (c == '=') {
            // Padding ends the data, and the leftover bits of a partial group are dropped.
            base64_ended_ = true;
            continue;
        }
        int value = base64_value(c);
        if (value < 0 || base64_ended_)
            continue;
        bits_ = (bits_ << 6) | static_cast<unsigned>(value);
        bit_count_ += 6;
        if (bit_count_ >= 8) {
            bit_count_ -= 8;
            out += static_cast<char>((bits_ >> bit_count_) & 0xFF);
            bits_ &= (1u << bit_count_) - 1;
        }
    }
}

void SectionDecoder::feed_quoted_printable(std::string_view input, std::string &out)
{
    for (char c : input) {
        if (!escape_.empty()) {
            escape_ += c;
            if (escape_ == "=\r")
                continue;
            if (escape_ == "=\n" || escape_ == "=\r\n") {
                escape_.clear();  // a soft line break
                continue;
            }
            if (escape_.size() == 2 && hex_value(static_cast<unsigned char>(escape_[1])) >= 0)
                continue;
            if (escape_.size() == 3 && hex_value(static_cast<unsigned char>(escape_[1])) >= 0 &&
                hex_value(static_cast<unsigned char>(escape_[2])) >= 0) {
                out += static_cast<char>(hex_value(static_cast<unsigned char>(escape_[1])) * 16 +
                                         hex_value(static_cast<unsigned char>(escape_[2])));
                escape_.clear();
                continue;
            }
            // Not an escape: keep the "=" and read the rest again as text,
            // because it may start a line break or another escape.
            std::string rest = escape_.substr(1);
            escape_.clear();
            out += '=';
            feed_quoted_printable(rest, out);
            continue;
        }
        if (c == ' ' || c == '\t') {
            whitespace_ += c;
            continue;
        }
        if (c == '\r' || c == '\n') {
            // RFC 2045 6.7 rule 3: trailing whitespace on a line was added in
            // transport and is removed.
            whitespace_.clear();
            out += c;
            continue;
        }
        out += whitespace_;
        whitespace_.clear();
        if (c == '=')
            escape_ = "=";
        else
            out += c;
    }
}

void SectionDecoder::finish(std::string &out)
{
    if (encoding_ == Encoding::quoted_printable) {
        // Whitespace at the very end is trailing whitespace of the last line.
        // A lone "=" or "=\r" at the end is a soft line break; "=X" is kept as text.
        whitespace_.clear();
        if (escape_.size() == 2 && escape_ != "=\r")
            out += escape_;
        escape_.clear();
    }
}

}  // namespace mailbridge::imap

#include "mimeparse/transfer_decoding.h"

#include <algorithm>

#include <openssl/evp.h>

namespace mailbridge::mimeparse {
namespace {

bool is_base64_char(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}

bool is_whitespace(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

// Decodes groups, a multiple of 4 base64 characters without padding, with
// OpenSSL. EVP_DecodeBlock takes an int length, so the input goes in pieces
// of whole groups.
void decode_groups(std::string_view groups, std::string &out)
{
    constexpr std::size_t piece_size = std::size_t{4} << 20;
    for (std::size_t offset = 0; offset < groups.size(); offset += piece_size) {
        std::size_t piece = std::min(piece_size, groups.size() - offset);
        std::size_t start = out.size();
        out.resize(start + piece / 4 * 3);
        int length = EVP_DecodeBlock(reinterpret_cast<unsigned char *>(&out[start]),
                                     reinterpret_cast<const unsigned char *>(groups.data() + offset),
                                     static_cast<int>(piece));
        // The callers pass only alphabet characters, which EVP_DecodeBlock always
        // accepts. A failure would yield no bytes rather than garbage.
        out.resize(start + (length < 0 ? 0 : static_cast<std::size_t>(length)));
    }
}

}  // namespace

void Base64Decoder::feed(std::string_view chunk, std::string &out)
{
    for (char c : chunk) {
        auto byte = static_cast<unsigned char>(c);
        if (is_base64_char(byte)) {
            if (after_padding_) {
                data_after_padding_ = true;
                after_padding_ = false;
            }
            pending_.push_back(c);
        } else if (c == '=') {
            flush_partial_group(out);
            after_padding_ = true;
        } else if (!is_whitespace(byte)) {
            ++invalid_;
        }
    }
    std::size_t whole = pending_.size() / 4 * 4;
    decode_groups(std::string_view(pending_).substr(0, whole), out);
    pending_.erase(0, whole);
}

// Pads the incomplete last group to 4 characters, decodes it and drops the
// zero bytes that the padding stands for.
void Base64Decoder::flush_partial_group(std::string &out)
{
    std::size_t whole = pending_.size() / 4 * 4;
    decode_groups(std::string_view(pending_).substr(0, whole), out);
    pending_.erase(0, whole);
    if (pending_.size() == 1)
        ++invalid_;
    if (pending_.size() >= 2) {
        std::size_t bytes = pending_.size() - 1;
        pending_.append(4 - pending_.size(), 'A');
        std::string group;
        decode_groups(pending_, group);
        out.append(group, 0, bytes);
    }
    pending_.clear();
}

void Base64Decoder::finish(std::string &out)
{
    flush_partial_group(out);
    after_padding_ = false;
}

void QuotedPrintableDecoder::feed(std::string_view chunk, std::string &out)
{
    for (char c : chunk)
        process(c, out);
}

void QuotedPrintableDecoder::flush_whitespace(std::string &out)
{
    out += whitespace_;
    whitespace_.clear();
}

void QuotedPrintableDecoder::process(char c, std::string &out)
{
    switch (state_) {
    case State::text:
        if (c == ' ' || c == '\t') {
            whitespace_.push_back(c);
            if (whitespace_.size() > max_pending_whitespace)
                flush_whitespace(out);
        } else if (c == '\r' || c == '\n') {
            whitespace_.clear();  // rule 3: trailing whitespace is padding
            out.push_back(c);
        } else if (c == '=') {
            flush_whitespace(out);
            state_ = State::equals;
        } else {
            flush_whitespace(out);
            out.push_back(c);
        }
        return;

    case State::equals:
        if (hex_value(c) >= 0) {
            first_hex_ = c;
            state_ = State::equals_hex;
        } else if (c == ' ' || c == '\t') {
            whitespace_.push_back(c);
            state_ = State::equals_whitespace;
        } else if (c == '\r') {
            state_ = State::equals_cr;
        } else if (c == '\n') {
            state_ = State::text;
        } else {
            ++invalid_;
            out.push_back('=');
            state_ = State::text;
            process(c, out);
        }
        return;

    case State::equals_hex:
        state_ = State::text;
        if (hex_value(c) >= 0) {
            out.push_back(static_cast<char>(hex_value(first_hex_) * 16 + hex_value(c)));
        } else {
            ++invalid_;
            out.push_back('=');
            out.push_back(first_hex_);
            process(c, out);
        }
        return;

    case State::equals_whitespace:
        if (c == ' ' || c == '\t') {
            whitespace_.push_back(c);
            if (whitespace_.size() > max_pending_whitespace) {
                ++invalid_;
                out.push_back('=');
                flush_whitespace(out);
                state_ = State::text;
            }
        } else if (c == '\r') {
            whitespace_.clear();
            state_ = State::equals_cr;
        } else if (c == '\n') {
            whitespace_.clear();
            state_ = State::text;
        } else {
            // "= x": not a soft line break, so the "=" and the spaces are text.
            ++invalid_;
            out.push_back('=');
            flush_whitespace(out);
            state_ = State::text;
            process(c, out);
        }
        return;

    case State::equals_cr:
        state_ = State::text;
        if (c != '\n')
            process(c, out);  // "=" CR without LF still ends the line softly
        return;
    }
}

void QuotedPrintableDecoder::finish(std::string &out)
{
    if (state_ == State::equals_hex) {
        ++invalid_;
        out.push_back('=');
        out.push_back(first_hex_);
    }
    whitespace_.clear();
    state_ = State::text;
}

std::string decode_base64_body(std::string_view text)
{
    Base64Decoder decoder;
    std::string out;
    decoder.feed(text, out);
    decoder.finish(out);
    return out;
}

std::string decode_quoted_printable_body(std::string_view text)
{
    QuotedPrintableDecoder decoder;
    std::string out;
    decoder.feed(text, out);
    decoder.finish(out);
    return out;
}

}  // namespace mailbridge::mimeparse

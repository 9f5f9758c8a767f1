// libFuzzer target for the received-mail parsers in src/mimeparse: the
// header block parser, the c-client address list parser and writer, RFC
// 2047 and RFC 2231 decoding, the Content-* field parsers, the streaming
// transfer decoders and ext/imap's helpers.
//
// Input layout: byte 0 is the offset (scaled to the input) at which the
// input is split for the incremental parsers, byte 1 selects small limits
// when its high bit is set, and the remaining bytes are the text. Every
// incremental parser must produce the same result whole and split, every
// output documented as UTF-8 must be valid UTF-8, and every limit must hold.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "mimeparse/address_list.h"
#include "mimeparse/charset.h"
#include "mimeparse/content_fields.h"
#include "mimeparse/encoded_words.h"
#include "mimeparse/ext_imap.h"
#include "mimeparse/header_block.h"
#include "mimeparse/transfer_decoding.h"

using namespace mailbridge::mimeparse;

namespace {

// abort() rather than assert() so that the checks stay in release builds.
void check(bool condition)
{
    if (!condition)
        std::abort();
}

void check_utf8(const std::string &text)
{
    std::size_t replaced = 0;
    check(repair_utf8(text, &replaced) == text);
    check(replaced == 0);
}

HeaderBlock parse_headers_split(std::string_view text, std::size_t split, const HeaderLimits &limits,
                                std::size_t &consumed_total)
{
    HeaderParser parser(limits);
    consumed_total = 0;
    for (std::string_view piece : {text.substr(0, split), text.substr(split)}) {
        std::size_t consumed = 0;
        HeaderParser::Status status = parser.feed(piece, consumed);
        check(consumed <= piece.size());
        consumed_total += consumed;
        if (status == HeaderParser::Status::complete)
            break;
        check(consumed == piece.size());
    }
    parser.finish();
    return parser.take();
}

void fuzz_headers(std::string_view text, std::size_t split, const HeaderLimits &limits)
{
    std::size_t body_offset = 0;
    HeaderBlock whole = parse_header_block(text, limits, &body_offset);
    std::size_t consumed = 0;
    HeaderBlock halves = parse_headers_split(text, split, limits, consumed);
    check(body_offset == consumed);
    check(body_offset <= text.size());
    check(whole.fields.size() == halves.fields.size());
    check(whole.malformed_lines == halves.malformed_lines);
    check(whole.truncated_lines == halves.truncated_lines);
    check(whole.dropped_fields == halves.dropped_fields);
    check(whole.ended_by_blank_line == halves.ended_by_blank_line);
    check(whole.fields.size() <= limits.max_fields);

    std::size_t stored = 0;
    for (std::size_t i = 0; i < whole.fields.size(); ++i) {
        const HeaderField &field = whole.fields[i];
        check(field.name == halves.fields[i].name);
        check(field.raw_value == halves.fields[i].raw_value);
        check(!field.name.empty());
        check(field.raw_value.size() <= limits.max_field_length);
        stored += field.name.size() + field.raw_value.size();
        check_utf8(field.decoded_value());
        check(whole.find(field.name) != nullptr);
    }
    check(stored <= limits.max_total_size);
}

void fuzz_addresses(std::string_view text, const AddressListLimits &limits)
{
    AddressList list = parse_address_list(text, "default.example", limits);
    check(list.addresses.size() <= limits.max_addresses);
    std::size_t open_groups = 0;
    for (const Address &address : list.addresses) {
        if (address.is_group_start())
            ++open_groups;
        if (address.host)
            check(address.mailbox.has_value());
        if (address.is_group_end() && open_groups > 0)
            --open_groups;
    }
    std::string written = write_address_list(list.addresses);
    check(list.addresses.empty() || !written.empty() || list.addresses.front().is_group_end());
}

void fuzz_fields(std::string_view text, const ParameterLimits &limits)
{
    ContentType type = parse_content_type(text, limits);
    check(!type.type.empty() && !type.subtype.empty());
    check(type.parameters.size() <= limits.max_parameters);
    for (const Parameter &parameter : type.parameters) {
        check_utf8(parameter.value);
        check(find_parameter(type.parameters, parameter.name) != nullptr);
    }
    ContentDisposition disposition = parse_content_disposition(text, limits);
    for (const Parameter &parameter : disposition.parameters)
        check_utf8(parameter.value);
    check_utf8(part_filename(type, disposition));
    parse_content_transfer_encoding(text);
}

// Converts the text after the split from a charset named by up to 12 bytes
// before it, whole and split at the middle, with CharsetDecoder.
void fuzz_charset(std::string_view text, std::size_t split)
{
    std::string_view label = text.substr(split > 12 ? split - 12 : 0, std::min<std::size_t>(split, 12));
    std::string_view bytes = text.substr(split);
    CharsetConversion whole = convert_to_utf8(label, bytes);
    check_utf8(whole.text);

    CharsetDecoder decoder(label);
    std::string halves;
    decoder.feed(bytes.substr(0, bytes.size() / 2), halves);
    decoder.feed(bytes.substr(bytes.size() / 2), halves);
    decoder.finish(halves);
    check(halves == whole.text);
    check(decoder.replaced() == whole.replaced);
}

template <typename Decoder>
void fuzz_decoder(std::string_view text, std::size_t split)
{
    Decoder whole;
    std::string whole_out;
    whole.feed(text, whole_out);
    whole.finish(whole_out);

    Decoder halves;
    std::string halves_out;
    halves.feed(text.substr(0, split), halves_out);
    halves.feed(text.substr(split), halves_out);
    halves.finish(halves_out);
    check(whole_out == halves_out);
    check(whole.invalid_count() == halves.invalid_count());
    check(whole_out.size() <= text.size());
}

void fuzz_ext_imap(std::string_view text)
{
    auto segments = ext_imap::mime_header_decode(text);
    if (segments) {
        for (const auto &segment : *segments) {
            check(segment.text.find('\0') == std::string::npos);
            check(segment.charset.find('\0') == std::string::npos);
        }
    }
    auto base64 = ext_imap::base64_decode(text);
    if (base64)
        check(base64->size() <= text.size());
    check(ext_imap::qprint_decode(text).size() <= text.size());

    AddressListLimits limits;
    limits.max_addresses = 64;
    ext_imap::Envelope envelope = ext_imap::parse_rfc822_headers(text, "default.example", limits);
    if (envelope.subject)
        check(envelope.subject->find('\0') == std::string::npos);
    if (!envelope.from.empty()) {
        check(!envelope.sender.empty());
        check(!envelope.reply_to.empty());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    std::string_view text(reinterpret_cast<const char *>(data + 2), size - 2);
    std::size_t split = text.empty() ? 0 : static_cast<std::size_t>(data[0]) * text.size() / 255;
    bool small = (data[1] & 0x80) != 0;

    HeaderLimits header_limits;
    AddressListLimits address_limits;
    ParameterLimits parameter_limits;
    if (small) {
        header_limits.max_line_length = 1 + (data[1] & 0x0f);
        header_limits.max_field_length = 1 + (data[1] & 0x1f) * 2;
        header_limits.max_fields = data[1] & 0x07;
        header_limits.max_total_size = 8 + (data[1] & 0x3f);
        address_limits.max_addresses = 1 + (data[1] & 0x07);
        address_limits.max_group_depth = data[1] & 0x03;
        parameter_limits.max_parameters = 1 + (data[1] & 0x03);
        parameter_limits.max_sections = 1 + (data[1] & 0x07);
    }

    fuzz_headers(text, split, header_limits);
    fuzz_addresses(text, address_limits);
    fuzz_fields(text, parameter_limits);
    check_utf8(decode_encoded_words(text));
    check_utf8(decode_encoded_words(text, "iso-8859-1"));
    fuzz_charset(text, split);
    fuzz_decoder<Base64Decoder>(text, split);
    fuzz_decoder<QuotedPrintableDecoder>(text, split);
    fuzz_ext_imap(text);
    return 0;
}

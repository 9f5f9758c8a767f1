// libFuzzer target for the IMAP response parser.
//
// Input layout: byte 0 selects the limits, byte 1 the literal sink threshold,
// byte 2 the offset at which the server output is split in two, and the
// remaining bytes are that output. The output is parsed twice, in one piece
// and split in two, and both runs must produce the same responses, the same
// sink contents, the same final status, error and number of consumed bytes.
// Each response is checked against the limits and the value invariants. The
// modified UTF-7 functions run on the output and on every quoted string in it,
// and must round-trip whatever they accept. Every response also goes through
// the typed result readers of imap/results.h, which must not crash on any
// value tree and must keep their own invariants.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "imap/response.h"
#include "imap/results.h"
#include "imap/utf7.h"

using mailbridge::imap::LiteralChunk;
using mailbridge::imap::Response;
using mailbridge::imap::ResponseKind;
using mailbridge::imap::ResponseLimits;
using mailbridge::imap::ResponseParser;
using mailbridge::imap::Value;
using mailbridge::imap::BodyStructure;
using mailbridge::imap::FetchedMessage;

namespace {

// abort() rather than assert() so that the checks stay in release builds.
void check(bool condition)
{
    if (!condition)
        std::abort();
}

struct ParseRun {
    std::vector<Response> responses;
    // Sink octets by response index, then literal index.
    std::map<size_t, std::map<size_t, std::string>> sinked;
    ResponseParser::Status last_status = ResponseParser::Status::need_more;
    std::string error;
    size_t consumed = 0;
};

// Whatever the decoder accepts must encode back to the same bytes, and
// whatever the encoder accepts must decode back to the same text.
void check_modified_utf7(const std::string &text)
{
    std::optional<std::string> decoded = mailbridge::imap::decode_modified_utf7(text);
    if (decoded) {
        std::optional<std::string> encoded = mailbridge::imap::encode_modified_utf7(*decoded);
        check(encoded.has_value() && *encoded == text);
    }
    std::optional<std::string> encoded = mailbridge::imap::encode_modified_utf7(text);
    if (encoded) {
        std::optional<std::string> round_trip = mailbridge::imap::decode_modified_utf7(*encoded);
        check(round_trip.has_value() && *round_trip == text);
    }
}

// Check one value and its children, counting the values and collecting the literals.
void check_value(const Value &value, const ResponseLimits &limits, size_t depth, size_t &elements,
                 std::vector<const Value *> &literals)
{
    ++elements;
    switch (value.kind) {
    case Value::Kind::nil:
        check(value.text.empty());
        break;
    case Value::Kind::atom:
        check(!value.text.empty());
        for (unsigned char c : value.text)
            check(c >= 0x20 && c != 0x7f);
        break;
    case Value::Kind::number:
        check(!value.text.empty() && value.text.find_first_not_of("0123456789") == std::string::npos);
        check(std::stoull(value.text) == value.number);
        break;
    case Value::Kind::string:
        check_modified_utf7(value.text);
        break;
    case Value::Kind::literal:
        check(value.literal_size <= limits.max_literal_size);
        if (value.in_sink)
            check(value.text.empty());
        else
            check(value.text.size() == value.literal_size);
        literals.push_back(&value);
        break;
    case Value::Kind::list:
        check(depth < limits.max_depth);
        for (const Value &item : value.items)
            check_value(item, limits, depth + 1, elements, literals);
        break;
    }
    if (value.kind != Value::Kind::list)
        check(value.items.empty());
    if (value.kind != Value::Kind::literal)
        check(value.literal_size == 0 && !value.in_sink && !value.literal8);
}

void check_response(const Response &response, const ResponseLimits &limits, const std::map<size_t, std::string> &sinked)
{
    size_t elements = 0;
    std::vector<const Value *> literals;
    for (const Value &value : response.data)
        check_value(value, limits, 0, elements, literals);
    check(elements <= limits.max_elements);

    // Literals are numbered in the order of a depth-first walk.
    for (size_t i = 0; i < literals.size(); ++i) {
        check(literals[i]->literal_index == i);
        auto found = sinked.find(i);
        if (literals[i]->in_sink)
            check(found != sinked.end() && found->second.size() == literals[i]->literal_size);
        else
            check(found == sinked.end());
    }
    check(sinked.size() <= literals.size());

    if (response.kind == ResponseKind::tagged) {
        check(!response.tag.empty());
        check(response.name == "OK" || response.name == "NO" || response.name == "BAD");
    }
    if (response.kind == ResponseKind::continuation)
        check(response.name.empty());
    if (response.is_status() || response.kind == ResponseKind::continuation) {
        check(response.data.empty());
        check(response.text.find('\n') == std::string::npos);
    } else {
        check(!response.code.has_value() && response.text.empty());
    }
    if (response.code && !response.code->arguments_valid)
        check(response.code->arguments.empty());
}

// Every part of a body structure has a section below its parent's, and a
// multipart node has at least one part.
void check_body_structure(const BodyStructure &body)
{
    if (body.is_multipart())
        check(!body.parts.empty());
    for (const BodyStructure &part : body.parts) {
        check(!part.section.empty());
        check(body.section.empty() || part.section.compare(0, body.section.size(), body.section) == 0);
        check_body_structure(part);
    }
}

// Run the readers of imap/results.h over a response.
void read_results(const Response &response)
{
    std::map<uint32_t, FetchedMessage> messages;
    mailbridge::imap::merge_fetch(response, messages);
    check(messages.size() <= 1);
    for (const auto &entry : messages) {
        check(entry.first == entry.second.sequence);
        if (entry.second.body_structure)
            check_body_structure(*entry.second.body_structure);
        for (const auto &section : entry.second.sections)
            check(!section.nil || section.data.empty());
    }
    for (bool utf8 : {false, true}) {
        if (auto info = mailbridge::imap::read_list(response, utf8))
            check(utf8 || info->name_decoded || info->name == info->raw_name);
        mailbridge::imap::read_status(response, utf8);
    }
    std::vector<uint32_t> numbers;
    mailbridge::imap::read_search(response, numbers);
    mailbridge::imap::SelectedMailbox mailbox;
    mailbridge::imap::apply_to_mailbox(response, mailbox);
    for (const Value &value : response.data) {
        mailbridge::imap::read_envelope(value);
        if (auto body = mailbridge::imap::read_body_structure(value))
            check_body_structure(*body);
    }
}

// Feed each nonempty piece in turn, taking responses until the pieces are
// used up or the parser reports an error.
ParseRun parse_pieces(const std::vector<std::string> &pieces, const ResponseLimits &limits, bool use_sink,
                      uint64_t sink_threshold)
{
    ResponseParser parser(limits);
    ParseRun run;
    if (use_sink) {
        parser.set_literal_sink(sink_threshold, [&run](const LiteralChunk &chunk) {
            std::string &data = run.sinked[run.responses.size()][chunk.literal_index];
            check(chunk.offset == data.size());
            check(!chunk.data.empty());
            check(chunk.offset + chunk.data.size() <= chunk.literal_size);
            data.append(chunk.data.data(), chunk.data.size());
            return true;
        });
    }

    for (const std::string &piece : pieces) {
        size_t offset = 0;
        while (offset < piece.size()) {
            size_t consumed = 0;
            size_t remaining = piece.size() - offset;
            run.last_status = parser.feed(piece.data() + offset, remaining, consumed);
            check(consumed <= remaining);
            offset += consumed;
            run.consumed += consumed;

            if (run.last_status == ResponseParser::Status::need_more) {
                check(consumed == remaining);
                check(parser.in_progress());
            } else if (run.last_status == ResponseParser::Status::complete) {
                check(consumed > 0);
                check(!parser.in_progress());
                Response response = parser.take();
                check_response(response, limits, run.sinked[run.responses.size()]);
                read_results(response);
                run.responses.push_back(std::move(response));
            } else {
                check(!parser.error_message().empty());
                check(!parser.in_progress());
                run.error = parser.error_message();
                return run;
            }
        }
    }
    return run;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;

    // Small limits for half of the inputs, so that the limit errors are reached.
    ResponseLimits limits;
    uint8_t selector = data[0];
    if ((selector & 0x80) == 0) {
        limits.max_line_length = 8 + (selector & 0x1f) * 4;
        limits.max_literal_size = (selector >> 5) & 0x03 ? 64 : 3;
        limits.max_depth = 1 + (selector & 0x07);
        limits.max_elements = 4 + (selector & 0x3f);
    }
    bool use_sink = (data[1] & 0x80) != 0;
    uint64_t sink_threshold = data[1] & 0x0f;

    std::string input(reinterpret_cast<const char *>(data + 3), size - 3);
    check_modified_utf7(input);
    size_t split = input.empty() ? 0 : static_cast<size_t>(data[2]) * input.size() / 255;

    ParseRun whole = parse_pieces({input}, limits, use_sink, sink_threshold);
    ParseRun halves = parse_pieces({input.substr(0, split), input.substr(split)}, limits, use_sink, sink_threshold);

    check(whole.consumed <= input.size());
    if (whole.last_status != ResponseParser::Status::error)
        check(whole.consumed == input.size());
    check(whole.last_status == halves.last_status);
    check(whole.consumed == halves.consumed);
    check(whole.error == halves.error);
    check(whole.responses == halves.responses);
    // A run that ends inside a literal may leave a partial entry for the
    // unfinished response, and it too must match.
    check(whole.sinked == halves.sinked);
    return 0;
}

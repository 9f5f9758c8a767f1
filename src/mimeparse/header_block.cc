#include "mimeparse/header_block.h"

#include <algorithm>

#include "mimeparse/encoded_words.h"

namespace mailbridge::mimeparse {
namespace {

bool equals_ignoring_case(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i];
        char y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = static_cast<char>(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return true;
}

bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

// RFC 5322 section 3.6.8: a field name is printable ASCII except colon.
bool is_field_name(std::string_view name)
{
    if (name.empty())
        return false;
    for (char c : name) {
        auto byte = static_cast<unsigned char>(c);
        if (byte < 33 || byte > 126 || c == ':')
            return false;
    }
    return true;
}

}  // namespace

std::string HeaderField::value() const
{
    std::string out;
    out.reserve(raw_value.size());
    for (std::size_t i = 0; i < raw_value.size(); ++i) {
        char c = raw_value[i];
        if (c == '\n')
            continue;
        if (c == '\r' && i + 1 < raw_value.size() && raw_value[i + 1] == '\n')
            continue;
        out.push_back(c);
    }
    std::size_t start = 0;
    while (start < out.size() && is_blank(out[start]))
        ++start;
    std::size_t end = out.size();
    while (end > start && is_blank(out[end - 1]))
        --end;
    return out.substr(start, end - start);
}

std::string HeaderField::decoded_value(std::string_view raw_charset) const
{
    return decode_encoded_words(value(), raw_charset);
}

const HeaderField *HeaderBlock::find(std::string_view name) const
{
    for (const HeaderField &field : fields) {
        if (equals_ignoring_case(field.name, name))
            return &field;
    }
    return nullptr;
}

std::vector<const HeaderField *> HeaderBlock::find_all(std::string_view name) const
{
    std::vector<const HeaderField *> found;
    for (const HeaderField &field : fields) {
        if (equals_ignoring_case(field.name, name))
            found.push_back(&field);
    }
    return found;
}

HeaderParser::Status HeaderParser::feed(std::string_view data, std::size_t &consumed)
{
    consumed = 0;
    while (!complete_ && consumed < data.size()) {
        std::string_view rest = data.substr(consumed);
        std::size_t line_feed = rest.find('\n');
        std::string_view piece = line_feed == std::string_view::npos ? rest : rest.substr(0, line_feed);

        // One byte past the limit is kept, so that a CR before the LF is not
        // mistaken for line content that is too long.
        std::size_t room = limits_.max_line_length + 1 - std::min(line_.size(), limits_.max_line_length + 1);
        if (piece.size() > room)
            line_overflow_ = true;
        line_.append(piece.substr(0, room));
        if (!piece.empty())
            last_byte_cr_ = piece.back() == '\r';

        if (line_feed == std::string_view::npos) {
            consumed = data.size();
            break;
        }
        consumed += line_feed + 1;
        end_line(true);
    }
    return complete_ ? Status::complete : Status::need_more;
}

// Passes the buffered line to process_line() without its CR and clears it.
void HeaderParser::end_line(bool had_line_feed)
{
    bool crlf = last_byte_cr_ && had_line_feed;
    if (last_byte_cr_ && !line_.empty() && line_.back() == '\r' && !line_overflow_)
        line_.pop_back();
    if (line_.size() > limits_.max_line_length) {
        line_.resize(limits_.max_line_length);
        line_overflow_ = true;
    }
    if (line_overflow_)
        ++block_.truncated_lines;
    process_line(line_, crlf);
    line_.clear();
    line_overflow_ = false;
    last_byte_cr_ = false;
}

void HeaderParser::process_line(std::string_view line, bool crlf)
{
    if (first_line_) {
        first_line_ = false;
        // An mbox separator before the first field.
        if (line.substr(0, 5) == "From ")
            return;
    }
    if (line.empty()) {
        end_field();
        block_.ended_by_blank_line = true;
        complete_ = true;
        return;
    }
    if (is_blank(line[0])) {
        if (!have_field_) {
            ++block_.malformed_lines;
            return;
        }
        append_to_field(crlf ? "\r\n" : "\n");
        append_to_field(line);
        return;
    }
    end_field();
    start_field(line);
}

void HeaderParser::start_field(std::string_view line)
{
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
        ++block_.malformed_lines;
        return;
    }
    // RFC 5322 section 4.5.1 (obsolete syntax): whitespace before the colon.
    std::string_view name = line.substr(0, colon);
    while (!name.empty() && is_blank(name.back()))
        name.remove_suffix(1);
    if (!is_field_name(name)) {
        ++block_.malformed_lines;
        return;
    }
    field_.name.assign(name);
    field_.raw_value.clear();
    field_overflow_ = false;
    have_field_ = true;
    append_to_field(line.substr(colon + 1));
}

void HeaderParser::append_to_field(std::string_view text)
{
    std::size_t room = limits_.max_field_length - std::min(field_.raw_value.size(), limits_.max_field_length);
    if (text.size() > room && !field_overflow_) {
        field_overflow_ = true;
        ++block_.truncated_lines;
    }
    field_.raw_value.append(text.substr(0, room));
}

void HeaderParser::end_field()
{
    if (!have_field_)
        return;
    have_field_ = false;
    std::size_t size = field_.name.size() + field_.raw_value.size();
    if (block_.fields.size() >= limits_.max_fields || size > limits_.max_total_size - std::min(stored_size_, limits_.max_total_size)) {
        ++block_.dropped_fields;
        return;
    }
    stored_size_ += size;
    block_.fields.push_back(std::move(field_));
    field_ = HeaderField();
}

void HeaderParser::finish()
{
    if (complete_)
        return;
    if (!line_.empty() || line_overflow_)
        end_line(false);
    if (!complete_) {
        end_field();
        complete_ = true;
    }
}

HeaderBlock HeaderParser::take()
{
    HeaderBlock block = std::move(block_);
    HeaderLimits limits = limits_;
    *this = HeaderParser(limits);
    return block;
}

HeaderBlock parse_header_block(std::string_view text, const HeaderLimits &limits, std::size_t *body_offset)
{
    HeaderParser parser(limits);
    std::size_t consumed = 0;
    parser.feed(text, consumed);
    parser.finish();
    if (body_offset != nullptr)
        *body_offset = consumed;
    return parser.take();
}

}  // namespace mailbridge::mimeparse

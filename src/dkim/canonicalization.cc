#include "dkim/canonicalization.h"

#include <cctype>

namespace mailbridge::dkim {

namespace {

bool is_wsp(char c)
{
    return c == ' ' || c == '\t';
}

}  // namespace

void LineEndNormalizer::normalize(std::string_view chunk, std::string &out)
{
    out.reserve(out.size() + chunk.size() + 2);
    std::size_t pos = 0;
    if (pending_cr_ && !chunk.empty()) {
        pending_cr_ = false;
        out += "\r\n";
        at_line_start_ = true;
        if (chunk[0] == '\n')
            pos = 1;
    }
    // Runs without CR or LF are copied whole. Each CR, LF or CRLF becomes
    // CRLF, except a CR at the end of the chunk, which waits for the next
    // chunk to show whether an LF follows.
    while (pos < chunk.size()) {
        std::size_t end = pos;
        while (end < chunk.size() && chunk[end] != '\r' && chunk[end] != '\n')
            ++end;
        if (end > pos) {
            out.append(chunk, pos, end - pos);
            at_line_start_ = false;
        }
        if (end == chunk.size())
            return;
        if (chunk[end] == '\r' && end + 1 == chunk.size()) {
            pending_cr_ = true;
            return;
        }
        out += "\r\n";
        at_line_start_ = true;
        bool crlf = chunk[end] == '\r' && chunk[end + 1] == '\n';
        pos = end + (crlf ? 2 : 1);
    }
}

void LineEndNormalizer::finish(std::string &out)
{
    if (pending_cr_ || !at_line_start_)
        out += "\r\n";
    pending_cr_ = false;
    at_line_start_ = true;
}

std::string_view MessageSplitter::feed(std::string_view normalized)
{
    if (in_body_)
        return normalized;

    // The empty line may start at the very beginning (no header fields) or
    // straddle the previous call, so the search starts up to 3 bytes back.
    std::size_t old_size = header_block_.size();
    header_block_.append(normalized);
    if (header_block_.compare(0, 2, "\r\n") == 0) {
        in_body_ = true;
        header_block_.clear();
        return normalized.substr(2 - old_size);
    }
    std::size_t from = old_size < 3 ? 0 : old_size - 3;
    std::size_t end = header_block_.find("\r\n\r\n", from);
    if (end == std::string::npos)
        return {};

    in_body_ = true;
    std::size_t body_start = end + 4;  // offset in header_block_
    header_block_.resize(end + 2);
    return normalized.substr(body_start - old_size);
}

std::vector<HeaderField> parse_header_fields(std::string_view header_block)
{
    std::vector<HeaderField> fields;
    std::size_t position = 0;
    while (position < header_block.size()) {
        std::size_t line_end = header_block.find("\r\n", position);
        if (line_end == std::string_view::npos)
            line_end = header_block.size();
        std::string_view line = header_block.substr(position, line_end - position);
        bool continuation = !line.empty() && is_wsp(line.front()) && !fields.empty();
        if (continuation) {
            fields.back().text += "\r\n";
            fields.back().text.append(line);
        } else {
            HeaderField field;
            std::size_t colon = line.find(':');
            if (colon != std::string_view::npos) {
                std::string_view name = line.substr(0, colon);
                while (!name.empty() && is_wsp(name.back()))
                    name.remove_suffix(1);
                field.name = std::string(name);
            }
            field.text = std::string(line);
            fields.push_back(std::move(field));
        }
        position = line_end + 2;
    }
    return fields;
}

std::string canonicalize_header(Canonicalization method, std::string_view field)
{
    if (method == Canonicalization::simple)
        return std::string(field);

    std::string out;
    out.reserve(field.size());
    std::size_t colon = field.find(':');
    std::string_view name = field.substr(0, colon);
    while (!name.empty() && is_wsp(name.back()))
        name.remove_suffix(1);
    for (char c : name)
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (colon == std::string_view::npos)
        return out;
    out += ':';

    // Unfolding removes each CRLF. The white space around it then joins the
    // run that is reduced to one space, or dropped at either end of the value.
    bool pending_space = false;
    bool value_started = false;
    for (char c : field.substr(colon + 1)) {
        if (c == '\r' || c == '\n')
            continue;
        if (is_wsp(c)) {
            pending_space = value_started;
            continue;
        }
        if (pending_space)
            out += ' ';
        pending_space = false;
        value_started = true;
        out += c;
    }
    return out;
}

void BodyCanonicalizer::update(std::string_view chunk, std::string &out)
{
    bool relaxed = method_ == Canonicalization::relaxed;
    // Bytes that end a run of line content: CR, LF, and for relaxed also
    // space and tab, which collapse into one pending space.
    auto ends_run = [relaxed](char c) { return c == '\r' || c == '\n' || (relaxed && is_wsp(c)); };
    std::size_t pos = 0;
    while (pos < chunk.size()) {
        char c = chunk[pos];
        if (c == '\r') {
            ++pos;  // the input is CRLF-normalized, so the LF follows
            continue;
        }
        if (c == '\n') {
            if (line_has_content_) {
                out += "\r\n";
                wrote_anything_ = true;
            } else {
                ++pending_empty_lines_;
            }
            line_has_content_ = false;
            pending_space_ = false;
            ++pos;
            continue;
        }
        if (relaxed && is_wsp(c)) {
            pending_space_ = true;
            ++pos;
            continue;
        }

        std::size_t end = pos + 1;
        while (end < chunk.size() && !ends_run(chunk[end]))
            ++end;
        if (!line_has_content_) {
            for (; pending_empty_lines_ > 0; --pending_empty_lines_)
                out += "\r\n";
            // Relaxed keeps a run of white space at the start of a line as
            // one space, and simple never sets pending_space_.
            line_has_content_ = true;
        }
        if (pending_space_) {
            out += ' ';
            pending_space_ = false;
        }
        out.append(chunk, pos, end - pos);
        wrote_anything_ = true;
        pos = end;
    }
}

void BodyCanonicalizer::finish(std::string &out)
{
    // The normalized input always ends with CRLF, so no line is open here.
    if (method_ == Canonicalization::simple && !wrote_anything_)
        out += "\r\n";
    pending_empty_lines_ = 0;
}

}  // namespace mailbridge::dkim

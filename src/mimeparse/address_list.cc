#include "mimeparse/address_list.h"

#include <cstring>
#include <limits>

namespace mailbridge::mimeparse {
namespace {

// A parse position that c-client would hold as a NULL pointer: the parse is
// over.
constexpr std::size_t kNil = std::numeric_limits<std::size_t>::max();

constexpr char kEscape = '\x1b';

// c-client 2007f word delimiters: RFC 822 specials with space, without ".",
// plus the control characters.
bool is_word_special(char c)
{
    auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7f || std::strchr(" ()<>@,;:\\\"[]", c) != nullptr;
}

// c-client 2007f phrase specials: the RFC 822 specials with "." and the
// control characters, without space.
bool is_phrase_special(char c)
{
    auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7f || std::strchr("()<>@,;:\\\".[]", c) != nullptr;
}

// Returns text without double quotes and with each backslash pair reduced
// to its second byte (rfc822_cpy).
std::string unquote_text(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '"')
            continue;
        if (c == '\\') {
            if (++i >= text.size())
                break;
            c = text[i];
        }
        out.push_back(c);
    }
    return out;
}

enum class WordKind { addr_spec, phrase, domain_literal };

class CClientAddressParser {
public:
    CClientAddressParser(std::string_view text, std::string_view default_host, const AddressListLimits &limits)
        : buffer_(text.substr(0, text.find('\0'))), default_host_(default_host), limits_(limits)
    {
    }

    AddressList run();

private:
    // The byte at position, or NUL past the end, as a C string reads.
    char at(std::size_t position) const { return position < buffer_.size() ? buffer_[position] : '\0'; }
    // Up to 80 bytes from position, as c-client's "%.80s" prints them.
    std::string excerpt(std::size_t position) const
    {
        return position < buffer_.size() ? buffer_.substr(position, 80) : std::string();
    }
    void log(std::string message) { result_.errors.push_back(std::move(message)); }
    bool full() const { return result_.truncated; }
    void append(Address address);
    void append_marker(const char *mailbox);

    void skip_whitespace(std::size_t &position);
    std::optional<std::string> skip_comment(std::size_t &position, bool want_text);
    std::optional<std::size_t> parse_word(std::size_t position, WordKind kind);
    std::optional<std::size_t> parse_phrase(std::size_t position);
    std::string unquote(std::size_t start, std::size_t end) const;
    std::optional<std::string> parse_domain_part(std::size_t position, std::size_t &end);
    std::optional<std::string> parse_domain(std::size_t position, std::size_t &end);
    std::optional<Address> parse_addr_spec(std::size_t position, std::size_t &next);
    bool parse_route_addr(std::size_t position, std::size_t &next);
    bool parse_mailbox(std::size_t &position);
    bool parse_group(std::size_t &position, std::size_t depth);
    bool parse_address(std::size_t &position, std::size_t depth);

    std::string buffer_;
    std::string default_host_;
    AddressListLimits limits_;
    AddressList result_;
};

void CClientAddressParser::append(Address address)
{
    if (result_.addresses.size() >= limits_.max_addresses) {
        result_.truncated = true;
        return;
    }
    result_.addresses.push_back(std::move(address));
}

void CClientAddressParser::append_marker(const char *mailbox)
{
    Address marker;
    marker.mailbox = mailbox;
    marker.host = std::string(kSyntaxErrorHost);
    append(std::move(marker));
}

// Skips spaces, tabs, line breaks and comments (rfc822_skipws).
void CClientAddressParser::skip_whitespace(std::size_t &position)
{
    if (position == kNil)
        return;
    while (true) {
        char c = at(position);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            ++position;
        } else if (c == '(') {
            if (!skip_comment(position, false))
                return;
        } else {
            return;
        }
    }
}

// Skips the comment that starts at position, moving position past its ")".
// With want_text, returns the comment without its outer parentheses and
// without leading and trailing spaces (nested comments stay as they are).
// An unterminated comment is logged and cuts the input at its innermost
// unclosed "(", as c-client does, and nullopt is returned.
std::optional<std::string> CClientAddressParser::skip_comment(std::size_t &position, bool want_text)
{
    std::size_t text_start = position + 1;
    while (at(text_start) == ' ')
        ++text_start;
    std::size_t last_significant = kNil;  // last byte that is not a space, at depth 1
    std::vector<std::size_t> open{position};
    for (std::size_t i = position + 1;; ++i) {
        char c = at(i);
        if (c == '\0' || (c == '\\' && at(i + 1) == '\0')) {
            std::size_t innermost = open.back();
            log("Unterminated comment: " + excerpt(innermost));
            buffer_.resize(innermost);
            return std::nullopt;
        }
        if (c == '\\') {
            ++i;
            if (open.size() == 1)
                last_significant = i;
        } else if (c == '(') {
            open.push_back(i);
        } else if (c == ')') {
            open.pop_back();
            if (open.empty()) {
                position = i + 1;
                if (!want_text || last_significant == kNil)
                    return std::string();
                return buffer_.substr(text_start, last_significant + 1 - text_start);
            }
            if (open.size() == 1)
                last_significant = i;
        } else if (c != ' ' && open.size() == 1) {
            last_significant = i;
        }
    }
}

// Returns the end of the word at position (after leading whitespace), or
// nullopt when there is none (rfc822_parse_word). Quoted strings are part
// of a word. In a phrase, ISO-2022-JP escape sequences do not end a word.
std::optional<std::size_t> CClientAddressParser::parse_word(std::size_t position, WordKind kind)
{
    if (position == kNil)
        return std::nullopt;
    skip_whitespace(position);
    if (at(position) == '\0')
        return std::nullopt;
    const std::size_t start = position;
    std::size_t search = position;
    while (true) {
        std::size_t special = search;
        while (at(special) != '\0') {
            char c = at(special);
            bool is_special = kind == WordKind::domain_literal ? (c == ']' || c == '\\') : is_word_special(c);
            if (is_special)
                break;
            ++special;
        }
        if (at(special) == '\0')
            return buffer_.size();

        char c = at(special);
        if (kind == WordKind::phrase && c == kEscape) {
            search = special + 1;
            if (at(search) == '$' && (at(search + 1) == '@' || at(search + 1) == 'B')) {
                // Shift to JIS X 0208: the word runs to the shift back to ASCII.
                search += 2;
                std::size_t scan = search;
                bool shifted_back = false;
                while ((scan = buffer_.find(kEscape, scan)) != std::string::npos) {
                    ++scan;
                    if (at(scan) == '(' && (at(scan + 1) == 'B' || at(scan + 1) == 'J' || at(scan + 1) == 'H')) {
                        search = scan + 2;
                        shifted_back = true;
                        break;
                    }
                }
                if (!shifted_back || at(search) == '\0')
                    return buffer_.size();
            } else if (at(search) == '(' && (at(search + 1) == 'B' || at(search + 1) == 'J' || at(search + 1) == 'H')) {
                search += 2;
            }
            continue;
        }
        if (c == '"') {
            std::size_t i = special + 1;
            while (at(i) != '"') {
                if (at(i) == '\0')
                    return std::nullopt;
                if (at(i) == '\\') {
                    ++i;
                    if (at(i) == '\0')
                        return std::nullopt;
                }
                ++i;
            }
            search = i + 1;
            continue;
        }
        if (c == '\\' && at(special + 1) != '\0') {
            search = special + 2;
            continue;
        }
        if (special == start)
            return std::nullopt;
        return special;
    }
}

// Returns the end of the last word of the phrase at position (rfc822_parse_phrase).
std::optional<std::size_t> CClientAddressParser::parse_phrase(std::size_t position)
{
    std::optional<std::size_t> end = parse_word(position, WordKind::phrase);
    while (end && at(*end) != '\0') {
        std::size_t next = *end;
        skip_whitespace(next);
        std::optional<std::size_t> word_end = parse_word(next, WordKind::phrase);
        if (!word_end)
            break;
        end = word_end;
    }
    return end;
}

std::string CClientAddressParser::unquote(std::size_t start, std::size_t end) const
{
    if (start >= buffer_.size() || end <= start)
        return {};
    return unquote_text(std::string_view(buffer_).substr(start, end - start));
}

// Parses one domain label or domain literal. end is set past it; an empty
// literal sets end to kNil as c-client sets its pointer to NULL.
std::optional<std::string> CClientAddressParser::parse_domain_part(std::size_t position, std::size_t &end)
{
    skip_whitespace(position);
    if (at(position) == '[') {
        std::optional<std::size_t> close = parse_word(position + 1, WordKind::domain_literal);
        if (!close) {
            end = kNil;
            log("Empty domain literal");
            return std::nullopt;
        }
        end = *close;
        if (at(*close) != ']') {
            log("Unterminated domain literal");
            return std::nullopt;
        }
        end = *close + 1;
        return buffer_.substr(position, end - position);
    }
    std::optional<std::size_t> word_end = parse_word(position, WordKind::addr_spec);
    if (!word_end) {
        log("Missing or invalid host name after @");
        return std::nullopt;
    }
    end = *word_end;
    return unquote(position, *word_end);
}

// Parses a domain: a label or literal, then ". label" parts while they
// follow (rfc822_parse_domain). c-client recurses for each dot; this loop
// gives the same domain and end position. A literal first part takes no
// dotted parts after it.
std::optional<std::string> CClientAddressParser::parse_domain(std::size_t position, std::size_t &end)
{
    skip_whitespace(position);
    bool literal = at(position) == '[';
    std::optional<std::string> domain = parse_domain_part(position, end);
    if (!domain || literal)
        return domain;
    std::size_t next = end;
    skip_whitespace(next);
    while (at(next) == '.') {
        ++next;
        skip_whitespace(next);
        std::size_t part_end = end;
        std::optional<std::string> part = parse_domain_part(next, part_end);
        if (!part) {
            log("Invalid domain part after .");
            break;
        }
        *domain += '.';
        *domain += *part;
        end = part_end;
        next = part_end;
        skip_whitespace(next);
    }
    return domain;
}

// Parses local-part ["@" domain] [comment] (rfc822_parse_addrspec). next is
// set to where parsing goes on, or kNil at the end of the input.
std::optional<Address> CClientAddressParser::parse_addr_spec(std::size_t position, std::size_t &next)
{
    if (position == kNil)
        return std::nullopt;
    skip_whitespace(position);
    if (at(position) == '\0')
        return std::nullopt;
    std::optional<std::size_t> word_end = parse_word(position, WordKind::addr_spec);
    if (!word_end)
        return std::nullopt;

    Address address;
    address.mailbox = unquote(position, *word_end);
    std::size_t end = *word_end;
    std::size_t scan = *word_end;
    skip_whitespace(scan);
    while (at(scan) == '.') {
        std::size_t part = scan + 1;
        skip_whitespace(part);
        std::optional<std::size_t> part_end = parse_word(part, WordKind::addr_spec);
        if (!part_end) {
            log("Invalid mailbox part after .");
            break;
        }
        *address.mailbox += '.';
        *address.mailbox += unquote(part, *part_end);
        end = scan = *part_end;
        skip_whitespace(scan);
    }

    std::size_t after_mailbox = end;
    skip_whitespace(end);
    // RFC 733 wrote "user at host"; c-client still reads it.
    if ((at(end) == 'a' || at(end) == 'A') && (at(end + 1) == 't' || at(end + 1) == 'T') &&
        std::strchr(" \t\r\n(", at(end + 2)) != nullptr && at(end + 2) != '\0') {
        ++end;
        buffer_[end] = '@';
    }
    if (at(end) != '@') {
        end = after_mailbox;
    } else {
        ++end;
        address.host = parse_domain(end, end);
        if (!address.host)
            address.host = std::string(kSyntaxErrorHost);
    }
    if (!address.host)
        address.host = default_host_;

    if (end != kNil) {
        while (at(end) == ' ')
            ++end;
        if (at(end) == '(') {
            std::optional<std::string> comment = skip_comment(end, true);
            if (comment && !comment->empty())
                address.personal = unquote_text(*comment);
        }
        skip_whitespace(end);
    }
    next = (end != kNil && at(end) != '\0') ? end : kNil;
    return address;
}

// Parses "<" [route ":"] addr-spec ">" (rfc822_parse_routeaddr) and appends
// the address, followed by a marker when the ">" is missing.
bool CClientAddressParser::parse_route_addr(std::size_t position, std::size_t &next)
{
    if (position == kNil)
        return false;
    skip_whitespace(position);
    if (at(position) != '<')
        return false;
    std::size_t start = ++position;
    std::size_t scan = position;
    skip_whitespace(scan);
    std::string route;
    while (at(scan) == '@') {
        std::optional<std::string> domain = parse_domain(scan + 1, scan);
        if (!domain)
            break;
        route += route.empty() ? "@" : ",@";
        route += *domain;
        skip_whitespace(scan);
        if (at(scan) != ',')
            break;
        ++scan;
        skip_whitespace(scan);
    }
    if (!route.empty()) {
        if (at(scan) != ':')
            log("Unterminated at-domain-list: " + route.substr(0, 80) + excerpt(scan));
        else
            start = scan + 1;
    }

    std::size_t after = next;
    std::optional<Address> address = parse_addr_spec(start, after);
    if (!address)
        return false;
    next = after;
    if (!route.empty())
        address->adl = route;
    if (next != kNil && at(next) == '>') {
        ++next;
        skip_whitespace(next);
        if (at(next) == '\0')
            next = kNil;
        append(std::move(*address));
        return true;
    }
    const std::string &host = *address->host;
    log("Unterminated mailbox: " + address->mailbox->substr(0, 80) + "@" +
        (host.empty() || host[0] == '@' ? std::string("<null>") : host.substr(0, 80)));
    append(std::move(*address));
    append_marker("MISSING_MAILBOX_TERMINATOR");
    return true;
}

// Parses [phrase] route-addr, or an addr-spec (rfc822_parse_mailbox).
bool CClientAddressParser::parse_mailbox(std::size_t &position)
{
    if (position == kNil)
        return false;
    skip_whitespace(position);
    if (at(position) == '\0')
        return false;
    if (at(position) == '<')
        return parse_route_addr(position, position);

    const std::size_t start = position;
    std::optional<std::size_t> phrase_end = parse_phrase(start);
    if (!phrase_end)
        return false;
    std::size_t first_new = result_.addresses.size();
    if (parse_route_addr(*phrase_end, position)) {
        // The phrase is the personal name; it replaces a comment's.
        if (first_new < result_.addresses.size())
            result_.addresses[first_new].personal = unquote(start, *phrase_end);
        return true;
    }
    std::optional<Address> address = parse_addr_spec(start, position);
    if (!address)
        return false;
    append(std::move(*address));
    return true;
}

// Parses phrase ":" [mailbox list] [";"] (rfc822_parse_group).
bool CClientAddressParser::parse_group(std::size_t &position, std::size_t depth)
{
    if (depth > limits_.max_group_depth) {
        log("Ignoring excessively deep group recursion");
        return false;
    }
    if (position == kNil)
        return false;
    skip_whitespace(position);
    if (at(position) == '\0')
        return false;
    std::size_t name_end = position;
    if (at(position) != ':') {
        std::optional<std::size_t> phrase_end = parse_phrase(position);
        if (!phrase_end)
            return false;
        name_end = *phrase_end;
    }
    std::size_t colon = name_end;
    skip_whitespace(colon);
    if (at(colon) != ':')
        return false;

    Address start;
    start.mailbox = unquote(position, name_end);
    append(std::move(start));
    position = colon + 1;
    skip_whitespace(position);

    while (position != kNil && at(position) != '\0' && at(position) != ';' && !full()) {
        if (parse_address(position, depth + 1)) {
            if (position == kNil)
                continue;
            skip_whitespace(position);
            char c = at(position);
            if (c == ',') {
                ++position;
            } else if (c != ';' && c != '\0') {
                log("Unexpected characters after address in group: " + excerpt(position));
                position = kNil;
                append_marker("UNEXPECTED_DATA_AFTER_ADDRESS_IN_GROUP");
            }
        } else {
            log("Invalid group mailbox list: " + excerpt(position));
            position = kNil;
            append_marker("INVALID_ADDRESS_IN_GROUP");
        }
    }
    if (position != kNil) {
        if (at(position) == ';')
            ++position;
        skip_whitespace(position);
    }
    append(Address{});
    return true;
}

// Parses a group or a mailbox (rfc822_parse_address).
bool CClientAddressParser::parse_address(std::size_t &position, std::size_t depth)
{
    if (position == kNil)
        return false;
    skip_whitespace(position);
    if (at(position) == '\0')
        return false;
    if (parse_group(position, depth))
        return true;
    return parse_mailbox(position);
}

AddressList CClientAddressParser::run()
{
    std::size_t position = 0;
    skip_whitespace(position);
    if (at(position) == '\0')
        return std::move(result_);

    while (position != kNil && !full()) {
        // RFC 822 allowed empty list elements.
        while (at(position) == ',') {
            ++position;
            skip_whitespace(position);
        }
        if (at(position) == '\0') {
            position = kNil;
        } else if (parse_address(position, 0)) {
            if (position == kNil)
                continue;
            skip_whitespace(position);
            auto c = static_cast<unsigned char>(at(position));
            if (c == ',') {
                ++position;
            } else {
                if (c != '\0') {
                    bool alphanumeric = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
                    log((alphanumeric ? "Must use comma to separate addresses: "
                                      : "Unexpected characters at end of address: ") +
                        excerpt(position));
                    append_marker("UNEXPECTED_DATA_AFTER_ADDRESS");
                }
                position = kNil;
            }
        } else {
            skip_whitespace(position);
            if (at(position) == '\0')
                log("Missing address after comma");
            else
                log("Invalid mailbox list: " + excerpt(position));
            append_marker("INVALID_ADDRESS");
            break;
        }
    }
    return std::move(result_);
}

// Characters that make c-client quote a phrase (rspecials in 2007f).
bool needs_quotes_in_phrase(std::string_view text)
{
    for (char c : text) {
        if (is_phrase_special(c))
            return true;
    }
    return false;
}

// A local part or host is quoted unless it is a dot-atom of c-client's word
// characters.
bool needs_quotes_in_local_part(std::string_view text)
{
    for (char c : text) {
        if (is_word_special(c))
            return true;
    }
    return text.front() == '.' || text.back() == '.' || text.find("..") != std::string_view::npos;
}

// rfc822_cat: text, or text in double quotes with backslashes before "\"
// and "\\" when quoted is set.
void append_quoted_if(std::string &out, std::string_view text, bool quoted)
{
    if (!quoted) {
        out += text;
        return;
    }
    out.push_back('"');
    for (char c : text) {
        if (c == '\\' || c == '"')
            out.push_back('\\');
        out.push_back(c);
    }
    out.push_back('"');
}

void append_addr_spec(std::string &out, const Address &address)
{
    const std::string &mailbox = address.mailbox ? *address.mailbox : std::string();
    append_quoted_if(out, mailbox, mailbox.empty() || needs_quotes_in_local_part(mailbox));
    // A host that starts with "@" is c-client's null host and is not
    // written. Others are quoted by the local-part rule, as ext/imap's
    // writer does, so even a domain literal ends up in quotes.
    const std::string &host = *address.host;
    if (host.empty() || host[0] != '@') {
        out.push_back('@');
        append_quoted_if(out, host, host.empty() || needs_quotes_in_local_part(host));
    }
}

}  // namespace

AddressList parse_address_list(std::string_view text, std::string_view default_host, const AddressListLimits &limits)
{
    return CClientAddressParser(text, default_host, limits).run();
}

std::string write_address_list(const std::vector<Address> &addresses)
{
    std::string out;
    std::size_t open_groups = 0;
    for (std::size_t i = 0; i < addresses.size(); ++i) {
        const Address &address = addresses[i];
        bool next_has_mailbox = i + 1 < addresses.size() && addresses[i + 1].mailbox.has_value();
        if (address.host) {
            if (address.personal && !address.personal->empty()) {
                append_quoted_if(out, *address.personal, needs_quotes_in_phrase(*address.personal));
                out += " <";
                append_addr_spec(out, address);
                out += ">";
            } else {
                append_addr_spec(out, address);
            }
            if (next_has_mailbox)
                out += ", ";
        } else if (address.mailbox) {
            const std::string &name = *address.mailbox;
            append_quoted_if(out, name, name.empty() || needs_quotes_in_phrase(name));
            out += ": ";
            ++open_groups;
        } else if (open_groups > 0) {
            out += ";";
            if (--open_groups == 0 && next_has_mailbox)
                out += ", ";
        }
    }
    return out;
}

}  // namespace mailbridge::mimeparse

#include "imapcompat/mailbox_spec.h"

#include <arpa/inet.h>

#include <cstring>

namespace mailbridge::imapcompat {

namespace {

bool equals_ignoring_case(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); i++) {
        unsigned char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = x - 'A' + 'a';
        if (y >= 'A' && y <= 'Z')
            y = y - 'A' + 'a';
        if (x != y)
            return false;
    }
    return true;
}

std::string to_lower(std::string_view text)
{
    std::string lower(text);
    for (char &c : lower) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return lower;
}

// The whitespace that strtoul() skips before a number in the C locale.
bool is_c_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

// Walks the switch text between the host and '}'. Each step starts at a
// delimiter (':' or '/') and leaves delimiter set to the one that ends it,
// or to '\0' at the end of the text.
class SwitchParser {
public:
    SwitchParser(std::string_view text, MailboxSpec &spec, std::string &reason)
        : text_(text), spec_(spec), reason_(reason) {}

    bool parse()
    {
        if (text_.empty())
            return true;
        delimiter_ = text_[0];
        position_ = 1;
        while (delimiter_ != '\0') {
            bool ok = false;
            if (delimiter_ == ':')
                ok = parse_port();
            else if (delimiter_ == '/')
                ok = parse_switch();
            else
                reason_ = std::string("unexpected character '") + delimiter_ + "' after the host or a switch";
            if (!ok)
                return false;
        }
        return true;
    }

private:
    // Take the byte at position_ as the next delimiter and step past it.
    void take_delimiter()
    {
        if (position_ < text_.size())
            delimiter_ = text_[position_++];
        else
            delimiter_ = '\0';
    }

    // Read the text up to the first byte of stops, and take that byte as the delimiter.
    std::string_view take_until(const char *stops)
    {
        size_t end = text_.find_first_of(stops, position_);
        if (end == std::string_view::npos)
            end = text_.size();
        std::string_view token = text_.substr(position_, end - position_);
        position_ = end;
        take_delimiter();
        return token;
    }

    // c-client reads the port with strtoul(): leading whitespace and a sign
    // are allowed, and 0 or no digits at all make the string invalid.
    bool parse_port()
    {
        if (spec_.port != 0) {
            reason_ = "the port is given twice";
            return false;
        }
        while (position_ < text_.size() && is_c_space(text_[position_]))
            position_++;
        bool negative = false;
        if (position_ < text_.size() && (text_[position_] == '+' || text_[position_] == '-')) {
            negative = text_[position_] == '-';
            position_++;
        }
        uint64_t value = 0;
        size_t digits = 0;
        while (position_ < text_.size() && text_[position_] >= '0' && text_[position_] <= '9') {
            if (value <= 65535)
                value = value * 10 + static_cast<uint64_t>(text_[position_] - '0');
            position_++;
            digits++;
        }
        if (digits == 0 || value == 0) {
            reason_ = "the port is missing or 0";
            return false;
        }
        if (negative || value > 65535) {
            reason_ = "the port is not between 1 and 65535";
            return false;
        }
        spec_.port = static_cast<uint32_t>(value);
        take_delimiter();
        return true;
    }

    bool parse_switch()
    {
        std::string_view name = take_until("/:=");
        if (delimiter_ == '=')
            return parse_argument_switch(name);
        return apply_flag_switch(name);
    }

    // A quoted value ends at the next unescaped '"', and a backslash takes
    // the next byte literally. An unquoted value ends at '/' or ':'.
    bool parse_argument_switch(std::string_view name)
    {
        std::string value;
        if (position_ < text_.size() && text_[position_] == '"') {
            position_++;
            for (;;) {
                if (position_ >= text_.size()) {
                    reason_ = "the quoted value of /" + std::string(name) + "= is not terminated";
                    return false;
                }
                char c = text_[position_++];
                if (c == '"')
                    break;
                if (c == '\\') {
                    if (position_ >= text_.size()) {
                        reason_ = "the quoted value of /" + std::string(name) + "= is not terminated";
                        return false;
                    }
                    c = text_[position_++];
                }
                value += c;
            }
            take_delimiter();
        } else {
            value = std::string(take_until("/:"));
        }

        // c-client keeps the first nonempty value of each name and rejects a
        // second one, so an empty value leaves room for another.
        if (equals_ignoring_case(name, "service") && value.size() <= max_service_length && !service_set_) {
            spec_.service = to_lower(value);
            service_set_ = !value.empty();
            spec_.service_given = service_set_;
            return true;
        }
        if (equals_ignoring_case(name, "user") && value.size() <= max_user_length && spec_.user.empty()) {
            spec_.user = value;
            return true;
        }
        if (equals_ignoring_case(name, "authuser") && value.size() <= max_user_length && spec_.authuser.empty()) {
            spec_.authuser = value;
            return true;
        }
        reason_ = "/" + std::string(name) + "= is unknown, given twice or its value is too long";
        return false;
    }

    bool apply_flag_switch(std::string_view name)
    {
        auto is = [&](const char *candidate) { return equals_ignoring_case(name, candidate); };

        if (is("anonymous"))
            spec_.anonymous = true;
        else if (is("debug"))
            spec_.debug = true;
        else if (is("readonly"))
            spec_.readonly = true;
        else if (is("secure"))
            spec_.secure = true;
        else if (is("norsh"))
            spec_.norsh = true;
        else if (is("loser"))
            spec_.loser = true;
        // /tls, /tls-sslv23, /notls and /ssl exclude each other. Once one of
        // them is set, the others no longer match and fall through to the
        // service names below, which rejects them.
        else if (is("tls") && !spec_.notls)
            spec_.tls = true;
        else if (is("tls-sslv23") && !spec_.notls)
            spec_.tls = spec_.tls_sslv23 = true;
        else if (is("notls") && !spec_.tls)
            spec_.notls = true;
        else if (is("tryssl"))
            spec_.tryssl = true;
        else if (is("ssl") && !spec_.tls)
            spec_.ssl = spec_.notls = true;
        else if (is("novalidate-cert"))
            spec_.novalidate_cert = true;
        else if (is("validate-cert"))
            ;  // the default; c-client accepts it for compatibility
        else
            return apply_service_switch(name);
        return true;
    }

    bool apply_service_switch(std::string_view name)
    {
        auto is = [&](const char *candidate) { return equals_ignoring_case(name, candidate); };

        if (service_set_) {
            reason_ = "/" + std::string(name) + " is not valid after the service is set";
            return false;
        }
        if (is("imap") || is("nntp") || is("pop3") || is("smtp") || is("submit"))
            spec_.service = to_lower(name);
        else if (is("imap2") || is("imap2bis") || is("imap4") || is("imap4rev1"))
            spec_.service = "imap";
        else if (is("pop"))
            spec_.service = "pop3";
        else {
            reason_ = "/" + std::string(name) + " is not a known switch";
            return false;
        }
        service_set_ = true;
        spec_.service_given = true;
        return true;
    }

    std::string_view text_;
    MailboxSpec &spec_;
    std::string &reason_;
    size_t position_ = 0;
    char delimiter_ = '\0';
    bool service_set_ = false;
};

}  // namespace

std::optional<MailboxSpec> parse_mailbox_spec(std::string_view text, std::string &reason)
{
    reason.clear();
    if (text.empty() || text[0] != '{') {
        reason = "the name does not start with '{', and local mailboxes are not supported";
        return std::nullopt;
    }

    size_t host_start = 1;
    size_t host_end;
    if (host_start < text.size() && text[host_start] == '[') {
        size_t close = text.find_first_of("]}", host_start);
        if (close == std::string_view::npos || text[close] != ']') {
            reason = "the domain literal has no closing ']'";
            return std::nullopt;
        }
        host_end = close + 1;
    } else {
        host_end = text.find_first_of("/:}", host_start);
        if (host_end == std::string_view::npos) {
            reason = "the host is not followed by ':', '/' or '}'";
            return std::nullopt;
        }
    }
    size_t host_length = host_end - host_start;
    if (host_length == 0 || host_length > max_host_length) {
        reason = "the host is empty or longer than " + std::to_string(max_host_length) + " bytes";
        return std::nullopt;
    }
    // The first '}' ends the switches, even inside a quoted /user= value.
    size_t brace = text.find('}', host_end);
    if (brace == std::string_view::npos) {
        reason = "the closing '}' is missing";
        return std::nullopt;
    }
    std::string_view switches = text.substr(host_end, brace - host_end);
    std::string_view name = text.substr(brace + 1);
    if (switches.size() > max_switches_length) {
        reason = "the switches are longer than " + std::to_string(max_switches_length) + " bytes";
        return std::nullopt;
    }
    if (name.size() > max_mailbox_name_length) {
        reason = "the mailbox name is longer than " + std::to_string(max_mailbox_name_length) + " bytes";
        return std::nullopt;
    }

    MailboxSpec spec;
    spec.host = std::string(text.substr(host_start, host_length));
    spec.service.clear();
    SwitchParser parser(switches, spec, reason);
    if (!parser.parse())
        return std::nullopt;

    if (spec.service.empty())
        spec.service = "imap";
    if (spec.norsh && spec.service != "imap") {
        reason = "/norsh is valid only with the imap service";
        return std::nullopt;
    }
    // PHP's c-client has mail drivers for these services only, so any other
    // service leaves no driver to open the mailbox.
    if (spec.service != "imap" && spec.service != "pop3" && spec.service != "nntp") {
        reason = "the service " + spec.service + " cannot open a mailbox";
        return std::nullopt;
    }
    if (!name.empty())
        spec.mailbox = std::string(name);

    // The POP3 and NNTP drivers check the name too (observed with
    // php8.2-imap): POP3 has only INBOX, in any letter case. NNTP rejects
    // /anonymous, and a name starting with '#' must start with "#news.".
    if (spec.service == "pop3" && !equals_ignoring_case(spec.mailbox, "INBOX")) {
        reason = "POP3 has no mailbox but INBOX";
        return std::nullopt;
    }
    if (spec.service == "nntp" && spec.anonymous) {
        reason = "/anonymous is not valid with the nntp service";
        return std::nullopt;
    }
    if (spec.service == "nntp" && spec.mailbox[0] == '#' && spec.mailbox.compare(0, 6, "#news.") != 0) {
        reason = "an NNTP name starting with '#' must start with \"#news.\"";
        return std::nullopt;
    }
    return spec;
}

std::string invalid_specification_message(std::string_view text)
{
    return "Can't open mailbox " + std::string(text.substr(0, 80)) + ": invalid remote specification";
}

uint16_t default_port(std::string_view service, bool ssl)
{
    if (service == "imap")
        return ssl ? 993 : 143;
    if (service == "pop3")
        return ssl ? 995 : 110;
    if (service == "nntp")
        return ssl ? 563 : 119;
    return 0;
}

const char *security_name(Security security)
{
    switch (security) {
    case Security::implicit_tls:
        return "implicit_tls";
    case Security::starttls_required:
        return "starttls_required";
    case Security::starttls_if_offered:
        return "starttls_if_offered";
    case Security::plain:
        return "plain";
    }
    return "unknown";
}

std::optional<ConnectionPlan> plan_connection(const MailboxSpec &spec, std::string_view user, long open_flags,
                                              std::string &reason)
{
    reason.clear();
    ConnectionPlan plan;
    plan.service = spec.service;
    plan.host = spec.host;

    if (spec.host.size() >= 2 && spec.host.front() == '[' && spec.host.back() == ']') {
        plan.connect_host = spec.host.substr(1, spec.host.size() - 2);
        unsigned char address[16];
        if (inet_pton(AF_INET, plan.connect_host.c_str(), address) != 1 &&
            inet_pton(AF_INET6, plan.connect_host.c_str(), address) != 1) {
            reason = "Bad format domain-literal: " + spec.host;
            return std::nullopt;
        }
    } else {
        for (unsigned char c : spec.host) {
            if (c <= 0x20 || c == 0x7f) {
                reason = "the host name contains a space or control character";
                return std::nullopt;
            }
        }
        plan.connect_host = spec.host;
    }

    plan.port = spec.port != 0 ? static_cast<uint16_t>(spec.port) : default_port(spec.service, spec.ssl);
    if (spec.ssl)
        plan.security = Security::implicit_tls;
    else if (spec.tls)
        plan.security = Security::starttls_required;
    else if (spec.notls)
        plan.security = Security::plain;
    else
        plan.security = Security::starttls_if_offered;
    plan.verify_certificate = !spec.novalidate_cert;
    plan.try_implicit_tls_first = spec.tryssl && !spec.ssl;

    plan.secure_authentication_only = spec.secure || (open_flags & op_secure) != 0;
    plan.read_only = spec.readonly || (open_flags & op_readonly) != 0;
    plan.anonymous = spec.anonymous || (open_flags & op_anonymous) != 0;
    plan.half_open = (open_flags & op_halfopen) != 0;
    plan.debug = spec.debug || (open_flags & op_debug) != 0;
    plan.user = spec.user.empty() ? std::string(user) : spec.user;
    plan.authuser = spec.authuser;
    plan.tls_sslv23 = spec.tls_sslv23;
    plan.loser = spec.loser;
    plan.mailbox = spec.mailbox;
    return plan;
}

std::string canonical_prefix(const ConnectionPlan &plan)
{
    std::string name = "{" + plan.host + ":" + std::to_string(plan.port) + "/" + plan.service;
    if (plan.security == Security::starttls_required)
        name += "/tls";
    if (plan.tls_sslv23)
        name += "/tls-sslv23";
    // c-client records /ssl as /notls/ssl.
    if (plan.security == Security::plain || plan.security == Security::implicit_tls)
        name += "/notls";
    if (plan.security == Security::implicit_tls)
        name += "/ssl";
    if (!plan.verify_certificate)
        name += "/novalidate-cert";
    if (plan.loser)
        name += "/loser";
    if (plan.secure_authentication_only)
        name += "/secure";
    if (plan.read_only)
        name += "/readonly";
    if (plan.anonymous)
        name += "/anonymous";
    else
        name += "/user=\"" + plan.user + "\"";
    name += "}";
    return name;
}

std::string canonical_name(const ConnectionPlan &plan)
{
    return canonical_prefix(plan) + (plan.half_open ? std::string("<no_mailbox>") : plan.mailbox);
}

}  // namespace mailbridge::imapcompat

// c-client mailbox strings as ext/imap's imap_open() takes them:
//   "{" host [":" port] *("/" switch) "}" [name]
// The parser accepts and rejects exactly what PHP 8.2's ext/imap (c-client
// 2007f) accepts and rejects, except for the ports noted at MailboxSpec::port.
// A connection plan then states how to reach the server, and the canonical
// name is the string that imap_check()->Mailbox reports for the session.
#ifndef MAILBRIDGE_IMAPCOMPAT_MAILBOX_SPEC_H
#define MAILBRIDGE_IMAPCOMPAT_MAILBOX_SPEC_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mailbridge::imapcompat {

// c-client's field sizes, in bytes. A longer value makes the string invalid.
constexpr size_t max_host_length = 255;          // host as written, brackets included
constexpr size_t max_mailbox_name_length = 255;  // text after '}'
constexpr size_t max_user_length = 64;           // /user= and /authuser= values
constexpr size_t max_service_length = 20;        // /service= value
constexpr size_t max_switches_length = 1024;     // text between the host and '}'

// The OP_* bits of imap_open()'s $flags that change the connection plan.
constexpr long op_debug = 1;
constexpr long op_readonly = 2;
constexpr long op_anonymous = 4;
constexpr long op_halfopen = 64;
constexpr long op_secure = 256;

// A parsed mailbox string. Switch names are case-insensitive in the input.
struct MailboxSpec {
    // As written, with the brackets of a domain literal such as "[127.0.0.1]".
    std::string host;
    // 0 when the string names no port. ext/imap passes any value up to
    // ULONG_MAX and the socket layer truncates it to 16 bits (70000 connects
    // to 4464), but this parser rejects ports above 65535.
    uint32_t port = 0;
    // Lower case: "imap", "pop3" or "nntp". The aliases imap2, imap2bis,
    // imap4 and imap4rev1 become "imap", and pop becomes "pop3".
    std::string service = "imap";
    bool service_given = false;  // a service switch or /service= was present
    std::string user;            // /user=, empty when absent
    std::string authuser;        // /authuser=, empty when absent
    bool anonymous = false;
    bool debug = false;
    bool readonly = false;
    bool secure = false;  // no plain-text password over the network
    bool norsh = false;
    bool loser = false;
    bool tls = false;         // /tls or /tls-sslv23
    bool tls_sslv23 = false;  // /tls-sslv23
    bool notls = false;       // /notls, also set by /ssl
    bool tryssl = false;
    bool ssl = false;
    bool novalidate_cert = false;
    // The text after '}', or "INBOX" when there is none. Passed to the
    // server verbatim: ext/imap does not convert it to modified UTF-7.
    std::string mailbox = "INBOX";
};

// Parse a mailbox string. Returns nullopt for a string that ext/imap rejects
// with "invalid remote specification", or for a local (non-"{") name, and
// then sets reason to a sentence naming the offending part. Besides the
// syntax this applies the checks of c-client's POP3 and NNTP drivers on the
// mailbox name, which also end in "invalid remote specification".
std::optional<MailboxSpec> parse_mailbox_spec(std::string_view text, std::string &reason);

// The imap_errors() text that ext/imap reports for an invalid string:
// "Can't open mailbox " + the first 80 bytes of text + ": invalid remote specification".
std::string invalid_specification_message(std::string_view text);

// Default port of a service: imap 143 or 993 with ssl, pop3 110 or 995,
// nntp 119 or 563. Returns 0 for any other service.
uint16_t default_port(std::string_view service, bool ssl);

enum class Security {
    implicit_tls,         // TLS from the first byte (/ssl)
    starttls_required,    // STARTTLS, or fail when the server does not offer it (/tls)
    // STARTTLS when the server offers it, plain text otherwise (no switch).
    // ext/imap does not fall back to plain text when TLS negotiation fails.
    starttls_if_offered,
    plain,                // never STARTTLS (/notls)
};

const char *security_name(Security security);

// How to open the session that a mailbox string and imap_open()'s $user and
// $flags describe.
struct ConnectionPlan {
    std::string service;       // "imap", "pop3" or "nntp"
    std::string host;          // as written, brackets included
    std::string connect_host;  // what to resolve or connect to: brackets removed
    uint16_t port = 0;         // the given port, or default_port()
    Security security = Security::starttls_if_offered;
    bool verify_certificate = true;  // false with /novalidate-cert
    // /tryssl: try implicit TLS on the service's TLS port first, then this plan.
    bool try_implicit_tls_first = false;
    // /secure or OP_SECURE: authenticate only with mechanisms that do not
    // send the password in clear text, such as CRAM-MD5.
    bool secure_authentication_only = false;
    bool read_only = false;   // /readonly or OP_READONLY: EXAMINE instead of SELECT
    bool anonymous = false;   // /anonymous or OP_ANONYMOUS
    bool half_open = false;   // OP_HALFOPEN: log in and select no mailbox
    bool debug = false;       // /debug or OP_DEBUG
    // /user= when given, else imap_open()'s $user. c-client logs in as the
    // /user= name even when $user differs.
    std::string user;
    std::string authuser;  // authorization identity for SASL PLAIN, empty when none
    bool tls_sslv23 = false;  // kept for the canonical name
    bool loser = false;       // kept for the canonical name
    std::string mailbox;
};

// Build the plan for spec. Returns nullopt and sets reason when the plan
// cannot be made: a domain literal that is not an IPv4 or IPv6 address
// (ext/imap: "Bad format domain-literal"), or a host with a space or control
// character, which ext/imap would look up in DNS.
std::optional<ConnectionPlan> plan_connection(const MailboxSpec &spec, std::string_view user, long open_flags,
                                              std::string &reason);

// The canonical prefix "{host:port/imap/...}" that ext/imap writes into
// imap_check()->Mailbox: host as written, the port in use, the service and
// then /tls /tls-sslv23 /notls /ssl /novalidate-cert /loser /secure /readonly
// in that order, and finally /anonymous or /user="name". The user name is
// written between quotes without escaping, as c-client does.
std::string canonical_prefix(const ConnectionPlan &plan);

// canonical_prefix() followed by the mailbox name, or by "<no_mailbox>" for
// a half-open session.
std::string canonical_name(const ConnectionPlan &plan);

}  // namespace mailbridge::imapcompat

#endif

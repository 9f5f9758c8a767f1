// Expected values were observed with Debian 12's php8.2-imap (c-client
// 2007f) through imap_open() and imap_check()->Mailbox against Dovecot on
// 127.0.0.1, except where a test states otherwise.
#include "imapcompat/mailbox_spec.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

using mailbridge::imapcompat::canonical_name;
using mailbridge::imapcompat::canonical_prefix;
using mailbridge::imapcompat::ConnectionPlan;
using mailbridge::imapcompat::default_port;
using mailbridge::imapcompat::invalid_specification_message;
using mailbridge::imapcompat::MailboxSpec;
using mailbridge::imapcompat::op_halfopen;
using mailbridge::imapcompat::op_readonly;
using mailbridge::imapcompat::op_secure;
using mailbridge::imapcompat::parse_mailbox_spec;
using mailbridge::imapcompat::plan_connection;
using mailbridge::imapcompat::Security;

namespace {

MailboxSpec parse_valid(const std::string &text)
{
    std::string reason;
    std::optional<MailboxSpec> spec = parse_mailbox_spec(text, reason);
    EXPECT_TRUE(spec.has_value()) << text << ": " << reason;
    EXPECT_EQ(reason, "");
    return spec.value_or(MailboxSpec());
}

ConnectionPlan plan_valid(const std::string &text, long flags = 0, const std::string &user = "user@example.test")
{
    MailboxSpec spec = parse_valid(text);
    std::string reason;
    std::optional<ConnectionPlan> plan = plan_connection(spec, user, flags, reason);
    EXPECT_TRUE(plan.has_value()) << text << ": " << reason;
    return plan.value_or(ConnectionPlan());
}

}  // namespace

TEST(MailboxSpec, SuiteCrmConnectString)
{
    MailboxSpec spec = parse_valid("{imap.example.com:993/service=imap/ssl/novalidate-cert}INBOX");
    EXPECT_EQ(spec.host, "imap.example.com");
    EXPECT_EQ(spec.port, 993u);
    EXPECT_EQ(spec.service, "imap");
    EXPECT_TRUE(spec.service_given);
    EXPECT_TRUE(spec.ssl);
    EXPECT_TRUE(spec.notls);
    EXPECT_FALSE(spec.tls);
    EXPECT_TRUE(spec.novalidate_cert);
    EXPECT_EQ(spec.mailbox, "INBOX");
}

TEST(MailboxSpec, SuiteCrmServiceStrings)
{
    // SuiteCRM builds "{host:port/service=protocol" + switches + "}" + folder
    // and tries switch sets in turn. ext/imap rejects every set that has
    // both /ssl and /tls, so SuiteCRM's first attempts with SSL always fail.
    for (std::string switches : {"/notls/novalidate-cert/secure", "/notls/novalidate-cert", "/notls/secure", "/notls",
                                 "", "/ssl/validate-cert/secure", "/ssl/novalidate-cert/secure",
                                 "/ssl/novalidate-cert", "/ssl"}) {
        SCOPED_TRACE(switches);
        EXPECT_EQ(parse_valid("{127.0.0.1:1/service=imap" + switches + "}INBOX").service, "imap");
    }
    for (std::string switches : {"/ssl/tls/validate-cert/secure", "/ssl/tls/validate-cert", "/ssl/tls/secure",
                                 "/ssl/tls"}) {
        SCOPED_TRACE(switches);
        std::string reason;
        EXPECT_FALSE(parse_mailbox_spec("{127.0.0.1:1/service=imap" + switches + "}INBOX", reason).has_value());
    }
    EXPECT_EQ(parse_valid("{127.0.0.1:1/service=pop3/notls}INBOX").service, "pop3");
    EXPECT_EQ(parse_valid("{127.0.0.1:1/service=pop3/ssl/novalidate-cert}INBOX").service, "pop3");
}

TEST(MailboxSpec, EmptyNameIsInbox)
{
    EXPECT_EQ(parse_valid("{127.0.0.1:143/notls}").mailbox, "INBOX");
    EXPECT_EQ(parse_valid("{127.0.0.1:143/notls}inbox").mailbox, "inbox");
    EXPECT_EQ(parse_valid("{127.0.0.1/notls}Entw&APw-rfe").mailbox, "Entw&APw-rfe");
    // Only the first '}' ends the switches, and the rest is the name.
    EXPECT_EQ(parse_valid("{127.0.0.1/notls}}").mailbox, "}");
    EXPECT_EQ(parse_valid("{127.0.0.1/notls}{x}INBOX").mailbox, "{x}INBOX");
}

TEST(MailboxSpec, SwitchNamesIgnoreCase)
{
    MailboxSpec spec = parse_valid("{127.0.0.1/NOTLS/IMAP4rev1}INBOX");
    EXPECT_TRUE(spec.notls);
    EXPECT_EQ(spec.service, "imap");
    EXPECT_EQ(parse_valid("{127.0.0.1/notls/Service=IMAP}").service, "imap");
    EXPECT_EQ(parse_valid("{127.0.0.1/notls/service=\"imap\"}").service, "imap");
    EXPECT_EQ(parse_valid("{127.0.0.1:1/service=POP3/notls}").service, "pop3");
}

TEST(MailboxSpec, ServiceAliases)
{
    EXPECT_EQ(parse_valid("{h/imap2}").service, "imap");
    EXPECT_EQ(parse_valid("{h/imap2bis}").service, "imap");
    EXPECT_EQ(parse_valid("{h/imap4}").service, "imap");
    EXPECT_EQ(parse_valid("{h/pop}").service, "pop3");
    EXPECT_EQ(parse_valid("{h/pop3}").service, "pop3");
    EXPECT_EQ(parse_valid("{h/service=nntp}").service, "nntp");
    MailboxSpec defaulted = parse_valid("{h}");
    EXPECT_EQ(defaulted.service, "imap");
    EXPECT_FALSE(defaulted.service_given);
}

TEST(MailboxSpec, PortForms)
{
    EXPECT_EQ(parse_valid("{127.0.0.1:143/notls}").port, 143u);
    // The port may follow the switches.
    EXPECT_EQ(parse_valid("{127.0.0.1/notls:143}").port, 143u);
    EXPECT_EQ(parse_valid("{127.0.0.1/novalidate-cert/ssl:993}").port, 993u);
    // strtoul() syntax: whitespace, a plus sign and leading zeros.
    EXPECT_EQ(parse_valid("{127.0.0.1:+143/notls}").port, 143u);
    EXPECT_EQ(parse_valid("{127.0.0.1: 143/notls}").port, 143u);
    EXPECT_EQ(parse_valid("{127.0.0.1:0143/notls}").port, 143u);
    EXPECT_EQ(parse_valid("{h:65535}").port, 65535u);
    EXPECT_EQ(parse_valid("{h}").port, 0u);
}

TEST(MailboxSpec, ArgumentSwitches)
{
    MailboxSpec quoted = parse_valid("{127.0.0.1/user=\"a\\\"b\"/notls}INBOX");
    EXPECT_EQ(quoted.user, "a\"b");
    EXPECT_EQ(parse_valid("{127.0.0.1/notls/user=\"a/b\"}").user, "a/b");
    EXPECT_EQ(parse_valid("{127.0.0.1/notls/user=a\"b}").user, "a\"b");
    EXPECT_EQ(parse_valid("{127.0.0.1:1/notls/user=a=b}").user, "a=b");
    MailboxSpec both = parse_valid("{127.0.0.1/notls/user=x/authuser=y}INBOX");
    EXPECT_EQ(both.user, "x");
    EXPECT_EQ(both.authuser, "y");
    // An empty value sets nothing, so the name may be given again.
    EXPECT_EQ(parse_valid("{127.0.0.1/notls/user=}INBOX").user, "");
    EXPECT_EQ(parse_valid("{127.0.0.1/notls/user=\"\"}INBOX").user, "");
    EXPECT_EQ(parse_valid("{h/user=/user=b}").user, "b");
    EXPECT_EQ(parse_valid("{h/service=/pop3}").service, "pop3");
}

TEST(MailboxSpec, FlagSwitches)
{
    MailboxSpec spec = parse_valid("{127.0.0.1/imap/tls-sslv23/novalidate-cert/loser/secure/readonly}INBOX");
    EXPECT_TRUE(spec.tls);
    EXPECT_TRUE(spec.tls_sslv23);
    EXPECT_FALSE(spec.notls);
    EXPECT_TRUE(spec.novalidate_cert);
    EXPECT_TRUE(spec.loser);
    EXPECT_TRUE(spec.secure);
    EXPECT_TRUE(spec.readonly);

    MailboxSpec other = parse_valid("{127.0.0.1/notls/debug/norsh/anonymous/tryssl/validate-cert}");
    EXPECT_TRUE(other.debug);
    EXPECT_TRUE(other.norsh);
    EXPECT_TRUE(other.anonymous);
    EXPECT_TRUE(other.tryssl);
    EXPECT_FALSE(other.novalidate_cert);
    EXPECT_TRUE(parse_valid("{127.0.0.1/notls/service=imap/norsh}").norsh);
}

TEST(MailboxSpec, DomainLiteralHost)
{
    MailboxSpec spec = parse_valid("{[127.0.0.1]:143/notls}INBOX");
    EXPECT_EQ(spec.host, "[127.0.0.1]");
    EXPECT_EQ(spec.port, 143u);
    EXPECT_EQ(parse_valid("{[::1]}").host, "[::1]");
}

TEST(MailboxSpec, LengthLimits)
{
    EXPECT_EQ(parse_valid("{127.0.0.1/notls}" + std::string(255, 'x')).mailbox.size(), 255u);
    EXPECT_EQ(parse_valid("{[1." + std::string(251, '1') + "]}").host.size(), 255u);
    EXPECT_EQ(parse_valid("{h/authuser=" + std::string(64, 'x') + "}").authuser.size(), 64u);
    EXPECT_EQ(parse_valid("{h/user=" + std::string(64, 'x') + "}").user.size(), 64u);
}

TEST(MailboxSpec, InvalidStrings)
{
    std::vector<std::string> invalid = {
        // ext/imap rejects these without connecting.
        "{127.0.0.1:10144/tls/ssl}INBOX",
        // The TLS switches exclude each other in either order.
        "{127.0.0.1/tls/ssl}INBOX",
        "{127.0.0.1/ssl/tls}INBOX",
        "{127.0.0.1/notls/tls}INBOX",
        "{127.0.0.1/tls/notls}INBOX",
        "{127.0.0.1/notls/tls-sslv23}INBOX",
        "{127.0.0.1/ssl/tls-sslv23}INBOX",
        "{127.0.0.1/tls-sslv23/ssl}INBOX",
        "{127.0.0.1/notls/secure/tls}INBOX",
        // A second service, or an unknown switch.
        "{127.0.0.1/imap/pop3}INBOX",
        "{127.0.0.1/service=imap/imap/notls}INBOX",
        "{127.0.0.1/imap/service=imap/notls}INBOX",
        "{127.0.0.1/service=imap/service=imap/notls}INBOX",
        "{127.0.0.1/user=\"a\"/user=\"b\"/notls}INBOX",
        "{127.0.0.1/foo}INBOX",
        "{127.0.0.1/notls/foo=bar}INBOX",
        "{127.0.0.1/}INBOX",
        "{127.0.0.1/notls//}INBOX",
        "{127.0.0.1/notls/=x}INBOX",
        // Services without a mail driver in PHP's c-client.
        "{127.0.0.1/service=foo}INBOX",
        "{127.0.0.1:1/smtp}INBOX",
        "{127.0.0.1:1/submit}INBOX",
        "{127.0.0.1/pop3/norsh}INBOX",
        "{127.0.0.1/norsh/service=pop3}INBOX",
        // Ports.
        "{127.0.0.1:0}INBOX",
        "{127.0.0.1:143:143}INBOX",
        "{127.0.0.1:143x}INBOX",
        "{127.0.0.1:/notls}INBOX",
        "{127.0.0.1:1/notls/user=a:2}",
        "{127.0.0.1:1/notls/user=a/b}",
        // Quoting.
        "{127.0.0.1/notls/user=\"a\"x}INBOX",
        "{127.0.0.1/notls/user=\"unterminated}INBOX",
        "{127.0.0.1/notls/user=\"x}y\"}INBOX",
        // Structure and host.
        "{}INBOX",
        "{127.0.0.1",
        "{:143/notls}INBOX",
        "{[127.0.0.1}INBOX",
        "{[127.0.0.1]x}INBOX",
        "{[1." + std::string(252, '1') + "]}",
        // Lengths.
        "{127.0.0.1/notls}" + std::string(256, 'x'),
        "{h/authuser=" + std::string(65, 'x') + "}",
        "{h/service=" + std::string(21, 'x') + "}",
    };
    for (const std::string &text : invalid) {
        SCOPED_TRACE(text);
        std::string reason;
        EXPECT_FALSE(parse_mailbox_spec(text, reason).has_value());
        EXPECT_NE(reason, "");
    }
}

TEST(MailboxSpec, DriverNameRules)
{
    EXPECT_EQ(parse_valid("{127.0.0.1:1/pop3}INBOX").mailbox, "INBOX");
    EXPECT_EQ(parse_valid("{127.0.0.1:1/pop3}Inbox").mailbox, "Inbox");
    EXPECT_EQ(parse_valid("{127.0.0.1:1/pop3}").mailbox, "INBOX");
    EXPECT_EQ(parse_valid("{127.0.0.1:1/pop3/anonymous}INBOX").service, "pop3");
    EXPECT_EQ(parse_valid("{127.0.0.1:1/nntp}Sent Items").mailbox, "Sent Items");
    EXPECT_EQ(parse_valid("{127.0.0.1:1/nntp}#news.a.b").mailbox, "#news.a.b");
    EXPECT_EQ(parse_valid("{127.0.0.1:1/nntp}}").mailbox, "}");
    EXPECT_EQ(parse_valid("{127.0.0.1/notls}#news.x").mailbox, "#news.x");

    for (std::string text : {"{127.0.0.1:1/pop3}x", "{127.0.0.1:1/pop3}INBOX/x", "{127.0.0.1:1/pop3}}",
                             "{127.0.0.1:1/pop3}#news.x", "{127.0.0.1:1/nntp}#NEWS.x", "{127.0.0.1:1/nntp}#ftp/x",
                             "{127.0.0.1:1/nntp/anonymous}", "{127.0.0.1:1/nntp/anonymous}#news.x"}) {
        SCOPED_TRACE(text);
        std::string reason;
        EXPECT_FALSE(parse_mailbox_spec(text, reason).has_value());
        EXPECT_NE(reason, "");
    }
}

TEST(MailboxSpec, RejectedBeyondExtImap)
{
    // ext/imap accepts these and connects to the truncated port (70000 to
    // 4464, 65536 to 0). The parser rejects them instead. Not observed: the
    // switch text limit of 1024 bytes is c-client's buffer size.
    for (std::string text : {"{127.0.0.1:65536/notls}", "{127.0.0.1:70000/notls}", "{h:-1}",
                             "{h:99999999999999999999999}"}) {
        SCOPED_TRACE(text);
        std::string reason;
        EXPECT_FALSE(parse_mailbox_spec(text, reason).has_value());
        EXPECT_EQ(reason, "the port is not between 1 and 65535");
    }
    std::string reason;
    EXPECT_FALSE(parse_mailbox_spec("{h" + std::string(1025, '/') + "}", reason).has_value());
    EXPECT_FALSE(parse_mailbox_spec("INBOX", reason).has_value());
    EXPECT_FALSE(parse_mailbox_spec("", reason).has_value());
    EXPECT_FALSE(parse_mailbox_spec("/var/mail/user", reason).has_value());
}

TEST(MailboxSpec, InvalidSpecificationMessage)
{
    EXPECT_EQ(invalid_specification_message("{127.0.0.1:10144/tls/ssl}INBOX"),
              "Can't open mailbox {127.0.0.1:10144/tls/ssl}INBOX: invalid remote specification");
    std::string long_name = "{127.0.0.1/notls}" + std::string(256, 'x');
    EXPECT_EQ(invalid_specification_message(long_name),
              "Can't open mailbox {127.0.0.1/notls}" + std::string(63, 'x') + ": invalid remote specification");
}

TEST(MailboxSpec, DefaultPorts)
{
    EXPECT_EQ(default_port("imap", false), 143);
    EXPECT_EQ(default_port("imap", true), 993);
    EXPECT_EQ(default_port("pop3", false), 110);
    EXPECT_EQ(default_port("pop3", true), 995);
    EXPECT_EQ(default_port("nntp", false), 119);
    EXPECT_EQ(default_port("smtp", false), 0);

    EXPECT_EQ(plan_valid("{127.0.0.1}INBOX").port, 143);
    EXPECT_EQ(plan_valid("{127.0.0.1/ssl}INBOX").port, 993);
    EXPECT_EQ(plan_valid("{127.0.0.1/pop3}INBOX").port, 110);
    EXPECT_EQ(plan_valid("{127.0.0.1/pop3/ssl}INBOX").port, 995);
    EXPECT_EQ(plan_valid("{127.0.0.1:1/pop3/ssl}INBOX").port, 1);
}

TEST(ConnectionPlan, SecurityModes)
{
    ConnectionPlan ssl = plan_valid("{imap.example.com:993/service=imap/ssl/novalidate-cert}INBOX");
    EXPECT_EQ(ssl.security, Security::implicit_tls);
    EXPECT_FALSE(ssl.verify_certificate);
    EXPECT_EQ(ssl.connect_host, "imap.example.com");

    ConnectionPlan tls = plan_valid("{h/tls}");
    EXPECT_EQ(tls.security, Security::starttls_required);
    EXPECT_TRUE(tls.verify_certificate);
    EXPECT_EQ(plan_valid("{h/tls-sslv23}").security, Security::starttls_required);
    EXPECT_EQ(plan_valid("{h/notls}").security, Security::plain);
    EXPECT_EQ(plan_valid("{h}").security, Security::starttls_if_offered);
    EXPECT_EQ(plan_valid("{h/novalidate-cert}").security, Security::starttls_if_offered);
    EXPECT_TRUE(plan_valid("{h/notls/tryssl}").try_implicit_tls_first);
    EXPECT_FALSE(plan_valid("{h/notls}").try_implicit_tls_first);
}

TEST(ConnectionPlan, OpenFlagsAndUser)
{
    ConnectionPlan plain = plan_valid("{h/notls}Drafts", 0, "crm");
    EXPECT_EQ(plain.user, "crm");
    EXPECT_FALSE(plain.read_only);
    EXPECT_FALSE(plain.secure_authentication_only);
    EXPECT_FALSE(plain.half_open);
    EXPECT_EQ(plain.mailbox, "Drafts");

    // c-client logs in as the /user= name, not as imap_open()'s $user.
    EXPECT_EQ(plan_valid("{h/notls/user=other}", 0, "crm").user, "other");
    EXPECT_TRUE(plan_valid("{h/notls}", op_readonly).read_only);
    EXPECT_TRUE(plan_valid("{h/notls/readonly}").read_only);
    EXPECT_TRUE(plan_valid("{h/notls}", op_secure).secure_authentication_only);
    EXPECT_TRUE(plan_valid("{h/notls}", op_halfopen).half_open);
    EXPECT_EQ(plan_valid("{h/notls/authuser=admin}").authuser, "admin");
}

TEST(ConnectionPlan, DomainLiterals)
{
    ConnectionPlan v4 = plan_valid("{[127.0.0.1]:143/notls}INBOX");
    EXPECT_EQ(v4.host, "[127.0.0.1]");
    EXPECT_EQ(v4.connect_host, "127.0.0.1");
    EXPECT_EQ(plan_valid("{[::1]/notls}").connect_host, "::1");

    std::string reason;
    std::optional<MailboxSpec> spec = parse_mailbox_spec("{[1.1111]/notls}", reason);
    ASSERT_TRUE(spec.has_value());
    EXPECT_FALSE(plan_connection(*spec, "u", 0, reason).has_value());
    EXPECT_EQ(reason, "Bad format domain-literal: [1.1111]");

    spec = parse_mailbox_spec("{127.0.0.1 /notls}", reason);
    ASSERT_TRUE(spec.has_value());
    EXPECT_FALSE(plan_connection(*spec, "u", 0, reason).has_value());
    EXPECT_NE(reason, "");
}

TEST(ConnectionPlan, CanonicalNames)
{
    struct Case {
        std::string spec;
        long flags;
        std::string canonical;
    };
    std::vector<Case> cases = {
        {"{127.0.0.1:143/notls}", 0, "{127.0.0.1:143/imap/notls/user=\"user@example.test\"}INBOX"},
        {"{127.0.0.1:143/notls}inbox", 0, "{127.0.0.1:143/imap/notls/user=\"user@example.test\"}inbox"},
        {"{127.0.0.1/notls}INBOX", 0, "{127.0.0.1:143/imap/notls/user=\"user@example.test\"}INBOX"},
        {"{localhost/notls}INBOX", 0, "{localhost:143/imap/notls/user=\"user@example.test\"}INBOX"},
        {"{[127.0.0.1]:143/notls}INBOX", 0, "{[127.0.0.1]:143/imap/notls/user=\"user@example.test\"}INBOX"},
        {"{127.0.0.1/NOTLS/IMAP4rev1}INBOX", 0, "{127.0.0.1:143/imap/notls/user=\"user@example.test\"}INBOX"},
        {"{127.0.0.1/ssl/novalidate-cert}INBOX", 0,
         "{127.0.0.1:993/imap/notls/ssl/novalidate-cert/user=\"user@example.test\"}INBOX"},
        {"{127.0.0.1/novalidate-cert/ssl:993}INBOX", 0,
         "{127.0.0.1:993/imap/notls/ssl/novalidate-cert/user=\"user@example.test\"}INBOX"},
        {"{127.0.0.1/imap/tls-sslv23/novalidate-cert/loser/secure/readonly}INBOX", 0,
         "{127.0.0.1:143/imap/tls/tls-sslv23/novalidate-cert/loser/secure/readonly/user=\"user@example.test\"}INBOX"},
        {"{127.0.0.1/notls/validate-cert}INBOX", 0, "{127.0.0.1:143/imap/notls/user=\"user@example.test\"}INBOX"},
        {"{127.0.0.1/notls/debug/norsh}INBOX", 0, "{127.0.0.1:143/imap/notls/user=\"user@example.test\"}INBOX"},
        {"{127.0.0.1/notls/secure}INBOX", 0, "{127.0.0.1:143/imap/notls/secure/user=\"user@example.test\"}INBOX"},
        {"{127.0.0.1/notls}Drafts", op_readonly,
         "{127.0.0.1:143/imap/notls/readonly/user=\"user@example.test\"}Drafts"},
        {"{127.0.0.1/notls/readonly}Drafts", 0,
         "{127.0.0.1:143/imap/notls/readonly/user=\"user@example.test\"}Drafts"},
        {"{127.0.0.1/notls}Drafts", op_secure, "{127.0.0.1:143/imap/notls/secure/user=\"user@example.test\"}Drafts"},
        {"{127.0.0.1/notls}Drafts", op_halfopen,
         "{127.0.0.1:143/imap/notls/user=\"user@example.test\"}<no_mailbox>"},
        {"{127.0.0.1/notls/readonly}INBOX", op_halfopen,
         "{127.0.0.1:143/imap/notls/readonly/user=\"user@example.test\"}<no_mailbox>"},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.spec);
        ConnectionPlan plan = plan_valid(c.spec, c.flags);
        EXPECT_EQ(canonical_name(plan), c.canonical);
    }
    // The reference's session used the login name "test".
    EXPECT_EQ(canonical_name(plan_valid("{127.0.0.1:10144/notls}INBOX", 0, "test")),
              "{127.0.0.1:10144/imap/notls/user=\"test\"}INBOX");
    // Not observed: Dovecot rejects anonymous logins, so this follows the
    // order that the other cases show.
    EXPECT_EQ(canonical_prefix(plan_valid("{h/notls/anonymous}")), "{h:143/imap/notls/anonymous}");
}

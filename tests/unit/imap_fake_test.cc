// The IMAP client against tests/fake_imap/server.py, one test per named
// scenario: server quirks from public bug reports (Exchange, Microsoft 365,
// Gmail, Dovecot) and faults such as a dropped connection mid-literal or
// STARTTLS response injection. Each test starts the server on a free port
// of 127.0.0.1, runs the client, checks its typed results or errors, and
// then requires that the server saw nothing a correct client would not
// send (the server's problems.txt is empty).
#include <gtest/gtest.h>

#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "imap/client.h"

using mailbridge::Error;
using mailbridge::ErrorKind;
using mailbridge::Secret;
using mailbridge::Stage;
using namespace mailbridge::imap;

namespace {

// The credentials that tests/fake_imap/scenarios.py expects.
const char user[] = "user@example.test";
const char password[] = "fake-Secret-9";
const char oauth_token[] = "ya29.fake-token";

std::string read_text_file(const std::string &path)
{
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

// One run of server.py with a scenario, in its own temporary directory.
class FakeImapServer {
public:
    explicit FakeImapServer(const std::string &scenario)
    {
        char directory_template[] = "/tmp/mailbridge-fake-imap-XXXXXX";
        if (::mkdtemp(directory_template) == nullptr)
            throw std::runtime_error("mkdtemp failed");
        directory_ = directory_template;

        int output[2];
        if (::pipe2(output, O_CLOEXEC) != 0)
            throw std::runtime_error("pipe2 failed");
        std::string script = std::string(MAILBRIDGE_SOURCE_DIR) + "/tests/fake_imap/server.py";
        pid_ = ::fork();
        if (pid_ == 0) {
            ::dup2(output[1], STDOUT_FILENO);
            ::execl("/usr/bin/python3", "python3", script.c_str(), scenario.c_str(), "--dir", directory_.c_str(),
                    "--timeout", "30", static_cast<char *>(nullptr));
            ::_exit(127);
        }
        ::close(output[1]);

        // The first output line is the port. Certificates are made before it,
        // which takes a moment the first time.
        std::string line;
        char c;
        pollfd descriptor{output[0], POLLIN, 0};
        while (line.find('\n') == std::string::npos && ::poll(&descriptor, 1, 20000) > 0 &&
               ::read(output[0], &c, 1) == 1)
            line += c;
        ::close(output[0]);
        port_ = std::atoi(line.c_str());
        if (port_ <= 0)
            ADD_FAILURE() << "server.py " << scenario << " printed '" << line << "' instead of a port";
    }

    ~FakeImapServer()
    {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
        std::error_code ignored;
        std::filesystem::remove_all(directory_, ignored);
    }

    int port() const { return port_; }
    std::string path(const std::string &name) const { return directory_ + "/" + name; }

    // Wait for the server to exit and return its problems with the session
    // log, or "" when it had none.
    std::string finish()
    {
        int status = 0;
        auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (::waitpid(pid_, &status, WNOHANG) == 0) {
            if (std::chrono::steady_clock::now() > give_up) {
                ::kill(pid_, SIGTERM);
                ::waitpid(pid_, &status, 0);
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        pid_ = -1;
        std::string problems = read_text_file(path("problems.txt"));
        if (problems.empty() && WIFEXITED(status) && WEXITSTATUS(status) == 0)
            return "";
        return "server exit status " + std::to_string(status) + "\nproblems:\n" + problems + "session log:\n" +
               read_text_file(path("session.log"));
    }

private:
    std::string directory_;
    pid_t pid_ = -1;
    int port_ = 0;
};

// Plain connection to the fake server with the test credentials. The
// connection is loopback only, so plaintext authentication is allowed.
SessionConfig plain_config(int port)
{
    SessionConfig config;
    config.host = "127.0.0.1";
    config.port = port;
    config.security = Security::none;
    config.username = user;
    config.password = Secret(password);
    config.allow_plaintext_auth = true;
    config.timeout = 5;
    config.connect_timeout = 5;
    return config;
}

SessionConfig tls_config(const FakeImapServer &server, Security security)
{
    SessionConfig config = plain_config(server.port());
    config.security = security;
    config.allow_plaintext_auth = false;
    config.tls.cafile = server.path("ca.pem");
    return config;
}

// Run action, which must throw Error, and return the error.
Error expect_error(const std::function<void()> &action)
{
    try {
        action();
    } catch (const Error &error) {
        return error;
    }
    ADD_FAILURE() << "no mailbridge::Error was thrown";
    return Error(ErrorKind::protocol, Stage::none, "nothing thrown");
}

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

// Connect, SELECT INBOX and fetch the given items of one UID.
std::vector<FetchedMessage> fetch_one(Client &client, uint32_t uid, const FetchRequest &request)
{
    client.connect();
    client.select("INBOX");
    return client.uid_fetch({uid}, request);
}

FetchRequest body_structure_request()
{
    FetchRequest request;
    request.body_structure = true;
    return request;
}

std::string sha256_fingerprint(const std::string &pem_path)
{
    FILE *file = std::fopen(pem_path.c_str(), "r");
    if (file == nullptr)
        return "";
    X509 *certificate = PEM_read_X509(file, nullptr, nullptr, nullptr);
    std::fclose(file);
    if (certificate == nullptr)
        return "";
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    X509_digest(certificate, EVP_sha256(), digest, &length);
    X509_free(certificate);
    std::string hex;
    char pair[3];
    for (unsigned int i = 0; i < length; ++i) {
        std::snprintf(pair, sizeof pair, "%02x", digest[i]);
        hex += pair;
    }
    return hex;
}

}  // namespace

// BODYSTRUCTURE and ENVELOPE quirks

TEST(ImapFake, BodystructureDispositionString)
{
    FakeImapServer server("bodystructure_disposition_string");
    Client client(plain_config(server.port()), nullptr);
    std::vector<FetchedMessage> messages = fetch_one(client, 67, body_structure_request());
    ASSERT_EQ(messages.size(), 1u);
    const FetchedMessage &message = messages[0];
    EXPECT_EQ(message.uid, 67u);
    EXPECT_EQ(message.size, 14801u);
    EXPECT_TRUE(message.has_flag("\\Seen"));
    ASSERT_TRUE(message.body_structure);
    const BodyStructure &body = *message.body_structure;
    EXPECT_EQ(body.subtype, "alternative");
    ASSERT_EQ(body.parts.size(), 2u);
    const BodyStructure &text = body.parts[0];
    EXPECT_EQ(text.type, "text");
    EXPECT_EQ(text.subtype, "plain");
    EXPECT_EQ(text.encoding, "QUOTED-PRINTABLE");
    EXPECT_EQ(text.size, 850u);
    EXPECT_EQ(text.lines, 31u);
    EXPECT_EQ(text.disposition, "inline");
    EXPECT_TRUE(text.disposition_parameters.empty());
    EXPECT_EQ(text.section, "1");
    EXPECT_EQ(body.parts[1].subtype, "html");
    EXPECT_EQ(body.parts[1].size, 14692u);
    EXPECT_EQ(body.parts[1].disposition, "inline");
    client.logout();
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapFake, BodystructureRfc822WithoutEnvelope)
{
    FakeImapServer server("bodystructure_rfc822_without_envelope");
    Client client(plain_config(server.port()), nullptr);
    std::vector<FetchedMessage> messages = fetch_one(client, 1, body_structure_request());
    ASSERT_EQ(messages.size(), 1u);
    ASSERT_TRUE(messages[0].body_structure);
    const BodyStructure &body = *messages[0].body_structure;
    EXPECT_EQ(body.subtype, "mixed");
    ASSERT_EQ(body.parts.size(), 2u);
    EXPECT_EQ(body.parts[0].type, "multipart");
    EXPECT_EQ(body.parts[0].subtype, "alternative");
    EXPECT_EQ(body.parts[0].parts.size(), 2u);
    const BodyStructure &attached = body.parts[1];
    EXPECT_EQ(attached.type, "message");
    EXPECT_EQ(attached.subtype, "rfc822");
    EXPECT_EQ(attached.size, 1290u);
    EXPECT_EQ(attached.section, "2");
    EXPECT_FALSE(attached.envelope);
    EXPECT_TRUE(attached.parts.empty());
    EXPECT_EQ(attached.disposition, "ATTACHMENT");
    ASSERT_EQ(attached.disposition_parameters.size(), 2u);
    EXPECT_EQ(attached.disposition_parameters[0].first, "CREATION-DATE");
    EXPECT_EQ(attached.disposition_parameters[1].second, "Fri, 09 Nov 2012 18:16:04 GMT");
    client.logout();
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapFake, BounceSectionZeroAsksForHeader)
{
    FakeImapServer server("bounce_section_zero");
    Client client(plain_config(server.port()), nullptr);
    std::vector<FetchedMessage> messages = fetch_one(client, 396206, body_structure_request());
    ASSERT_EQ(messages.size(), 1u);
    ASSERT_TRUE(messages[0].body_structure);
    const BodyStructure &body = *messages[0].body_structure;
    EXPECT_EQ(body.subtype, "report");
    ASSERT_EQ(body.parts.size(), 3u);
    const BodyStructure &returned = body.parts[2];
    EXPECT_EQ(returned.subtype, "rfc822");
    EXPECT_EQ(returned.size, 0u);  // as sent, although its body has 39 octets
    ASSERT_TRUE(returned.envelope);
    EXPECT_EQ(returned.envelope->subject, "Original");
    ASSERT_EQ(returned.parts.size(), 1u);
    EXPECT_EQ(returned.parts[0].section, "3.1");
    EXPECT_EQ(returned.parts[0].size, 39u);

    // ext/imap names the header of part 3 "3.0", but the server accepts only 3.HEADER.
    FetchRequest request;
    request.sections = {"3.0"};
    messages = client.uid_fetch({396206}, request);
    ASSERT_EQ(messages.size(), 1u);
    const BodySection *header = messages[0].find_section("3.HEADER");
    ASSERT_NE(header, nullptr);
    EXPECT_EQ(header->data, "From: a@example.test\r\nSubject: Original\r\n\r\n");
    client.logout();
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapFake, EnvelopeLiteralWithCrlf)
{
    FakeImapServer server("envelope_literal_with_crlf");
    Client client(plain_config(server.port()), nullptr);
    FetchRequest request;
    request.envelope = true;
    std::vector<FetchedMessage> messages = fetch_one(client, 1, request);
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_EQ(messages[0].uid, 1u);
    ASSERT_TRUE(messages[0].envelope);
    const Envelope &envelope = *messages[0].envelope;
    EXPECT_EQ(envelope.subject, "=?utf-8?b?w6TDtsO8?=\r\n =?utf-8?b?w6TDtsO8?= x\r\n");
    EXPECT_EQ(envelope.subject.size(), 47u);
    ASSERT_EQ(envelope.from.size(), 1u);
    EXPECT_EQ(envelope.from[0].mailbox, "u");
    EXPECT_EQ(envelope.from[0].host, "example.com");
    EXPECT_EQ(envelope.to.size(), 1u);
    EXPECT_TRUE(envelope.cc.empty());
    EXPECT_TRUE(messages[0].problems.empty());
    client.logout();
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapFake, BodystructureExtensionString)
{
    FakeImapServer server("bodystructure_extension_string");
    Client client(plain_config(server.port()), nullptr);
    std::vector<FetchedMessage> messages = fetch_one(client, 9, body_structure_request());
    ASSERT_EQ(messages.size(), 1u);
    ASSERT_TRUE(messages[0].body_structure);
    const BodyStructure &body = *messages[0].body_structure;
    EXPECT_EQ(body.subtype, "mixed");
    ASSERT_EQ(body.parts.size(), 2u);
    EXPECT_EQ(body.parts[0].size, 0u);
    EXPECT_EQ(body.parts[0].lines, 0u);
    const BodyStructure &attachment = body.parts[1];
    EXPECT_EQ(attachment.type, "application");
    EXPECT_EQ(attachment.subtype, "octet-stream");
    EXPECT_EQ(attachment.encoding, "base64");
    EXPECT_EQ(attachment.size, 171724u);
    EXPECT_EQ(attachment.disposition, "attachment");
    ASSERT_EQ(attachment.disposition_parameters.size(), 1u);
    EXPECT_EQ(attachment.disposition_parameters[0].first, "filename");
    EXPECT_EQ(attachment.disposition_parameters[0].second, "report.txt");
    client.logout();
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapFake, BodystructureUnknownTypes)
{
    FakeImapServer server("bodystructure_unknown_types");
    Client client(plain_config(server.port()), nullptr);
    std::vector<FetchedMessage> messages = fetch_one(client, 12, body_structure_request());
    ASSERT_EQ(messages.size(), 1u);
    ASSERT_TRUE(messages[0].body_structure);
    const BodyStructure &body = *messages[0].body_structure;
    ASSERT_EQ(body.parts.size(), 3u);
    EXPECT_EQ(body.parts[0].encoding, "x-uuencode");
    EXPECT_EQ(body.parts[0].lines, 40u);
    EXPECT_EQ(body.parts[1].type, "font");
    EXPECT_EQ(body.parts[1].subtype, "woff2");
    EXPECT_EQ(body.parts[1].size, 4096u);
    EXPECT_EQ(body.parts[2].encoding, "8bit\"");
    EXPECT_EQ(body.parts[2].section, "3");
    client.logout();
    EXPECT_EQ(server.finish(), "");
}

// Run a scenario that sends two literals in one FETCH response and the
// message's FLAGS and UID in two more, and check the merged message.
void check_several_literals(const std::string &scenario)
{
    FakeImapServer server(scenario);
    Client client(plain_config(server.port()), nullptr);
    FetchRequest request;
    request.flags = true;
    request.sections = {"TEXT", "HEADER.FIELDS (DATE)"};
    std::vector<FetchedMessage> messages = fetch_one(client, 9, request);
    ASSERT_EQ(messages.size(), 1u);
    const FetchedMessage &message = messages[0];
    EXPECT_EQ(message.uid, 9u);
    EXPECT_TRUE(message.has_flag("\\Seen"));
    EXPECT_TRUE(message.has_flag("\\Flagged"));
    const BodySection *text = message.find_section("TEXT");
    ASSERT_NE(text, nullptr);
    EXPECT_EQ(text->data, "Hi\r\n");
    const BodySection *date = message.find_section("HEADER.FIELDS (DATE)");
    ASSERT_NE(date, nullptr);
    EXPECT_EQ(date->data, "Date: Tue, 21 Jan 2020 11:59:55 +0100 (CET)\r\n\r\n");
    EXPECT_EQ(date->size, 47u);
    client.logout();
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapFake, FetchSeveralLiteralsAndSplitItems)
{
    check_several_literals("fetch_several_literals");
}

TEST(ImapFake, FetchSeveralLiteralsByteByByte)
{
    check_several_literals("fetch_several_literals_byte_by_byte");
}

TEST(ImapFake, FetchUnknownItemsSkipped)
{
    FakeImapServer server("fetch_unknown_items");
    Client client(plain_config(server.port()), nullptr);
    FetchRequest request;
    request.flags = true;
    std::vector<FetchedMessage> messages = fetch_one(client, 5, request);
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_EQ(messages[0].uid, 5u);
    ASSERT_TRUE(messages[0].flags);
    EXPECT_EQ(*messages[0].flags, std::vector<std::string>{"\\Seen"});
    EXPECT_TRUE(client.connected());
    client.logout();
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapFake, NilEverywhere)
{
    FakeImapServer server("nil_everywhere");
    Client client(plain_config(server.port()), nullptr);
    FetchRequest request;
    request.envelope = true;
    request.body_structure = true;
    std::vector<FetchedMessage> messages = fetch_one(client, 3, request);
    ASSERT_EQ(messages.size(), 1u);
    const FetchedMessage &message = messages[0];
    EXPECT_EQ(message.uid, 3u);
    ASSERT_TRUE(message.envelope);
    EXPECT_EQ(message.envelope->subject, "");
    EXPECT_TRUE(message.envelope->from.empty());
    EXPECT_EQ(message.envelope->message_id, "");
    ASSERT_TRUE(message.body_structure) << "problems: " << ::testing::PrintToString(message.problems);
    ASSERT_EQ(message.body_structure->parts.size(), 2u);
    EXPECT_EQ(message.body_structure->parts[0].type, "text");
    EXPECT_EQ(message.body_structure->parts[0].size, 0u);
    EXPECT_EQ(message.body_structure->parts[0].encoding, "");
    EXPECT_EQ(message.body_structure->parts[1].type, "");
    client.logout();
    EXPECT_EQ(server.finish(), "");
}

// Authentication

TEST(ImapFake, Xoauth2FailureReportsJson)
{
    FakeImapServer server("xoauth2_failure_json");
    SessionConfig config = plain_config(server.port());
    config.oauth_token = Secret(oauth_token);
    Client client(config, nullptr);
    Error error = expect_error([&] { client.connect(); });
    EXPECT_EQ(error.kind, ErrorKind::authentication);
    EXPECT_EQ(error.stage, Stage::auth);
    EXPECT_EQ(error.response_status, "NO");
    EXPECT_EQ(error.response_code, "AUTHENTICATIONFAILED");
    EXPECT_EQ(error.server_text, "Invalid credentials (Failure)");
    EXPECT_TRUE(contains(error.what(), "https://mail.google.com/")) << error.what();
    EXPECT_TRUE(contains(error.hint, "scope")) << error.hint;
    EXPECT_FALSE(client.connected());
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapFake, M365Xoauth2RejectedOnce)
{
    FakeImapServer server("m365_xoauth2_rejected");
    SessionConfig config = plain_config(server.port());
    config.oauth_token = Secret(oauth_token);
    Client client(config, nullptr);
    Error error = expect_error([&] { client.connect(); });
    EXPECT_EQ(error.kind, ErrorKind::authentication);
    EXPECT_EQ(error.stage, Stage::auth);
    EXPECT_EQ(error.server_text, "AUTHENTICATE failed.");
    EXPECT_EQ(error.response_code, "");
    EXPECT_TRUE(contains(error.what(), "AUTHENTICATE failed.")) << error.what();
    EXPECT_FALSE(client.connected());
    // The server's script ends after one AUTHENTICATE, so a retry with
    // another mechanism would show up as a problem.
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapFake, M365Xoauth2SlowUsesAuthTimeout)
{
    FakeImapServer server("m365_xoauth2_slow");
    SessionConfig config = plain_config(server.port());
    config.oauth_token = Secret(oauth_token);
    // Microsoft 365 can take about 30 s to accept a valid token, so the
    // default leaves twice that.
    EXPECT_GE(config.auth_timeout, 60.0);
    config.timeout = 1;  // shorter than the server's 2.5 s pause
    config.auth_timeout = 10;
    Client client(config, nullptr);
    client.connect();
    EXPECT_TRUE(client.capabilities().has("MOVE"));
    client.logout();
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapFake, NoAuthMechanismsLoginAfterStarttls)
{
    FakeImapServer server("no_auth_mechanisms_login_after_starttls");
    SessionConfig config = tls_config(server, Security::starttls);
    Client client(config, nullptr);
    client.connect();
    EXPECT_TRUE(client.capabilities().has("UIDPLUS"));
    client.logout();
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapFake, AuthenticationFailedWithAlert)
{
    FakeImapServer server("authenticationfailed_alert");
    Client client(plain_config(server.port()), nullptr);
    Error error = expect_error([&] { client.connect(); });
    EXPECT_EQ(error.kind, ErrorKind::authentication);
    EXPECT_EQ(error.stage, Stage::auth);
    EXPECT_EQ(error.response_code, "AUTHENTICATIONFAILED");
    EXPECT_EQ(error.server_text, "Authentication failed.");
    EXPECT_FALSE(error.hint.empty());
    // RFC 3501 7.1: the client must show an [ALERT] text to the user.
    EXPECT_EQ(client.take_alerts(),
              std::vector<std::string>{"Too many failed logins: this account is locked for 10 minutes"});
    EXPECT_TRUE(client.take_alerts().empty());
    EXPECT_FALSE(client.connected());
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapFake, LoginDisabledWithoutTlsSendsNoPassword)
{
    FakeImapServer server("logindisabled_without_tls");
    std::vector<std::string> transcript;
    Client client(plain_config(server.port()), [&transcript](const std::string &line) { transcript.push_back(line); });
    Error error = expect_error([&] { client.connect(); });
    EXPECT_EQ(error.kind, ErrorKind::authentication);
    EXPECT_EQ(error.stage, Stage::auth);
    EXPECT_TRUE(contains(error.what(), "LOGINDISABLED")) << error.what();
    EXPECT_TRUE(contains(error.hint, "TLS")) << error.hint;
    for (const std::string &line : transcript)
        EXPECT_FALSE(contains(line, password)) << line;
    EXPECT_EQ(server.finish(), "");
}

// Greeting

TEST(ImapFake, GreetingBye)
{
    FakeImapServer server("greeting_bye");
    Client client(plain_config(server.port()), nullptr);
    Error error = expect_error([&] { client.connect(); });
    EXPECT_EQ(error.kind, ErrorKind::connection);
    EXPECT_EQ(error.stage, Stage::greeting);
    EXPECT_EQ(error.response_status, "BYE");
    EXPECT_EQ(error.response_code, "UNAVAILABLE");
    EXPECT_EQ(error.server_text, "Too many connections from your IP address");
    EXPECT_TRUE(error.transient);
    EXPECT_FALSE(client.connected());
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapFake, GreetingEofIsConnectionError)
{
    FakeImapServer server("greeting_eof");
    Client client(plain_config(server.port()), nullptr);
    Error error = expect_error([&] { client.connect(); });
    EXPECT_EQ(error.kind, ErrorKind::connection);
    EXPECT_EQ(error.stage, Stage::greeting);
    EXPECT_TRUE(error.transient);
    EXPECT_FALSE(client.connected());
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapFake, ParkWithoutUnselectExaminesFirst)
{
    FakeImapServer server("park_without_unselect");
    Client client(plain_config(server.port()), nullptr);
    client.connect();
    client.select("INBOX");
    std::unique_ptr<Session> session = client.release_for_pool();
    ASSERT_NE(session, nullptr);
    EXPECT_FALSE(client.connected());
    EXPECT_EQ(client.selected(), nullptr);

    Client reused(plain_config(server.port()), nullptr);
    reused.adopt(std::move(session));
    EXPECT_TRUE(reused.connected());
    EXPECT_EQ(reused.selected(), nullptr);
    reused.logout();
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapFake, GreetingPreauthSkipsLogin)
{
    FakeImapServer server("greeting_preauth");
    Client client(plain_config(server.port()), nullptr);
    client.connect();
    EXPECT_EQ(client.select("INBOX").exists, 3u);
    client.logout();
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapFake, GreetingPreauthWithStarttlsRequired)
{
    FakeImapServer server("greeting_preauth_starttls_required");
    Client client(tls_config(server, Security::starttls), nullptr);
    Error error = expect_error([&] { client.connect(); });
    EXPECT_EQ(error.kind, ErrorKind::tls);
    EXPECT_EQ(error.stage, Stage::tls);
    EXPECT_TRUE(contains(error.what(), "PREAUTH")) << error.what();
    EXPECT_TRUE(contains(error.hint, "993")) << error.hint;
    EXPECT_FALSE(client.connected());
    EXPECT_EQ(server.finish(), "");
}

// TLS

// Run a scenario whose server sends bytes after its STARTTLS OK in the
// same packet, which must end the session before the TLS handshake.
void check_starttls_injection(const std::string &scenario)
{
    FakeImapServer server(scenario);
    Client client(tls_config(server, Security::starttls), nullptr);
    Error error = expect_error([&] { client.connect(); });
    EXPECT_EQ(error.kind, ErrorKind::tls);
    EXPECT_EQ(error.stage, Stage::tls);
    EXPECT_TRUE(contains(error.what(), "injection")) << error.what();
    EXPECT_FALSE(error.hint.empty());
    EXPECT_FALSE(client.connected());
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapFake, StarttlsResponseInjection)
{
    check_starttls_injection("starttls_response_injection");
}

TEST(ImapFake, StarttlsInjectionPartialLine)
{
    check_starttls_injection("starttls_injection_partial_line");
}

TEST(ImapFake, CapabilityRereadAfterStarttls)
{
    FakeImapServer server("capability_after_starttls");
    Client client(tls_config(server, Security::starttls), nullptr);
    client.connect();
    EXPECT_TRUE(client.capabilities().has("MOVE"));
    EXPECT_FALSE(client.capabilities().has("LOGINDISABLED"));
    client.logout();
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapFake, CapabilityRereadAfterLogin)
{
    FakeImapServer server("capability_after_login");
    Client client(plain_config(server.port()), nullptr);
    client.connect();
    EXPECT_TRUE(client.capabilities().has("MOVE"));
    client.select("INBOX");
    std::optional<CopyResult> moved = client.uid_move({4}, "Archive");
    ASSERT_TRUE(moved);
    EXPECT_EQ(moved->uid_validity, 1700000001u);
    EXPECT_EQ(moved->source_uids, "4");
    EXPECT_EQ(moved->target_uids, "20");
    EXPECT_EQ(client.selected()->exists, 2u);
    client.logout();
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapFake, TlsSelfSignedRejectedUnlessPinned)
{
    FakeImapServer server("tls_self_signed");
    SessionConfig config = tls_config(server, Security::tls);
    {
        Client client(config, nullptr);
        Error error = expect_error([&] { client.connect(); });
        EXPECT_EQ(error.kind, ErrorKind::tls);
        EXPECT_EQ(error.stage, Stage::tls);
        EXPECT_TRUE(contains(error.what(), "self-signed") || contains(error.what(), "self signed")) << error.what();
        EXPECT_TRUE(contains(error.what(), "127.0.0.1")) << error.what();
        EXPECT_FALSE(error.hint.empty());
    }
    config.tls.fingerprint = sha256_fingerprint(server.path("self-signed.pem"));
    ASSERT_EQ(config.tls.fingerprint.size(), 64u);
    Client pinned(config, nullptr);
    pinned.connect();
    EXPECT_TRUE(pinned.connected());
    pinned.logout();
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapFake, TlsSendsServerNameIndication)
{
    FakeImapServer server("tls_valid_with_sni");
    SessionConfig config = tls_config(server, Security::tls);
    config.host = "localhost";
    Client client(config, nullptr);
    client.connect();
    client.logout();
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapFake, TlsHandshakeStallBoundedByConnectTimeout)
{
    FakeImapServer server("tls_handshake_stall");
    SessionConfig config = tls_config(server, Security::tls);
    config.connect_timeout = 1;
    config.timeout = 10;
    Client client(config, nullptr);
    auto started = std::chrono::steady_clock::now();
    Error error = expect_error([&] { client.connect(); });
    double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    EXPECT_LT(elapsed, 3.0);
    EXPECT_TRUE(error.kind == ErrorKind::tls || error.kind == ErrorKind::connection);
    EXPECT_TRUE(contains(error.what(), "timed out")) << error.what();
    EXPECT_FALSE(client.connected());
    EXPECT_EQ(server.finish(), "");
}

// Mailboxes and searching

TEST(ImapFake, MailboxNamesModifiedUtf7)
{
    FakeImapServer server("mailbox_names_modified_utf7");
    Client client(plain_config(server.port()), nullptr);
    client.connect();
    std::vector<MailboxInfo> mailboxes = client.list("", "[Gmail]/Wa\xC5\xBC" "ne/%");
    ASSERT_EQ(mailboxes.size(), 2u);
    EXPECT_EQ(mailboxes[0].name, "[Gmail]/Wa\xC5\xBCne/Entw\xC3\xBCrfe");
    EXPECT_EQ(mailboxes[0].raw_name, "[Gmail]/Wa&AXw-ne/Entw&APw-rfe");
    EXPECT_EQ(mailboxes[1].name, "[Gmail]/Wa\xC5\xBCne/\xD0\x9A\xD0\xBE\xD1\x80\xD0\xB7\xD0\xB8\xD0\xBD\xD0\xB0");
    EXPECT_EQ(mailboxes[0].delimiter, "/");
    client.create("Gel\xC3\xB6schte Elemente");
    client.create("R&D");
    client.logout();
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapFake, SearchAsciiSendsNoCharset)
{
    FakeImapServer server("search_badcharset_ascii");
    Client client(plain_config(server.port()), nullptr);
    client.connect();
    client.select("INBOX");
    EXPECT_EQ(client.uid_search(SearchQuery().header("Message-Id", "<id-1@example.test>")),
              std::vector<uint32_t>{7});
    client.logout();
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapFake, SearchBadCharsetKeepsText)
{
    FakeImapServer server("search_badcharset_non_ascii");
    Client client(plain_config(server.port()), nullptr);
    client.connect();
    client.select("INBOX");
    Error error = expect_error([&] { client.uid_search(SearchQuery().text("FROM", "M\xC3\xBCller")); });
    EXPECT_EQ(error.kind, ErrorKind::server_reply);
    EXPECT_EQ(error.stage, Stage::search);
    EXPECT_EQ(error.response_status, "NO");
    EXPECT_EQ(error.response_code, "BADCHARSET");
    EXPECT_EQ(error.response_code_arguments, "(US-ASCII)");
    EXPECT_EQ(error.server_text, "The specified charset is not supported.");
    EXPECT_TRUE(contains(error.what(), "The specified charset is not supported.")) << error.what();
    EXPECT_TRUE(client.connected());
    client.noop();
    client.logout();
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapFake, SearchResultOverAMegabyteThenBatchedFetch)
{
    FakeImapServer server("search_result_over_a_megabyte");
    Client client(plain_config(server.port()), nullptr);
    client.connect();
    client.select("INBOX");
    std::vector<uint32_t> uids = client.uid_search(SearchQuery().all());
    ASSERT_EQ(uids.size(), 170000u);
    EXPECT_EQ(uids.front(), 1u);
    EXPECT_EQ(uids.back(), 170000u);

    FetchRequest request;
    request.flags = true;
    std::vector<uint32_t> first(uids.begin(), uids.begin() + 450);
    std::vector<FetchedMessage> messages = client.uid_fetch(first, request);
    ASSERT_EQ(messages.size(), 450u);
    EXPECT_EQ(messages[449].uid, 450u);
    EXPECT_TRUE(messages[449].has_flag("\\Seen"));
    client.logout();
    EXPECT_EQ(server.finish(), "");
}

// FETCH faults

TEST(ImapFake, FetchLiteralSplitAcrossSegments)
{
    FakeImapServer server("fetch_literal_split_segments");
    Client client(plain_config(server.port()), nullptr);
    FetchRequest request;
    request.flags = true;
    request.sections = {""};
    std::vector<FetchedMessage> messages = fetch_one(client, 5, request);
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_EQ(messages[0].uid, 5u);
    EXPECT_TRUE(messages[0].has_flag("\\Seen"));
    const BodySection *body = messages[0].find_section("");
    ASSERT_NE(body, nullptr);
    EXPECT_EQ(body->data, "Subject: split\r\n\r\nThe literal arrives in pieces.\r\n");
    client.logout();
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapFake, InternalDatesKeptAsSent)
{
    FakeImapServer server("internal_date_offsets");
    Client client(plain_config(server.port()), nullptr);
    client.connect();
    client.select("INBOX");
    FetchRequest request;
    request.internal_date = true;
    std::vector<FetchedMessage> messages = client.uid_fetch({1, 2, 3, 4, 5, 6, 7, 8}, request);
    const char *expected[] = {
        " 7-Jul-1996 02:44:25 -0700", "29-Feb-2024 23:59:59 +0530", "31-Dec-1969 23:00:00 -0100",
        "01-Jan-2000 00:00:00 +1400", "15-Mar-2026 12:00:00 -1200", "15-mar-2026 12:00:00 +0000",
        "31-Feb-2026 10:00:00 +0000", "05-Dec-2026 00:41:10 +0000",
    };
    ASSERT_EQ(messages.size(), 8u);
    for (size_t i = 0; i < messages.size(); ++i) {
        EXPECT_EQ(messages[i].uid, i + 1);
        EXPECT_EQ(messages[i].internal_date, expected[i]) << "UID " << i + 1;
    }
    client.logout();
    EXPECT_EQ(server.finish(), "");
}

// Run a scenario whose server closes the connection during a UID FETCH of
// UID 5, which must fail as a transient connection error at the fetch stage.
void check_drop_during_fetch(const std::string &scenario, const FetchRequest &request)
{
    FakeImapServer server(scenario);
    Client client(plain_config(server.port()), nullptr);
    Error error = expect_error([&] { fetch_one(client, 5, request); });
    EXPECT_EQ(error.kind, ErrorKind::connection);
    EXPECT_EQ(error.stage, Stage::fetch);
    EXPECT_TRUE(error.transient);
    EXPECT_FALSE(client.connected());
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapFake, FetchDropMidLiteral)
{
    FetchRequest request;
    request.sections = {""};
    check_drop_during_fetch("fetch_drop_mid_literal", request);
}

TEST(ImapFake, FetchDropMidLine)
{
    FetchRequest request;
    request.flags = true;
    check_drop_during_fetch("fetch_drop_mid_line", request);
}

TEST(ImapFake, FetchDropBeforeTagged)
{
    FetchRequest request;
    request.flags = true;
    check_drop_during_fetch("fetch_drop_before_tagged", request);
}

TEST(ImapFake, FetchWithExpungeAndExists)
{
    FakeImapServer server("fetch_expunge_exists_during");
    Client client(plain_config(server.port()), nullptr);
    FetchRequest request;
    request.flags = true;
    client.connect();
    client.select("INBOX");
    std::vector<FetchedMessage> messages = client.uid_fetch({10, 12, 14}, request);
    ASSERT_EQ(messages.size(), 3u);
    EXPECT_EQ(messages[0].uid, 10u);
    EXPECT_EQ(messages[1].uid, 12u);
    EXPECT_EQ(messages[2].uid, 14u);
    ASSERT_NE(client.selected(), nullptr);
    EXPECT_EQ(client.selected()->exists, 4u);
    client.logout();
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapFake, LineOverLimitIsProtocolError)
{
    FakeImapServer server("line_over_limit");
    SessionConfig config = plain_config(server.port());
    config.limits.max_line_length = 64 * 1024;
    Client client(config, nullptr);
    FetchRequest request;
    request.flags = true;
    Error error = expect_error([&] { fetch_one(client, 1, request); });
    EXPECT_EQ(error.kind, ErrorKind::protocol);
    EXPECT_EQ(error.stage, Stage::fetch);
    EXPECT_TRUE(contains(error.what(), "65536")) << error.what();
    EXPECT_FALSE(client.connected());
    EXPECT_EQ(server.finish(), "");
}

// COPY, APPEND and MOVE

TEST(ImapFake, CopyTryCreate)
{
    FakeImapServer server("copy_trycreate");
    Client client(plain_config(server.port()), nullptr);
    client.connect();
    client.select("INBOX");
    Error error = expect_error([&] { client.uid_copy({4}, "Archive"); });
    EXPECT_EQ(error.kind, ErrorKind::server_reply);
    EXPECT_EQ(error.stage, Stage::copy);
    EXPECT_EQ(error.response_code, "TRYCREATE");
    EXPECT_EQ(error.server_text, "Mailbox doesn't exist: Archive");
    EXPECT_TRUE(contains(error.hint, "create")) << error.hint;
    EXPECT_TRUE(client.connected());
    client.noop();
    client.logout();
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapFake, AppendTryCreate)
{
    FakeImapServer server("append_trycreate");
    Client client(plain_config(server.port()), nullptr);
    client.connect();
    Error error = expect_error([&] { client.append("Archive", "Subject: t\r\n\r\nHi\r\n", {"\\Seen"}); });
    EXPECT_EQ(error.kind, ErrorKind::server_reply);
    EXPECT_EQ(error.stage, Stage::append);
    EXPECT_EQ(error.response_code, "TRYCREATE");
    EXPECT_TRUE(contains(error.hint, "create")) << error.hint;
    EXPECT_TRUE(client.connected());
    client.noop();
    client.logout();
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapFake, MoveFallbackWithUidplus)
{
    FakeImapServer server("move_fallback_uidplus");
    Client client(plain_config(server.port()), nullptr);
    client.connect();
    client.select("INBOX");
    std::optional<CopyResult> moved = client.uid_move({5, 4}, "Archive");
    ASSERT_TRUE(moved);
    EXPECT_EQ(moved->uid_validity, 1700000001u);
    EXPECT_EQ(moved->target_uids, "20:21");
    EXPECT_EQ(client.selected()->exists, 1u);
    client.logout();
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapFake, MoveWithoutUidplusIsUnsupported)
{
    FakeImapServer server("move_without_uidplus");
    Client client(plain_config(server.port()), nullptr);
    client.connect();
    client.select("INBOX");
    Error error = expect_error([&] { client.uid_move({4}, "Archive"); });
    EXPECT_EQ(error.kind, ErrorKind::unsupported);
    EXPECT_EQ(error.stage, Stage::copy);
    EXPECT_TRUE(contains(error.what(), "UIDPLUS")) << error.what();
    EXPECT_TRUE(client.connected());
    client.logout();
    EXPECT_EQ(server.finish(), "");
}

// IDLE

TEST(ImapFake, IdleUntaggedAfterDone)
{
    FakeImapServer server("idle_untagged_after_done");
    std::vector<std::string> transcript;
    Client client(plain_config(server.port()), [&transcript](const std::string &line) { transcript.push_back(line); });
    client.connect();
    client.select("INBOX");
    std::vector<std::string> events;
    client.idle(10, [&events](const Response &response) {
        events.push_back(std::to_string(response.number) + " " + response.name);
        return false;
    });
    EXPECT_EQ(events, (std::vector<std::string>{"4 EXISTS", "5 EXISTS", "1 RECENT"}));
    EXPECT_EQ(client.selected()->exists, 5u);
    EXPECT_EQ(client.selected()->recent, 1u);
    client.noop();
    client.logout();
    EXPECT_EQ(server.finish(), "");
    int done_count = 0;
    for (const std::string &line : transcript)
        done_count += line == "C: DONE";
    EXPECT_EQ(done_count, 1);
}

TEST(ImapFake, IdleKeepAlivesThenBye)
{
    FakeImapServer server("idle_keepalive_bye");
    Client client(plain_config(server.port()), nullptr);
    client.connect();
    client.select("INBOX");
    int events = 0;
    Error error = expect_error([&] {
        client.idle(10, [&events](const Response &) {
            ++events;
            return true;
        });
    });
    EXPECT_EQ(events, 0);  // keep-alives are not events
    EXPECT_EQ(error.kind, ErrorKind::connection);
    EXPECT_EQ(error.stage, Stage::idle);
    EXPECT_EQ(error.response_status, "BYE");
    EXPECT_EQ(error.server_text, "Disconnected for inactivity.");
    EXPECT_TRUE(error.transient);
    EXPECT_FALSE(client.connected());
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapFake, IdleConnectionDropped)
{
    FakeImapServer server("idle_connection_dropped");
    Client client(plain_config(server.port()), nullptr);
    client.connect();
    client.select("INBOX");
    Error error = expect_error([&] { client.idle(10, [](const Response &) { return true; }); });
    EXPECT_EQ(error.kind, ErrorKind::connection);
    EXPECT_EQ(error.stage, Stage::idle);
    EXPECT_TRUE(error.transient);
    EXPECT_FALSE(client.connected());
    EXPECT_EQ(server.finish(), "");
}

// The IMAP session and client against a scripted server on 127.0.0.1,
// for server behaviour that Dovecot does not produce on demand: sync
// literals, XOAUTH2 errors, STARTTLS injection, MOVE without the
// extension, BADCHARSET, BYE and IDLE keep-alives.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
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

// One step of the script: wait for a line equal to expect (no wait when
// expect is empty, an empty line when it is empty_line, the client closing
// the connection when it is client_close), then send reply.
struct Step {
    std::string expect;
    std::string reply;
};

const std::string empty_line = "<empty line>";
const std::string client_close = "<client closes>";

class ScriptedServer {
public:
    ScriptedServer(std::initializer_list<Step> steps) : steps_(steps)
    {
        listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof(address);
        if (::bind(listener_, reinterpret_cast<sockaddr *>(&address), sizeof(address)) != 0 ||
            ::listen(listener_, 1) != 0 ||
            ::getsockname(listener_, reinterpret_cast<sockaddr *>(&address), &length) != 0)
            ADD_FAILURE() << "cannot listen on 127.0.0.1";
        port_ = ntohs(address.sin_port);
        thread_ = std::thread([this] { serve(); });
    }

    ~ScriptedServer()
    {
        if (thread_.joinable())
            thread_.join();
        ::close(listener_);
    }

    int port() const { return port_; }

    // Wait for the script to end and return the first mismatch, or "".
    std::string finish()
    {
        if (thread_.joinable())
            thread_.join();
        return failure_;
    }

private:
    bool read_line(int fd, std::string &line)
    {
        line.clear();
        while (true) {
            size_t end = buffer_.find("\r\n");
            if (end != std::string::npos) {
                line = buffer_.substr(0, end);
                buffer_.erase(0, end + 2);
                return true;
            }
            char chunk[4096];
            ssize_t n = ::recv(fd, chunk, sizeof(chunk), 0);
            if (n <= 0)
                return false;
            buffer_.append(chunk, static_cast<size_t>(n));
        }
    }

    void serve()
    {
        int fd = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) {
            failure_ = "accept failed";
            return;
        }
        timeval timeout{5, 0};
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
        for (const Step &step : steps_) {
            if (step.expect == client_close) {
                std::string line;
                if (read_line(fd, line))
                    failure_ = "expected the client to close the connection, got \"" + line + "\"";
                break;
            }
            if (!step.expect.empty()) {
                std::string line;
                if (!read_line(fd, line)) {
                    failure_ = "connection ended while waiting for: " + step.expect;
                    break;
                }
                if (step.expect == empty_line ? !line.empty() : line != step.expect) {
                    failure_ = "expected \"" + step.expect + "\", got \"" + line + "\"";
                    break;
                }
            }
            if (!step.reply.empty())
                ::send(fd, step.reply.data(), step.reply.size(), MSG_NOSIGNAL);
        }
        ::close(fd);
    }

    std::vector<Step> steps_;
    int listener_ = -1;
    int port_ = 0;
    std::thread thread_;
    std::string buffer_;
    std::string failure_;
};

SessionConfig plain_config(int port)
{
    SessionConfig config;
    config.host = "127.0.0.1";
    config.port = port;
    config.security = Security::none;
    config.username = "user";
    config.password = Secret("p\xC3\xA4ss");
    config.allow_plaintext_auth = true;
    config.timeout = 5;
    return config;
}

const char greeting[] = "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN IDLE UIDPLUS] ready\r\n";

struct Transcript {
    std::vector<std::string> lines;
    LogSink sink()
    {
        return [this](const std::string &line) { lines.push_back(line); };
    }
};

}  // namespace

TEST(ImapSession, LoginWithSynchronizingLiteral)
{
    ScriptedServer server({
        {"", "* OK [CAPABILITY IMAP4rev1] ready\r\n"},
        {"A1 LOGIN user {5}", "+ go ahead\r\n"},
        {"p\xC3\xA4ss", "A1 OK [CAPABILITY IMAP4rev1 IDLE] logged in\r\n"},
        {"A2 LOGOUT", "* BYE bye\r\nA2 OK done\r\n"},
    });
    Transcript transcript;
    SessionConfig config = plain_config(server.port());
    Client client(config, transcript.sink());
    client.connect();
    EXPECT_TRUE(client.capabilities().has("IDLE"));
    client.logout();
    EXPECT_EQ(server.finish(), "");
    for (const std::string &line : transcript.lines)
        EXPECT_EQ(line.find("p\xC3\xA4ss"), std::string::npos) << line;
}

TEST(ImapSession, AuthenticatePlainWithoutSaslIr)
{
    ScriptedServer server({
        {"", greeting},
        {"A1 AUTHENTICATE PLAIN", "+ \r\n"},
        {"AHVzZXIAcMOkc3M=", "A1 OK done\r\n"},
        {"A2 CAPABILITY", "* CAPABILITY IMAP4rev1 IDLE MOVE\r\nA2 OK done\r\n"},
    });
    Client client(plain_config(server.port()), nullptr);
    client.connect();
    EXPECT_TRUE(client.capabilities().has("MOVE"));
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapSession, Xoauth2ErrorAnsweredWithEmptyLine)
{
    // The challenge decodes to {"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}.
    ScriptedServer server({
        {"", "* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=XOAUTH2] ready\r\n"},
        {"A1 AUTHENTICATE XOAUTH2 dXNlcj11c2VyAWF1dGg9QmVhcmVyIHRva2VuAQE=",
         "+ eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==\r\n"},
        {empty_line, "A1 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)\r\n"},
    });
    SessionConfig config = plain_config(server.port());
    config.oauth_token = Secret("token");
    Transcript transcript;
    Client client(config, transcript.sink());
    try {
        client.connect();
        FAIL() << "connect() succeeded";
    } catch (const Error &error) {
        EXPECT_EQ(error.kind, ErrorKind::authentication);
        EXPECT_EQ(error.response_code, "AUTHENTICATIONFAILED");
        EXPECT_EQ(error.server_text, "Invalid credentials (Failure)");
        EXPECT_NE(std::string(error.what()).find("https://mail.google.com/"), std::string::npos) << error.what();
    }
    EXPECT_EQ(server.finish(), "");
    for (const std::string &line : transcript.lines)
        EXPECT_EQ(line.find("dXNlcj11c2Vy"), std::string::npos) << line;
}

TEST(ImapSession, StarttlsInjectionEndsSession)
{
    ScriptedServer server({
        {"", "* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready\r\n"},
        {"A1 STARTTLS", "A1 OK Begin TLS\r\n* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] injected\r\n"},
    });
    SessionConfig config = plain_config(server.port());
    config.security = Security::starttls;
    config.allow_plaintext_auth = false;
    Client client(config, nullptr);
    try {
        client.connect();
        FAIL() << "connect() succeeded";
    } catch (const Error &error) {
        EXPECT_EQ(error.kind, ErrorKind::tls);
        EXPECT_NE(std::string(error.what()).find("injection"), std::string::npos) << error.what();
    }
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapSession, StarttlsRequiredButNotOffered)
{
    ScriptedServer server({{"", "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n"}});
    SessionConfig config = plain_config(server.port());
    config.security = Security::starttls;
    Client client(config, nullptr);
    try {
        client.connect();
        FAIL() << "connect() succeeded";
    } catch (const Error &error) {
        EXPECT_EQ(error.kind, ErrorKind::tls);
        EXPECT_EQ(error.stage, Stage::tls);
    }
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapSession, LoginDisabledWithoutMechanism)
{
    ScriptedServer server({{"", "* OK [CAPABILITY IMAP4rev1 LOGINDISABLED] ready\r\n"}});
    Client client(plain_config(server.port()), nullptr);
    try {
        client.connect();
        FAIL() << "connect() succeeded";
    } catch (const Error &error) {
        EXPECT_EQ(error.kind, ErrorKind::authentication);
        EXPECT_NE(error.hint.find("TLS"), std::string::npos) << error.hint;
    }
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapSession, MoveFallbackWithUidplus)
{
    ScriptedServer server({
        {"", "* PREAUTH [CAPABILITY IMAP4rev1 UIDPLUS] ready\r\n"},
        {"A1 SELECT INBOX", "* 3 EXISTS\r\n* OK [UIDVALIDITY 7] ok\r\nA1 OK [READ-WRITE] done\r\n"},
        {"A2 UID COPY 4:5 Archive", "A2 OK [COPYUID 9 4:5 10:11] copied\r\n"},
        {"A3 UID STORE 4:5 +FLAGS.SILENT (\\Deleted)", "A3 OK stored\r\n"},
        {"A4 UID EXPUNGE 4:5", "* 2 EXPUNGE\r\n* 2 EXPUNGE\r\nA4 OK expunged\r\n"},
    });
    SessionConfig config = plain_config(server.port());
    config.username.clear();
    Client client(config, nullptr);
    client.connect();
    EXPECT_EQ(client.select("INBOX").exists, 3u);
    std::optional<CopyResult> moved = client.uid_move({5, 4}, "Archive");
    ASSERT_TRUE(moved);
    EXPECT_EQ(moved->uid_validity, 9u);
    EXPECT_EQ(moved->target_uids, "10:11");
    EXPECT_EQ(client.selected()->exists, 1u);
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapSession, MoveWithoutMoveOrUidplusIsUnsupported)
{
    ScriptedServer server({{"", "* PREAUTH [CAPABILITY IMAP4rev1] ready\r\n"}});
    SessionConfig config = plain_config(server.port());
    config.username.clear();
    Client client(config, nullptr);
    client.connect();
    try {
        client.uid_move({1}, "Archive");
        FAIL() << "uid_move() succeeded";
    } catch (const Error &error) {
        EXPECT_EQ(error.kind, ErrorKind::unsupported);
        EXPECT_EQ(error.stage, Stage::copy);
    }
    EXPECT_TRUE(client.connected());
    client.abandon();
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapSession, BadCharsetAndAlertKeepConnection)
{
    ScriptedServer server({
        {"", "* PREAUTH [CAPABILITY IMAP4rev1 LITERAL+] ready\r\n"},
        {"A1 UID SEARCH CHARSET UTF-8 FROM {7+}", ""},
        {"M\xC3\xBCller",
         "* OK [ALERT] Mailbox is at 95% of quota\r\nA1 NO [BADCHARSET (US-ASCII)] The specified charset is not "
         "supported.\r\n"},
        {"A2 NOOP", "A2 OK done\r\n"},
    });
    SessionConfig config = plain_config(server.port());
    config.username.clear();
    Client client(config, nullptr);
    client.connect();
    try {
        client.uid_search(SearchQuery().text("FROM", "M\xC3\xBCller"));
        FAIL() << "uid_search() succeeded";
    } catch (const Error &error) {
        EXPECT_EQ(error.stage, Stage::search);
        EXPECT_EQ(error.response_code, "BADCHARSET");
        EXPECT_EQ(error.server_text, "The specified charset is not supported.");
    }
    EXPECT_TRUE(client.connected());
    EXPECT_EQ(client.take_alerts(), std::vector<std::string>{"Mailbox is at 95% of quota"});
    EXPECT_TRUE(client.take_alerts().empty());
    client.noop();
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapSession, ByeDuringCommandDisconnects)
{
    ScriptedServer server({
        {"", "* PREAUTH ready\r\n"},
        {"A1 CAPABILITY", "* CAPABILITY IMAP4rev1\r\nA1 OK done\r\n"},
        {"A2 NOOP", "* BYE [UNAVAILABLE] Server shutting down\r\n"},
    });
    SessionConfig config = plain_config(server.port());
    config.username.clear();
    Client client(config, nullptr);
    client.connect();
    try {
        client.noop();
        FAIL() << "noop() succeeded";
    } catch (const Error &error) {
        EXPECT_EQ(error.kind, ErrorKind::connection);
        EXPECT_EQ(error.stage, Stage::noop);
        EXPECT_EQ(error.response_status, "BYE");
        EXPECT_TRUE(error.transient);
    }
    EXPECT_FALSE(client.connected());
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapSession, IdleIgnoresKeepAlivesAndSendsOneDone)
{
    ScriptedServer server({
        {"", "* PREAUTH [CAPABILITY IMAP4rev1 IDLE] ready\r\n"},
        {"A1 SELECT INBOX", "* 1 EXISTS\r\nA1 OK [READ-WRITE] done\r\n"},
        {"A2 IDLE", "+ idling\r\n* OK Still here\r\n* 2 EXISTS\r\n"},
        {"DONE", "* 3 EXISTS\r\n* 2 FETCH (FLAGS (\\Seen))\r\nA2 OK Idle completed\r\n"},
        {"A3 NOOP", "A3 OK done\r\n"},
    });
    SessionConfig config = plain_config(server.port());
    config.username.clear();
    Transcript transcript;
    Client client(config, transcript.sink());
    client.connect();
    client.select("INBOX");
    std::vector<std::string> events;
    client.idle(10, [&events](const Response &response) {
        events.push_back(std::to_string(response.number) + " " + response.name);
        return false;
    });
    EXPECT_EQ(events, (std::vector<std::string>{"2 EXISTS", "3 EXISTS", "2 FETCH"}));
    EXPECT_EQ(client.selected()->exists, 3u);
    client.noop();
    EXPECT_EQ(server.finish(), "");
    int done_count = 0;
    for (const std::string &line : transcript.lines)
        done_count += line == "C: DONE";
    EXPECT_EQ(done_count, 1);
}

TEST(ImapSession, IdleRenewsBeforeServerTimeout)
{
    ScriptedServer server({
        {"", "* PREAUTH [CAPABILITY IMAP4rev1 IDLE] ready\r\n"},
        {"A1 IDLE", "+ idling\r\n"},
        {"DONE", "A1 OK Idle completed\r\n"},
        {"A2 IDLE", "+ idling\r\n"},
        {"DONE", "A2 OK Idle completed\r\n"},
    });
    SessionConfig config = plain_config(server.port());
    config.username.clear();
    Session session(config, nullptr);
    session.open();

    // Drive the session directly, as an event loop other than Client would.
    auto drive = [&session] {
        while (session.busy()) {
            if (mailbridge::net::Clock::now() >= session.deadline()) {
                session.on_timeout();
                continue;
            }
            pollfd descriptor{};
            descriptor.fd = session.fd();
            descriptor.events = session.want() == mailbridge::net::Want::write ? POLLOUT : POLLIN;
            if (::poll(&descriptor, 1, 20) > 0)
                session.on_ready();
        }
    };
    drive();
    ASSERT_EQ(session.state(), Session::State::ready);

    // Renew every 0.3 s during a 0.5 s IDLE: one renewal, two IDLE commands.
    session.begin_idle(0.5, [](const Response &) { return true; }, 0.3);
    drive();

    EXPECT_EQ(session.state(), Session::State::ready);
    EXPECT_FALSE(session.error());
    session.abandon();
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapSession, TaggedResponseWithWrongTagIsProtocolError)
{
    ScriptedServer server({
        {"", "* PREAUTH [CAPABILITY IMAP4rev1] ready\r\n"},
        {"A1 NOOP", "B9 OK done\r\n"},
    });
    SessionConfig config = plain_config(server.port());
    config.username.clear();
    Client client(config, nullptr);
    client.connect();
    try {
        client.noop();
        FAIL() << "noop() succeeded";
    } catch (const Error &error) {
        EXPECT_EQ(error.kind, ErrorKind::protocol);
    }
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapSession, ThrowingIdleHandlerDisconnects)
{
    ScriptedServer server({
        {"", "* PREAUTH [CAPABILITY IMAP4rev1 IDLE] ready\r\n"},
        {"A1 IDLE", "+ idling\r\n* 4 EXISTS\r\n"},
    });
    SessionConfig config = plain_config(server.port());
    config.username.clear();
    Client client(config, nullptr);
    client.connect();
    EXPECT_THROW(client.idle(10, [](const Response &) -> bool { throw std::runtime_error("handler failed"); }),
                 std::runtime_error);
    EXPECT_FALSE(client.connected());
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapSession, EnableUtf8SendsNamesUnencoded)
{
    ScriptedServer server({
        {"", "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] ready\r\n"},
        {"A1 AUTHENTICATE PLAIN AHVzZXIAcMOkc3M=", "A1 OK [CAPABILITY IMAP4rev1 ENABLE UTF8=ACCEPT] done\r\n"},
        {"A2 ENABLE UTF8=ACCEPT", "* ENABLED UTF8=ACCEPT\r\nA2 OK enabled\r\n"},
        {"A3 LIST \"\" {9}", "+ go\r\n"},
        {"Entw\xC3\xBCrfe", "* LIST () \"/\" \"Entw\xC3\xBCrfe\"\r\nA3 OK listed\r\n"},
    });
    Client client(plain_config(server.port()), nullptr);
    client.connect();
    EXPECT_TRUE(client.utf8_enabled());
    std::vector<MailboxInfo> listed = client.list("", "Entw\xC3\xBCrfe");
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].name, "Entw\xC3\xBCrfe");
    client.abandon();
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapSession, NoInsteadOfContinuationKeepsConnection)
{
    ScriptedServer server({
        {"", "* PREAUTH [CAPABILITY IMAP4rev1] ready\r\n"},
        {"A1 APPEND Entw&APw-rfe {4}", "A1 NO [TOOBIG] Message too large\r\n"},
        {"A2 NOOP", "A2 OK done\r\n"},
    });
    SessionConfig config = plain_config(server.port());
    config.username.clear();
    Client client(config, nullptr);
    client.connect();
    try {
        client.append("Entw\xC3\xBCrfe", "body");
        FAIL() << "append() succeeded";
    } catch (const Error &error) {
        EXPECT_EQ(error.stage, Stage::append);
        EXPECT_EQ(error.response_code, "TOOBIG");
    }
    EXPECT_TRUE(client.connected());
    client.noop();
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapSession, SilentServerTimesOut)
{
    ScriptedServer server({
        {"", "* PREAUTH [CAPABILITY IMAP4rev1] ready\r\n"},
        {"A1 NOOP", ""},
        {client_close, ""},
    });
    SessionConfig config = plain_config(server.port());
    config.username.clear();
    config.timeout = 0.3;
    Client client(config, nullptr);
    client.connect();
    auto start = std::chrono::steady_clock::now();
    try {
        client.noop();
        FAIL() << "noop() succeeded";
    } catch (const Error &error) {
        EXPECT_EQ(error.kind, ErrorKind::connection);
        EXPECT_EQ(error.stage, Stage::noop);
        EXPECT_NE(std::string(error.what()).find("timed out"), std::string::npos) << error.what();
    }
    double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_GE(elapsed, 0.25);
    EXPECT_LT(elapsed, 3.0);
    EXPECT_FALSE(client.connected());
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapSession, TranscriptShowsLiteralSizeOnly)
{
    ScriptedServer server({
        {"", "* PREAUTH [CAPABILITY IMAP4rev1] ready\r\n"},
        {"A1 UID FETCH 7 (UID BODY.PEEK[1])",
         "* 3 FETCH (UID 7 BODY[1] {14}\r\nsecret\r\nbody\r\n)\r\nA1 OK done\r\n"},
    });
    SessionConfig config = plain_config(server.port());
    config.username.clear();
    Transcript transcript;
    Client client(config, transcript.sink());
    client.connect();
    FetchRequest request;
    request.sections = {"1"};
    std::vector<FetchedMessage> messages = client.uid_fetch({7}, request);
    ASSERT_EQ(messages.size(), 1u);
    ASSERT_NE(messages[0].find_section("1"), nullptr);
    EXPECT_EQ(messages[0].find_section("1")->data, "secret\r\nbody\r\n");
    bool size_logged = false;
    for (const std::string &line : transcript.lines) {
        EXPECT_EQ(line.find("secret"), std::string::npos) << line;
        size_logged = size_logged || line == "S: * 3 FETCH (UID 7 BODY[1] {14 octets})";
    }
    EXPECT_TRUE(size_logged);
    client.abandon();
    EXPECT_EQ(server.finish(), "");
}

TEST(ImapSession, CommandBeforeOpenIsLogicError)
{
    Session session(plain_config(1), nullptr);
    EXPECT_THROW(session.begin_command(Command("NOOP"), Stage::noop), std::logic_error);
    EXPECT_THROW(session.begin_idle(1, nullptr), std::logic_error);
    EXPECT_THROW(session.begin_logout(), std::logic_error);
    EXPECT_EQ(session.state(), Session::State::closed);
}

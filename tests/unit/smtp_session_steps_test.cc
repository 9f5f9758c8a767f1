// State transitions of Session's command-level interface, against a
// scripted server on a loopback socket in a thread of the test process.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "common/byte_source.h"
#include "smtp/client.h"
#include "smtp/session.h"

using mailbridge::ErrorKind;
using mailbridge::Secret;
using mailbridge::StringSource;
using mailbridge::smtp::Security;
using mailbridge::smtp::Session;
using mailbridge::smtp::SessionConfig;
using mailbridge::smtp::run_until_idle;

namespace {

// One scripted reply: sent after the server has read a line (or at once
// for the greeting, when expect_line is false). With until_dot, the server
// reads lines up to the line "." before it replies.
struct ServerStep {
    bool expect_line;
    std::string reply;  // written as is; empty: close the connection
    bool until_dot = false;
};

// Accepts one connection, plays the steps, and records every line the
// client sent, including those after the last step, until EOF.
class ScriptedServer {
public:
    explicit ScriptedServer(std::vector<ServerStep> steps) : steps_(std::move(steps))
    {
        listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(listener_, reinterpret_cast<sockaddr *>(&address), sizeof(address));
        ::listen(listener_, 1);
        socklen_t length = sizeof(address);
        ::getsockname(listener_, reinterpret_cast<sockaddr *>(&address), &length);
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
    // Lines the client sent; call after the client closed the connection.
    const std::vector<std::string> &lines()
    {
        if (thread_.joinable())
            thread_.join();
        return lines_;
    }

private:
    bool read_line(int fd, std::string &buffer, std::string &line)
    {
        while (true) {
            size_t end = buffer.find("\r\n");
            if (end != std::string::npos) {
                line = buffer.substr(0, end);
                buffer.erase(0, end + 2);
                return true;
            }
            char chunk[4096];
            ssize_t n = ::recv(fd, chunk, sizeof(chunk), 0);
            if (n <= 0)
                return false;
            buffer.append(chunk, static_cast<size_t>(n));
        }
    }

    void serve()
    {
        int fd = ::accept(listener_, nullptr, nullptr);
        if (fd < 0)
            return;
        std::string buffer, line;
        for (const ServerStep &step : steps_) {
            if (step.expect_line) {
                if (!read_line(fd, buffer, line))
                    break;
                lines_.push_back(line);
                while (step.until_dot && line != ".") {
                    if (!read_line(fd, buffer, line))
                        break;
                    lines_.push_back(line);
                }
            }
            if (step.reply.empty()) {
                ::close(fd);
                return;
            }
            ::send(fd, step.reply.data(), step.reply.size(), MSG_NOSIGNAL);
        }
        while (read_line(fd, buffer, line))
            lines_.push_back(line);
        ::close(fd);
    }

    std::vector<ServerStep> steps_;
    int listener_ = -1;
    int port_ = 0;
    std::thread thread_;
    std::vector<std::string> lines_;
};

SessionConfig config_for(int port)
{
    SessionConfig config;
    config.host = "127.0.0.1";
    config.port = port;
    config.security = Security::none;
    config.timeout = 5;
    config.connect_timeout = 5;
    config.data_timeout = 5;
    return config;
}

const std::string greeting = "220 test ESMTP\r\n";
const std::string ehlo_reply = "250-test\r\n250-8BITMIME\r\n250 AUTH PLAIN LOGIN\r\n";

TEST(SessionSteps, RejectedMailLeavesSessionReady)
{
    ScriptedServer server({
        {false, greeting},
        {true, ehlo_reply},
        {true, "550 5.7.1 sender refused\r\n"},
        {true, "250 2.0.0 Ok\r\n"},
        {true, "221 2.0.0 Bye\r\n"},
    });
    Session session(config_for(server.port()), nullptr);
    session.begin_connect();
    run_until_idle(session);
    ASSERT_EQ(session.state(), Session::State::ready);
    EXPECT_FALSE(session.hello_done());

    session.begin_hello("client.test");
    run_until_idle(session);
    ASSERT_EQ(session.state(), Session::State::ready);
    EXPECT_TRUE(session.hello_done());
    EXPECT_TRUE(session.used_ehlo());
    EXPECT_TRUE(session.capabilities().has_auth("LOGIN"));

    session.begin_mail("a@example.test", false, true);
    run_until_idle(session);
    EXPECT_EQ(session.state(), Session::State::ready);
    ASSERT_TRUE(session.error().has_value());
    EXPECT_EQ(session.error()->reply_code, 550);
    EXPECT_EQ(session.error()->command, "MAIL");
    EXPECT_EQ(session.last_reply().code, 550);
    EXPECT_EQ(session.last_reply().enhanced_status, "5.7.1");
    EXPECT_FALSE(session.in_transaction());

    session.begin_step_reset();
    run_until_idle(session);
    EXPECT_EQ(session.state(), Session::State::ready);
    EXPECT_FALSE(session.error().has_value());

    session.begin_quit();
    run_until_idle(session);
    EXPECT_EQ(session.state(), Session::State::closed);

    std::vector<std::string> expected = {"EHLO client.test", "MAIL FROM:<a@example.test> XVERP", "RSET", "QUIT"};
    EXPECT_EQ(server.lines(), expected);
}

TEST(SessionSteps, Greeting554IsAnsweredWithQuit)
{
    ScriptedServer server({
        {false, "554 5.7.1 no service\r\n"},
        {true, "221 2.0.0 Bye\r\n"},
    });
    Session session(config_for(server.port()), nullptr);
    session.begin_connect();
    run_until_idle(session);
    EXPECT_EQ(session.state(), Session::State::failed);
    ASSERT_TRUE(session.error().has_value());
    EXPECT_EQ(session.error()->reply_code, 554);
    EXPECT_EQ(session.error()->stage, mailbridge::Stage::connect);
    std::vector<std::string> expected = {"QUIT"};
    EXPECT_EQ(server.lines(), expected);
}

TEST(SessionSteps, LineBreakInArgumentThrowsBeforeWriting)
{
    ScriptedServer server({{false, greeting}, {true, ehlo_reply}, {true, "221 Bye\r\n"}});
    Session session(config_for(server.port()), nullptr);
    session.begin_connect();
    run_until_idle(session);
    session.begin_hello("client.test");
    run_until_idle(session);

    EXPECT_THROW(session.begin_mail("a@example.test>\r\nRSET", false, false), std::invalid_argument);
    EXPECT_THROW(session.begin_rcpt("b@example.test\n", ""), std::invalid_argument);
    EXPECT_THROW(session.begin_rcpt("b@example.test", "SUCCESS\r"), std::invalid_argument);
    EXPECT_THROW(session.begin_rcpt(std::string("b@example.test\0", 15), ""), std::invalid_argument);
    EXPECT_THROW(session.begin_hello("x\ry"), std::invalid_argument);
    EXPECT_EQ(session.state(), Session::State::ready);

    session.begin_quit();
    run_until_idle(session);
    std::vector<std::string> expected = {"EHLO client.test", "QUIT"};
    EXPECT_EQ(server.lines(), expected);
}

TEST(SessionSteps, DataCountsOnlyAfter250ToTheDot)
{
    ScriptedServer server({
        {false, greeting},
        {true, ehlo_reply},
        {true, "250 2.1.0 Ok\r\n"},
        {true, "250 2.1.5 Ok\r\n"},
        {true, "354 go ahead\r\n"},
        // Three message lines and the dot, then the reply to the dot.
        {true, ""},
    });
    Session session(config_for(server.port()), nullptr);
    session.begin_connect();
    run_until_idle(session);
    session.begin_hello("client.test");
    run_until_idle(session);
    session.begin_mail("a@example.test", true, false);
    run_until_idle(session);
    EXPECT_TRUE(session.in_transaction());
    session.begin_rcpt("b@example.test", "SUCCESS,FAILURE");
    run_until_idle(session);
    auto message = std::make_shared<const std::string>("Subject: x\n\n.leading dot\n");
    session.begin_data(std::make_unique<StringSource>(message));
    run_until_idle(session);
    // The server closed the connection instead of replying to the dot.
    EXPECT_EQ(session.state(), Session::State::failed);
    ASSERT_TRUE(session.error().has_value());
    EXPECT_EQ(session.error()->kind, ErrorKind::unknown_outcome);
    EXPECT_EQ(session.transactions(), 0u);

    std::vector<std::string> lines = server.lines();
    ASSERT_GE(lines.size(), 4u);
    EXPECT_EQ(lines[0], "EHLO client.test");
    EXPECT_EQ(lines[1], "MAIL FROM:<a@example.test> SMTPUTF8");
    EXPECT_EQ(lines[2], "RCPT TO:<b@example.test> NOTIFY=SUCCESS,FAILURE");
    EXPECT_EQ(lines[3], "DATA");
}

TEST(SessionSteps, DataAcceptedEndsTheTransaction)
{
    ScriptedServer server({
        {false, greeting},
        {true, ehlo_reply},
        {true, "250 2.1.0 Ok\r\n"},
        {true, "250 2.1.5 Ok\r\n"},
        {true, "354 go ahead\r\n"},
        {true, "250 2.0.0 Ok: queued as ABC123\r\n", true},
        {true, "221 Bye\r\n"},
    });
    Session session(config_for(server.port()), nullptr);
    session.begin_connect();
    run_until_idle(session);
    session.begin_hello("client.test");
    run_until_idle(session);
    session.begin_mail("a@example.test", false, false);
    run_until_idle(session);
    session.begin_rcpt("b@example.test", "");
    run_until_idle(session);
    auto message = std::make_shared<const std::string>("Subject: x\n\n.leading dot\nlast");
    session.begin_data(std::make_unique<StringSource>(message));
    run_until_idle(session);
    EXPECT_EQ(session.state(), Session::State::ready);
    EXPECT_FALSE(session.error().has_value());
    EXPECT_FALSE(session.in_transaction());
    EXPECT_EQ(session.transactions(), 1u);
    EXPECT_EQ(session.last_reply().code, 250);

    session.begin_quit();
    run_until_idle(session);
    std::vector<std::string> expected = {
        "EHLO client.test", "MAIL FROM:<a@example.test>", "RCPT TO:<b@example.test>", "DATA",
        "Subject: x",       "",                           "..leading dot",            "last",
        ".",                "QUIT",
    };
    EXPECT_EQ(server.lines(), expected);
}

TEST(SessionSteps, Rcpt421ClosesTheSession)
{
    ScriptedServer server({
        {false, greeting},
        {true, ehlo_reply},
        {true, "250 2.1.0 Ok\r\n"},
        {true, "421 4.3.2 shutting down\r\n"},
    });
    Session session(config_for(server.port()), nullptr);
    session.begin_connect();
    run_until_idle(session);
    session.begin_hello("client.test");
    run_until_idle(session);
    session.begin_mail("a@example.test", false, false);
    run_until_idle(session);
    session.begin_rcpt("b@example.test", "");
    run_until_idle(session);
    EXPECT_EQ(session.state(), Session::State::failed);
    ASSERT_TRUE(session.error().has_value());
    EXPECT_EQ(session.error()->reply_code, 421);
    EXPECT_FALSE(session.in_transaction());
}

TEST(SessionSteps, AuthWithoutTlsIsRefusedBeforeWriting)
{
    ScriptedServer server({{false, greeting}, {true, ehlo_reply}, {true, "221 Bye\r\n"}});
    Session session(config_for(server.port()), nullptr);
    session.begin_connect();
    run_until_idle(session);
    session.begin_hello("client.test");
    run_until_idle(session);
    session.begin_auth_mechanism("PLAIN", "user", Secret("password"), Secret());
    EXPECT_FALSE(session.busy());
    EXPECT_EQ(session.state(), Session::State::ready);
    ASSERT_TRUE(session.error().has_value());
    EXPECT_EQ(session.error()->kind, ErrorKind::authentication);
    EXPECT_FALSE(session.authenticated());

    session.begin_quit();
    run_until_idle(session);
    std::vector<std::string> expected = {"EHLO client.test", "QUIT"};
    EXPECT_EQ(server.lines(), expected);
}

TEST(SessionSteps, AuthPlainWhenAllowedForgetsThePassword)
{
    ScriptedServer server({
        {false, greeting},
        {true, ehlo_reply},
        {true, "235 2.7.0 Authentication successful\r\n"},
        {true, "221 Bye\r\n"},
    });
    SessionConfig config = config_for(server.port());
    config.allow_plaintext_auth = true;
    Session session(config, nullptr);
    session.begin_connect();
    run_until_idle(session);
    session.begin_hello("client.test");
    run_until_idle(session);
    session.begin_auth_mechanism("PLAIN", "user", Secret("password"), Secret());
    run_until_idle(session);
    EXPECT_EQ(session.state(), Session::State::ready);
    EXPECT_FALSE(session.error().has_value());
    EXPECT_TRUE(session.authenticated());
    EXPECT_TRUE(session.config().password.empty());
    EXPECT_EQ(session.config().username, "user");

    session.begin_quit();
    run_until_idle(session);
    std::vector<std::string> lines = server.lines();
    ASSERT_EQ(lines.size(), 3u);
    // base64("\0user\0password")
    EXPECT_EQ(lines[1], "AUTH PLAIN AHVzZXIAcGFzc3dvcmQ=");
}

}  // namespace

// The IMAP client against the local Dovecot started by tests/servers/start.
// Every test is skipped unless MAILBRIDGE_TEST_IMAP_PORT is set, so the
// suite runs in scripts/test only after the servers are up. Each test works
// in mailboxes with a unique name and deletes them, because other tests
// deliver to the same accounts at the same time.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "common/base64.h"
#include "imap/client.h"

using mailbridge::Error;
using mailbridge::ErrorKind;
using mailbridge::Secret;
using mailbridge::Stage;
using namespace mailbridge::imap;

namespace {

std::string env(const char *name)
{
    const char *value = std::getenv(name);
    return value ? value : "";
}

bool servers_configured()
{
    return !env("MAILBRIDGE_TEST_IMAP_PORT").empty();
}

#define SKIP_WITHOUT_SERVERS()                                                                           \
    if (!servers_configured())                                                                           \
    GTEST_SKIP() << "MAILBRIDGE_TEST_IMAP_PORT is not set; run eval \"$(tests/servers/start)\" first"

SessionConfig make_config(Security security, bool second_user = false)
{
    SessionConfig config;
    config.host = env("MAILBRIDGE_TEST_HOST");
    config.security = security;
    config.port = std::atoi(env(security == Security::tls ? "MAILBRIDGE_TEST_IMAPS_PORT"
                                                          : "MAILBRIDGE_TEST_IMAP_PORT").c_str());
    config.username = env(second_user ? "MAILBRIDGE_TEST_USER2" : "MAILBRIDGE_TEST_USER");
    config.password = Secret(env(second_user ? "MAILBRIDGE_TEST_PASSWORD2" : "MAILBRIDGE_TEST_PASSWORD"));
    config.tls.cafile = env("MAILBRIDGE_TEST_CAFILE");
    config.timeout = 20;
    return config;
}

// A mailbox name no other test run uses.
std::string unique_name(const std::string &base)
{
    static int counter = 0;
    return "mb-" + base + "-" + std::to_string(getpid()) + "-" + std::to_string(++counter) + "-" +
           std::to_string(std::chrono::steady_clock::now().time_since_epoch().count() % 1000000);
}

struct Transcript {
    std::vector<std::string> lines;
    LogSink sink()
    {
        return [this](const std::string &line) { lines.push_back(line); };
    }
    bool contains(const std::string &text) const
    {
        for (const std::string &line : lines) {
            if (line.find(text) != std::string::npos)
                return true;
        }
        return false;
    }
};

const char plain_message[] =
    "From: Sender <sender@example.test>\r\n"
    "To: user@example.test\r\n"
    "Subject: live plain one\r\n"
    "Message-ID: <live-1@example.test>\r\n"
    "Date: Mon, 1 Jan 2024 10:00:00 +0000\r\n"
    "\r\n"
    "First body line\r\n";

const char utf8_message[] =
    "From: =?UTF-8?Q?M=C3=BCller?= <mueller@example.test>\r\n"
    "To: user@example.test\r\n"
    "Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r\n"
    "Message-ID: <live-2@example.test>\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Transfer-Encoding: 8bit\r\n"
    "\r\n"
    "Sch\xC3\xB6ne Gr\xC3\xBC\xC3\x9F" "e\r\n";

const char multipart_message[] =
    "From: Sender <sender@example.test>\r\n"
    "To: user@example.test\r\n"
    "Subject: live multipart\r\n"
    "Message-ID: <live-3@example.test>\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/mixed; boundary=\"b1\"\r\n"
    "\r\n"
    "--b1\r\n"
    "Content-Type: text/plain; charset=us-ascii\r\n"
    "\r\n"
    "part one text\r\n"
    "--b1\r\n"
    "Content-Type: application/pdf; name=\"quote.pdf\"\r\n"
    "Content-Disposition: attachment; filename=\"quote.pdf\"\r\n"
    "Content-Transfer-Encoding: base64\r\n"
    "\r\n"
    "JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PC9UeXBlL0NhdGFsb2c+PgplbmRvYmoK\r\n"
    "--b1--\r\n";

class ImapLive : public ::testing::Test {
protected:
    void SetUp() override
    {
        SKIP_WITHOUT_SERVERS();
        client_ = std::make_unique<Client>(make_config(Security::tls), transcript_.sink());
        client_->connect();
    }

    void TearDown() override
    {
        if (!client_)
            return;
        for (const std::string &name : cleanup_) {
            try {
                if (!client_->connected())
                    client_->connect();
                // Children first, deepest first, then the mailbox itself.
                std::vector<MailboxInfo> found = client_->list("", name + "*");
                std::sort(found.begin(), found.end(), [](const MailboxInfo &a, const MailboxInfo &b) {
                    return a.name.size() > b.name.size();
                });
                for (const MailboxInfo &mailbox : found)
                    client_->delete_mailbox(mailbox.name);
            } catch (const Error &error) {
                ADD_FAILURE() << "cleanup of " << name << " failed: " << error.what();
            }
        }
        client_->logout();
        std::string password = env("MAILBRIDGE_TEST_PASSWORD");
        for (const std::string &line : transcript_.lines)
            EXPECT_EQ(line.find(password), std::string::npos) << "the transcript contains the password: " << line;
    }

    std::string make_mailbox(const std::string &base)
    {
        std::string name = unique_name(base);
        client_->create(name);
        cleanup_.push_back(name);
        return name;
    }

    Transcript transcript_;
    std::unique_ptr<Client> client_;
    std::vector<std::string> cleanup_;
};

}  // namespace

TEST(ImapLiveLogin, StarttlsOn143)
{
    SKIP_WITHOUT_SERVERS();
    Transcript transcript;
    Client client(make_config(Security::starttls), transcript.sink());
    client.connect();
    EXPECT_TRUE(client.connected());
    EXPECT_TRUE(client.capabilities().has("IMAP4rev1"));
    EXPECT_TRUE(transcript.contains("STARTTLS"));
    EXPECT_TRUE(transcript.contains("* TLS established"));
    client.noop();
    client.logout();
    EXPECT_FALSE(client.connected());
    std::string password = env("MAILBRIDGE_TEST_PASSWORD");
    std::string user = env("MAILBRIDGE_TEST_USER");
    std::string plain = mailbridge::base64_encode(std::string("\0", 1) + user + std::string("\0", 1) + password);
    for (const std::string &line : transcript.lines) {
        EXPECT_EQ(line.find(password), std::string::npos) << line;
        EXPECT_EQ(line.find(plain), std::string::npos) << line;
    }
}

TEST(ImapLiveLogin, LoginCommandOn993)
{
    SKIP_WITHOUT_SERVERS();
    Transcript transcript;
    SessionConfig config = make_config(Security::tls, true);
    config.mechanism = "LOGIN";
    Client client(config, transcript.sink());
    client.connect();
    EXPECT_TRUE(transcript.contains("LOGIN user2@example.test <redacted"));
    client.logout();
    for (const std::string &line : transcript.lines)
        EXPECT_EQ(line.find(env("MAILBRIDGE_TEST_PASSWORD2")), std::string::npos) << line;
}

TEST(ImapLiveLogin, WrongPasswordIsAuthenticationError)
{
    SKIP_WITHOUT_SERVERS();
    Transcript transcript;
    SessionConfig config = make_config(Security::tls);
    config.password = Secret("wrong-Pa55word-for-test");
    Client client(config, transcript.sink());
    try {
        client.connect();
        FAIL() << "connect() succeeded with a wrong password";
    } catch (const Error &error) {
        EXPECT_EQ(error.kind, ErrorKind::authentication);
        EXPECT_EQ(error.stage, Stage::auth);
        EXPECT_EQ(error.response_status, "NO");
        EXPECT_EQ(error.response_code, "AUTHENTICATIONFAILED");
        EXPECT_NE(error.hint.find("App Password"), std::string::npos);
        EXPECT_EQ(std::string(error.what()).find("wrong-Pa55word"), std::string::npos);
    }
    for (const std::string &line : transcript.lines)
        EXPECT_EQ(line.find("wrong-Pa55word"), std::string::npos) << line;
}

TEST(ImapLiveLogin, PlaintextCredentialsRejectedBeforeSending)
{
    SKIP_WITHOUT_SERVERS();
    Transcript transcript;
    Client client(make_config(Security::none), transcript.sink());
    try {
        client.connect();
        FAIL() << "credentials were accepted over plain text";
    } catch (const Error &error) {
        EXPECT_EQ(error.kind, ErrorKind::authentication);
        EXPECT_FALSE(error.hint.empty());
    }
    for (const std::string &line : transcript.lines) {
        EXPECT_EQ(line.find(" LOGIN "), std::string::npos) << line;
        EXPECT_EQ(line.find(" AUTHENTICATE "), std::string::npos) << line;
    }
}

TEST(ImapLiveLogin, UntrustedCertificateFails)
{
    SKIP_WITHOUT_SERVERS();
    SessionConfig config = make_config(Security::tls);
    config.tls.cafile.clear();  // the system store does not contain the test CA
    Client client(config, nullptr);
    try {
        client.connect();
        FAIL() << "a certificate from an unknown CA was accepted";
    } catch (const Error &error) {
        EXPECT_EQ(error.kind, ErrorKind::tls);
        EXPECT_EQ(error.stage, Stage::tls);
    }
}

TEST_F(ImapLive, IdAndCapability)
{
    std::vector<std::pair<std::string, std::string>> fields = client_->id({{"name", "mailbridge-test"}});
    bool found_name = false;
    for (const auto &field : fields)
        found_name = found_name || field.first == "name";
    EXPECT_TRUE(found_name);
    Capabilities capabilities = client_->capability();
    EXPECT_TRUE(capabilities.has("IMAP4REV1"));
    EXPECT_FALSE(capabilities.has("LOGINDISABLED"));
}

TEST_F(ImapLive, MailboxLifecycle)
{
    std::vector<MailboxInfo> root = client_->list("", "");
    ASSERT_EQ(root.size(), 1u);
    ASSERT_EQ(root[0].delimiter.size(), 1u);
    std::string delimiter = root[0].delimiter;
    std::string parent = make_mailbox("life");
    std::string child = parent + delimiter + "Entw\xC3\xBC" "rfe";
    client_->create(child);

    std::vector<MailboxInfo> listed = client_->list("", parent + delimiter + "*");
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].name, child);
    EXPECT_EQ(listed[0].raw_name, parent + delimiter + "Entw&APw-rfe");
    EXPECT_EQ(listed[0].delimiter, delimiter);
    EXPECT_TRUE(listed[0].has_attribute("\\HasNoChildren"));

    std::string renamed = parent + delimiter + "Gel\xC3\xB6scht";
    client_->rename(child, renamed);
    listed = client_->list("", parent + delimiter + "*");
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].name, renamed);

    client_->subscribe(renamed);
    client_->unsubscribe(renamed);

    MailboxStatus status = client_->status(renamed);
    ASSERT_TRUE(status.messages.has_value());
    EXPECT_EQ(*status.messages, 0u);
    ASSERT_TRUE(status.uid_next.has_value());

    try {
        client_->select(parent + delimiter + "missing");
        FAIL() << "selecting a missing mailbox succeeded";
    } catch (const Error &error) {
        EXPECT_EQ(error.kind, ErrorKind::server_reply);
        EXPECT_EQ(error.stage, Stage::select);
        EXPECT_EQ(error.response_status, "NO");
        EXPECT_FALSE(error.hint.empty()) << error.what();
        EXPECT_NE(std::string(error.what()).find("SELECT failed: NO"), std::string::npos) << error.what();
    }
    EXPECT_TRUE(client_->connected());

    client_->delete_mailbox(renamed);
    EXPECT_TRUE(client_->list("", parent + delimiter + "*").empty());
}

TEST_F(ImapLive, AppendSelectSearchFetchStore)
{
    std::string box = make_mailbox("mail");
    AppendResult first = client_->append(box, plain_message, {"\\Flagged"}, 1704103200);
    AppendResult second = client_->append(box, utf8_message);
    AppendResult third = client_->append(box, multipart_message, {"$Label1"});
    EXPECT_NE(first.uid, 0u);
    EXPECT_LT(first.uid, second.uid);
    EXPECT_LT(second.uid, third.uid);

    const SelectedMailbox &selected = client_->select(box);
    EXPECT_EQ(selected.exists, 3u);
    EXPECT_EQ(selected.uid_validity, first.uid_validity);
    EXPECT_EQ(selected.uid_next, third.uid + 1);
    EXPECT_FALSE(selected.read_only);
    EXPECT_FALSE(selected.flags.empty());
    EXPECT_FALSE(selected.permanent_flags.empty());

    std::vector<uint32_t> all = client_->uid_search(SearchQuery().all());
    EXPECT_EQ(all, (std::vector<uint32_t>{first.uid, second.uid, third.uid}));
    EXPECT_EQ(client_->uid_search(SearchQuery().text("SUBJECT", "multipart")), std::vector<uint32_t>{third.uid});
    EXPECT_EQ(client_->uid_search(SearchQuery().flag("FLAGGED")), std::vector<uint32_t>{first.uid});
    EXPECT_EQ(client_->uid_search(SearchQuery().keyword("$Label1")), std::vector<uint32_t>{third.uid});
    // A non-ASCII string makes the builder send CHARSET UTF-8 with a literal.
    EXPECT_EQ(client_->uid_search(SearchQuery().text("BODY", "Sch\xC3\xB6ne")), std::vector<uint32_t>{second.uid});
    EXPECT_TRUE(transcript_.contains("UID SEARCH CHARSET UTF-8 BODY {"));
    EXPECT_EQ(client_->search(SearchQuery().header("Message-ID", "<live-1@example.test>")),
              std::vector<uint32_t>{1});
    EXPECT_EQ(client_->uid_search(SearchQuery().any_of(SearchQuery().flag("FLAGGED"), SearchQuery().keyword("$Label1"))),
              (std::vector<uint32_t>{first.uid, third.uid}));
    EXPECT_TRUE(client_->uid_search(SearchQuery().flag("SEEN")).empty());

    FetchRequest request;
    request.flags = true;
    request.internal_date = true;
    request.size = true;
    request.envelope = true;
    request.body_structure = true;
    request.sections = {"", "HEADER.FIELDS (SUBJECT)", "1"};
    request.batch_size = 2;  // two commands for three messages
    std::vector<FetchedMessage> messages = client_->uid_fetch(all, request);
    ASSERT_EQ(messages.size(), 3u);

    const FetchedMessage &plain = messages[0];
    EXPECT_EQ(plain.uid, first.uid);
    EXPECT_EQ(plain.sequence, 1u);
    EXPECT_TRUE(plain.has_flag("\\Flagged"));
    ASSERT_TRUE(plain.internal_date.has_value());
    EXPECT_NE(plain.internal_date->find("1-Jan-2024 10:00:00 +0000"), std::string::npos) << *plain.internal_date;
    EXPECT_EQ(plain.size, sizeof(plain_message) - 1);
    ASSERT_TRUE(plain.envelope.has_value());
    EXPECT_EQ(plain.envelope->subject, "live plain one");
    ASSERT_EQ(plain.envelope->from.size(), 1u);
    EXPECT_EQ(plain.envelope->from[0].name, "Sender");
    EXPECT_EQ(plain.envelope->from[0].mailbox, "sender");
    EXPECT_EQ(plain.envelope->from[0].host, "example.test");
    EXPECT_EQ(plain.envelope->message_id, "<live-1@example.test>");
    ASSERT_NE(plain.find_section(""), nullptr);
    EXPECT_EQ(plain.find_section("")->data, plain_message);
    ASSERT_NE(plain.find_section("1"), nullptr);
    EXPECT_EQ(plain.find_section("1")->data, "First body line\r\n");
    EXPECT_TRUE(plain.problems.empty());

    const FetchedMessage &utf8 = messages[1];
    ASSERT_TRUE(utf8.envelope.has_value());
    EXPECT_EQ(utf8.envelope->subject, "=?UTF-8?Q?Gr=C3=BC=C3=9Fe?=");

    const FetchedMessage &multipart = messages[2];
    ASSERT_TRUE(multipart.body_structure.has_value());
    const BodyStructure &root = *multipart.body_structure;
    EXPECT_EQ(root.type, "multipart");
    EXPECT_EQ(root.subtype, "mixed");
    ASSERT_EQ(root.parts.size(), 2u);
    EXPECT_EQ(root.parts[0].section, "1");
    EXPECT_EQ(root.parts[0].type, "text");
    EXPECT_EQ(root.parts[1].section, "2");
    EXPECT_EQ(root.parts[1].subtype, "pdf");
    EXPECT_EQ(root.parts[1].disposition, "attachment");
    ASSERT_EQ(root.parts[1].disposition_parameters.size(), 1u);
    EXPECT_EQ(root.parts[1].disposition_parameters[0].second, "quote.pdf");
    ASSERT_NE(multipart.find_section("1"), nullptr);
    EXPECT_EQ(multipart.find_section("1")->data, "part one text");

    // Nothing above may have set \Seen: every read used BODY.PEEK.
    FetchRequest flags_only;
    flags_only.flags = true;
    for (const FetchedMessage &message : client_->uid_fetch(all, flags_only))
        EXPECT_FALSE(message.has_flag("\\Seen")) << "UID " << *message.uid;
    EXPECT_FALSE(transcript_.contains("BODY["));
    EXPECT_FALSE(transcript_.contains("First body line"));

    // A partial fetch, streamed to the sink because it is over the threshold.
    FetchRequest partial;
    partial.sections = {""};
    partial.partial = std::make_pair(uint64_t{6}, uint64_t{6});
    std::string sinked;
    FetchSink sink;
    sink.threshold = 3;
    sink.sink = [&sinked](const LiteralChunk &chunk) {
        sinked.append(chunk.data.data(), chunk.data.size());
        return true;
    };
    std::vector<FetchedMessage> partial_messages = client_->uid_fetch({first.uid}, partial, sink);
    ASSERT_EQ(partial_messages.size(), 1u);
    ASSERT_EQ(partial_messages[0].sections.size(), 1u);
    EXPECT_EQ(partial_messages[0].sections[0].origin, 6u);
    EXPECT_TRUE(partial_messages[0].sections[0].in_sink);
    EXPECT_EQ(sinked, "Sender");

    // Plain FETCH by sequence number, as ext/imap needs.
    FetchRequest by_number;
    by_number.uid = true;
    std::vector<FetchedMessage> numbered = client_->fetch({2}, by_number);
    ASSERT_EQ(numbered.size(), 1u);
    EXPECT_EQ(numbered[0].uid, second.uid);

    std::vector<FetchedMessage> stored = client_->uid_store({second.uid}, StoreMode::add, {"\\Seen", "$Done"}, false);
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_TRUE(stored[0].has_flag("\\Seen"));
    EXPECT_TRUE(stored[0].has_flag("$Done"));
    EXPECT_TRUE(client_->uid_store({second.uid}, StoreMode::remove, {"$Done"}).empty());
    EXPECT_EQ(client_->uid_search(SearchQuery().flag("SEEN")), std::vector<uint32_t>{second.uid});
    EXPECT_TRUE(client_->uid_search(SearchQuery().keyword("$Done")).empty());

    // EXAMINE opens the mailbox read-only. Dovecot 2.3 replies to STORE there
    // with "OK Store ignored", so the check is that no flag changed.
    const SelectedMailbox &examined = client_->examine(box);
    EXPECT_TRUE(examined.read_only);
    EXPECT_EQ(examined.exists, 3u);
    EXPECT_TRUE(examined.permanent_flags.empty());
    client_->uid_store({first.uid}, StoreMode::add, {"\\Answered"});
    std::vector<FetchedMessage> after_store = client_->uid_fetch({first.uid}, flags_only);
    ASSERT_EQ(after_store.size(), 1u);
    EXPECT_FALSE(after_store[0].has_flag("\\Answered"));
    EXPECT_TRUE(client_->connected());
}

TEST_F(ImapLive, CopyMoveExpunge)
{
    std::string source = make_mailbox("src");
    std::string target = make_mailbox("dst");
    for (int i = 0; i < 4; ++i)
        client_->append(source, plain_message);
    client_->select(source);
    std::vector<uint32_t> uids = client_->uid_search(SearchQuery().all());
    ASSERT_EQ(uids.size(), 4u);

    std::optional<CopyResult> copied = client_->uid_copy({uids[0]}, target);
    ASSERT_TRUE(copied.has_value());
    EXPECT_EQ(copied->source_uids, std::to_string(uids[0]));

    std::optional<CopyResult> moved = client_->uid_move({uids[1], uids[2]}, target);
    ASSERT_TRUE(moved.has_value());
    EXPECT_EQ(client_->selected()->exists, 2u);
    EXPECT_EQ(client_->uid_search(SearchQuery().all()), (std::vector<uint32_t>{uids[0], uids[3]}));

    try {
        client_->uid_copy({uids[0]}, source + "-missing");
        FAIL() << "copying to a missing mailbox succeeded";
    } catch (const Error &error) {
        EXPECT_EQ(error.stage, Stage::copy);
        EXPECT_EQ(error.response_code, "TRYCREATE");
        EXPECT_FALSE(error.hint.empty());
    }

    client_->uid_store({uids[3]}, StoreMode::add, {"\\Deleted"});
    std::vector<uint32_t> expunged = client_->expunge();
    EXPECT_EQ(expunged, std::vector<uint32_t>{2});
    EXPECT_EQ(client_->selected()->exists, 1u);

    MailboxStatus status = client_->status(target);
    EXPECT_EQ(status.messages, 3u);
    client_->check();
    client_->close_mailbox();
    EXPECT_EQ(client_->selected(), nullptr);
}

TEST_F(ImapLive, IdleSeesAppendFromOtherConnection)
{
    std::string box = make_mailbox("idle");
    client_->select(box);

    std::atomic<bool> append_failed{false};
    std::thread appender([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        try {
            Client other(make_config(Security::starttls), nullptr);
            other.connect();
            other.append(box, plain_message);
            other.logout();
        } catch (const Error &) {
            append_failed = true;
        }
    });

    std::vector<std::string> events;
    auto start = std::chrono::steady_clock::now();
    client_->idle(15, [&events](const Response &response) {
        events.push_back(response.name);
        return response.name != "EXISTS";
    });
    double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    appender.join();

    ASSERT_FALSE(append_failed);
    // The handler stops at EXISTS, but a RECENT sent with it may still
    // arrive before the tagged OK, and is passed on too.
    EXPECT_NE(std::find(events.begin(), events.end(), "EXISTS"), events.end());
    EXPECT_LT(elapsed, 10.0);
    EXPECT_EQ(client_->selected()->exists, 1u);
    // Exactly one DONE, and the connection is usable afterwards.
    int done_count = 0;
    for (const std::string &line : transcript_.lines)
        done_count += line == "C: DONE";
    EXPECT_EQ(done_count, 1);
    client_->noop();
}

TEST_F(ImapLive, IdleEndsAfterItsPeriod)
{
    std::string box = make_mailbox("quiet");
    client_->select(box);
    auto start = std::chrono::steady_clock::now();
    client_->idle(1.0, [](const Response &) { return true; });
    double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_GE(elapsed, 0.9);
    EXPECT_LT(elapsed, 5.0);
    EXPECT_TRUE(client_->connected());
}

#include "imap/results.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "imap/errors.h"

using mailbridge::ErrorKind;
using mailbridge::Stage;
using namespace mailbridge::imap;

namespace {

// Parse every response in text, fed whole or one byte at a time.
std::vector<Response> parse(const std::string &text, bool byte_at_a_time)
{
    ResponseParser parser;
    std::vector<Response> responses;
    size_t offset = 0;
    while (offset < text.size()) {
        size_t length = byte_at_a_time ? 1 : text.size() - offset;
        size_t consumed = 0;
        ResponseParser::Status status = parser.feed(text.data() + offset, length, consumed);
        offset += consumed;
        if (status == ResponseParser::Status::error) {
            ADD_FAILURE() << parser.error_message();
            break;
        }
        if (status == ResponseParser::Status::complete)
            responses.push_back(parser.take());
    }
    EXPECT_FALSE(parser.in_progress());
    return responses;
}

std::map<uint32_t, FetchedMessage> fetch_both_ways(const std::string &text)
{
    std::map<uint32_t, FetchedMessage> whole;
    for (const Response &response : parse(text, false))
        merge_fetch(response, whole);
    std::map<uint32_t, FetchedMessage> bytes;
    for (const Response &response : parse(text, true))
        merge_fetch(response, bytes);
    EXPECT_EQ(whole.size(), bytes.size());
    for (auto &entry : whole) {
        auto other = bytes.find(entry.first);
        if (other == bytes.end())
            continue;
        EXPECT_EQ(entry.second.uid, other->second.uid);
        EXPECT_EQ(entry.second.flags, other->second.flags);
        EXPECT_EQ(entry.second.sections.size(), other->second.sections.size());
        EXPECT_EQ(entry.second.problems, other->second.problems);
        EXPECT_EQ(entry.second.body_structure.has_value(), other->second.body_structure.has_value());
    }
    return whole;
}

class ByteAtATime : public ::testing::TestWithParam<bool> {};

}  // namespace

TEST_P(ByteAtATime, CapabilityResponse)
{
    std::vector<Response> responses =
        parse("* CAPABILITY IMAP4rev1 SASL-IR LITERAL+ AUTH=PLAIN auth=xoauth2 IDLE\r\n", GetParam());
    ASSERT_EQ(responses.size(), 1u);
    Capabilities capabilities = Capabilities::from_values(responses[0].data);
    EXPECT_TRUE(capabilities.has("imap4rev1"));
    EXPECT_TRUE(capabilities.has_auth("PLAIN"));
    EXPECT_TRUE(capabilities.has_auth("XOAUTH2"));
    EXPECT_FALSE(capabilities.has_auth("LOGIN"));
    EXPECT_EQ(capabilities.literal_support(), LiteralSupport::literal_plus);
}

TEST_P(ByteAtATime, ListDecodesModifiedUtf7)
{
    std::vector<Response> responses = parse(
        "* LIST (\\HasChildren) \"/\" \"[Gmail]/Wa&AXw-ne\"\r\n"
        "* LIST (\\Noselect \\HasNoChildren) NIL {22}\r\nGel&APY-schte Elemente\r\n"
        "* LIST () \".\" INBOX\r\n"
        "* LIST () \".\" \"bad&-name&\"\r\n",
        GetParam());
    ASSERT_EQ(responses.size(), 4u);
    std::optional<MailboxInfo> gmail = read_list(responses[0], false);
    ASSERT_TRUE(gmail);
    EXPECT_EQ(gmail->name, "[Gmail]/Wa\xC5\xBCne");
    EXPECT_EQ(gmail->raw_name, "[Gmail]/Wa&AXw-ne");
    EXPECT_EQ(gmail->delimiter, "/");
    EXPECT_TRUE(gmail->has_attribute("\\haschildren"));

    std::optional<MailboxInfo> flat = read_list(responses[1], false);
    ASSERT_TRUE(flat);
    EXPECT_EQ(flat->name, "Gel\xC3\xB6schte Elemente");
    EXPECT_EQ(flat->delimiter, "");
    EXPECT_TRUE(flat->has_attribute("\\Noselect"));

    std::optional<MailboxInfo> inbox = read_list(responses[2], false);
    ASSERT_TRUE(inbox);
    EXPECT_EQ(inbox->name, "INBOX");

    std::optional<MailboxInfo> bad = read_list(responses[3], false);
    ASSERT_TRUE(bad);
    EXPECT_FALSE(bad->name_decoded);
    EXPECT_EQ(bad->name, "bad&-name&");

    // With UTF8=ACCEPT the name is UTF-8 already and "&" is literal.
    std::optional<MailboxInfo> utf8 = read_list(responses[0], true);
    ASSERT_TRUE(utf8);
    EXPECT_EQ(utf8->name, "[Gmail]/Wa&AXw-ne");
}

TEST_P(ByteAtATime, StatusItems)
{
    std::vector<Response> responses =
        parse("* STATUS \"Entw&APw-rfe\" (MESSAGES 231 UIDNEXT 44292 UNSEEN 3 UIDVALIDITY 1 RECENT 0)\r\n", GetParam());
    ASSERT_EQ(responses.size(), 1u);
    std::optional<MailboxStatus> status = read_status(responses[0], false);
    ASSERT_TRUE(status);
    EXPECT_EQ(status->name, "Entw\xC3\xBCrfe");
    EXPECT_EQ(status->messages, 231u);
    EXPECT_EQ(status->uid_next, 44292u);
    EXPECT_EQ(status->unseen, 3u);
    EXPECT_EQ(status->uid_validity, 1u);
    EXPECT_EQ(status->recent, 0u);
    EXPECT_FALSE(status->highest_modseq);
}

TEST_P(ByteAtATime, SelectData)
{
    std::vector<Response> responses = parse(
        "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded)\r\n"
        "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded \\*)] Flags permitted.\r\n"
        "* 172 EXISTS\r\n"
        "* 1 RECENT\r\n"
        "* OK [UNSEEN 12] Message 12 is first unseen\r\n"
        "* OK [UIDVALIDITY 3857529045] UIDs valid\r\n"
        "* OK [UIDNEXT 4392] Predicted next UID\r\n"
        "* OK [HIGHESTMODSEQ 715194045007] Highest\r\n"
        "* OK Still here\r\n",
        GetParam());
    ASSERT_EQ(responses.size(), 9u);
    SelectedMailbox mailbox;
    int used = 0;
    for (const Response &response : responses)
        used += apply_to_mailbox(response, mailbox);
    EXPECT_EQ(used, 8);
    EXPECT_EQ(mailbox.exists, 172u);
    EXPECT_EQ(mailbox.recent, 1u);
    EXPECT_EQ(mailbox.first_unseen, 12u);
    EXPECT_EQ(mailbox.uid_validity, 3857529045u);
    EXPECT_EQ(mailbox.uid_next, 4392u);
    EXPECT_EQ(mailbox.highest_modseq, 715194045007u);
    EXPECT_EQ(mailbox.flags.size(), 6u);
    ASSERT_EQ(mailbox.permanent_flags.size(), 7u);
    EXPECT_EQ(mailbox.permanent_flags.back(), "\\*");

    std::vector<Response> expunge = parse("* 3 EXPUNGE\r\n", GetParam());
    EXPECT_TRUE(apply_to_mailbox(expunge[0], mailbox));
    EXPECT_EQ(mailbox.exists, 171u);
    EXPECT_EQ(mailbox.expunge_count, 1u);
}

TEST_P(ByteAtATime, SearchNumbers)
{
    std::vector<Response> responses = parse("* SEARCH 2 84 882\r\n* SEARCH\r\n* SEARCH 4294967295\r\n", GetParam());
    std::vector<uint32_t> numbers;
    for (const Response &response : responses)
        read_search(response, numbers);
    EXPECT_EQ(numbers, (std::vector<uint32_t>{2, 84, 882, 4294967295u}));
}

INSTANTIATE_TEST_SUITE_P(Feeding, ByteAtATime, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool> &info) { return info.param ? "bytes" : "whole"; });

TEST(ImapFetch, EnvelopeWithGroupsAndLiteralSubject)
{
    // A subject literal that contains CRLF, and a group in Cc.
    std::map<uint32_t, FetchedMessage> messages = fetch_both_ways(
        "* 1 FETCH (ENVELOPE (\"Mon, 1 Jan 2024 10:00:00 +0100\" {47}\r\n"
        "=?utf-8?b?w6TDtsO8?=\r\n =?utf-8?b?w6TDtsO8?= x\r\n"
        " ((\"M\\\"uller, Hans\" NIL \"hans\" \"example.com\")) NIL NIL ((NIL NIL \"u\" \"example.com\"))"
        " ((NIL NIL \"undisclosed-recipients\" NIL)(NIL NIL NIL NIL)) NIL \"<p@example.com>\" \"<m1@example.com>\")"
        " UID 1)\r\n");
    ASSERT_EQ(messages.size(), 1u);
    const FetchedMessage &message = messages[1];
    EXPECT_EQ(message.uid, 1u);
    ASSERT_TRUE(message.envelope);
    const Envelope &envelope = *message.envelope;
    EXPECT_EQ(envelope.subject, "=?utf-8?b?w6TDtsO8?=\r\n =?utf-8?b?w6TDtsO8?= x\r\n");
    ASSERT_EQ(envelope.from.size(), 1u);
    EXPECT_EQ(envelope.from[0].name, "M\"uller, Hans");
    EXPECT_TRUE(envelope.sender.empty());
    ASSERT_EQ(envelope.cc.size(), 2u);
    EXPECT_TRUE(envelope.cc[0].is_group_start());
    EXPECT_EQ(envelope.cc[0].mailbox, "undisclosed-recipients");
    EXPECT_TRUE(envelope.cc[1].is_group_end());
    EXPECT_EQ(envelope.in_reply_to, "<p@example.com>");
    EXPECT_EQ(envelope.message_id, "<m1@example.com>");
}

TEST(ImapFetch, ItemsMergedAcrossResponses)
{
    std::map<uint32_t, FetchedMessage> messages = fetch_both_ways(
        "* 1 FETCH (BODY[TEXT] {6}\r\nHi\r\n\r\n BODY[HEADER.FIELDS (DATE)] {47}\r\n"
        "Date: Tue, 21 Jan 2020 11:59:55 +0100 (CET)\r\n\r\n)\r\n"
        "* 1 FETCH (FLAGS (\\Seen \\Flagged))\r\n"
        "* 1 FETCH (UID 9 INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" RFC822.SIZE 4286 MODSEQ (12))\r\n"
        "* 2 FETCH (UID 10 BODY[1]<0> \"abc\" BODY[2] NIL)\r\n");
    ASSERT_EQ(messages.size(), 2u);
    const FetchedMessage &first = messages[1];
    EXPECT_EQ(first.uid, 9u);
    EXPECT_TRUE(first.has_flag("\\seen"));
    EXPECT_TRUE(first.has_flag("\\Flagged"));
    EXPECT_FALSE(first.has_flag("\\Deleted"));
    EXPECT_EQ(first.internal_date, "17-Jul-1996 02:44:25 -0700");
    EXPECT_EQ(first.size, 4286u);
    EXPECT_EQ(first.modseq, 12u);
    ASSERT_NE(first.find_section("TEXT"), nullptr);
    EXPECT_EQ(first.find_section("TEXT")->data, "Hi\r\n\r\n");
    ASSERT_NE(first.find_section("HEADER.FIELDS (DATE)"), nullptr);
    EXPECT_EQ(first.find_section("HEADER.FIELDS (DATE)")->size, 47u);

    const FetchedMessage &second = messages[2];
    ASSERT_EQ(second.sections.size(), 2u);
    EXPECT_EQ(second.sections[0].origin, 0u);
    EXPECT_EQ(second.sections[0].data, "abc");
    EXPECT_EQ(second.find_section("1"), nullptr);  // partial: has an origin
    EXPECT_TRUE(second.sections[1].nil);
}

TEST(ImapFetch, OddItemIsSkippedNotFatal)
{
    std::map<uint32_t, FetchedMessage> messages =
        fetch_both_ways("* 4 FETCH (UID x FLAGS (\\Seen) ENVELOPE (NIL) RFC822.SIZE 12 X-GM-LABELS (\\Inbox))\r\n");
    const FetchedMessage &message = messages[4];
    EXPECT_FALSE(message.uid);
    EXPECT_TRUE(message.has_flag("\\Seen"));
    EXPECT_FALSE(message.envelope);
    EXPECT_EQ(message.size, 12u);
    EXPECT_EQ(message.problems.size(), 2u);
}

TEST(ImapBodyStructure, BareStringDispositionFromExchange)
{
    std::map<uint32_t, FetchedMessage> messages = fetch_both_ways(
        "* 37 FETCH (UID 67 FLAGS (\\Seen) RFC822.SIZE 14801 BODYSTRUCTURE ((\"text\" \"plain\" (\"charset\" "
        "\"ISO-8859-1\") NIL NIL \"QUOTED-PRINTABLE\" 850 31 NIL \"inline\" NIL NIL)(\"text\" \"html\" (\"charset\" "
        "\"ISO-8859-1\") NIL NIL \"QUOTED-PRINTABLE\" 14692 502 NIL \"inline\" NIL NIL) \"alternative\" (\"boundary\" "
        "\"b1\") NIL NIL))\r\n");
    ASSERT_TRUE(messages[37].body_structure);
    const BodyStructure &root = *messages[37].body_structure;
    EXPECT_EQ(root.subtype, "alternative");
    EXPECT_EQ(root.section, "");
    ASSERT_EQ(root.parts.size(), 2u);
    const BodyStructure &plain = root.parts[0];
    EXPECT_EQ(plain.section, "1");
    EXPECT_EQ(plain.type, "text");
    EXPECT_EQ(plain.subtype, "plain");
    EXPECT_EQ(plain.encoding, "QUOTED-PRINTABLE");
    EXPECT_EQ(plain.size, 850u);
    EXPECT_EQ(plain.lines, 31u);
    EXPECT_EQ(plain.disposition, "inline");
    EXPECT_TRUE(plain.disposition_parameters.empty());
    ASSERT_EQ(root.parameters.size(), 1u);
    EXPECT_EQ(root.parameters[0], std::make_pair(std::string("boundary"), std::string("b1")));
}

TEST(ImapBodyStructure, Rfc822WithoutEnvelopeFromExchange2010)
{
    std::map<uint32_t, FetchedMessage> messages = fetch_both_ways(
        "* 1 FETCH (BODYSTRUCTURE (((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"QUOTED-PRINTABLE\" 1112 "
        "52 NIL NIL NIL)(\"TEXT\" \"HTML\" (\"CHARSET\" \"us-ascii\") NIL NIL \"QUOTED-PRINTABLE\" 8149 194 NIL NIL "
        "NIL) \"ALTERNATIVE\" (\"BOUNDARY\" \"b2\") NIL NIL)(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 1290 NIL "
        "(\"ATTACHMENT\" (\"CREATION-DATE\" \"Fri, 09 Nov 2012 18:16:04 GMT\" \"MODIFICATION-DATE\" \"Fri, 09 Nov "
        "2012 18:16:04 GMT\")) NIL) \"MIXED\" (\"BOUNDARY\" \"b3\") NIL NIL))\r\n");
    ASSERT_TRUE(messages[1].body_structure);
    const BodyStructure &root = *messages[1].body_structure;
    ASSERT_EQ(root.parts.size(), 2u);
    EXPECT_EQ(root.parts[0].subtype, "alternative");
    EXPECT_EQ(root.parts[0].parts[1].section, "1.2");
    const BodyStructure &attached = root.parts[1];
    EXPECT_EQ(attached.type, "message");
    EXPECT_EQ(attached.subtype, "rfc822");
    EXPECT_EQ(attached.size, 1290u);
    EXPECT_FALSE(attached.envelope);
    EXPECT_TRUE(attached.parts.empty());
    EXPECT_EQ(attached.disposition, "ATTACHMENT");
    EXPECT_EQ(attached.disposition_parameters.size(), 2u);
}

TEST(ImapBodyStructure, NestedMessageSections)
{
    // multipart/mixed: 1 text/plain, 2 message/rfc822 containing multipart/alternative.
    std::string envelope = "(NIL \"inner\" NIL NIL NIL NIL NIL NIL NIL NIL)";
    std::map<uint32_t, FetchedMessage> messages = fetch_both_ways(
        "* 7 FETCH (BODYSTRUCTURE ((\"text\" \"plain\" NIL NIL NIL \"7bit\" 10 1)(\"message\" \"rfc822\" NIL NIL NIL "
        "\"7bit\" 300 " + envelope + " ((\"text\" \"plain\" NIL NIL NIL \"7bit\" 10 1)(\"text\" \"html\" NIL NIL NIL "
        "\"7bit\" 12 1) \"alternative\") 20) \"mixed\"))\r\n"
        "* 8 FETCH (BODYSTRUCTURE (\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 100 " + envelope +
        " (\"text\" \"plain\" NIL NIL NIL \"7bit\" 39 2) 5))\r\n"
        "* 9 FETCH (BODYSTRUCTURE (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0))\r\n");
    const BodyStructure &forward = *messages[7].body_structure;
    const BodyStructure &inner = forward.parts[1];
    ASSERT_TRUE(inner.envelope);
    EXPECT_EQ(inner.envelope->subject, "inner");
    EXPECT_EQ(inner.lines, 20u);
    ASSERT_EQ(inner.parts.size(), 1u);
    EXPECT_EQ(inner.parts[0].section, "2");
    EXPECT_EQ(inner.parts[0].parts[0].section, "2.1");
    EXPECT_EQ(inner.parts[0].parts[1].section, "2.2");

    const BodyStructure &single = *messages[8].body_structure;
    EXPECT_EQ(single.section, "1");
    ASSERT_EQ(single.parts.size(), 1u);
    EXPECT_EQ(single.parts[0].section, "1.1");
    EXPECT_EQ(single.parts[0].size, 39u);

    const BodyStructure &empty = *messages[9].body_structure;
    EXPECT_EQ(empty.section, "1");
    EXPECT_EQ(empty.size, 0u);
    EXPECT_EQ(empty.lines, 0u);
}

TEST(ImapBodyStructure, StrayStringInMultipartExtension)
{
    std::map<uint32_t, FetchedMessage> messages = fetch_both_ways(
        "* 9 FETCH (BODYSTRUCTURE ((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL "
        "NIL)(\"application\" \"octet-stream\" (\"name\" \"report.txt\") NIL NIL \"base64\" 171724 NIL "
        "(\"attachment\" (\"filename\" \"report.txt\")) NIL NIL) \"mixed\" (\"boundary\" \"b4\") \"S/MIME Encrypted "
        "Message\" NIL))\r\n");
    ASSERT_TRUE(messages[9].body_structure);
    const BodyStructure &root = *messages[9].body_structure;
    EXPECT_TRUE(root.disposition.empty());
    ASSERT_EQ(root.parts.size(), 2u);
    const BodyStructure &attachment = root.parts[1];
    EXPECT_EQ(attachment.type, "application");
    EXPECT_EQ(attachment.subtype, "octet-stream");
    EXPECT_EQ(attachment.encoding, "base64");
    EXPECT_EQ(attachment.size, 171724u);
    EXPECT_EQ(attachment.disposition, "attachment");
    ASSERT_EQ(attachment.disposition_parameters.size(), 1u);
    EXPECT_EQ(attachment.disposition_parameters[0].second, "report.txt");
    EXPECT_EQ(root.parts[0].size, 0u);
    EXPECT_EQ(root.parts[0].lines, 0u);
}

TEST(ImapBodyStructure, UnknownTypeAndEncodingKept)
{
    std::map<uint32_t, FetchedMessage> messages = fetch_both_ways(
        "* 3 FETCH (BODYSTRUCTURE ((\"font\" \"woff2\" NIL NIL NIL \"x-uuencode\" 10)(\"text\" \"plain\" "
        "(\"charset\") NIL NIL \"8bit\\\"\" 5 1) \"mixed\"))\r\n");
    ASSERT_TRUE(messages[3].body_structure);
    const BodyStructure &root = *messages[3].body_structure;
    EXPECT_EQ(root.parts[0].type, "font");
    EXPECT_EQ(root.parts[0].encoding, "x-uuencode");
    EXPECT_EQ(root.parts[1].encoding, "8bit\"");
    ASSERT_EQ(root.parts[1].parameters.size(), 1u);
    EXPECT_EQ(root.parts[1].parameters[0].second, "");
}

TEST(ImapErrors, BadCharsetKeepsTextAndCode)
{
    std::vector<Response> responses =
        parse("A6 NO [BADCHARSET (US-ASCII)] The specified charset is not supported.\r\n", false);
    mailbridge::Error error = response_error(Stage::search, "UID SEARCH", responses[0]);
    EXPECT_EQ(error.kind, ErrorKind::server_reply);
    EXPECT_EQ(error.stage, Stage::search);
    EXPECT_EQ(error.response_status, "NO");
    EXPECT_EQ(error.response_code, "BADCHARSET");
    EXPECT_EQ(error.response_code_arguments, "(US-ASCII)");
    EXPECT_EQ(error.server_text, "The specified charset is not supported.");
    EXPECT_EQ(std::string(error.what()),
              "UID SEARCH failed: NO [BADCHARSET (US-ASCII)] The specified charset is not supported.");
    EXPECT_EQ(error.command, "UID SEARCH");
    EXPECT_FALSE(error.hint.empty());
    EXPECT_FALSE(error.transient);
}

TEST(ImapErrors, AuthenticationFailedHint)
{
    std::vector<Response> responses =
        parse("A1 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)\r\n* BYE [UNAVAILABLE] Shutting\x01 down\r\n",
              false);
    mailbridge::Error auth = response_error(Stage::auth, "AUTHENTICATE PLAIN", responses[0]);
    EXPECT_EQ(auth.kind, ErrorKind::authentication);
    EXPECT_NE(auth.hint.find("App Password"), std::string::npos);

    mailbridge::Error bye = response_error(Stage::fetch, "UID FETCH", responses[1]);
    EXPECT_EQ(bye.kind, ErrorKind::connection);
    EXPECT_EQ(bye.response_status, "BYE");
    EXPECT_TRUE(bye.transient);
    EXPECT_EQ(bye.server_text, "Shutting? down");
}

#include "imap/command.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "imap/client.h"

using mailbridge::imap::Command;
using mailbridge::imap::CommandChunk;
using mailbridge::imap::FetchRequest;
using mailbridge::imap::format_fetch_items;
using mailbridge::imap::format_flag_list;
using mailbridge::imap::format_sequence_set;
using mailbridge::imap::LiteralSupport;
using mailbridge::imap::SearchQuery;
using mailbridge::imap::split_batches;

namespace {

// The bytes of all chunks joined, with "|" where the client waits for "+".
std::string wire(const Command &command, const std::string &tag = "A1")
{
    std::string joined;
    for (const CommandChunk &chunk : command.chunks(tag)) {
        joined += chunk.bytes;
        if (chunk.wait_for_continuation)
            joined += "|";
    }
    return joined;
}

std::string search_wire(const SearchQuery &query, LiteralSupport support = LiteralSupport::none)
{
    Command command("UID SEARCH", support);
    query.append_to(command);
    return wire(command);
}

}  // namespace

TEST(ImapCommand, AtomsAndQuotedStrings)
{
    Command command("SELECT");
    command.astring("INBOX");
    EXPECT_EQ(wire(command), "A1 SELECT INBOX\r\n");

    Command quoted("SELECT");
    quoted.astring("My \"Box\" \\ here");
    EXPECT_EQ(wire(quoted), "A1 SELECT \"My \\\"Box\\\" \\\\ here\"\r\n");

    Command nil("SELECT");
    nil.astring("nil");
    EXPECT_EQ(wire(nil), "A1 SELECT \"nil\"\r\n");

    Command empty("LIST");
    empty.string("").string("*");
    EXPECT_EQ(wire(empty), "A1 LIST \"\" \"*\"\r\n");
}

TEST(ImapCommand, SynchronizingLiteralSplitsChunks)
{
    Command command("LOGIN");
    command.astring("user").astring("p\xC3\xA4ss").astring("x\r\ny");
    std::vector<CommandChunk> chunks = command.chunks("A7");
    ASSERT_EQ(chunks.size(), 3u);
    EXPECT_EQ(chunks[0].bytes, "A7 LOGIN user {5}\r\n");
    EXPECT_TRUE(chunks[0].wait_for_continuation);
    EXPECT_EQ(chunks[1].bytes, "p\xC3\xA4ss {4}\r\n");
    EXPECT_TRUE(chunks[1].wait_for_continuation);
    EXPECT_EQ(chunks[2].bytes, "x\r\ny\r\n");
    EXPECT_FALSE(chunks[2].wait_for_continuation);
    EXPECT_EQ(command.literal_octets(), 9u);
}

TEST(ImapCommand, LiteralPlusIsOneChunk)
{
    Command command("APPEND", LiteralSupport::literal_plus);
    command.astring("INBOX").raw("(\\Seen)").literal("Subject: x\r\n\r\nbody\r\n");
    std::vector<CommandChunk> chunks = command.chunks("A2");
    ASSERT_EQ(chunks.size(), 1u);
    EXPECT_EQ(chunks[0].bytes, "A2 APPEND INBOX (\\Seen) {20+}\r\nSubject: x\r\n\r\nbody\r\n\r\n");
    EXPECT_EQ(command.trace("A2"), "A2 APPEND INBOX (\\Seen) {20+} <20 octets>");
}

TEST(ImapCommand, LiteralMinusLimit)
{
    std::string big(5000, 'a');
    Command command("APPEND", LiteralSupport::literal_minus);
    command.astring("INBOX").literal("small").literal(big);
    std::vector<CommandChunk> chunks = command.chunks("A3");
    ASSERT_EQ(chunks.size(), 2u);
    EXPECT_EQ(chunks[0].bytes, "A3 APPEND INBOX {5+}\r\nsmall {5000}\r\n");
    EXPECT_TRUE(chunks[0].wait_for_continuation);
    EXPECT_EQ(chunks[1].bytes, big + "\r\n");
}

TEST(ImapCommand, SecretIsRedactedInTrace)
{
    Command command("LOGIN");
    command.astring("user@example.test").secret("pa\"ss");
    EXPECT_EQ(wire(command), "A1 LOGIN user@example.test \"pa\\\"ss\"\r\n");
    EXPECT_EQ(command.trace("A1"), "A1 LOGIN user@example.test <redacted 8 bytes>");
    EXPECT_TRUE(command.has_secret());

    Command literal("LOGIN");
    literal.astring("u").secret("p\xC3\xA4ss");
    EXPECT_EQ(literal.trace("A1"), "A1 LOGIN u {5} <redacted 5 bytes>");
    EXPECT_EQ(literal.trace("A1").find("p\xC3\xA4ss"), std::string::npos);
}

TEST(ImapCommand, ListsHaveNoInnerSpaces)
{
    Command command("ID");
    command.open_list().string("name").string("mailbridge").close_list();
    EXPECT_EQ(wire(command), "A1 ID (\"name\" \"mailbridge\")\r\n");
}

TEST(ImapSequenceSet, CompressesRuns)
{
    EXPECT_EQ(format_sequence_set({1}), "1");
    EXPECT_EQ(format_sequence_set({3, 1, 2}), "1:3");
    EXPECT_EQ(format_sequence_set({1, 2, 3, 7, 9, 10, 10}), "1:3,7,9:10");
    EXPECT_EQ(format_sequence_set({4294967295u, 4294967294u}), "4294967294:4294967295");
    EXPECT_THROW(format_sequence_set({}), std::invalid_argument);
    EXPECT_THROW(format_sequence_set({0, 1}), std::invalid_argument);
}

TEST(ImapSequenceSet, SplitsBatches)
{
    std::vector<std::vector<uint32_t>> batches = split_batches({5, 1, 3, 2, 4, 4}, 2);
    ASSERT_EQ(batches.size(), 3u);
    EXPECT_EQ(batches[0], (std::vector<uint32_t>{1, 2}));
    EXPECT_EQ(batches[1], (std::vector<uint32_t>{3, 4}));
    EXPECT_EQ(batches[2], (std::vector<uint32_t>{5}));
    EXPECT_THROW(split_batches({1}, 0), std::invalid_argument);
}

TEST(ImapSearch, EmptyQueryIsAll)
{
    EXPECT_EQ(search_wire(SearchQuery()), "A1 UID SEARCH ALL\r\n");
}

TEST(ImapSearch, AsciiStringsWithoutCharset)
{
    SearchQuery query;
    query.flag("unseen").text("subject", "no boundary").text("FROM", "bob").date("SINCE", 2024, 1, 1);
    EXPECT_EQ(search_wire(query), "A1 UID SEARCH UNSEEN SUBJECT \"no boundary\" FROM bob SINCE 1-Jan-2024\r\n");
}

TEST(ImapSearch, QuotesSpecialCharacters)
{
    SearchQuery query;
    query.header("Message-Id", "<id-1@example.test>").text("SUBJECT", "a \"b\" (c) \\d");
    EXPECT_EQ(search_wire(query),
              "A1 UID SEARCH HEADER Message-Id <id-1@example.test> SUBJECT \"a \\\"b\\\" (c) \\\\d\"\r\n");
}

TEST(ImapSearch, NonAsciiAddsCharsetAndLiteral)
{
    SearchQuery query;
    query.text("FROM", "M\xC3\xBCller").flag("SEEN");
    EXPECT_TRUE(query.needs_utf8());
    EXPECT_EQ(search_wire(query), "A1 UID SEARCH CHARSET UTF-8 FROM {7}\r\n|M\xC3\xBCller SEEN\r\n");
    EXPECT_EQ(search_wire(query, LiteralSupport::literal_plus),
              "A1 UID SEARCH CHARSET UTF-8 FROM {7+}\r\nM\xC3\xBCller SEEN\r\n");
}

TEST(ImapSearch, CrLfInValueIsLiteral)
{
    SearchQuery query;
    query.text("BODY", "a\r\nUID 1:*");
    EXPECT_FALSE(query.needs_utf8());
    EXPECT_EQ(search_wire(query), "A1 UID SEARCH BODY {10}\r\n|a\r\nUID 1:*\r\n");
}

TEST(ImapSearch, OrAndNotGroups)
{
    SearchQuery seen_and_flagged;
    seen_and_flagged.flag("SEEN").flag("FLAGGED");
    SearchQuery from;
    from.text("FROM", "x");
    SearchQuery query;
    query.any_of(seen_and_flagged, from).negate(SearchQuery().flag("DELETED"));
    EXPECT_EQ(search_wire(query), "A1 UID SEARCH OR (SEEN FLAGGED) FROM x NOT DELETED\r\n");
}

TEST(ImapSearch, NumericAndUidKeys)
{
    SearchQuery query;
    query.larger(1000).smaller(5000).uids({7, 5, 6, 9}).keyword("$Label1").keyword("$Junk", false);
    EXPECT_EQ(search_wire(query), "A1 UID SEARCH LARGER 1000 SMALLER 5000 UID 5:7,9 KEYWORD $Label1 UNKEYWORD $Junk\r\n");
}

TEST(ImapSearch, RejectsInvalidArguments)
{
    SearchQuery query;
    EXPECT_THROW(query.flag("UID"), std::invalid_argument);
    EXPECT_THROW(query.text("UNSEEN", "x"), std::invalid_argument);
    EXPECT_THROW(query.keyword("\\Seen"), std::invalid_argument);
    EXPECT_THROW(query.keyword("two words"), std::invalid_argument);
    EXPECT_THROW(query.header("Bad:Name", "x"), std::invalid_argument);
    EXPECT_THROW(query.date("SINCE", 2023, 2, 29), std::invalid_argument);
    EXPECT_THROW(query.date("SINCE", 2024, 13, 1), std::invalid_argument);
    EXPECT_THROW(query.date("AFTER", 2024, 1, 1), std::invalid_argument);
    EXPECT_THROW(query.any_of(SearchQuery(), SearchQuery().all()), std::invalid_argument);
    EXPECT_NO_THROW(query.date("ON", 2024, 2, 29));
    EXPECT_TRUE(query.needs_utf8() == false);
}

TEST(ImapFetchItems, PeekOnlyAndPartial)
{
    FetchRequest request;
    request.flags = true;
    request.envelope = true;
    request.body_structure = true;
    request.sections = {"", "1.2", "HEADER.FIELDS (FROM SUBJECT)"};
    EXPECT_EQ(format_fetch_items(request, true),
              "(UID FLAGS ENVELOPE BODYSTRUCTURE BODY.PEEK[] BODY.PEEK[1.2] BODY.PEEK[HEADER.FIELDS (FROM SUBJECT)])");
    request = FetchRequest();
    request.sections = {"TEXT"};
    request.partial = std::make_pair(uint64_t{0}, uint64_t{1024});
    EXPECT_EQ(format_fetch_items(request, false), "(BODY.PEEK[TEXT]<0.1024>)");
}

TEST(ImapFetchItems, PartZeroMeansHeader)
{
    FetchRequest request;
    request.sections = {"0", "3.0", "1.2.0", "10", "2.10", "X.0"};
    EXPECT_EQ(format_fetch_items(request, false),
              "(BODY.PEEK[HEADER] BODY.PEEK[3.HEADER] BODY.PEEK[1.2.HEADER] BODY.PEEK[10] BODY.PEEK[2.10] "
              "BODY.PEEK[X.0])");
}

TEST(ImapFetchItems, RejectsBadSections)
{
    FetchRequest request;
    request.sections = {"1] BODY[2"};
    EXPECT_THROW(format_fetch_items(request, true), std::invalid_argument);
    request.sections = {"HEADER.FIELDS (FROM"};
    EXPECT_THROW(format_fetch_items(request, true), std::invalid_argument);
    request.sections = {"TEXT\r\nA2 LOGOUT"};
    EXPECT_THROW(format_fetch_items(request, true), std::invalid_argument);
    EXPECT_THROW(format_fetch_items(FetchRequest(), false), std::invalid_argument);
}

TEST(ImapFlagList, ValidatesFlags)
{
    EXPECT_EQ(format_flag_list({"\\Seen", "$Custom"}), "(\\Seen $Custom)");
    EXPECT_EQ(format_flag_list({}), "()");
    EXPECT_THROW(format_flag_list({"\\"}), std::invalid_argument);
    EXPECT_THROW(format_flag_list({"a b"}), std::invalid_argument);
    EXPECT_THROW(format_flag_list({"x)"}), std::invalid_argument);
    EXPECT_THROW(format_flag_list({"\\*"}), std::invalid_argument);
}

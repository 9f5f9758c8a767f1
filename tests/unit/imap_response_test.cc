#include "imap/response.h"

#include <gtest/gtest.h>

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "imap/utf7.h"

namespace mailbridge::imap {

// Lets GoogleTest print responses in failure messages.
void PrintTo(const Response &response, std::ostream *out)
{
    const char *kinds[] = {"tagged", "untagged", "continuation"};
    *out << kinds[static_cast<int>(response.kind)] << " tag=\"" << response.tag << "\" name=" << response.name;
    if (response.has_number)
        *out << " number=" << response.number;
    if (response.code) {
        *out << " code=[" << response.code->name << " " << response.code->raw_arguments << "]"
             << (response.code->arguments_valid ? "" : "(invalid)");
    }
    *out << " text=\"" << response.text << "\" data=" << to_debug_string(response.data);
}

}  // namespace mailbridge::imap

using mailbridge::imap::decode_modified_utf7;
using mailbridge::imap::FetchItemName;
using mailbridge::imap::LiteralChunk;
using mailbridge::imap::Response;
using mailbridge::imap::ResponseKind;
using mailbridge::imap::ResponseLimits;
using mailbridge::imap::ResponseParser;
using mailbridge::imap::split_fetch_item_name;
using mailbridge::imap::to_debug_string;
using mailbridge::imap::Value;
using Status = ResponseParser::Status;

namespace {

struct ParseOptions {
    ResponseLimits limits;
    bool use_sink = false;
    uint64_t sink_threshold = 0;
};

// Octets that the sink received for one literal, with the chunk metadata
// that must be the same for every chunk of it.
struct SinkedLiteral {
    std::string data;
    uint64_t literal_size = 0;
    std::string item_name;
    uint64_t response_number = 0;
    bool offsets_in_order = true;

    bool operator==(const SinkedLiteral &other) const
    {
        return data == other.data && literal_size == other.literal_size && item_name == other.item_name &&
               response_number == other.response_number && offsets_in_order == other.offsets_in_order;
    }
};

// Outcome of feeding one input to a fresh parser, taking every complete
// response, until the input runs out or the parser reports an error.
struct ParseResult {
    std::vector<Response> responses;
    Status status = Status::need_more;  // status of the last feed() call
    size_t consumed = 0;                // total over all feed() calls
    std::string error;
    // Sink contents by response index, then literal index.
    std::map<size_t, std::map<size_t, SinkedLiteral>> sinked;
};

const char *status_name(Status status)
{
    switch (status) {
    case Status::need_more: return "need_more";
    case Status::complete: return "complete";
    case Status::error: return "error";
    }
    return "?";
}

// Feed input in pieces that end at each offset in cuts (ascending), then the rest.
ParseResult feed_in_pieces(const std::string &input, const std::vector<size_t> &cuts, const ParseOptions &options)
{
    ResponseParser parser(options.limits);
    ParseResult result;
    if (options.use_sink) {
        parser.set_literal_sink(options.sink_threshold, [&result](const LiteralChunk &chunk) {
            SinkedLiteral &literal = result.sinked[result.responses.size()][chunk.literal_index];
            if (chunk.offset != literal.data.size())
                literal.offsets_in_order = false;
            literal.data.append(chunk.data.data(), chunk.data.size());
            literal.literal_size = chunk.literal_size;
            literal.item_name = std::string(chunk.item_name);
            literal.response_number = chunk.response_number;
            return true;
        });
    }

    std::vector<size_t> ends = cuts;
    ends.push_back(input.size());
    size_t start = 0;
    for (size_t end : ends) {
        while (start < end) {
            size_t consumed = 0;
            result.status = parser.feed(input.data() + start, end - start, consumed);
            EXPECT_LE(consumed, end - start);
            result.consumed += consumed;
            start += consumed;
            if (result.status == Status::need_more) {
                EXPECT_EQ(start, end) << "need_more must consume every byte it was given";
                EXPECT_TRUE(parser.in_progress());
            } else if (result.status == Status::complete) {
                EXPECT_FALSE(parser.in_progress());
                result.responses.push_back(parser.take());
            } else {
                result.error = parser.error_message();
                return result;
            }
        }
        start = end;
    }
    return result;
}

void expect_same_result(const ParseResult &expected, const ParseResult &actual)
{
    EXPECT_STREQ(status_name(expected.status), status_name(actual.status));
    EXPECT_EQ(expected.consumed, actual.consumed);
    EXPECT_EQ(expected.error, actual.error);
    ASSERT_EQ(expected.responses.size(), actual.responses.size());
    for (size_t i = 0; i < expected.responses.size(); ++i)
        EXPECT_EQ(expected.responses[i], actual.responses[i]) << "response " << i;
    EXPECT_TRUE(expected.sinked == actual.sinked);
}

// Feed input whole, one byte at a time and split in two at every offset.
// Expects the same result every way and returns it.
ParseResult parse_every_way(const std::string &input, const ParseOptions &options = {})
{
    ParseResult whole = feed_in_pieces(input, {}, options);

    std::vector<size_t> every_byte;
    for (size_t i = 1; i < input.size(); ++i)
        every_byte.push_back(i);
    {
        SCOPED_TRACE("fed one byte at a time");
        expect_same_result(whole, feed_in_pieces(input, every_byte, options));
    }

    for (size_t split = 0; split <= input.size(); ++split) {
        SCOPED_TRACE("split at offset " + std::to_string(split));
        expect_same_result(whole, feed_in_pieces(input, {split}, options));
    }
    return whole;
}

// Parse input that must hold exactly one complete response, fed every way.
Response parse_one(const std::string &input, const ParseOptions &options = {})
{
    ParseResult result = parse_every_way(input, options);
    EXPECT_STREQ(status_name(result.status), "complete") << result.error;
    EXPECT_EQ(result.consumed, input.size());
    EXPECT_EQ(result.responses.size(), 1u);
    if (result.responses.empty())
        return Response{};
    return result.responses[0];
}

// Parse input that must fail, fed every way, and return the error message.
std::string parse_error(const std::string &input, const ParseOptions &options = {})
{
    ParseResult result = parse_every_way(input, options);
    EXPECT_STREQ(status_name(result.status), "error");
    return result.error;
}

// Return the value after the FETCH item named name in a FETCH list, or
// nullptr when the item is missing.
const Value *fetch_item(const Value &list, const std::string &name)
{
    for (size_t i = 0; i + 1 < list.items.size(); i += 2) {
        if (list.items[i].is_atom(name))
            return &list.items[i + 1];
    }
    return nullptr;
}

}  // namespace

// --- Framing and status responses ---

TEST(ImapResponse, TaggedOkWithCode)
{
    Response response = parse_one("A1 OK [READ-WRITE] SELECT completed\r\n");
    EXPECT_EQ(response.kind, ResponseKind::tagged);
    EXPECT_EQ(response.tag, "A1");
    EXPECT_EQ(response.name, "OK");
    EXPECT_TRUE(response.is_status());
    ASSERT_TRUE(response.code.has_value());
    EXPECT_EQ(response.code->name, "READ-WRITE");
    EXPECT_EQ(response.code->raw_arguments, "");
    EXPECT_TRUE(response.code->arguments.empty());
    EXPECT_EQ(response.text, "SELECT completed");
}

TEST(ImapResponse, StatusNamesAreUpperCased)
{
    Response response = parse_one("a2 ok [read-only] done\r\n");
    EXPECT_EQ(response.tag, "a2");
    EXPECT_EQ(response.name, "OK");
    ASSERT_TRUE(response.code.has_value());
    EXPECT_EQ(response.code->name, "READ-ONLY");
}

TEST(ImapResponse, UntaggedOkWithUidValidity)
{
    Response response = parse_one("* OK [UIDVALIDITY 3857529045] UIDs valid\r\n");
    EXPECT_EQ(response.kind, ResponseKind::untagged);
    EXPECT_EQ(response.name, "OK");
    EXPECT_FALSE(response.has_number);
    ASSERT_TRUE(response.code.has_value());
    EXPECT_EQ(response.code->name, "UIDVALIDITY");
    EXPECT_EQ(response.code->raw_arguments, "3857529045");
    ASSERT_EQ(response.code->arguments.size(), 1u);
    EXPECT_TRUE(response.code->arguments[0].is_number());
    EXPECT_EQ(response.code->arguments[0].number, 3857529045u);
    EXPECT_EQ(response.text, "UIDs valid");
}

TEST(ImapResponse, PermanentFlagsCode)
{
    Response response = parse_one("* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited\r\n");
    ASSERT_TRUE(response.code.has_value());
    EXPECT_EQ(response.code->name, "PERMANENTFLAGS");
    EXPECT_TRUE(response.code->arguments_valid);
    ASSERT_EQ(response.code->arguments.size(), 1u);
    EXPECT_EQ(to_debug_string(response.code->arguments[0]), "(\\Deleted \\Seen \\*)");
    EXPECT_EQ(response.text, "Limited");
}

TEST(ImapResponse, CapabilityCodeInGreeting)
{
    Response response =
        parse_one("* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ AUTH=PLAIN] ready\r\n");
    ASSERT_TRUE(response.code.has_value());
    EXPECT_EQ(response.code->name, "CAPABILITY");
    std::vector<std::string> names;
    for (const Value &value : response.code->arguments) {
        EXPECT_EQ(value.kind, Value::Kind::atom);
        names.push_back(value.text);
    }
    std::vector<std::string> expected = {"IMAP4rev1", "SASL-IR", "LOGIN-REFERRALS", "ID",
                                         "ENABLE",    "IDLE",    "LITERAL+",        "AUTH=PLAIN"};
    EXPECT_EQ(names, expected);
    EXPECT_EQ(response.text, "ready");
}

TEST(ImapResponse, CopyUidCodeKeepsSequenceSets)
{
    Response response = parse_one("A3 OK [COPYUID 38505 304,319:320 3956:3958] Done\r\n");
    ASSERT_TRUE(response.code.has_value());
    EXPECT_EQ(to_debug_string(response.code->arguments), "38505 304,319:320 3956:3958");
}

TEST(ImapResponse, CodeWithoutText)
{
    Response response = parse_one("A4 OK [READ-WRITE]\r\n");
    ASSERT_TRUE(response.code.has_value());
    EXPECT_EQ(response.code->name, "READ-WRITE");
    EXPECT_EQ(response.text, "");
}

TEST(ImapResponse, CodeArgumentsThatAreNotValues)
{
    Response response = parse_one("* NO [XODD (a \"b] c)] text\r\n");
    ASSERT_TRUE(response.code.has_value());
    EXPECT_EQ(response.code->name, "XODD");
    EXPECT_FALSE(response.code->arguments_valid);
    EXPECT_TRUE(response.code->arguments.empty());
    EXPECT_EQ(response.code->raw_arguments, "(a \"b");
    EXPECT_EQ(response.text, "c)] text");
}

TEST(ImapResponse, BracketWithoutCloseIsText)
{
    Response response = parse_one("* OK [ALERT no closing bracket\r\n");
    EXPECT_FALSE(response.code.has_value());
    EXPECT_EQ(response.text, "[ALERT no closing bracket");
}

TEST(ImapResponse, StatusWithoutText)
{
    Response tagged = parse_one("A5 OK\r\n");
    EXPECT_EQ(tagged.name, "OK");
    EXPECT_EQ(tagged.text, "");
    Response untagged = parse_one("* PREAUTH\r\n");
    EXPECT_EQ(untagged.name, "PREAUTH");
    EXPECT_EQ(untagged.text, "");
}

TEST(ImapResponse, NumberedStatusNameIsData)
{
    Response response = parse_one("* 5 OK (a)\r\n");
    EXPECT_FALSE(response.is_status());
    EXPECT_EQ(response.number, 5u);
    EXPECT_EQ(to_debug_string(response.data), "(a)");
    EXPECT_EQ(response.text, "");
}

TEST(ImapResponse, ByeKeepsText)
{
    Response response = parse_one("* BYE Autologout; idle for too long\r\n");
    EXPECT_EQ(response.name, "BYE");
    EXPECT_TRUE(response.is_status());
    EXPECT_EQ(response.text, "Autologout; idle for too long");
}

TEST(ImapResponse, StatusTextIsNotTokenized)
{
    // Status text is free text, so a brace or a quote in it means nothing.
    Response response = parse_one("A6 NO bad \"quote and {5}\r\n");
    EXPECT_EQ(response.text, "bad \"quote and {5}");
}

TEST(ImapResponse, ContinuationRequest)
{
    Response response = parse_one("+ Ready for literal data\r\n");
    EXPECT_EQ(response.kind, ResponseKind::continuation);
    EXPECT_EQ(response.name, "");
    EXPECT_FALSE(response.is_status());
    EXPECT_EQ(response.text, "Ready for literal data");
}

TEST(ImapResponse, BareContinuation)
{
    EXPECT_EQ(parse_one("+\r\n").text, "");
    EXPECT_EQ(parse_one("+ \r\n").text, "");
}

TEST(ImapResponse, LfOnlyLineEnds)
{
    std::string input = "* 2 EXISTS\n* 1 FETCH (BODY[] {3}\nab\n)\nA1 OK done\n";
    ParseResult result = parse_every_way(input);
    ASSERT_STREQ(status_name(result.status), "complete") << result.error;
    EXPECT_EQ(result.consumed, input.size());
    ASSERT_EQ(result.responses.size(), 3u);
    EXPECT_EQ(result.responses[0].name, "EXISTS");
    EXPECT_EQ(to_debug_string(result.responses[1].data), "(BODY[] {3}\r\nab\n)");
    EXPECT_EQ(result.responses[2].text, "done");
}

TEST(ImapResponse, StopsAfterCompleteResponse)
{
    ResponseParser parser;
    std::string input = "* 3 EXISTS\r\n* 0 RECENT\r\n";
    size_t consumed = 0;
    EXPECT_EQ(parser.feed(input.data(), input.size(), consumed), Status::complete);
    EXPECT_EQ(consumed, 12u);
    EXPECT_FALSE(parser.in_progress());
    // A complete response stays until it is taken.
    EXPECT_EQ(parser.feed(input.data() + 12, input.size() - 12, consumed), Status::complete);
    EXPECT_EQ(consumed, 0u);

    Response first = parser.take();
    EXPECT_EQ(first.number, 3u);
    EXPECT_EQ(parser.feed(input.data() + 12, input.size() - 12, consumed), Status::complete);
    EXPECT_EQ(consumed, 12u);
    EXPECT_EQ(parser.take().name, "RECENT");
}

TEST(ImapResponse, InProgressAndReset)
{
    ResponseParser parser;
    size_t consumed = 0;
    EXPECT_FALSE(parser.in_progress());
    EXPECT_EQ(parser.feed("* 1 FETCH (", 11, consumed), Status::need_more);
    EXPECT_TRUE(parser.in_progress());
    parser.reset();
    EXPECT_FALSE(parser.in_progress());
    EXPECT_EQ(parser.feed("A1 OK x\r\n", 9, consumed), Status::complete);
    EXPECT_EQ(parser.take().tag, "A1");
}

// --- Values ---

TEST(ImapResponse, ValueKinds)
{
    Response response = parse_one("* XDATA atom 42 \"str\" NIL nil () (a (b)) 18446744073709551616\r\n");
    EXPECT_EQ(response.name, "XDATA");
    ASSERT_EQ(response.data.size(), 8u);
    EXPECT_EQ(response.data[0].kind, Value::Kind::atom);
    EXPECT_EQ(response.data[0].text, "atom");
    EXPECT_EQ(response.data[1].kind, Value::Kind::number);
    EXPECT_EQ(response.data[1].number, 42u);
    EXPECT_EQ(response.data[1].text, "42");
    EXPECT_EQ(response.data[2].kind, Value::Kind::string);
    EXPECT_EQ(response.data[2].text, "str");
    EXPECT_TRUE(response.data[3].is_nil());
    EXPECT_TRUE(response.data[4].is_nil());
    EXPECT_TRUE(response.data[5].is_list());
    EXPECT_TRUE(response.data[5].items.empty());
    EXPECT_EQ(to_debug_string(response.data[6]), "(a (b))");
    // A number beyond 64 bits stays an atom instead of failing the response.
    EXPECT_EQ(response.data[7].kind, Value::Kind::atom);
    EXPECT_EQ(response.data[7].text, "18446744073709551616");
}

TEST(ImapResponse, QuotedStringEscapes)
{
    Response response = parse_one("* XDATA \"a \\\"b\\\" c\\\\d\" \"\" \"x\\yz\" \"ünï\"\r\n");
    ASSERT_EQ(response.data.size(), 4u);
    EXPECT_EQ(response.data[0].text, "a \"b\" c\\d");
    EXPECT_EQ(response.data[1].kind, Value::Kind::string);
    EXPECT_EQ(response.data[1].text, "");
    // A backslash before another byte is kept, as some servers send it.
    EXPECT_EQ(response.data[2].text, "x\\yz");
    EXPECT_EQ(response.data[3].text, "ünï");
}

TEST(ImapResponse, ListsWithoutSpacesBetween)
{
    Response response = parse_one("* XDATA ((a)(b))\"c\"NIL\r\n");
    EXPECT_EQ(to_debug_string(response.data), "((a) (b)) \"c\" NIL");
}

TEST(ImapResponse, NumberedUntaggedResponses)
{
    ParseResult result = parse_every_way("* 23 EXISTS\r\n* 5 RECENT\r\n* 44 EXPUNGE\r\n");
    ASSERT_EQ(result.responses.size(), 3u);
    EXPECT_TRUE(result.responses[0].has_number);
    EXPECT_EQ(result.responses[0].number, 23u);
    EXPECT_EQ(result.responses[0].name, "EXISTS");
    EXPECT_TRUE(result.responses[0].data.empty());
    EXPECT_EQ(result.responses[1].name, "RECENT");
    EXPECT_EQ(result.responses[2].number, 44u);
    EXPECT_EQ(result.responses[2].name, "EXPUNGE");
}

TEST(ImapResponse, UntaggedDataResponses)
{
    ParseResult result = parse_every_way(
        "* CAPABILITY IMAP4rev1 STARTTLS AUTH=GSSAPI\r\n"
        "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n"
        "* LIST (\\Noselect) \"/\" \"\"\r\n"
        "* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)\r\n"
        "* SEARCH 2 84 882\r\n"
        "* SEARCH\r\n"
        "* NAMESPACE ((\"\" \"/\")) NIL NIL\r\n"
        "* ESEARCH (TAG \"A282\") UID MIN 2 COUNT 3\r\n");
    ASSERT_EQ(result.responses.size(), 8u);
    EXPECT_EQ(to_debug_string(result.responses[0].data), "IMAP4rev1 STARTTLS AUTH=GSSAPI");
    EXPECT_EQ(result.responses[1].name, "FLAGS");
    EXPECT_EQ(result.responses[1].data[0].items.size(), 5u);
    EXPECT_EQ(to_debug_string(result.responses[2].data), "(\\Noselect) \"/\" \"\"");
    EXPECT_EQ(to_debug_string(result.responses[3].data), "blurdybloop (MESSAGES 231 UIDNEXT 44292)");
    EXPECT_EQ(to_debug_string(result.responses[4].data), "2 84 882");
    EXPECT_EQ(result.responses[5].name, "SEARCH");
    EXPECT_TRUE(result.responses[5].data.empty());
    EXPECT_EQ(to_debug_string(result.responses[6].data), "((\"\" \"/\")) NIL NIL");
    EXPECT_EQ(to_debug_string(result.responses[7].data), "(TAG \"A282\") UID MIN 2 COUNT 3");
}

TEST(ImapResponse, UnknownUntaggedDataIsParsedGenerically)
{
    std::string input = "* XVENDOR-THING 7 (a \"b c\" (d {3}\r\nxyz) NIL) [odd]/name\r\n";
    Response response = parse_one(input);
    EXPECT_EQ(response.name, "XVENDOR-THING");
    EXPECT_EQ(to_debug_string(response.data), "7 (a \"b c\" (d {3}\r\nxyz) NIL) [odd]/name");
}

TEST(ImapResponse, UnknownFetchItemsAreKept)
{
    Response response = parse_one(
        "* 12 FETCH (X-GM-MSGID 1278455344230334865 X-GM-LABELS (\"\\\\Important\" \"Wa\xc5\xbcne\") "
        "XUNKNOWN (1 (2 (3))) UID 77)\r\n");
    ASSERT_EQ(response.data.size(), 1u);
    const Value &items = response.data[0];
    ASSERT_NE(fetch_item(items, "X-GM-MSGID"), nullptr);
    EXPECT_EQ(fetch_item(items, "X-GM-MSGID")->number, 1278455344230334865u);
    ASSERT_NE(fetch_item(items, "X-GM-LABELS"), nullptr);
    EXPECT_EQ(fetch_item(items, "X-GM-LABELS")->items[0].text, "\\Important");
    ASSERT_NE(fetch_item(items, "UID"), nullptr);
    EXPECT_EQ(fetch_item(items, "UID")->number, 77u);
}

// --- FETCH items with bracketed sections and literals ---

TEST(ImapResponse, BracketedFetchItemKeptWhole)
{
    Response response = parse_one("* 4 FETCH (BODY[HEADER.FIELDS (FROM \"X-A]\")]<0> {13}\r\nFrom: a@b\r\n\r\n)\r\n");
    ASSERT_EQ(response.data.size(), 1u);
    const Value &items = response.data[0];
    ASSERT_EQ(items.items.size(), 2u);
    EXPECT_EQ(items.items[0].kind, Value::Kind::atom);
    EXPECT_EQ(items.items[0].text, "BODY[HEADER.FIELDS (FROM \"X-A]\")]<0>");
    EXPECT_EQ(items.items[1].kind, Value::Kind::literal);
    EXPECT_EQ(items.items[1].text, "From: a@b\r\n\r\n");

    FetchItemName name = split_fetch_item_name(items.items[0].text);
    EXPECT_EQ(name.name, "BODY");
    EXPECT_TRUE(name.has_section);
    EXPECT_EQ(name.section, "HEADER.FIELDS (FROM \"X-A]\")");
    EXPECT_EQ(name.partial, "0");
}

TEST(ImapResponse, SplitFetchItemNames)
{
    FetchItemName uid = split_fetch_item_name("uid");
    EXPECT_EQ(uid.name, "UID");
    EXPECT_FALSE(uid.has_section);

    FetchItemName whole = split_fetch_item_name("BODY[]");
    EXPECT_EQ(whole.name, "BODY");
    EXPECT_TRUE(whole.has_section);
    EXPECT_EQ(whole.section, "");
    EXPECT_EQ(whole.partial, "");

    FetchItemName binary = split_fetch_item_name("BINARY.SIZE[1.2]");
    EXPECT_EQ(binary.name, "BINARY.SIZE");
    EXPECT_EQ(binary.section, "1.2");
}

TEST(ImapResponse, MailboxNameAtomWithBrackets)
{
    Response response = parse_one("* LIST (\\HasNoChildren) \"/\" [Gmail]/Sent\r\n");
    ASSERT_EQ(response.data.size(), 3u);
    EXPECT_EQ(response.data[2].kind, Value::Kind::atom);
    EXPECT_EQ(response.data[2].text, "[Gmail]/Sent");
}

TEST(ImapResponse, NonSynchronizingLiteral)
{
    Response response = parse_one("* 1 FETCH (BODY[1] {4+}\r\nab\r\n)\r\n");
    const Value &literal = response.data[0].items[1];
    EXPECT_EQ(literal.kind, Value::Kind::literal);
    EXPECT_EQ(literal.literal_size, 4u);
    EXPECT_FALSE(literal.literal8);
    EXPECT_EQ(literal.text, "ab\r\n");
}

TEST(ImapResponse, Literal8KeepsNul)
{
    std::string input = "* 2 FETCH (BINARY[1] ~{5}\r\n";
    input += std::string("a\0b\r\n", 5);
    input += " UID 9)\r\n";
    Response response = parse_one(input);
    const Value &items = response.data[0];
    ASSERT_EQ(items.items.size(), 4u);
    EXPECT_EQ(items.items[1].kind, Value::Kind::literal);
    EXPECT_TRUE(items.items[1].literal8);
    EXPECT_EQ(items.items[1].text, std::string("a\0b\r\n", 5));
    EXPECT_EQ(fetch_item(items, "UID")->number, 9u);
}

TEST(ImapResponse, EmptyLiteral)
{
    Response response = parse_one("* 3 FETCH (BODY[TEXT] {0}\r\n FLAGS ())\r\n");
    const Value &items = response.data[0];
    ASSERT_EQ(items.items.size(), 4u);
    EXPECT_EQ(items.items[1].kind, Value::Kind::literal);
    EXPECT_EQ(items.items[1].literal_size, 0u);
    EXPECT_EQ(items.items[1].text, "");
}

TEST(ImapResponse, LiteralAtEndOfResponse)
{
    Response response = parse_one("* XDATA {3}\r\nabc\r\n");
    ASSERT_EQ(response.data.size(), 1u);
    EXPECT_EQ(response.data[0].text, "abc");
}

TEST(ImapResponse, LiteralIndexesCountInOrder)
{
    Response response = parse_one("* 1 FETCH (A {1}\r\nx B ({1}\r\ny) C {1}\r\nz)\r\n");
    const Value &items = response.data[0];
    EXPECT_EQ(items.items[1].literal_index, 0u);
    EXPECT_EQ(items.items[3].items[0].literal_index, 1u);
    EXPECT_EQ(items.items[5].literal_index, 2u);
}

// --- BODYSTRUCTURE and ENVELOPE ---

TEST(ImapResponse, MultipartBodystructure)
{
    Response response = parse_one(
        "* 7 FETCH (UID 1204 BODYSTRUCTURE ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"7BIT\" 1152 23 "
        "NIL NIL NIL NIL)(\"APPLICATION\" \"PDF\" (\"NAME\" \"r\\\"1\\\".pdf\") \"<part2@example.test>\" "
        "\"Report\" \"BASE64\" 4554 NIL (\"attachment\" (\"filename\" \"r\\\"1\\\".pdf\")) NIL NIL) \"MIXED\" "
        "(\"BOUNDARY\" \"----=_Part_0\") NIL NIL NIL))\r\n");
    EXPECT_EQ(response.name, "FETCH");
    EXPECT_EQ(response.number, 7u);
    const Value *structure = fetch_item(response.data[0], "BODYSTRUCTURE");
    ASSERT_NE(structure, nullptr);
    ASSERT_EQ(structure->items.size(), 7u);

    const Value &text = structure->items[0];
    ASSERT_EQ(text.items.size(), 12u);
    EXPECT_EQ(text.items[0].text, "TEXT");
    EXPECT_EQ(text.items[1].text, "PLAIN");
    EXPECT_EQ(to_debug_string(text.items[2]), "(\"CHARSET\" \"utf-8\")");
    EXPECT_EQ(text.items[6].number, 1152u);
    EXPECT_EQ(text.items[7].number, 23u);

    const Value &pdf = structure->items[1];
    ASSERT_EQ(pdf.items.size(), 11u);
    EXPECT_EQ(pdf.items[2].items[1].text, "r\"1\".pdf");
    EXPECT_EQ(pdf.items[3].text, "<part2@example.test>");
    EXPECT_EQ(pdf.items[6].number, 4554u);
    EXPECT_TRUE(pdf.items[7].is_nil());
    EXPECT_EQ(pdf.items[8].items[0].text, "attachment");

    EXPECT_EQ(structure->items[2].text, "MIXED");
    EXPECT_EQ(to_debug_string(structure->items[3]), "(\"BOUNDARY\" \"----=_Part_0\")");
}

TEST(ImapResponse, EnvelopeWithNilFieldsAndEscapes)
{
    Response response = parse_one(
        "* 2 FETCH (ENVELOPE (\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"Re: \\\"quoted\\\" and \\\\ back\" "
        "((\"Terry \\\"T\\\" Gray\" NIL \"gray\" \"example.test\")) NIL NIL ((NIL NIL \"imap\" \"example.test\")) "
        "NIL NIL NIL \"<B27397-0100000@example.test>\"))\r\n");
    const Value *envelope = fetch_item(response.data[0], "ENVELOPE");
    ASSERT_NE(envelope, nullptr);
    ASSERT_EQ(envelope->items.size(), 10u);
    EXPECT_EQ(envelope->items[0].text, "Wed, 17 Jul 1996 02:23:25 -0700 (PDT)");
    EXPECT_EQ(envelope->items[1].text, "Re: \"quoted\" and \\ back");
    const Value &from = envelope->items[2].items[0];
    ASSERT_EQ(from.items.size(), 4u);
    EXPECT_EQ(from.items[0].text, "Terry \"T\" Gray");
    EXPECT_TRUE(from.items[1].is_nil());
    EXPECT_EQ(from.items[2].text, "gray");
    EXPECT_TRUE(envelope->items[3].is_nil());
    EXPECT_TRUE(envelope->items[4].is_nil());
    EXPECT_TRUE(envelope->items[5].items[0].items[0].is_nil());
    EXPECT_TRUE(envelope->items[6].is_nil());
    EXPECT_TRUE(envelope->items[8].is_nil());
    EXPECT_EQ(envelope->items[9].text, "<B27397-0100000@example.test>");
}

// --- Server behaviours seen in the wild ---

// Exchange sends a disposition as a bare string ("inline") where the grammar
// wants ("inline" NIL) or NIL. The tree must keep it so that the body
// structure reader can accept it.
TEST(ImapResponse, ExchangeBareStringDisposition)
{
    Response response = parse_one(
        "* 37 FETCH (UID 67 FLAGS (\\Seen) RFC822.SIZE 14801 BODYSTRUCTURE ((\"text\" \"plain\" (\"charset\" "
        "\"ISO-8859-1\") NIL NIL \"QUOTED-PRINTABLE\" 850 31 NIL \"inline\" NIL NIL)(\"text\" \"html\" (\"charset\" "
        "\"ISO-8859-1\") NIL NIL \"QUOTED-PRINTABLE\" 14692 502 NIL \"inline\" NIL NIL) \"alternative\" "
        "(\"boundary\" \"b1\") NIL NIL))\r\n");
    EXPECT_EQ(response.number, 37u);
    const Value &items = response.data[0];
    EXPECT_EQ(fetch_item(items, "UID")->number, 67u);
    EXPECT_EQ(to_debug_string(*fetch_item(items, "FLAGS")), "(\\Seen)");
    EXPECT_EQ(fetch_item(items, "RFC822.SIZE")->number, 14801u);

    const Value *structure = fetch_item(items, "BODYSTRUCTURE");
    ASSERT_NE(structure, nullptr);
    ASSERT_EQ(structure->items.size(), 6u);
    const Value &plain = structure->items[0];
    ASSERT_EQ(plain.items.size(), 12u);
    EXPECT_EQ(plain.items[0].text, "text");
    EXPECT_EQ(plain.items[1].text, "plain");
    EXPECT_EQ(plain.items[5].text, "QUOTED-PRINTABLE");
    EXPECT_EQ(plain.items[6].number, 850u);
    EXPECT_EQ(plain.items[7].number, 31u);
    EXPECT_EQ(plain.items[9].kind, Value::Kind::string);
    EXPECT_EQ(plain.items[9].text, "inline");
    EXPECT_EQ(structure->items[1].items[6].number, 14692u);
    EXPECT_EQ(structure->items[2].text, "alternative");
}

// Exchange 2010 sends a message/rfc822 part without its envelope, body
// structure and line count.
TEST(ImapResponse, ExchangeRfc822PartWithoutEnvelope)
{
    Response response = parse_one(
        "* 1 FETCH (BODYSTRUCTURE (((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"QUOTED-PRINTABLE\" "
        "1112 52 NIL NIL NIL)(\"TEXT\" \"HTML\" (\"CHARSET\" \"us-ascii\") NIL NIL \"QUOTED-PRINTABLE\" 8149 194 NIL "
        "NIL NIL) \"ALTERNATIVE\" (\"BOUNDARY\" \"b2\") NIL NIL)(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 1290 NIL "
        "(\"ATTACHMENT\" (\"CREATION-DATE\" \"Fri, 09 Nov 2012 18:16:04 GMT\" \"MODIFICATION-DATE\" \"Fri, 09 Nov "
        "2012 18:16:04 GMT\")) NIL) \"MIXED\" (\"BOUNDARY\" \"b3\") NIL NIL))\r\n");
    const Value *structure = fetch_item(response.data[0], "BODYSTRUCTURE");
    ASSERT_NE(structure, nullptr);
    ASSERT_EQ(structure->items.size(), 6u);

    const Value &alternative = structure->items[0];
    ASSERT_EQ(alternative.items.size(), 6u);
    EXPECT_EQ(alternative.items[2].text, "ALTERNATIVE");
    EXPECT_EQ(alternative.items[0].items[6].number, 1112u);

    const Value &rfc822 = structure->items[1];
    ASSERT_EQ(rfc822.items.size(), 10u);
    EXPECT_EQ(rfc822.items[0].text, "MESSAGE");
    EXPECT_EQ(rfc822.items[1].text, "RFC822");
    EXPECT_EQ(rfc822.items[6].number, 1290u);
    EXPECT_TRUE(rfc822.items[7].is_nil());
    const Value &disposition = rfc822.items[8];
    ASSERT_EQ(disposition.items.size(), 2u);
    EXPECT_EQ(disposition.items[0].text, "ATTACHMENT");
    ASSERT_EQ(disposition.items[1].items.size(), 4u);
    EXPECT_EQ(disposition.items[1].items[1].text, "Fri, 09 Nov 2012 18:16:04 GMT");
    EXPECT_EQ(disposition.items[1].items[3].text, "Fri, 09 Nov 2012 18:16:04 GMT");
    EXPECT_EQ(structure->items[2].text, "MIXED");
}

// Exchange rejects a section such as "3.0" with this BAD; the text must be
// kept as sent.
TEST(ImapResponse, ExchangeBadForSectionZero)
{
    Response response = parse_one("A0018 BAD Command Argument Error. 11\r\n");
    EXPECT_EQ(response.tag, "A0018");
    EXPECT_EQ(response.name, "BAD");
    EXPECT_FALSE(response.code.has_value());
    EXPECT_EQ(response.text, "Command Argument Error. 11");
}

// A literal with CRLF inside ENVELOPE: exactly n octets, whatever they are,
// and the list goes on on the next line.
TEST(ImapResponse, EnvelopeSubjectLiteralWithCrlf)
{
    std::string input =
        "* 1 FETCH (ENVELOPE (NIL {47}\r\n"
        "=?utf-8?b?w6TDtsO8?=\r\n"
        " =?utf-8?b?w6TDtsO8?= x\r\n"
        " ((NIL NIL \"u\" \"example.com\")) ((NIL NIL \"u\" \"example.com\")) ((NIL NIL \"u\" \"example.com\")) "
        "((NIL NIL \"u\" \"example.com\")) NIL NIL NIL NIL) UID 1)\r\n";
    Response response = parse_one(input);
    const Value &items = response.data[0];
    const Value *envelope = fetch_item(items, "ENVELOPE");
    ASSERT_NE(envelope, nullptr);
    ASSERT_EQ(envelope->items.size(), 10u);
    EXPECT_TRUE(envelope->items[0].is_nil());
    EXPECT_EQ(envelope->items[1].kind, Value::Kind::literal);
    EXPECT_EQ(envelope->items[1].literal_size, 47u);
    EXPECT_EQ(envelope->items[1].text, "=?utf-8?b?w6TDtsO8?=\r\n =?utf-8?b?w6TDtsO8?= x\r\n");
    EXPECT_EQ(envelope->items[2].items[0].items[3].text, "example.com");
    EXPECT_TRUE(envelope->items[9].is_nil());
    ASSERT_NE(fetch_item(items, "UID"), nullptr);
    EXPECT_EQ(fetch_item(items, "UID")->number, 1u);
}

// Gmail's reply to a failed XOAUTH2: a challenge with JSON in base64, then
// the tagged NO once the client sends an empty line.
TEST(ImapResponse, GmailXoauth2Failure)
{
    ParseResult result = parse_every_way(
        "+ eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==\r\n"
        "A1 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)\r\n");
    ASSERT_EQ(result.responses.size(), 2u);
    const Response &challenge = result.responses[0];
    EXPECT_EQ(challenge.kind, ResponseKind::continuation);
    EXPECT_FALSE(challenge.code.has_value());
    EXPECT_EQ(challenge.text,
              "eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==");
    const Response &failure = result.responses[1];
    EXPECT_EQ(failure.name, "NO");
    ASSERT_TRUE(failure.code.has_value());
    EXPECT_EQ(failure.code->name, "AUTHENTICATIONFAILED");
    EXPECT_EQ(failure.text, "Invalid credentials (Failure)");
}

TEST(ImapResponse, Microsoft365GreetingAndFailure)
{
    ParseResult result = parse_every_way(
        "* OK The Microsoft Exchange IMAP4 service is ready.\r\n"
        "* CAPABILITY IMAP4 IMAP4rev1 AUTH=PLAIN AUTH=XOAUTH2 SASL-IR UIDPLUS ID UNSELECT CHILDREN IDLE NAMESPACE "
        "LITERAL+\r\n"
        "A1 NO AUTHENTICATE failed.\r\n");
    ASSERT_EQ(result.responses.size(), 3u);
    EXPECT_EQ(result.responses[0].text, "The Microsoft Exchange IMAP4 service is ready.");
    EXPECT_EQ(result.responses[1].name, "CAPABILITY");
    EXPECT_EQ(result.responses[1].data.size(), 12u);
    EXPECT_TRUE(result.responses[1].data[3].is_atom("auth=xoauth2"));
    EXPECT_EQ(result.responses[2].name, "NO");
    EXPECT_EQ(result.responses[2].text, "AUTHENTICATE failed.");
}

TEST(ImapResponse, BadCharsetKeepsText)
{
    Response response = parse_one("A6 NO [BADCHARSET (US-ASCII)] The specified charset is not supported.\r\n");
    ASSERT_TRUE(response.code.has_value());
    EXPECT_EQ(response.code->name, "BADCHARSET");
    EXPECT_EQ(to_debug_string(response.code->arguments), "(US-ASCII)");
    EXPECT_EQ(response.text, "The specified charset is not supported.");
}

TEST(ImapResponse, GmailListWithModifiedUtf7Name)
{
    Response response = parse_one("* LIST (\\HasChildren) \"/\" \"[Gmail]/Wa&AXw-ne\"\r\n");
    ASSERT_EQ(response.data.size(), 3u);
    EXPECT_EQ(to_debug_string(response.data[0]), "(\\HasChildren)");
    EXPECT_EQ(response.data[1].text, "/");
    EXPECT_EQ(response.data[2].text, "[Gmail]/Wa&AXw-ne");
    EXPECT_EQ(decode_modified_utf7(response.data[2].text).value_or("?"), "[Gmail]/Wa\xc5\xbcne");
}

// After DONE, untagged data may still arrive before the tagged reply, and
// Dovecot sends "* OK Still here" during IDLE.
TEST(ImapResponse, IdleUntaggedBeforeTaggedReply)
{
    ParseResult result = parse_every_way(
        "+ idling\r\n"
        "* OK Still here\r\n"
        "* 5 EXISTS\r\n"
        "* 1 RECENT\r\n"
        "TAG6 OK Idle completed\r\n");
    ASSERT_EQ(result.responses.size(), 5u);
    EXPECT_EQ(result.responses[0].kind, ResponseKind::continuation);
    EXPECT_EQ(result.responses[1].name, "OK");
    EXPECT_EQ(result.responses[1].text, "Still here");
    EXPECT_EQ(result.responses[2].number, 5u);
    EXPECT_EQ(result.responses[2].name, "EXISTS");
    EXPECT_EQ(result.responses[3].name, "RECENT");
    EXPECT_EQ(result.responses[4].tag, "TAG6");
    EXPECT_EQ(result.responses[4].text, "Idle completed");
}

// A string where the multipart extension data should be: the tree keeps it
// and the attachment part stays intact.
TEST(ImapResponse, StringInMultipartExtensionData)
{
    Response response = parse_one(
        "* 9 FETCH (BODYSTRUCTURE ((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL "
        "NIL)(\"application\" \"octet-stream\" (\"name\" \"report.txt\") NIL NIL \"base64\" 171724 NIL "
        "(\"attachment\" (\"filename\" \"report.txt\")) NIL NIL) \"mixed\" (\"boundary\" \"b4\") \"S/MIME "
        "Encrypted Message\" NIL))\r\n");
    const Value *structure = fetch_item(response.data[0], "BODYSTRUCTURE");
    ASSERT_NE(structure, nullptr);
    ASSERT_EQ(structure->items.size(), 6u);
    const Value &text = structure->items[0];
    EXPECT_EQ(text.items[6].number, 0u);
    EXPECT_EQ(text.items[7].number, 0u);
    const Value &attachment = structure->items[1];
    ASSERT_EQ(attachment.items.size(), 11u);
    EXPECT_EQ(attachment.items[0].text, "application");
    EXPECT_EQ(attachment.items[1].text, "octet-stream");
    EXPECT_EQ(attachment.items[5].text, "base64");
    EXPECT_EQ(attachment.items[6].number, 171724u);
    EXPECT_EQ(to_debug_string(attachment.items[8]), "(\"attachment\" (\"filename\" \"report.txt\"))");
    EXPECT_EQ(structure->items[4].text, "S/MIME Encrypted Message");
}

TEST(ImapResponse, UnknownTypesAndEncodings)
{
    Response response = parse_one(
        "* 3 FETCH (BODYSTRUCTURE ((\"font\" \"woff2\" NIL NIL NIL \"x-uuencode\" 10 NIL NIL NIL NIL)"
        "(\"text\" \"plain\" NIL NIL NIL \"8bit\\\"\" 5 1 NIL NIL NIL NIL) \"mixed\"))\r\n");
    const Value *structure = fetch_item(response.data[0], "BODYSTRUCTURE");
    ASSERT_NE(structure, nullptr);
    EXPECT_EQ(structure->items[0].items[0].text, "font");
    EXPECT_EQ(structure->items[0].items[5].text, "x-uuencode");
    EXPECT_EQ(structure->items[1].items[5].text, "8bit\"");
}

// Several literals in one response, and FETCH attributes of one message
// split over responses.
TEST(ImapResponse, SeveralLiteralsAndSplitAttributes)
{
    std::string input =
        "* 1 FETCH (BODY[TEXT] {6}\r\n"
        "Hi\r\n\r\n"
        " BODY[HEADER.FIELDS (DATE)] {47}\r\n"
        "Date: Tue, 21 Jan 2020 11:59:55 +0100 (CET)\r\n\r\n"
        ")\r\n"
        "A010 OK FETCH completed\r\n"
        "* 1 FETCH (FLAGS (\\Seen \\Flagged))\r\n"
        "* 1 FETCH (UID 9)\r\n";
    ParseResult result = parse_every_way(input);
    ASSERT_STREQ(status_name(result.status), "complete") << result.error;
    EXPECT_EQ(result.consumed, input.size());
    ASSERT_EQ(result.responses.size(), 4u);

    const Value &items = result.responses[0].data[0];
    ASSERT_EQ(items.items.size(), 4u);
    EXPECT_EQ(items.items[0].text, "BODY[TEXT]");
    EXPECT_EQ(items.items[1].text, "Hi\r\n\r\n");
    EXPECT_EQ(items.items[2].text, "BODY[HEADER.FIELDS (DATE)]");
    EXPECT_EQ(items.items[3].text, "Date: Tue, 21 Jan 2020 11:59:55 +0100 (CET)\r\n\r\n");
    EXPECT_EQ(result.responses[1].tag, "A010");
    EXPECT_EQ(to_debug_string(result.responses[2].data), "(FLAGS (\\Seen \\Flagged))");
    EXPECT_EQ(result.responses[3].number, 1u);
    EXPECT_EQ(to_debug_string(result.responses[3].data), "(UID 9)");
}

// Too large to feed at every offset, so it is fed whole and in chunks.
TEST(ImapResponse, SearchLineOverOneMegabyte)
{
    std::string input = "* SEARCH";
    for (int uid = 1000000; uid < 1150000; ++uid)
        input += " " + std::to_string(uid);
    input += "\r\n";
    ASSERT_GT(input.size(), 1024u * 1024u);

    ParseResult whole = feed_in_pieces(input, {}, {});
    ASSERT_STREQ(status_name(whole.status), "complete") << whole.error;
    ASSERT_EQ(whole.responses.size(), 1u);
    const Response &search = whole.responses[0];
    ASSERT_EQ(search.data.size(), 150000u);
    EXPECT_EQ(search.data[0].number, 1000000u);
    EXPECT_EQ(search.data.back().number, 1149999u);

    std::vector<size_t> cuts;
    for (size_t cut = 4093; cut < input.size(); cut += 4093)
        cuts.push_back(cut);
    expect_same_result(whole, feed_in_pieces(input, cuts, {}));
}

TEST(ImapResponse, EnvelopeWithHugeSubjectAndManyAddresses)
{
    std::string subject(10000, 's');
    std::string input = "* 1 FETCH (ENVELOPE (NIL {10000}\r\n" + subject + " (";
    for (int i = 0; i < 50000; ++i)
        input += "(NIL NIL \"u" + std::to_string(i) + "\" \"example.com\")";
    input += ") NIL NIL NIL NIL NIL NIL NIL NIL))\r\n";

    ParseResult whole = feed_in_pieces(input, {}, {});
    ASSERT_STREQ(status_name(whole.status), "complete") << whole.error;
    ASSERT_EQ(whole.responses.size(), 1u);
    const Value &envelope = whole.responses[0].data[0].items[1];
    EXPECT_EQ(envelope.items[1].text, subject);
    ASSERT_EQ(envelope.items[2].items.size(), 50000u);
    EXPECT_EQ(envelope.items[2].items[49999].items[2].text, "u49999");

    std::vector<size_t> cuts;
    for (size_t cut = 1021; cut < input.size(); cut += 1021)
        cuts.push_back(cut);
    expect_same_result(whole, feed_in_pieces(input, cuts, {}));
}

// --- Literal sink ---

TEST(ImapResponse, LargeLiteralGoesToSink)
{
    std::string body = "Line one\r\nLine two\r\n";
    std::string input = "* 5 FETCH (UID 8 BODY[] {" + std::to_string(body.size()) + "}\r\n" + body +
                        " BODY[1] {3}\r\nabc)\r\nA7 OK done\r\n";
    ParseOptions options;
    options.use_sink = true;
    options.sink_threshold = 3;
    ParseResult result = parse_every_way(input, options);
    ASSERT_STREQ(status_name(result.status), "complete") << result.error;
    ASSERT_EQ(result.responses.size(), 2u);

    const Value &items = result.responses[0].data[0];
    const Value *sinked = fetch_item(items, "BODY[]");
    ASSERT_NE(sinked, nullptr);
    EXPECT_EQ(sinked->kind, Value::Kind::literal);
    EXPECT_TRUE(sinked->in_sink);
    EXPECT_EQ(sinked->literal_size, body.size());
    EXPECT_EQ(sinked->text, "");
    EXPECT_EQ(to_debug_string(*sinked), "{20:sink}");

    // A literal of exactly the threshold stays in memory.
    const Value *kept = fetch_item(items, "BODY[1]");
    ASSERT_NE(kept, nullptr);
    EXPECT_FALSE(kept->in_sink);
    EXPECT_EQ(kept->text, "abc");

    ASSERT_EQ(result.sinked.size(), 1u);
    ASSERT_EQ(result.sinked[0].size(), 1u);
    const SinkedLiteral &literal = result.sinked[0][0];
    EXPECT_EQ(literal.data, body);
    EXPECT_EQ(literal.literal_size, body.size());
    EXPECT_EQ(literal.item_name, "BODY[]");
    EXPECT_EQ(literal.response_number, 5u);
    EXPECT_TRUE(literal.offsets_in_order);
}

TEST(ImapResponse, SinkRejectionStopsParsing)
{
    ResponseParser parser;
    parser.set_literal_sink(0, [](const LiteralChunk &) { return false; });
    std::string input = "* 1 FETCH (BODY[] {5}\r\nhello)\r\n";
    size_t consumed = 0;
    EXPECT_EQ(parser.feed(input.data(), input.size(), consumed), Status::error);
    EXPECT_EQ(consumed, 28u);
    EXPECT_EQ(parser.error_message(),
              "invalid IMAP response: the literal sink rejected literal 0 of 5 octets at byte 23 of the response");
}

TEST(ImapResponse, SinkStaysSetAfterTake)
{
    ResponseParser parser;
    std::string received;
    parser.set_literal_sink(1, [&received](const LiteralChunk &chunk) {
        received.append(chunk.data.data(), chunk.data.size());
        return true;
    });
    std::string input = "* XA {2}\r\nab\r\n* XB {2}\r\ncd\r\n";
    size_t offset = 0;
    for (int i = 0; i < 2; ++i) {
        size_t consumed = 0;
        ASSERT_EQ(parser.feed(input.data() + offset, input.size() - offset, consumed), Status::complete);
        offset += consumed;
        EXPECT_TRUE(parser.take().data[0].in_sink);
    }
    EXPECT_EQ(received, "abcd");
}

// --- Limits ---

TEST(ImapResponse, LineLengthLimit)
{
    ParseOptions options;
    options.limits.max_line_length = 10;
    Response response = parse_one("* XA 12345\r\n", options);
    EXPECT_EQ(response.data[0].number, 12345u);

    std::string error = parse_error("* XA 123456\r\n", options);
    EXPECT_EQ(error, "invalid IMAP response: line longer than the maximum of 10 bytes at byte 10 of the response");
}

TEST(ImapResponse, LineLengthLimitSkipsLiterals)
{
    ParseOptions options;
    options.limits.max_line_length = 12;
    Response response = parse_one("* XA {20}\r\n01234567890123456789 b c\r\n", options);
    EXPECT_EQ(response.data.size(), 3u);

    std::string error = parse_error("* XA {2}\r\nab 0123456789abc\r\n", options);
    EXPECT_EQ(error, "invalid IMAP response: line longer than the maximum of 12 bytes at byte 24 of the response");
}

TEST(ImapResponse, LiteralSizeLimit)
{
    ParseOptions options;
    options.limits.max_literal_size = 4;
    Response response = parse_one("* XA {4}\r\nabcd\r\n", options);
    EXPECT_EQ(response.data[0].text, "abcd");

    std::string error = parse_error("* XA {5}\r\nabcde\r\n", options);
    EXPECT_EQ(error,
              "invalid IMAP response: literal of 5 octets is larger than the maximum of 4 at byte 5 of the response");
    std::string huge = parse_error("* XA {99999999999999999999}\r\n", options);
    EXPECT_EQ(huge,
              "invalid IMAP response: literal of 99999999999999999999 octets is larger than the maximum of 4 at "
              "byte 5 of the response");
}

TEST(ImapResponse, DepthLimit)
{
    ParseOptions options;
    options.limits.max_depth = 3;
    Response response = parse_one("* XA (((a)))\r\n", options);
    EXPECT_EQ(to_debug_string(response.data), "(((a)))");

    std::string error = parse_error("* XA ((((a))))\r\n", options);
    EXPECT_EQ(error, "invalid IMAP response: lists nested deeper than the maximum of 3 at byte 8 of the response");
}

TEST(ImapResponse, ElementLimit)
{
    ParseOptions options;
    options.limits.max_elements = 4;
    Response response = parse_one("* XA (a b) c\r\n", options);
    EXPECT_EQ(response.data.size(), 2u);

    std::string error = parse_error("* XA (a b) c d\r\n", options);
    EXPECT_EQ(error,
              "invalid IMAP response: more than the maximum of 4 values in one response at byte 13 of the response");
}

TEST(ImapResponse, ElementLimitCountsCodeArguments)
{
    ParseOptions options;
    options.limits.max_elements = 2;
    Response fits = parse_one("* OK [X (a)] t\r\n", options);
    EXPECT_TRUE(fits.code->arguments_valid);

    // Arguments over the limit are kept only as raw text.
    Response over = parse_one("* OK [X (a b)] t\r\n", options);
    ASSERT_TRUE(over.code.has_value());
    EXPECT_FALSE(over.code->arguments_valid);
    EXPECT_EQ(over.code->raw_arguments, "(a b)");
    EXPECT_EQ(over.text, "t");
}

// --- Errors ---

TEST(ImapResponse, ErrorsNameProblemAndPosition)
{
    struct Case {
        std::string input;
        std::string error;
    };
    std::vector<Case> cases = {
        {"\r\n", "empty line where a response was expected at byte 0"},
        {"*\r\n", "expected a space after '*' at byte 1"},
        {"* \r\n", "missing response name after '*' at byte 2"},
        {"* 5\r\n", "missing response name after the number 5 at byte 3"},
        {"* 99999999999999999999 EXISTS\r\n", "invalid message number \"99999999999999999999\" at byte 2"},
        {"* X\"Y a\r\n", "invalid response name \"X\"Y\" at byte 2"},
        {" OK x\r\n", "missing tag before the space at byte 0"},
        {"A1\r\n", "missing OK, NO or BAD after the tag \"A1\" at byte 2"},
        {"A1 MAYBE x\r\n", "expected OK, NO or BAD after the tag \"A1\", got \"MAYBE\" at byte 3"},
        {"* XA \"abc\r\n", "unterminated quoted string at byte 5"},
        {"* XA \"abc\\\r\n", "unterminated quoted string at byte 5"},
        {"* XA (a (b)\r\n", "1 list is still open at the end of the response at byte 11"},
        {"* XA ((\r\n", "2 lists are still open at the end of the response at byte 7"},
        {"* XA a)\r\n", "')' without a matching '(' at byte 6"},
        {"* XA {3} x\r\n", "literal marker \"{3}\" is not at the end of its line at byte 5"},
        {"* XA {x}\r\n", "invalid literal: expected digits after '{' at byte 5"},
        {"* XA {3\r\n", "invalid literal: expected '}' after \"{3\" at byte 5"},
        {"* XA a\tb\r\n", "invalid control character 0x09 at byte 6"},
        {"* XA BODY[1\r\n", "'[' without a matching ']' at byte 9"},
        {"* XA BODY[\"1]\r\n", "unterminated quoted string inside brackets at byte 9"},
        {"* XA BODY[\"a\x01\"]\r\n", "invalid control character 0x01 inside brackets at byte 12"},
        {"* XA BODY[a\x7f]\r\n", "invalid control character 0x7F inside brackets at byte 11"},
        {"* XA (a {2}\r\nxy\r\n", "1 list is still open at the end of the response at byte 15"},
    };
    for (const Case &test : cases) {
        SCOPED_TRACE(test.input);
        EXPECT_EQ(parse_error(test.input), "invalid IMAP response: " + test.error + " of the response");
    }
}

TEST(ImapResponse, ErrorOffsetCountsLiterals)
{
    std::string error = parse_error("* 1 FETCH (BODY[] {4}\r\nab\r\n \"x)\r\n");
    EXPECT_EQ(error, "invalid IMAP response: unterminated quoted string at byte 28 of the response");
}

TEST(ImapResponse, ErrorIsSticky)
{
    ResponseParser parser;
    size_t consumed = 0;
    EXPECT_EQ(parser.feed("* XA )\r\nA1 OK\r\n", 15, consumed), Status::error);
    EXPECT_EQ(consumed, 8u);
    EXPECT_FALSE(parser.in_progress());
    EXPECT_EQ(parser.feed("A1 OK\r\n", 7, consumed), Status::error);
    EXPECT_EQ(consumed, 0u);
    parser.reset();
    EXPECT_EQ(parser.feed("A1 OK\r\n", 7, consumed), Status::complete);
}

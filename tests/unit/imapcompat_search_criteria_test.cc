// Accepted and rejected inputs, error texts and wire dates were observed with
// Debian 12's php8.2-imap (c-client 2007f) calling imap_search() against
// Dovecot, with a logging proxy on loopback showing what c-client sent.
#include "imapcompat/search_criteria.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

using mailbridge::imap::LiteralSupport;
using mailbridge::imapcompat::build_search_command;
using mailbridge::imapcompat::format_search_date;
using mailbridge::imapcompat::is_badcharset_error;
using mailbridge::imapcompat::matches_all_messages;
using mailbridge::imapcompat::needs_charset;
using mailbridge::imapcompat::parse_c_client_date;
using mailbridge::imapcompat::parse_search_criteria;
using mailbridge::imapcompat::render_search_command;
using mailbridge::imapcompat::SearchCommand;
using mailbridge::imapcompat::SearchCriteria;
using mailbridge::imapcompat::SearchDate;
using mailbridge::imapcompat::SearchKeyKind;

namespace {

SearchCriteria parse_valid(const std::string &criteria)
{
    std::string error;
    std::optional<SearchCriteria> parsed = parse_search_criteria(criteria, error);
    EXPECT_TRUE(parsed.has_value()) << criteria << ": " << error;
    EXPECT_EQ(error, "");
    return parsed.value_or(SearchCriteria());
}

std::string parse_error(const std::string &criteria)
{
    std::string error;
    std::optional<SearchCriteria> parsed = parse_search_criteria(criteria, error);
    EXPECT_FALSE(parsed.has_value()) << criteria;
    return error;
}

// The command that build_search_command() makes, rendered as one string.
std::string command_for(const std::string &criteria, const std::string &charset = "", bool uid = false)
{
    SearchCommand command = build_search_command(parse_valid(criteria), charset);
    return render_search_command(command, uid);
}

// The date as c-client sends it, or "rejected".
std::string wire_date(const std::string &text)
{
    std::optional<SearchDate> date = parse_c_client_date(text);
    return date ? format_search_date(*date) : "rejected";
}

}  // namespace

TEST(SearchCriteria, SuiteCrmCriteria)
{
    EXPECT_EQ(command_for("ALL"), "SEARCH ALL");
    EXPECT_EQ(command_for("ALL UNDELETED"), "SEARCH UNDELETED");
    EXPECT_EQ(command_for("UNSEEN"), "SEARCH UNSEEN");
    EXPECT_EQ(command_for("UNDELETED UNSEEN"), "SEARCH UNDELETED UNSEEN");
    EXPECT_EQ(command_for("SINCE \"1-Jan-2024\" UNDELETED"), "SEARCH SINCE 1-Jan-2024 UNDELETED");
    EXPECT_EQ(command_for("SINCE \"01-Jan-2024\" UNDELETED UNSEEN"), "SEARCH SINCE 1-Jan-2024 UNDELETED UNSEEN");
    EXPECT_EQ(command_for("DELETED SINCE \"04-Dec-2026\""), "SEARCH DELETED SINCE 4-Dec-2026");
    EXPECT_EQ(command_for("SUBJECT x FROM \"x\" TEXT \"x\" SINCE \"01-Jan-2024\" BEFORE \"01-Jan-2030\""),
              "SEARCH SUBJECT x FROM x TEXT x SINCE 1-Jan-2024 BEFORE 1-Jan-2030");
    EXPECT_EQ(command_for("ALL", "", true), "UID SEARCH ALL");
}

TEST(SearchCriteria, ExtImapWireExamples)
{
    // The commands c-client sent for these criteria, where they agree with ours.
    EXPECT_EQ(command_for("unseen since \"1-Jan-2024\""), "SEARCH UNSEEN SINCE 1-Jan-2024");
    EXPECT_EQ(command_for("SUBJECT \"no boundary\""), "SEARCH SUBJECT \"no boundary\"");
    EXPECT_EQ(command_for("TEXT {5}\r\ninner"), "SEARCH TEXT inner");
    EXPECT_EQ(command_for("SEEN"), "SEARCH SEEN");
    EXPECT_EQ(command_for("SEEN", "", true), "UID SEARCH SEEN");
    EXPECT_EQ(command_for("FROM \"M\xc3\xbcller\"", "UTF-8"), "SEARCH CHARSET UTF-8 FROM {7}\r\nM\xc3\xbcller");
    EXPECT_EQ(command_for("OLD"), "SEARCH OLD");
    EXPECT_EQ(command_for("KEYWORD $Forwarded"), "SEARCH KEYWORD $Forwarded");
    // c-client sends NEW as "RECENT UNSEEN", which IMAP defines NEW to mean.
    EXPECT_EQ(command_for("NEW"), "SEARCH NEW");
    EXPECT_TRUE(matches_all_messages(parse_valid("ALL")));
}

TEST(SearchCriteria, KeyKindsAndValues)
{
    SearchCriteria criteria = parse_valid("unseen subject \"no boundary\" since 1-jan-2024 keyword $Forwarded");
    ASSERT_EQ(criteria.keys.size(), 4u);
    EXPECT_EQ(criteria.keys[0].kind, SearchKeyKind::flag);
    EXPECT_EQ(criteria.keys[0].name, "UNSEEN");
    EXPECT_EQ(criteria.keys[1].kind, SearchKeyKind::string);
    EXPECT_EQ(criteria.keys[1].name, "SUBJECT");
    EXPECT_EQ(criteria.keys[1].value, "no boundary");
    EXPECT_EQ(criteria.keys[2].kind, SearchKeyKind::date);
    EXPECT_EQ(criteria.keys[2].name, "SINCE");
    EXPECT_EQ(criteria.keys[2].date, (SearchDate{2024, 1, 1}));
    EXPECT_EQ(criteria.keys[3].name, "KEYWORD");
    EXPECT_EQ(criteria.keys[3].value, "$Forwarded");
}

TEST(SearchCriteria, EveryKnownKey)
{
    SearchCriteria flags = parse_valid("ALL ANSWERED DELETED FLAGGED NEW OLD RECENT SEEN UNANSWERED UNDELETED "
                                       "UNFLAGGED UNSEEN");
    EXPECT_EQ(flags.keys.size(), 12u);
    SearchCriteria strings = parse_valid("BCC a BODY b CC c FROM d KEYWORD e SUBJECT f TEXT g TO h UNKEYWORD i");
    ASSERT_EQ(strings.keys.size(), 9u);
    for (const auto &key : strings.keys)
        EXPECT_EQ(key.kind, SearchKeyKind::string) << key.name;
    SearchCriteria dates = parse_valid("BEFORE 4-Dec-2026 ON 4-Dec-2026 SINCE 1-Jan-2024");
    ASSERT_EQ(dates.keys.size(), 3u);
    EXPECT_EQ(command_for("BEFORE \"04-Dec-2026\" ON 4-Dec-2026"), "SEARCH BEFORE 4-Dec-2026 ON 4-Dec-2026");
}

TEST(SearchCriteria, MatchesAll)
{
    EXPECT_TRUE(matches_all_messages(parse_valid("")));
    EXPECT_TRUE(matches_all_messages(parse_valid(" ")));
    EXPECT_TRUE(matches_all_messages(parse_valid("ALL")));
    EXPECT_TRUE(matches_all_messages(parse_valid("all ALL")));
    EXPECT_FALSE(matches_all_messages(parse_valid("all undeleted")));
    EXPECT_EQ(command_for("  ALL   UNDELETED  "), "SEARCH UNDELETED");
    EXPECT_EQ(command_for(""), "SEARCH ALL");
}

TEST(SearchCriteria, UnknownCriteria)
{
    struct Case {
        std::string criteria;
        std::string error;
    };
    std::vector<Case> cases = {
        {"OR SEEN UNSEEN", "Unknown search criterion: OR"},
        {"UID 1:3", "Unknown search criterion: UID"},
        {"NOT SEEN", "Unknown search criterion: NOT"},
        {"HEADER Message-ID x", "Unknown search criterion: HEADER"},
        {"LARGER 10", "Unknown search criterion: LARGER"},
        {"DRAFT", "Unknown search criterion: DRAFT"},
        {"1:3", "Unknown search criterion: 1:3"},
        {"(SEEN)", "Unknown search criterion: (SEEN)"},
        {"\"SEEN\"", "Unknown search criterion: \"SEEN\""},
        {"sentsince 1-Jan-2024", "Unknown search criterion: SENTSINCE"},
        // A tab does not separate keys, and the keyword is upper-cased.
        {"ALL\tUNDELETED", "Unknown search criterion: ALL\tUNDELETED"},
        {"ALL BOGUSKEYWORDTHATISVERYLONGINDEEDMORETHANTHIRTY",
         "Unknown search criterion: BOGUSKEYWORDTHATISVERYLONGINDE"},
        {"{5}\r\ninner", "Unknown search criterion: {5}\r\nINNER"},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.criteria);
        EXPECT_EQ(parse_error(c.criteria), c.error);
    }
}

TEST(SearchCriteria, BadArgumentsNameKeyword)
{
    struct Case {
        std::string criteria;
        std::string error;
    };
    std::vector<Case> cases = {
        {"SINCE \"32-Foo-2024\"", "Unknown search criterion: SINCE"},
        {"SINCE 32-Jan-2024", "Unknown search criterion: SINCE"},
        {"UNDELETED SINCE \"32-Jan-2024\"", "Unknown search criterion: SINCE"},
        {"SINCE", "Unknown search criterion: SINCE"},
        {"SINCE \"\"", "Unknown search criterion: SINCE"},
        {"SINCE  1-Jan-2024", "Unknown search criterion: SINCE"},
        {"SUBJECT", "Unknown search criterion: SUBJECT"},
        {"SUBJECT ", "Unknown search criterion: SUBJECT"},
        {"SUBJECT  x", "Unknown search criterion: SUBJECT"},
        {"SUBJECT \"\"", "Unknown search criterion: SUBJECT"},
        {"SUBJECT \"unterminated", "Unknown search criterion: SUBJECT"},
        {"SUBJECT \"x y", "Unknown search criterion: SUBJECT"},
        {"FROM \"x", "Unknown search criterion: FROM"},
        {"TEXT {5}inner", "Unknown search criterion: TEXT"},
        {"TEXT {5}\ninner", "Unknown search criterion: TEXT"},
        {"TEXT {x}\r\ninner", "Unknown search criterion: TEXT"},
        {"TEXT {5+}\r\ninner", "Unknown search criterion: TEXT"},
        {"TEXT {5}", "Unknown search criterion: TEXT"},
        {"TEXT {5}\r\ninnerX", "Unknown search criterion: TEXT"},
        {"TEXT {5}\r\ninner\"", "Unknown search criterion: TEXT"},
        // c-client reads past the end of its buffer here, and this parser rejects it.
        {"TEXT {5}\r\ninn", "Unknown search criterion: TEXT"},
        // A quoted string ends at the next quote, and what follows is the next keyword.
        {"SUBJECT \"a\"b", "Unknown search criterion: B"},
        {"SUBJECT \"a\\\"b\"", "Unknown search criterion: B\""},
        {"SUBJECT \"a\"\" SEEN", "Unknown search criterion: \""},
        {"SUBJECT \"a \"b\" c\"", "Unknown search criterion: B\""},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.criteria);
        EXPECT_EQ(parse_error(c.criteria), c.error);
    }
}

TEST(SearchCriteria, StringForms)
{
    struct Case {
        std::string criteria;
        std::string value;
    };
    std::vector<Case> cases = {
        {"SUBJECT \"no boundary\"", "no boundary"},
        {"SUBJECT \"a b\"UNSEEN", "a b"},
        {"SUBJECT \"   \"", "   "},
        {"SUBJECT \"\"x", "x"},
        {"SUBJECT \"\"\"a\"", "a"},
        {"SUBJECT \"a\"   ", "a"},
        {"SUBJECT a\"b", "a\"b"},
        {"SUBJECT x\"y\" SEEN", "x\"y\""},
        {"SUBJECT a\tb", "a\tb"},
        {"SUBJECT \"a\r\nb\"", "a\r\nb"},
        {"TEXT {5}\r\ninner", "inner"},
        {"TEXT {5}\r\ninner  SEEN", "inner"},
        {"TEXT {05}\r\ninner", "inner"},
        {"TEXT {+5}\r\ninner", "inner"},
        {"TEXT {5}\r\nin er", "in er"},
        {"TEXT {5}\r\nin\"er", "in\"er"},
        {"SUBJECT {3}\r\na b", "a b"},
        {"TEXT {0}\r\n", ""},
        {"TEXT {}\r\n", ""},
        {"FROM \"M\xc3\xbcller\"", "M\xc3\xbcller"},
        {"KEYWORD \\Seen", "\\Seen"},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.criteria);
        SearchCriteria criteria = parse_valid(c.criteria);
        ASSERT_FALSE(criteria.keys.empty());
        EXPECT_EQ(criteria.keys[0].kind, SearchKeyKind::string);
        EXPECT_EQ(criteria.keys[0].value, c.value);
    }
    EXPECT_EQ(parse_valid("SUBJECT \"a b\"UNSEEN").keys.at(1).name, "UNSEEN");
    EXPECT_EQ(parse_valid("TEXT {5}\r\ninner SEEN").keys.at(1).name, "SEEN");
    EXPECT_EQ(parse_valid("SUBJECT x\"y\" SEEN").keys.at(1).name, "SEEN");
}

TEST(SearchCriteria, LiteralDateArgument)
{
    SearchCriteria criteria = parse_valid("SINCE {10}\r\n1-Jan-2024");
    ASSERT_EQ(criteria.keys.size(), 1u);
    EXPECT_EQ(criteria.keys[0].date, (SearchDate{2024, 1, 1}));
}

TEST(SearchCriteria, ReadsUpToNul)
{
    std::string criteria("UNSEEN\0OR", 9);
    SearchCriteria parsed = parse_valid(criteria);
    ASSERT_EQ(parsed.keys.size(), 1u);
    EXPECT_EQ(parsed.keys[0].name, "UNSEEN");
}

TEST(SearchCriteria, LastDateOfEachKeyWins)
{
    EXPECT_EQ(command_for("SINCE 1-Jan-2024 SINCE 1-Jan-2025"), "SEARCH SINCE 1-Jan-2025");
    EXPECT_EQ(command_for("SINCE 1-Jan-2025 SINCE 1-Jan-2024"), "SEARCH SINCE 1-Jan-2024");
    EXPECT_EQ(command_for("ON 1-Jan-2024 ON 2-Jan-2024"), "SEARCH ON 2-Jan-2024");
    EXPECT_EQ(command_for("BEFORE 1-Jan-2024 SINCE 1-Jan-2020 BEFORE 1-Jan-2025"),
              "SEARCH SINCE 1-Jan-2020 BEFORE 1-Jan-2025");
    // Repeated string keys all apply.
    EXPECT_EQ(command_for("SUBJECT x SUBJECT y"), "SEARCH SUBJECT x SUBJECT y");
}

TEST(SearchCommandBuilder, QuotesEveryValue)
{
    EXPECT_EQ(command_for("SUBJECT \"no boundary\""), "SEARCH SUBJECT \"no boundary\"");
    EXPECT_EQ(command_for("SUBJECT a\"b"), "SEARCH SUBJECT \"a\\\"b\"");
    EXPECT_EQ(command_for("SUBJECT \"a\r\nb\""), "SEARCH SUBJECT {4}\r\na\r\nb");
    EXPECT_EQ(command_for("TEXT {0}\r\n"), "SEARCH TEXT \"\"");
    EXPECT_EQ(command_for("SUBJECT NIL"), "SEARCH SUBJECT \"NIL\"");
    // A value cannot add keys or end the command.
    EXPECT_EQ(command_for("SUBJECT \"x) OR (ALL\""), "SEARCH SUBJECT \"x) OR (ALL\"");
    EXPECT_EQ(command_for("TEXT {10}\r\nx\r\nA1 NOOP"), "SEARCH TEXT {10}\r\nx\r\nA1 NOOP");

    SearchCommand plus = build_search_command(parse_valid("TEXT {5}\r\na\r\nbc"), "", LiteralSupport::literal_plus);
    EXPECT_EQ(render_search_command(plus, true), "UID SEARCH TEXT {5+}\r\na\r\nbc");
}

TEST(SearchCommandBuilder, CharsetOnlyWhenNeeded)
{
    // ext/imap sends "SEARCH CHARSET UTF-8 FROM {7}" CRLF "Müller".
    EXPECT_EQ(command_for("FROM \"M\xc3\xbcller\"", "UTF-8"), "SEARCH CHARSET UTF-8 FROM {7}\r\nM\xc3\xbcller");
    // ext/imap sends "SEARCH CHARSET UTF-8 SUBJECT x", which Exchange rejects.
    EXPECT_EQ(command_for("SUBJECT \"x\"", "UTF-8"), "SEARCH SUBJECT x");
    EXPECT_EQ(command_for("UNSEEN", "UTF-8"), "SEARCH UNSEEN");
    // Without a requested charset ext/imap sends the bytes without CHARSET.
    EXPECT_EQ(command_for("FROM \"M\xc3\xbcller\""), "SEARCH FROM {7}\r\nM\xc3\xbcller");
    // The charset name is quoted like any other argument.
    EXPECT_EQ(command_for("FROM \"\xc3\xa9\"", "X Y"), "SEARCH CHARSET \"X Y\" FROM {2}\r\n\xc3\xa9");

    EXPECT_TRUE(needs_charset(parse_valid("SUBJECT \xc3\xa9")));
    EXPECT_FALSE(needs_charset(parse_valid("SUBJECT e SINCE 1-Jan-2024 UNSEEN")));
    SearchCommand command = build_search_command(parse_valid("FROM \"M\xc3\xbcller\""), "ISO-8859-1");
    EXPECT_EQ(command.charset, "ISO-8859-1");
}

TEST(SearchCommandBuilder, BadcharsetErrors)
{
    EXPECT_TRUE(is_badcharset_error("[BADCHARSET (US-ASCII)] The specified charset is not supported."));
    EXPECT_TRUE(is_badcharset_error("[BADCHARSET] Unknown charset (0.001 + 0.000 secs)."));
    EXPECT_TRUE(is_badcharset_error("[badcharset] x"));
    EXPECT_FALSE(is_badcharset_error("[BADCHARSETS] x"));
    EXPECT_FALSE(is_badcharset_error("Unknown charset [BADCHARSET]"));
    EXPECT_FALSE(is_badcharset_error(""));
}

TEST(CClientDate, AcceptedForms)
{
    struct Case {
        std::string text;
        std::string wire;
    };
    std::vector<Case> cases = {
        {"1-Jan-2024", "1-Jan-2024"},
        {"01-Jan-2024", "1-Jan-2024"},
        {"01-jan-2024", "1-Jan-2024"},
        {"1-JAN-2024", "1-Jan-2024"},
        {"1 Jan 2024", "1-Jan-2024"},
        {"1  Jan  2024", "1-Jan-2024"},
        {"1 jan 24", "1-Jan-2024"},
        {"1-January-2024", "1-Jan-2024"},
        {"1-Janu-2024", "1-Jan-2024"},
        {"1-JanX-2024", "1-Jan-2024"},
        {"1-Jan- 2024", "1-Jan-2024"},
        {"1-Jan-  2024", "1-Jan-2024"},
        {"  1-Jan-2024", "1-Jan-2024"},
        {" 1-Jan-2024", "1-Jan-2024"},
        {"+1-Jan-2024", "1-Jan-2024"},
        {"MON, 1 Jan 2024", "1-Jan-2024"},
        {"Mon, 1 Jan 2024", "1-Jan-2024"},
        {"1-Jan-2024 10:00:00", "1-Jan-2024"},
        {"1-Jan-2024 10:00:00 +0100", "1-Jan-2024"},
        {"1-JAN-2024 10:00", "1-Jan-2024"},
        {"1-Jan-2024 10:00-EST", "1-Jan-2024"},
        {"1-Jan-2024 10:00 +01", "1-Jan-2024"},
        {"1-Jan-2024 10:00 garbage here", "1-Jan-2024"},
        {"1-Jan-2024 1:2", "1-Jan-2024"},
        {"1-Jan-2024 :", "1-Jan-2024"},
        {"1-Jan-2024 10:", "1-Jan-2024"},
        {"1-Jan-2024 23:59:60", "1-Jan-2024"},
        {"31-Feb-2024", "31-Feb-2024"},
        {"31-Apr-2024", "31-Apr-2024"},
        {"29-Feb-2023", "29-Feb-2023"},
        {"1-Jan-24", "1-Jan-2024"},
        {"1-Jan-0", "1-Jan-2000"},
        {"1-Jan-48", "1-Jan-2048"},
        {"1-Jan-70", "1-Jan-1970"},
        {"1-Jan-100", "1-Jan-2000"},
        {"1-Jan-2097", "1-Jan-2097"},
        {"12/31/2024", "31-Dec-2024"},
        {"01/01/2024", "1-Jan-2024"},
        {"1/1/24", "1-Jan-2024"},
        {"1/1/0", "1-Jan-2000"},
        {"Mon, 1/1/2024", "1-Jan-2024"},
        {"2024-01-01", "1-Jan-2024"},
        {"2024-12-31", "31-Dec-2024"},
        {"2024-1-1", "1-Jan-2024"},
        {"2024-01-1", "1-Jan-2024"},
        {"2024-01-+1", "1-Jan-2024"},
        {"24-01-01", "1-Jan-2024"},
        {"1-01-01", "1-Jan-2001"},
        {"100-01-01", "1-Jan-2000"},
        {"2097-12-31", "31-Dec-2097"},
        {"Mon, 2024-01-01", "1-Jan-2024"},
    };
    for (const Case &c : cases)
        EXPECT_EQ(wire_date(c.text), c.wire) << c.text;
}

TEST(CClientDate, RejectedForms)
{
    std::vector<std::string> rejected = {
        "", "32-Jan-2024", "0-Jan-2024", "32-Foo-2024", "1-Jan-2024x", "1-Jan-99999", "1-Jan-69", "1-Jan-1969",
        "1-Jan-49", "1-Jan-50", "1-Jan-999", "1-Jan-1000", "1-Jan-2098", "1-Jan-2099", "1-Jan-2100",
        "Monday, 1 Jan 2024", "Mon,1 Jan 2024", "1-Jan-2024 25:00", "1-Jan-2024 23:59:61", "1-Jan-2024 x",
        "1-Jan-2024 10", "1-Jan-2024 ", "1-Jan-2024  ", "1-Jan-2024\t", "01-Jan-2024-", "1-Jan 2024",
        "1 Jan-2024", "1-Jan.-2024", "1-Ja-2024", "1-Jan-+2024", "1 Jan", "1-Jan-", "1-Jan-x", "1Jan2024",
        "31/12/2024", "0/1/2024", "1/0/2024", "1/1/", "1/+1/2024", "1/1/+2024", "1/ 1/2024", "1/1/2024 10:00",
        "2024/01/01", "2024-13-01", "2024-00-01", "2024-01-00", "2024-01-32", "2024-01-01x", "2024-01-01 ",
        "2024-01-01 10:00", "2024-01", "2024--01-01", "2024-01-01T10:00", "2024-1-", "2024-+1-01", "0-01-01",
        "49-01-01", "1969-12-31", "2098-01-01", "999-01-01", "1-1-2024", "-1-Jan-2024",
        // Valid but longer than the 1023 bytes that c-client copies (from its source).
        "1-Jan-2024" + std::string(1014, ' ') + "10:00",
    };
    for (const std::string &text : rejected)
        EXPECT_EQ(wire_date(text), "rejected") << text;
}

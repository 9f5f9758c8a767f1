// The search criteria string of ext/imap's imap_search(), as c-client's
// mail_criteria() reads it, and the IMAP SEARCH arguments built from it.
//
// Grammar, as observed with Debian 12's php8.2-imap (c-client 2007f):
//   criteria = *(key) separated by runs of spaces (a tab is not a separator)
//   key      = flag-key / string-key SP string / date-key SP date
//   string   = DQUOTE text DQUOTE (no escapes) / "{" n "}" CRLF n-octets / atom
// Keywords are case-insensitive. Any other keyword (OR, NOT, UID, HEADER,
// LARGER, DRAFT, sequence sets, parentheses) makes imap_search() return
// false with "Unknown search criterion: " and the first 30 bytes of the
// upper-cased keyword. A bad argument reports its keyword the same way.
#ifndef MAILBRIDGE_IMAPCOMPAT_SEARCH_CRITERIA_H
#define MAILBRIDGE_IMAPCOMPAT_SEARCH_CRITERIA_H

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "imap/quote.h"

namespace mailbridge::imapcompat {

// A calendar date as c-client accepts it: day 1 to 31 whatever the month
// (31-Feb-2024 passes), month 1 to 12, year 1970 to 2097.
struct SearchDate {
    int year = 0;
    int month = 0;
    int day = 0;

    friend bool operator==(const SearchDate &a, const SearchDate &b)
    {
        return a.year == b.year && a.month == b.month && a.day == b.day;
    }
};

// Parse a date in one of the forms that c-client's mail_parse_date() accepts,
// in any letter case:
//   d-Mon-y and d Mon y, where Mon may be followed by more letters
//     ("1-January-2024") and a time "hh:mm[:ss]" and anything after it may follow
//   m/d/y
//   y-m-d (Debian's c-client, observed; "2024-01-31")
// with an optional "Www, " weekday prefix. Two-digit years 0 to 48 are
// 2000 to 2048, and 49 to 998 add 1900. Returns nullopt for anything else.
std::optional<SearchDate> parse_c_client_date(std::string_view text);

// Format a date as IMAP's date-text without a leading zero: "1-Jan-2024".
std::string format_search_date(const SearchDate &date);

enum class SearchKeyKind { flag, string, date };

struct SearchKey {
    SearchKeyKind kind = SearchKeyKind::flag;
    std::string name;   // upper case: "UNSEEN", "SUBJECT", "SINCE", ...
    std::string value;  // string keys: the argument's bytes, empty only from the literal "{0}"
    SearchDate date;    // date keys
};

struct SearchCriteria {
    // In input order. Of several BEFORE, ON or SINCE keys only the last one
    // is kept, because c-client keeps one date per key and the last one wins.
    std::vector<SearchKey> keys;
};

// Parse criteria. Returns nullopt and sets error to the message that
// imap_errors() reports, e.g. "Unknown search criterion: OR". Like ext/imap,
// reads criteria only up to the first NUL byte.
// NOTE: c-client reads past the end of its buffer when a literal is shorter
// than its "{n}" count. This parser reports the keyword as unknown instead.
std::optional<SearchCriteria> parse_search_criteria(std::string_view criteria, std::string &error);

// True when the criteria select every message: no keys, or ALL only. c-client
// then returns the message numbers from its own cache and sends no SEARCH.
bool matches_all_messages(const SearchCriteria &criteria);

// True when a string key's value has a byte above 0x7F, so the search needs
// a CHARSET argument.
bool needs_charset(const SearchCriteria &criteria);

// The arguments of a SEARCH or UID SEARCH command, in order, each already
// quoted: "CHARSET" and the charset when needed, then the keys.
struct SearchCommand {
    std::string charset;  // empty when no CHARSET argument is sent
    std::vector<imap::QuotedArgument> arguments;
};

// Build the SEARCH arguments for criteria. ALL is left out unless it is the
// only key. Strings become atoms, quoted strings or literals, so no value can
// change the command's structure. CHARSET is sent only when needs_charset()
// is true and requested_charset is not empty. ext/imap sends CHARSET whenever
// a charset is passed, which servers such as Exchange reject with BADCHARSET
// even for ASCII searches.
// NOTE: with non-ASCII values and no requested charset the bytes are sent
// without CHARSET, as ext/imap does, and the server decides how to read them.
SearchCommand build_search_command(const SearchCriteria &criteria, std::string_view requested_charset,
                                   imap::LiteralSupport literal_support = imap::LiteralSupport::none);

// Render a command as one string for tests and traces: "UID SEARCH" or
// "SEARCH", then the arguments, with each literal as "{n}" CRLF and its octets.
std::string render_search_command(const SearchCommand &command, bool uid);

// True when the text of a tagged NO starts with the BADCHARSET response code,
// as in "[BADCHARSET (US-ASCII)] The specified charset is not supported.".
// ext/imap puts that text into imap_errors() unchanged.
bool is_badcharset_error(std::string_view server_text);

}  // namespace mailbridge::imapcompat

#endif

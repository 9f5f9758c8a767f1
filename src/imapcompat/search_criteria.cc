#include "imapcompat/search_criteria.h"

#include <cstdint>
#include <cstring>

namespace mailbridge::imapcompat {

namespace {

// c-client copies a date into a buffer of this size and rejects longer ones.
constexpr size_t max_date_length = 1023;

constexpr int min_year = 1970;
constexpr int max_year = 2097;

const char *const month_names[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

bool is_alpha(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool is_c_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

// Upper-case ASCII letters only, as c-client's ucase() does in the C locale.
std::string to_upper(std::string_view text)
{
    std::string upper(text);
    for (char &c : upper) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    }
    return upper;
}

// Read a number the way strtoul() does: optional whitespace and sign, then
// digits. Returns 0 and leaves position unchanged when there are no digits.
// A negative or too large number becomes UINT64_MAX, which every range check
// below rejects, as c-client's checks reject strtoul()'s wrapped values.
uint64_t read_unsigned(std::string_view text, size_t &position)
{
    size_t i = position;
    while (i < text.size() && is_c_space(text[i]))
        i++;
    bool negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
        negative = text[i] == '-';
        i++;
    }
    if (i >= text.size() || !is_digit(text[i]))
        return 0;
    uint64_t value = 0;
    bool overflow = false;
    while (i < text.size() && is_digit(text[i])) {
        uint64_t digit = static_cast<uint64_t>(text[i] - '0');
        if (value > (UINT64_MAX - digit) / 10)
            overflow = true;
        else
            value = value * 10 + digit;
        i++;
    }
    position = i;
    if (overflow || (negative && value != 0))
        return UINT64_MAX;
    return value;
}

int month_from_name(std::string_view upper_name)
{
    for (int i = 0; i < 12; i++) {
        if (upper_name == to_upper(month_names[i]))
            return i + 1;
    }
    return 0;
}

// The optional time after "d-Mon-y ": hours, ':' and minutes are required,
// ":ss" is optional, and whatever follows (a time zone) is not checked.
bool valid_time_suffix(std::string_view text, size_t position)
{
    position++;  // the space after the year
    uint64_t hours = read_unsigned(text, position);
    if (position >= text.size() || text[position] != ':')
        return false;
    position++;
    uint64_t minutes = read_unsigned(text, position);
    uint64_t seconds = 0;
    if (position < text.size() && text[position] == ':') {
        position++;
        seconds = read_unsigned(text, position);
    }
    return hours <= 23 && minutes <= 59 && seconds <= 60;
}

struct DateFields {
    uint64_t day = 0;
    uint64_t month = 0;
    uint64_t year = 0;
};

// "d-Mon-y" or "d Mon y". position is at the delimiter after the day.
bool parse_day_month_year(std::string_view text, size_t &position, uint64_t day, DateFields &fields)
{
    char delimiter = text[position];
    if (delimiter == ' ') {
        while (position + 1 < text.size() && text[position + 1] == ' ')
            position++;
    }
    if (text.size() - position < 5)
        return false;
    int month = month_from_name(text.substr(position + 1, 3));
    if (month == 0)
        return false;
    if (text[position + 4] == delimiter) {
        position += 5;
    } else {
        // A longer month name such as "JANUARY": skip its letters.
        size_t i = position + 4;
        while (i < text.size() && is_alpha(text[i]))
            i++;
        if (i >= text.size() || text[i] != delimiter)
            return false;
        position = i + 1;
    }
    while (position < text.size() && text[position] == ' ')
        position++;
    if (position >= text.size() || !is_digit(text[position]))
        return false;
    fields.year = read_unsigned(text, position);
    if (position < text.size() && text[position] != ' ')
        return false;
    if (position < text.size() && !valid_time_suffix(text, position))
        return false;
    fields.day = day;
    fields.month = static_cast<uint64_t>(month);
    return true;
}

// "m/d/y", nothing after it. position is at the first '/'.
bool parse_month_day_year(std::string_view text, size_t position, uint64_t month, DateFields &fields)
{
    position++;
    if (position >= text.size() || !is_digit(text[position]))
        return false;
    fields.day = read_unsigned(text, position);
    if (fields.day == 0 || position >= text.size() || text[position] != '/')
        return false;
    position++;
    if (position >= text.size() || !is_digit(text[position]))
        return false;
    fields.year = read_unsigned(text, position);
    fields.month = month;
    return position == text.size();
}

// "y-m-d", nothing after it. position is at the first '-', followed by a digit.
bool parse_year_month_day(std::string_view text, size_t position, uint64_t year, DateFields &fields)
{
    position++;
    fields.month = read_unsigned(text, position);
    if (position >= text.size() || text[position] != '-')
        return false;
    position++;
    fields.day = read_unsigned(text, position);
    fields.year = year;
    return fields.month != 0 && fields.day != 0 && position == text.size();
}

}  // namespace

std::optional<SearchDate> parse_c_client_date(std::string_view input)
{
    if (input.empty() || input.size() > max_date_length)
        return std::nullopt;
    std::string text = to_upper(input);
    size_t position = 0;
    if (text.size() >= 5 && is_alpha(text[0]) && is_alpha(text[1]) && is_alpha(text[2]) && text[3] == ',' &&
        text[4] == ' ')
        position = 5;
    while (position < text.size() && text[position] == ' ')
        position++;

    uint64_t first = read_unsigned(text, position);
    if (first == 0 || position >= text.size())
        return std::nullopt;

    DateFields fields;
    bool parsed = false;
    char delimiter = text[position];
    if (delimiter == '/')
        parsed = parse_month_day_year(text, position, first, fields);
    else if (delimiter == '-' && position + 1 < text.size() && is_digit(text[position + 1]))
        parsed = parse_year_month_day(text, position, first, fields);
    else if (delimiter == '-' || delimiter == ' ')
        parsed = parse_day_month_year(text, position, first, fields);
    if (!parsed || fields.day > 31 || fields.month > 12)
        return std::nullopt;

    uint64_t year = fields.year;
    if (year < 49)
        year += 2000;
    else if (year < 999)
        year += 1900;
    if (year < min_year || year > max_year)
        return std::nullopt;

    SearchDate date;
    date.year = static_cast<int>(year);
    date.month = static_cast<int>(fields.month);
    date.day = static_cast<int>(fields.day);
    return date;
}

std::string format_search_date(const SearchDate &date)
{
    const char *month = date.month >= 1 && date.month <= 12 ? month_names[date.month - 1] : "???";
    return std::to_string(date.day) + "-" + month + "-" + std::to_string(date.year);
}

namespace {

const char *const flag_keys[] = {"ALL", "ANSWERED", "DELETED", "FLAGGED", "NEW", "OLD",
                                 "RECENT", "SEEN", "UNANSWERED", "UNDELETED", "UNFLAGGED", "UNSEEN"};
const char *const string_keys[] = {"BCC", "BODY", "CC", "FROM", "KEYWORD", "SUBJECT", "TEXT", "TO", "UNKEYWORD"};
const char *const date_keys[] = {"BEFORE", "ON", "SINCE"};

template <size_t N>
bool contains(const char *const (&names)[N], std::string_view name)
{
    for (const char *candidate : names) {
        if (name == candidate)
            return true;
    }
    return false;
}

std::string unknown_criterion(std::string_view upper_keyword)
{
    return "Unknown search criterion: " + std::string(upper_keyword.substr(0, 30));
}

// Read the string argument that starts at position, right after the single
// space that ends the keyword. Leaves position after the argument.
bool read_string_argument(std::string_view text, size_t &position, std::string &value)
{
    if (position >= text.size())
        return false;
    char first = text[position];
    if (first == ' ')
        return false;

    if (first == '{') {
        // "{n}" CRLF and n octets, which must be followed by a space or the end.
        size_t i = position + 1;
        uint64_t size = read_unsigned(text, i);
        if (size == UINT64_MAX || text.substr(i, 3) != "}\r\n")
            return false;
        i += 3;
        if (size > text.size() - i)
            return false;
        size_t end = i + static_cast<size_t>(size);
        if (end < text.size() && text[end] != ' ')
            return false;
        value = std::string(text.substr(i, end - i));
        position = end;
        return true;
    }

    if (first == '"') {
        // c-client requires another '"' anywhere after this one, then skips
        // every leading '"' and takes the text up to the next '"' or the end.
        // So "" is no value at all and ""x is the value x.
        if (text.find('"', position + 1) == std::string_view::npos)
            return false;
        size_t start = position;
        while (start < text.size() && text[start] == '"')
            start++;
        if (start >= text.size())
            return false;
        size_t end = text.find('"', start);
        if (end == std::string_view::npos) {
            value = std::string(text.substr(start));
            position = text.size();
        } else {
            value = std::string(text.substr(start, end - start));
            position = end + 1;  // the next keyword may follow the quote directly
        }
        return true;
    }

    size_t end = text.find(' ', position);
    if (end == std::string_view::npos)
        end = text.size();
    value = std::string(text.substr(position, end - position));
    position = end;
    return true;
}

}  // namespace

std::optional<SearchCriteria> parse_search_criteria(std::string_view criteria, std::string &error)
{
    error.clear();
    // PHP hands the criteria to c-client as a C string.
    size_t nul = criteria.find('\0');
    if (nul != std::string_view::npos)
        criteria = criteria.substr(0, nul);

    SearchCriteria result;
    size_t position = 0;
    for (;;) {
        while (position < criteria.size() && criteria[position] == ' ')
            position++;
        if (position >= criteria.size())
            break;
        size_t end = criteria.find(' ', position);
        if (end == std::string_view::npos)
            end = criteria.size();
        std::string keyword = to_upper(criteria.substr(position, end - position));
        position = end;

        SearchKey key;
        key.name = keyword;
        if (contains(flag_keys, keyword)) {
            key.kind = SearchKeyKind::flag;
            result.keys.push_back(std::move(key));
            continue;
        }
        bool is_string = contains(string_keys, keyword);
        bool is_date = contains(date_keys, keyword);
        if (!is_string && !is_date) {
            error = unknown_criterion(keyword);
            return std::nullopt;
        }

        // The argument starts after exactly one space, so "SUBJECT  x" fails.
        if (position < criteria.size())
            position++;
        std::string value;
        if (!read_string_argument(criteria, position, value)) {
            error = unknown_criterion(keyword);
            return std::nullopt;
        }
        if (is_string) {
            key.kind = SearchKeyKind::string;
            key.value = std::move(value);
            result.keys.push_back(std::move(key));
            continue;
        }

        std::optional<SearchDate> date = parse_c_client_date(value);
        if (!date) {
            error = unknown_criterion(keyword);
            return std::nullopt;
        }
        key.kind = SearchKeyKind::date;
        key.date = *date;
        for (auto it = result.keys.begin(); it != result.keys.end(); ++it) {
            if (it->kind == SearchKeyKind::date && it->name == keyword) {
                result.keys.erase(it);
                break;
            }
        }
        result.keys.push_back(std::move(key));
    }
    return result;
}

bool matches_all_messages(const SearchCriteria &criteria)
{
    for (const SearchKey &key : criteria.keys) {
        if (key.name != "ALL")
            return false;
    }
    return true;
}

bool needs_charset(const SearchCriteria &criteria)
{
    for (const SearchKey &key : criteria.keys) {
        if (key.kind != SearchKeyKind::string)
            continue;
        for (unsigned char c : key.value) {
            if (c > 0x7f)
                return true;
        }
    }
    return false;
}

SearchCommand build_search_command(const SearchCriteria &criteria, std::string_view requested_charset,
                                   imap::LiteralSupport literal_support)
{
    SearchCommand command;
    auto add_atom = [&command](std::string text) {
        imap::QuotedArgument argument;
        argument.form = imap::ArgumentForm::atom;
        argument.text = std::move(text);
        command.arguments.push_back(std::move(argument));
    };

    if (!requested_charset.empty() && needs_charset(criteria)) {
        command.charset = std::string(requested_charset);
        add_atom("CHARSET");
        command.arguments.push_back(imap::quote_argument(requested_charset, literal_support));
    }

    if (matches_all_messages(criteria)) {
        add_atom("ALL");
        return command;
    }
    for (const SearchKey &key : criteria.keys) {
        if (key.name == "ALL")
            continue;
        add_atom(key.name);
        if (key.kind == SearchKeyKind::string)
            command.arguments.push_back(imap::quote_argument(key.value, literal_support));
        else if (key.kind == SearchKeyKind::date)
            add_atom(format_search_date(key.date));
    }
    return command;
}

std::string render_search_command(const SearchCommand &command, bool uid)
{
    std::string text = uid ? "UID SEARCH" : "SEARCH";
    for (const imap::QuotedArgument &argument : command.arguments) {
        text += ' ';
        text += argument.text;
        if (argument.form == imap::ArgumentForm::literal) {
            text += "\r\n";
            text += argument.literal;
        }
    }
    return text;
}

bool is_badcharset_error(std::string_view server_text)
{
    static const char prefix[] = "[BADCHARSET";
    size_t length = sizeof(prefix) - 1;
    if (server_text.size() < length + 1)
        return false;
    if (to_upper(server_text.substr(0, length)) != prefix)
        return false;
    char after = server_text[length];
    return after == ']' || after == ' ';
}

}  // namespace mailbridge::imapcompat

#include "smtp/capabilities.h"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace mailbridge::smtp {

namespace {

char to_upper(char c)
{
    return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

bool is_alnum(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

std::string trim(const std::string &text)
{
    size_t begin = 0;
    size_t end = text.size();
    while (begin < end && is_blank(text[begin]))
        ++begin;
    while (end > begin && is_blank(text[end - 1]))
        --end;
    return text.substr(begin, end - begin);
}

// ehlo-keyword from RFC 5321 section 4.1.1.1: (ALPHA / DIGIT) *(ALPHA / DIGIT / "-").
bool is_ehlo_keyword(const std::string &keyword)
{
    if (keyword.empty() || !is_alnum(keyword[0]))
        return false;
    return std::all_of(keyword.begin(), keyword.end(), [](char c) { return is_alnum(c) || c == '-'; });
}

// SASL mechanism name from RFC 4422 section 3.1: 1 to 20 characters from
// upper-case letters, digits, "-" and "_". The name must already be uppercased.
bool is_sasl_mechanism(const std::string &name)
{
    if (name.empty() || name.size() > 20)
        return false;
    return std::all_of(name.begin(), name.end(),
                       [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'; });
}

// Add each valid mechanism in the blank-separated list, uppercased, unless it
// is already present.
void add_mechanisms(const std::string &list, std::vector<std::string> &mechanisms)
{
    size_t pos = 0;
    while (pos < list.size()) {
        while (pos < list.size() && is_blank(list[pos]))
            ++pos;
        size_t end = pos;
        while (end < list.size() && !is_blank(list[end]))
            ++end;
        std::string name = list.substr(pos, end - pos);
        std::transform(name.begin(), name.end(), name.begin(), to_upper);
        if (is_sasl_mechanism(name) && std::find(mechanisms.begin(), mechanisms.end(), name) == mechanisms.end())
            mechanisms.push_back(std::move(name));
        pos = end;
    }
}

// Parse the SIZE parameter. Returns 0 (no limit) when it is absent, not a
// plain decimal number or too large for uint64_t.
uint64_t parse_size(const std::string &parameter)
{
    if (parameter.empty())
        return 0;
    uint64_t value = 0;
    for (char c : parameter) {
        if (c < '0' || c > '9')
            return 0;
        unsigned digit = static_cast<unsigned>(c - '0');
        if (value > (std::numeric_limits<uint64_t>::max() - digit) / 10)
            return 0;
        value = value * 10 + digit;
    }
    return value;
}

}  // namespace

bool Capabilities::has(const std::string &keyword_upper) const
{
    return keywords.find(keyword_upper) != keywords.end();
}

bool Capabilities::has_auth(const std::string &mechanism_upper) const
{
    return std::find(auth_mechanisms.begin(), auth_mechanisms.end(), mechanism_upper) != auth_mechanisms.end();
}

// Each line after the greeting is split into a keyword and its parameters at
// the first blank. In the old "AUTH=LOGIN PLAIN" form, sent by some Microsoft
// and Netscape servers, the split is at the "=" instead. When a keyword
// appears on several lines, the map keeps the parameters of the first one,
// but every AUTH line adds its mechanisms.
Capabilities Capabilities::parse(const Reply &ehlo_reply)
{
    Capabilities capabilities;
    for (size_t i = 1; i < ehlo_reply.lines.size(); ++i) {
        std::string line = trim(ehlo_reply.lines[i]);
        size_t split = 0;
        while (split < line.size() && !is_blank(line[split]))
            ++split;
        std::string keyword = line.substr(0, split);
        std::transform(keyword.begin(), keyword.end(), keyword.begin(), to_upper);

        if (keyword.compare(0, 5, "AUTH=") == 0) {
            split = 5;
            keyword = "AUTH";
        }
        if (!is_ehlo_keyword(keyword))
            continue;

        std::string parameters = trim(line.substr(split));
        if (keyword == "AUTH") {
            capabilities.auth_advertised = true;
            add_mechanisms(parameters, capabilities.auth_mechanisms);
        }
        capabilities.keywords.emplace(std::move(keyword), std::move(parameters));
    }

    auto size = capabilities.keywords.find("SIZE");
    if (size != capabilities.keywords.end())
        capabilities.max_size = parse_size(size->second);
    return capabilities;
}

}  // namespace mailbridge::smtp

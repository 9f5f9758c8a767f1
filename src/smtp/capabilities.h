// EHLO capability list (RFC 5321 section 4.1.1.1 and the extension RFCs).
#ifndef MAILBRIDGE_SMTP_CAPABILITIES_H
#define MAILBRIDGE_SMTP_CAPABILITIES_H

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "smtp/reply.h"

namespace mailbridge::smtp {

struct Capabilities {
    // Keyword (uppercased) to its parameters as sent, e.g. "SIZE" -> "10240000".
    std::map<std::string, std::string> keywords;
    // Mechanisms from every AUTH and AUTH=... line, uppercased, first
    // occurrence order, no duplicates. Empty with auth_advertised set means
    // "AUTH line with no mechanisms": no usable mechanism.
    std::vector<std::string> auth_mechanisms;
    bool auth_advertised = false;
    uint64_t max_size = 0;  // SIZE parameter, 0 when absent or unlimited

    bool has(const std::string &keyword_upper) const;
    bool has_auth(const std::string &mechanism_upper) const;

    // Parse the reply to EHLO: the first line is the greeting and is skipped.
    // Tolerates lowercase keywords, "AUTH=LOGIN" lines and junk lines.
    static Capabilities parse(const Reply &ehlo_reply);
};

}  // namespace mailbridge::smtp

#endif

#include "common/error.h"

namespace mailbridge {

const char *stage_name(Stage stage)
{
    switch (stage) {
    case Stage::none: return "none";
    case Stage::connect: return "connect";
    case Stage::tls: return "tls";
    case Stage::ehlo: return "ehlo";
    case Stage::auth: return "auth";
    case Stage::mail: return "mail";
    case Stage::rcpt: return "rcpt";
    case Stage::data: return "data";
    case Stage::after_dot: return "after-dot";
    case Stage::rset: return "rset";
    case Stage::quit: return "quit";
    case Stage::greeting: return "greeting";
    case Stage::capability: return "capability";
    case Stage::select: return "select";
    case Stage::list: return "list";
    case Stage::status: return "status";
    case Stage::search: return "search";
    case Stage::fetch: return "fetch";
    case Stage::store: return "store";
    case Stage::copy: return "copy";
    case Stage::expunge: return "expunge";
    case Stage::append: return "append";
    case Stage::mailbox: return "mailbox";
    case Stage::idle: return "idle";
    case Stage::noop: return "noop";
    case Stage::logout: return "logout";
    }
    return "none";
}

std::string censor(const std::string &text, size_t max_length)
{
    std::string out;
    out.reserve(text.size() < max_length ? text.size() : max_length);
    for (unsigned char c : text) {
        if (out.size() >= max_length) {
            out += "...";
            break;
        }
        if (c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7f))
            out += static_cast<char>(c);
        else
            out += '?';
    }
    return out;
}

}  // namespace mailbridge

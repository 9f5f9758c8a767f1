// SMTP reply parser (RFC 5321 section 4.2, enhanced status codes RFC 2034
// and RFC 3463). Incremental: feed() takes any number of bytes and stops right
// after the last line of a complete reply, so the caller can tell whether more
// bytes followed it (needed to detect STARTTLS response injection).
#ifndef MAILBRIDGE_SMTP_REPLY_H
#define MAILBRIDGE_SMTP_REPLY_H

#include <cstddef>
#include <string>
#include <vector>

namespace mailbridge::smtp {

struct Reply {
    int code = 0;                    // 100..599
    std::string enhanced_status;     // "2.1.0" when the first line carries one, else ""
    std::vector<std::string> lines;  // text of each line after "NNN-"/"NNN " (enhanced code kept)

    // All line texts joined with "\n", control characters censored.
    std::string text() const;
    bool is_positive() const { return code >= 200 && code < 400; }
    bool is_transient() const { return code >= 400 && code < 500; }
    bool is_permanent() const { return code >= 500; }
};

struct ReplyLimits {
    size_t max_line_length = 4096;  // bytes per line, CRLF excluded (RFC 5321 sets 512 as the minimum to accept)
    size_t max_lines = 512;         // lines per multi-line reply
};

class ReplyParser {
public:
    enum class Status { need_more, complete, error };

    explicit ReplyParser(ReplyLimits limits = {});

    // Consume bytes from data. Sets consumed to the number of bytes used.
    // Returns complete when a whole reply was read (take it with take());
    // bytes after it are left unconsumed. Returns error on a malformed or
    // oversized reply; error_message() says why. Lines may end in CRLF or
    // a bare LF. A line of just "NNN" is a complete last line.
    Status feed(const char *data, size_t length, size_t &consumed);

    // Return the completed reply and reset for the next one.
    Reply take();
    const std::string &error_message() const { return error_; }
    // True when some bytes of a reply have been consumed but it is not complete.
    bool in_progress() const;
    void reset();

private:
    // implementation-defined members
    ReplyLimits limits_;
    std::string line_;
    Reply current_;
    bool complete_ = false;
    std::string error_;

    Status take_line(bool &last);
    Status fail(std::string message);
};

}  // namespace mailbridge::smtp

#endif

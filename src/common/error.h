// Core error type shared by every concern. The Zend layer maps ErrorKind to
// one PHP exception class in src/php/errors.cc, and nothing here uses PHP.
#ifndef MAILBRIDGE_COMMON_ERROR_H
#define MAILBRIDGE_COMMON_ERROR_H

#include <stdexcept>
#include <string>

namespace mailbridge {

// Stage of the exchange in which an operation failed. The names are part of the PHP
// API: they are what Exception::getStage() returns.
enum class Stage {
    none,
    connect,
    tls,
    ehlo,
    auth,
    mail,
    rcpt,
    data,
    after_dot,
    rset,
    quit,
    // IMAP stages. connect, tls and auth above are shared with SMTP.
    greeting,    // the server's first response
    capability,  // CAPABILITY, ID and ENABLE
    select,      // SELECT, EXAMINE and CLOSE
    list,        // LIST
    status,      // STATUS
    search,      // UID SEARCH
    fetch,       // FETCH and UID FETCH
    store,       // UID STORE
    copy,        // UID COPY and UID MOVE, with the fallback's STORE and EXPUNGE
    expunge,     // EXPUNGE and UID EXPUNGE
    append,      // APPEND
    mailbox,     // CREATE, RENAME, DELETE, SUBSCRIBE and UNSUBSCRIBE
    idle,        // IDLE and DONE
    noop,        // NOOP and CHECK
    logout,      // LOGOUT
};

const char *stage_name(Stage stage);

enum class ErrorKind {
    connection,       // DNS, refused, unreachable, timeout, EOF, I/O error
    tls,              // handshake, verification, pinning, STARTTLS injection
    authentication,   // AUTH rejected, or no usable mechanism
    server_reply,     // an unexpected reply to MAIL, RCPT, DATA, EHLO, ...
    unknown_outcome,  // lost after the final dot: the message may be delivered
    protocol,         // malformed or oversized server reply
    unsupported,      // the server lacks an extension the message needs
    local_read,       // the message could not be read while it was being sent
};

// An operational failure. Server text is already censored (control
// characters replaced), so it is safe for messages and logs. It contains no
// secret, because servers do not echo credentials back.
class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, Stage stage, const std::string &message)
        : std::runtime_error(message), kind(kind), stage(stage) {}

    ErrorKind kind;
    Stage stage;
    int reply_code = 0;           // 0 when no reply was received
    std::string enhanced_status;  // "5.7.8", empty when absent
    std::string server_text;      // all reply lines joined with "\n"
    std::string command;          // verb of the failing command, e.g. "RCPT"
    std::string hint;             // likely cause and fix, empty when none known
    // IMAP only: the status of the failing response ("NO", "BAD" or "BYE")
    // and its response code, e.g. "BADCHARSET" with arguments "(US-ASCII)".
    std::string response_status;
    std::string response_code;
    std::string response_code_arguments;
    bool transient = false;       // retrying later may succeed
};

// Replace control characters (except none) in server-provided text with '?'
// and cut it to max_length bytes so that it is safe to log.
std::string censor(const std::string &text, size_t max_length = 2048);

}  // namespace mailbridge

#endif

// A blocking SMTP client: one Session driven with poll(2) until each
// operation completes. Keeps the connection between send() calls, checks it
// before reuse, and retries once on a fresh connection when a reused one
// fails before the server accepted MAIL FROM.
#ifndef MAILBRIDGE_SMTP_CLIENT_H
#define MAILBRIDGE_SMTP_CLIENT_H

#include <functional>
#include <memory>

#include "smtp/session.h"

namespace mailbridge::smtp {

// Thrown when the step hook asked to stop (the PHP logger threw).
struct Aborted {};

class Client {
public:
    Client(SessionConfig config, LogSink log);

    // Called after every wait for I/O; returning false abandons the
    // connection and makes the running call throw Aborted.
    void set_step_hook(std::function<bool()> hook) { hook_ = std::move(hook); }

    // Connect if needed and run one transaction. Returns the result when at
    // least one recipient was accepted and the final dot got 2xx; throws
    // Error otherwise.
    TransactionResult send(const Transaction &transaction);
    // Send QUIT (errors ignored) and close.
    void close();
    // Close without QUIT or TLS shutdown.
    void abandon() { session_.abandon(); }
    bool connected() const { return session_.state() == Session::State::ready; }
    // Overall limit in seconds for one send(), 0 for none.
    void set_total_timeout(double seconds) { total_timeout_ = seconds; }

private:
    void open();
    void run();

    Session session_;
    LogSink log_;
    std::function<bool()> hook_;
    double total_timeout_ = 0;
    net::Clock::time_point overall_deadline_{};
};

}  // namespace mailbridge::smtp

#endif

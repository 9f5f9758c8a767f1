// A blocking SMTP client: one Session driven with poll(2) until each
// operation completes. Keeps the connection between send() calls, takes it
// from and gives it back to a pool when one is set, checks it before
// reuse, and retries once on a fresh connection when a reused one fails
// before the server accepted MAIL FROM.
#ifndef MAILBRIDGE_SMTP_CLIENT_H
#define MAILBRIDGE_SMTP_CLIENT_H

#include <functional>
#include <memory>

#include "smtp/session.h"

namespace mailbridge::pool {
class Pool;
}

namespace mailbridge::smtp {

// Thrown when the step hook asked to stop (the PHP logger threw).
struct Aborted {};

class Client {
public:
    // pool may be null. It must outlive the client.
    Client(SessionConfig config, LogSink log, pool::Pool *pool = nullptr);
    ~Client();
    Client(const Client &) = delete;
    Client &operator=(const Client &) = delete;

    // Called after every wait for I/O; returning false abandons the
    // connection and makes the running call throw Aborted.
    void set_step_hook(std::function<bool()> hook) { hook_ = std::move(hook); }

    // Connect if needed and run one transaction. Returns the result when at
    // least one recipient was accepted and the final dot got 2xx; throws
    // Error otherwise.
    TransactionResult send(const Transaction &transaction);
    // Send QUIT (errors ignored) and close.
    void close();
    // Give the connection to the pool when it is idle and a pool is set,
    // else close it without QUIT.
    void release();
    // Close without QUIT or TLS shutdown.
    void abandon();
    bool connected() const { return session_ && session_->state() == Session::State::ready; }
    // Overall limit in seconds for one send(), 0 for none.
    void set_total_timeout(double seconds) { total_timeout_ = seconds; }

private:
    bool reuse_current();
    bool take_from_pool();
    void open();
    void run();

    SessionConfig config_;
    LogSink log_;
    pool::Pool *pool_;
    std::string pool_key_;
    std::string pool_label_;
    std::unique_ptr<Session> session_;
    std::function<bool()> hook_;
    double total_timeout_ = 0;
    net::Clock::time_point overall_deadline_{};
};

}  // namespace mailbridge::smtp

#endif

// A blocking SMTP client: one Session driven with poll(2) until each
// operation completes. Keeps the connection between send() calls, takes it
// from and gives it back to a pool when one is set, checks it before
// reuse, and retries once on a fresh connection when a reused one fails
// before the server accepted MAIL FROM.
#ifndef MAILBRIDGE_SMTP_CLIENT_H
#define MAILBRIDGE_SMTP_CLIENT_H

#include <functional>
#include <memory>

#include "smtp/bulk.h"
#include "smtp/session.h"

namespace mailbridge::pool {
class Pool;
}

namespace mailbridge::smtp {

// Thrown when the step hook asked to stop (the PHP logger threw).
struct Aborted {};

class Client {
public:
    // pool may be null. It must outlive the client. hosts lists failover
    // endpoints tried in order; empty means config.host and config.port.
    Client(SessionConfig config, LogSink log, pool::Pool *pool = nullptr, std::vector<Endpoint> hosts = {});
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
    // Take a usable connection as send() does (the one held, a pooled one,
    // or a new one) without starting a transaction. Throws Error.
    void connect();
    // The per-recipient results of the last transaction, also after send()
    // threw because every recipient was rejected. Empty without a session.
    TransactionResult last_result() const { return session_ ? session_->result() : TransactionResult{}; }
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
    // Start at most this many transactions per second, 0 for no limit.
    void set_max_per_second(double rate) { max_per_second_ = rate; }
    // Seconds a host that failed to connect, failed TLS or sent 421 is skipped.
    void set_host_retry_period(double seconds) { host_retry_period_ = seconds; }
    // Number of transaction attempts in the last send() (2 after a retry).
    unsigned last_attempts() const { return last_attempts_; }

private:
    bool reuse_current();
    bool take_from_pool();
    bool take_from_pool_for_current();
    void open();
    bool open_endpoint(size_t index);
    void wait_for_rate_limit();
    void run();
    SessionConfig config_for(size_t index) const;

    SessionConfig config_;
    LogSink log_;
    pool::Pool *pool_;
    std::vector<Endpoint> endpoints_;
    std::vector<net::Clock::time_point> down_until_;
    std::vector<std::string> pool_keys_;
    std::vector<std::string> pool_labels_;
    size_t current_ = 0;  // endpoint of session_
    double max_per_second_ = 0;
    double host_retry_period_ = 60;
    net::Clock::time_point last_start_{};
    unsigned last_attempts_ = 0;
    std::unique_ptr<Session> session_;
    std::function<bool()> hook_;
    double total_timeout_ = 0;
    net::Clock::time_point overall_deadline_{};
};

}  // namespace mailbridge::smtp

#endif

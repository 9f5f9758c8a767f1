// Bulk sending: N sessions multiplexed in one thread with poll(2). The
// caller feeds transactions as the sender asks for them (so a campaign of
// any size is never held in memory) and collects each outcome as it
// finishes. The sender never calls back into its caller, so the PHP layer
// can run user code (generators, progress callbacks) between steps.
#ifndef MAILBRIDGE_SMTP_BULK_H
#define MAILBRIDGE_SMTP_BULK_H

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "smtp/session.h"

namespace mailbridge::smtp {

struct Endpoint {
    std::string host;
    int port = 0;
};

struct BulkOptions {
    unsigned concurrency = 4;                   // connections at once
    double max_per_second = 0;                  // transactions started per second, 0: no limit
    unsigned max_messages_per_connection = 100; // then the connection is closed with QUIT
    unsigned max_attempts = 3;                  // tries per message on transient failures
    double host_retry_period = 60;              // seconds a failed host is skipped
    bool round_robin = false;                   // spread connections over hosts instead of failover order
};

enum class BulkStatus { sent, rejected, deferred, unknown };
const char *bulk_status_name(BulkStatus status);

struct BulkOutcome {
    BulkStatus status = BulkStatus::sent;
    TransactionResult result;    // recipients and final reply, as far as the transaction got
    std::optional<Error> error;  // why it was not sent
    unsigned attempts = 0;
};

class BulkSender {
public:
    BulkSender(SessionConfig base, std::vector<Endpoint> hosts, BulkOptions options, LogSink log);
    ~BulkSender();
    BulkSender(const BulkSender &) = delete;
    BulkSender &operator=(const BulkSender &) = delete;

    // True while the sender would take another transaction now.
    bool wants_input() const;
    void add(size_t index, Transaction transaction);
    // No more transactions will be added.
    void end_input();

    // Wait for I/O once (at most until the nearest deadline) and advance
    // every session. Outcomes that finished are queued for take_finished().
    void step();
    std::vector<std::pair<size_t, BulkOutcome>> take_finished();
    // True when every added transaction has an outcome and no input is pending.
    bool done() const;
    // Close every connection without waiting (used when the caller aborts).
    void abandon_all();

private:
    struct Item {
        size_t index = 0;
        Transaction transaction;
        unsigned attempts = 0;
        std::optional<Error> last_error;
        TransactionResult last_result;  // recipient replies of the last attempt
    };
    struct Slot {
        std::unique_ptr<Session> session;
        std::optional<Item> item;
        size_t host = 0;
        bool opening = false;
        bool quitting = false;
    };

    void start_work();
    bool start_connection(Slot &slot);
    void start_transaction(Slot &slot);
    void after_operation(Slot &slot);
    void finish(Item item, BulkOutcome outcome);
    void retry_or_defer(Item item, const Error &error, const TransactionResult &result);
    void fail_everything_pending(const Error &error);
    std::optional<size_t> pick_host();
    void mark_host_down(size_t host, const Error &error);
    net::Clock::time_point next_start_allowed() const;
    size_t open_or_opening() const;
    size_t pending_items() const { return queue_.size(); }

    SessionConfig base_;
    std::vector<Endpoint> hosts_;
    std::vector<net::Clock::time_point> host_down_until_;
    size_t next_host_ = 0;
    BulkOptions options_;
    LogSink log_;
    std::vector<Slot> slots_;
    std::deque<Item> queue_;  // added or retried, waiting for a connection
    bool input_ended_ = false;
    std::vector<std::pair<size_t, BulkOutcome>> finished_;
    net::Clock::time_point last_start_{};
    std::optional<Error> last_connect_error_;
};

}  // namespace mailbridge::smtp

#endif

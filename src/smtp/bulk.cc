#include "smtp/bulk.h"

#include <poll.h>

#include <algorithm>
#include <cerrno>

namespace mailbridge::smtp {

namespace {

net::Clock::time_point after(double seconds)
{
    return net::Clock::now() +
           std::chrono::duration_cast<net::Clock::duration>(std::chrono::duration<double>(seconds));
}

}  // namespace

const char *bulk_status_name(BulkStatus status)
{
    switch (status) {
    case BulkStatus::sent: return "sent";
    case BulkStatus::rejected: return "rejected";
    case BulkStatus::deferred: return "deferred";
    case BulkStatus::unknown: return "unknown";
    }
    return "unknown";
}

BulkSender::BulkSender(SessionConfig base, std::vector<Endpoint> hosts, BulkOptions options, LogSink log)
    : base_(std::move(base)), hosts_(std::move(hosts)), host_down_until_(hosts_.size()), options_(options),
      log_(std::move(log))
{
    if (options_.concurrency == 0)
        options_.concurrency = 1;
    slots_.resize(options_.concurrency);
}

BulkSender::~BulkSender()
{
    abandon_all();
}

void BulkSender::abandon_all()
{
    for (Slot &slot : slots_) {
        if (slot.session)
            slot.session->abandon();
        slot.session.reset();
    }
}

bool BulkSender::wants_input() const
{
    return !input_ended_ && queue_.size() < 2 * static_cast<size_t>(options_.concurrency);
}

void BulkSender::add(size_t index, Transaction transaction)
{
    Item item;
    item.index = index;
    item.transaction = std::move(transaction);
    queue_.push_back(std::move(item));
}

void BulkSender::end_input()
{
    input_ended_ = true;
}

bool BulkSender::done() const
{
    if (!input_ended_ || !queue_.empty())
        return false;
    for (const Slot &slot : slots_) {
        if (slot.item || (slot.session && slot.session->busy()))
            return false;
    }
    return true;
}

std::vector<std::pair<size_t, BulkOutcome>> BulkSender::take_finished()
{
    std::vector<std::pair<size_t, BulkOutcome>> list;
    list.swap(finished_);
    return list;
}

std::optional<size_t> BulkSender::pick_host()
{
    net::Clock::time_point now = net::Clock::now();
    size_t count = hosts_.size();
    for (size_t k = 0; k < count; ++k) {
        size_t i = options_.round_robin ? (next_host_ + k) % count : k;
        if (host_down_until_[i] <= now) {
            if (options_.round_robin)
                next_host_ = i + 1;
            return i;
        }
    }
    return std::nullopt;
}

void BulkSender::mark_host_down(size_t host, const Error &error)
{
    host_down_until_[host] = after(options_.host_retry_period);
    if (log_)
        log_("* skipping " + hosts_[host].host + ":" + std::to_string(hosts_[host].port) + " for " +
             std::to_string(static_cast<int>(options_.host_retry_period)) + " s: " + error.what());
}

net::Clock::time_point BulkSender::next_start_allowed() const
{
    if (options_.max_per_second <= 0 || last_start_ == net::Clock::time_point{})
        return net::Clock::time_point{};
    return last_start_ + std::chrono::duration_cast<net::Clock::duration>(
                             std::chrono::duration<double>(1.0 / options_.max_per_second));
}

size_t BulkSender::open_or_opening() const
{
    size_t count = 0;
    for (const Slot &slot : slots_) {
        if (slot.session && !slot.quitting && (slot.opening || slot.session->state() == Session::State::ready) &&
            !slot.item)
            ++count;
    }
    return count;
}

bool BulkSender::start_connection(Slot &slot)
{
    std::optional<size_t> host = pick_host();
    if (!host)
        return false;
    SessionConfig config = base_;
    config.host = hosts_[*host].host;
    config.port = hosts_[*host].port;
    slot.session = std::make_unique<Session>(std::move(config), log_);
    slot.host = *host;
    slot.opening = true;
    slot.session->open();
    if (!slot.session->busy())
        after_operation(slot);
    return true;
}

void BulkSender::start_transaction(Slot &slot)
{
    Item item = std::move(queue_.front());
    queue_.pop_front();
    ++item.attempts;
    last_start_ = net::Clock::now();
    slot.item = std::move(item);
    slot.session->begin_transaction(slot.item->transaction);
    if (!slot.session->busy())
        after_operation(slot);
}

void BulkSender::start_work()
{
    net::Clock::time_point now = net::Clock::now();
    for (Slot &slot : slots_) {
        if (slot.session && slot.session->busy())
            continue;
        if (slot.session && slot.session->state() == Session::State::ready && !slot.item) {
            bool worn_out = options_.max_messages_per_connection > 0 &&
                            slot.session->transactions() >= options_.max_messages_per_connection;
            if (worn_out || (queue_.empty() && input_ended_)) {
                slot.quitting = true;
                slot.session->begin_quit();
                if (!slot.session->busy())
                    after_operation(slot);
                continue;
            }
            if (!queue_.empty() && now >= next_start_allowed())
                start_transaction(slot);
            continue;
        }
        if (slot.session && slot.session->state() != Session::State::ready) {
            slot.session->abandon();
            slot.session.reset();
        }
        if (!slot.session && queue_.size() > open_or_opening())
            start_connection(slot);
    }

    // No connection exists or is coming, and no host may be tried: every
    // waiting message is deferred with the last connection error.
    bool any_session = std::any_of(slots_.begin(), slots_.end(), [](const Slot &slot) { return slot.session != nullptr; });
    if (!any_session && !queue_.empty() && !pick_host()) {
        Error error = last_connect_error_ ? *last_connect_error_
                                          : Error(ErrorKind::connection, Stage::connect, "no SMTP host is available");
        fail_everything_pending(error);
    }
}

void BulkSender::fail_everything_pending(const Error &error)
{
    while (!queue_.empty()) {
        Item item = std::move(queue_.front());
        queue_.pop_front();
        BulkOutcome outcome;
        outcome.status = BulkStatus::deferred;
        outcome.error = item.last_error ? *item.last_error : error;
        outcome.result = item.last_result;
        outcome.attempts = item.attempts;
        finish(std::move(item), std::move(outcome));
    }
}

void BulkSender::finish(Item item, BulkOutcome outcome)
{
    outcome.attempts = item.attempts;
    finished_.emplace_back(item.index, std::move(outcome));
}

void BulkSender::retry_or_defer(Item item, const Error &error, const TransactionResult &result)
{
    item.last_error = error;
    item.last_result = result;
    if (item.attempts < options_.max_attempts) {
        // Back to the front: it goes out on the next free connection.
        queue_.push_front(std::move(item));
        return;
    }
    BulkOutcome outcome;
    outcome.status = BulkStatus::deferred;
    outcome.error = error;
    outcome.result = item.last_result;
    finish(std::move(item), std::move(outcome));
}

// Classify the end of whatever the slot's session was doing.
void BulkSender::after_operation(Slot &slot)
{
    Session &session = *slot.session;
    if (slot.opening) {
        slot.opening = false;
        if (session.error()) {
            last_connect_error_ = *session.error();
            mark_host_down(slot.host, *session.error());
            slot.session.reset();
        }
        return;
    }
    if (slot.quitting) {
        slot.quitting = false;
        slot.session.reset();
        return;
    }
    if (!slot.item)
        return;

    Item item = std::move(*slot.item);
    slot.item.reset();
    if (!session.error()) {
        BulkOutcome outcome;
        outcome.result = session.result();
        finish(std::move(item), std::move(outcome));
    } else {
        const Error &error = *session.error();
        BulkOutcome outcome;
        outcome.result = session.result();
        outcome.error = error;
        if (error.kind == ErrorKind::unknown_outcome) {
            // It may have been delivered: never sent again.
            outcome.status = BulkStatus::unknown;
            finish(std::move(item), std::move(outcome));
        } else if (error.kind == ErrorKind::unsupported || error.kind == ErrorKind::local_read ||
                   (error.kind == ErrorKind::server_reply && error.reply_code >= 500)) {
            outcome.status = BulkStatus::rejected;
            finish(std::move(item), std::move(outcome));
        } else {
            retry_or_defer(std::move(item), error, session.result());
        }
        if (error.reply_code == 421)
            mark_host_down(slot.host, error);
    }
    if (session.state() != Session::State::ready)
        slot.session.reset();
}

void BulkSender::step()
{
    start_work();

    std::vector<pollfd> descriptors;
    std::vector<Slot *> polled;
    net::Clock::time_point now = net::Clock::now();
    net::Clock::time_point wake = now + std::chrono::seconds(1);
    for (Slot &slot : slots_) {
        if (!slot.session || !slot.session->busy())
            continue;
        pollfd descriptor{};
        descriptor.fd = slot.session->fd();
        descriptor.events = slot.session->want() == net::Want::write ? POLLOUT : POLLIN;
        descriptors.push_back(descriptor);
        polled.push_back(&slot);
        wake = std::min(wake, slot.session->deadline());
    }
    bool waiting_for_rate = !queue_.empty() && options_.max_per_second > 0;
    if (waiting_for_rate && next_start_allowed() > now)
        wake = std::min(wake, next_start_allowed());
    if (descriptors.empty() && !waiting_for_rate && finished_.empty() && !queue_.empty())
        wake = now;  // nothing to wait for; start_work() made progress or deferred

    long long wait_ms = std::max<long long>(
        0, std::chrono::duration_cast<std::chrono::milliseconds>(wake - now).count() + 1);
    if (descriptors.empty()) {
        if (wait_ms > 0 && waiting_for_rate)
            ::poll(nullptr, 0, static_cast<int>(wait_ms));
    } else {
        int rc = ::poll(descriptors.data(), descriptors.size(), static_cast<int>(wait_ms));
        if (rc < 0 && errno != EINTR)
            rc = 0;
        for (size_t i = 0; i < descriptors.size(); ++i) {
            Slot &slot = *polled[i];
            if (rc > 0 && descriptors[i].revents != 0)
                slot.session->on_ready();
            else if (net::Clock::now() >= slot.session->deadline())
                slot.session->on_timeout();
            if (slot.session && !slot.session->busy())
                after_operation(slot);
        }
    }
    start_work();
}

}  // namespace mailbridge::smtp

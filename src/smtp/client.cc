#include "smtp/client.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>

#include "pool/pool.h"

namespace mailbridge::smtp {

namespace {

double seconds_since(net::Clock::time_point then)
{
    return std::chrono::duration<double>(net::Clock::now() - then).count();
}

}  // namespace

Client::Client(SessionConfig config, LogSink log, pool::Pool *pool)
    : config_(std::move(config)), log_(std::move(log)), pool_(pool)
{
    if (pool_ != nullptr) {
        pool_key_ = pool::make_key(config_, getpid());
        pool_label_ = pool::describe(config_);
    }
}

Client::~Client()
{
    if (session_)
        session_->abandon();
}

void Client::abandon()
{
    if (session_)
        session_->abandon();
    session_.reset();
}

void Client::open()
{
    session_ = std::make_unique<Session>(config_, log_);
    session_->open();
    run();
    if (session_->error())
        throw *session_->error();
    if (pool_ != nullptr)
        pool_->count_created(pool_key_, pool_label_);
}

// Check the connection this client already holds.
bool Client::reuse_current()
{
    if (!session_)
        return false;
    if (session_->owner_pid() != getpid()) {
        // Inherited across fork(): the parent still owns the socket.
        session_->abandon();
        session_.reset();
        return false;
    }
    if (session_->state() == Session::State::ready && session_->check_idle_connection())
        return true;
    session_->abandon();
    session_.reset();
    return false;
}

// Take an idle session from the pool and probe it when it has been idle
// long enough that the server may have dropped it silently.
bool Client::take_from_pool()
{
    if (pool_ == nullptr)
        return false;
    while (std::unique_ptr<Session> candidate = pool_->checkout(pool_key_)) {
        candidate->set_log(log_);
        if (!candidate->check_idle_connection()) {
            pool_->count_discard(pool_key_, pool::Discard::closed_by_server);
            continue;
        }
        if (seconds_since(candidate->last_used()) > pool_->limits().probe_interval) {
            session_ = std::move(candidate);
            session_->begin_noop();
            run();
            if (session_->error()) {
                session_->abandon();
                session_.reset();
                pool_->count_discard(pool_key_, pool::Discard::probe_failed);
                continue;
            }
        } else {
            session_ = std::move(candidate);
        }
        if (log_)
            log_("* reusing a pooled connection");
        pool_->count_reused(pool_key_);
        return true;
    }
    return false;
}

TransactionResult Client::send(const Transaction &transaction)
{
    overall_deadline_ = total_timeout_ > 0
                            ? net::Clock::now() + std::chrono::duration_cast<net::Clock::duration>(
                                                      std::chrono::duration<double>(total_timeout_))
                            : net::Clock::time_point{};

    bool reused = reuse_current() || take_from_pool();
    if (!reused)
        open();

    session_->begin_transaction(transaction);
    run();
    if (session_->error() && reused && session_->failed_before_mail_accepted()) {
        // The server dropped or refused a kept connection before the
        // transaction started, so nothing was sent: one fresh try is safe.
        if (log_)
            log_("* the reused connection failed before MAIL FROM was accepted; retrying on a new connection");
        if (pool_ != nullptr)
            pool_->count_discard(pool_key_, pool::Discard::closed_by_server);
        abandon();
        open();
        session_->begin_transaction(transaction);
        run();
    }
    if (session_->error())
        throw *session_->error();
    return session_->result();
}

void Client::close()
{
    if (!session_)
        return;
    if (session_->state() != Session::State::ready || session_->owner_pid() != getpid()) {
        abandon();
        return;
    }
    overall_deadline_ = {};
    session_->begin_quit();
    try {
        run();
    } catch (...) {
        abandon();
        throw;
    }
    abandon();
}

void Client::release()
{
    if (!session_)
        return;
    if (pool_ == nullptr) {
        abandon();
        return;
    }
    pool_->checkin(pool_key_, pool_label_, std::move(session_));
}

void Client::run()
{
    while (session_->busy()) {
        net::Clock::time_point now = net::Clock::now();
        net::Clock::time_point deadline = session_->deadline();
        if (overall_deadline_ != net::Clock::time_point{} && overall_deadline_ < deadline)
            deadline = overall_deadline_;
        if (now >= deadline) {
            session_->on_timeout();
        } else {
            pollfd descriptor{};
            descriptor.fd = session_->fd();
            descriptor.events = session_->want() == net::Want::write ? POLLOUT : POLLIN;
            auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count() + 1;
            int rc = ::poll(&descriptor, 1, static_cast<int>(std::min<long long>(wait, 1000 * 60 * 60)));
            if (rc < 0 && errno == EINTR)
                continue;
            if (rc > 0)
                session_->on_ready();
            else if (net::Clock::now() >= deadline)
                session_->on_timeout();
        }
        if (hook_ && !hook_()) {
            abandon();
            throw Aborted{};
        }
    }
}

}  // namespace mailbridge::smtp

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

Client::Client(SessionConfig config, LogSink log, pool::Pool *pool, std::vector<Endpoint> hosts)
    : config_(std::move(config)), log_(std::move(log)), pool_(pool), endpoints_(std::move(hosts))
{
    if (endpoints_.empty())
        endpoints_.push_back(Endpoint{config_.host, config_.port});
    down_until_.resize(endpoints_.size());
    if (pool_ != nullptr) {
        for (size_t i = 0; i < endpoints_.size(); ++i) {
            SessionConfig endpoint_config = config_for(i);
            pool_keys_.push_back(pool::make_key(endpoint_config, getpid()));
            pool_labels_.push_back(pool::describe(endpoint_config));
        }
    }
}

SessionConfig Client::config_for(size_t index) const
{
    SessionConfig config = config_;
    config.host = endpoints_[index].host;
    config.port = endpoints_[index].port;
    return config;
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

// Connect to the first endpoint that is not being skipped. A host that
// fails to connect, fails TLS or replies 421 is skipped for the retry
// period and the next one is tried. Other failures (bad credentials, say)
// would fail on every host, so they are thrown at once. When every host is
// being skipped, all are tried again in order.
void Client::open()
{
    std::optional<Error> last_error;
    net::Clock::time_point now = net::Clock::now();
    for (int round = 0; round < 2; ++round) {
        for (size_t i = 0; i < endpoints_.size(); ++i) {
            if (round == 0 && down_until_[i] > now)
                continue;
            if (round == 1 && down_until_[i] <= now)
                continue;
            try {
                if (open_endpoint(i))
                    return;
            } catch (const Error &error) {
                bool host_problem = error.kind == ErrorKind::connection || error.kind == ErrorKind::tls ||
                                    error.reply_code == 421;
                if (!host_problem || endpoints_.size() == 1)
                    throw;
                down_until_[i] = now + std::chrono::duration_cast<net::Clock::duration>(
                                           std::chrono::duration<double>(host_retry_period_));
                if (log_)
                    log_("* skipping " + endpoints_[i].host + ":" + std::to_string(endpoints_[i].port) +
                         " for now: " + error.what());
                last_error = error;
            }
        }
    }
    if (last_error)
        throw *last_error;
}

bool Client::open_endpoint(size_t index)
{
    session_ = std::make_unique<Session>(config_for(index), log_);
    current_ = index;
    session_->open();
    run();
    if (session_->error())
        throw *session_->error();
    if (pool_ != nullptr)
        pool_->count_created(pool_keys_[index], pool_labels_[index]);
    return true;
}

void Client::wait_for_rate_limit()
{
    if (max_per_second_ <= 0 || last_start_ == net::Clock::time_point{}) {
        last_start_ = net::Clock::now();
        return;
    }
    net::Clock::time_point allowed = last_start_ + std::chrono::duration_cast<net::Clock::duration>(
                                                       std::chrono::duration<double>(1.0 / max_per_second_));
    net::Clock::time_point now = net::Clock::now();
    if (allowed > now) {
        auto wait = std::chrono::duration_cast<std::chrono::microseconds>(allowed - now).count();
        ::usleep(static_cast<useconds_t>(wait));
    }
    last_start_ = net::Clock::now();
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
    net::Clock::time_point now = net::Clock::now();
    for (size_t i = 0; i < endpoints_.size(); ++i) {
        if (down_until_[i] > now)
            continue;
        current_ = i;
        if (take_from_pool_for_current())
            return true;
    }
    return false;
}

bool Client::take_from_pool_for_current()
{
    const std::string &key = pool_keys_[current_];
    while (std::unique_ptr<Session> candidate = pool_->checkout(key)) {
        candidate->set_log(log_);
        if (!candidate->check_idle_connection()) {
            pool_->count_discard(key, pool::Discard::closed_by_server);
            continue;
        }
        if (seconds_since(candidate->last_used()) > pool_->limits().probe_interval) {
            session_ = std::move(candidate);
            session_->begin_noop();
            run();
            if (session_->error()) {
                session_->abandon();
                session_.reset();
                pool_->count_discard(key, pool::Discard::probe_failed);
                continue;
            }
        } else {
            session_ = std::move(candidate);
        }
        if (log_)
            log_("* reusing a pooled connection");
        pool_->count_reused(key);
        return true;
    }
    return false;
}

void Client::connect()
{
    overall_deadline_ = {};
    if (!reuse_current() && !take_from_pool())
        open();
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

    wait_for_rate_limit();
    last_attempts_ = 1;
    session_->begin_transaction(transaction);
    run();
    if (session_->error() && reused && session_->failed_before_mail_accepted()) {
        // The server dropped or refused a kept connection before the
        // transaction started, so nothing was sent: one fresh try is safe.
        if (log_)
            log_("* the reused connection failed before MAIL FROM was accepted; retrying on a new connection");
        if (pool_ != nullptr)
            pool_->count_discard(pool_keys_[current_], pool::Discard::closed_by_server);
        abandon();
        open();
        ++last_attempts_;
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
    pool_->checkin(pool_keys_[current_], pool_labels_[current_], std::move(session_));
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

#include "smtp/client.h"

#include <poll.h>

#include <cerrno>

namespace mailbridge::smtp {

Client::Client(SessionConfig config, LogSink log) : session_(std::move(config), log), log_(std::move(log))
{
}

void Client::open()
{
    session_.open();
    run();
    if (session_.error())
        throw *session_.error();
}

TransactionResult Client::send(const Transaction &transaction)
{
    overall_deadline_ = total_timeout_ > 0
                            ? net::Clock::now() + std::chrono::duration_cast<net::Clock::duration>(
                                                      std::chrono::duration<double>(total_timeout_))
                            : net::Clock::time_point{};

    bool reused = session_.state() == Session::State::ready && session_.check_idle_connection();
    if (!reused) {
        session_.abandon();
        open();
    }

    session_.begin_transaction(transaction);
    run();
    if (session_.error() && reused && session_.failed_before_mail_accepted()) {
        // The server dropped or refused a kept connection before the
        // transaction started, so nothing was sent: one fresh try is safe.
        if (log_)
            log_("* the reused connection failed before MAIL FROM was accepted; retrying on a new connection");
        session_.abandon();
        open();
        session_.begin_transaction(transaction);
        run();
    }
    if (session_.error())
        throw *session_.error();
    return session_.result();
}

void Client::close()
{
    if (session_.state() != Session::State::ready) {
        session_.abandon();
        return;
    }
    overall_deadline_ = {};
    session_.begin_quit();
    try {
        run();
    } catch (...) {
        session_.abandon();
        throw;
    }
    session_.abandon();
}

void Client::run()
{
    while (session_.busy()) {
        net::Clock::time_point now = net::Clock::now();
        net::Clock::time_point deadline = session_.deadline();
        if (overall_deadline_ != net::Clock::time_point{} && overall_deadline_ < deadline)
            deadline = overall_deadline_;
        if (now >= deadline) {
            session_.on_timeout();
        } else {
            pollfd descriptor{};
            descriptor.fd = session_.fd();
            descriptor.events = session_.want() == net::Want::write ? POLLOUT : POLLIN;
            auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count() + 1;
            int rc = ::poll(&descriptor, 1, static_cast<int>(std::min<long long>(wait, 1000 * 60 * 60)));
            if (rc < 0 && errno == EINTR)
                continue;
            if (rc > 0)
                session_.on_ready();
            else if (net::Clock::now() >= deadline)
                session_.on_timeout();
        }
        if (hook_ && !hook_()) {
            session_.abandon();
            throw Aborted{};
        }
    }
}

}  // namespace mailbridge::smtp

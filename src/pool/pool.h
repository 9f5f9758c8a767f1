// Idle SMTP and IMAP sessions kept across PHP requests in one process (one
// pool per thread under ZTS), so that a request skips the TCP, TLS, greeting
// and authentication round trips. Sessions are owned by plain C++ objects
// outside the request heap.
#ifndef MAILBRIDGE_POOL_POOL_H
#define MAILBRIDGE_POOL_POOL_H

#include <sys/types.h>

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "imap/session.h"
#include "smtp/session.h"

namespace mailbridge::pool {

struct Limits {
    unsigned max_idle_per_key = 4;      // idle sessions kept per key; 0 disables pooling
    double idle_timeout = 30.0;         // seconds an idle session may wait for reuse
    double probe_interval = 5.0;        // idle seconds after which NOOP is sent before reuse
    unsigned max_messages = 100;        // messages per connection, then it is closed
    double max_lifetime = 300.0;        // seconds since connect, then it is closed
};

// Reason a session left the pool without being reused.
enum class Discard {
    idle_timeout,
    lifetime,
    max_messages,
    closed_by_server,  // EOF or unread bytes (usually a 421) on the idle socket
    probe_failed,      // NOOP did not get 250
    forked,            // opened by another process
    pool_full,
    not_reusable,      // returned mid-transaction or after an error
    count_,
};
const char *discard_name(Discard reason);

struct KeyStats {
    std::string label;  // "user@example.com@smtp.example.com:587 starttls as crm.example.com", no secret
    uint64_t idle = 0;
    uint64_t created = 0;
    uint64_t reused = 0;
    std::array<uint64_t, static_cast<size_t>(Discard::count_)> discarded{};
};

// Build the key under which a session may be reused. Two sessions share a
// key only when every setting that makes them not interchangeable is
// equal: host, port, security mode, the effective TLS policy (verification
// flags, CA file and directory, peer name, pin), user name, mechanism list,
// a salted SHA-256 of the password and of the token (never the secrets
// themselves; the salt is random per process), client name and process id.
// Each field is length-prefixed so that no value can imitate another field.
std::string make_key(const smtp::SessionConfig &config, pid_t pid);
// A readable label for statistics, without any secret.
std::string describe(const smtp::SessionConfig &config);
// The same for IMAP: host, port, security mode, the effective TLS policy,
// user name, mechanism, the plaintext-login and UTF8=ACCEPT options, a
// salted SHA-256 of the password and of the token, and the process id. The
// first field ("imap" or "smtp") keeps the two kinds apart.
std::string make_key(const imap::SessionConfig &config, pid_t pid);
// "imap user@example.com@imap.example.com:993 tls", without any secret.
std::string describe(const imap::SessionConfig &config);

class Pool {
public:
    explicit Pool(Limits limits = {}) : limits_(limits) {}
    ~Pool();
    Pool(const Pool &) = delete;
    Pool &operator=(const Pool &) = delete;

    const Limits &limits() const { return limits_; }
    void set_limits(const Limits &limits) { limits_ = limits; }

    // Take the most recently used idle session for key that passes the age,
    // message-count and process checks, or return nullptr. Sessions that
    // fail a check are closed and counted.
    std::unique_ptr<smtp::Session> checkout(const std::string &key);
    // Give a session back. It is kept when it is ready, owned by this
    // process and within the limits; otherwise it is closed (no QUIT) and
    // counted.
    void checkin(const std::string &key, const std::string &label, std::unique_ptr<smtp::Session> session);
    // The same for IMAP sessions, which have no message limit. checkin
    // keeps only a session that is ready, so never one mid-command or
    // mid-IDLE. The caller must have left any selected mailbox.
    std::unique_ptr<imap::Session> checkout_imap(const std::string &key);
    void checkin(const std::string &key, const std::string &label, std::unique_ptr<imap::Session> session);

    // Return an idle session for which match returns true, most recently
    // used first, without taking it out of the pool, or nullptr. The
    // pointer is valid until the pool is next changed. A caller that learns
    // the key in steps uses it to decide early whether reuse is possible.
    const smtp::Session *find_idle(const std::function<bool(const smtp::Session &)> &match) const;

    void count_created(const std::string &key, const std::string &label);
    void count_reused(const std::string &key);
    void count_discard(const std::string &key, Discard reason);

    // Statistics per key in the order the keys were first used; idle
    // counts are current.
    std::vector<KeyStats> stats() const;
    // Close every idle session without QUIT (process shutdown).
    void clear();

private:
    struct Entry {
        uint64_t sequence = 0;  // order of first use, for stats()
        KeyStats stats;
        std::vector<std::unique_ptr<smtp::Session>> idle;  // most recently used last
        std::vector<std::unique_ptr<imap::Session>> imap_idle;  // most recently used last
    };
    Entry &entry(const std::string &key);
    // Returns the reason to drop session, or count_ when it may be reused.
    Discard check(const smtp::Session &session) const;
    Discard check(const imap::Session &session) const;

    Limits limits_;
    std::map<std::string, Entry> entries_;
    uint64_t next_sequence_ = 0;
};

}  // namespace mailbridge::pool

#endif

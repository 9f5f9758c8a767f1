#include "pool/pool.h"

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace mailbridge::pool {

namespace {

double seconds_since(net::Clock::time_point then)
{
    return std::chrono::duration<double>(net::Clock::now() - then).count();
}

void append_field(std::string &key, const std::string &value)
{
    key += std::to_string(value.size());
    key += ':';
    key += value;
    key += ';';
}

// The salt keeps the hash useless for guessing passwords offline should a
// key ever be exposed (in a core dump, say).
const std::string &process_salt()
{
    static std::string salt = [] {
        unsigned char bytes[32];
        if (RAND_bytes(bytes, sizeof(bytes)) != 1) {
            // Without randomness the hash is still one-way; only the salt's
            // protection against precomputed tables is lost.
            for (size_t i = 0; i < sizeof(bytes); ++i)
                bytes[i] = static_cast<unsigned char>(i * 131 + getpid());
        }
        return std::string(reinterpret_cast<char *>(bytes), sizeof(bytes));
    }();
    return salt;
}

std::string salted_hash(const Secret &secret)
{
    if (secret.empty())
        return {};
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    EVP_DigestInit_ex(context, EVP_sha256(), nullptr);
    EVP_DigestUpdate(context, process_salt().data(), process_salt().size());
    EVP_DigestUpdate(context, secret.reveal().data(), secret.reveal().size());
    EVP_DigestFinal_ex(context, digest, &length);
    EVP_MD_CTX_free(context);
    std::string hex;
    char byte[3];
    for (unsigned int i = 0; i < length; ++i) {
        std::snprintf(byte, sizeof(byte), "%02x", digest[i]);
        hex += byte;
    }
    return hex;
}

const char *security_name(smtp::Security security)
{
    switch (security) {
    case smtp::Security::tls: return "tls";
    case smtp::Security::starttls: return "starttls";
    case smtp::Security::none: return "none";
    }
    return "none";
}

const char *security_name(imap::Security security)
{
    switch (security) {
    case imap::Security::tls: return "tls";
    case imap::Security::starttls: return "starttls";
    case imap::Security::none: return "none";
    }
    return "none";
}

void append_tls_policy(std::string &key, const tls::Options &tls)
{
    append_field(key, tls.verify_peer ? "verify" : "no-verify");
    append_field(key, tls.verify_peer_name ? "verify-name" : "no-verify-name");
    append_field(key, tls.cafile);
    append_field(key, tls.capath);
    append_field(key, tls.peer_name);
    append_field(key, tls.fingerprint);
    append_field(key, tls.allow_self_signed ? "allow-self-signed" : "");
}

}  // namespace

const char *discard_name(Discard reason)
{
    switch (reason) {
    case Discard::idle_timeout: return "idle_timeout";
    case Discard::lifetime: return "lifetime";
    case Discard::max_messages: return "max_messages";
    case Discard::closed_by_server: return "closed_by_server";
    case Discard::probe_failed: return "probe_failed";
    case Discard::forked: return "forked";
    case Discard::pool_full: return "pool_full";
    case Discard::not_reusable: return "not_reusable";
    case Discard::count_: break;
    }
    return "unknown";
}

std::string make_key(const smtp::SessionConfig &config, pid_t pid)
{
    std::string key;
    append_field(key, "smtp");
    append_field(key, config.host);
    append_field(key, std::to_string(config.port));
    append_field(key, security_name(config.security));
    append_field(key, config.starttls_if_offered ? "starttls-if-offered" : "");
    append_tls_policy(key, config.tls);
    append_field(key, config.username);
    std::string mechanisms;
    for (const std::string &mechanism : config.mechanisms)
        mechanisms += mechanism + " ";
    append_field(key, mechanisms);
    append_field(key, config.allow_plaintext_auth ? "plaintext-auth" : "");
    append_field(key, salted_hash(config.password));
    append_field(key, salted_hash(config.oauth_token));
    append_field(key, config.client_name);
    append_field(key, std::to_string(pid));
    return key;
}

std::string describe(const smtp::SessionConfig &config)
{
    std::string label = config.username.empty() ? std::string() : config.username + "@";
    label += config.host + ":" + std::to_string(config.port) + " " + security_name(config.security);
    label += " as " + config.client_name;
    return label;
}

std::string make_key(const imap::SessionConfig &config, pid_t pid)
{
    std::string key;
    append_field(key, "imap");
    append_field(key, config.host);
    append_field(key, std::to_string(config.port));
    append_field(key, security_name(config.security));
    append_tls_policy(key, config.tls);
    append_field(key, config.username);
    append_field(key, config.mechanism);
    append_field(key, config.allow_plaintext_auth ? "plaintext-auth" : "");
    append_field(key, config.enable_utf8 ? "utf8" : "");
    append_field(key, salted_hash(config.password));
    append_field(key, salted_hash(config.oauth_token));
    append_field(key, std::to_string(pid));
    return key;
}

std::string describe(const imap::SessionConfig &config)
{
    std::string label = "imap ";
    if (!config.username.empty())
        label += config.username + "@";
    label += config.host + ":" + std::to_string(config.port) + " " + security_name(config.security);
    return label;
}

Pool::~Pool()
{
    clear();
}

Pool::Entry &Pool::entry(const std::string &key)
{
    auto [position, inserted] = entries_.try_emplace(key);
    if (inserted)
        position->second.sequence = next_sequence_++;
    return position->second;
}

Discard Pool::check(const smtp::Session &session) const
{
    if (session.owner_pid() != getpid())
        return Discard::forked;
    if (session.state() != smtp::Session::State::ready)
        return Discard::not_reusable;
    if (seconds_since(session.opened_at()) > limits_.max_lifetime)
        return Discard::lifetime;
    if (seconds_since(session.last_used()) > limits_.idle_timeout)
        return Discard::idle_timeout;
    if (limits_.max_messages > 0 && session.transactions() >= limits_.max_messages)
        return Discard::max_messages;
    return Discard::count_;
}

Discard Pool::check(const imap::Session &session) const
{
    if (session.owner_pid() != getpid())
        return Discard::forked;
    if (session.state() != imap::Session::State::ready || session.error())
        return Discard::not_reusable;
    if (seconds_since(session.opened_at()) > limits_.max_lifetime)
        return Discard::lifetime;
    if (seconds_since(session.last_used()) > limits_.idle_timeout)
        return Discard::idle_timeout;
    return Discard::count_;
}

std::unique_ptr<imap::Session> Pool::checkout_imap(const std::string &key)
{
    auto found = entries_.find(key);
    if (found == entries_.end())
        return nullptr;
    Entry &slot = found->second;
    while (!slot.imap_idle.empty()) {
        std::unique_ptr<imap::Session> session = std::move(slot.imap_idle.back());
        slot.imap_idle.pop_back();
        slot.stats.idle = slot.imap_idle.size();
        Discard reason = check(*session);
        if (reason == Discard::count_)
            return session;
        // No LOGOUT or TLS close_notify: after fork() the parent still
        // uses the socket.
        session->abandon();
        ++slot.stats.discarded[static_cast<size_t>(reason)];
    }
    return nullptr;
}

void Pool::checkin(const std::string &key, const std::string &label, std::unique_ptr<imap::Session> session)
{
    Entry &slot = entry(key);
    if (slot.stats.label.empty())
        slot.stats.label = label;
    session->set_log(nullptr);
    Discard reason = check(*session);
    if (reason == Discard::count_ && slot.imap_idle.size() >= limits_.max_idle_per_key)
        reason = Discard::pool_full;
    if (reason != Discard::count_) {
        session->abandon();
        ++slot.stats.discarded[static_cast<size_t>(reason)];
        return;
    }
    slot.imap_idle.push_back(std::move(session));
    slot.stats.idle = slot.imap_idle.size();
}

std::unique_ptr<smtp::Session> Pool::checkout(const std::string &key)
{
    auto found = entries_.find(key);
    if (found == entries_.end())
        return nullptr;
    Entry &slot = found->second;
    while (!slot.idle.empty()) {
        std::unique_ptr<smtp::Session> session = std::move(slot.idle.back());
        slot.idle.pop_back();
        slot.stats.idle = slot.idle.size();
        Discard reason = check(*session);
        if (reason == Discard::count_)
            return session;
        // A forked child must not send QUIT or a TLS close_notify on a
        // socket its parent still uses; abandon() only closes the descriptor.
        session->abandon();
        ++slot.stats.discarded[static_cast<size_t>(reason)];
    }
    return nullptr;
}

void Pool::checkin(const std::string &key, const std::string &label, std::unique_ptr<smtp::Session> session)
{
    Entry &slot = entry(key);
    if (slot.stats.label.empty())
        slot.stats.label = label;
    session->set_log(nullptr);
    Discard reason = check(*session);
    if (reason == Discard::count_ && slot.idle.size() >= limits_.max_idle_per_key)
        reason = Discard::pool_full;
    if (reason != Discard::count_) {
        session->abandon();
        ++slot.stats.discarded[static_cast<size_t>(reason)];
        return;
    }
    slot.idle.push_back(std::move(session));
    slot.stats.idle = slot.idle.size();
}

const smtp::Session *Pool::find_idle(const std::function<bool(const smtp::Session &)> &match) const
{
    for (const auto &[key, slot] : entries_) {
        for (auto session = slot.idle.rbegin(); session != slot.idle.rend(); ++session) {
            if (check(**session) == Discard::count_ && match(**session))
                return session->get();
        }
    }
    return nullptr;
}

void Pool::count_created(const std::string &key, const std::string &label)
{
    Entry &slot = entry(key);
    if (slot.stats.label.empty())
        slot.stats.label = label;
    ++slot.stats.created;
}

void Pool::count_reused(const std::string &key)
{
    ++entry(key).stats.reused;
}

void Pool::count_discard(const std::string &key, Discard reason)
{
    ++entry(key).stats.discarded[static_cast<size_t>(reason)];
}

std::vector<KeyStats> Pool::stats() const
{
    std::vector<const Entry *> ordered;
    for (const auto &[key, slot] : entries_)
        ordered.push_back(&slot);
    std::sort(ordered.begin(), ordered.end(),
              [](const Entry *a, const Entry *b) { return a->sequence < b->sequence; });
    std::vector<KeyStats> list;
    for (const Entry *slot : ordered)
        list.push_back(slot->stats);
    return list;
}

void Pool::clear()
{
    for (auto &[key, slot] : entries_) {
        for (auto &session : slot.idle)
            session->abandon();
        slot.idle.clear();
        for (auto &session : slot.imap_idle)
            session->abandon();
        slot.imap_idle.clear();
        slot.stats.idle = 0;
    }
}

}  // namespace mailbridge::pool

// A non-blocking TCP connection, optionally wrapped in TLS, and the
// connector that opens it: every resolved address (IPv4 and IPv6) is tried
// in turn, each with its own connect timeout.
#ifndef MAILBRIDGE_NET_STREAM_H
#define MAILBRIDGE_NET_STREAM_H

#include <sys/socket.h>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "tls/tls.h"

namespace mailbridge::net {

using Clock = std::chrono::steady_clock;

// Readiness an I/O call needs before it can make progress.
enum class Want { nothing, read, write };

struct IoResult {
    enum class Status { ok, would_block, eof, error } status = Status::ok;
    size_t bytes = 0;
    Want want = Want::nothing;  // with would_block: what to wait for
    std::string error;          // with error: what failed
};

struct ResolvedAddress {
    sockaddr_storage storage{};
    socklen_t length = 0;
    std::string text;  // "127.0.0.1:587" or "[::1]:587"
};

// Resolve host for TCP, both address families. Throws Error(connection,
// connect) naming the host when resolution fails.
std::vector<ResolvedAddress> resolve(const std::string &host, int port);

// A TCP socket in non-blocking mode with TCP_NODELAY set (without it a
// client that writes a command and waits stalls on delayed ACKs). Owns the
// descriptor and the TLS state layered on it.
class Stream {
public:
    Stream() = default;
    ~Stream();
    Stream(const Stream &) = delete;
    Stream &operator=(const Stream &) = delete;

    // Start a non-blocking connect to address. Returns false with error set
    // when it failed at once; otherwise wait for write readiness and call
    // finish_connect().
    bool start_connect(const ResolvedAddress &address, std::string &error);
    // Returns true when connected, false with error set when it failed.
    bool finish_connect(std::string &error);

    // Begin TLS on the connected socket; then call handshake() until done.
    void start_tls(std::unique_ptr<tls::Session> session);
    // Drive the handshake. Returns ok when complete, or would_block with the
    // readiness to wait for. On error, the result's error contains OpenSSL's reason.
    IoResult handshake();

    IoResult read(char *buffer, size_t capacity);
    IoResult write(const char *data, size_t length);

    // True when the TLS layer has decrypted bytes that were not read yet.
    bool has_buffered_input() const;
    bool is_tls() const { return tls_ != nullptr; }
    const tls::Session *tls() const { return tls_.get(); }
    int fd() const { return fd_; }
    bool is_open() const { return fd_ >= 0; }
    // Close without a TLS close_notify (after errors, or in a forked child).
    void close();
    // Send TLS close_notify when TLS is up (best effort), then close.
    void shutdown_and_close();

private:
    int fd_ = -1;
    std::unique_ptr<tls::Session> tls_;
};

}  // namespace mailbridge::net

#endif

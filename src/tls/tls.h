// TLS client over OpenSSL: peer verification on by default (system store or
// a CA file or directory), host name or IP address check, SNI, TLS 1.2 as
// the minimum, optional SHA-256 certificate pinning.
#ifndef MAILBRIDGE_TLS_TLS_H
#define MAILBRIDGE_TLS_TLS_H

#include <memory>
#include <string>

typedef struct ssl_st SSL;
typedef struct ssl_ctx_st SSL_CTX;

namespace mailbridge::tls {

struct Options {
    bool verify_peer = true;       // check the chain against the trust store
    bool verify_peer_name = true;  // check the host name or IP against the certificate
    std::string cafile;            // PEM file of trusted CAs; system store when both are empty
    std::string capath;            // hashed directory of trusted CAs
    std::string peer_name;         // name to verify and send as SNI; default: the host
    std::string fingerprint;       // SHA-256 of the leaf certificate, lowercase hex without colons
    bool allow_self_signed = false;  // accept a self-signed leaf certificate (the chain check only)
};

// Normalize a fingerprint given as hex with optional colons, any case.
// Returns an empty string when it is not 64 hex digits.
std::string normalize_fingerprint(const std::string &text);

// One TLS connection. Created per connection; owns its SSL and SSL_CTX.
class Session {
public:
    // Build the context and the SSL object for host. Throws Error(tls, ...)
    // when a CA file or directory cannot be loaded.
    Session(const Options &options, const std::string &host);
    ~Session();
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    SSL *ssl() const { return ssl_; }
    // After the handshake: check the pin. Returns an empty string when it
    // matches or none is set, else the reason.
    std::string check_pin() const;
    // Describe a failed handshake: the verification result when the chain
    // or name check failed, else OpenSSL's error queue.
    std::string describe_failure(const std::string &io_error) const;
    // True when the failure was a certificate verification failure.
    bool verification_failed() const;
    // Advice for a failed handshake, or an empty string. implicit is true
    // for TLS from the first byte (port 465 style).
    std::string failure_hint(const std::string &io_error, bool implicit) const;
    std::string protocol_and_cipher() const;

private:
    Options options_;
    std::string name_;
    SSL_CTX *ctx_ = nullptr;
    SSL *ssl_ = nullptr;
};

}  // namespace mailbridge::tls

#endif

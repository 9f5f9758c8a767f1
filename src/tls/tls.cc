#include "tls/tls.h"

#include <arpa/inet.h>
#include <sys/stat.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <cctype>
#include <cstdio>

#include "common/error.h"

#if OPENSSL_VERSION_NUMBER < 0x30000000L
#define SSL_get1_peer_certificate SSL_get_peer_certificate
#endif

namespace mailbridge::tls {

namespace {

// Verification callback for Options::allow_self_signed: a certificate that
// is its own issuer (OpenSSL's X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT) passes
// the chain check, as PHP's ssl stream option of that name does. Every other
// failure, including a host name mismatch, still fails.
int accept_self_signed(int preverified, X509_STORE_CTX *store)
{
    if (preverified == 1)
        return 1;
    return X509_STORE_CTX_get_error(store) == X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT ? 1 : 0;
}

bool is_ip_literal(const std::string &host)
{
    unsigned char buffer[sizeof(struct in6_addr)];
    return inet_pton(AF_INET, host.c_str(), buffer) == 1 || inet_pton(AF_INET6, host.c_str(), buffer) == 1;
}

std::string openssl_errors()
{
    std::string text;
    unsigned long code;
    while ((code = ERR_get_error()) != 0) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof(buffer));
        if (!text.empty())
            text += "; ";
        text += buffer;
    }
    return text;
}

[[noreturn]] void fail(const std::string &message)
{
    throw Error(ErrorKind::tls, Stage::tls, message);
}

std::string strip_brackets(const std::string &host)
{
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        return host.substr(1, host.size() - 2);
    return host;
}

}  // namespace

std::string normalize_fingerprint(const std::string &text)
{
    std::string hex;
    for (char c : text) {
        if (c == ':')
            continue;
        if (!std::isxdigit(static_cast<unsigned char>(c)))
            return {};
        hex += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return hex.size() == 64 ? hex : std::string();
}

Session::Session(const Options &options, const std::string &host)
    : options_(options), name_(strip_brackets(options.peer_name.empty() ? host : options.peer_name))
{
    ERR_clear_error();
    ctx_ = SSL_CTX_new(TLS_client_method());
    if (ctx_ == nullptr)
        fail("cannot create a TLS context: " + openssl_errors());
    SSL_CTX_set_min_proto_version(ctx_, TLS1_2_VERSION);
    SSL_CTX_set_mode(ctx_, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);

    // A pinned fingerprint names the one certificate to trust, so it takes
    // the place of chain and name verification, as for a self-signed local
    // relay. check_pin() enforces it after the handshake.
    bool verify_chain = options_.verify_peer && options_.fingerprint.empty();
    if (verify_chain) {
        struct stat info;
        if (!options_.capath.empty() && (stat(options_.capath.c_str(), &info) != 0 || !S_ISDIR(info.st_mode))) {
            SSL_CTX_free(ctx_);
            ctx_ = nullptr;
            Error error(ErrorKind::tls, Stage::tls, "the CA directory '" + options_.capath + "' does not exist");
            error.hint = "set 'tls' => ['capath' => ...] to a directory of hashed CA certificates, or use 'cafile'";
            throw error;
        }
        if (!options_.cafile.empty() || !options_.capath.empty()) {
            const char *file = options_.cafile.empty() ? nullptr : options_.cafile.c_str();
            const char *path = options_.capath.empty() ? nullptr : options_.capath.c_str();
            if (SSL_CTX_load_verify_locations(ctx_, file, path) != 1) {
                std::string where = file ? "CA file '" + options_.cafile + "'" : "CA directory '" + options_.capath + "'";
                std::string reason = openssl_errors();
                SSL_CTX_free(ctx_);
                ctx_ = nullptr;
                Error error(ErrorKind::tls, Stage::tls, "cannot load the " + where + ": " + reason);
                error.hint = "check the tls.cafile or tls.capath option: the file must exist and hold PEM certificates";
                throw error;
            }
        } else if (SSL_CTX_set_default_verify_paths(ctx_) != 1) {
            std::string reason = openssl_errors();
            SSL_CTX_free(ctx_);
            ctx_ = nullptr;
            fail("cannot load the system CA store: " + reason);
        }
        SSL_CTX_set_verify(ctx_, SSL_VERIFY_PEER, options_.allow_self_signed ? accept_self_signed : nullptr);
    } else {
        SSL_CTX_set_verify(ctx_, SSL_VERIFY_NONE, nullptr);
    }

    ssl_ = SSL_new(ctx_);
    if (ssl_ == nullptr) {
        SSL_CTX_free(ctx_);
        ctx_ = nullptr;
        fail("cannot create a TLS session: " + openssl_errors());
    }

    bool ip = is_ip_literal(name_);
    // RFC 6066 section 3 forbids IP literals in SNI, so SNI carries every
    // host name and nothing else.
    if (!ip && !name_.empty())
        SSL_set_tlsext_host_name(ssl_, name_.c_str());

    if (verify_chain && options_.verify_peer_name) {
        X509_VERIFY_PARAM *param = SSL_get0_param(ssl_);
        int ok = ip ? X509_VERIFY_PARAM_set1_ip_asc(param, name_.c_str())
                    : X509_VERIFY_PARAM_set1_host(param, name_.c_str(), 0);
        if (ok != 1) {
            SSL_free(ssl_);
            SSL_CTX_free(ctx_);
            ssl_ = nullptr;
            ctx_ = nullptr;
            fail("invalid TLS peer name '" + name_ + "'");
        }
        X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
    }
}

Session::~Session()
{
    if (ssl_ != nullptr)
        SSL_free(ssl_);
    if (ctx_ != nullptr)
        SSL_CTX_free(ctx_);
}

std::string Session::check_pin() const
{
    if (options_.fingerprint.empty())
        return {};
    X509 *cert = SSL_get1_peer_certificate(ssl_);
    if (cert == nullptr)
        return "the server sent no certificate to compare with the pinned fingerprint";
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    int ok = X509_digest(cert, EVP_sha256(), digest, &length);
    X509_free(cert);
    if (ok != 1)
        return "cannot compute the certificate fingerprint";
    std::string hex;
    char byte[3];
    for (unsigned int i = 0; i < length; ++i) {
        std::snprintf(byte, sizeof(byte), "%02x", digest[i]);
        hex += byte;
    }
    if (hex != options_.fingerprint)
        return "certificate fingerprint mismatch: the server presented SHA-256 " + hex;
    return {};
}

bool Session::verification_failed() const
{
    return options_.verify_peer && options_.fingerprint.empty() && ssl_ != nullptr && SSL_get_verify_result(ssl_) != X509_V_OK;
}

std::string Session::describe_failure(const std::string &io_error) const
{
    if (verification_failed()) {
        long result = SSL_get_verify_result(ssl_);
        std::string reason = X509_verify_cert_error_string(result);
        if (result == X509_V_ERR_HOSTNAME_MISMATCH || result == X509_V_ERR_IP_ADDRESS_MISMATCH)
            return "certificate verification failed: " + reason + " (expected '" + name_ + "')";
        return "certificate verification failed: " + reason;
    }
    return io_error.empty() ? std::string("TLS handshake failed") : "TLS handshake failed: " + io_error;
}

std::string Session::failure_hint(const std::string &io_error, bool implicit) const
{
    if (verification_failed()) {
        long result = SSL_get_verify_result(ssl_);
        if (result == X509_V_ERR_HOSTNAME_MISMATCH || result == X509_V_ERR_IP_ADDRESS_MISMATCH)
            return "the certificate does not name '" + name_ + "': connect with the name in the certificate, or set "
                   "'tls' => ['peer_name' => ...] to it";
        if (result == X509_V_ERR_CERT_HAS_EXPIRED || result == X509_V_ERR_CERT_NOT_YET_VALID)
            return "the server certificate is outside its validity period: check this machine's clock, or ask "
                   "the server's admin to renew it";
        return "the certificate is not signed by a trusted CA: set 'tls' => ['cafile' => ...] to the CA that "
               "signed it, or pin it with 'fingerprint'";
    }
    if (implicit && io_error.find("wrong version number") != std::string::npos)
        return "the server did not answer with TLS: this port expects STARTTLS (usually 587 or 25), so use "
               "'security' => 'starttls'";
    return {};
}

std::string Session::protocol_and_cipher() const
{
    if (ssl_ == nullptr)
        return {};
    return std::string(SSL_get_version(ssl_)) + " " + SSL_get_cipher_name(ssl_);
}

}  // namespace mailbridge::tls

#include "net/stream.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <string.h>
#include <unistd.h>

#include "common/error.h"

namespace mailbridge::net {

namespace {

std::string address_text(const sockaddr *address)
{
    char host[INET6_ADDRSTRLEN] = "";
    int port = 0;
    if (address->sa_family == AF_INET6) {
        auto *in6 = reinterpret_cast<const sockaddr_in6 *>(address);
        inet_ntop(AF_INET6, &in6->sin6_addr, host, sizeof(host));
        port = ntohs(in6->sin6_port);
        return "[" + std::string(host) + "]:" + std::to_string(port);
    }
    auto *in4 = reinterpret_cast<const sockaddr_in *>(address);
    inet_ntop(AF_INET, &in4->sin_addr, host, sizeof(host));
    port = ntohs(in4->sin_port);
    return std::string(host) + ":" + std::to_string(port);
}

std::string ssl_error_text()
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

// Translate the outcome of an SSL_read, SSL_write or SSL_do_handshake call.
IoResult ssl_result(SSL *ssl, int rc)
{
    IoResult result;
    if (rc > 0) {
        result.bytes = static_cast<size_t>(rc);
        return result;
    }
    int code = SSL_get_error(ssl, rc);
    switch (code) {
    case SSL_ERROR_WANT_READ:
        result.status = IoResult::Status::would_block;
        result.want = Want::read;
        return result;
    case SSL_ERROR_WANT_WRITE:
        result.status = IoResult::Status::would_block;
        result.want = Want::write;
        return result;
    case SSL_ERROR_ZERO_RETURN:
        result.status = IoResult::Status::eof;
        return result;
    case SSL_ERROR_SYSCALL: {
        int saved = errno;
        std::string queued = ssl_error_text();
        result.status = IoResult::Status::error;
        if (!queued.empty())
            result.error = queued;
        else if (rc == 0 || saved == 0)
            result.status = IoResult::Status::eof;
        else
            result.error = strerror(saved);
        return result;
    }
    default:
        result.status = IoResult::Status::error;
        result.error = ssl_error_text();
        if (result.error.empty())
            result.error = "TLS error " + std::to_string(code);
        return result;
    }
}

}  // namespace

std::vector<ResolvedAddress> resolve(const std::string &host, int port)
{
    std::string name = host;
    if (name.size() > 2 && name.front() == '[' && name.back() == ']')
        name = name.substr(1, name.size() - 2);

    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_protocol = IPPROTO_TCP;
    hints.ai_flags = AI_ADDRCONFIG;
    addrinfo *list = nullptr;
    std::string service = std::to_string(port);
    int rc = getaddrinfo(name.c_str(), service.c_str(), &hints, &list);
    if (rc == EAI_BADFLAGS || (rc != 0 && rc != EAI_NONAME && rc != EAI_AGAIN)) {
        hints.ai_flags = 0;
        rc = getaddrinfo(name.c_str(), service.c_str(), &hints, &list);
    }
    if (rc != 0) {
        Error error(ErrorKind::connection, Stage::connect,
                    "cannot resolve host '" + host + "': " + gai_strerror(rc));
        error.transient = (rc == EAI_AGAIN);
        error.hint = "check the host name and the DNS configuration of this machine";
        throw error;
    }

    std::vector<ResolvedAddress> addresses;
    for (addrinfo *entry = list; entry != nullptr; entry = entry->ai_next) {
        if (entry->ai_addrlen > sizeof(sockaddr_storage))
            continue;
        ResolvedAddress address;
        memcpy(&address.storage, entry->ai_addr, entry->ai_addrlen);
        address.length = entry->ai_addrlen;
        address.text = address_text(entry->ai_addr);
        addresses.push_back(address);
    }
    freeaddrinfo(list);
    return addresses;
}

Stream::~Stream()
{
    close();
}

bool Stream::start_connect(const ResolvedAddress &address, std::string &error)
{
    close();
    int family = reinterpret_cast<const sockaddr *>(&address.storage)->sa_family;
    fd_ = ::socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_TCP);
    if (fd_ < 0) {
        error = std::string("socket() failed: ") + strerror(errno);
        return false;
    }
    int one = 1;
    setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    int rc = ::connect(fd_, reinterpret_cast<const sockaddr *>(&address.storage), address.length);
    if (rc == 0 || errno == EINPROGRESS)
        return true;
    error = strerror(errno);
    close();
    return false;
}

bool Stream::finish_connect(std::string &error)
{
    int code = 0;
    socklen_t length = sizeof(code);
    if (getsockopt(fd_, SOL_SOCKET, SO_ERROR, &code, &length) != 0)
        code = errno;
    if (code != 0) {
        error = strerror(code);
        close();
        return false;
    }
    return true;
}

void Stream::start_tls(std::unique_ptr<tls::Session> session)
{
    tls_ = std::move(session);
    SSL_set_fd(tls_->ssl(), fd_);
    SSL_set_connect_state(tls_->ssl());
}

IoResult Stream::handshake()
{
    ERR_clear_error();
    int rc = SSL_do_handshake(tls_->ssl());
    if (rc == 1)
        return IoResult{};
    IoResult result = ssl_result(tls_->ssl(), rc);
    if (result.status == IoResult::Status::eof) {
        result.status = IoResult::Status::error;
        result.error = "the server closed the connection during the handshake";
    }
    return result;
}

IoResult Stream::read(char *buffer, size_t capacity)
{
    if (tls_) {
        ERR_clear_error();
        return ssl_result(tls_->ssl(), SSL_read(tls_->ssl(), buffer, static_cast<int>(capacity)));
    }
    IoResult result;
    ssize_t n = ::recv(fd_, buffer, capacity, 0);
    if (n > 0) {
        result.bytes = static_cast<size_t>(n);
    } else if (n == 0) {
        result.status = IoResult::Status::eof;
    } else if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
        result.status = IoResult::Status::would_block;
        result.want = Want::read;
    } else {
        result.status = IoResult::Status::error;
        result.error = strerror(errno);
    }
    return result;
}

IoResult Stream::write(const char *data, size_t length)
{
    if (tls_) {
        ERR_clear_error();
        return ssl_result(tls_->ssl(), SSL_write(tls_->ssl(), data, static_cast<int>(length)));
    }
    IoResult result;
    ssize_t n = ::send(fd_, data, length, MSG_NOSIGNAL);
    if (n >= 0) {
        result.bytes = static_cast<size_t>(n);
    } else if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
        result.status = IoResult::Status::would_block;
        result.want = Want::write;
    } else {
        result.status = IoResult::Status::error;
        result.error = strerror(errno);
    }
    return result;
}

bool Stream::has_buffered_input() const
{
    return tls_ && SSL_pending(tls_->ssl()) > 0;
}

void Stream::close()
{
    tls_.reset();
    if (fd_ >= 0) {
        ::close(fd_);
        fd_ = -1;
    }
}

void Stream::shutdown_and_close()
{
    if (tls_ && fd_ >= 0) {
        ERR_clear_error();
        SSL_shutdown(tls_->ssl());
    }
    close();
}

}  // namespace mailbridge::net

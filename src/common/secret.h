// A string holding a password or token. Its bytes are wiped with
// OPENSSL_cleanse when it is destroyed or replaced, and it has no stream
// operator, so it cannot be logged by accident.
#ifndef MAILBRIDGE_COMMON_SECRET_H
#define MAILBRIDGE_COMMON_SECRET_H

#include <openssl/crypto.h>

#include <string>
#include <string_view>
#include <utility>

namespace mailbridge {

class Secret {
public:
    Secret() = default;
    explicit Secret(std::string_view value) : value_(value) {}
    Secret(const Secret &other) : value_(other.value_) {}
    Secret &operator=(const Secret &other)
    {
        if (this != &other) {
            wipe();
            value_ = other.value_;
        }
        return *this;
    }
    ~Secret() { wipe(); }

    const std::string &reveal() const { return value_; }
    bool empty() const { return value_.empty(); }
    size_t size() const { return value_.size(); }

private:
    void wipe()
    {
        if (!value_.empty())
            OPENSSL_cleanse(&value_[0], value_.size());
        value_.clear();
    }

    std::string value_;
};

// Wipe a temporary string that held secret material.
inline void wipe_string(std::string &text)
{
    if (!text.empty())
        OPENSSL_cleanse(&text[0], text.size());
    text.clear();
}

}  // namespace mailbridge

#endif

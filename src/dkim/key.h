// The private key of a DKIM signer and the two signing algorithms that
// RFC 8301 and RFC 8463 allow: rsa-sha256 and ed25519-sha256.
#ifndef MAILBRIDGE_DKIM_KEY_H
#define MAILBRIDGE_DKIM_KEY_H

#include <memory>
#include <string>
#include <string_view>

#include "common/secret.h"

struct evp_pkey_st;

namespace mailbridge::dkim {

enum class Algorithm { rsa_sha256, ed25519_sha256 };

// The a= tag value: "rsa-sha256" or "ed25519-sha256".
const char *algorithm_name(Algorithm algorithm);

class PrivateKey {
public:
    // Load a PEM private key (PKCS#8, encrypted PKCS#8 or traditional RSA)
    // and check that it suits the algorithm. Throws mime::InvalidInput when
    // the text contains no PEM private key, the passphrase is missing or wrong,
    // the key type does not match, or an RSA key has fewer than 1024 bits
    // (RFC 8301 section 3.2). Messages name the cause but never key material
    // or the passphrase.
    PrivateKey(const Secret &pem, const Secret &passphrase, Algorithm algorithm);
    ~PrivateKey();
    PrivateKey(const PrivateKey &) = delete;
    PrivateKey &operator=(const PrivateKey &) = delete;

    // Sign data, which is the canonicalized header fields followed by the
    // DKIM-Signature field with an empty b= value. rsa-sha256 is RSASSA-PKCS1-v1_5
    // over the SHA-256 of data. ed25519-sha256 is PureEdDSA over the 32-byte
    // SHA-256 of data (RFC 8463 section 3). Returns the raw signature bytes.
    // Throws std::runtime_error when OpenSSL fails.
    std::string sign(std::string_view data) const;

    Algorithm algorithm() const { return algorithm_; }
    // Key size in bits, from OpenSSL (2048 for a 2048-bit RSA key, 253 for Ed25519).
    int bits() const;

private:
    evp_pkey_st *key_ = nullptr;
    Algorithm algorithm_;
};

}  // namespace mailbridge::dkim

#endif

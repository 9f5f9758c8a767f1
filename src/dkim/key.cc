#include "dkim/key.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <cstring>
#include <stdexcept>

#include "mime/address.h"

namespace mailbridge::dkim {

namespace {

// RFC 8301 section 3.2: signers MUST use RSA keys of at least 1024 bits.
constexpr int kMinRsaBits = 1024;
// A PEM RSA key of 4096 bits is about 3.3 KB, so even a 16384-bit key stays
// far below this, and larger text is not a key.
constexpr size_t kMaxPemSize = size_t{1} << 20;

struct PassphraseRequest {
    const Secret *passphrase;
    bool requested = false;
    bool too_long = false;
};

// pem_password_cb: copy the passphrase into the buffer that OpenSSL passes.
// Returning 0 for an empty passphrase makes the load fail, where OpenSSL's
// default callback would prompt on the terminal.
int copy_passphrase(char *buffer, int size, int /*rwflag*/, void *user_data)
{
    auto *request = static_cast<PassphraseRequest *>(user_data);
    request->requested = true;
    const std::string &text = request->passphrase->reveal();
    if (text.size() > static_cast<size_t>(size)) {
        request->too_long = true;
        return -1;
    }
    std::memcpy(buffer, text.data(), text.size());
    return static_cast<int>(text.size());
}

const char *key_type_name(int type)
{
    switch (type) {
    case EVP_PKEY_RSA: return "RSA";
    case EVP_PKEY_RSA_PSS: return "RSA-PSS";
    case EVP_PKEY_EC: return "EC";
    case EVP_PKEY_ED25519: return "Ed25519";
    case EVP_PKEY_ED448: return "Ed448";
    case EVP_PKEY_DSA: return "DSA";
    case EVP_PKEY_X25519: return "X25519";
    default: return "unsupported";
    }
}

[[noreturn]] void reject_key(const std::string &reason)
{
    // The queue contains OpenSSL's reasons for the failed load. They are not
    // reported, and must not be left for the next TLS call to find.
    ERR_clear_error();
    throw mime::InvalidInput("invalid DKIM private key: " + reason);
}

}  // namespace

const char *algorithm_name(Algorithm algorithm)
{
    return algorithm == Algorithm::ed25519_sha256 ? "ed25519-sha256" : "rsa-sha256";
}

PrivateKey::PrivateKey(const Secret &pem, const Secret &passphrase, Algorithm algorithm) : algorithm_(algorithm)
{
    const std::string &text = pem.reveal();
    if (text.empty())
        reject_key("the key is empty");
    if (text.size() > kMaxPemSize)
        reject_key("the key text is longer than " + std::to_string(kMaxPemSize) + " bytes");
    // A read-only memory BIO reads text in place, so no copy of the key is made here.
    BIO *bio = BIO_new_mem_buf(text.data(), static_cast<int>(text.size()));
    if (bio == nullptr)
        throw std::runtime_error("cannot load the DKIM private key: out of memory");
    PassphraseRequest request{&passphrase};
    key_ = PEM_read_bio_PrivateKey(bio, nullptr, copy_passphrase, &request);
    BIO_free(bio);

    if (key_ == nullptr) {
        if (request.too_long)
            reject_key("the passphrase is too long for OpenSSL");
        if (request.requested && passphrase.empty())
            reject_key("the key is encrypted and no passphrase was given");
        if (request.requested)
            reject_key("the key cannot be decrypted: the passphrase is wrong or the key is damaged");
        if (text.find("-----BEGIN") == std::string::npos)
            reject_key("the key is not PEM text; expected a block starting with \"-----BEGIN PRIVATE KEY-----\"");
        reject_key("the PEM text contains no valid private key (a public key or certificate is not enough)");
    }
    ERR_clear_error();

    int type = EVP_PKEY_base_id(key_);
    int wanted = algorithm == Algorithm::ed25519_sha256 ? EVP_PKEY_ED25519 : EVP_PKEY_RSA;
    if (type != wanted) {
        std::string found = key_type_name(type);
        EVP_PKEY_free(key_);
        key_ = nullptr;
        reject_key("the key is of type " + found + ", but algorithm " + algorithm_name(algorithm) + " needs " +
                   (wanted == EVP_PKEY_RSA ? "an RSA key" : "an Ed25519 key"));
    }
    if (type == EVP_PKEY_RSA && EVP_PKEY_bits(key_) < kMinRsaBits) {
        int bits = EVP_PKEY_bits(key_);
        EVP_PKEY_free(key_);
        key_ = nullptr;
        reject_key("the RSA key has " + std::to_string(bits) + " bits; DKIM needs at least " +
                   std::to_string(kMinRsaBits) + " (2048 recommended)");
    }
}

PrivateKey::~PrivateKey()
{
    EVP_PKEY_free(key_);
}

int PrivateKey::bits() const
{
    return EVP_PKEY_bits(key_);
}

std::string PrivateKey::sign(std::string_view data) const
{
    // Ed25519 signs the SHA-256 hash of the data, not the data itself
    // (RFC 8463 section 3), so the hash is computed first and EdDSA runs
    // without a digest. RSA hashes the data inside EVP_DigestSign.
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digest_size = 0;
    const unsigned char *input = reinterpret_cast<const unsigned char *>(data.data());
    size_t input_size = data.size();
    const EVP_MD *md = EVP_sha256();
    if (algorithm_ == Algorithm::ed25519_sha256) {
        if (EVP_Digest(data.data(), data.size(), digest, &digest_size, EVP_sha256(), nullptr) != 1)
            throw std::runtime_error("DKIM signing failed: SHA-256 is not available");
        input = digest;
        input_size = digest_size;
        md = nullptr;
    }

    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    size_t signature_size = 0;
    if (!context || EVP_DigestSignInit(context.get(), nullptr, md, nullptr, key_) != 1 ||
        EVP_DigestSign(context.get(), nullptr, &signature_size, input, input_size) != 1) {
        ERR_clear_error();
        throw std::runtime_error(std::string("DKIM signing failed: OpenSSL cannot create a ") +
                                 algorithm_name(algorithm_) + " signature");
    }
    std::string signature(signature_size, '\0');
    if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(&signature[0]), &signature_size, input,
                       input_size) != 1) {
        ERR_clear_error();
        throw std::runtime_error(std::string("DKIM signing failed: OpenSSL cannot create a ") +
                                 algorithm_name(algorithm_) + " signature");
    }
    signature.resize(signature_size);
    return signature;
}

}  // namespace mailbridge::dkim

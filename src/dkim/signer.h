// DKIM signing (RFC 6376) with rsa-sha256 and ed25519-sha256 (RFC 8463).
// A Signer checks its options and loads its key once, then signs any number
// of messages. Each message is read once, in chunks: the header block is
// kept in memory and the body only passes through the body hash.
#ifndef MAILBRIDGE_DKIM_SIGNER_H
#define MAILBRIDGE_DKIM_SIGNER_H

#include <ctime>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/byte_source.h"
#include "common/secret.h"
#include "dkim/canonicalization.h"
#include "dkim/key.h"

namespace mailbridge::dkim {

struct Options {
    std::string domain;    // d=, the signing domain. An IDN is converted to A-labels.
    std::string selector;  // s=. The key is published at <selector>._domainkey.<domain>.
    Secret private_key;    // PEM text
    Secret passphrase;     // for an encrypted PEM key, or empty
    std::string algorithm = "rsa-sha256";  // or "ed25519-sha256"
    // Names of the header fields to sign, or empty for default_headers().
    // Each present instance of a listed field is signed. From is required.
    std::vector<std::string> headers;
    std::string header_canonicalization = "relaxed";  // or "simple"
    std::string body_canonicalization = "relaxed";    // or "simple"
    // i=: "user@domain" or "@domain", where domain is the signing domain or
    // one of its subdomains. Empty leaves i= out.
    std::string identity;
    // Seconds from t= to x=, or 0 to leave x= out.
    long expiration_seconds = 0;
    // t= in seconds since the epoch, or 0 for the clock at each sign() call.
    std::time_t timestamp = 0;
};

// From, To, Cc, Subject, Date, Message-ID, MIME-Version, Content-Type,
// Reply-To, In-Reply-To, References, List-Unsubscribe, List-Unsubscribe-Post,
// List-Id and Auto-Submitted.
const std::vector<std::string> &default_headers();

class Signer {
public:
    // Throws mime::InvalidInput when an option is invalid: the domain,
    // selector, algorithm, a header name, a canonicalization, the identity
    // or a negative expiration, or a key that cannot be loaded or does not
    // suit the algorithm (see PrivateKey). No message contains key material
    // or the passphrase.
    explicit Signer(Options options);
    ~Signer();
    Signer(const Signer &) = delete;
    Signer &operator=(const Signer &) = delete;

    // Read the whole message and return the folded "DKIM-Signature: ...\r\n"
    // field to put in front of it. Bare CR and LF count as CRLF, as the SMTP
    // layer sends them, and a message that does not end with a line end is
    // signed as if it did. A message without an empty line is all header
    // block, so it is held in memory whole. Throws mime::InvalidInput when the message has no
    // From field, whatever message.read() throws, and std::runtime_error
    // when OpenSSL fails.
    std::string sign(ByteSource &message) const;

    const std::string &domain() const { return domain_; }
    const std::string &selector() const { return selector_; }
    const char *algorithm() const { return algorithm_name(key_->algorithm()); }
    // "relaxed/relaxed", "simple/simple", "relaxed/simple" or "simple/relaxed".
    std::string canonicalization() const;
    // Lowercase field names, in the order they are looked up.
    const std::vector<std::string> &headers() const { return headers_; }
    // i= as given by the caller, or empty.
    const std::string &identity() const { return identity_; }
    long expiration_seconds() const { return expiration_seconds_; }

private:
    std::string domain_;
    std::string selector_;
    std::unique_ptr<PrivateKey> key_;
    std::vector<std::string> headers_;
    Canonicalization header_method_ = Canonicalization::relaxed;
    Canonicalization body_method_ = Canonicalization::relaxed;
    std::string identity_;
    std::string identity_tag_value_;  // identity_ in DKIM quoted-printable
    long expiration_seconds_ = 0;
    std::time_t timestamp_ = 0;
};

// Sign one message with several signers, such as an RSA and an Ed25519 one.
// Each signer reads its own source from open(), and all of them sign the
// original message, not each other's DKIM-Signature fields. Returns the
// fields in signer order, concatenated, to put in front of the message.
std::string sign_all(const std::vector<const Signer *> &signers,
                     std::function<std::unique_ptr<ByteSource>()> open);

}  // namespace mailbridge::dkim

#endif

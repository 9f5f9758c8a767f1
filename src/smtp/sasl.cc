#include "smtp/sasl.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "common/base64.h"
#include "common/error.h"

namespace mailbridge::smtp {

namespace {

// Encode a buffer that contains a secret, then overwrite the buffer. Callers
// reserve its full size first, because a reallocation while appending would
// leave a copy of the secret in freed memory.
std::string encode_and_wipe(std::string &secret)
{
    std::string encoded = base64_encode(secret);
    OPENSSL_cleanse(secret.data(), secret.size());
    return encoded;
}

}  // namespace

std::string sasl_plain(std::string_view user, std::string_view password)
{
    std::string message;
    message.reserve(user.size() + password.size() + 2);
    message += '\0';
    message += user;
    message += '\0';
    message += password;
    return encode_and_wipe(message);
}

std::string sasl_xoauth2(std::string_view user, std::string_view token)
{
    static constexpr std::string_view user_prefix = "user=";
    static constexpr std::string_view token_prefix = "\x01" "auth=Bearer ";
    static constexpr std::string_view suffix = "\x01\x01";

    std::string message;
    message.reserve(user_prefix.size() + user.size() + token_prefix.size() + token.size() + suffix.size());
    message += user_prefix;
    message += user;
    message += token_prefix;
    message += token;
    message += suffix;
    return encode_and_wipe(message);
}

std::optional<std::string> sasl_cram_md5(std::string_view user, std::string_view password,
                                         std::string_view challenge_base64)
{
    std::optional<std::string> challenge = base64_decode(challenge_base64);
    if (!challenge)
        return std::nullopt;

    // An empty password may have a null data(), and HMAC_Init_ex() in OpenSSL
    // 1.1 fails on a null key when it sets up a new context.
    static const unsigned char empty_key[1] = {0};
    const void *key = password.empty() ? empty_key : static_cast<const void *>(password.data());

    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digest_length = 0;
    const unsigned char *result =
        HMAC(EVP_md5(), key, static_cast<int>(password.size()),
             reinterpret_cast<const unsigned char *>(challenge->data()), challenge->size(), digest, &digest_length);
    if (result == nullptr) {
        OPENSSL_cleanse(digest, sizeof digest);
        throw Error(ErrorKind::authentication, Stage::auth,
                    "CRAM-MD5 failed: OpenSSL could not compute HMAC-MD5 (MD5 may be disabled by the FIPS "
                    "provider); use another AUTH mechanism");
    }

    static const char hex_digits[] = "0123456789abcdef";
    std::string response;
    response.reserve(user.size() + 1 + 2 * digest_length);
    response += user;
    response += ' ';
    for (unsigned int i = 0; i < digest_length; ++i) {
        response += hex_digits[digest[i] >> 4];
        response += hex_digits[digest[i] & 0x0f];
    }
    OPENSSL_cleanse(digest, sizeof digest);
    return encode_and_wipe(response);
}

}  // namespace mailbridge::smtp

// Base64 (RFC 4648) through OpenSSL's EVP encode functions.
#ifndef MAILBRIDGE_COMMON_BASE64_H
#define MAILBRIDGE_COMMON_BASE64_H

#include <optional>
#include <string>
#include <string_view>

namespace mailbridge {

// Encode without line breaks.
std::string base64_encode(std::string_view data);
// Decode; returns nullopt on invalid input. Whitespace is not accepted.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace mailbridge

#endif

// SASL client responses for SMTP AUTH (RFC 4954): PLAIN (RFC 4616), LOGIN
// (draft-murchison-sasl-login), CRAM-MD5 (RFC 2195) and XOAUTH2 (Google's and
// Microsoft's bearer-token mechanism). Responses are returned base64-encoded,
// ready to go on the wire; the caller wipes them after use.
#ifndef MAILBRIDGE_SMTP_SASL_H
#define MAILBRIDGE_SMTP_SASL_H

#include <optional>
#include <string>
#include <string_view>

namespace mailbridge::smtp {

// base64("\0" user "\0" password); the password bytes are used exactly as given.
std::string sasl_plain(std::string_view user, std::string_view password);
// base64("user=" user "\x01auth=Bearer " token "\x01\x01").
std::string sasl_xoauth2(std::string_view user, std::string_view token);
// Given the base64 challenge from the 334 reply, returns
// base64(user " " hex(HMAC-MD5(password, challenge))), or nullopt when the
// challenge is not valid base64. Throws Error (ErrorKind::authentication) when
// OpenSSL cannot compute HMAC-MD5, e.g. with only the FIPS provider loaded.
std::optional<std::string> sasl_cram_md5(std::string_view user, std::string_view password,
                                         std::string_view challenge_base64);

}  // namespace mailbridge::smtp

#endif

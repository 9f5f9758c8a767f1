// Known causes of common SMTP failures, turned into advice for the admin.
#ifndef MAILBRIDGE_SMTP_HINTS_H
#define MAILBRIDGE_SMTP_HINTS_H

#include <string>

#include "common/error.h"

namespace mailbridge::smtp {

// Return advice for a server reply at a stage, or an empty string when no
// common cause is known.
std::string reply_hint(Stage stage, int code, const std::string &enhanced_status, const std::string &text);

// Advice for a connection that was refused or timed out.
extern const char *const connect_hint;

// The error text when AUTH is refused because the connection has no TLS.
extern const char *const plaintext_auth_refused;

// Advice for a server that offers no AUTH. Over TLS the port itself does not
// take AUTH (Postfix on port 25, for one); without TLS many servers offer
// AUTH only after STARTTLS.
extern const char *const no_auth_over_tls_hint;
extern const char *const no_auth_without_tls_hint;

}  // namespace mailbridge::smtp

#endif

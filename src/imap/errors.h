// Mapping of IMAP NO, BAD and BYE responses to Error, with hints for the
// response codes of RFC 5530 and RFC 3501 whose common cause is known.
#ifndef MAILBRIDGE_IMAP_ERRORS_H
#define MAILBRIDGE_IMAP_ERRORS_H

#include <string>

#include "common/error.h"
#include "imap/response.h"

namespace mailbridge::imap {

// Build the error for a failed command. command is the verb ("UID FETCH").
// The kind is authentication at Stage::auth, connection for BYE and
// server_reply otherwise. The message, server_text and response code carry
// the server's text censored of control characters.
Error response_error(Stage stage, const std::string &command, const Response &response);

// Advice for a failed response at a stage, or an empty string.
std::string response_hint(Stage stage, const Response &response);

}  // namespace mailbridge::imap

#endif

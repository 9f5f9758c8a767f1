// Debug output targets of PHPMailer's SMTP::edebug(), for
// MailBridge\SmtpConnection.
#ifndef MAILBRIDGE_PHP_DEBUG_OUTPUT_H
#define MAILBRIDGE_PHP_DEBUG_OUTPUT_H

#include "php/php_mailbridge.h"

#include <string>

namespace mailbridge::php {

// Deliver one debug line as PHPMailer's SMTP::edebug() does: a PSR-3
// logger gets debug($str), a callable other than the three names gets
// ($str, $level), else "error_log", "html" or "echo" (also the fallback for
// any other value). Returns false when userland code threw. Calls userland
// code, so no C++ object with a destructor may be live in the callers.
bool deliver_debug_line(zval *output, const std::string &text, int level);

// PHP's trim(): strips spaces, tabs, CR, LF, NUL and vertical tabs.
std::string php_trim(const std::string &text);

}  // namespace mailbridge::php

#endif

// Shared parts of MailBridge\Mailer's glue: the object layout, property
// access and the helpers that mailer.cc (properties, addresses, files,
// composition) and mailer_send.cc (send flow, SMTP, debug output) both use.
#ifndef MAILBRIDGE_PHP_MAILER_H
#define MAILBRIDGE_PHP_MAILER_H

#include "php/php_mailbridge.h"

#include <memory>
#include <string>
#include <vector>

namespace mailbridge {
class Error;
}
namespace mailbridge::smtp {
class Client;
}

namespace mailbridge::php {

extern zend_class_entry *mailer_ce;

// PHPMailer's exception codes: STOP_CONTINUE when the message went to
// some recipients, STOP_CRITICAL when it was not sent.
constexpr zend_long kStopContinue = 1;
constexpr zend_long kStopCritical = 2;
extern zend_class_entry *mailer_exception_ce;

// The last SMTP failure, in the four fields that PHPMailer's
// SMTP::getError() returns and setError() appends to ErrorInfo.
// The four fields stay empty when no server reply caused the failure, so
// setError() adds " SMTP server error: ..." only after a server reply.
struct SmtpErrorInfo {
    std::string error;   // what failed, e.g. "MAIL FROM command failed"
    std::string detail;  // the server's text, without reply codes
    std::string code;    // reply code, or empty
    std::string code_ex; // enhanced status code, or empty
    std::string reason;  // a failure on this side (TLS, refused AUTH), without a server reply
    std::string hint;    // advice for that failure in the Mailer's property names, or empty
};

struct MailerState {
    // The session between calls. Without SMTPKeepAlive it goes back to the
    // pool after each send; with it, at smtpClose() or when the object dies.
    std::unique_ptr<smtp::Client> client;
    // Fixed per message by preSend(), so createHeader() and createBody()
    // return the bytes that were sent.
    std::string unique_id;
    std::string date;
    SmtpErrorInfo smtp_error;
    long error_count = 0;
    std::vector<std::string> log_lines;  // transcript lines not yet passed to Debugoutput
};

struct MailerObject {
    MailerState *state;
    zend_object std;
};

MailerObject *mailer_from(zend_object *object);

// Property access in the Mailer's scope, so protected properties work too.
zval *mailer_property(zend_object *object, const char *name);
std::string string_property(zend_object *object, const char *name);
bool bool_property(zend_object *object, const char *name);
zend_long long_property(zend_object *object, const char *name);
void write_string_property(zend_object *object, const char *name, const std::string &value);

// Call a method by name through normal dispatch, so a subclass override
// runs. Returns false when it threw (the exception stays pending).
bool call_method(zend_object *object, const char *name, zval *result, uint32_t count = 0, zval *arguments = nullptr);

// Report a failure as PHPMailer does: $this->setError($message), then throw
// when $this->exceptions is true. Returns false when setError() threw.
bool raise_error(zend_object *object, const std::string &message, zend_long code);
// Throw the mailer exception (PHPMailer\PHPMailer\Exception when loaded).
void throw_mailer_exception(const std::string &message, zend_long code);
// True for an exception object that the mailer throws.
bool is_mailer_exception(zend_object *exception);

// Compose from the properties into MIMEHeader and MIMEBody (preSend), or
// return the header or body alone (createHeader, createBody). Returns
// false with an error raised or a PHP exception pending.
bool compose_message(zend_object *object, std::string &header, std::string &body, std::string &error);

// Make the next composition use a new unique id (boundaries, Message-ID) and date.
void start_new_message(zend_object *object);

// Send the transcript lines collected so far to Debugoutput, filtered by SMTPDebug.
void flush_debug(zend_object *object);
// Send one line of PHPMailer's own debug output at level (1 to 4).
void debug_line(zend_object *object, const std::string &line, int level);

// The name for EHLO and Message-IDs: Hostname when set, else the
// machine's fully qualified name, else localhost.localdomain.
std::string server_hostname(zend_object *object);

}  // namespace mailbridge::php

#endif

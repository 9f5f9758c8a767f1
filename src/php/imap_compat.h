// Declarations shared by the Zend glue of MailBridge\Compat\ImapHandler:
// the builders of ext/imap's stdClass objects.
#ifndef MAILBRIDGE_PHP_IMAP_COMPAT_H
#define MAILBRIDGE_PHP_IMAP_COMPAT_H

#include "php/php_mailbridge.h"

#include <string>
#include <string_view>
#include <vector>

#include "imap/results.h"
#include "mimeparse/address_list.h"
#include "mimeparse/ext_imap.h"

namespace mailbridge::imapcompat {
struct MessageData;
}

namespace mailbridge::php::compat {

std::vector<mimeparse::Address> to_addresses(const std::vector<imap::Address> &list);
// The envelope of a fetched message in the form imap_rfc822_parse_headers() uses.
mimeparse::ext_imap::Envelope to_envelope(const imapcompat::MessageData &message);
// Add date, Date, subject, ... sender to an object, as ext/imap orders them.
void add_envelope_properties(zval *object, const mimeparse::ext_imap::Envelope &envelope);

void make_header_info(zval *out, const imapcompat::MessageData &message, long from_length, long subject_length);
void make_rfc822_headers(zval *out, const mimeparse::ext_imap::Envelope &envelope);
void make_overview(zval *out, const imapcompat::MessageData &message);
// imap_fetchstructure() with parts, imap_bodystruct() without.
void make_structure(zval *out, const imap::BodyStructure &body, bool with_parts);
void make_status(zval *out, const imap::MailboxStatus &status, long options);
void make_mailbox_entry(zval *out, const imap::MailboxInfo &info, const std::string &prefix);

}  // namespace mailbridge::php::compat

#endif

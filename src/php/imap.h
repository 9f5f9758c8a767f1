// Declarations shared by the Zend glue of MailBridge\ImapClient: the class
// entries, the ImapSearch object layout, and the functions that turn the
// IMAP core's typed results into PHP objects.
#ifndef MAILBRIDGE_PHP_IMAP_H
#define MAILBRIDGE_PHP_IMAP_H

#include "php/php_mailbridge.h"

#include <optional>
#include <string>
#include <vector>

#include "imap/client.h"
#include "imap/command.h"
#include "imap/results.h"

namespace mailbridge::php {

extern zend_class_entry *imap_client_ce;
extern zend_class_entry *imap_search_ce;
extern zend_class_entry *mailbox_ce;
extern zend_class_entry *mailbox_status_ce;
extern zend_class_entry *mailbox_info_ce;
extern zend_class_entry *imap_message_ce;
extern zend_class_entry *mime_part_ce;
extern zend_class_entry *imap_event_ce;

// Constructor options after reading, before the defaults that depend on
// other options are applied by check_options().
struct ImapOptions {
    imap::SessionConfig config;
    bool port_set = false;
    bool connect_timeout_set = false;
    double total_timeout = 0;
    bool persistent = false;  // take and park the session in the per-process pool
    zval *logger = nullptr;
};

// Read one option. Returns false with a TypeError or ValueError thrown,
// also for an unknown option.
bool read_option(const std::string &name, zval *entry, ImapOptions &options);
// Apply the defaults (port from security, connect_timeout from timeout)
// and check the options together. Returns false with a ValueError thrown.
bool check_options(ImapOptions &options);
const char *security_name(imap::Security security);

// Install the object handlers of the registered ImapSearch class.
void init_imap_search_class(zend_class_entry *ce);

// Read a list of UIDs, each from 1 to 4294967295, for argument number
// argument. Returns false with a TypeError or ValueError thrown.
bool read_uid_list(HashTable *table, uint32_t argument, std::vector<uint32_t> &uids);

struct ImapSearchObject {
    imap::SearchQuery *query;
    zend_object std;
};

inline ImapSearchObject *imap_search_from(zend_object *object)
{
    return reinterpret_cast<ImapSearchObject *>(reinterpret_cast<char *>(object) - XtOffsetOf(ImapSearchObject, std));
}

// Builders of the result objects. Each writes a new object to out.
void make_mailbox(zval *out, const imap::MailboxInfo &mailbox);
void make_mailbox_status(zval *out, const imap::MailboxStatus &status);
void make_mailbox_info(zval *out, const imap::SelectedMailbox &mailbox);
// sections maps each fetched section specifier to the bytes to return.
// structure is left null unless with_structure is set, because fetch()
// may request BODYSTRUCTURE only to decode sections.
// date_template starts as IS_UNDEF and is kept across the messages of one
// call, so that internalDate objects are cloned instead of parsed. The
// caller releases it with zval_ptr_dtor().
void make_imap_message(zval *out, const imap::FetchedMessage &message, bool with_structure,
                       const std::vector<std::pair<std::string, std::string>> &sections, zval *date_template);
// Interns the keys of envelope arrays. Called once at module startup.
void register_imap_result_keys();
// Returns false for responses that are not EXISTS, EXPUNGE, FETCH or RECENT.
bool make_imap_event(zval *out, const imap::Response &response);

}  // namespace mailbridge::php

#endif

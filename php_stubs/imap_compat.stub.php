<?php

/** @generate-class-entries */

namespace MailBridge\Compat;

/**
 * One ext/imap-style IMAP connection with the 42 methods of SuiteCRM's
 * ImapHandlerInterface and the return values, objects, warnings and error
 * log of PHP 8.2's ext/imap (imap_open() and the functions that take its
 * connection). Mailbox strings use c-client's syntax
 * ("{host:993/imap/ssl}INBOX"); with OP_XOAUTH2 the password is an OAuth2
 * bearer token. Unlike ext/imap, methods that read never set \Seen, and
 * credentials are never sent without TLS.
 *
 * Options: cafile and capath (string) set the trust store for TLS, which
 * is the system store by default. timeout (int) sets the seconds for each
 * of open, read and write, by default the ini setting default_socket_timeout.
 *
 * @strict-properties
 * @not-serializable
 */
final class ImapHandler
{
    /** @var int */
    public const NIL = 0;
    /** @var int */
    public const OP_DEBUG = 1;
    /** @var int */
    public const OP_READONLY = 2;
    /** @var int */
    public const OP_ANONYMOUS = 4;
    /** @var int */
    public const OP_SHORTCACHE = 8;
    /** @var int */
    public const OP_SILENT = 16;
    /** @var int */
    public const OP_PROTOTYPE = 32;
    /** @var int */
    public const OP_HALFOPEN = 64;
    /** @var int */
    public const OP_EXPUNGE = 128;
    /** @var int */
    public const OP_SECURE = 256;
    /** @var int */
    public const OP_XOAUTH2 = 512;
    /** @var int */
    public const CL_EXPUNGE = 32768;
    /** @var int */
    public const FT_UID = 1;
    /** @var int */
    public const FT_PEEK = 2;
    /** @var int */
    public const FT_NOT = 4;
    /** @var int */
    public const FT_INTERNAL = 8;
    /** @var int */
    public const FT_PREFETCHTEXT = 32;
    /** @var int */
    public const ST_UID = 1;
    /** @var int */
    public const ST_SILENT = 2;
    /** @var int */
    public const ST_SET = 4;
    /** @var int */
    public const CP_UID = 1;
    /** @var int */
    public const CP_MOVE = 2;
    /** @var int */
    public const SE_UID = 1;
    /** @var int */
    public const SE_FREE = 2;
    /** @var int */
    public const SE_NOPREFETCH = 4;
    /** @var int */
    public const SO_FREE = 8;
    /** @var int */
    public const SO_NOSERVER = 8;
    /** @var int */
    public const SA_MESSAGES = 1;
    /** @var int */
    public const SA_RECENT = 2;
    /** @var int */
    public const SA_UNSEEN = 4;
    /** @var int */
    public const SA_UIDNEXT = 8;
    /** @var int */
    public const SA_UIDVALIDITY = 16;
    /** @var int */
    public const SA_ALL = 31;
    /** @var int */
    public const LATT_NOINFERIORS = 1;
    /** @var int */
    public const LATT_NOSELECT = 2;
    /** @var int */
    public const LATT_MARKED = 4;
    /** @var int */
    public const LATT_UNMARKED = 8;
    /** @var int */
    public const LATT_REFERRAL = 16;
    /** @var int */
    public const LATT_HASCHILDREN = 32;
    /** @var int */
    public const LATT_HASNOCHILDREN = 64;
    /** @var int */
    public const SORTDATE = 0;
    /** @var int */
    public const SORTARRIVAL = 1;
    /** @var int */
    public const SORTFROM = 2;
    /** @var int */
    public const SORTSUBJECT = 3;
    /** @var int */
    public const SORTTO = 4;
    /** @var int */
    public const SORTCC = 5;
    /** @var int */
    public const SORTSIZE = 6;
    /** @var int */
    public const TYPETEXT = 0;
    /** @var int */
    public const TYPEMULTIPART = 1;
    /** @var int */
    public const TYPEMESSAGE = 2;
    /** @var int */
    public const TYPEAPPLICATION = 3;
    /** @var int */
    public const TYPEAUDIO = 4;
    /** @var int */
    public const TYPEIMAGE = 5;
    /** @var int */
    public const TYPEVIDEO = 6;
    /** @var int */
    public const TYPEMODEL = 7;
    /** @var int */
    public const TYPEOTHER = 8;
    /** @var int */
    public const ENC7BIT = 0;
    /** @var int */
    public const ENC8BIT = 1;
    /** @var int */
    public const ENCBINARY = 2;
    /** @var int */
    public const ENCBASE64 = 3;
    /** @var int */
    public const ENCQUOTEDPRINTABLE = 4;
    /** @var int */
    public const ENCOTHER = 5;
    /** @var int */
    public const IMAP_OPENTIMEOUT = 1;
    /** @var int */
    public const IMAP_READTIMEOUT = 2;
    /** @var int */
    public const IMAP_WRITETIMEOUT = 3;
    /** @var int */
    public const IMAP_CLOSETIMEOUT = 4;
    /** @var int */
    public const IMAP_GC_ELT = 1;
    /** @var int */
    public const IMAP_GC_ENV = 2;
    /** @var int */
    public const IMAP_GC_TEXTS = 4;

    public function __construct(array $options = []) {}

    /** True: the handler needs no other extension. */
    public function isAvailable(): bool {}

    /** True when $stream is this handler and it has an open connection. */
    public function isValidStream(mixed $stream): bool {}

    public function getLastError(): string|false {}

    /** @return list<string>|false */
    public function getErrors(): array|false {}

    /** @return list<string>|false */
    public function getAlerts(): array|false {}

    /** Returns $this on success, false with the reason in getErrors(). */
    public function open(string $mailbox, string $username, #[\SensitiveParameter] string $password, int $options = 0,
                         int $n_retries = 0, ?array $params = null): ImapHandler|false {}

    public function close(int $flags = 0): bool {}

    public function ping(): bool {}

    public function reopen(string $mailbox, int $options = 0, int $n_retries = 0): bool {}

    public function getConnection(): ?ImapHandler {}

    public function setTimeout(int $timeout_type, int $timeout = -1): int|bool {}

    public function getMailboxes(string $ref, string $pattern): array|false {}

    public function sort(int $criteria, bool $reverse, int $options = 0, ?string $search_criteria = null,
                         ?string $charset = null): array|false {}

    public function getMessageNo(int $uid): int {}

    public function getHeaderInfo(int $msg_number, int $fromlength = 0, int $subjectlength = 0,
                                  ?string $defaulthost = null): \stdClass|false {}

    public function fetchHeader(int $msg_number, int $options = 0): string|false {}

    public function append(string $mailbox, string $message, ?string $options = null,
                           ?string $internal_date = null): bool {}

    public function getUid(int $msg_number): int|false {}

    public function expunge(): bool {}

    public function renameMailbox(string $old_mbox, string $new_mbox): bool {}

    public function getNumberOfMessages(): int|false {}

    public function fetchOverview(string $sequence, int $options = 0): array {}

    public function fetchStructure(int $msg_number, int $options = 0): \stdClass|false {}

    public function getBody(int $msg_number, int $options = 0): string|false {}

    public function search(string $criteria, int $options = ImapHandler::SE_FREE, ?string $charset = null): array|false {}

    public function delete(string $msg_number, int $options = 0): bool {}

    public function clearFlagFull(string $sequence, string $flag, int $options = 0): bool {}

    public function setFlagFull(string $sequence, string $flag, int $options = 0): bool {}

    public function unsubscribe(string $mailbox): bool {}

    /** Decodes modified UTF-7, as SuiteCRM's ImapHandler::utf7Encode() does with imap_utf7_decode(). */
    public function utf7Encode(string $data): string|false {}

    public function deleteMailbox(string $mailbox): bool {}

    public function createMailbox(string $mailbox): bool {}

    public function subscribe(string $mailbox): bool {}

    public function getStatus(string $mailbox, int $options): \stdClass|false {}

    public function utf8(string $mime_encoded_text): string {}

    public function fetchBody(int $msg_number, string $section, int $options = 0): string|false {}

    public function mimeHeaderDecode(string $text): array|false {}

    public function rfc822ParseHeaders(string $headers, string $defaulthost = "UNKNOWN"): \stdClass {}

    public function check(): \stdClass|false {}

    public function mailCopy(string $msglist, string $mailbox, int $options = 0): bool {}

    public function mailMove(string $msglist, string $mailbox, int $options = 0): bool {}

    /**
     * Returns one page of a mailbox listing as arrays of fetchOverview()
     * fields, plus has_attachment when $columns has that key. Sets
     * $mailboxInfo['Nmsgs'] to the number of messages that match.
     */
    public function getMessageList(?string $filterCriteria, int $sortCriteria, int $sortOrder, int|string $offset,
                                   int $pageSize, array &$mailboxInfo, array $columns, string $auth_type): array {}

    /** ext/imap's imap_fetchmime(): the MIME header of a part. */
    public function fetchMime(int $msg_number, string $section, int $options = 0): string|false {}
}

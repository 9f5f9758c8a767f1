<?php

/** @generate-class-entries */

namespace MailBridge;

/**
 * An IMAP client session (RFC 3501, RFC 9051). Options:
 *   host (string, required),
 *   port (int; default 993 for 'tls', 143 for 'starttls' and 'none'),
 *   security ('tls' | 'starttls' | 'none'; default 'tls'),
 *   username (string, required), password or oauth_token (XOAUTH2 bearer token), one of them required,
 *   auth_mechanism ('PLAIN' | 'LOGIN' | 'XOAUTH2'; default XOAUTH2 with a token, else PLAIN when
 *        offered, else LOGIN; only one mechanism is tried),
 *   allow_plaintext_auth (bool, default false: credentials only over TLS),
 *   timeout (float seconds without progress before a command fails, default 30),
 *   connect_timeout (float seconds for each address tried, TLS handshake included; default timeout),
 *   total_timeout (float seconds for a whole method call, default 0: no limit; idle() sends DONE and IDLE
 *        again after half of it, so there it bounds each IDLE command),
 *   persistent (bool, default false: take an idle session from the per-process pool on connect, and
 *        park the session there instead of sending LOGOUT on close(), logout() or destruction),
 *   logger (callable(string $line): void receiving the transcript, credentials redacted),
 *   tls (array: verify_peer (bool, default true), verify_peer_name (bool, default true),
 *        cafile, capath, peer_name, fingerprint (SHA-256 of the certificate, hex; when set it
 *        replaces chain and name verification: only that certificate is accepted)).
 * Mailbox names are UTF-8 strings. The client connects on the first method
 * that needs the server. Methods that read messages never set \Seen.
 *
 * @strict-properties
 * @not-serializable
 */
final class ImapClient
{
    public function __construct(#[\SensitiveParameter] array $options) {}

    /** Connect, secure the connection and log in, if not connected yet. */
    public function connect(): void {}

    public function isConnected(): bool {}

    /**
     * Capabilities of the server after login, upper-cased ("IMAP4REV1", "IDLE", "AUTH=PLAIN").
     *
     * @return list<string>
     */
    public function capabilities(): array {}

    /**
     * Send LIST. "*" matches any part of a name, "%" any part without the hierarchy delimiter.
     *
     * @return list<Mailbox>
     */
    public function listMailboxes(string $pattern = "*", string $reference = ""): array {}

    /** Send STATUS for MESSAGES, RECENT, UNSEEN, UIDNEXT and UIDVALIDITY. */
    public function status(string $mailbox): MailboxStatus {}

    /** Select a mailbox for reading and writing. */
    public function select(string $mailbox): MailboxInfo {}

    /** Select a mailbox read-only (EXAMINE). */
    public function examine(string $mailbox): MailboxInfo {}

    /**
     * Send UID SEARCH in the selected mailbox. Null searches for ALL.
     *
     * @return list<int> UIDs in ascending order
     */
    public function search(?ImapSearch $criteria = null): array {}

    /**
     * Fetch messages by UID with BODY.PEEK, so no \Seen flag is set. $items
     * contains any of "flags", "internalDate", "size", "envelope" and
     * "structure". $sections are section specifiers such as "" (the whole
     * message), "HEADER", "TEXT", "1.2" or "2.MIME". With $decode, a
     * section that is a single body part comes back with its base64 or
     * quoted-printable transfer encoding removed, and a text part is
     * converted from its charset to UTF-8. Other sections stay raw.
     * Messages that no longer exist are left out.
     *
     * @param array $items list of strings
     * @param array $sections list of strings
     * @return list<ImapMessage> in ascending UID order
     */
    public function fetch(int|array $uids, array $items = ["flags", "internalDate", "size", "envelope", "structure"],
                          array $sections = [], bool $decode = false): array {}

    /**
     * Write one section of a message to $stream as it arrives, without
     * keeping it in memory. $decode works as for fetch(): the transfer
     * encoding of a body part is removed and a text part is converted to
     * UTF-8. Returns the number of bytes written.
     *
     * @param resource $stream
     */
    public function streamSection(int $uid, string $section, $stream, bool $decode = false): int {}

    /**
     * Add flags ("\Seen", "\Flagged", "$Label1") to messages.
     *
     * @param array $flags list of strings
     */
    public function setFlags(int|array $uids, array $flags): void {}

    /**
     * Remove flags from messages.
     *
     * @param array $flags list of strings
     */
    public function clearFlags(int|array $uids, array $flags): void {}

    /**
     * Copy messages to another mailbox. Returns the new UIDs keyed by the
     * source UIDs when the server has UIDPLUS, else null.
     *
     * @return array<int, int>|null
     */
    public function copy(int|array $uids, string $mailbox): ?array {}

    /**
     * Move messages with MOVE, or with UID COPY, UID STORE and UID EXPUNGE
     * when the server lacks MOVE but has UIDPLUS. Returns the new UIDs as
     * copy() does.
     *
     * @return array<int, int>|null
     */
    public function move(int|array $uids, string $mailbox): ?array {}

    /**
     * Remove messages flagged \Deleted: all of them with EXPUNGE, or only
     * those in $uids with UID EXPUNGE (needs UIDPLUS). Returns the number of
     * messages removed.
     *
     */
    public function expunge(int|array|null $uids = null): int {}

    /**
     * Store a message in a mailbox. Returns its UID when the server has
     * UIDPLUS, else null.
     *
     * @param array $flags list of strings
     */
    public function append(string $mailbox, Message|string $message, array $flags = [],
                           ?\DateTimeInterface $internalDate = null): ?int {}

    public function createMailbox(string $mailbox): void {}

    public function renameMailbox(string $from, string $to): void {}

    public function deleteMailbox(string $mailbox): void {}

    public function subscribe(string $mailbox): void {}

    public function unsubscribe(string $mailbox): void {}

    public function noop(): void {}

    /**
     * Wait in IDLE for changes to the selected mailbox and call $onEvent
     * with an ImapEvent for each EXISTS, EXPUNGE, FETCH or RECENT response.
     * Stops when $onEvent returns false or after $timeout seconds. The
     * callback runs between IDLE commands, so it may call this client.
     * Returns the number of events delivered.
     */
    public function idle(callable $onEvent, float $timeout): int {}

    /** Send LOGOUT and close the connection, if one is open. */
    public function logout(): void {}

    /** Same as logout(), named like SmtpTransport::close(). */
    public function close(): void {}
}

/**
 * Search criteria for ImapClient::search(). Each method adds a key, and
 * all keys must match. Every string goes to the server quoted or as a
 * literal, and CHARSET UTF-8 is sent only when a string is not ASCII.
 *
 * @strict-properties
 * @not-serializable
 */
final class ImapSearch
{
    public function __construct() {}

    /** A key without argument: ANSWERED, DELETED, DRAFT, FLAGGED, NEW, OLD, RECENT, SEEN, UNANSWERED,
     *  UNDELETED, UNDRAFT, UNFLAGGED or UNSEEN, in any case. */
    public function flag(string $key): static {}

    public function from(string $value): static {}

    public function to(string $value): static {}

    public function cc(string $value): static {}

    public function bcc(string $value): static {}

    public function subject(string $value): static {}

    public function body(string $value): static {}

    /** Match the header and the body. */
    public function text(string $value): static {}

    public function header(string $name, string $value): static {}

    /** KEYWORD, or UNKEYWORD when $present is false. */
    public function keyword(string $keyword, bool $present = true): static {}

    /** Internal date on or after the day of $date, in the time zone of $date. */
    public function since(\DateTimeInterface $date): static {}

    /** Internal date before the day of $date. */
    public function before(\DateTimeInterface $date): static {}

    /** Internal date on the day of $date. */
    public function on(\DateTimeInterface $date): static {}

    public function sentSince(\DateTimeInterface $date): static {}

    public function sentBefore(\DateTimeInterface $date): static {}

    public function sentOn(\DateTimeInterface $date): static {}

    /** Messages larger than $octets. */
    public function larger(int $octets): static {}

    /** Messages smaller than $octets. */
    public function smaller(int $octets): static {}

    /** @param array $uids list of UIDs */
    public function uids(array $uids): static {}

    /** Either query matches. */
    public function anyOf(ImapSearch $first, ImapSearch $second): static {}

    /** The query does not match. */
    public function not(ImapSearch $query): static {}
}

/**
 * One LIST entry.
 *
 * @strict-properties
 * @not-serializable
 */
final class Mailbox
{
    /** UTF-8 name, decoded from modified UTF-7 unless the server uses UTF8=ACCEPT. */
    public readonly string $name;
    /** Hierarchy delimiter, or null for a flat namespace. */
    public readonly ?string $delimiter;
    /** @var list<string> attributes as sent, such as "\HasNoChildren" or "\Sent" */
    public readonly array $attributes;

    private function __construct() {}
}

/**
 * STATUS data. A value is null when the server did not send it.
 *
 * @strict-properties
 * @not-serializable
 */
final class MailboxStatus
{
    public readonly string $name;
    public readonly ?int $messages;
    public readonly ?int $recent;
    public readonly ?int $unseen;
    public readonly ?int $uidNext;
    public readonly ?int $uidValidity;

    private function __construct() {}
}

/**
 * The mailbox state that SELECT or EXAMINE returned.
 *
 * @strict-properties
 * @not-serializable
 */
final class MailboxInfo
{
    public readonly string $name;
    public readonly int $exists;
    public readonly int $recent;
    /** 0 when the server sent none. */
    public readonly int $uidValidity;
    /** 0 when the server sent none. */
    public readonly int $uidNext;
    /** Sequence number of the first unseen message, or null. */
    public readonly ?int $firstUnseen;
    /** @var list<string> */
    public readonly array $flags;
    /** @var list<string> flags the client can store permanently; "\*" allows new keywords */
    public readonly array $permanentFlags;
    public readonly bool $readOnly;

    private function __construct() {}
}

/**
 * One fetched message. Items that were not requested are null.
 *
 * @strict-properties
 * @not-serializable
 */
final class ImapMessage
{
    public readonly int $uid;
    /** Sequence number at the time of the fetch. */
    public readonly int $sequence;
    /** @var list<string>|null */
    public readonly ?array $flags;
    public readonly ?\DateTimeImmutable $internalDate;
    /** RFC822.SIZE in octets. */
    public readonly ?int $size;
    /**
     * date, subject, inReplyTo and messageId as sent (encoded words are not
     * decoded), and from, sender, replyTo, to, cc and bcc as lists of
     * addresses, each ["name" => ?string, "mailbox" => ?string, "host" =>
     * ?string, "address" => ?string].
     *
     * @var array<string, mixed>|null
     */
    public readonly ?array $envelope;
    public readonly ?MimePart $structure;
    /** @var array<string, string> section specifier => bytes */
    public readonly array $sections;

    private function __construct() {}
}

/**
 * One node of a message's BODYSTRUCTURE. Strings are as the server sent
 * them, except that type and subtype are lower-case and parameter names are
 * lower-case keys.
 *
 * @strict-properties
 * @not-serializable
 */
final class MimePart
{
    /** "text", "multipart", "image", "application", ... */
    public readonly string $type;
    public readonly string $subtype;
    /** @var array<string, string> */
    public readonly array $parameters;
    /** Content-ID including the angle brackets, or null. */
    public readonly ?string $id;
    public readonly ?string $description;
    /** Content-Transfer-Encoding as sent, such as "base64"; null for multipart. */
    public readonly ?string $encoding;
    /** Octets of the encoded body. */
    public readonly int $size;
    /** Lines of text/* and message/rfc822 bodies, else null. */
    public readonly ?int $lines;
    /** "inline", "attachment", ... or null. */
    public readonly ?string $disposition;
    /** @var array<string, string> */
    public readonly array $dispositionParameters;
    /** @var list<string> */
    public readonly array $language;
    public readonly ?string $location;
    /**
     * File name in UTF-8 from the disposition's filename parameter, else the type's name parameter,
     * with RFC 2231 and RFC 2047 encoding removed, or null. Path components are kept: strip them
     * before using it as a local file name.
     */
    public readonly ?string $filename;
    /** @var list<MimePart> */
    public readonly array $parts;
    /** Section specifier of this part for fetch() and streamSection(); "" for a multipart message itself. */
    public readonly string $partNumber;

    private function __construct() {}
}

/**
 * A change reported during IDLE.
 *
 * @strict-properties
 * @not-serializable
 */
final class ImapEvent
{
    /** "EXISTS", "EXPUNGE", "FETCH" or "RECENT". */
    public readonly string $type;
    /** The message count for EXISTS and RECENT, the sequence number for EXPUNGE and FETCH. */
    public readonly int $number;
    /** FETCH only, when the server sent it. */
    public readonly ?int $uid;
    /** @var list<string>|null FETCH only, when the server sent it */
    public readonly ?array $flags;

    private function __construct() {}
}

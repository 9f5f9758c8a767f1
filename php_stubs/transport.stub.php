<?php

/** @generate-class-entries */

namespace MailBridge;

/**
 * An SMTP client session. Options:
 *   host (string or list of strings, required): one host, or failover hosts as a list or as
 *        "a.example;b.example:2525" (PHPMailer's syntax), each with an optional ":port",
 *   port (int; default 465 for 'tls', 587 for 'starttls', 25 for 'none'),
 *   host_order ('failover' | 'round_robin', default 'failover': how sendMany() spreads connections),
 *   host_retry_period (float seconds a host that failed to connect, failed TLS or sent 421 is
 *        skipped, default 60),
 *   max_per_second (float, default 0: no limit; also limits send() on this transport),
 *   security ('tls' | 'starttls' | 'none'; default 'starttls'),
 *   username, password, oauth_token (XOAUTH2 bearer token),
 *   auth_mechanisms (list of 'PLAIN', 'LOGIN', 'CRAM-MD5', 'XOAUTH2' in order of preference),
 *   allow_plaintext_auth (bool, default false: credentials only over TLS),
 *   client_name (EHLO name; default the machine's host name),
 *   timeout (float seconds per operation, default 30), connect_timeout (float, default timeout),
 *   data_timeout (float seconds to wait for the reply to the final dot, default 600),
 *   total_timeout (float seconds for a whole send() call, default 0: no limit),
 *   logger (callable(string $line): void receiving the transcript, secrets redacted),
 *   persistent (bool, default true: an idle session outlives the request in the process's pool),
 *   dkim (DkimSigner or list of DkimSigner: every message sent is signed, one signature each),
 *   tls (array: verify_peer (bool, default true), verify_peer_name (bool, default true),
 *        cafile, capath, peer_name, fingerprint (SHA-256 of the certificate, hex; when set it
 *        replaces chain and name verification: only that certificate is accepted)).
 *
 * @strict-properties
 * @not-serializable
 */
final class SmtpTransport
{
    public function __construct(#[\SensitiveParameter] array $options) {}

    /**
     * Send a Message, or raw message bytes with an Envelope. Connects on first
     * use and keeps the session for later calls.
     *
     * @throws TransportException
     */
    public function send(Message|string $message, ?Envelope $envelope = null): SendResult {}

    /**
     * Send many messages over several connections at once, pulling them
     * from $messages as connections become free, so a generator of any
     * length is never held in memory. Each element is a Message or a
     * [string $raw, Envelope $envelope] pair. Returns one SendResult per
     * element, in input order, whose status is 'sent', 'rejected',
     * 'deferred' or 'unknown'; failures do not throw.
     * Options: concurrency (int, default 4), max_per_second (float),
     * max_messages_per_connection (int, default 100), max_attempts (int,
     * default 3), on_result (callable(SendResult $result, int $index): void,
     * called as each message finishes), keep_results (bool, default true;
     * with false the results are only passed to on_result and the method
     * returns counts by status, ['sent' => n, 'rejected' => n, 'deferred'
     * => n, 'unknown' => n], so memory stays flat for any number of messages).
     *
     * @return list<SendResult>|array<string, int>
     */
    public function sendMany(iterable $messages, array $options = []): array {}

    /** Send QUIT and close the connection, if one is open. */
    public function close(): void {}

    public function isConnected(): bool {}
}

/**
 * Outcome of one message. From send() the status is always 'sent': at least
 * one recipient was accepted and the server answered 2xx to the final dot.
 * From sendMany() it may also be 'rejected' (permanent failure), 'deferred'
 * (transient failure after the allowed attempts) or 'unknown' (the
 * connection was lost after the final dot: it may have been delivered).
 *
 * @strict-properties
 * @not-serializable
 */
final class SendResult
{
    /** 'sent', 'rejected', 'deferred' or 'unknown'. */
    public readonly string $status;
    /** Exception that explains why the message was not sent, or null when it was sent. */
    public readonly ?TransportException $error;
    /** Transactions started for this message. */
    public readonly int $attempts;
    /** Message-ID without angle brackets; empty when a raw message has none. */
    public readonly string $messageId;
    /** @var list<string> accepted recipient addresses */
    public readonly array $accepted;
    /** @var array<string, RecipientStatus> rejected recipients by address */
    public readonly array $rejected;
    /** Reply code to the final dot. */
    public readonly int $replyCode;
    /** Text of the reply to the final dot. */
    public readonly string $reply;
    /** Queue id from the final reply ("queued as ABC123"), or null. */
    public readonly ?string $queueId;

    private function __construct() {}
}

/**
 * The server's reply to one RCPT TO.
 *
 * @strict-properties
 * @not-serializable
 */
final class RecipientStatus
{
    public readonly string $address;
    public readonly int $code;
    public readonly ?string $enhancedStatus;
    public readonly string $text;

    private function __construct() {}
}

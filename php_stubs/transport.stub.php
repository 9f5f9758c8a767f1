<?php

/** @generate-class-entries */

namespace MailBridge;

/**
 * An SMTP client session. Options:
 *   host (string, required), port (int; default 465 for 'tls', 587 for 'starttls', 25 for 'none'),
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

    /** Send QUIT and close the connection, if one is open. */
    public function close(): void {}

    public function isConnected(): bool {}
}

/**
 * Outcome of one send(): at least one recipient was accepted and the server
 * answered 2xx to the final dot.
 *
 * @strict-properties
 * @not-serializable
 */
final class SendResult
{
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

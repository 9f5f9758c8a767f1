<?php

/** @generate-class-entries */

namespace MailBridge;

/**
 * Marker interface implemented by every exception that mailbridge throws for
 * an operational failure. Invalid arguments raise \ValueError or \TypeError.
 */
interface Exception extends \Throwable
{
}

/**
 * Base class of transport failures: the stage, the server reply and a hint.
 *
 * @strict-properties
 * @not-serializable
 */
class TransportException extends \RuntimeException implements Exception
{
    private string $stage = "none";
    private int $replyCode = 0;
    private ?string $enhancedStatus = null;
    private ?string $serverText = null;
    private ?string $command = null;
    private ?string $hint = null;
    private bool $transient = false;
    private ?string $responseStatus = null;
    private ?string $responseCode = null;

    /**
     * Stage that failed. SMTP: connect, tls, ehlo, auth, mail, rcpt, data, after-dot, rset or quit.
     * IMAP: connect, tls, greeting, capability, auth, select, list, status, search, fetch, store,
     * copy, expunge, append, mailbox, idle, noop or logout.
     */
    public function getStage(): string {}

    /** SMTP reply code, or 0 when no reply was received. Always 0 for IMAP. */
    public function getReplyCode(): int {}

    /** Enhanced status code such as "5.7.8" (RFC 3463), or null when absent. */
    public function getEnhancedStatus(): ?string {}

    /** Return all reply lines joined with "\n", control characters replaced, or null. */
    public function getServerText(): ?string {}

    /** Verb of the command that failed, such as "RCPT", or null. */
    public function getCommand(): ?string {}

    /** Likely cause and fix, or null when none is known. */
    public function getHint(): ?string {}

    /** True when retrying later may succeed (4xx replies, timeouts, refused connections). */
    public function isTransient(): bool {}

    /** IMAP only: "NO", "BAD" or "BYE" when the server rejected the command, else null. */
    public function getResponseStatus(): ?string {}

    /**
     * IMAP only: the response code of the rejection with its arguments, such as
     * "AUTHENTICATIONFAILED" or "BADCHARSET (US-ASCII)", or null when there was none.
     */
    public function getResponseCode(): ?string {}
}

/** DNS failure, refused or unreachable host, timeout, or a dropped connection. */
class ConnectionException extends TransportException
{
}

/** TLS handshake, certificate verification, pinning or STARTTLS failure. */
class TlsException extends TransportException
{
}

/** The server rejected the credentials, or offers no usable mechanism. */
class AuthenticationException extends TransportException
{
}

/** The server sent an unexpected reply to a command. */
class ServerReplyException extends TransportException
{
}

/** The server does not support an extension that the message needs (SMTPUTF8). */
class UnsupportedException extends TransportException
{
}

/** The server sent a malformed or oversized reply. */
class ProtocolException extends TransportException
{
}

/**
 * The connection was lost or timed out after the final dot: the message may
 * have been delivered. Do not resend automatically.
 */
class UnknownOutcomeException extends TransportException
{
}

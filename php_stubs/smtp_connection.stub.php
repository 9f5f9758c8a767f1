<?php

/** @generate-class-entries */

namespace MailBridge;

/**
 * One SMTP connection driven command by command, with the methods, return
 * values, error arrays and debug output of PHPMailer 6.6.3's SMTP class,
 * on the mailbridge core and its per-process pool. Methods return false on
 * a rejected command and store the reason for getError(); they do not throw.
 *
 * Differences from PHPMailer: credentials are never sent without TLS unless
 * setAllowPlaintextAuth(true) was called. AUTH payloads are never written
 * to the debug output at any level. quit() after a clean transaction
 * returns the connection to the pool, and a later connect() with the same
 * endpoint, TLS options, EHLO name and credentials takes it back without
 * round trips.
 *
 * @strict-properties
 * @not-serializable
 */
final class SmtpConnection
{
    public function __construct() {}

    /**
     * Connect and read the greeting. $host may start with "ssl://" for TLS
     * from the first byte. $options is a stream context array: the "ssl"
     * keys verify_peer, verify_peer_name, allow_self_signed, cafile, capath
     * and peer_name are applied, other keys are ignored. Returns false when
     * the connection or the greeting failed.
     */
    public function connect(string $host, ?int $port = null, int|float $timeout = 30, array $options = []): bool {}

    /** Send EHLO $host, or HELO when EHLO is rejected with a code other than 421. */
    public function hello(string $host = ''): bool {}

    /** Send STARTTLS and run the TLS handshake; call hello() again afterwards. */
    public function startTLS(): bool {}

    /**
     * Authenticate with $authtype (CRAM-MD5, LOGIN, PLAIN or XOAUTH2) when
     * the server offers it, else with the first offered of those four, in
     * that order. Exactly one mechanism is tried. For XOAUTH2, $OAuth is an
     * object whose getOauth64() returns the base64 initial response.
     */
    public function authenticate(
        string $username,
        #[\SensitiveParameter] string $password,
        ?string $authtype = null,
        ?object $OAuth = null
    ): bool {}

    public function mail(string $from): bool {}

    /** Send RCPT TO; $dsn is a comma-separated list of NEVER, SUCCESS, FAILURE and DELAY. */
    public function recipient(string $address, string $dsn = ''): bool {}

    /** Send DATA, the message and the final dot; true only when the final dot got 250. */
    public function data(string $msg_data): bool {}

    public function reset(): bool {}

    public function noop(): bool {}

    /**
     * End the session: after a clean transaction the connection goes back to
     * the pool when pooling is enabled, else QUIT is sent and the connection
     * closed. Returns true unless QUIT got a reply other than 221.
     */
    public function quit(bool $close_on_error = true): bool {}

    /** Close the connection without QUIT. */
    public function close(): void {}

    public function connected(): bool {}

    /** @return array{error: string, detail: string, smtp_code: string|int, smtp_code_ex: string|null} */
    public function getError(): array {}

    public function getLastReply(): string {}

    public function getServerExt(string $name): string|bool|array|null {}

    public function getServerExtList(): ?array {}

    public function getLastTransactionID(): string|bool|null {}

    public function setDebugLevel(int $level = 0): void {}

    public function getDebugLevel(): int {}

    /** @param string|callable $method "echo", "html", "error_log", or a callable receiving ($str, $level) */
    public function setDebugOutput(mixed $method = 'echo'): void {}

    public function getDebugOutput(): mixed {}

    /** Set the seconds to wait for each reply; the final dot waits twice as long. */
    public function setTimeout(int|float $timeout = 0): void {}

    public function getTimeout(): int|float {}

    public function setVerp(bool $enabled = false): void {}

    public function getVerp(): bool {}

    public function setSMTPUTF8(bool $enabled = false): void {}

    public function getSMTPUTF8(): bool {}

    /** Allow AUTH over a connection without TLS (off by default, also for loopback). */
    public function setAllowPlaintextAuth(bool $allow): void {}

    public function getAllowPlaintextAuth(): bool {}
}

<?php
/*
 * Dump what ext/imap returns for the corpus folder, as canonical JSON.
 *
 *   eval "$(tests/servers/start)"
 *   tests/imap_compat/load_corpus
 *   php tests/imap_compat/dump_extimap.php [--folder=compat] [--mailbox='{localhost:993/ssl}'] > extimap.json
 *
 * Needs php8.2-imap. Debian loads it by default, and elsewhere
 * "-d extension=imap.so" loads it. Credentials come from MAILBRIDGE_TEST_USER and
 * MAILBRIDGE_TEST_PASSWORD. The default mailbox uses implicit TLS with
 * certificate verification: c-client has no CA file option, so the script
 * points OpenSSL's SSL_CERT_FILE at MAILBRIDGE_TEST_CAFILE, and the host is
 * "localhost" because the test certificate names no IP address that c-client
 * checks. NOTE: c-client's /tls and opportunistic STARTTLS fail against this
 * Dovecot with "SSL negotiation failed"; only /ssl and /tls-sslv23 work.
 *
 * The folder is opened read-only (EXAMINE), so no fetch sets \Seen. See
 * dump.inc.php for the format and for what is normalised.
 */

declare(strict_types=1);

require __DIR__ . '/dump.inc.php';

/** Calls ext/imap, with the connection as the first argument where the function takes one. */
final class ExtImapTarget implements DumpTarget
{
    private const WITHOUT_CONNECTION = [
        'imap_errors', 'imap_alerts', 'imap_last_error', 'imap_mime_header_decode', 'imap_utf8',
        'imap_rfc822_parse_headers',
    ];

    public function __construct(private readonly IMAP\Connection $connection)
    {
    }

    public function call(string $function, array $arguments): mixed
    {
        if (in_array($function, self::WITHOUT_CONNECTION, true)) {
            return $function(...$arguments);
        }
        return $function($this->connection, ...$arguments);
    }
}

function fail(string $message): never
{
    fwrite(STDERR, "dump_extimap.php: $message\n");
    exit(1);
}

function main(): void
{
    $options = getopt('', ['folder:', 'mailbox:']);
    $folder = $options['folder'] ?? 'compat';
    $server = $options['mailbox'] ?? '{localhost:993/ssl}';
    if (!extension_loaded('imap')) {
        fail('ext/imap is not loaded; install php8.2-imap or run php -d extension=imap.so');
    }
    foreach (['MAILBRIDGE_TEST_USER', 'MAILBRIDGE_TEST_PASSWORD', 'MAILBRIDGE_TEST_CAFILE'] as $name) {
        if (getenv($name) === false || getenv($name) === '') {
            fail("$name is not set; run: eval \"\$(tests/servers/start)\"");
        }
    }
    putenv('SSL_CERT_FILE=' . getenv('MAILBRIDGE_TEST_CAFILE'));

    $mailbox = $server . $folder;
    $connection = @imap_open($mailbox, getenv('MAILBRIDGE_TEST_USER'), getenv('MAILBRIDGE_TEST_PASSWORD'), OP_READONLY);
    if ($connection === false) {
        fail("imap_open($mailbox) failed: " . implode('; ', imap_errors() ?: ['no error text'])
            . '; did tests/imap_compat/load_corpus run?');
    }
    imap_errors();
    imap_alerts();

    $document = dump_corpus(new ExtImapTarget($connection), $mailbox, $folder, 'ext/imap ' . phpversion('imap'));
    imap_close($connection);
    echo json_encode($document, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE
        | JSON_PRESERVE_ZERO_FRACTION | JSON_THROW_ON_ERROR), "\n";
}

main();

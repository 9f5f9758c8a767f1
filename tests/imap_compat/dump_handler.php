<?php
/*
 * Dump what MailBridge\Compat\ImapHandler returns for the corpus folder, as
 * the same canonical JSON that dump_extimap.php writes for ext/imap.
 *
 *   eval "$(tests/servers/start)"
 *   tests/imap_compat/load_corpus
 *   php -d extension=build/ext/modules/mailbridge.so tests/imap_compat/dump_handler.php > handler.json
 *   php tests/imap_compat/compare.php extimap.json handler.json
 *
 * The handler opens the same mailbox string as dump_extimap.php, read-only
 * over implicit TLS, and trusts MAILBRIDGE_TEST_CAFILE through its cafile
 * option. Each imap_* name of dump.inc.php maps to the handler method that
 * SuiteCRM's ImapHandler calls for it. ext/imap's imap_fetchmime() is the
 * handler's fetchMime(), which SuiteCRM's interface does not have.
 */

declare(strict_types=1);

require __DIR__ . '/dump.inc.php';

use MailBridge\Compat\ImapHandler;

/** Calls the handler method that stands for each imap_* function. */
final class HandlerTarget implements DumpTarget
{
    private const METHODS = [
        'imap_errors' => 'getErrors',
        'imap_alerts' => 'getAlerts',
        'imap_last_error' => 'getLastError',
        'imap_num_msg' => 'getNumberOfMessages',
        'imap_check' => 'check',
        'imap_status' => 'getStatus',
        'imap_getmailboxes' => 'getMailboxes',
        'imap_fetch_overview' => 'fetchOverview',
        'imap_search' => 'search',
        'imap_sort' => 'sort',
        'imap_uid' => 'getUid',
        'imap_msgno' => 'getMessageNo',
        'imap_headerinfo' => 'getHeaderInfo',
        'imap_fetchheader' => 'fetchHeader',
        'imap_fetchstructure' => 'fetchStructure',
        'imap_body' => 'getBody',
        'imap_fetchbody' => 'fetchBody',
        'imap_fetchmime' => 'fetchMime',
        'imap_rfc822_parse_headers' => 'rfc822ParseHeaders',
        'imap_mime_header_decode' => 'mimeHeaderDecode',
        'imap_utf8' => 'utf8',
    ];

    public function __construct(private readonly ImapHandler $handler)
    {
    }

    public function call(string $function, array $arguments): mixed
    {
        $method = self::METHODS[$function] ?? null;
        if ($method === null) {
            throw new LogicException("dump_handler.php has no handler method for $function");
        }
        return $this->handler->$method(...$arguments);
    }
}

function fail(string $message): never
{
    fwrite(STDERR, "dump_handler.php: $message\n");
    exit(1);
}

function main(): void
{
    $options = getopt('', ['folder:', 'mailbox:']);
    $folder = $options['folder'] ?? 'compat';
    $server = $options['mailbox'] ?? '{localhost:993/ssl}';
    if (!class_exists(ImapHandler::class)) {
        fail('the mailbridge extension is not loaded; run php -d extension=build/ext/modules/mailbridge.so');
    }
    foreach (['MAILBRIDGE_TEST_USER', 'MAILBRIDGE_TEST_PASSWORD', 'MAILBRIDGE_TEST_CAFILE'] as $name) {
        if (getenv($name) === false || getenv($name) === '') {
            fail("$name is not set; run: eval \"\$(tests/servers/start)\"");
        }
    }
    // The dump's search and sort cases name ext/imap's constants. Without
    // ext/imap they get the handler's values, which are the same.
    foreach ((new ReflectionClass(ImapHandler::class))->getConstants() as $name => $value) {
        if (!defined($name)) {
            define($name, $value);
        }
    }

    $handler = new ImapHandler(['cafile' => getenv('MAILBRIDGE_TEST_CAFILE')]);
    $mailbox = $server . $folder;
    if (@$handler->open($mailbox, getenv('MAILBRIDGE_TEST_USER'), getenv('MAILBRIDGE_TEST_PASSWORD'),
        ImapHandler::OP_READONLY) === false) {
        fail("open($mailbox) failed: " . implode('; ', $handler->getErrors() ?: ['no error text'])
            . '; did tests/imap_compat/load_corpus run?');
    }
    $handler->getErrors();
    $handler->getAlerts();

    $document = dump_corpus(new HandlerTarget($handler), $mailbox, $folder,
        'MailBridge\Compat\ImapHandler ' . phpversion('mailbridge'));
    $handler->close();
    echo json_encode($document, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE
        | JSON_PRESERVE_ZERO_FRACTION | JSON_THROW_ON_ERROR), "\n";
}

main();

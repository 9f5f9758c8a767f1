<?php
// Shared settings and helpers for the IMAP benchmarks in this folder. They
// run against the test Dovecot of tests/servers/start, over implicit TLS.

declare(strict_types=1);

require_once __DIR__ . '/../lib.php';

/** Folder that load.php fills with the benchmark messages. */
const IMAP_BENCH_FOLDER = 'bench5000';
const IMAP_BENCH_MESSAGE_COUNT = 5000;
/** Folder with the single message that carries the large attachment. */
const IMAP_BENCH_ATTACHMENT_FOLDER = 'bench-attachment';
const IMAP_BENCH_ATTACHMENT_MB = 20;
/**
 * Value of the X-Bench-Corpus header of every generated message. Change it
 * whenever the generator changes, so that load.php replaces an old corpus.
 */
const IMAP_BENCH_CORPUS_VERSION = 'mailbridge-imap-bench v1';
const IMAP_BENCH_SEED = 20261205;

/** Read a required MAILBRIDGE_TEST_* variable, or exit with the command that sets it. */
function imap_bench_env(string $name): string
{
    $value = getenv($name);
    if ($value === false || $value === '') {
        fwrite(STDERR, "missing environment variable $name: run `eval \"\$(tests/servers/start)\"` first\n");
        exit(2);
    }
    return $value;
}

/** Options for MailBridge\ImapClient: the first test user over implicit TLS. */
function imap_bench_options(): array
{
    return [
        'host' => imap_bench_env('MAILBRIDGE_TEST_HOST'),
        'port' => (int) imap_bench_env('MAILBRIDGE_TEST_IMAPS_PORT'),
        'security' => 'tls',
        'username' => imap_bench_env('MAILBRIDGE_TEST_USER'),
        'password' => imap_bench_env('MAILBRIDGE_TEST_PASSWORD'),
        'tls' => ['cafile' => imap_bench_env('MAILBRIDGE_TEST_CAFILE')],
        'timeout' => 120.0,
    ];
}

function imap_bench_client(): MailBridge\ImapClient
{
    if (!class_exists(MailBridge\ImapClient::class)) {
        fwrite(STDERR, "the mailbridge extension is not loaded: run with php -d extension=/path/to/mailbridge.so\n");
        exit(2);
    }
    return new MailBridge\ImapClient(imap_bench_options());
}

/**
 * Return the c-client mailbox string for $folder over implicit TLS. The host
 * is "localhost", the name in the test certificate, because c-client
 * compares the host it connects to with the certificate's common name.
 */
function imap_bench_ext_mailbox(string $folder): string
{
    return '{localhost:' . imap_bench_env('MAILBRIDGE_TEST_IMAPS_PORT') . '/imap/ssl}' . $folder;
}

/**
 * Open $folder with ext/imap over implicit TLS. c-client checks the
 * certificate against OpenSSL's default store, so bench/imap/run sets
 * SSL_CERT_FILE to the test CA.
 */
function imap_bench_ext_open(string $folder)
{
    if (!function_exists('imap_open')) {
        fwrite(STDERR, "ext/imap is not loaded: run `apt-get install php8.2-imap`\n");
        exit(2);
    }
    $connection = imap_open(imap_bench_ext_mailbox($folder), imap_bench_env('MAILBRIDGE_TEST_USER'),
        imap_bench_env('MAILBRIDGE_TEST_PASSWORD'), 0, 0);
    if ($connection === false) {
        fwrite(STDERR, "imap_open of $folder failed: " . implode('; ', imap_errors() ?: []) . "\n");
        exit(1);
    }
    return $connection;
}

/** Return VmRSS and VmHWM of this process in bytes, from /proc/self/status. */
function imap_bench_memory(): array
{
    $status = file_get_contents('/proc/self/status');
    $memory = [];
    foreach (['VmRSS', 'VmHWM'] as $field) {
        if (!preg_match('/^' . $field . ':\s+(\d+) kB$/m', $status, $match)) {
            fwrite(STDERR, "$field is missing from /proc/self/status\n");
            exit(1);
        }
        $memory[$field] = (int) $match[1] * 1024;
    }
    return $memory;
}

/** Return the user plus system CPU time of this process in seconds. */
function imap_bench_cpu_seconds(): float
{
    $usage = getrusage();
    return $usage['ru_utime.tv_sec'] + $usage['ru_utime.tv_usec'] / 1e6
        + $usage['ru_stime.tv_sec'] + $usage['ru_stime.tv_usec'] / 1e6;
}

<?php
// Shared options, message content and output for the transport benchmarks.
// Every script prints one JSON object on stdout, and bench/transport/run
// turns those objects into the summary.

declare(strict_types=1);

const TRANSPORT_BENCH_SENDER = 'bench@example.test';
// Postfix in tests/servers/start hands mail for domains other than
// example.test to its discard transport, so nothing is stored or relayed.
const TRANSPORT_BENCH_DISCARD_RECIPIENT = 'sink@discard.example.invalid';
// The same payload as `smtp-source -l 20480`: 256 lines of 78 characters
// plus CRLF, each line starting with its number.
const TRANSPORT_BENCH_BODY_LINES = 256;
const TRANSPORT_BENCH_LINE_LENGTH = 78;
const PHPMAILER_AUTOLOAD = '/usr/share/php/libphp-phpmailer/autoload.php';
const SYMFONY_MAILER_AUTOLOAD = '/usr/share/php/Symfony/Component/Mailer/autoload.php';

/**
 * Parse --name=value arguments over $defaults. Unknown names and values that
 * do not match the default's type exit with status 2.
 */
function bench_options(array $argv, array $defaults): array
{
    $options = $defaults;
    foreach (array_slice($argv, 1) as $argument) {
        if (!preg_match('/^--([a-z_]+)=(.*)$/s', $argument, $match) || !array_key_exists($match[1], $defaults)) {
            bench_fail("invalid argument '$argument': expected --name=value with name one of "
                . implode(', ', array_keys($defaults)));
        }
        [, $name, $value] = $match;
        if (is_int($defaults[$name])) {
            if (!preg_match('/^[0-9]+$/', $value)) {
                bench_fail("invalid --$name '$value': expected a non-negative integer");
            }
            $value = (int) $value;
        }
        $options[$name] = $value;
    }
    return $options;
}

function bench_fail(string $message): never
{
    fwrite(STDERR, $message . "\n");
    exit(2);
}

/** Return the 20,480-byte text body, with CRLF line ends. */
function bench_body(): string
{
    $body = '';
    for ($line = 1; $line <= TRANSPORT_BENCH_BODY_LINES; $line++) {
        $body .= str_pad((string) $line, TRANSPORT_BENCH_LINE_LENGTH, 'X') . "\r\n";
    }
    return $body;
}

/** Return a raw RFC 5322 message with the 20,480-byte body, like smtp-source sends. */
function bench_raw_message(string $body, string $recipient, int $index): string
{
    return 'From: <' . TRANSPORT_BENCH_SENDER . ">\r\n"
        . "To: <$recipient>\r\n"
        . 'Date: ' . date(DATE_RFC2822) . "\r\n"
        . "Message-ID: <bench.$index." . getmypid() . "@example.test>\r\n"
        . "Subject: transport benchmark $index\r\n"
        . "\r\n"
        . $body;
}

function bench_subject(int $index): string
{
    return "transport benchmark $index";
}

/** Return the resident set size of this process in KiB (VmRSS). */
function bench_rss_kib(): int
{
    $status = file_get_contents('/proc/self/status');
    if ($status === false || !preg_match('/^VmRSS:\s+(\d+) kB/m', $status, $match)) {
        bench_fail('could not read VmRSS from /proc/self/status');
    }
    return (int) $match[1];
}

function bench_require_mailbridge(): void
{
    if (!class_exists(MailBridge\SmtpTransport::class)) {
        bench_fail('the mailbridge extension is not loaded: run with php -d extension=/path/to/mailbridge.so');
    }
}

function bench_require_file(string $file, string $package): void
{
    if (!is_file($file)) {
        bench_fail("missing $file: run `apt-get install $package` or bench/transport/run");
    }
    require_once $file;
}

/**
 * Return the value of environment variable $name, or exit when it is unset.
 * Credentials come from the environment so that they stay out of the
 * printed commands.
 */
function bench_env(string $name): string
{
    $value = getenv($name);
    if ($value === false || $value === '') {
        bench_fail("$name is not set: run eval \"\$(tests/servers/start)\" first");
    }
    return $value;
}

/**
 * Build the mailbridge transport options for --host, --port and --security.
 * With TLS it authenticates as MAILBRIDGE_TEST_USER.
 */
function bench_mailbridge_options(array $options): array
{
    $transport = [
        'host' => $options['host'],
        'port' => $options['port'],
        'security' => $options['security'],
        'client_name' => 'bench.example.test',
        'timeout' => 60.0,
    ];
    if ($options['security'] !== 'none') {
        $transport['username'] = bench_env('MAILBRIDGE_TEST_USER');
        $transport['password'] = bench_env('MAILBRIDGE_TEST_PASSWORD');
        $transport['tls'] = ['cafile' => bench_env('MAILBRIDGE_TEST_CAFILE')];
    }
    return $transport;
}

/** Print the result object and exit non-zero when some message was not sent. */
function bench_report(array $result): never
{
    echo json_encode($result, JSON_UNESCAPED_SLASHES), "\n";
    exit($result['sent'] === $result['count'] ? 0 : 1);
}

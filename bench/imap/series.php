<?php
// Time reading the overview and the structure of all 5,000 messages in
// bench5000 with mailbridge's ImapClient, ext/imap, php-imap2 and a raw
// client, in interleaved rounds, and print the medians and the ratios. A
// module that has MailBridge\Compat\ImapHandler adds its series too.
//
//   php -d extension=$MODULE bench/imap/series.php [ROUNDS] [SERIES-FILTER]
//
// Each round of each series opens a new connection and selects the folder
// before the clock starts, so no client reads from a cache filled by an
// earlier round, and the time covers the fetch and the parsing only.
// BENCH_PHP_IMAP2_DIR names an unpacked php-imap2 (its src/ and
// bootstrap.php) to add its series; without it they are skipped.

declare(strict_types=1);

require_once __DIR__ . '/corpus.php';
require_once __DIR__ . '/php_imap2.php';

const SERIES_OVERVIEW_ITEMS = ['flags', 'internalDate', 'size', 'envelope'];
/** The command mailbridge sends for SERIES_OVERVIEW_ITEMS, for all UIDs at once. */
const SERIES_RAW_OVERVIEW_COMMAND = 'UID FETCH 1:* (UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE)';
const SERIES_RAW_STRUCTURE_COMMAND = 'UID FETCH 1:* (UID BODYSTRUCTURE)';

/** Open a TLS connection, log in and select $folder with plain IMAP commands. */
function series_raw_open(string $folder)
{
    $context = stream_context_create(['ssl' => ['cafile' => imap_bench_env('MAILBRIDGE_TEST_CAFILE'), 'peer_name' => 'localhost']]);
    $address = 'tls://' . imap_bench_env('MAILBRIDGE_TEST_HOST') . ':' . imap_bench_env('MAILBRIDGE_TEST_IMAPS_PORT');
    $socket = stream_socket_client($address, $errno, $error, 30, STREAM_CLIENT_CONNECT, $context);
    if ($socket === false) {
        fwrite(STDERR, "raw client: connecting to $address failed: $error\n");
        exit(1);
    }
    fgets($socket);
    $quote = fn (string $value): string => '"' . addcslashes($value, '"\\') . '"';
    series_raw_command($socket, 'R1', 'LOGIN ' . $quote(imap_bench_env('MAILBRIDGE_TEST_USER')) . ' ' . $quote(imap_bench_env('MAILBRIDGE_TEST_PASSWORD')));
    series_raw_command($socket, 'R2', 'SELECT ' . $folder);
    return $socket;
}

/**
 * Send one command and read the response bytes up to the tagged reply,
 * without parsing them. Returns the byte count, and exits unless the reply
 * is OK. The tag is searched in each new chunk plus the end of the one
 * before, so the cost stays one read and one search per chunk.
 * NOTE: a literal that contains CRLF, the tag and a space would end the read
 * early. The generated corpus has none.
 */
function series_raw_command($socket, string $tag, string $command): int
{
    fwrite($socket, "$tag $command\r\n");
    $needle = "\r\n$tag ";
    $tail = "\r\n";
    $bytes = 0;
    while (true) {
        $chunk = fread($socket, 1 << 20);
        if ($chunk === false || ($chunk === '' && feof($socket))) {
            fwrite(STDERR, "raw client: the connection closed before the reply to $tag\n");
            exit(1);
        }
        $bytes += strlen($chunk);
        $window = $tail . $chunk;
        $position = strpos($window, $needle);
        if ($position !== false && str_ends_with($window, "\r\n")) {
            if (substr($window, $position + strlen($needle), 2) !== 'OK') {
                fwrite(STDERR, "raw client: $tag failed: " . trim(substr($window, $position)) . "\n");
                exit(1);
            }
            return $bytes;
        }
        $tail = substr($window, -strlen($needle) - 80);
    }
}

/**
 * Send the UID FETCH commands that ImapClient::fetch() sends, one per 200
 * UIDs and each after the reply to the one before, and read the replies
 * without parsing them. Returns $count.
 */
function series_raw_batches($socket, string $items, int $count): int
{
    for ($first = 1, $tag = 3; $first <= $count; $first += 200, ++$tag) {
        $last = min($first + 199, $count);
        series_raw_command($socket, "R$tag", "UID FETCH $first:$last ($items)");
    }
    return $count;
}

/** Return the UIDs of bench5000 grouped by their generated flag, to undo php-imap2's \Seen. */
function series_generated_flags(MailBridge\ImapClient $client): array
{
    $client->select(IMAP_BENCH_FOLDER);
    $groups = ['uids' => $client->search(), 'flags' => []];
    foreach ($groups['uids'] as $position => $uid) {
        foreach (corpus_message($position + 1)['flags'] as $flag) {
            $groups['flags'][$flag][] = $uid;
        }
    }
    return $groups;
}

function series_restore_flags(MailBridge\ImapClient $client, array $groups): void
{
    $client->clearFlags($groups['uids'], ['\Seen', '\Answered', '\Flagged']);
    foreach ($groups['flags'] as $flag => $uids) {
        $client->setFlags($uids, [$flag]);
    }
}

/**
 * Return the series: each has open (untimed, returns a state), run (timed,
 * returns the message count) and close (untimed).
 */
function series_cases(bool $withPhpImap2, ?Closure $afterPhpImap2Overview): array
{
    $folder = IMAP_BENCH_FOLDER;
    $count = IMAP_BENCH_MESSAGE_COUNT;
    $mailbridgeOpen = function () use ($folder): MailBridge\ImapClient {
        $client = imap_bench_client();
        $client->select($folder);
        return $client;
    };
    $extOpen = fn () => imap_bench_ext_open($folder);
    $extClose = fn ($connection) => imap_close($connection);
    $rawOpen = fn () => series_raw_open($folder);

    $cases = [
        'overview mailbridge fetch' => [$mailbridgeOpen,
            fn (MailBridge\ImapClient $client) => count($client->fetch(range(1, $count), SERIES_OVERVIEW_ITEMS)),
            fn (MailBridge\ImapClient $client) => $client->logout()],
        'overview ext/imap imap_fetch_overview' => [$extOpen,
            fn ($connection) => count(imap_fetch_overview($connection, "1:$count")), $extClose],
        'overview raw TLS read' => [$rawOpen,
            fn ($socket) => series_raw_command($socket, 'R3', SERIES_RAW_OVERVIEW_COMMAND) > 0 ? $count : 0,
            fn ($socket) => fclose($socket)],
        'overview raw TLS read, 200-UID commands' => [$rawOpen,
            fn ($socket) => series_raw_batches($socket, 'UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE', $count),
            fn ($socket) => fclose($socket)],
        'structure mailbridge fetch' => [$mailbridgeOpen,
            fn (MailBridge\ImapClient $client) => count($client->fetch(range(1, $count), ['structure'])),
            fn (MailBridge\ImapClient $client) => $client->logout()],
        'structure ext/imap imap_fetchstructure loop' => [$extOpen,
            function ($connection) use ($count): int {
                $structures = 0;
                for ($number = 1; $number <= $count; ++$number) {
                    $structures += imap_fetchstructure($connection, $number) !== false ? 1 : 0;
                }
                return $structures;
            }, $extClose],
        'structure raw TLS read' => [$rawOpen,
            fn ($socket) => series_raw_command($socket, 'R3', SERIES_RAW_STRUCTURE_COMMAND) > 0 ? $count : 0,
            fn ($socket) => fclose($socket)],
    ];
    if (class_exists(MailBridge\Compat\ImapHandler::class)) {
        $compatOpen = function () use ($folder): MailBridge\Compat\ImapHandler {
            $handler = new MailBridge\Compat\ImapHandler(['cafile' => imap_bench_env('MAILBRIDGE_TEST_CAFILE')]);
            if ($handler->open(imap_bench_ext_mailbox($folder), imap_bench_env('MAILBRIDGE_TEST_USER'), imap_bench_env('MAILBRIDGE_TEST_PASSWORD')) === false) {
                fwrite(STDERR, "compat handler: opening $folder failed: " . implode('; ', $handler->getErrors() ?: []) . "\n");
                exit(1);
            }
            return $handler;
        };
        $compatClose = fn (MailBridge\Compat\ImapHandler $handler) => $handler->close();
        $cases['overview mailbridge compat fetchOverview'] = [$compatOpen,
            fn (MailBridge\Compat\ImapHandler $handler) => count($handler->fetchOverview("1:$count")), $compatClose];
        $cases['structure mailbridge compat fetchStructure loop'] = [$compatOpen,
            function (MailBridge\Compat\ImapHandler $handler) use ($count): int {
                $structures = 0;
                for ($number = 1; $number <= $count; ++$number) {
                    $structures += $handler->fetchStructure($number) !== false ? 1 : 0;
                }
                return $structures;
            }, $compatClose];
    }
    if ($withPhpImap2) {
        $phpImap2Open = fn () => php_imap2_open($folder);
        $cases['overview php-imap2 imap2_fetch_overview'] = [$phpImap2Open,
            fn ($connection) => count(imap2_fetch_overview($connection, "1:$count")),
            function ($connection) use ($afterPhpImap2Overview): void {
                imap2_close($connection);
                $afterPhpImap2Overview();
            }];
        $cases['structure php-imap2 imap2_fetchstructure loop'] = [$phpImap2Open,
            function ($connection) use ($count): int {
                $structures = 0;
                for ($number = 1; $number <= $count; ++$number) {
                    $structures += imap2_fetchstructure($connection, $number) !== false ? 1 : 0;
                }
                return $structures;
            }, fn ($connection) => imap2_close($connection)];
    }
    return $cases;
}

/** Run one round of one series. Returns wall seconds and the client's CPU seconds. */
function series_time(string $name, array $case): array
{
    [$open, $run, $close] = $case;
    $state = $open();
    $cpu = imap_bench_cpu_seconds();
    $start = hrtime(true);
    $messages = $run($state);
    $seconds = (hrtime(true) - $start) / 1e9;
    $cpu = imap_bench_cpu_seconds() - $cpu;
    $close($state);
    if ($messages !== IMAP_BENCH_MESSAGE_COUNT) {
        fwrite(STDERR, "$name returned $messages messages, expected " . IMAP_BENCH_MESSAGE_COUNT . "\n");
        exit(1);
    }
    return ['seconds' => $seconds, 'cpu' => $cpu];
}

function series_print_ratio(array $results, string $label, string $fast, string $slow, string $target): void
{
    if (!isset($results[$fast], $results[$slow])) {
        return;
    }
    printf("%-66s %6.2fx   %s\n", $label, $results[$slow]['seconds'] / $results[$fast]['seconds'], $target);
}

function series_main(array $argv): void
{
    $rounds = isset($argv[1]) ? (int) $argv[1] : 5;
    $filter = $argv[2] ?? '';
    $restorer = imap_bench_client();
    $withPhpImap2 = php_imap2_load();
    // Only php-imap2 changes flags, so the generated ones are needed only with it.
    $flagGroups = $withPhpImap2 ? series_generated_flags($restorer) : [];
    $cases = series_cases($withPhpImap2, fn () => series_restore_flags($restorer, $flagGroups));
    if ($filter !== '') {
        $cases = array_filter($cases, fn (string $name): bool => str_contains($name, $filter), ARRAY_FILTER_USE_KEY);
    }

    $samples = [];
    for ($round = 1; $round <= $rounds; ++$round) {
        foreach ($cases as $name => $case) {
            $samples[$name][] = series_time($name, $case);
        }
        fwrite(STDERR, sprintf("series: round %d of %d done, load average %s\n", $round, $rounds, implode(' ', array_map(fn ($v) => sprintf('%.2f', $v), sys_getloadavg()))));
    }

    printf("IMAP: %d messages in %s, %d rounds interleaved, median\n", IMAP_BENCH_MESSAGE_COUNT, IMAP_BENCH_FOLDER, $rounds);
    printf("%-50s %10s %10s %14s\n", 'series', 'msg/s', 'ms', 'client CPU ms');
    $results = [];
    foreach ($samples as $name => $list) {
        $seconds = bench_median(array_column($list, 'seconds'));
        $cpu = bench_median(array_column($list, 'cpu'));
        $results[$name] = ['seconds' => $seconds];
        printf("%-50s %10.0f %10.1f %14.1f\n", $name, IMAP_BENCH_MESSAGE_COUNT / $seconds, $seconds * 1000, $cpu * 1000);
    }
    echo "\nratios (time of the other series / time of mailbridge):\n";
    series_print_ratio($results, 'overview: mailbridge vs imap_fetch_overview', 'overview mailbridge fetch', 'overview ext/imap imap_fetch_overview', 'target >= 2.5x');
    series_print_ratio($results, 'overview: mailbridge vs raw TLS read (ceiling)', 'overview mailbridge fetch', 'overview raw TLS read', 'target >= 0.5x (within 2x)');
    series_print_ratio($results, 'overview: mailbridge vs raw TLS read in 200-UID commands', 'overview mailbridge fetch', 'overview raw TLS read, 200-UID commands', '');
    series_print_ratio($results, 'overview: mailbridge vs php-imap2', 'overview mailbridge fetch', 'overview php-imap2 imap2_fetch_overview', '');
    series_print_ratio($results, 'overview: compat fetchOverview vs imap_fetch_overview', 'overview mailbridge compat fetchOverview', 'overview ext/imap imap_fetch_overview', 'target >= 2.5x');
    series_print_ratio($results, 'structure: mailbridge vs imap_fetchstructure loop', 'structure mailbridge fetch', 'structure ext/imap imap_fetchstructure loop', 'target >= 3x');
    series_print_ratio($results, 'structure: mailbridge vs raw TLS read (ceiling)', 'structure mailbridge fetch', 'structure raw TLS read', '');
    series_print_ratio($results, 'structure: compat fetchStructure loop vs imap_fetchstructure loop', 'structure mailbridge compat fetchStructure loop', 'structure ext/imap imap_fetchstructure loop', 'target >= 3x');
    series_print_ratio($results, 'structure: mailbridge vs php-imap2 loop', 'structure mailbridge fetch', 'structure php-imap2 imap2_fetchstructure loop', '');
    foreach ($GLOBALS['php_imap2_warnings'] ?? [] as $message => $times) {
        echo "php-imap2 warning, $times times over all rounds: $message\n";
    }
    $restorer->logout();
}

series_main($argv);

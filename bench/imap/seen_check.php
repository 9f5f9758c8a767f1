<?php
// Check on a scratch folder which readers set \Seen: mailbridge's overview
// and structure fetches, ext/imap's imap_fetch_overview(), and php-imap2's
// imap2_fetch_overview(), whose FETCH command is printed.
//
//   BENCH_PHP_IMAP2_DIR=/path/to/php-imap2 php -d extension=$MODULE bench/imap/seen_check.php
//
// The scratch folder gets a unique name and is deleted at the end.

declare(strict_types=1);

require_once __DIR__ . '/corpus.php';
require_once __DIR__ . '/php_imap2.php';

/** Append three unread messages to a new folder and return its name. */
function seen_scratch_folder(MailBridge\ImapClient $client): string
{
    $folder = sprintf('bench-seen-%d-%s', getmypid(), bin2hex(random_bytes(3)));
    $client->createMailbox($folder);
    for ($index = 1; $index <= 3; ++$index) {
        $client->append($folder, corpus_message($index)['raw']);
    }
    return $folder;
}

/** Return how many messages of $folder carry \Seen, read in a new session. */
function seen_count(string $folder): int
{
    $client = imap_bench_client();
    $client->examine($folder);
    $seen = count($client->search((new MailBridge\ImapSearch())->flag('SEEN')));
    $client->logout();
    return $seen;
}

function seen_check_reader(string $label, Closure $read): void
{
    $client = imap_bench_client();
    $folder = seen_scratch_folder($client);
    try {
        $read($folder);
        printf("%-45s %d of 3 messages \\Seen after reading\n", $label, seen_count($folder));
    } finally {
        $client->deleteMailbox($folder);
        $client->logout();
    }
}

echo "Which readers set \\Seen (3 unread messages in a scratch folder):\n";
seen_check_reader('mailbridge fetch overview + structure', function (string $folder): void {
    $client = imap_bench_client();
    $client->select($folder);
    $client->fetch($client->search(), ['flags', 'internalDate', 'size', 'envelope', 'structure']);
    $client->logout();
});
seen_check_reader('ext/imap imap_fetch_overview', function (string $folder): void {
    $connection = imap_bench_ext_open($folder);
    imap_fetch_overview($connection, '1:3');
    imap_close($connection);
});
if (!php_imap2_load()) {
    echo "php-imap2 skipped: BENCH_PHP_IMAP2_DIR is not set\n";
    exit(0);
}
seen_check_reader('php-imap2 imap2_fetch_overview', function (string $folder): void {
    $connection = php_imap2_open($folder);
    $connection->getClient()->setDebug(true, function ($client, string $line): void {
        if (preg_match('/^\[\w+\] C: (\S+ UID FETCH .*)$|^C: (\S+ (UID )?FETCH .*)$/', $line, $match)) {
            echo 'php-imap2 sent: ', $match[1] ?: $match[2], "\n";
        }
    });
    imap2_fetch_overview($connection, '1:3');
    imap2_close($connection);
});

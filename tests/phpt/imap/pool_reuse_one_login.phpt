--TEST--
ImapClient: two persistent clients in a row share one login
--SKIPIF--
<?php require __DIR__ . '/imap.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/imap.inc';

function imap_pool_stats(): array
{
    return array_values(array_filter(MailBridge\Pool::stats(), fn ($entry) => str_starts_with($entry['key'], 'imap ')));
}

$transcripts = [];
foreach ([1, 2] as $round) {
    $lines = [];
    $client = imap_client(['persistent' => true, 'logger' => function (string $line) use (&$lines) { $lines[] = $line; }]);
    $client->select('INBOX');
    $client->close();
    var_dump($client->isConnected());
    $transcripts[$round] = $lines;
}

$stats = imap_pool_stats();
echo count($stats), " key\n";
echo $stats[0]['key'], "\n";
echo "created ", $stats[0]['created'], ", reused ", $stats[0]['reused'], ", idle ", $stats[0]['idle'], "\n";
echo "discarded ", array_sum($stats[0]['discarded']), "\n";

$authentication = '/^C: \S+ (LOGIN|AUTHENTICATE)\b/';
echo "first client logged in: ", count(preg_grep($authentication, $transcripts[1])), "\n";
echo "second client logged in: ", count(preg_grep($authentication, $transcripts[2])), "\n";
// The selected mailbox is left with UNSELECT (Dovecot offers it), never CLOSE or LOGOUT.
echo "second client UNSELECT: ", count(preg_grep('/^C: \S+ UNSELECT$/', $transcripts[2])), "\n";
echo "CLOSE or LOGOUT sent: ", count(preg_grep('/^C: \S+ (CLOSE|LOGOUT)$/', array_merge(...$transcripts))), "\n";

$password = mb_env('MAILBRIDGE_TEST_PASSWORD');
var_dump(str_contains(print_r(MailBridge\Pool::stats(), true), $password));

// A client without "persistent" neither takes nor parks a session.
$plain = imap_client();
$plain->select('INBOX');
$plain->close();
$stats = imap_pool_stats();
echo "after a non-persistent client: created ", $stats[0]['created'], ", reused ", $stats[0]['reused'], ", idle ", $stats[0]['idle'], "\n";

MailBridge\Pool::clear();
echo "idle after clear: ", imap_pool_stats()[0]['idle'], "\n";
?>
--EXPECTF--
bool(false)
bool(false)
1 key
imap %s@%s:%d tls
created 1, reused 1, idle 1
discarded 0
first client logged in: 1
second client logged in: 0
second client UNSELECT: 1
CLOSE or LOGOUT sent: 0
bool(false)
after a non-persistent client: created 1, reused 1, idle 1
idle after clear: 0

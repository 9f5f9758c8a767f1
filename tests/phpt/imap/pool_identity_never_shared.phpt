--TEST--
ImapClient: persistent sessions of other users, passwords or failed logins are never shared
--SKIPIF--
<?php require __DIR__ . '/imap.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/imap.inc';

function imap_pool_stats(): array
{
    return array_values(array_filter(MailBridge\Pool::stats(), fn ($entry) => str_starts_with($entry['key'], 'imap ')));
}

function logged_in(array $options): int
{
    $lines = [];
    $client = imap_client($options + ['persistent' => true, 'logger' => function (string $line) use (&$lines) { $lines[] = $line; }]);
    try {
        $client->select('INBOX');
    } catch (MailBridge\AuthenticationException $e) {
        echo get_class($e), "\n";
    }
    $client->close();
    return count(preg_grep('/^C: \S+ (LOGIN|AUTHENTICATE)\b/', $lines));
}

$wrong = 'mb-Wrong-' . bin2hex(random_bytes(6));
echo "user 1: ", logged_in([]), "\n";
echo "user 2: ", logged_in(['username' => mb_env('MAILBRIDGE_TEST_USER2'), 'password' => mb_env('MAILBRIDGE_TEST_PASSWORD2')]), "\n";
$count = logged_in(['password' => $wrong]);
echo "user 1, wrong password: $count\n";
$count = logged_in(['password' => $wrong]);
echo "user 1, wrong password again: $count\n";
echo "user 1 again: ", logged_in([]), "\n";
echo "user 2 again: ", logged_in(['username' => mb_env('MAILBRIDGE_TEST_USER2'), 'password' => mb_env('MAILBRIDGE_TEST_PASSWORD2')]), "\n";

foreach (imap_pool_stats() as $entry) {
    printf("%s: created %d, reused %d, idle %d\n", $entry['key'], $entry['created'], $entry['reused'], $entry['idle']);
}
$dump = print_r(MailBridge\Pool::stats(), true);
foreach ([mb_env('MAILBRIDGE_TEST_PASSWORD'), mb_env('MAILBRIDGE_TEST_PASSWORD2'), $wrong] as $secret) {
    var_dump(str_contains($dump, $secret));
}
MailBridge\Pool::clear();
?>
--EXPECTF--
user 1: 1
user 2: 1
MailBridge\AuthenticationException
user 1, wrong password: 1
MailBridge\AuthenticationException
user 1, wrong password again: 1
user 1 again: 0
user 2 again: 0
imap %s@%s:%d tls: created 1, reused 1, idle 1
imap %s@%s:%d tls: created 1, reused 1, idle 1
bool(false)
bool(false)
bool(false)

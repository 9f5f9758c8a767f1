--TEST--
ImapClient: a forked child never uses or closes the parent's parked session
--SKIPIF--
<?php
require __DIR__ . '/imap.inc';
mb_skip_without_servers();
if (!function_exists('pcntl_fork')) die('skip pcntl_fork() not available');
?>
--FILE--
<?php
require __DIR__ . '/imap.inc';

function imap_pool_stats(): array
{
    return array_values(array_filter(MailBridge\Pool::stats(), fn ($entry) => str_starts_with($entry['key'], 'imap ')));
}

$parent = imap_client(['persistent' => true]);
$parent->select('INBOX');
// A second client stays connected across the fork. The child destroys its
// copy at exit, which must neither park it nor send LOGOUT on it.
$open = imap_client(['persistent' => true]);
$open->select('INBOX');
$parent->close();

$pid = pcntl_fork();
if ($pid === 0) {
    // The child inherits the parked TLS session. It must open its own
    // connection and drop the inherited one without LOGOUT or close_notify.
    $lines = [];
    $child = imap_client(['persistent' => true, 'logger' => function (string $line) use (&$lines) { $lines[] = $line; }]);
    $child->select('INBOX');
    $child->close();
    // The process id is part of the key, so the child's key is new and
    // the inherited session stays parked under the parent's key until
    // Pool::clear() drops it without writing to the socket.
    $loggedIn = (bool) preg_grep('/^C: \S+ (LOGIN|AUTHENTICATE)\b/', $lines);
    $reused = 0;
    foreach (imap_pool_stats() as $entry) {
        $reused += $entry['reused'];
    }
    MailBridge\Pool::clear();
    exit(($loggedIn ? 0 : 1) | ($reused === 0 ? 0 : 2));
}
pcntl_waitpid($pid, $status);
echo "child exit status: ", pcntl_wexitstatus($status), "\n";

$open->noop();
echo "connected client still usable\n";
$open->close();

// The parent's parked session still works: the child sent nothing on it.
$lines = [];
$again = imap_client(['persistent' => true, 'logger' => function (string $line) use (&$lines) { $lines[] = $line; }]);
$again->select('INBOX');
echo "parent logged in again: ", count(preg_grep('/^C: \S+ (LOGIN|AUTHENTICATE)\b/', $lines)), "\n";
$again->close();
$stats = imap_pool_stats();
echo "created ", $stats[0]['created'], ", reused ", $stats[0]['reused'], "\n";
MailBridge\Pool::clear();
?>
--EXPECT--
child exit status: 0
connected client still usable
parent logged in again: 0
created 2, reused 1

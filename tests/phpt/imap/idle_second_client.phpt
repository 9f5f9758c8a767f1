--TEST--
ImapClient: idle delivers EXISTS, FETCH and EXPUNGE events made by a second client
--SKIPIF--
<?php
require __DIR__ . '/imap.inc';
mb_skip_without_servers();
if (!function_exists('pcntl_fork')) {
    echo 'skip the pcntl extension is needed to run the second client';
}
?>
--FILE--
<?php
require __DIR__ . '/imap.inc';
$client = imap_client();
$mailbox = imap_test_mailbox($client);
$existing = $client->append($mailbox, imap_plain_message('Existing'));
$client->select($mailbox);

// The child process is the second client. It makes one change per phase
// and pauses between them, because Dovecot reports changes made close
// together as their net effect.
$pid = pcntl_fork();
if ($pid === 0) {
    $second = imap_client();
    $second->select($mailbox);
    usleep(500_000);
    $second->append($mailbox, imap_plain_message('New during IDLE'));
    usleep(1_500_000);
    $second->setFlags($existing, ['\Flagged']);
    usleep(1_500_000);
    $second->setFlags($existing, ['\Deleted']);
    $second->expunge($existing);
    $second->logout();
    posix_kill(getmypid(), SIGKILL);  // skip the shutdown functions of the parent's copy
}

$started = microtime(true);
$phases = [
    'EXISTS' => fn (MailBridge\ImapEvent $event) => $event->type === 'EXISTS',
    'FETCH' => fn (MailBridge\ImapEvent $event) => $event->type === 'FETCH'
        && in_array('\Flagged', $event->flags ?? [], true),
    'EXPUNGE' => fn (MailBridge\ImapEvent $event) => $event->type === 'EXPUNGE',
];
foreach ($phases as $name => $isWanted) {
    $last = null;
    $count = 0;
    $delivered = $client->idle(function (MailBridge\ImapEvent $event) use ($isWanted, &$last, &$count) {
        $count++;
        $last = $event;
        return !$isWanted($event);  // false ends the IDLE
    }, 10.0);
    printf("%s: %s number=%d uid=%s delivered=%s\n", $name, $last?->type ?? 'timeout', $last?->number ?? 0,
        json_encode($last?->uid), json_encode($delivered === $count));
}
pcntl_waitpid($pid, $status);
var_dump(microtime(true) - $started < 15);

// The client is usable after IDLE.
var_dump($client->search() === [$existing + 1]);

// The timeout ends IDLE without events.
$started = microtime(true);
var_dump($client->idle(fn () => true, 0.5));
$elapsed = microtime(true) - $started;
var_dump($elapsed >= 0.4 && $elapsed < 5);

// An idle() longer than total_timeout is split into shorter IDLE commands.
$bounded = imap_client(['total_timeout' => 1.0]);
$bounded->examine($mailbox);
$started = microtime(true);
var_dump($bounded->idle(fn () => true, 2.5));
$elapsed = microtime(true) - $started;
var_dump($elapsed >= 2.4 && $elapsed < 6);
var_dump($bounded->isConnected());

try {
    $client->idle(fn () => true, 0);
} catch (ValueError $e) {
    echo $e->getMessage(), "\n";
}
$fresh = imap_client();
try {
    $fresh->idle(fn () => true, 1);
} catch (Error $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECTF--
EXISTS: EXISTS number=2 uid=null delivered=true
FETCH: FETCH number=1 uid=%s delivered=true
EXPUNGE: EXPUNGE number=1 uid=null delivered=true
bool(true)
bool(true)
int(0)
bool(true)
int(0)
bool(true)
bool(true)
MailBridge\ImapClient::idle(): Argument #2 ($timeout) must be a number of seconds greater than 0 and at most 86400
Error: MailBridge\ImapClient::idle() needs a selected mailbox: call select() or examine() first

--TEST--
ImapClient: a throwing logger becomes a warning, a throwing idle callback leaves the client usable
--SKIPIF--
<?php require __DIR__ . '/imap.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/imap.inc';
$calls = 0;
$client = imap_client(['logger' => function (string $line) use (&$calls) {
    $calls++;
    throw new RuntimeException('log storage is full');
}]);
$info = $client->examine('INBOX');
var_dump($info instanceof MailBridge\MailboxInfo);
var_dump($calls);
$client->noop();
var_dump($calls);

// A change made before IDLE starts is reported as soon as IDLE begins.
$client = imap_client();
$mailbox = imap_test_mailbox($client);
$client->select($mailbox);
$other = imap_client();
$other->append($mailbox, imap_plain_message('Wake up'));
try {
    $client->idle(function (MailBridge\ImapEvent $event) {
        throw new LogicException("callback failed at {$event->type}");
    }, 10.0);
} catch (LogicException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
var_dump($client->isConnected());
var_dump(count($client->search()));
?>
--EXPECTF--
Warning: MailBridge\ImapClient::examine(): The logger threw RuntimeException: log storage is full; it is not called again during this call in %s on line %d
bool(true)
int(1)

Warning: MailBridge\ImapClient::noop(): The logger threw RuntimeException: log storage is full; it is not called again during this call in %s on line %d
int(2)
LogicException: callback failed at EXISTS
bool(true)
int(1)

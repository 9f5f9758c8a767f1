--TEST--
ImapClient: a persistent session parked with a read-write mailbox selected expunges nothing
--SKIPIF--
<?php require __DIR__ . '/imap.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/imap.inc';

$setup = imap_client();
$mailbox = imap_test_mailbox($setup);
$uid = $setup->append($mailbox, imap_plain_message('kept after parking'));
$setup->logout();

$lines = [];
$client = imap_client(['persistent' => true, 'logger' => function (string $line) use (&$lines) { $lines[] = $line; }]);
$info = $client->select($mailbox);
var_dump($info->readOnly);
$client->setFlags($uid, ['\Deleted']);
$client->close();
echo "CLOSE sent: ", count(preg_grep('/^C: \S+ CLOSE$/', $lines)), "\n";
echo "UNSELECT sent: ", count(preg_grep('/^C: \S+ UNSELECT$/', $lines)), "\n";

$check = imap_client();
$check->examine($mailbox);
$found = $check->search();
echo "messages: ", count($found), "\n";
$flags = $check->fetch($uid, ['flags'])[0]->flags;
var_dump(in_array('\Deleted', $flags, true));
$check->logout();

// The parked session is reused and has no mailbox selected.
$lines = [];
$again = imap_client(['persistent' => true, 'logger' => function (string $line) use (&$lines) { $lines[] = $line; }]);
$again->connect();
echo "logged in again: ", count(preg_grep('/^C: \S+ (LOGIN|AUTHENTICATE)\b/', $lines)), "\n";
try {
    $again->search();
} catch (MailBridge\Exception $e) {
    echo get_class($e), "\n";
}
$again->logout();
MailBridge\Pool::clear();
?>
--EXPECTF--
bool(false)
CLOSE sent: 0
UNSELECT sent: 1
messages: 1
bool(true)
logged in again: 0
%s

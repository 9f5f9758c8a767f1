--TEST--
ImapClient: copy and move return the new UIDs, expunge removes deleted messages
--SKIPIF--
<?php require __DIR__ . '/imap.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/imap.inc';
$client = imap_client();
$source = imap_test_mailbox($client);
$target = $source . '-target';
$client->createMailbox($target);
$uids = [];
foreach (['one', 'two', 'three', 'four'] as $subject) {
    $uids[$subject] = $client->append($source, imap_plain_message($subject));
}
$client->select($source);

$copied = $client->copy([$uids['one'], $uids['two']], $target);
var_dump(array_keys($copied) === [$uids['one'], $uids['two']]);
var_dump($client->status($target)->messages);
var_dump($client->status($source)->messages);

$moved = $client->move($uids['three'], $target);
var_dump(array_keys($moved) === [$uids['three']]);
var_dump($client->status($target)->messages);
var_dump($client->search() === [$uids['one'], $uids['two'], $uids['four']]);

// The moved message arrives with its subject under the reported UID.
$check = imap_client();
$check->examine($target);
[$message] = $check->fetch($moved[$uids['three']], ['envelope']);
echo $message->envelope['subject'], "\n";
$check->logout();

// UID EXPUNGE removes only the listed deleted message.
$client->setFlags([$uids['one'], $uids['two']], ['\Deleted']);
var_dump($client->expunge($uids['one']));
var_dump($client->search() === [$uids['two'], $uids['four']]);
// EXPUNGE removes every deleted message.
var_dump($client->expunge());
var_dump($client->search() === [$uids['four']]);
var_dump($client->expunge());

try {
    $client->copy($uids['four'], $source . '-missing');
} catch (MailBridge\ServerReplyException $e) {
    echo get_class($e), ' at ', $e->getStage(), ' ', $e->getResponseStatus(), ' ', $e->getResponseCode(), "\n";
}
try {
    $client->copy([], $target);
} catch (ValueError $e) {
    echo $e->getMessage(), "\n";
}
try {
    $client->move(0, $target);
} catch (ValueError $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECT--
bool(true)
int(2)
int(4)
bool(true)
int(3)
bool(true)
three
int(1)
bool(true)
int(1)
bool(true)
int(0)
MailBridge\ServerReplyException at copy NO TRYCREATE
MailBridge\ImapClient::copy(): Argument #1 ($uids) must not be empty
MailBridge\ImapClient::move(): Argument #1 ($uids) must contain UIDs from 1 to 4294967295, 0 given

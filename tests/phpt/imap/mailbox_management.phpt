--TEST--
ImapClient: create, list, status, subscribe, rename and delete mailboxes with UTF-8 names
--SKIPIF--
<?php require __DIR__ . '/imap.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/imap.inc';
$lines = [];
$client = imap_client(['logger' => function (string $line) use (&$lines) { $lines[] = $line; }]);
$base = imap_test_mailbox($client);
$drafts = "$base.Entwürfe";
$client->createMailbox($drafts);
echo "wire name: ", json_encode((bool) preg_grep('/^C: A\d+ CREATE "?' . preg_quote($base, '/') . '\.Entw&APw-rfe"?$/', $lines)), "\n";

$names = array_map(fn ($m) => $m->name, $client->listMailboxes("$base*"));
sort($names);
var_dump($names === [$base, $drafts]);
[$entry] = $client->listMailboxes($drafts);
var_dump($entry->name === $drafts, $entry->delimiter);
var_dump(in_array('\HasNoChildren', $entry->attributes, true));

$client->append($drafts, imap_plain_message('Draft'));
$status = $client->status($drafts);
var_dump($status->name === $drafts, $status->messages, $status->unseen, $status->uidNext, $status->uidValidity > 0);

$client->subscribe($drafts);
$client->unsubscribe($drafts);

$renamed = "$base.Корзина";
$client->renameMailbox($drafts, $renamed);
$names = array_map(fn ($m) => $m->name, $client->listMailboxes("$base.*"));
var_dump($names === [$renamed]);
var_dump($client->examine($renamed)->exists);

$client->select('INBOX');
$client->deleteMailbox($renamed);
var_dump($client->listMailboxes("$base.*"));

try {
    $client->select("$base.missing");
} catch (MailBridge\ServerReplyException $e) {
    echo get_class($e), ' at ', $e->getStage(), ' ', $e->getResponseStatus(), ': ', $e->getServerText(), "\n";
}
try {
    $client->createMailbox("bad\xFFname");
} catch (ValueError $e) {
    echo get_class($e), "\n";
}
?>
--EXPECTF--
wire name: true
bool(true)
bool(true)
string(1) "."
bool(true)
bool(true)
int(1)
int(1)
int(2)
bool(true)
bool(true)
int(1)
array(0) {
}
MailBridge\ServerReplyException at select NO: Mailbox doesn't exist: %s
ValueError

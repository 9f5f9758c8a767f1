--TEST--
Compat\ImapHandler: createMailbox, renameMailbox, deleteMailbox, subscribe, getMailboxes, getStatus
--SKIPIF--
<?php require __DIR__ . '/handler.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/handler.inc';
use MailBridge\Compat\ImapHandler;

$handler = open_handler();
$server = handler_server();
$folder = handler_test_mailbox($handler);

var_dump($handler->createMailbox($server . "$folder.Old"));
var_dump($handler->renameMailbox($server . "$folder.Old", $server . "$folder.New"));
var_dump($handler->subscribe($server . "$folder.New"));
// Names go out verbatim, as ext/imap sends them: modified UTF-7 is the caller's job.
var_dump($handler->createMailbox($server . "$folder.Entw&APw-rfe"));
var_dump($handler->utf7Encode('Entw&APw-rfe'));

$list = $handler->getMailboxes($server, "$folder*");
usort($list, fn ($a, $b) => strcmp($a->name, $b->name));
foreach ($list as $mailbox) {
    echo str_replace($folder, 'FOLDER', $mailbox->name), ' ', $mailbox->attributes, ' ', $mailbox->delimiter, "\n";
}
echo implode(',', array_keys(get_object_vars($list[0]))), "\n";
var_dump($handler->getMailboxes($server, "$folder-none*"));

$handler->append($server . "$folder.New", handler_message('Counted'));
$status = $handler->getStatus($server . "$folder.New", ImapHandler::SA_ALL);
echo implode(',', array_keys(get_object_vars($status))), "\n";
var_dump($status->flags, $status->messages, $status->unseen, $status->uidnext);
$status = $handler->getStatus($server . "$folder.New", ImapHandler::SA_MESSAGES | ImapHandler::SA_UNSEEN);
echo implode(',', array_keys(get_object_vars($status))), "\n";

var_dump($handler->unsubscribe($server . "$folder.New"));
var_dump($handler->deleteMailbox($server . "$folder.New"));
var_dump($handler->deleteMailbox($server . "$folder.New"));
var_dump($handler->getErrors());
var_dump($handler->getStatus($server . "$folder.New", ImapHandler::SA_ALL));
var_dump(count($handler->getErrors()));
$handler->close();
?>
--EXPECTF--
bool(true)
bool(true)
bool(true)
bool(true)
string(9) "Entwürfe"
{localhost:%d/ssl}FOLDER 32 .
{localhost:%d/ssl}FOLDER.Entw&APw-rfe 64 .
{localhost:%d/ssl}FOLDER.New 64 .
name,attributes,delimiter
bool(false)
flags,messages,recent,unseen,uidnext,uidvalidity
int(31)
int(1)
int(1)
int(2)
flags,messages,unseen
bool(true)
bool(true)
bool(false)
array(1) {
  [0]=>
  string(%d) "%s"
}
bool(false)
int(1)

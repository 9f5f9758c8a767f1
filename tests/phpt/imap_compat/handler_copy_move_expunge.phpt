--TEST--
Compat\ImapHandler: mailCopy, mailMove by number and UID, expunge, close with CL_EXPUNGE
--SKIPIF--
<?php require __DIR__ . '/handler.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/handler.inc';
use MailBridge\Compat\ImapHandler;

$handler = open_handler();
$folder = handler_test_mailbox($handler);
$server = handler_server();
var_dump($handler->createMailbox($server . "$folder.Archive"));
foreach (['One', 'Two', 'Three', 'Four'] as $subject) {
    $handler->append($server . $folder, handler_message($subject));
}
$handler->reopen($server . $folder);

var_dump($handler->mailCopy('1:2', $server . "$folder.Archive"));
var_dump($handler->getStatus($server . "$folder.Archive", ImapHandler::SA_MESSAGES)->messages);

// ext/imap moves with COPY and \Deleted: the source stays until expunge.
$uid = $handler->getUid(4);
var_dump($handler->mailMove((string)$uid, "$folder.Archive", ImapHandler::CP_UID));
var_dump($handler->mailMove('3', $server . "$folder.Archive"));
var_dump($handler->getNumberOfMessages(), $handler->search('DELETED'));
var_dump($handler->expunge(), $handler->getNumberOfMessages());
var_dump($handler->getStatus($server . "$folder.Archive", ImapHandler::SA_MESSAGES)->messages);

var_dump($handler->mailCopy('1', $server . "$folder.NoSuchFolder"));
var_dump($handler->getLastError() !== false);
$handler->getErrors();

try {
    $handler->mailMove('1', "$folder.Archive", ImapHandler::CP_MOVE);
} catch (ValueError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}

// CL_EXPUNGE on close removes what delete() marked.
$handler->delete('1');
var_dump($handler->close(ImapHandler::CL_EXPUNGE));
$check = open_handler($folder, ImapHandler::OP_READONLY);
var_dump($check->getNumberOfMessages());
$summary = [];
foreach ($check->fetchOverview('1:*') as $overview) {
    $summary[] = $overview->subject;
}
echo implode(',', $summary), "\n";
$check->close();
?>
--EXPECT--
bool(true)
bool(true)
int(2)
bool(true)
bool(true)
int(4)
array(2) {
  [0]=>
  int(3)
  [1]=>
  int(4)
}
bool(true)
int(2)
int(4)
bool(false)
bool(true)
ValueError: MailBridge\Compat\ImapHandler::mailMove(): Argument #3 ($options) must be a bitmask of CP_UID
bool(true)
int(1)
Two

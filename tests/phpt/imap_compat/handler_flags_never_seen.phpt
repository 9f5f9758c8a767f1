--TEST--
Compat\ImapHandler: reading never sets \Seen, even without FT_PEEK; setFlagFull and clearFlagFull
--SKIPIF--
<?php require __DIR__ . '/handler.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/handler.inc';
use MailBridge\Compat\ImapHandler;

$handler = open_handler();
$folder = handler_test_mailbox($handler);
$mailbox = handler_server() . $folder;
foreach (['First', 'Second', 'Third'] as $subject) {
    var_dump($handler->append($mailbox, handler_message($subject, "Body of $subject\r\n")));
}
$handler->reopen($mailbox);
$uid = $handler->getUid(1);

// Every method that reads, without FT_PEEK where it takes one.
$handler->fetchBody(1, '');
$handler->fetchBody(1, '1');
$handler->fetchBody($uid, '1', ImapHandler::FT_UID);
$handler->fetchBody(1, '0');
$handler->getBody(1);
$handler->getBody($uid, ImapHandler::FT_UID);
$handler->fetchHeader(1);
$handler->fetchStructure(1);
$handler->fetchMime(1, '1');
$handler->getHeaderInfo(1, 10, 10);
$handler->fetchOverview('1:3');
$handler->getMessageList(null, ImapHandler::SORTDATE, 0, 0, 10, $info, ['has_attachment' => true], 'basic');
echo "after reading: ", handler_flags($handler, 1), "\n";

// A fresh session reads the stored flags.
$other = open_handler($folder, ImapHandler::OP_READONLY);
var_dump($other->search('UNSEEN'));

var_dump($handler->setFlagFull('1,3', '\\SEEN \\FLAGGED'));
echo "set by number: ", handler_flags($handler, 1), " / ", handler_flags($handler, 2), " / ", handler_flags($handler, 3), "\n";
var_dump($handler->setFlagFull((string)$handler->getUid(2), '\\Answered $Custom', ImapHandler::ST_UID));
echo "set by UID: ", handler_flags($handler, 2), "\n";
// Message 2 is \Recent in this session, so Unseen is " ": ext/imap sets "U"
// only for a message that is neither recent nor seen.
$header = $handler->getHeaderInfo(2);
echo "headerinfo: [", $header->Unseen, $header->Flagged, $header->Answered, $header->Deleted, "]\n";
var_dump($handler->clearFlagFull('3', '\\Flagged'));
echo "cleared: ", handler_flags($handler, 3), "\n";
var_dump($handler->delete('3'));
echo "deleted: ", handler_flags($handler, 3), "\n";
var_dump($handler->search('DELETED'), $handler->search('UNDELETED UNSEEN'));

try {
    $handler->setFlagFull('1', '\\Seen', ImapHandler::CP_MOVE);
} catch (ValueError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
$handler->close();
$other->close();
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
after reading: (none)
array(3) {
  [0]=>
  int(1)
  [1]=>
  int(2)
  [2]=>
  int(3)
}
bool(true)
set by number: flagged seen / (none) / flagged seen
bool(true)
set by UID: answered
headerinfo: [  A ]
bool(true)
cleared: seen
bool(true)
deleted: deleted seen
array(1) {
  [0]=>
  int(3)
}
array(1) {
  [0]=>
  int(2)
}
ValueError: MailBridge\Compat\ImapHandler::setFlagFull(): Argument #3 ($options) must be a bitmask of ST_UID

--TEST--
Compat\ImapHandler: append with "\\Seen" and an internal date, as SuiteCRM files sent mail
--SKIPIF--
<?php require __DIR__ . '/handler.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/handler.inc';

$handler = open_handler();
$folder = handler_test_mailbox($handler);
$mailbox = handler_server() . $folder;
var_dump($handler->append($mailbox, handler_message('Sent copy'), "\\Seen"));
var_dump($handler->append($mailbox, handler_message('Dated'), null, '15-Feb-2024 08:30:00 +0100'));
var_dump($handler->append($mailbox, handler_message('Both'), "\\Seen \\Flagged", '01-Mar-2024 12:00:00 +0000'));
$handler->reopen($mailbox);
foreach ($handler->fetchOverview('1:*') as $overview) {
    echo $overview->subject, ': ', handler_flags($handler, $overview->msgno), ' ', gmdate('Y-m-d H:i:s', $overview->udate), "\n";
}
// The handler sends the internal date in UTC, the same instant.
echo $handler->getHeaderInfo(2)->MailDate, "\n";
var_dump($handler->append($mailbox . '.missing', handler_message('Nowhere')));
var_dump(is_string($handler->getLastError()));
try {
    $handler->append($mailbox, handler_message('Bad date'), null, 'yesterday');
} catch (ValueError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
$handler->close();
?>
--EXPECTF--
bool(true)
bool(true)
bool(true)
Sent copy: seen %d-%d-%d %d:%d:%d
Dated: (none) 2024-02-15 07:30:00
Both: flagged seen 2024-03-01 12:00:00
15-Feb-2024 07:30:00 +0000
bool(false)
bool(true)
ValueError: MailBridge\Compat\ImapHandler::append(): Argument #4 ($internal_date) must be a date such as "04-Dec-2026 19:32:25 +0000"

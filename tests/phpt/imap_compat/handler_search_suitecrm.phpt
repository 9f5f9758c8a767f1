--TEST--
Compat\ImapHandler: the search strings SuiteCRM sends, false when nothing matches, unknown criteria
--SKIPIF--
<?php require __DIR__ . '/handler.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/handler.inc';
use MailBridge\Compat\ImapHandler;

$handler = open_handler();
$folder = handler_test_mailbox($handler);
$mailbox = handler_server() . $folder;
$handler->append($mailbox, handler_message('Quote request', "Please send a quote\r\n", '"Müller, Hans" <hans@example.test>'));
$handler->append($mailbox, handler_message('Invoice 42', "Invoice attached\r\n", 'Billing <billing@example.test>'), '\\Seen');
$handler->append($mailbox, handler_message('Old news', "Archive\r\n"), '\\Seen \\Deleted', '02-Jan-2023 09:00:00 +0000');
$handler->reopen($mailbox);
$uids = [1 => $handler->getUid(1), 2 => $handler->getUid(2), 3 => $handler->getUid(3)];

$since = date('d-M-Y', time() - 86400);
$cases = [
    ['ALL', ImapHandler::SE_FREE],
    ['ALL UNDELETED', ImapHandler::SE_FREE],
    ['UNSEEN', ImapHandler::SE_FREE],
    ['UNDELETED UNSEEN', ImapHandler::SE_UID],
    ["SINCE \"$since\" UNDELETED", ImapHandler::SE_FREE],
    ["SINCE \"$since\" UNDELETED UNSEEN", ImapHandler::SE_UID],
    ['DELETED', ImapHandler::SE_FREE],
    ['DELETED SINCE "01-Jan-2023"', ImapHandler::SE_FREE],
    ['SUBJECT Invoice FROM "billing" TEXT "attached" SINCE "01-Jan-2020" BEFORE "01-Jan-2090"', ImapHandler::SE_FREE],
    ['SUBJECT "nothing like this"', ImapHandler::SE_FREE],
    ['BEFORE "01-Jan-2000"', ImapHandler::SE_FREE],
    ['OR SEEN UNSEEN', ImapHandler::SE_FREE],
    ['UID 1:3', ImapHandler::SE_FREE],
    // c-client reads years from 1970 to 2097 only.
    ['BEFORE "01-Jan-2099"', ImapHandler::SE_FREE],
];
foreach ($cases as [$criteria, $options]) {
    $result = $handler->search($criteria, $options);
    if (is_array($result) && $options === ImapHandler::SE_UID) {
        $result = array_map(fn ($uid) => 'msgno ' . array_search($uid, $uids, true), $result);
    }
    echo str_replace($since, 'YESTERDAY', $criteria), ' => ', $result === false ? 'false' : implode(',', $result),
        ' ', json_encode($handler->getErrors()), "\n";
}
// A non-ASCII string goes out with CHARSET UTF-8.
var_dump($handler->search('FROM "Müller"', ImapHandler::SE_FREE, 'UTF-8'));

var_dump($handler->sort(ImapHandler::SORTDATE, true, ImapHandler::SE_UID, 'ALL') === [$uids[2], $uids[1], $uids[3]]);
var_dump($handler->sort(ImapHandler::SORTSUBJECT, false, 0));
var_dump($handler->getMessageNo($uids[2]), $handler->getMessageNo(999999));

try {
    $handler->search('ALL', 8);
} catch (ValueError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
$handler->close();
?>
--EXPECT--
ALL => 1,2,3 false
ALL UNDELETED => 1,2 false
UNSEEN => 1 false
UNDELETED UNSEEN => msgno 1 false
SINCE "YESTERDAY" UNDELETED => 1,2 false
SINCE "YESTERDAY" UNDELETED UNSEEN => msgno 1 false
DELETED => 3 false
DELETED SINCE "01-Jan-2023" => 3 false
SUBJECT Invoice FROM "billing" TEXT "attached" SINCE "01-Jan-2020" BEFORE "01-Jan-2090" => 2 false
SUBJECT "nothing like this" => false false
BEFORE "01-Jan-2000" => false false
OR SEEN UNSEEN => false ["Unknown search criterion: OR"]
UID 1:3 => false ["Unknown search criterion: UID"]
BEFORE "01-Jan-2099" => false ["Unknown search criterion: BEFORE"]
array(1) {
  [0]=>
  int(1)
}
bool(true)
array(3) {
  [0]=>
  int(2)
  [1]=>
  int(3)
  [2]=>
  int(1)
}
int(2)
int(0)
ValueError: MailBridge\Compat\ImapHandler::search(): Argument #2 ($options) must be a bitmask of SE_FREE and SE_UID

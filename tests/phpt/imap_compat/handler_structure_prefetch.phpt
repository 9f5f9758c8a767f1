--TEST--
Compat\ImapHandler: fetchStructure() fetched ahead matches a fresh handler after changes
--SKIPIF--
<?php require __DIR__ . '/handler.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/handler.inc';
use MailBridge\Compat\ImapHandler;

/** Message $i: text/plain of $i + 1 lines, or with a PDF part for every third $i. */
function prefetch_message(string $subject, int $i): string
{
    $body = str_repeat("line\r\n", $i + 1);
    if ($i % 3 !== 0) {
        return handler_message($subject, $body);
    }
    $message = handler_message($subject, '');
    $message = str_replace("\r\n\r\n", "\r\nMIME-Version: 1.0\r\n"
        . "Content-Type: multipart/mixed; boundary=\"b$i\"\r\n\r\n", $message);
    return $message . "--b$i\r\nContent-Type: text/plain\r\n\r\n$body"
        . "--b$i\r\nContent-Type: application/pdf; name=\"f$i.pdf\"\r\n"
        . "Content-Disposition: attachment; filename=\"f$i.pdf\"\r\n"
        . "Content-Transfer-Encoding: base64\r\n\r\n" . base64_encode(str_repeat('%', $i)) . "\r\n--b$i--\r\n";
}

function fill(ImapHandler $handler, string $mailbox, int $first, int $count): void
{
    for ($i = $first; $i < $first + $count; $i++) {
        $handler->append(handler_server() . $mailbox, prefetch_message("Message $i", $i));
    }
}

/** The serialized fetchStructure() of every message, by message number or with FT_UID by UID. */
function structures(ImapHandler $handler, int $options = 0): array
{
    $result = [];
    for ($msgno = 1; $msgno <= $handler->getNumberOfMessages(); $msgno++) {
        $number = $options & ImapHandler::FT_UID ? $handler->getUid($msgno) : $msgno;
        $result[$number] = serialize($handler->fetchStructure($number, $options));
    }
    return $result;
}

function fresh_structures(string $mailbox): array
{
    $fresh = open_handler($mailbox, ImapHandler::OP_READONLY);
    $result = structures($fresh);
    $fresh->close();
    return $result;
}

$setup = open_handler();
$folder = handler_test_mailbox($setup);
$other = handler_test_mailbox($setup);
// 70 messages: a loop needs two windows of 64.
fill($setup, $folder, 1, 70);
fill($setup, $other, 100, 5);

$handler = open_handler($folder);
$first = structures($handler);
echo "loop matches a fresh handler: ";
var_dump($first === fresh_structures($folder));
echo "different structures: ", count(array_unique($first)), "\n";

// Another session expunges message 2 and appends one, so the count stays 70.
$handler->fetchStructure(1);
$writer = open_handler($folder);
$writer->delete('2');
$writer->expunge();
fill($writer, $folder, 200, 1);
$writer->close();
var_dump($handler->ping(), $handler->getNumberOfMessages());
$after = structures($handler);
echo "after another session's expunge: ";
var_dump($after === fresh_structures($folder));
echo "message 2 is the former message 3: ";
var_dump($after[2] === $first[3]);
echo "by UID: ";
var_dump(array_values(structures($handler, ImapHandler::FT_UID)) === array_values($after));

// This handler expunges message 1 itself.
$handler->delete('1');
$handler->expunge();
echo "after its own expunge: ";
var_dump(structures($handler) === fresh_structures($folder));

// Another mailbox has messages with the same numbers and UIDs.
$handler->reopen(handler_server() . $other);
echo "after reopen: ";
var_dump(structures($handler) === fresh_structures($other));

// The mailbox is deleted and created again: same UIDs, new UIDVALIDITY.
$handler->reopen(handler_server() . 'INBOX');
$writer = open_handler();
$writer->deleteMailbox(handler_server() . $other);
$writer->createMailbox(handler_server() . $other);
fill($writer, $other, 300, 5);
$writer->close();
$handler->reopen(handler_server() . $other);
$recreated = structures($handler);
echo "after a new UIDVALIDITY: ";
var_dump($recreated === fresh_structures($other));
var_dump($handler->getErrors());
$handler->close();
?>
--EXPECT--
loop matches a fresh handler: bool(true)
different structures: 70
bool(true)
int(70)
after another session's expunge: bool(true)
message 2 is the former message 3: bool(true)
by UID: bool(true)
after its own expunge: bool(true)
after reopen: bool(true)
after a new UIDVALIDITY: bool(true)
bool(false)

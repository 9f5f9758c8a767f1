--TEST--
Compat\ImapHandler: open, check, ping, reopen, close over TLS and STARTTLS
--SKIPIF--
<?php require __DIR__ . '/handler.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/handler.inc';
use MailBridge\Compat\ImapHandler;

$handler = new_handler();
var_dump($handler->isAvailable());
var_dump($handler->isValidStream(null), $handler->getConnection());
var_dump($handler->close());

$user = mb_env('MAILBRIDGE_TEST_USER');
$stream = $handler->open(handler_server() . 'INBOX', $user, mb_env('MAILBRIDGE_TEST_PASSWORD'));
var_dump($stream === $handler, $handler->isValidStream($stream), $handler->getConnection() === $handler);
var_dump($handler->isValidStream(new stdClass()), $handler->isValidStream(new_handler()));
var_dump($handler->getErrors(), $handler->getLastError());
$check = $handler->check();
echo implode(',', array_keys(get_object_vars($check))), "\n";
echo $check->Driver, ' ', $check->Mailbox, "\n";
var_dump(is_int($check->Nmsgs), $handler->getNumberOfMessages() === $check->Nmsgs);
var_dump($handler->ping());

$folder = handler_test_mailbox($handler);
var_dump($handler->reopen(handler_server() . $folder, ImapHandler::OP_READONLY));
$check = $handler->check();
var_dump($check->Mailbox === '{localhost:' . mb_env('MAILBRIDGE_TEST_IMAPS_PORT') . '/imap/notls/ssl/readonly/user="'
    . $user . '"}' . $folder, $check->Nmsgs);
var_dump($handler->close(), $handler->isValidStream($stream), $handler->ping());
try {
    $handler->check();
} catch (ValueError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}

// No TLS switch: STARTTLS on 143, as c-client negotiates it when offered.
$plain = new_handler();
var_dump($plain->open(handler_server('') . 'INBOX', $user, mb_env('MAILBRIDGE_TEST_PASSWORD'), ImapHandler::OP_HALFOPEN) === $plain);
var_dump($plain->ping(), $plain->close(ImapHandler::CL_EXPUNGE));

try {
    $plain->open(handler_server(), $user, 'x', 1024);
} catch (ValueError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    $plain->open(handler_server(), $user, 'x', 0, -1);
} catch (ValueError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECTF--
bool(true)
bool(false)
NULL
bool(false)
bool(true)
bool(true)
bool(true)
bool(false)
bool(false)
bool(false)
bool(false)
Date,Driver,Mailbox,Nmsgs,Recent
imap {localhost:%d/imap/notls/ssl/user="user@example.test"}INBOX
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
int(0)
bool(true)
bool(false)
bool(false)
ValueError: No IMAP connection is open: call open() first, or check its result
bool(true)
bool(true)
bool(true)
ValueError: MailBridge\Compat\ImapHandler::open(): Argument #4 ($options) must be a bitmask of the OP_* constants, and CL_EXPUNGE
ValueError: MailBridge\Compat\ImapHandler::open(): Argument #5 ($n_retries) must be greater than or equal to 0

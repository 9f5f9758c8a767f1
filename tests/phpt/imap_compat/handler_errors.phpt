--TEST--
Compat\ImapHandler: wrong password, bad mailbox strings, warnings and the error log
--SKIPIF--
<?php require __DIR__ . '/handler.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/handler.inc';
use MailBridge\Compat\ImapHandler;

$user = mb_env('MAILBRIDGE_TEST_USER');
$handler = new_handler();
var_dump($handler->getErrors(), $handler->getLastError(), $handler->getAlerts());

var_dump($handler->open(handler_server() . 'INBOX', $user, 'wrong-password'));
var_dump($handler->getLastError());
var_dump($handler->getErrors());
var_dump($handler->getLastError(), $handler->isValidStream($handler));

foreach (['{localhost:993/tls/ssl}INBOX', '{localhost:0}INBOX', '{localhost/service=smtp/foo}INBOX'] as $mailbox) {
    var_dump(@$handler->open($mailbox, $user, 'x'));
    echo json_encode($handler->getErrors()), "\n";
}
// SuiteCRM's OAuth flag with a password that is no token fails like a wrong password.
var_dump(@$handler->open(handler_server() . 'INBOX', $user, 'not-a-token', ImapHandler::OP_XOAUTH2 | ImapHandler::CL_EXPUNGE));
var_dump(str_starts_with($handler->getErrors()[0], 'Can not authenticate to IMAP server: '));

$handler = open_handler();
$count = $handler->getNumberOfMessages();
var_dump($handler->fetchBody($count + 1, '1'));
var_dump($handler->getUid($count + 1));
var_dump($handler->fetchHeader(999999, ImapHandler::FT_UID));
var_dump($handler->fetchOverview('99999999'), $handler->getErrors());
try {
    $handler->fetchBody(0, '1');
} catch (ValueError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
var_dump($handler->reopen(handler_server() . 'no-such-mailbox-' . mb_unique_token()));
var_dump(count($handler->getErrors()));

// The password appears in no output.
ob_start();
var_dump($handler);
print_r($handler);
$dump = ob_get_clean();
var_dump(str_contains($dump, mb_env('MAILBRIDGE_TEST_PASSWORD')));
?>
--EXPECTF--
bool(false)
bool(false)
bool(false)

Warning: MailBridge\Compat\ImapHandler::open(): Couldn't open stream {localhost:%d/ssl}INBOX in %s on line %d
bool(false)
string(%d) "Can not authenticate to IMAP server: [AUTHENTICATIONFAILED] Authentication failed."
array(1) {
  [0]=>
  string(%d) "Can not authenticate to IMAP server: [AUTHENTICATIONFAILED] Authentication failed."
}
bool(false)
bool(false)
bool(false)
["Can't open mailbox {localhost:993\/tls\/ssl}INBOX: invalid remote specification"]
bool(false)
["Can't open mailbox {localhost:0}INBOX: invalid remote specification"]
bool(false)
["Can't open mailbox {localhost\/service=smtp\/foo}INBOX: invalid remote specification"]
bool(false)
bool(true)

Warning: MailBridge\Compat\ImapHandler::fetchBody(): Bad message number in %s on line %d
bool(false)

Warning: MailBridge\Compat\ImapHandler::getUid(): Bad message number in %s on line %d
bool(false)

Warning: MailBridge\Compat\ImapHandler::fetchHeader(): UID does not exist in %s on line %d
bool(false)
array(0) {
}
array(1) {
  [0]=>
  string(21) "Sequence out of range"
}
ValueError: MailBridge\Compat\ImapHandler::fetchBody(): Argument #1 ($msg_number) must be greater than 0
bool(false)
int(1)
bool(false)

--TEST--
Compat\ImapHandler: no password without TLS, certificates verified unless /novalidate-cert
--SKIPIF--
<?php require __DIR__ . '/handler.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/handler.inc';
use MailBridge\Compat\ImapHandler;

$user = mb_env('MAILBRIDGE_TEST_USER');
$password = mb_env('MAILBRIDGE_TEST_PASSWORD');

// /notls: ext/imap would send the password in clear text; the handler does not.
$handler = new_handler();
var_dump(@$handler->open(handler_server('/notls') . 'INBOX', $user, $password));
echo $handler->getErrors()[0], "\n";

// /tls: STARTTLS on 143.
var_dump(@$handler->open(handler_server('/tls') . 'INBOX', $user, $password) === $handler);
$handler->close();

// Without the test CA the certificate fails, unless the string says /novalidate-cert.
$untrusting = new ImapHandler();
var_dump(@$untrusting->open(handler_server() . 'INBOX', $user, $password));
echo $untrusting->getErrors()[0], "\n";
var_dump(@$untrusting->open(handler_server('/ssl/novalidate-cert') . 'INBOX', $user, $password) === $untrusting);
echo $untrusting->check()->Mailbox, "\n";
$untrusting->close();
?>
--EXPECTF--
bool(false)
Can not authenticate to IMAP server: refusing to send credentials over an unencrypted connection
bool(true)
bool(false)
certificate verification failed: unable to get local issuer certificate with localhost:%d
bool(true)
{localhost:%d/imap/notls/ssl/novalidate-cert/user="user@example.test"}INBOX

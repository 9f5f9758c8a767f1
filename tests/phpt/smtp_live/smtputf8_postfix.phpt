--TEST--
SMTPUTF8: a non-ASCII local part goes out with MAIL FROM ... SMTPUTF8 when Postfix offers it
--SKIPIF--
<?php require __DIR__ . '/live.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/live.inc';
$lines = [];
$transport = new MailBridge\SmtpTransport(live_options([
    'logger' => function (string $line) use (&$lines) { $lines[] = $line; },
]));
$token = mb_unique_token();
$message = live_message($token)->cc('δοκιμή@example.test');
$result = $transport->send($message);
var_dump($result->accepted === [mb_env('MAILBRIDGE_TEST_USER')]);
var_dump(array_keys($result->rejected) === ['δοκιμή@example.test']);
var_dump((bool) preg_grep('/^C: MAIL FROM:<[^>]+>.* SMTPUTF8$/', $lines));
// Postfix accepts the message; it is not read back because Dovecot 2.3's
// LMTP server does not offer SMTPUTF8, so Postfix bounces the local copy.
?>
--EXPECT--
bool(true)
bool(true)
bool(true)

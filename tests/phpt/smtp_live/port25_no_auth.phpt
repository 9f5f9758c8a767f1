--TEST--
SMTP: send through port 25 without TLS or AUTH to a local mailbox
--SKIPIF--
<?php require __DIR__ . '/live.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/live.inc';
$options = live_options([
    'port' => (int) mb_env('MAILBRIDGE_TEST_SMTP_PORT'),
    'security' => 'none',
]);
unset($options['username'], $options['password']);
$transport = new MailBridge\SmtpTransport($options);
$token = mb_unique_token();
$result = $transport->send(live_message($token));
var_dump($result->accepted === [mb_env('MAILBRIDGE_TEST_USER')]);
$raw = mb_wait_for_message($token);
var_dump(str_contains($raw, "token $token"));
?>
--EXPECT--
bool(true)
bool(true)

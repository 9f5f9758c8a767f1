--TEST--
SMTP: a non-local recipient on port 25 is rejected per recipient, the local one is delivered
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
$message = live_message($token)->to('someone@elsewhere.invalid');
$result = $transport->send($message);
var_dump($result->accepted === [mb_env('MAILBRIDGE_TEST_USER')]);
var_dump(array_keys($result->rejected));
$status = $result->rejected['someone@elsewhere.invalid'];
var_dump($status instanceof MailBridge\RecipientStatus);
var_dump(in_array($status->code, [550, 554], true));
var_dump($status->enhancedStatus);
var_dump(str_contains($status->text, 'Relay access denied'));
$raw = mb_wait_for_message($token);
var_dump(str_contains($raw, "token $token"));
?>
--EXPECT--
bool(true)
array(1) {
  [0]=>
  string(25) "someone@elsewhere.invalid"
}
bool(true)
bool(true)
string(5) "5.7.1"
bool(true)
bool(true)

--TEST--
PIPELINING: MAIL, RCPT and DATA go out in one write; when every RCPT fails the DATA reply is consumed and RSET follows
--SKIPIF--
<?php require __DIR__ . '/live.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/live.inc';
$lines = [];
$options = live_options([
    'port' => (int) mb_env('MAILBRIDGE_TEST_SMTP_PORT'),
    'security' => 'none',
    'logger' => function (string $line) use (&$lines) { $lines[] = $line; },
]);
unset($options['username'], $options['password']);
$transport = new MailBridge\SmtpTransport($options);
$message = live_message(mb_unique_token());
$rejected = (new MailBridge\Message())->from(mb_env('MAILBRIDGE_TEST_USER'))
    ->to('x@elsewhere.invalid', 'y@elsewhere.invalid')->subject('nobody')->text('body');
try {
    $transport->send($rejected);
} catch (MailBridge\ServerReplyException $e) {
    echo $e->getStage(), ' ', $e->getReplyCode(), ' ', $e->getEnhancedStatus(), "\n";
}
// The commands went out before any reply was read.
$commands = array_values(preg_grep('/^[CS]: /', $lines));
$mail = array_search('C: MAIL FROM:<' . mb_env('MAILBRIDGE_TEST_USER') . '> SIZE=' . strlen($rejected->toString()), $commands);
echo implode("\n", array_slice($commands, $mail, 9)), "\n";

$token = mb_unique_token();
$result = $transport->send(live_message($token));
echo $result->status, "\n";
mb_wait_for_message($token);
echo "delivered on the same connection: ", count(preg_grep('/^\* connecting/', $lines)), "\n";
?>
--EXPECTF--
rcpt 554 5.7.1
C: MAIL FROM:<%s> SIZE=%d
C: RCPT TO:<x@elsewhere.invalid>
C: RCPT TO:<y@elsewhere.invalid>
C: DATA
S: 250 2.1.0 Ok
S: 554 5.7.1 <x@elsewhere.invalid>: Relay access denied
S: 554 5.7.1 <y@elsewhere.invalid>: Relay access denied
S: 554 5.5.1 Error: no valid recipients
C: RSET
sent
delivered on the same connection: 1

--TEST--
SMTP: send through submission port with STARTTLS and AUTH LOGIN, delivered to Dovecot
--SKIPIF--
<?php require __DIR__ . '/live.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/live.inc';
$lines = [];
$transport = new MailBridge\SmtpTransport(live_options([
    'auth_mechanisms' => ['LOGIN'],
    'logger' => function (string $line) use (&$lines) { $lines[] = $line; },
]));
$token = mb_unique_token();
$message = live_message($token);
$result = $transport->send($message);
var_dump($result->accepted === [mb_env('MAILBRIDGE_TEST_USER')]);
var_dump($result->rejected);
var_dump($result->replyCode);
var_dump($result->messageId === $message->getMessageId());
var_dump($result->queueId !== null);
var_dump((bool) preg_grep('/^C: STARTTLS$/', $lines));
var_dump((bool) preg_grep('/^C: AUTH LOGIN/', $lines));
var_dump((bool) preg_grep('/^S: 235 /', $lines));

$raw = mb_wait_for_message($token);
var_dump(live_header($raw, 'Subject') === "Live test $token");
var_dump(live_header($raw, 'Message-ID') === '<' . $message->getMessageId() . '>');
var_dump(live_header($raw, 'From') === 'Sender Name <' . mb_env('MAILBRIDGE_TEST_USER') . '>');
var_dump(str_contains($raw, "\r\n.line starting with a dot\r\n") || str_contains($raw, "\n.line starting with a dot\n"));
var_dump(str_contains($raw, "token $token"));
$transport->close();
var_dump($transport->isConnected());
?>
--EXPECT--
bool(true)
array(0) {
}
int(250)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)

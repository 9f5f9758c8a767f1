--TEST--
SMTP: two sends on one transport reuse the authenticated connection
--SKIPIF--
<?php require __DIR__ . '/live.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/live.inc';
$lines = [];
$transport = new MailBridge\SmtpTransport(live_options([
    'logger' => function (string $line) use (&$lines) { $lines[] = $line; },
]));
$first = mb_unique_token();
$second = mb_unique_token();
$transport->send(live_message($first));
var_dump($transport->isConnected());
$transport->send(live_message($second));
var_dump(count(preg_grep('/^\* connecting to /', $lines)));
var_dump(count(preg_grep('/^C: AUTH /', $lines)));
var_dump(count(preg_grep('/^C: MAIL FROM:/', $lines)));
mb_wait_for_message($first);
mb_wait_for_message($second);
echo "both delivered\n";
?>
--EXPECT--
bool(true)
int(1)
int(1)
int(2)
both delivered

--TEST--
SMTP: without auth_mechanisms the client picks PLAIN first under TLS
--SKIPIF--
<?php require __DIR__ . '/live.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/live.inc';
$lines = [];
$transport = new MailBridge\SmtpTransport(live_options([
    'logger' => function (string $line) use (&$lines) { $lines[] = $line; },
]));
$result = $transport->send(live_message(mb_unique_token()));
var_dump($result->replyCode);
$offered = preg_grep('/^S: 250[- ]AUTH /', $lines);
$mechanisms = preg_split('/\s+/', trim(preg_replace('/^S: 250[- ]AUTH /', '', reset($offered))));
$preference = array_values(array_intersect(['PLAIN', 'LOGIN', 'CRAM-MD5'], $mechanisms));
$first = preg_grep('/^C: AUTH /', $lines);
var_dump(str_starts_with(reset($first), 'C: AUTH ' . $preference[0]));
var_dump((bool) preg_grep('/^\* authenticated with /', $lines));
?>
--EXPECT--
int(250)
bool(true)
bool(true)

--TEST--
SMTP: send through port 465 with implicit TLS, delivered to Dovecot
--SKIPIF--
<?php require __DIR__ . '/live.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/live.inc';
$lines = [];
$transport = new MailBridge\SmtpTransport(live_options([
    'port' => (int) mb_env('MAILBRIDGE_TEST_SMTPS_PORT'),
    'security' => 'tls',
    'logger' => function (string $line) use (&$lines) { $lines[] = $line; },
]));
$token = mb_unique_token();
$result = $transport->send(live_message($token));
var_dump($result->accepted === [mb_env('MAILBRIDGE_TEST_USER')]);
var_dump((bool) preg_grep('/^C: STARTTLS$/', $lines));
var_dump((bool) preg_grep('/^\* TLS established: TLSv1\.[23] /', $lines));
$raw = mb_wait_for_message($token);
var_dump(live_header($raw, 'Subject') === "Live test $token");
?>
--EXPECT--
bool(true)
bool(false)
bool(true)
bool(true)

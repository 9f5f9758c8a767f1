--TEST--
IDN: a Unicode domain goes out as an A-label, a non-ASCII local part needs SMTPUTF8 (smtp-sink lacks it)
--SKIPIF--
<?php require __DIR__ . '/live.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/live.inc';
$lines = [];
$transport = new MailBridge\SmtpTransport([
    'host' => mb_env('MAILBRIDGE_TEST_HOST'),
    'port' => (int) mb_env('MAILBRIDGE_TEST_SINK_PORT'),
    'security' => 'none',
    'timeout' => 10.0,
    'logger' => function (string $line) use (&$lines) { $lines[] = $line; },
]);

$ascii = (new MailBridge\Message())
    ->from('sender@example.test')
    ->to('Bücher Team <team@bücher.example>')
    ->subject('IDN')
    ->text('body');
$result = $transport->send($ascii);
var_dump($result->accepted);
var_dump((bool) preg_grep('/^C: RCPT TO:<team@xn--bcher-kva\.example>$/', $lines));
var_dump((bool) preg_grep('/SMTPUTF8/', preg_grep('/^C: MAIL/', $lines)));

$lines = [];
$unicode = (new MailBridge\Message())
    ->from('sender@example.test')
    ->to('δοκιμή@example.test')
    ->subject('SMTPUTF8')
    ->text('body');
try {
    $transport->send($unicode);
    echo "sent\n";
} catch (MailBridge\UnsupportedException $e) {
    var_dump($e->getStage());
    var_dump(str_contains($e->getMessage(), 'SMTPUTF8'));
    // Nothing of the transaction went out.
    var_dump((bool) preg_grep('/^C: (MAIL|RCPT)/', $lines));
}
?>
--EXPECT--
array(1) {
  [0]=>
  string(26) "team@xn--bcher-kva.example"
}
bool(true)
bool(false)
string(4) "mail"
bool(true)
bool(false)

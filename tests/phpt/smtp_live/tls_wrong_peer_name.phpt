--TEST--
TLS: a peer name that the certificate does not cover gives TlsException naming the mismatch
--SKIPIF--
<?php require __DIR__ . '/live.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/live.inc';
$lines = [];
$transport = new MailBridge\SmtpTransport(live_options([
    'tls' => ['cafile' => mb_env('MAILBRIDGE_TEST_CAFILE'), 'peer_name' => 'smtp.wrong-name.example'],
    'logger' => function (string $line) use (&$lines) { $lines[] = $line; },
]));
try {
    $transport->send(live_message(mb_unique_token()));
} catch (MailBridge\TlsException $e) {
    var_dump($e->getStage());
    var_dump(str_contains($e->getMessage(), 'hostname mismatch'));
    var_dump(str_contains($e->getMessage(), 'smtp.wrong-name.example'));
    var_dump(str_contains($e->getHint(), 'peer_name'));
    // Nothing after the failed handshake: no AUTH, no MAIL.
    var_dump((bool) preg_grep('/^C: (AUTH|MAIL)/', $lines));
}
?>
--EXPECT--
string(3) "tls"
bool(true)
bool(true)
bool(true)
bool(false)

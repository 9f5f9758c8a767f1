--TEST--
TLS: a missing CA file gives TlsException before anything is sent in clear text after STARTTLS
--SKIPIF--
<?php require __DIR__ . '/live.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/live.inc';
$transport = new MailBridge\SmtpTransport(live_options(['tls' => ['cafile' => '/nonexistent/ca.pem']]));
try {
    $transport->send(live_message(mb_unique_token()));
} catch (MailBridge\TlsException $e) {
    var_dump($e->getStage());
    var_dump(str_contains($e->getMessage(), '/nonexistent/ca.pem'));
    var_dump($e->getHint() !== null);
}
?>
--EXPECT--
string(3) "tls"
bool(true)
bool(true)

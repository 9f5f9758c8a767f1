--TEST--
TLS: verification is on by default, so the test CA that is not in the system store is rejected
--SKIPIF--
<?php require __DIR__ . '/live.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/live.inc';
$options = live_options();
unset($options['tls']);
$transport = new MailBridge\SmtpTransport($options);
try {
    $transport->send(live_message(mb_unique_token()));
} catch (MailBridge\TlsException $e) {
    var_dump($e->getStage());
    var_dump(str_contains($e->getMessage(), 'certificate verification failed'));
}
// Turning verification off is possible, but only explicitly.
$options['tls'] = ['verify_peer' => false];
$transport = new MailBridge\SmtpTransport($options);
$token = mb_unique_token();
var_dump($transport->send(live_message($token))->replyCode);
?>
--EXPECT--
string(3) "tls"
bool(true)
int(250)

--TEST--
Fake SMTP: a server that stops reading after 354 makes the message write time out before the final dot
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('data_stall_after_354');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, [
    'security' => 'none',
    'tls' => null,
    'username' => null,
    'password' => null,
    'timeout' => 1.0,
]));
// 12 MB is far more than the socket buffers hold while the server reads nothing.
$raw = "Subject: large\r\n\r\n" . str_repeat(str_repeat('x', 78) . "\r\n", 150_000);
$started = microtime(true);
try {
    $transport->send($raw, new MailBridge\Envelope(MB_FAKE_SENDER, [MB_FAKE_RECIPIENT]));
    echo "sent\n";
} catch (MailBridge\TransportException $e) {
    echo 'class: ', get_class($e), "\n";
    echo 'stage: ', $e->getStage(), "\n";
    echo 'code: ', $e->getReplyCode(), "\n";
    echo 'transient: ', var_export($e->isTransient(), true), "\n";
}
$elapsed = microtime(true) - $started;
echo 'gave up within 3 s: ', var_export($elapsed < 3.0, true), "\n";
echo 'connected: ', var_export($transport->isConnected(), true), "\n";
$transport->close();

echo implode("\n", mb_fake_without_quit($server->commands())), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
class: MailBridge\ConnectionException
stage: data
code: 0
transient: true
gave up within 3 s: true
connected: false
1 EHLO client.test
1 MAIL FROM:<a@example.test>
1 RCPT TO:<b@example.test>
1 DATA
problems: none

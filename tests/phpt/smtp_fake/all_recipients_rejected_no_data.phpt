--TEST--
Fake SMTP: when every recipient is rejected, no DATA is sent, RSET follows and each rejection is reported
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('all_recipients_rejected');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, [
    'security' => 'none',
    'tls' => null,
    'username' => null,
    'password' => null,
]));
try {
    $transport->send("Subject: x\r\n\r\nbody\r\n", new MailBridge\Envelope(MB_FAKE_SENDER, ['x@example.test', 'y@example.test']));
    echo "sent\n";
} catch (MailBridge\TransportException $e) {
    mb_print_exception($e);
    $reported = $e->getMessage() . "\n" . $e->getServerText();
    echo 'x@example.test reported: ', var_export(str_contains($reported, 'x@example.test'), true), "\n";
    echo 'y@example.test reported: ', var_export(str_contains($reported, 'y@example.test'), true), "\n";
}
echo 'still connected: ', var_export($transport->isConnected(), true), "\n";
$transport->close();

echo implode("\n", $server->commands()), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
class: MailBridge\ServerReplyException
stage: rcpt
code: 550
enhanced: '5.1.1'
command: 'RCPT'
transient: false
x@example.test reported: true
y@example.test reported: true
still connected: true
1 EHLO client.test
1 MAIL FROM:<a@example.test>
1 RCPT TO:<x@example.test>
1 RCPT TO:<y@example.test>
1 RSET
1 QUIT
problems: none

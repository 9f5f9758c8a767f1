--TEST--
Fake SMTP: a reused connection is reset after a failed raw send, so MAIL never meets 503 5.5.2
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('sender_already_specified');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, [
    'security' => 'none',
    'tls' => null,
    'username' => null,
    'password' => null,
]));
$raw = "Subject: x\r\n\r\nbody\r\n";
try {
    $transport->send($raw, new MailBridge\Envelope(MB_FAKE_SENDER, ['gone@example.test']));
    echo "sent\n";
} catch (MailBridge\TransportException $e) {
    echo get_class($e), ' ', $e->getStage(), ' ', $e->getReplyCode(), "\n";
}
try {
    $result = $transport->send($raw, new MailBridge\Envelope(MB_FAKE_SENDER, [MB_FAKE_RECIPIENT]));
    echo 'second message: ', $result->replyCode, ' ', $result->queueId, "\n";
} catch (MailBridge\TransportException $e) {
    echo 'second message failed: ', $e->getReplyCode(), ' ', $e->getServerText(), "\n";
}
$transport->close();

echo implode("\n", $server->commands()), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
MailBridge\ServerReplyException rcpt 550
second message: 250 FAKE2
1 EHLO client.test
1 MAIL FROM:<a@example.test>
1 RCPT TO:<gone@example.test>
1 RSET
1 MAIL FROM:<a@example.test>
1 RCPT TO:<b@example.test>
1 DATA
1 QUIT
problems: none

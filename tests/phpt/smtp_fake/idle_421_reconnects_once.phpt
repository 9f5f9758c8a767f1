--TEST--
Fake SMTP: a 421 on an idle kept connection is noticed before reuse and the next message goes over a new connection
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('idle_421_then_reconnect');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, [
    'security' => 'none',
    'tls' => null,
    'username' => null,
    'password' => null,
]));
echo 'first message: ', $transport->send(mb_fake_message())->queueId, "\n";
// The server sends "421 4.4.2 ... timeout exceeded" 0.2 s after the first message and closes.
usleep(700_000);
try {
    echo 'second message: ', $transport->send(mb_fake_message())->queueId, "\n";
} catch (MailBridge\TransportException $e) {
    echo 'second message failed: ', get_class($e), ' ', $e->getStage(), ' ', $e->getReplyCode(), ' ', $e->getMessage(), "\n";
}
$transport->close();

// Connection 1 must not see a second MAIL written into the closed socket.
echo implode("\n", mb_fake_without_quit($server->commands())), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
first message: FAKE1
second message: FAKE2
1 EHLO client.test
1 MAIL FROM:<a@example.test>
1 RCPT TO:<b@example.test>
1 DATA
2 EHLO client.test
2 MAIL FROM:<a@example.test>
2 RCPT TO:<b@example.test>
2 DATA
problems: none

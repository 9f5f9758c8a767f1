--TEST--
Fake SMTP: no reply to the final dot within data_timeout gives an unknown outcome and the connection is not reused
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('final_dot_reply_late');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, [
    'security' => 'none',
    'tls' => null,
    'username' => null,
    'password' => null,
    'data_timeout' => 1.0,
]));
$started = microtime(true);
try {
    $transport->send(mb_fake_message());
    echo "sent\n";
} catch (MailBridge\TransportException $e) {
    echo 'class: ', get_class($e), "\n";
    echo 'stage: ', $e->getStage(), "\n";
    echo 'code: ', $e->getReplyCode(), "\n";
}
$elapsed = microtime(true) - $started;
echo 'gave up after data_timeout: ', var_export($elapsed >= 0.9 && $elapsed < 2.5, true), "\n";
echo 'connected: ', var_export($transport->isConnected(), true), "\n";

$result = $transport->send(mb_fake_message());
echo 'second message: ', $result->replyCode, ' ', $result->queueId, "\n";
$transport->close();

// Connection 1 gets nothing after the message: no RSET that would read the late 250.
echo implode("\n", mb_fake_without_quit($server->commands())), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
class: MailBridge\UnknownOutcomeException
stage: after-dot
code: 0
gave up after data_timeout: true
connected: false
second message: 250 FAKE2
1 EHLO client.test
1 MAIL FROM:<a@example.test>
1 RCPT TO:<b@example.test>
1 DATA
2 EHLO client.test
2 MAIL FROM:<a@example.test>
2 RCPT TO:<b@example.test>
2 DATA
problems: none

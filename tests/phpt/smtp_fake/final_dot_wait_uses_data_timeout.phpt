--TEST--
Fake SMTP: the wait for the reply to the final dot is bounded by data_timeout, not by the shorter timeout
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

// The server answers the final dot after 2.5 s; data_timeout keeps its default.
$server = mb_fake_server('final_dot_reply_slow');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, [
    'security' => 'none',
    'tls' => null,
    'username' => null,
    'password' => null,
    'timeout' => 1.0,
]));
try {
    $result = $transport->send(mb_fake_message());
    echo 'reply: ', $result->replyCode, ' ', $result->queueId, "\n";
} catch (MailBridge\TransportException $e) {
    echo 'failed: ', get_class($e), ' ', $e->getStage(), ' ', $e->getMessage(), "\n";
}
$transport->close();

echo implode("\n", $server->commands()), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
reply: 250 SLOW1
1 EHLO client.test
1 MAIL FROM:<a@example.test>
1 RCPT TO:<b@example.test>
1 DATA
1 QUIT
problems: none

--TEST--
Fake SMTP: 451 and EOF in reply to MAIL on a reused connection lead to one retry over a new connection
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('reused_connection_451_on_mail');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, [
    'security' => 'none',
    'tls' => null,
    'username' => null,
    'password' => null,
]));
echo 'first message: ', $transport->send(mb_fake_message())->queueId, "\n";
try {
    echo 'second message: ', $transport->send(mb_fake_message())->queueId, "\n";
} catch (MailBridge\TransportException $e) {
    echo 'second message failed: ', get_class($e), ' ', $e->getStage(), ' ', $e->getReplyCode(), ' ', $e->getMessage(), "\n";
}
$transport->close();

// An RSET after the 451 is allowed (the client cannot know yet that EOF follows), so it is left out.
$commands = preg_grep('/^1 RSET$/', mb_fake_without_quit($server->commands()), PREG_GREP_INVERT);
echo implode("\n", $commands), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
first message: FAKE1
second message: FAKE2
1 EHLO client.test
1 MAIL FROM:<a@example.test>
1 RCPT TO:<b@example.test>
1 DATA
1 MAIL FROM:<a@example.test>
2 EHLO client.test
2 MAIL FROM:<a@example.test>
2 RCPT TO:<b@example.test>
2 DATA
problems: none

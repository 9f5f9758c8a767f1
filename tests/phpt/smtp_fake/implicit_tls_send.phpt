--TEST--
Fake SMTP: security "tls" speaks TLS from the first byte, trusting the test CA, and authenticates
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('implicit_tls_send');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, ['security' => 'tls']));
$result = $transport->send(mb_fake_message());
echo 'reply: ', $result->replyCode, ' ', $result->queueId, "\n";
$transport->close();

echo implode("\n", mb_fake_without_sasl($server->commands())), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
reply: 250 FAKE1
1/tls EHLO client.test
1/tls AUTH PLAIN
1/tls MAIL FROM:<a@example.test>
1/tls RCPT TO:<b@example.test>
1/tls DATA
1/tls QUIT
problems: none

--TEST--
Fake SMTP: STARTTLS with a CA file, a fresh EHLO, then AUTH PLAIN with the right credentials under TLS
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('starttls_valid_send');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, ['auth_mechanisms' => ['PLAIN']]));
$result = $transport->send(mb_fake_message());
echo 'reply: ', $result->replyCode, ' ', $result->queueId, "\n";
$transport->close();

echo implode("\n", mb_fake_without_sasl($server->commands())), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
reply: 250 FAKE1
1 EHLO client.test
1 STARTTLS
1/tls EHLO client.test
1/tls AUTH PLAIN
1/tls MAIL FROM:<a@example.test>
1/tls RCPT TO:<b@example.test>
1/tls DATA
1/tls QUIT
problems: none

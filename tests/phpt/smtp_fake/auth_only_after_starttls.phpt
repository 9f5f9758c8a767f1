--TEST--
Fake SMTP: with AUTH offered only after TLS, the client sends STARTTLS, EHLO again, then AUTH under TLS
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('auth_after_starttls');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server));
echo 'reply: ', $transport->send(mb_fake_message())->replyCode, "\n";
$transport->close();

echo implode("\n", mb_fake_without_sasl($server->commands())), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
reply: 250
1 EHLO client.test
1 STARTTLS
1/tls EHLO client.test
1/tls AUTH LOGIN
1/tls MAIL FROM:<a@example.test>
1/tls RCPT TO:<b@example.test>
1/tls DATA
1/tls QUIT
problems: none

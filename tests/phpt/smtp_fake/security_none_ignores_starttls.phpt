--TEST--
Fake SMTP: with security "none", an advertised STARTTLS is not used
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('starttls_advertised_security_none');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, [
    'security' => 'none',
    'tls' => null,
    'username' => null,
    'password' => null,
]));
echo 'reply: ', $transport->send(mb_fake_message())->replyCode, "\n";
$transport->close();

echo implode("\n", $server->commands()), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
reply: 250
1 EHLO client.test
1 MAIL FROM:<a@example.test>
1 RCPT TO:<b@example.test>
1 DATA
1 QUIT
problems: none

--TEST--
Fake SMTP: lowercase EHLO keywords and a duplicate AUTH=LOGIN line are understood
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

// PLAIN appears only in the line "250-auth login plain".
$server = mb_fake_server('lowercase_keywords');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, [
    'security' => 'none',
    'allow_plaintext_auth' => true,
    'auth_mechanisms' => ['PLAIN'],
]));
echo 'reply: ', $transport->send(mb_fake_message())->replyCode, "\n";
$transport->close();

echo implode("\n", mb_fake_without_sasl($server->commands())), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
reply: 250
1 EHLO client.test
1 AUTH PLAIN
1 MAIL FROM:<a@example.test>
1 RCPT TO:<b@example.test>
1 DATA
1 QUIT
problems: none

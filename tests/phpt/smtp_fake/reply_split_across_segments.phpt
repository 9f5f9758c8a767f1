--TEST--
Fake SMTP: replies split across TCP segments and reply lines over 512 octets are read whole
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('split_and_long_replies');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, [
    'security' => 'none',
    'tls' => null,
    'username' => null,
    'password' => null,
]));
$result = $transport->send(mb_fake_message());
echo 'reply code: ', $result->replyCode, "\n";
echo 'queue id: ', var_export($result->queueId, true), "\n";
echo 'first line kept: ', var_export(str_contains($result->reply, 'first line of a two-line reply'), true), "\n";
echo '700-octet tail kept: ', var_export(str_contains($result->reply, 'LONG1234 ' . str_repeat('z', 700)), true), "\n";
$transport->close();

echo implode("\n", $server->commands()), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
reply code: 250
queue id: 'LONG1234'
first line kept: true
700-octet tail kept: true
1 EHLO client.test
1 MAIL FROM:<a@example.test>
1 RCPT TO:<b@example.test>
1 DATA
1 QUIT
problems: none

--TEST--
Fake SMTP: one rejected recipient among three is reported in SendResult and the message goes to the others
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('partial_recipients');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, [
    'security' => 'none',
    'tls' => null,
    'username' => null,
    'password' => null,
]));
$result = $transport->send(
    "Subject: x\r\n\r\nbody\r\n",
    new MailBridge\Envelope(MB_FAKE_SENDER, [MB_FAKE_RECIPIENT, 'gone@example.test', 'c@example.test'])
);
echo 'reply: ', $result->replyCode, ' ', $result->queueId, "\n";
echo 'accepted: ', implode(', ', $result->accepted), "\n";
echo 'rejected: ', implode(', ', array_keys($result->rejected)), "\n";
$status = $result->rejected['gone@example.test'];
echo 'status: ', get_class($status), ' ', $status->address, ' ', $status->code, ' ', var_export($status->enhancedStatus, true), "\n";
echo 'status text kept: ', var_export(str_contains($status->text, 'Recipient address rejected: User unknown'), true), "\n";
$transport->close();

echo implode("\n", $server->commands()), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
reply: 250 QID42
accepted: b@example.test, c@example.test
rejected: gone@example.test
status: MailBridge\RecipientStatus gone@example.test 550 '5.1.1'
status text kept: true
1 EHLO client.test
1 MAIL FROM:<a@example.test>
1 RCPT TO:<b@example.test>
1 RCPT TO:<gone@example.test>
1 RCPT TO:<c@example.test>
1 DATA
1 QUIT
problems: none

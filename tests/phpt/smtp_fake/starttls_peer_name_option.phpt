--TEST--
Fake SMTP: the tls peer_name option verifies the certificate against that name instead of the host
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('starttls_wrong_name');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, [
    'username' => null,
    'password' => null,
    'tls' => ['cafile' => $server->cafile, 'peer_name' => 'smtp.mail.example.net'],
]));
try {
    echo 'reply: ', $transport->send(mb_fake_message())->replyCode, "\n";
} catch (MailBridge\TransportException $e) {
    echo 'failed: ', get_class($e), ' ', $e->getMessage(), "\n";
}
$transport->close();

echo implode("\n", $server->commands()), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
reply: 250
1 EHLO client.test
1 STARTTLS
1/tls EHLO client.test
1/tls MAIL FROM:<a@example.test>
1/tls RCPT TO:<b@example.test>
1/tls DATA
1/tls QUIT
problems: none

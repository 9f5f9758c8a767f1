--TEST--
Fake SMTP: 550 5.7.1 Relay access denied comes with a hint to authenticate
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('relay_denied');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, [
    'security' => 'none',
    'tls' => null,
    'username' => null,
    'password' => null,
]));
try {
    $transport->send("Subject: x\r\n\r\nbody\r\n", new MailBridge\Envelope(MB_FAKE_SENDER, ['b@example.org']));
    echo "sent\n";
} catch (MailBridge\TransportException $e) {
    mb_print_exception($e);
    echo 'server text kept: ', var_export(str_contains((string) $e->getServerText(), 'Relay access denied'), true), "\n";
    echo 'hint mentions authentication: ', var_export((bool) preg_match('/authenticat|username/i', (string) $e->getHint()), true), "\n";
}
$transport->close();

echo implode("\n", $server->commands()), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
class: MailBridge\ServerReplyException
stage: rcpt
code: 550
enhanced: '5.7.1'
command: 'RCPT'
transient: false
server text kept: true
hint mentions authentication: true
1 EHLO client.test
1 MAIL FROM:<a@example.test>
1 RCPT TO:<b@example.org>
1 RSET
1 QUIT
problems: none

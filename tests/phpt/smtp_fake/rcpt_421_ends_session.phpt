--TEST--
Fake SMTP: 421 in reply to RCPT ends the session: transient, no further RCPT, DATA or RSET
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('rcpt_421_closes');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, [
    'security' => 'none',
    'tls' => null,
    'username' => null,
    'password' => null,
]));
try {
    $transport->send("Subject: x\r\n\r\nbody\r\n", new MailBridge\Envelope(MB_FAKE_SENDER, [MB_FAKE_RECIPIENT, 'c@example.test']));
    echo "sent\n";
} catch (MailBridge\TransportException $e) {
    mb_print_exception($e);
    echo 'server text kept: ', var_export(str_contains((string) $e->getServerText(), 'Service shutting down'), true), "\n";
}
echo 'connected: ', var_export($transport->isConnected(), true), "\n";
$transport->close();

echo implode("\n", mb_fake_without_quit($server->commands())), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
class: MailBridge\ServerReplyException
stage: rcpt
code: 421
enhanced: '4.3.2'
command: 'RCPT'
transient: true
server text kept: true
connected: false
1 EHLO client.test
1 MAIL FROM:<a@example.test>
1 RCPT TO:<b@example.test>
problems: none

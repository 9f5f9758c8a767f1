--TEST--
Fake SMTP: 421 instead of an EHLO reply is reported with its code and text, transient, and nothing more is sent
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('ehlo_421');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, [
    'security' => 'none',
    'tls' => null,
    'username' => null,
    'password' => null,
]));
try {
    $transport->send(mb_fake_message());
    echo "sent\n";
} catch (MailBridge\TransportException $e) {
    mb_print_exception($e);
    echo 'server text kept: ', var_export(str_contains((string) $e->getServerText(), 'Try again later, closing connection. (EHLO)'), true), "\n";
}
echo 'connected: ', var_export($transport->isConnected(), true), "\n";
$transport->close();

// Neither HELO nor QUIT may follow the 421.
echo implode("\n", $server->commands()), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
class: MailBridge\ServerReplyException
stage: ehlo
code: 421
enhanced: '4.7.0'
command: 'EHLO'
transient: true
server text kept: true
connected: false
1 EHLO client.test
problems: none

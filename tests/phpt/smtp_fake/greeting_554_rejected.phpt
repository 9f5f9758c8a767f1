--TEST--
Fake SMTP: a 554 greeting is a permanent failure at the connect stage and no EHLO is sent
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('greeting_554');
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
    echo 'server text kept: ', var_export(str_contains((string) $e->getServerText(), 'No SMTP service here'), true), "\n";
}
$transport->close();

echo 'commands: ', implode(', ', mb_fake_without_quit($server->commands())) ?: 'none', "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
class: MailBridge\ServerReplyException
stage: connect
code: 554
enhanced: '5.7.1'
command: NULL
transient: false
server text kept: true
commands: none
problems: none

--TEST--
Fake SMTP: 530 5.7.0 Must issue a STARTTLS command first comes with a hint to use STARTTLS
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('mail_530_starttls_required');
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
    echo 'server text kept: ', var_export(str_contains((string) $e->getServerText(), 'Must issue a STARTTLS command first'), true), "\n";
    echo 'hint mentions STARTTLS: ', var_export(stripos((string) $e->getHint(), 'starttls') !== false, true), "\n";
}
$transport->close();

$commands = $server->commands();
echo 'RCPT or DATA sent: ', var_export((bool) preg_grep('/^1 (RCPT|DATA)/', $commands), true), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
class: MailBridge\ServerReplyException
stage: mail
code: 530
enhanced: '5.7.0'
command: 'MAIL'
transient: false
server text kept: true
hint mentions STARTTLS: true
RCPT or DATA sent: false
problems: none

--TEST--
Fake SMTP: Gmail's 534 5.7.9 comes with a hint to use an App Password
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('auth_534_app_password');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, [
    'security' => 'none',
    'allow_plaintext_auth' => true,
    'auth_mechanisms' => ['PLAIN'],
]));
try {
    $transport->send(mb_fake_message());
    echo "sent\n";
} catch (MailBridge\TransportException $e) {
    mb_print_exception($e);
    echo 'server text kept: ', var_export(str_contains((string) $e->getServerText(), 'Application-specific password required'), true), "\n";
    echo 'hint mentions an App Password: ', var_export((bool) preg_match('/app(lication)?[- ](specific )?password/i', (string) $e->getHint()), true), "\n";
}
$transport->close();

echo implode("\n", mb_fake_without_quit(mb_fake_without_sasl($server->commands()))), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
class: MailBridge\AuthenticationException
stage: auth
code: 534
enhanced: '5.7.9'
command: 'AUTH'
transient: false
server text kept: true
hint mentions an App Password: true
1 EHLO client.test
1 AUTH PLAIN
problems: none

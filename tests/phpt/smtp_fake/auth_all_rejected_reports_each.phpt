--TEST--
Fake SMTP: when every advertised mechanism is rejected, the exception reports each server reply
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('auth_all_mechanisms_rejected');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, [
    'security' => 'none',
    'allow_plaintext_auth' => true,
    'auth_mechanisms' => ['PLAIN', 'LOGIN'],
]));
try {
    $transport->send(mb_fake_message());
    echo "sent\n";
} catch (MailBridge\TransportException $e) {
    mb_print_exception($e);
    $reported = $e->getMessage() . "\n" . $e->getServerText();
    echo 'PLAIN reply reported: ', var_export(str_contains($reported, 'PLAIN credentials rejected by fake.test'), true), "\n";
    echo 'LOGIN reply reported: ', var_export(str_contains($reported, 'LOGIN credentials rejected by fake.test'), true), "\n";
}
$transport->close();

echo implode("\n", mb_fake_without_quit(mb_fake_without_sasl($server->commands()))), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
class: MailBridge\AuthenticationException
stage: auth
code: 535
enhanced: '5.7.8'
command: 'AUTH'
transient: false
PLAIN reply reported: true
LOGIN reply reported: true
1 EHLO client.test
1 AUTH PLAIN
1 AUTH LOGIN
problems: none

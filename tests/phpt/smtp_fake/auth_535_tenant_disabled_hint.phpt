--TEST--
Fake SMTP: Microsoft 365's 535 5.7.139 reaches the caller whole, with a hint to use OAuth2
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('auth_tenant_disabled_535');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, [
    'security' => 'none',
    'allow_plaintext_auth' => true,
]));
try {
    $transport->send(mb_fake_message());
    echo "sent\n";
} catch (MailBridge\TransportException $e) {
    mb_print_exception($e);
    $text = (string) $e->getServerText();
    echo 'server text kept: ', var_export(str_contains($text, 'SmtpClientAuthentication is disabled for the Tenant'), true), "\n";
    echo 'link kept: ', var_export(str_contains($text, 'https://aka.ms/smtp_auth_disabled'), true), "\n";
    echo 'hint mentions OAuth2: ', var_export(stripos((string) $e->getHint(), 'OAuth2') !== false, true), "\n";
}
$transport->close();

echo implode("\n", mb_fake_without_quit(mb_fake_without_sasl($server->commands()))), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
class: MailBridge\AuthenticationException
stage: auth
code: 535
enhanced: '5.7.139'
command: 'AUTH'
transient: false
server text kept: true
link kept: true
hint mentions OAuth2: true
1 EHLO client.test
1 AUTH LOGIN
problems: none

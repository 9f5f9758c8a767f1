--TEST--
Fake SMTP: with auth_mechanisms fixed to CRAM-MD5, its 535 is final and no other mechanism is tried
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('cram_md5_rejected_login_works');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, [
    'security' => 'none',
    'allow_plaintext_auth' => true,
    'auth_mechanisms' => ['CRAM-MD5'],
]));
try {
    $transport->send(mb_fake_message());
    echo "sent\n";
} catch (MailBridge\TransportException $e) {
    mb_print_exception($e);
    echo 'server text kept: ', var_export(str_contains((string) $e->getServerText(), 'authentication failed: CRAM-MD5'), true), "\n";
}
$transport->close();

echo implode("\n", mb_fake_without_quit(mb_fake_without_sasl($server->commands()))), "\n";
?>
--EXPECT--
class: MailBridge\AuthenticationException
stage: auth
code: 535
enhanced: '5.7.8'
command: 'AUTH'
transient: false
server text kept: true
1 EHLO client.test
1 AUTH CRAM-MD5

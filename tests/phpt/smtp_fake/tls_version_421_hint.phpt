--TEST--
Fake SMTP: 421 4.7.66 after STARTTLS is transient, keeps the TLS 1.2 text and has a TLS hint
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('tls_version_421');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, ['username' => null, 'password' => null]));
try {
    $transport->send(mb_fake_message());
    echo "sent\n";
} catch (MailBridge\TransportException $e) {
    mb_print_exception($e);
    echo 'server text kept: ', var_export(str_contains((string) $e->getServerText(), 'TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2.'), true), "\n";
    echo 'hint mentions TLS 1.2: ', var_export(str_contains((string) $e->getHint(), 'TLS 1.2'), true), "\n";
}
echo 'connected: ', var_export($transport->isConnected(), true), "\n";
$transport->close();

echo implode("\n", mb_fake_without_quit($server->commands())), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
class: MailBridge\ServerReplyException
stage: ehlo
code: 421
enhanced: '4.7.66'
command: 'EHLO'
transient: true
server text kept: true
hint mentions TLS 1.2: true
connected: false
1 EHLO client.test
1 STARTTLS
1/tls EHLO client.test
problems: none

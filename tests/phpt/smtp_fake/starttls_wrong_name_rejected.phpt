--TEST--
Fake SMTP: a CA-signed certificate for *.mail.example.net is rejected for 127.0.0.1
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('starttls_wrong_name');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server));
try {
    $transport->send(mb_fake_message());
    echo "sent\n";
} catch (MailBridge\TransportException $e) {
    mb_print_exception($e);
    echo 'message names the host: ', var_export(str_contains($e->getMessage(), '127.0.0.1'), true), "\n";
}
echo 'connected: ', var_export($transport->isConnected(), true), "\n";
$transport->close();

echo implode("\n", $server->commands()), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
class: MailBridge\TlsException
stage: tls
code: 0
enhanced: NULL
command: NULL
transient: false
message names the host: true
connected: false
1 EHLO client.test
1 STARTTLS
problems: none

--TEST--
Fake SMTP: a self-signed certificate at STARTTLS fails verification, names the host and ends the connection
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('starttls_self_signed');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server));
try {
    $transport->send(mb_fake_message());
    echo "sent\n";
} catch (MailBridge\TransportException $e) {
    mb_print_exception($e);
    echo 'message names the host: ', var_export(str_contains($e->getMessage(), '127.0.0.1'), true), "\n";
    echo 'message gives the reason: ', var_export((bool) preg_match('/self[- ]signed|certificate/i', $e->getMessage()), true), "\n";
}
echo 'connected: ', var_export($transport->isConnected(), true), "\n";
$transport->close();

// Nothing may follow STARTTLS: no plaintext command and no QUIT after the failed handshake.
echo implode("\n", $server->commands()), "\n";
$transcript = $server->transcript();
echo 'handshake failed at the server: ', var_export(str_contains($transcript, '=== TLS handshake failed: '), true), "\n";
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
message gives the reason: true
connected: false
1 EHLO client.test
1 STARTTLS
handshake failed at the server: true
problems: none

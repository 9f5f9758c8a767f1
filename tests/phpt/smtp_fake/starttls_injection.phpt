--TEST--
Fake SMTP: bytes after the 220 reply to STARTTLS end the session before any TLS handshake
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('starttls_injection');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server));
try {
    $transport->send(mb_fake_message());
    echo "sent\n";
} catch (MailBridge\TransportException $e) {
    echo 'class: ', get_class($e), "\n";
    echo 'stage: ', $e->getStage(), "\n";
    echo 'transient: ', var_export($e->isTransient(), true), "\n";
}
echo 'connected: ', var_export($transport->isConnected(), true), "\n";
$transport->close();

echo implode("\n", $server->commands()), "\n";
$transcript = $server->transcript();
$afterStarttls = substr($transcript, strpos($transcript, "STARTTLS\r\n") + strlen("STARTTLS\r\n"));
echo 'bytes after STARTTLS: ', strlen(strstr($afterStarttls, '===', true)), "\n";
// The server reports any byte the client sends after the injected reply, a ClientHello included.
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
class: MailBridge\TlsException
stage: tls
transient: false
connected: false
1 EHLO client.test
1 STARTTLS
bytes after STARTTLS: 0
problems: none

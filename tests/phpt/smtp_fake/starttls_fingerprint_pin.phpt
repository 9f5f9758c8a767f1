--TEST--
Fake SMTP: a fingerprint pin alone trusts a self-signed certificate and rejects any other
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

// The pin is the trust anchor: it replaces chain and name verification, so
// a self-signed certificate is accepted with verify_peer left on.
$pinned = mb_fake_server('starttls_self_signed');
$transport = new MailBridge\SmtpTransport(mb_fake_options($pinned, [
    'username' => null,
    'password' => null,
    'tls' => ['fingerprint' => $pinned->fingerprint('self-signed')],
]));
try {
    echo 'right pin: ', $transport->send(mb_fake_message())->replyCode, "\n";
} catch (MailBridge\TransportException $e) {
    echo 'right pin failed: ', get_class($e), ' ', $e->getMessage(), "\n";
}
$transport->close();
echo implode("\n", $pinned->commands()), "\n";
echo 'problems: ', $pinned->problems() ?: "none\n";

$other = mb_fake_server('starttls_self_signed');
$transport = new MailBridge\SmtpTransport(mb_fake_options($other, [
    'username' => null,
    'password' => null,
    'tls' => ['fingerprint' => $other->fingerprint('valid')],
]));
try {
    $transport->send(mb_fake_message());
    echo "wrong pin: sent\n";
} catch (MailBridge\TransportException $e) {
    echo 'wrong pin: ', get_class($e), ' ', $e->getStage(), "\n";
    $message = strtolower(str_replace(':', '', $e->getMessage()));
    echo 'message names the presented fingerprint: ', var_export(str_contains($message, $other->fingerprint('self-signed')), true), "\n";
}
echo 'connected: ', var_export($transport->isConnected(), true), "\n";
$transport->close();
// A pin mismatch may be found after the handshake; no command may follow it.
echo implode("\n", $other->commands()), "\n";
?>
--EXPECT--
right pin: 250
1 EHLO client.test
1 STARTTLS
1/tls EHLO client.test
1/tls MAIL FROM:<a@example.test>
1/tls RCPT TO:<b@example.test>
1/tls DATA
1/tls QUIT
problems: none
wrong pin: MailBridge\TlsException tls
message names the presented fingerprint: true
connected: false
1 EHLO client.test
1 STARTTLS

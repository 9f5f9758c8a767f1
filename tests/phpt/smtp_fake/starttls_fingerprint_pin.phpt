--TEST--
Fake SMTP: a fingerprint pin trusts a self-signed certificate, and a pin for another certificate is rejected
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

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
    echo 'message names the presented fingerprint: ', var_export(stripos(str_replace(':', '', $e->getMessage()), $other->fingerprint('self-signed')) !== false, true), "\n";
}
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
1 EHLO client.test
1 STARTTLS

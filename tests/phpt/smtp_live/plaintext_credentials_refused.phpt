--TEST--
SMTP: credentials with security "none" are refused by the client before any connection
--FILE--
<?php
try {
    new MailBridge\SmtpTransport([
        'host' => '127.0.0.1', 'port' => 587, 'security' => 'none',
        'username' => 'user@example.test', 'password' => 'secret-value',
    ]);
} catch (ValueError $e) {
    echo $e->getMessage(), "\n";
}
// With the explicit option the transport is built (and would authenticate in clear text).
$transport = new MailBridge\SmtpTransport([
    'host' => '127.0.0.1', 'port' => 587, 'security' => 'none',
    'username' => 'user@example.test', 'password' => 'secret-value', 'allow_plaintext_auth' => true,
]);
var_dump($transport->isConnected());
?>
--EXPECT--
MailBridge\SmtpTransport refuses to send credentials without TLS: use "security" => "starttls" or "tls", or set "allow_plaintext_auth" => true for a trusted local relay
bool(false)

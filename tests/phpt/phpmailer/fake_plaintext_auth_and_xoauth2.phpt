--TEST--
PHPMailer bridge: no credentials without TLS unless allowed; a rejected XOAUTH2 token is a failure
--DESCRIPTION--
PHPMailer 6.6.3 sends credentials over a connection without TLS whenever
the server offers AUTH. The bridge refuses that before writing anything
unless setAllowPlaintextAuth(true) was called. With it allowed, an XOAUTH2
token that the server rejects with a 334 error challenge and then 535 makes
authenticate() return false (PHPMailer 6.6.3's own class has no handling
for the challenge).
--SKIPIF--
<?php require __DIR__ . '/phpmailer.inc'; pm_skip_without_phpmailer(); ?>
--INI--
mailbridge.pool_max_idle_per_key=0
--FILE--
<?php
require __DIR__ . '/phpmailer.inc';

final class FixedToken
{
    public function getOauth64(): string
    {
        return base64_encode("user=" . MB_FAKE_USER . "\x01auth=Bearer ya29.expired-fake-token\x01\x01");
    }
}

echo "-- AUTH offered without TLS, plaintext not allowed\n";
$server = mb_fake_server('auth_plaintext_offered');
$mail = pm_fake_mailer($server, true, true);
$mail->SMTPAuth = true;
$mail->Username = MB_FAKE_USER;
$mail->Password = MB_FAKE_PASSWORD;
try {
    $mail->send();
    echo "sent\n";
} catch (\PHPMailer\PHPMailer\Exception $e) {
    echo 'exception: ', $e->getMessage(), "\n";
}
$mail->smtpClose();
echo 'commands: ', implode(', ', $server->commands()), "\n";
echo 'problems: ', trim($server->problems()) ?: 'none', "\n";

echo "-- XOAUTH2 with plaintext allowed, token rejected\n";
$server = mb_fake_server('xoauth2_error_challenge');
$connection = new MailBridge\SmtpConnection();
var_dump($connection->getAllowPlaintextAuth());
$connection->setAllowPlaintextAuth(true);
var_dump($connection->connect('127.0.0.1', $server->port, 5));
var_dump($connection->hello(MB_FAKE_CLIENT_NAME));
var_dump($connection->authenticate(MB_FAKE_USER, '', 'XOAUTH2', new FixedToken()));
echo 'error: ', json_encode($connection->getError()), "\n";
var_dump($connection->quit());
echo 'commands: ', implode(', ', mb_fake_without_sasl($server->commands())), "\n";
echo 'problems: ', trim($server->problems()) ?: 'none', "\n";
?>
--EXPECT--
-- AUTH offered without TLS, plaintext not allowed
exception: SMTP Error: Could not authenticate.
commands: 1 EHLO client.test, 1 QUIT
problems: none
-- XOAUTH2 with plaintext allowed, token rejected
bool(false)
bool(true)
bool(true)
bool(false)
error: {"error":"AUTH command failed","detail":"Username and Password not accepted. For more information, go to\r\n https:\/\/support.google.com\/mail\/?p=BadCredentials fake - gsmtp\r\n","smtp_code":535,"smtp_code_ex":"5.7.8"}
bool(true)
commands: 1 EHLO client.test, 1 AUTH XOAUTH2, 1 QUIT
problems: none

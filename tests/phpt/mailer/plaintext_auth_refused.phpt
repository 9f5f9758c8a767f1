--TEST--
Mailer: AUTH without TLS is refused unless SMTPAllowPlaintextAuth is set, and no credentials reach the wire
--SKIPIF--
<?php require_once __DIR__ . '/mailer.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require_once __DIR__ . '/mailer.inc';
$lines = [];
$mail = new MailBridge\Mailer();
mailer_use_submission($mail);
$mail->isSMTP();
$mail->SMTPSecure = '';
$mail->SMTPAutoTLS = false;
$mail->SMTPDebug = 4;
$mail->Debugoutput = function ($line, $level) use (&$lines) {
    $lines[] = rtrim($line);
};
$mail->From = mb_env('MAILBRIDGE_TEST_USER');
$mail->addAddress(mb_env('MAILBRIDGE_TEST_USER'));
$mail->Subject = 'never sent';
$mail->Body = 'never sent';
var_dump($mail->send());
echo $mail->ErrorInfo, "\n";
echo 'AUTH sent: ', var_export((bool) preg_grep('/CLIENT -> SERVER: AUTH/', $lines), true), "\n";
echo 'STARTTLS sent: ', var_export((bool) preg_grep('/CLIENT -> SERVER: STARTTLS/', $lines), true), "\n";
mailer_check_secrets(implode("\n", $lines), mb_env('MAILBRIDGE_TEST_USER'), mb_env('MAILBRIDGE_TEST_PASSWORD'));

// With SMTPAutoTLS (the default) the same settings upgrade first and succeed.
$mail->SMTPAutoTLS = true;
$lines = [];
$token = mb_unique_token();
$mail->Subject = "auto TLS $token";
var_dump($mail->send());
echo 'STARTTLS sent: ', var_export((bool) preg_grep('/CLIENT -> SERVER: STARTTLS/', $lines), true), "\n";
mb_wait_for_message($token);
echo "delivered\n";
?>
--EXPECT--
bool(false)
SMTP connect() failed. https://github.com/PHPMailer/PHPMailer/wiki/Troubleshooting refusing to send credentials over an unencrypted connection. Hint: set SMTPSecure to 'tls' or 'ssl', or SMTPAllowPlaintextAuth = true for a trusted local relay
AUTH sent: false
STARTTLS sent: false
password: absent
base64 password: absent
base64 PLAIN response: absent
base64 user: absent
bool(true)
STARTTLS sent: true
delivered

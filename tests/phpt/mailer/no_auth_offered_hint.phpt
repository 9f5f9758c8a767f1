--TEST--
Mailer: a server without AUTH gets a hint that fits the TLS state, not the plaintext one
--DESCRIPTION--
Postfix on port 25 offers no AUTH, also after STARTTLS. Over TLS the hint
must point at the submission ports. The SMTPSecure/SMTPAllowPlaintextAuth
hint belongs only to AUTH refused on a connection without TLS.
--SKIPIF--
<?php require_once __DIR__ . '/mailer.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require_once __DIR__ . '/mailer.inc';

function try_port25(string $label, bool $exceptions, callable $configure): void
{
    $mail = new MailBridge\Mailer($exceptions);
    mailer_use_submission($mail);
    $mail->isSMTP();
    $mail->Port = mb_env('MAILBRIDGE_TEST_SMTP_PORT');
    $configure($mail);
    $mail->From = mb_env('MAILBRIDGE_TEST_USER');
    $mail->addAddress(mb_env('MAILBRIDGE_TEST_USER'));
    $mail->Subject = 'never sent';
    $mail->Body = 'never sent';
    try {
        $sent = $mail->send();
        echo "$label: send ", var_export($sent, true), "\n";
    } catch (MailBridge\MailerException $e) {
        echo "$label: exception ", $e->getMessage(), "\n";
    }
    echo "$label: ErrorInfo ", $mail->ErrorInfo, "\n";
}

try_port25('STARTTLS', true, function ($mail) {
    $mail->SMTPSecure = 'tls';
});
try_port25('STARTTLS', false, function ($mail) {
    $mail->SMTPSecure = 'tls';
});
try_port25('automatic STARTTLS', false, function ($mail) {
    $mail->SMTPSecure = '';
});
try_port25('no TLS, plaintext allowed', false, function ($mail) {
    $mail->SMTPSecure = '';
    $mail->SMTPAutoTLS = false;
    $mail->SMTPAllowPlaintextAuth = true;
});
?>
--EXPECT--
STARTTLS: exception SMTP Error: Could not authenticate.
STARTTLS: ErrorInfo SMTP Error: Could not authenticate. the server does not offer AUTH. Hint: this port does not accept authentication: use the submission port 587 with STARTTLS or port 465 with implicit TLS
STARTTLS: send false
STARTTLS: ErrorInfo SMTP connect() failed. https://github.com/PHPMailer/PHPMailer/wiki/Troubleshooting the server does not offer AUTH. Hint: this port does not accept authentication: use the submission port 587 with STARTTLS or port 465 with implicit TLS
automatic STARTTLS: send false
automatic STARTTLS: ErrorInfo SMTP connect() failed. https://github.com/PHPMailer/PHPMailer/wiki/Troubleshooting the server does not offer AUTH. Hint: this port does not accept authentication: use the submission port 587 with STARTTLS or port 465 with implicit TLS
no TLS, plaintext allowed: send false
no TLS, plaintext allowed: ErrorInfo SMTP connect() failed. https://github.com/PHPMailer/PHPMailer/wiki/Troubleshooting the server does not offer AUTH. Hint: many servers offer AUTH only after STARTTLS: use STARTTLS on port 587 or implicit TLS on port 465

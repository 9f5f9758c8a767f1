--TEST--
Mailer: a TLS verification failure is reported once, with a cafile hint and no "SMTP server error" suffix
--DESCRIPTION--
PHPMailer's setError() appends " SMTP server error: ..." for a server reply.
A certificate that fails verification is a failure on this side without any
reply, so ErrorInfo names it once and adds what to change.
--SKIPIF--
<?php require_once __DIR__ . '/mailer.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require_once __DIR__ . '/mailer.inc';

foreach ([true, false] as $exceptions) {
    $mail = new MailBridge\Mailer($exceptions);
    mailer_use_submission($mail);
    $mail->isSMTP();
    $mail->SMTPOptions = [];
    $mail->From = mb_env('MAILBRIDGE_TEST_USER');
    $mail->addAddress(mb_env('MAILBRIDGE_TEST_USER'));
    $mail->Subject = 'never sent';
    $mail->Body = 'never sent';
    try {
        $sent = $mail->send();
        echo 'send: ', var_export($sent, true), "\n";
    } catch (MailBridge\MailerException $e) {
        echo 'exception: ', $e->getMessage(), "\n";
    }
    echo 'ErrorInfo: ', $mail->ErrorInfo, "\n";
    echo 'reason repeated: ', var_export(substr_count($mail->ErrorInfo, 'certificate verification failed') > 1, true), "\n";
    echo 'server error suffix: ', var_export(str_contains($mail->ErrorInfo, 'SMTP server error'), true), "\n";
}
?>
--EXPECTF--
exception: SMTP Error: Could not connect to SMTP host. certificate verification failed: %s with %s:587
ErrorInfo: SMTP Error: Could not connect to SMTP host. certificate verification failed: %s with %s:587. Hint: set SMTPOptions['ssl']['cafile'] to the CA that signed the server certificate
reason repeated: false
server error suffix: false
send: false
ErrorInfo: SMTP connect() failed. https://github.com/PHPMailer/PHPMailer/wiki/Troubleshooting certificate verification failed: %s with %s:587. Hint: set SMTPOptions['ssl']['cafile'] to the CA that signed the server certificate
reason repeated: false
server error suffix: false

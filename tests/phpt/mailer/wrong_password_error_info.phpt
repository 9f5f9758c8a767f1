--TEST--
Mailer: a wrong password gives PHPMailer's authenticate texts in ErrorInfo and in the exception
--SKIPIF--
<?php require_once __DIR__ . '/mailer.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require_once __DIR__ . '/mailer.inc';
$user = mb_env('MAILBRIDGE_TEST_USER');
$wrong = 'wrong-' . bin2hex(random_bytes(6));

function wrong_password_mailer(string $class, ?bool $exceptions, string $wrong): MailBridge\Mailer
{
    $mail = new $class($exceptions);
    mailer_use_submission($mail);
    $mail->isSMTP();
    $mail->Password = $wrong;
    $mail->From = mb_env('MAILBRIDGE_TEST_USER');
    $mail->addAddress(mb_env('MAILBRIDGE_TEST_USER'));
    $mail->Subject = 'never sent';
    $mail->Body = 'never sent';
    return $mail;
}

echo "-- exceptions off\n";
$mail = wrong_password_mailer(MailBridge\Mailer::class, null, $wrong);
var_dump($mail->send());
echo str_replace($user, 'USER', $mail->ErrorInfo), "\n";
var_dump($mail->isError());

echo "-- exceptions on\n";
$mail = wrong_password_mailer(MailBridge\Mailer::class, true, $wrong);
try {
    $mail->send();
    echo "no exception\n";
} catch (MailBridge\MailerException $e) {
    echo get_class($e), ' code ', $e->getCode(), ': ', $e->getMessage(), "\n";
    echo trim($e->errorMessage()), "\n";
}
echo str_replace($user, 'USER', $mail->ErrorInfo), "\n";

echo "-- SugarPHPMailer-shaped subclass\n";
$mail = wrong_password_mailer(SugarShapedMailer::class, null, $wrong);
var_dump($mail->send());
echo 'calls: ', implode(', ', $mail->calls), "\n";
echo 'ErrorInfo starts with the authenticate text: ',
    var_export(str_starts_with($mail->ErrorInfo, 'SMTP Error: Could not authenticate. SMTP server error: AUTH command failed'), true), "\n";
echo 'log ends with: ', trim(substr($mail->fullSmtpLog, strrpos($mail->fullSmtpLog, 'failed: '))), "\n";
echo 'wrong password in log or ErrorInfo: ',
    var_export(str_contains($mail->fullSmtpLog . $mail->ErrorInfo, $wrong) ||
        str_contains($mail->fullSmtpLog, base64_encode("\0$user\0$wrong")), true), "\n";
?>
--EXPECTF--
-- exceptions off
bool(false)
SMTP connect() failed. https://github.com/PHPMailer/PHPMailer/wiki/Troubleshooting SMTP server error: AUTH command failed Detail: Error: authentication failed: %s SMTP code: 535 Additional SMTP info: 5.7.8
bool(true)
-- exceptions on
MailBridge\MailerException code 0: SMTP Error: Could not authenticate.
<strong>SMTP Error: Could not authenticate.</strong><br />
SMTP Error: Could not authenticate. SMTP server error: AUTH command failed Detail: Error: authentication failed: %s SMTP code: 535 Additional SMTP info: 5.7.8
-- SugarPHPMailer-shaped subclass
NULL
calls: send, preSend, smtpConnect, setError, setError
ErrorInfo starts with the authenticate text: true
log ends with: failed: <strong>SMTP Error: Could not authenticate.</strong><br />
wrong password in log or ErrorInfo: false

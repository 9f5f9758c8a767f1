--TEST--
Mailer: on port 25 one rejected recipient gives recipients_failed with STOP_CONTINUE while the other gets the message
--SKIPIF--
<?php require_once __DIR__ . '/mailer.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require_once __DIR__ . '/mailer.inc';
$user = mb_env('MAILBRIDGE_TEST_USER');

function port25_mailer(?bool $exceptions, string $token): MailBridge\Mailer
{
    $mail = new MailBridge\Mailer($exceptions);
    $mail->isSMTP();
    $mail->Host = mb_env('MAILBRIDGE_TEST_HOST');
    $mail->Port = (int) mb_env('MAILBRIDGE_TEST_SMTP_PORT');
    // SMTPAutoTLS (on by default) upgrades when Postfix offers STARTTLS.
    $mail->SMTPOptions = ['ssl' => ['cafile' => mb_env('MAILBRIDGE_TEST_CAFILE')]];
    $mail->SMTPDebug = 1;
    $GLOBALS['transcript'] = [];
    $mail->Debugoutput = function ($line, $level) {
        $GLOBALS['transcript'][] = $line;
    };
    $mail->setFrom(mb_env('MAILBRIDGE_TEST_USER'), 'Sender');
    $mail->addAddress(mb_env('MAILBRIDGE_TEST_USER'));
    $mail->addAddress('someone@elsewhere.invalid');
    $mail->Subject = "Partly rejected $token";
    $mail->Body = "token $token\n";
    return $mail;
}

echo "-- exceptions off\n";
$token = mb_unique_token();
$mail = port25_mailer(false, $token);
var_dump($mail->send());
echo str_replace($user, 'USER', $mail->ErrorInfo);
echo 'STARTTLS used: ', var_export(in_array("CLIENT -> SERVER: STARTTLS\r\n", $GLOBALS['transcript'], true), true), "\n";
$raw = mb_wait_for_message($token);
echo 'delivered to the local user: ', var_export(str_contains($raw, "token $token"), true), "\n";

echo "-- exceptions on\n";
$token = mb_unique_token();
$mail = port25_mailer(true, $token);
try {
    $mail->send();
} catch (MailBridge\MailerException $e) {
    echo 'code ', $e->getCode(), ' (STOP_CONTINUE is ', MailBridge\Mailer::STOP_CONTINUE, '): ', $e->getMessage();
}
$raw = mb_wait_for_message($token);
echo 'delivered to the local user: ', var_export(str_contains($raw, "token $token"), true), "\n";
?>
--EXPECT--
-- exceptions off
bool(false)
SMTP Error: The following recipients failed: someone@elsewhere.invalid: <someone@elsewhere.invalid>: Relay access denied
STARTTLS used: true
delivered to the local user: true
-- exceptions on
code 1 (STOP_CONTINUE is 1): SMTP Error: The following recipients failed: someone@elsewhere.invalid: <someone@elsewhere.invalid>: Relay access denied
delivered to the local user: true

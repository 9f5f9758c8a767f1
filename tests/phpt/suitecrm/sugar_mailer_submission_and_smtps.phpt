--TEST--
SuiteCRM depth 2: native SugarMailer sends through 587 and 465
--SKIPIF--
<?php require __DIR__ . '/suitecrm.inc'; suitecrm_skip_without_native_mailer(); ?>
--FILE--
<?php
require __DIR__ . '/suitecrm.inc';

use MailBridge\SuiteCRM\SugarMailer;

$attachment = tempnam(sys_get_temp_dir(), 'suitecrm-kit-');
file_put_contents($attachment, "quarterly numbers\n");
register_shutdown_function(static fn () => unlink($attachment));

// mail_smtpssl as SuiteCRM stores it: 2 is STARTTLS on 587, 1 is implicit TLS on 465.
$accounts = [
    'submission 587' => ['2', mb_env('MAILBRIDGE_TEST_SUBMISSION_PORT')],
    'smtps 465' => ['1', mb_env('MAILBRIDGE_TEST_SMTPS_PORT')],
];
foreach ($accounts as $label => [$security, $port]) {
    $token = mb_unique_token();
    $mail = new SugarMailer();
    $mail->applyOutboundSettings((object) [
        'mail_sendtype' => 'SMTP',
        'mail_smtpserver' => mb_env('MAILBRIDGE_TEST_HOST'),
        'mail_smtpport' => $port,
        'mail_smtpssl' => $security,
        'mail_smtpauth_req' => '1',
        'mail_smtpuser' => mb_env('MAILBRIDGE_TEST_USER'),
        'mail_smtppass' => mb_env('MAILBRIDGE_TEST_PASSWORD'),
    ]);
    $mail->SMTPOptions = ['ssl' => ['cafile' => mb_env('MAILBRIDGE_TEST_CAFILE')]];
    $mail->From = mb_env('MAILBRIDGE_TEST_USER');
    $mail->FromName = 'CRM';
    $mail->Sender = $mail->From;
    $mail->addAddress(mb_env('MAILBRIDGE_TEST_USER'), 'Jane Doe');
    $mail->addCustomHeader('X-CampTrackID:key-' . $security);
    $mail->ContentType = 'text/html';
    $mail->Subject = "depth 2 $label $token";
    $mail->Body = "<p>Body of $token</p>";
    $mail->AltBody = "Body of $token";
    $mail->addAttachment($attachment, 'numbers.txt', 'base64', 'text/plain');
    $mail->prepForOutbound();

    $sent = $mail->send();
    echo "$label send(): ", var_export($sent, true), ", ErrorInfo: '", $mail->ErrorInfo, "'\n";
    $raw = mb_wait_for_message($token);
    echo "$label X-CampTrackID: ", suitecrm_header($raw, 'X-CampTrackID'), "\n";
    echo "$label attachment delivered: ", var_export(str_contains($raw, 'numbers.txt'), true), "\n";
    echo "$label XHTML body delivered: ", var_export(str_contains($raw, 'DOCTYPE html'), true), "\n";
    echo "$label transcript collected: ", var_export($mail->fullSmtpLog !== '', true), "\n";
    echo "$label password in transcript: ", var_export(str_contains($mail->fullSmtpLog, mb_env('MAILBRIDGE_TEST_PASSWORD')), true), "\n";
}
?>
--EXPECT--
submission 587 send(): true, ErrorInfo: ''
submission 587 X-CampTrackID: key-2
submission 587 attachment delivered: true
submission 587 XHTML body delivered: true
submission 587 transcript collected: true
submission 587 password in transcript: false
smtps 465 send(): true, ErrorInfo: ''
smtps 465 X-CampTrackID: key-1
smtps 465 attachment delivered: true
smtps 465 XHTML body delivered: true
smtps 465 transcript collected: true
smtps 465 password in transcript: false

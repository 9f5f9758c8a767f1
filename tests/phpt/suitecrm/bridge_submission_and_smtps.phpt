--TEST--
SuiteCRM depth 1: SugarPHPMailer with the bridge sends through 587 and 465
--SKIPIF--
<?php require __DIR__ . '/suitecrm.inc'; suitecrm_skip_without_bridge(); ?>
--FILE--
<?php
require __DIR__ . '/suitecrm.inc';
suitecrm_load_phpmailer();

use MailBridge\SuiteCRM\BridgeInstaller;

foreach (['tls' => 'submission 587', 'ssl' => 'smtps 465'] as $security => $label) {
    $token = mb_unique_token();
    $mail = new SugarPHPMailerStandIn();
    suitecrm_configure_submission($mail, $security);
    echo "$label installed: ", var_export(BridgeInstaller::install($mail), true), "\n";
    echo "$label SMTP class: ", get_class($mail->getSMTPInstance()), "\n";

    $mail->From = mb_env('MAILBRIDGE_TEST_USER');
    $mail->FromName = 'CRM';
    $mail->Sender = $mail->From;
    $mail->addAddress(mb_env('MAILBRIDGE_TEST_USER'), 'Jane Doe');
    $mail->addCustomHeader('X-CampTrackID:' . "key-$security");
    $mail->Subject = "depth 1 $label $token";
    $mail->Body = "Body of $token";

    $sent = $mail->send();
    echo "$label send(): ", var_export($sent, true), ", ErrorInfo: '", $mail->ErrorInfo, "'\n";
    $raw = mb_wait_for_message($token);
    echo "$label delivered with X-CampTrackID: ", suitecrm_header($raw, 'X-CampTrackID'), "\n";
    echo "$label transcript collected: ", var_export(str_contains($mail->fullSmtpLog, 'CLIENT -> SERVER:'), true), "\n";
    echo "$label password in transcript: ", var_export(str_contains($mail->fullSmtpLog, mb_env('MAILBRIDGE_TEST_PASSWORD')), true), "\n";
    echo "$label base64 password in transcript: ",
        var_export(str_contains($mail->fullSmtpLog, base64_encode(mb_env('MAILBRIDGE_TEST_PASSWORD'))), true), "\n";

    // The session must have been opened by the extension, which pools it
    // even though SMTPKeepAlive is off, and not by PHPMailer's own sockets.
    $created = 0;
    $keyPart = '@' . mb_env('MAILBRIDGE_TEST_HOST') . ':' . $mail->Port . ' ';
    foreach (MailBridge\Pool::stats() as $entry) {
        if (str_contains($entry['key'], $keyPart)) {
            $created += $entry['created'];
        }
    }
    echo "$label sessions opened by mailbridge: ", $created, "\n";
}
?>
--EXPECT--
submission 587 installed: true
submission 587 SMTP class: MailBridge\PHPMailer\SMTP
submission 587 send(): true, ErrorInfo: ''
submission 587 delivered with X-CampTrackID: key-tls
submission 587 transcript collected: true
submission 587 password in transcript: false
submission 587 base64 password in transcript: false
submission 587 sessions opened by mailbridge: 1
smtps 465 installed: true
smtps 465 SMTP class: MailBridge\PHPMailer\SMTP
smtps 465 send(): true, ErrorInfo: ''
smtps 465 delivered with X-CampTrackID: key-ssl
smtps 465 transcript collected: true
smtps 465 password in transcript: false
smtps 465 base64 password in transcript: false
smtps 465 sessions opened by mailbridge: 1

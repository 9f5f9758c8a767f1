--TEST--
PHPMailer bridge: implicit TLS on 465 with AUTH, and port 25 without AUTH and without TLS
--SKIPIF--
<?php require __DIR__ . '/phpmailer.inc'; pm_skip_without_phpmailer(); mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/phpmailer.inc';

$token = mb_unique_token();
$mail = pm_live_mailer();
$mail->Port = (int) mb_env('MAILBRIDGE_TEST_SMTPS_PORT');
$mail->SMTPSecure = 'ssl';
$mail->Subject = "Bridge 465 $token";
$mail->Body = "over implicit TLS\r\n";
var_dump($mail->send());
$raw = mb_wait_for_message("Bridge 465 $token");
echo '465 TLS in Received: ', var_export((bool) preg_match('/\(using TLS/', $raw), true), "\n";

$mail = pm_live_mailer();
$mail->Port = (int) mb_env('MAILBRIDGE_TEST_SMTP_PORT');
$mail->SMTPSecure = '';
$mail->SMTPAutoTLS = false;
$mail->SMTPAuth = false;
$mail->Subject = "Bridge 25 $token";
$mail->Body = "over port 25\r\n";
var_dump($mail->send());
$raw = mb_wait_for_message("Bridge 25 $token");
echo '25 TLS in Received: ', var_export((bool) preg_match('/\(using TLS/', $raw), true), "\n";
echo '25 authenticated: ', var_export(str_contains($raw, 'Authenticated sender'), true), "\n";
?>
--EXPECT--
bool(true)
465 TLS in Received: true
bool(true)
25 TLS in Received: false
25 authenticated: false

--TEST--
SuiteCRM depth 1: switched off in sugar_config, PHPMailer's own SMTP sends
--SKIPIF--
<?php
require __DIR__ . '/suitecrm.inc';
mb_skip_without_servers();
suitecrm_skip_without_phpmailer();
?>
--FILE--
<?php
require __DIR__ . '/suitecrm.inc';
suitecrm_load_phpmailer();

use MailBridge\SuiteCRM\BridgeInstaller;

$GLOBALS['sugar_config'] = ['mailbridge' => ['enabled' => false]];
$token = mb_unique_token();
$mail = new SugarPHPMailerStandIn();
suitecrm_configure_submission($mail, 'tls');
echo 'enabled: ', var_export(BridgeInstaller::isEnabled(), true), "\n";
echo 'installed: ', var_export(BridgeInstaller::install($mail), true), "\n";
echo 'SMTP class: ', get_class($mail->getSMTPInstance()), "\n";

$mail->From = mb_env('MAILBRIDGE_TEST_USER');
$mail->addAddress(mb_env('MAILBRIDGE_TEST_USER'));
$mail->Subject = "stock PHPMailer $token";
$mail->Body = "Body of $token";
echo 'send(): ', var_export($mail->send(), true), ", ErrorInfo: '", $mail->ErrorInfo, "'\n";
$raw = mb_wait_for_message($token);
echo 'delivered by PHPMailer: ', var_export(str_contains((string) suitecrm_header($raw, 'X-Mailer'), 'PHPMailer'), true), "\n";

// Switched on again, the bridge is used when it exists; without the
// bridge class the mailer keeps PHPMailer's SMTP class.
$GLOBALS['sugar_config'] = [];
$other = new SugarPHPMailerStandIn();
$installed = BridgeInstaller::install($other);
echo 'installed when switched on: ', var_export($installed === class_exists(BridgeInstaller::BRIDGE_CLASS), true), "\n";
echo 'SMTP class matches: ',
    var_export(get_class($other->getSMTPInstance()) === ($installed ? BridgeInstaller::BRIDGE_CLASS : 'PHPMailer\PHPMailer\SMTP'), true), "\n";
?>
--EXPECT--
enabled: false
installed: false
SMTP class: PHPMailer\PHPMailer\SMTP
send(): true, ErrorInfo: ''
delivered by PHPMailer: true
installed when switched on: true
SMTP class matches: true

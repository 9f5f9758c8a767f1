--TEST--
Mailer: Password and DKIM_passphrase do not show in var_dump, print_r, var_export or json_encode
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
$password = 'pw-' . bin2hex(random_bytes(8));
$passphrase = 'pp-' . bin2hex(random_bytes(8));
$mail = new MailBridge\Mailer();
$mail->Username = 'user@example.test';
$mail->Password = $password;
$mail->DKIM_passphrase = $passphrase;

ob_start();
var_dump($mail);
print_r($mail);
var_export($mail);
echo json_encode($mail);
debug_print_backtrace();
$output = ob_get_clean();
echo 'password shown: ', var_export(str_contains($output, $password), true), "\n";
echo 'passphrase shown: ', var_export(str_contains($output, $passphrase), true), "\n";
echo 'redacted markers: ', substr_count($output, '<redacted>'), "\n";
echo 'username shown: ', var_export(str_contains($output, 'user@example.test'), true), "\n";

// The properties themselves keep their values.
var_dump($mail->Password === $password, $mail->DKIM_passphrase === $passphrase);

// An empty password is shown as it is.
$mail->Password = '';
ob_start();
var_dump($mail);
$dump = ob_get_clean();
echo 'empty password shown as empty: ', var_export(str_contains($dump, '["Password"]=>' . "\n  string(0) \"\""), true), "\n";
?>
--EXPECT--
password shown: false
passphrase shown: false
redacted markers: 8
username shown: true
bool(true)
bool(true)
empty password shown as empty: true

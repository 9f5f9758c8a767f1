--TEST--
Mailer: Debugoutput 'echo' and 'html' print PHPMailer's line formats, filtered by SMTPDebug
--SKIPIF--
<?php require_once __DIR__ . '/mailer.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require_once __DIR__ . '/mailer.inc';
$mail = new MailBridge\Mailer();
mailer_use_sink($mail);
$mail->Helo = 'crm.example.test';
$mail->setFrom('crm@example.test');
$mail->addAddress('to@example.test');
$mail->Body = 'body';

echo "-- echo, level 1: client lines only\n";
$mail->SMTPDebug = 1;
$mail->Debugoutput = 'echo';
ob_start();
$mail->send();
$output = ob_get_clean();
echo implode("\n", array_slice(explode("\n", $output), 0, 2)), "\n";
echo 'server lines: ', substr_count($output, 'SERVER -> CLIENT'), "\n";

echo "-- html, level 2\n";
$mail->SMTPDebug = 2;
$mail->Debugoutput = 'html';
// Another EHLO name keeps the pooled session of the first send out, so this one connects.
$mail->Helo = 'crm2.example.test';
ob_start();
$mail->send();
$output = ob_get_clean();
echo implode("\n", array_slice(explode("\n", $output), 0, 2)), "\n";
echo 'connection lines: ', substr_count($output, 'Connection:'), "\n";

echo "-- SMTPDebug 0\n";
$mail->SMTPDebug = 0;
ob_start();
$mail->send();
var_dump(ob_get_clean());
?>
--EXPECTF--
-- echo, level 1: client lines only
%d-%d-%d %d:%d:%d	CLIENT -> SERVER: EHLO crm.example.test
%d-%d-%d %d:%d:%d	CLIENT -> SERVER: MAIL FROM:<crm@example.test>
server lines: 0
-- html, level 2
%d-%d-%d %d:%d:%d SERVER -&gt; CLIENT: 220 %s<br>
%d-%d-%d %d:%d:%d CLIENT -&gt; SERVER: EHLO crm2.example.test<br>
connection lines: 0
-- SMTPDebug 0
string(0) ""

--TEST--
PHPMailer bridge: Postfix on 587 with STARTTLS and AUTH delivers the message to the Maildir
--SKIPIF--
<?php require __DIR__ . '/phpmailer.inc'; pm_skip_without_phpmailer(); mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/phpmailer.inc';

$token = mb_unique_token();
$log = new PmDebugLog();
$mail = pm_live_mailer();
$mail->SMTPDebug = 2;
$mail->Debugoutput = $log->callback();
$mail->Subject = "Bridge 587 $token";
$mail->Body = "First line\r\n.line starting with a dot\r\ntoken $token\r\n";
var_dump($mail->send());
echo 'ErrorInfo: ', json_encode($mail->ErrorInfo), "\n";
$id = $mail->getSMTPInstance()->getLastTransactionID();
echo 'transaction id found: ', var_export(is_string($id) && $id !== '', true), "\n";

$raw = mb_wait_for_message($token);
echo 'subject: ', preg_match('/^Subject: (.*)$/m', $raw, $m) ? trim($m[1]) === "Bridge 587 $token" : 'missing', "\n";
echo 'dot line kept: ', var_export(str_contains($raw, "\n.line starting with a dot\r\n") || str_contains($raw, "\n.line starting with a dot\n"), true), "\n";
echo 'queue id in Received: ', var_export(str_contains($raw, (string) $id), true), "\n";
echo 'TLS in Received: ', var_export((bool) preg_match('/\(using TLS/', $raw), true), "\n";
echo 'STARTTLS sent: ', count($log->matching("CLIENT -> SERVER: STARTTLS\r\n")), "\n";
echo 'AUTH accepted: ', count($log->matching('SERVER -> CLIENT: 235 ')), "\n";
?>
--EXPECT--
bool(true)
ErrorInfo: ""
transaction id found: true
subject: 1
dot line kept: true
queue id in Received: true
TLS in Received: true
STARTTLS sent: 1
AUTH accepted: 1

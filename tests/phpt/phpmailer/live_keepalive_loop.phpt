--TEST--
PHPMailer bridge: SMTPKeepAlive sends several messages over one connection with RSET between them
--SKIPIF--
<?php require __DIR__ . '/phpmailer.inc'; pm_skip_without_phpmailer(); mb_skip_without_servers(); ?>
--INI--
mailbridge.pool_max_idle_per_key=4
--FILE--
<?php
require __DIR__ . '/phpmailer.inc';

$token = mb_unique_token();
$log = new PmDebugLog();
$mail = pm_live_mailer();
$mail->SMTPKeepAlive = true;
$mail->SMTPDebug = 3;
$mail->Debugoutput = $log->callback();
for ($i = 1; $i <= 3; $i++) {
    $mail->clearAddresses();
    $mail->addAddress(mb_env('MAILBRIDGE_TEST_USER'));
    $mail->Subject = "Bridge keep-alive $i $token";
    $mail->Body = "message $i\r\n";
    echo "send $i: ", var_export($mail->send(), true), "\n";
}
$mail->smtpClose();

for ($i = 1; $i <= 3; $i++) {
    echo "delivered $i: ", var_export(str_contains(mb_wait_for_message("Bridge keep-alive $i $token"), "message $i"), true), "\n";
}
echo 'connections opened: ', count($log->matching('Connection: opening to')), "\n";
echo 'AUTH sent: ', count($log->matching('CLIENT -> SERVER: AUTH')), "\n";
echo 'RSET sent: ', count($log->matching("CLIENT -> SERVER: RSET\r\n")), "\n";
echo 'QUIT sent: ', count($log->matching("CLIENT -> SERVER: QUIT\r\n")), "\n";
// smtpClose() after a clean transaction keeps the session in the pool.
echo 'kept in the pool: ', count($log->matching('Connection: kept open in the pool')), "\n";
$stats = MailBridge\Pool::stats();
echo 'pool created/reused/idle: ', $stats[0]['created'], '/', $stats[0]['reused'], '/', $stats[0]['idle'], "\n";
?>
--EXPECT--
send 1: true
send 2: true
send 3: true
delivered 1: true
delivered 2: true
delivered 3: true
connections opened: 1
AUTH sent: 1
RSET sent: 3
QUIT sent: 0
kept in the pool: 1
pool created/reused/idle: 1/0/1

--TEST--
PHPMailer bridge: one PHPMailer without SMTPKeepAlive sends a loop over one pooled session
--SKIPIF--
<?php require __DIR__ . '/phpmailer.inc'; pm_skip_without_phpmailer(); mb_skip_without_servers(); ?>
--INI--
mailbridge.pool_max_idle_per_key=4
mailbridge.pool_probe_interval=60
--FILE--
<?php
require __DIR__ . '/phpmailer.inc';

$token = mb_unique_token();
$log = new PmDebugLog();
$mail = pm_live_mailer();
$mail->SMTPDebug = 3;
$mail->Debugoutput = $log->callback();
for ($i = 1; $i <= 4; $i++) {
    $mail->Subject = "Bridge loop $i $token";
    $mail->Body = "loop $i\r\n";
    echo "send $i: ", var_export($mail->send(), true), "\n";
}
for ($i = 1; $i <= 4; $i++) {
    echo "delivered $i: ", var_export(str_contains(mb_wait_for_message("Bridge loop $i $token"), "loop $i"), true), "\n";
}
echo 'connections opened: ', count($log->matching('Connection: opening to')), "\n";
echo 'pooled connection reused: ', count($log->matching('Connection: reused pooled connection')), "\n";
echo 'STARTTLS sent: ', count($log->matching("CLIENT -> SERVER: STARTTLS\r\n")), "\n";
echo 'AUTH sent: ', count($log->matching('CLIENT -> SERVER: AUTH')), "\n";
echo 'QUIT sent: ', count($log->matching("CLIENT -> SERVER: QUIT\r\n")), "\n";
echo 'returned to the pool: ', count($log->matching('Connection: kept open in the pool')), "\n";
$stats = MailBridge\Pool::stats();
printf("pool: %d key, created %d, reused %d, idle %d\n", count($stats), $stats[0]['created'], $stats[0]['reused'],
    $stats[0]['idle']);
?>
--EXPECT--
send 1: true
send 2: true
send 3: true
send 4: true
delivered 1: true
delivered 2: true
delivered 3: true
delivered 4: true
connections opened: 1
pooled connection reused: 3
STARTTLS sent: 1
AUTH sent: 1
QUIT sent: 0
returned to the pool: 4
pool: 1 key, created 1, reused 3, idle 1

--TEST--
PHPMailer bridge: a 421 right after the final dot on a kept connection makes the next send() reconnect
--DESCRIPTION--
PHPMailer's own SMTP class reads the 421 as the reply to its RSET, then
writes the next MAIL FROM into the closed socket and fails. The bridge marks
the connection closed when the 421 arrives, so PHPMailer's smtpConnect()
sees connected() false and opens a new connection.
--SKIPIF--
<?php require __DIR__ . '/phpmailer.inc'; pm_skip_without_phpmailer(); ?>
--INI--
mailbridge.pool_max_idle_per_key=0
--FILE--
<?php
require __DIR__ . '/phpmailer.inc';

$log = new PmDebugLog();
$configure = function ($mail) use ($log) {
    $mail->SMTPKeepAlive = true;
    $mail->SMTPDebug = 3;
    $mail->Debugoutput = $log->callback();
};
$steps = function ($mail) {
    $first = $mail->send();
    echo 'first send: ', var_export($first, true), "\n";
    echo 'connected after the 421: ', var_export($mail->getSMTPInstance()->connected(), true), "\n";
    $mail->Subject = 'second';
    return $mail->send();
};
pm_compare('keepalive_421_after_dot', true, $configure, $steps, ['bridge' => true]);

echo 'connections opened: ', count($log->matching('Connection: opening to')), "\n";
echo 'server replies with 421: ', count($log->matching('SERVER -> CLIENT: 421')), "\n";
?>
--EXPECT--
first send: true
connected after the 421: false
bridge: returned true
bridge: ErrorInfo ""
bridge: commands 1 EHLO client.test, 1 MAIL FROM:<a@example.test>, 1 RCPT TO:<b@example.test>, 1 DATA, 1 RSET, 2 EHLO client.test, 2 MAIL FROM:<a@example.test>, 2 RCPT TO:<b@example.test>, 2 DATA, 2 RSET, 2 QUIT
bridge: problems none
connections opened: 2
server replies with 421: 1

--TEST--
Mailer: Host failover past a closed port, SMTPKeepAlive reuse of one session, and smtpClose()
--SKIPIF--
<?php require_once __DIR__ . '/mailer.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require_once __DIR__ . '/mailer.inc';
$lines = [];
$mail = new MailBridge\Mailer(true);
mailer_use_sink($mail);
$host = mb_env('MAILBRIDGE_TEST_HOST');
// Port 1 on loopback is closed; the second entry uses Port.
$mail->Host = " $host:1 ; $host ";
$mail->SMTPKeepAlive = true;
$mail->SMTPDebug = 4;
$mail->Debugoutput = function ($line, $level) use (&$lines) {
    $lines[] = "$level " . rtrim($line);
};
$mail->setFrom('crm@example.test');
$mail->Subject = 'keep alive';
$mail->Body = 'body';
foreach (['one@example.test', 'two@example.test'] as $recipient) {
    $mail->clearAddresses();
    $mail->addAddress($recipient);
    var_dump($mail->send());
}
$mail->smtpClose();

$port = mb_env('MAILBRIDGE_TEST_SINK_PORT');
$show = function ($line) use ($host, $port) {
    return str_replace(["$host:$port", "$host:1"], ['HOST:SINK', 'HOST:CLOSED'], $line);
};
foreach ($lines as $line) {
    if (str_starts_with($line, '3 Connection: opening') || $line === '3 Connection: opened' ||
        str_starts_with($line, '1 SMTP ERROR') || str_starts_with($line, '1 CLIENT -> SERVER: MAIL')) {
        echo $show(preg_replace('/ port 1 \(.*/', ' port 1 (...)', $line)), "\n";
    }
}
echo 'EHLO count: ', count(preg_grep('/^1 CLIENT -> SERVER: EHLO/', $lines)), "\n";
?>
--EXPECT--
bool(true)
bool(true)
3 Connection: opening to HOST:CLOSED, timeout=15, options=array()
1 SMTP ERROR: cannot connect to 127.0.0.1 port 1 (...)
3 Connection: opening to HOST:SINK, timeout=15, options=array()
3 Connection: opened
1 CLIENT -> SERVER: MAIL FROM:<crm@example.test>
1 CLIENT -> SERVER: MAIL FROM:<crm@example.test>
EHLO count: 1

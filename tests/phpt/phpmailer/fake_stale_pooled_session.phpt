--TEST--
PHPMailer bridge: a pooled session that the server closed, or whose NOOP probe fails, is replaced by a new connection
--SKIPIF--
<?php require __DIR__ . '/phpmailer.inc'; pm_skip_without_phpmailer(); ?>
--INI--
mailbridge.pool_max_idle_per_key=4
--FILE--
<?php
require __DIR__ . '/phpmailer.inc';

// $probeInterval 60: the 421 is already waiting on the idle socket when the
// second message starts. 0: every reuse is checked with NOOP first.
foreach (['idle_421_then_reconnect' => 60, 'pooled_noop_421' => 0] as $scenario => $probeInterval) {
    echo "-- $scenario\n";
    ini_set('mailbridge.pool_probe_interval', (string) $probeInterval);
    $server = mb_fake_server($scenario);
    $log = new PmDebugLog();
    for ($i = 1; $i <= 2; $i++) {
        $mail = pm_fake_mailer($server, true, true);
        $mail->SMTPDebug = 3;
        $mail->Debugoutput = $log->callback();
        $mail->Subject = "message $i";
        echo "send $i: ", var_export($mail->send(), true), "\n";
        unset($mail);
        if ($i === 1) {
            usleep(500_000);
        }
    }
    MailBridge\Pool::clear();
    echo 'commands: ', implode(', ', $server->commands()), "\n";
    echo 'problems: ', trim($server->problems()) ?: 'none', "\n";
    echo 'reused: ', count($log->matching('Connection: reused')), "\n";
    $stats = MailBridge\Pool::stats();
    $entry = end($stats);
    echo 'discarded: ', json_encode(array_filter($entry['discarded'])), "\n";
}
?>
--EXPECT--
-- idle_421_then_reconnect
send 1: true
send 2: true
commands: 1 EHLO client.test, 1 MAIL FROM:<a@example.test>, 1 RCPT TO:<b@example.test>, 1 DATA, 2 EHLO client.test, 2 MAIL FROM:<a@example.test>, 2 RCPT TO:<b@example.test>, 2 DATA
problems: none
reused: 0
discarded: {"closed_by_server":1}
-- pooled_noop_421
send 1: true
send 2: true
commands: 1 EHLO client.test, 1 MAIL FROM:<a@example.test>, 1 RCPT TO:<b@example.test>, 1 DATA, 1 NOOP, 2 EHLO client.test, 2 MAIL FROM:<a@example.test>, 2 RCPT TO:<b@example.test>, 2 DATA
problems: none
reused: 0
discarded: {"probe_failed":1}

--TEST--
PHPMailer bridge: one PHPMailer per message reuses the pooled session, but only for the same identity
--DESCRIPTION--
SuiteCRM builds a new PHPMailer for every message and lets it QUIT. With
the bridge, quit() returns the session to the pool and the next message for
the same endpoint, EHLO name and credentials takes it without connecting,
STARTTLS or AUTH. Another user, a wrong password for the same user or
another EHLO name must each get a connection of their own.
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
function send_one(string $label, PmDebugLog $log, callable $configure): void
{
    $before = count($log->lines);
    $mail = pm_live_mailer(false);
    $mail->SMTPDebug = 3;
    $mail->Debugoutput = $log->callback();
    $configure($mail);
    $ok = $mail->send();
    unset($mail);
    $lines = array_slice($log->lines, $before);
    $opened = count(array_filter($lines, fn ($l) => str_starts_with($l[1], 'Connection: opening to')));
    $reused = count(array_filter($lines, fn ($l) => str_starts_with($l[1], 'Connection: reused pooled connection')));
    $auth = count(array_filter($lines, fn ($l) => str_starts_with($l[1], 'CLIENT -> SERVER: AUTH')));
    printf("%s: sent %s, opened %d, reused %d, AUTH %d\n", $label, var_export($ok, true), $opened, $reused, $auth);
}

for ($i = 1; $i <= 3; $i++) {
    send_one("user 1 message $i", $log, function ($mail) use ($i, $token) {
        $mail->Subject = "Bridge pool $i $token";
        $mail->Body = "pooled $i\r\n";
    });
}
send_one('user 2', $log, function ($mail) use ($token) {
    $mail->Username = mb_env('MAILBRIDGE_TEST_USER2');
    $mail->Password = mb_env('MAILBRIDGE_TEST_PASSWORD2');
    $mail->Subject = "Bridge pool user2 $token";
    $mail->Body = "user 2\r\n";
});
send_one('user 1 wrong password', $log, function ($mail) {
    $mail->Password = 'not-the-password';
    $mail->Subject = 'never delivered';
    $mail->Body = "x\r\n";
});
send_one('user 1 other EHLO name', $log, function ($mail) use ($token) {
    $mail->Helo = 'other.mailbridge.test';
    $mail->Subject = "Bridge pool helo $token";
    $mail->Body = "other helo\r\n";
});
send_one('user 1 again', $log, function ($mail) use ($token) {
    $mail->Subject = "Bridge pool again $token";
    $mail->Body = "again\r\n";
});

for ($i = 1; $i <= 3; $i++) {
    echo "delivered $i: ", var_export(str_contains(mb_wait_for_message("Bridge pool $i $token"), "pooled $i"), true), "\n";
}
echo 'delivered again: ', var_export(str_contains(mb_wait_for_message("Bridge pool again $token"), 'again'), true), "\n";

foreach ($log->lines as [$level, $line]) {
    if (str_starts_with($line, 'Connection: reused pooled connection'))
        echo rtrim($line), "\n";
}

foreach (MailBridge\Pool::stats() as $entry) {
    printf("%s: created %d, reused %d, idle %d\n", $entry['key'], $entry['created'], $entry['reused'], $entry['idle']);
}
?>
--EXPECTF--
user 1 message 1: sent true, opened 1, reused 0, AUTH 1
user 1 message 2: sent true, opened 0, reused 1, AUTH 0
user 1 message 3: sent true, opened 0, reused 1, AUTH 0
user 2: sent true, opened 1, reused 0, AUTH 1
user 1 wrong password: sent false, opened 1, reused 0, AUTH 1
user 1 other EHLO name: sent true, opened 1, reused 0, AUTH 1
user 1 again: sent true, opened 0, reused 1, AUTH 0
delivered 1: true
delivered 2: true
delivered 3: true
delivered again: true
Connection: reused pooled connection to %s:587 (1 message sent on it)
Connection: reused pooled connection to %s:587 (2 messages sent on it)
Connection: reused pooled connection to %s:587 (3 messages sent on it)
user@example.test@127.0.0.1:587 starttls as client.mailbridge.test: created 1, reused 3, idle 1
user2@example.test@127.0.0.1:587 starttls as client.mailbridge.test: created 1, reused 0, idle 1
user@example.test@127.0.0.1:587 starttls as other.mailbridge.test: created 1, reused 0, idle 1

--TEST--
max_per_second spaces the transactions of sendMany() and of send()
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/bulk.inc';

// 20 transactions at 10/s: the last starts at least 1.9 s after the first.
$server = mb_fake_server('bulk_accept_many');
$transport = new MailBridge\SmtpTransport(mb_bulk_options($server));
$started = microtime(true);
$results = $transport->sendMany(mb_bulk_messages(20), ['concurrency' => 4, 'max_per_second' => 10]);
$elapsed = microtime(true) - $started;
echo 'sendMany sent: ', count(array_filter($results, fn ($result) => $result->status === 'sent')), "\n";
echo 'sendMany took at least 1.8 s: ', var_export($elapsed >= 1.8, true), "\n";
echo 'sendMany took less than 10 s: ', var_export($elapsed < 10.0, true), "\n";

// The transport option applies to sendMany() too.
$limited = new MailBridge\SmtpTransport(mb_bulk_options($server, ['max_per_second' => 10.0]));
$started = microtime(true);
$limited->sendMany(mb_bulk_messages(6), ['concurrency' => 2]);
$elapsed = microtime(true) - $started;
echo 'sendMany with the transport option took at least 0.45 s: ', var_export($elapsed >= 0.45, true), "\n";

// Without a limit the same work is fast, so the checks above measure the limit.
$started = microtime(true);
$transport->sendMany(mb_bulk_messages(20), ['concurrency' => 4]);
echo 'unlimited sendMany took less than 1.5 s: ', var_export(microtime(true) - $started < 1.5, true), "\n";

// send(): 5 messages at 5/s, the last starts at least 0.8 s after the first.
$single = new MailBridge\SmtpTransport(mb_bulk_options($server, ['max_per_second' => 5.0]));
$started = microtime(true);
foreach (mb_bulk_messages(5) as $message) {
    $single->send($message);
}
$elapsed = microtime(true) - $started;
$single->close();
echo 'send() took at least 0.75 s: ', var_export($elapsed >= 0.75, true), "\n";
echo 'send() took less than 5 s: ', var_export($elapsed < 5.0, true), "\n";

$server->stop();
echo 'DATA commands: ', mb_bulk_count_commands($server, '^\d+ DATA$'), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
sendMany sent: 20
sendMany took at least 1.8 s: true
sendMany took less than 10 s: true
sendMany with the transport option took at least 0.45 s: true
unlimited sendMany took less than 1.5 s: true
send() took at least 0.75 s: true
send() took less than 5 s: true
DATA commands: 51
problems: none

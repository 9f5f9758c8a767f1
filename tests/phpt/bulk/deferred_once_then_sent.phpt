--TEST--
sendMany(): a 451 to RCPT is retried and the message is 'sent' with attempts 2
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/bulk.inc';

$server = mb_fake_server('bulk_451_then_accept');
$transport = new MailBridge\SmtpTransport(mb_bulk_options($server));
$results = $transport->sendMany(mb_bulk_messages(4, [1 => MB_BULK_DEFERRED_ONCE]), ['concurrency' => 1]);

mb_bulk_print_results($results);
mb_bulk_print_counts($results);
echo 'error of the retried message: ', var_export($results[1]->error, true), "\n";
echo 'queue id of the retried message: ', $results[1]->queueId, "\n";

echo 'RCPT to the deferred recipient: ', mb_bulk_count_commands($server, 'RCPT TO:<later@'), "\n";
echo 'DATA: ', mb_bulk_count_commands($server, '^\d+ DATA$'), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
0 sent attempts=1 accepted=m0@example.test
1 sent attempts=2 accepted=later@example.test
2 sent attempts=1 accepted=m2@example.test
3 sent attempts=1 accepted=m3@example.test
sent: 4
rejected: 0
deferred: 0
unknown: 0
total: 4 of 4
error of the retried message: NULL
queue id of the retried message: LATER1
RCPT to the deferred recipient: 2
DATA: 4
problems: none

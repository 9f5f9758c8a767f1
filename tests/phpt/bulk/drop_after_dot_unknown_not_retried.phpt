--TEST--
sendMany(): a connection lost after the final dot makes that message 'unknown', never retried
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/bulk.inc';

$server = mb_fake_server('bulk_drop_after_dot');
$transport = new MailBridge\SmtpTransport(mb_bulk_options($server));
$results = $transport->sendMany(mb_bulk_messages(5, [1 => MB_BULK_DROP_AFTER_DOT]), ['concurrency' => 1]);

mb_bulk_print_results($results);
mb_bulk_print_counts($results);
echo 'transient: ', var_export($results[1]->error->isTransient(), true), "\n";
echo 'hint given: ', var_export($results[1]->error->getHint() !== null, true), "\n";

echo 'RCPT to the dropped recipient: ', mb_bulk_count_commands($server, 'RCPT TO:<drop-after-dot@'), "\n";
echo 'messages on the first connection: ', mb_bulk_count_commands($server, '^1 DATA$'), "\n";
echo 'messages on the second connection: ', mb_bulk_count_commands($server, '^2 DATA$'), "\n";
echo 'connections: ', $server->connectionCount(), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
0 sent attempts=1 accepted=m0@example.test
1 unknown attempts=1 accepted=drop-after-dot@example.test error=MailBridge\UnknownOutcomeException stage=after-dot code=0
2 sent attempts=1 accepted=m2@example.test
3 sent attempts=1 accepted=m3@example.test
4 sent attempts=1 accepted=m4@example.test
sent: 4
rejected: 0
deferred: 0
unknown: 1
total: 5 of 5
transient: false
hint given: true
RCPT to the dropped recipient: 1
messages on the first connection: 2
messages on the second connection: 3
connections: 2
problems: none

--TEST--
sendMany(): a connection lost at RCPT moves the message to a new connection, where it is sent
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/bulk.inc';

$server = mb_fake_server('bulk_drop_at_rcpt');
$transport = new MailBridge\SmtpTransport(mb_bulk_options($server));
$results = $transport->sendMany(mb_bulk_messages(4, [1 => MB_BULK_DROP_AT_RCPT]), ['concurrency' => 1]);

mb_bulk_print_results($results);
mb_bulk_print_counts($results);

$commands = $server->commands();
echo 'RCPT to the dropped recipient: ', implode(' | ', preg_grep('/RCPT TO:<drop-at-rcpt@/', $commands)), "\n";
echo 'messages on the first connection: ', mb_bulk_count_commands($server, '^1 DATA$'), "\n";
echo 'messages on the second connection: ', mb_bulk_count_commands($server, '^2 DATA$'), "\n";
echo 'connections: ', $server->connectionCount(), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
0 sent attempts=1 accepted=m0@example.test
1 sent attempts=2 accepted=drop-at-rcpt@example.test
2 sent attempts=1 accepted=m2@example.test
3 sent attempts=1 accepted=m3@example.test
sent: 4
rejected: 0
deferred: 0
unknown: 0
total: 4 of 4
RCPT to the dropped recipient: 1 RCPT TO:<drop-at-rcpt@example.test> | 2 RCPT TO:<drop-at-rcpt@example.test>
messages on the first connection: 1
messages on the second connection: 3
connections: 2
problems: none

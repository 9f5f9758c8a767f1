--TEST--
sendMany(): max_messages_per_connection closes a connection with QUIT and opens a new one
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/bulk.inc';

$server = mb_fake_server('bulk_accept_many');
$transport = new MailBridge\SmtpTransport(mb_bulk_options($server));
$results = $transport->sendMany(mb_bulk_messages(10), ['concurrency' => 1, 'max_messages_per_connection' => 3]);
mb_bulk_print_counts($results);

echo 'connections: ', mb_bulk_connections($server), "\n";
for ($connection = 1; $connection <= 4; $connection++) {
    echo "messages on connection $connection: ", mb_bulk_count_commands($server, "^$connection DATA$"), "\n";
}
echo 'QUIT commands: ', mb_bulk_count_commands($server, '^\d+ QUIT$'), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
sent: 10
rejected: 0
deferred: 0
unknown: 0
total: 10 of 10
connections: 4
messages on connection 1: 3
messages on connection 2: 3
messages on connection 3: 3
messages on connection 4: 1
QUIT commands: 4
problems: none

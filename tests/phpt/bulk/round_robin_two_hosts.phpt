--TEST--
host_order: round_robin spreads sendMany() connections over two hosts, failover keeps them on the first
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/bulk.inc';

$first = mb_fake_server('bulk_accept_many');
$second = mb_fake_server('bulk_accept_many');
$hosts = "127.0.0.1:{$first->port};127.0.0.1:{$second->port}";

$transport = new MailBridge\SmtpTransport(mb_bulk_options($first, [
    'host' => $hosts,
    'port' => null,
    'host_order' => 'round_robin',
]));
$results = $transport->sendMany(mb_bulk_messages(24), ['concurrency' => 4]);
mb_bulk_print_counts($results);

$failover = new MailBridge\SmtpTransport(mb_bulk_options($first, ['host' => $hosts, 'port' => null]));
$results = $failover->sendMany(mb_bulk_messages(12), ['concurrency' => 3]);
echo 'failover sent: ', count(array_filter($results, fn ($result) => $result->status === 'sent')), "\n";

// 4 round-robin connections alternate between the hosts; the 3 failover
// connections all go to the first.
echo 'connections to the first host: ', mb_bulk_connections($first), "\n";
echo 'connections to the second host: ', mb_bulk_connections($second), "\n";
$firstData = mb_bulk_count_commands($first, '^\d+ DATA$');
$secondData = mb_bulk_count_commands($second, '^\d+ DATA$');
echo 'messages on both hosts: ', $firstData + $secondData, "\n";
echo 'second host got messages: ', var_export($secondData > 0, true), "\n";
echo 'problems: ', ($first->problems() . $second->problems()) ?: "none\n";
?>
--EXPECT--
sent: 24
rejected: 0
deferred: 0
unknown: 0
total: 24 of 24
failover sent: 12
connections to the first host: 5
connections to the second host: 2
messages on both hosts: 36
second host got messages: true
problems: none

--TEST--
sendMany(): results in input order, on_result once per message, and one connection per concurrency slot
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/bulk.inc';

const MESSAGE_COUNT = 40;

$server = mb_fake_server('bulk_accept_many');
$transport = new MailBridge\SmtpTransport(mb_bulk_options($server));
$calls = [];
$results = $transport->sendMany(mb_bulk_messages(MESSAGE_COUNT), [
    'concurrency' => 4,
    'on_result' => function (MailBridge\SendResult $result, int $index) use (&$calls): void {
        $calls[] = [$index, $result];
    },
]);

echo 'results: ', count($results), "\n";
echo 'keys in order: ', var_export(array_keys($results) === range(0, MESSAGE_COUNT - 1), true), "\n";
$misplaced = [];
foreach ($results as $index => $result) {
    if ($result->accepted !== ["m$index@example.test"]) {
        $misplaced[] = $index;
    }
}
echo 'results whose recipient is not their input position: ', $misplaced ? implode(',', $misplaced) : 'none', "\n";
mb_bulk_print_counts($results);

$indexes = array_column($calls, 0);
echo 'on_result calls: ', count($calls), "\n";
sort($indexes);
echo 'each index once: ', var_export($indexes === range(0, MESSAGE_COUNT - 1), true), "\n";
$same = array_filter($calls, fn (array $call): bool => $call[1] === $results[$call[0]]);
echo 'on_result got the returned object: ', count($same), "\n";
$ids = array_map(fn (MailBridge\SendResult $result): string => $result->messageId, $results);
echo 'distinct message ids: ', count(array_unique(array_filter($ids))), "\n";

echo 'connections: ', mb_bulk_connections($server), "\n";
echo 'DATA commands: ', mb_bulk_count_commands($server, '^\d+ DATA$'), "\n";
echo 'QUIT commands: ', mb_bulk_count_commands($server, '^\d+ QUIT$'), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
results: 40
keys in order: true
results whose recipient is not their input position: none
sent: 40
rejected: 0
deferred: 0
unknown: 0
total: 40 of 40
on_result calls: 40
each index once: true
on_result got the returned object: 40
distinct message ids: 40
connections: 4
DATA commands: 40
QUIT commands: 4
problems: none

--TEST--
Failover: a closed first host is skipped by send() and by sendMany(), in both host list forms
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/bulk.inc';

$closed = mb_bulk_closed_port();
$server = mb_fake_server('bulk_accept_many');
$lines = [];
$logger = function (string $line) use (&$lines): void {
    $lines[] = $line;
};

// PHPMailer's "host;host:port" form with send().
$transport = new MailBridge\SmtpTransport(mb_bulk_options($server, [
    'host' => "127.0.0.1:$closed;127.0.0.1:{$server->port}",
    'port' => null,
    'logger' => $logger,
]));
$result = $transport->send(mb_bulk_messages(1)[0]);
echo 'send(): ', $result->status, ' ', $result->queueId, "\n";
$transport->close();
echo 'skipping logged for the closed host: ',
    count(preg_grep('/^\* skipping 127\.0\.0\.1:' . $closed . '\b/', $lines)), "\n";

// The list form with sendMany().
$lines = [];
$transport = new MailBridge\SmtpTransport(mb_bulk_options($server, [
    'host' => ["127.0.0.1:$closed", "127.0.0.1:{$server->port}"],
    'port' => null,
    'logger' => $logger,
]));
$results = $transport->sendMany(mb_bulk_messages(6), ['concurrency' => 2]);
mb_bulk_print_results($results);
// Both slots may start connecting to the closed host before the first refusal arrives.
$skipped = count(preg_grep('/^\* skipping 127\.0\.0\.1:' . $closed . '\b/', $lines));
echo 'closed host tried once per slot at most: ', var_export($skipped >= 1 && $skipped <= 2, true), "\n";

// A host list where the working host comes first never touches the second.
$transport = new MailBridge\SmtpTransport(mb_bulk_options($server, [
    'host' => "127.0.0.1:{$server->port};127.0.0.1:$closed",
    'port' => null,
]));
$results = $transport->sendMany(mb_bulk_messages(2), ['concurrency' => 1]);
echo 'working host first: ', $results[0]->status, ' ', $results[1]->status, "\n";

echo 'connections to the working host: ', mb_bulk_connections($server), "\n";
echo 'DATA commands: ', mb_bulk_count_commands($server, '^\d+ DATA$'), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
send(): sent BULK1
skipping logged for the closed host: 1
0 sent attempts=1 accepted=m0@example.test
1 sent attempts=1 accepted=m1@example.test
2 sent attempts=1 accepted=m2@example.test
3 sent attempts=1 accepted=m3@example.test
4 sent attempts=1 accepted=m4@example.test
5 sent attempts=1 accepted=m5@example.test
closed host tried once per slot at most: true
working host first: sent sent
connections to the working host: 4
DATA commands: 9
problems: none

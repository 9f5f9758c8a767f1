--TEST--
sendMany(): when no host accepts a connection every message is 'deferred' with the connection error
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/bulk.inc';

$first = mb_bulk_closed_port();
$second = mb_bulk_closed_port();
$transport = new MailBridge\SmtpTransport([
    'host' => "127.0.0.1:$first;127.0.0.1:$second",
    'security' => 'none',
    'timeout' => 2.0,
    'client_name' => MB_FAKE_CLIENT_NAME,
    'persistent' => false,
]);
$seen = 0;
$results = $transport->sendMany(mb_bulk_messages(7), [
    'concurrency' => 2,
    'on_result' => function () use (&$seen): void {
        $seen++;
    },
]);
mb_bulk_print_results($results);
mb_bulk_print_counts($results);
echo 'on_result calls: ', $seen, "\n";
echo 'transient: ', var_export($results[0]->error->isTransient(), true), "\n";

// send() raises the same class when every host is closed.
try {
    $transport->send(mb_bulk_messages(1)[0]);
    echo "send() did not raise\n";
} catch (MailBridge\TransportException $e) {
    echo 'send(): ', get_class($e), ' ', $e->getStage(), "\n";
}
?>
--EXPECT--
0 deferred attempts=0 accepted= error=MailBridge\ConnectionException stage=connect code=0
1 deferred attempts=0 accepted= error=MailBridge\ConnectionException stage=connect code=0
2 deferred attempts=0 accepted= error=MailBridge\ConnectionException stage=connect code=0
3 deferred attempts=0 accepted= error=MailBridge\ConnectionException stage=connect code=0
4 deferred attempts=0 accepted= error=MailBridge\ConnectionException stage=connect code=0
5 deferred attempts=0 accepted= error=MailBridge\ConnectionException stage=connect code=0
6 deferred attempts=0 accepted= error=MailBridge\ConnectionException stage=connect code=0
sent: 0
rejected: 0
deferred: 7
unknown: 0
total: 7 of 7
on_result calls: 7
transient: true
send(): MailBridge\ConnectionException connect

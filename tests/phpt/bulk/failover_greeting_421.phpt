--TEST--
Failover: a host that answers 421 at the greeting is skipped and every message goes to the next host
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/bulk.inc';

$busy = mb_fake_server('greeting_421');
$working = mb_fake_server('bulk_accept_many');
$hosts = ["127.0.0.1:{$busy->port}", "127.0.0.1:{$working->port}"];

// With max_messages_per_connection 2 the 8 messages need 4 connections to the
// working host. The busy host is skipped for host_retry_period (60 s) after
// its first 421, so later connections do not try it again.
$transport = new MailBridge\SmtpTransport(mb_bulk_options($working, ['host' => $hosts, 'port' => null]));
$results = $transport->sendMany(mb_bulk_messages(8), ['concurrency' => 2, 'max_messages_per_connection' => 2]);
mb_bulk_print_results($results);

// send() on a new transport tries the busy host once, then uses the next one.
$single = new MailBridge\SmtpTransport(mb_bulk_options($working, ['host' => $hosts, 'port' => null]));
echo 'send(): ', $single->send(mb_bulk_messages(1)[0])->status, "\n";
$single->close();

// The two sendMany() slots may both connect before the first 421 arrives,
// and send() adds one more.
$busyConnections = mb_bulk_connections($busy);
echo 'connections to the busy host are 2 or 3: ', var_export($busyConnections >= 2 && $busyConnections <= 3, true), "\n";
echo 'commands to the busy host other than QUIT: ', count(mb_fake_without_quit($busy->commands())), "\n";
// At least 4 for sendMany() and 1 for send(). A slot may open a connection
// that another slot's leftover messages make unnecessary, so allow up to 8.
$workingConnections = mb_bulk_connections($working);
echo 'connections to the working host are 5 to 8: ',
    var_export($workingConnections >= 5 && $workingConnections <= 8, true), "\n";
echo 'DATA commands to the working host: ', mb_bulk_count_commands($working, '^\d+ DATA$'), "\n";
echo 'problems: ', ($busy->problems() . $working->problems()) ?: "none\n";
?>
--EXPECT--
0 sent attempts=1 accepted=m0@example.test
1 sent attempts=1 accepted=m1@example.test
2 sent attempts=1 accepted=m2@example.test
3 sent attempts=1 accepted=m3@example.test
4 sent attempts=1 accepted=m4@example.test
5 sent attempts=1 accepted=m5@example.test
6 sent attempts=1 accepted=m6@example.test
7 sent attempts=1 accepted=m7@example.test
send(): sent
connections to the busy host are 2 or 3: true
commands to the busy host other than QUIT: 0
connections to the working host are 5 to 8: true
DATA commands to the working host: 9
problems: none

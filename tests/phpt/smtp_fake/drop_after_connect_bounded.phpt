--TEST--
Fake SMTP: a server that drops every connection before the greeting gives a transient ConnectionException after few attempts
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('drop_after_connect');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, [
    'security' => 'none',
    'tls' => null,
    'username' => null,
    'password' => null,
]));
$started = microtime(true);
try {
    $transport->send(mb_fake_message());
    echo "sent\n";
} catch (MailBridge\TransportException $e) {
    mb_print_exception($e);
}
$elapsed = microtime(true) - $started;
echo 'connected: ', var_export($transport->isConnected(), true), "\n";
$server->stop();

$connections = $server->connectionCount();
echo 'at least one connection: ', var_export($connections >= 1, true), "\n";
echo 'at most 3 connections: ', var_export($connections <= 3, true), " ($connections)\n";
echo 'gave up within 3 s: ', var_export($elapsed < 3.0, true), "\n";
echo 'commands: ', count($server->commands()), "\n";
?>
--EXPECTF--
class: MailBridge\ConnectionException
stage: connect
code: 0
enhanced: NULL
command: NULL
transient: true
connected: false
at least one connection: true
at most 3 connections: true (%d)
gave up within 3 s: true
commands: 0

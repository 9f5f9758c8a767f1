--TEST--
Fake SMTP: DATA without a 354 reply times out as a transient ConnectionException, not an unknown outcome
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('data_no_354');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, [
    'security' => 'none',
    'tls' => null,
    'username' => null,
    'password' => null,
    'timeout' => 1.0,
]));
$started = microtime(true);
try {
    $transport->send(mb_fake_message());
    echo "sent\n";
} catch (MailBridge\TransportException $e) {
    mb_print_exception($e);
}
$elapsed = microtime(true) - $started;
echo 'gave up after the timeout: ', var_export($elapsed >= 0.9 && $elapsed < 2.5, true), "\n";
echo 'connected: ', var_export($transport->isConnected(), true), "\n";
$transport->close();

// No message content may follow an unanswered DATA.
echo implode("\n", mb_fake_without_quit($server->commands())), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
class: MailBridge\ConnectionException
stage: data
code: 0
enhanced: NULL
command: 'DATA'
transient: true
gave up after the timeout: true
connected: false
1 EHLO client.test
1 MAIL FROM:<a@example.test>
1 RCPT TO:<b@example.test>
1 DATA
problems: none

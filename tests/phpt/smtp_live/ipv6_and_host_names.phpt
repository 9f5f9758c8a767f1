--TEST--
Network: connect over IPv6 loopback and by host name, verifying the certificate for each
--SKIPIF--
<?php
require __DIR__ . '/live.inc';
mb_skip_without_servers();
$probe = @stream_socket_client('tcp://[::1]:' . mb_env('MAILBRIDGE_TEST_SMTPS_PORT'), $errno, $errstr, 2);
if (!$probe) die('skip no IPv6 loopback listener');
?>
--FILE--
<?php
require __DIR__ . '/live.inc';
foreach (['::1', '[::1]', 'localhost'] as $host) {
    $lines = [];
    $transport = new MailBridge\SmtpTransport(live_options([
        'host' => $host,
        'port' => (int) mb_env('MAILBRIDGE_TEST_SMTPS_PORT'),
        'security' => 'tls',
        'logger' => function (string $line) use (&$lines) { $lines[] = $line; },
    ]));
    $result = $transport->send(live_message(mb_unique_token()));
    echo $host, ': ', $result->replyCode, "\n";
}
?>
--EXPECT--
::1: 250
[::1]: 250
localhost: 250

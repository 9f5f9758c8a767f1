--TEST--
ImapClient: an untrusted CA or a wrong fingerprint raises TlsException
--SKIPIF--
<?php
require __DIR__ . '/imap.inc';
mb_skip_without_servers();
if (!is_readable('/etc/ssl/certs/ca-certificates.crt')) {
    echo 'skip the system CA bundle /etc/ssl/certs/ca-certificates.crt is missing';
}
?>
--FILE--
<?php
require __DIR__ . '/imap.inc';
$cases = [
    'wrong CA on 993' => ['tls' => ['cafile' => '/etc/ssl/certs/ca-certificates.crt']],
    'wrong CA with STARTTLS' => [
        'security' => 'starttls',
        'port' => (int) mb_env('MAILBRIDGE_TEST_IMAP_PORT'),
        'tls' => ['cafile' => '/etc/ssl/certs/ca-certificates.crt'],
    ],
    'wrong fingerprint' => ['tls' => ['fingerprint' => str_repeat('ab', 32)]],
    'wrong peer name' => ['tls' => ['cafile' => mb_env('MAILBRIDGE_TEST_CAFILE'), 'peer_name' => 'other.example.org']],
];
foreach ($cases as $name => $overrides) {
    $lines = [];
    $client = imap_client($overrides + ['logger' => function (string $line) use (&$lines) { $lines[] = $line; }]);
    try {
        $client->connect();
        echo "$name: connected\n";
    } catch (MailBridge\TlsException $e) {
        echo "$name: ", get_class($e), ' at ', $e->getStage(), "\n";
        // The credentials must not have been sent.
        echo "$name: AUTHENTICATE sent: ", json_encode((bool) preg_grep('/^C: A\d+ (AUTHENTICATE|LOGIN) /', $lines)), "\n";
    }
}
?>
--EXPECT--
wrong CA on 993: MailBridge\TlsException at tls
wrong CA on 993: AUTHENTICATE sent: false
wrong CA with STARTTLS: MailBridge\TlsException at tls
wrong CA with STARTTLS: AUTHENTICATE sent: false
wrong fingerprint: MailBridge\TlsException at tls
wrong fingerprint: AUTHENTICATE sent: false
wrong peer name: MailBridge\TlsException at tls
wrong peer name: AUTHENTICATE sent: false

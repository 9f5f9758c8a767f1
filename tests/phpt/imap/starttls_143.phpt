--TEST--
ImapClient: STARTTLS on port 143 and implicit TLS on 993
--SKIPIF--
<?php require __DIR__ . '/imap.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/imap.inc';
foreach ([['starttls', 'MAILBRIDGE_TEST_IMAP_PORT'], ['tls', 'MAILBRIDGE_TEST_IMAPS_PORT']] as [$security, $port]) {
    $lines = [];
    $client = imap_client([
        'security' => $security,
        'port' => (int) mb_env($port),
        'logger' => function (string $line) use (&$lines) { $lines[] = $line; },
    ]);
    var_dump($client->isConnected());
    $client->connect();
    var_dump($client->isConnected());
    var_dump(in_array('IMAP4REV1', $client->capabilities(), true));
    $inbox = $client->examine('INBOX');
    var_dump($inbox->readOnly);
    $client->noop();
    $client->logout();
    var_dump($client->isConnected());

    echo $security, ": STARTTLS sent: ", json_encode((bool) preg_grep('/^C: A\d+ STARTTLS$/', $lines)), "\n";
    echo $security, ": TLS: ", json_encode((bool) preg_grep('/^\* TLS established: TLSv1\.[23] /', $lines)), "\n";
    echo $security, ": password in transcript: ",
        json_encode(str_contains(implode("\n", $lines), mb_env('MAILBRIDGE_TEST_PASSWORD'))), "\n";
    echo $security, ": redacted AUTHENTICATE: ",
        json_encode((bool) preg_grep('/^C: A\d+ AUTHENTICATE PLAIN <redacted \d+ bytes>$/', $lines)), "\n";
}
?>
--EXPECT--
bool(false)
bool(true)
bool(true)
bool(true)
bool(false)
starttls: STARTTLS sent: true
starttls: TLS: true
starttls: password in transcript: false
starttls: redacted AUTHENTICATE: true
bool(false)
bool(true)
bool(true)
bool(true)
bool(false)
tls: STARTTLS sent: false
tls: TLS: true
tls: password in transcript: false
tls: redacted AUTHENTICATE: true

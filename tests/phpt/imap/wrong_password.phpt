--TEST--
ImapClient: a wrong password raises AuthenticationException with the server text
--SKIPIF--
<?php require __DIR__ . '/imap.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/imap.inc';
$wrong = 'mb-Wrong-' . bin2hex(random_bytes(6));
$lines = [];
$client = imap_client([
    'password' => $wrong,
    'logger' => function (string $line) use (&$lines) { $lines[] = $line; },
]);
try {
    $client->select('INBOX');
    echo "no exception\n";
} catch (MailBridge\AuthenticationException $e) {
    echo get_class($e), "\n";
    echo $e->getStage(), "\n";
    echo $e->getResponseStatus(), "\n";
    echo $e->getResponseCode(), "\n";
    echo $e->getServerText(), "\n";
    echo $e->getCommand(), "\n";
    var_dump($e instanceof MailBridge\Exception);
    var_dump($e->isTransient());
    $texts = $e->getMessage() . "\n" . $e->getTraceAsString() . "\n" . print_r($e, true) . "\n" . implode("\n", $lines);
    var_dump(str_contains($texts, $wrong));
}
var_dump($client->isConnected());
?>
--EXPECTF--
MailBridge\AuthenticationException
auth
NO
AUTHENTICATIONFAILED
Authentication failed.
AUTHENTICATE PLAIN
bool(true)
bool(false)
bool(false)
bool(false)

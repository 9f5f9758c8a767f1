--TEST--
ImapClient: invalid arguments raise TypeError or ValueError before connecting
--SKIPIF--
<?php require __DIR__ . '/imap.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
declare(strict_types=1);
require __DIR__ . '/imap.inc';
$client = imap_client();
$stream = fopen('php://memory', 'w+');
$calls = [
    'fetch string uid' => fn () => $client->fetch('1'),
    'fetch float uid' => fn () => $client->fetch(1.5),
    'fetch negative uid' => fn () => $client->fetch(-1),
    'fetch uid too large' => fn () => $client->fetch([4294967296]),
    'fetch unknown item' => fn () => $client->fetch(1, ['body']),
    'fetch bad section' => fn () => $client->fetch(1, [], ['1] BODY[2']),
    'fetch section type' => fn () => $client->fetch(1, [], [1]),
    'streamSection bad section' => fn () => $client->streamSection(1, "1\r\n", $stream),
    'streamSection closed stream' => function () use ($client) {
        $closed = fopen('php://memory', 'w+');
        fclose($closed);
        return $client->streamSection(1, '1', $closed);
    },
    'setFlags empty uids' => fn () => $client->setFlags([], ['\Seen']),
    'expunge string' => fn () => $client->expunge('1:*'),
    'append empty message' => fn () => $client->append('INBOX', ''),
    'append bad flag' => fn () => $client->append('INBOX', 'x', ['\Seen \Deleted']),
    'select empty name' => fn () => $client->select(''),
    'createMailbox NUL' => fn () => $client->createMailbox("a\0b"),
    'copy empty name' => fn () => $client->copy(1, ''),
];
foreach ($calls as $name => $call) {
    try {
        $call();
        echo "$name: accepted\n";
    } catch (ValueError|TypeError $e) {
        echo "$name: ", get_class($e), "\n";
    }
}
var_dump($client->isConnected());
?>
--EXPECT--
fetch string uid: TypeError
fetch float uid: TypeError
fetch negative uid: ValueError
fetch uid too large: ValueError
fetch unknown item: ValueError
fetch bad section: ValueError
fetch section type: TypeError
streamSection bad section: ValueError
streamSection closed stream: TypeError
setFlags empty uids: ValueError
expunge string: TypeError
append empty message: ValueError
append bad flag: ValueError
select empty name: ValueError
createMailbox NUL: ValueError
copy empty name: ValueError
bool(false)

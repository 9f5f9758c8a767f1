--TEST--
ImapClient: streamSection writes a 5 MB attachment to a stream, decoded and raw
--SKIPIF--
<?php
require __DIR__ . '/imap.inc';
mb_skip_without_servers();
if (!is_writable('/dev/full')) {
    echo 'skip /dev/full is needed for the failing stream';
}
?>
--FILE--
<?php
require __DIR__ . '/imap.inc';
$client = imap_client(['timeout' => 60.0]);
$mailbox = imap_test_mailbox($client);

$attachment = random_bytes(5 * 1024 * 1024);
$message = (new MailBridge\Message())
    ->from('sender@example.test')
    ->to('user@example.test')
    ->subject('Large attachment')
    ->text("See the attachment.\n")
    ->attach($attachment, 'data.bin', 'application/octet-stream');
$uid = $client->append($mailbox, $message);
$client->select($mailbox);

[$fetched] = $client->fetch($uid, ['structure']);
$part = $fetched->structure->parts[1];
echo $part->partNumber, ' ', $part->type, '/', $part->subtype, ' ', $part->encoding, "\n";
var_dump($part->size > 5 * 1024 * 1024);

$decoded = fopen('php://temp', 'w+');
$written = $client->streamSection($uid, $part->partNumber, $decoded, true);
var_dump($written === strlen($attachment));
rewind($decoded);
var_dump(hash('sha256', stream_get_contents($decoded)) === hash('sha256', $attachment));

$raw = fopen('php://temp', 'w+');
$written = $client->streamSection($uid, $part->partNumber, $raw);
var_dump($written === $part->size);
rewind($raw);
var_dump(base64_decode(stream_get_contents($raw)) === $attachment);

// A section of a single-part message and the header are not transfer-decoded.
$header = fopen('php://temp', 'w+');
$client->streamSection($uid, 'HEADER', $header, true);
rewind($header);
var_dump(str_contains(stream_get_contents($header), "Subject: Large attachment\r\n"));

try {
    $client->streamSection($uid + 100, '1', fopen('php://temp', 'w+'));
} catch (MailBridge\ServerReplyException $e) {
    echo get_class($e), ' at ', $e->getStage(), ': ', $e->getMessage(), "\n";
}

// A stream that fails to write raises TransportException, and the next call reconnects.
try {
    @$client->streamSection($uid, $part->partNumber, fopen('/dev/full', 'w'), true);
} catch (MailBridge\TransportException $e) {
    echo get_class($e), ' at ', $e->getStage(), ': ', $e->getMessage(), "\n";
}
var_dump($client->isConnected());
$client->select($mailbox);
var_dump($client->search() === [$uid]);
?>
--EXPECTF--
2 application/octet-stream base64
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
MailBridge\ServerReplyException at fetch: UID %d does not exist in the selected mailbox
MailBridge\TransportException at fetch: writing section 2 of UID %d to the stream failed after %d bytes, and the connection was closed
bool(false)
bool(true)

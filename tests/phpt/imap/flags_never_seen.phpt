--TEST--
ImapClient: fetch and streamSection never set \Seen; setFlags and clearFlags change flags
--SKIPIF--
<?php require __DIR__ . '/imap.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/imap.inc';
$client = imap_client();
$mailbox = imap_test_mailbox($client);
$first = $client->append($mailbox, imap_plain_message('First', "Body one\r\n"));
$second = $client->append($mailbox, imap_plain_message('Second', "Body two\r\n"));
$client->select($mailbox);

function flags(MailBridge\ImapClient $client, int $uid): string
{
    [$message] = $client->fetch($uid, ['flags']);
    $flags = array_values(array_diff($message->flags, ['\Recent']));
    sort($flags);
    return implode(' ', $flags) ?: '(none)';
}

// Everything that reads content.
$client->fetch([$first, $second], ['flags', 'internalDate', 'size', 'envelope', 'structure'], ['', 'HEADER', 'TEXT', '1'], true);
$client->fetch($first, [], ['1'], false);
$client->streamSection($first, '1', fopen('php://temp', 'w+'));
$client->streamSection($first, '', fopen('php://temp', 'w+'), true);
echo "after reading: ", flags($client, $first), "\n";

// A fresh session sees the stored flags, not a cached copy.
$other = imap_client();
$other->examine($mailbox);
echo "other session: ", flags($other, $first), "\n";
var_dump($other->search((new MailBridge\ImapSearch())->flag('UNSEEN')) === [$first, $second]);

$client->setFlags([$first, $second], ['\Seen', '\Flagged', '$Label1']);
echo "after setFlags: ", flags($client, $first), " / ", flags($client, $second), "\n";
$client->clearFlags($second, ['\Flagged', '$Label1']);
echo "after clearFlags: ", flags($client, $first), " / ", flags($client, $second), "\n";
var_dump($client->search((new MailBridge\ImapSearch())->flag('flagged')) === [$first]);
var_dump($client->search((new MailBridge\ImapSearch())->keyword('$Label1', false)) === [$second]);

foreach ([['bad flag'], ['\Seen)'], [42]] as $flags) {
    try {
        $client->setFlags($first, $flags);
    } catch (ValueError|TypeError $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
?>
--EXPECTF--
after reading: (none)
other session: (none)
bool(true)
after setFlags: $Label1 \Flagged \Seen / $Label1 \Flagged \Seen
after clearFlags: $Label1 \Flagged \Seen / \Seen
bool(true)
bool(true)
ValueError: MailBridge\ImapClient::setFlags(): Argument #2 ($flags) %s
ValueError: MailBridge\ImapClient::setFlags(): Argument #2 ($flags) %s
TypeError: MailBridge\ImapClient::setFlags(): Argument #2 ($flags) must contain only strings, int given

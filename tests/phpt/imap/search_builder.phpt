--TEST--
ImapSearch: invalid criteria raise ValueError before anything is sent
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) echo 'skip the mailbridge extension is not loaded'; ?>
--FILE--
<?php
$calls = [
    'flag' => fn ($s) => $s->flag('SEEN OR ALL'),
    'unknown flag' => fn ($s) => $s->flag('IMPORTANT'),
    'header name' => fn ($s) => $s->header("X-Bad Name", 'v'),
    'keyword' => fn ($s) => $s->keyword('a b'),
    'larger' => fn ($s) => $s->larger(-1),
    'uids' => fn ($s) => $s->uids([]),
    'uid zero' => fn ($s) => $s->uids([0]),
    'uid type' => fn ($s) => $s->uids(['1:*']),
    'empty not' => fn ($s) => $s->not(new MailBridge\ImapSearch()),
];
foreach ($calls as $name => $call) {
    try {
        $call(new MailBridge\ImapSearch());
        echo "$name: accepted\n";
    } catch (ValueError|TypeError $e) {
        echo "$name: ", get_class($e), "\n";
    }
}
$search = new MailBridge\ImapSearch();
var_dump($search->flag('unseen')->subject('x') === $search);
$copy = clone $search;
var_dump($copy instanceof MailBridge\ImapSearch);
var_dump($search->anyOf($search, $copy) === $search);
?>
--EXPECT--
flag: ValueError
unknown flag: ValueError
header name: ValueError
keyword: ValueError
larger: ValueError
uids: ValueError
uid zero: ValueError
uid type: TypeError
empty not: ValueError
bool(true)
bool(true)
bool(true)

--TEST--
MIME: the new Message methods raise ValueError on invalid input and return the message itself
--SKIPIF--
<?php require __DIR__ . '/mime.inc'; mime_skip_without_python(); ?>
--FILE--
<?php
require __DIR__ . '/mime.inc';
$ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n";
$cases = [
    'cid with angle brackets' => fn () => mime_message()->embed('x', '<logo@example.test>', 'logo.png'),
    'cid with cid: prefix' => fn () => mime_message()->embed('x', 'cid:logo', 'logo.png'),
    'cid with CRLF' => fn () => mime_message()->embed('x', "logo\r\nBcc: a@example.test", 'logo.png'),
    'duplicate cid' => fn () => mime_message()->embed('x', 'logo', 'a.png')->embed('y', 'logo', 'b.png'),
    'embed missing file' => fn () => mime_message()->embedFromPath('/nonexistent/mailbridge/logo.png', 'logo'),
    'embed multipart type' => fn () => mime_message()->embed('x', 'logo', null, 'multipart/mixed'),
    'attach message/rfc822' => fn () => mime_message()->attach('x', 'a.eml', 'message/rfc822'),
    'calendar method with space' => fn () => mime_message()->calendar($ics, 'RE QUEST'),
    'calendar method mismatch' => fn () => mime_message()->calendar($ics, 'CANCEL'),
    'calendar invalid UTF-8' => fn () => mime_message()->calendar("BEGIN:VCALENDAR\xff"),
    'unknown charset' => fn () => mime_message()->charset('klingon-8'),
    'UTF-16 charset' => fn () => mime_message()->charset('UTF-16'),
    'charset with CRLF' => fn () => mime_message()->charset("ISO-8859-1\r\nX: 1"),
    'unsubscribe without both' => fn () => mime_message()->listUnsubscribe(null, null),
    'unsubscribe ftp URL' => fn () => mime_message()->listUnsubscribe('ftp://example.test/u'),
    'unsubscribe URL with >' => fn () => mime_message()->listUnsubscribe('https://example.test/u>, <x'),
    'unsubscribe URL with CRLF' => fn () => mime_message()->listUnsubscribe("https://example.test/u\r\nBcc: a@example.test"),
    'unsubscribe bad address' => fn () => mime_message()->listUnsubscribe(null, 'not an address'),
    'auto-submitted twice' => fn () => mime_message()->header('Auto-Submitted', 'auto-replied')->autoSubmitted(),
    'unsubscribe header twice' => fn () => mime_message()->listUnsubscribe('https://example.test/u')->header('List-Unsubscribe', '<mailto:a@example.test>'),
];
foreach ($cases as $name => $case) {
    try {
        $case();
        echo "$name: accepted\n";
    } catch (ValueError $e) {
        echo "$name: ValueError\n";
    }
}

$message = mime_message();
var_dump($message->embed('x', 'logo', 'logo.png') === $message);
var_dump($message->calendar($ics) === $message);
var_dump($message->charset('windows-1252') === $message);
var_dump($message->autoSubmitted() === $message);
var_dump($message->listUnsubscribe('https://example.test/u') === $message);
$file = tempnam(sys_get_temp_dir(), 'mb-mime');
var_dump($message->embedFromPath($file, 'file', 'image/png') === $message);
unlink($file);
try {
    $message->toString();
} catch (ValueError $e) {
    echo "removed file: ValueError\n";
}
?>
--EXPECT--
cid with angle brackets: ValueError
cid with cid: prefix: ValueError
cid with CRLF: ValueError
duplicate cid: ValueError
embed missing file: ValueError
embed multipart type: ValueError
attach message/rfc822: ValueError
calendar method with space: ValueError
calendar method mismatch: ValueError
calendar invalid UTF-8: ValueError
unknown charset: ValueError
UTF-16 charset: ValueError
charset with CRLF: ValueError
unsubscribe without both: ValueError
unsubscribe ftp URL: ValueError
unsubscribe URL with >: ValueError
unsubscribe URL with CRLF: ValueError
unsubscribe bad address: ValueError
auto-submitted twice: ValueError
unsubscribe header twice: ValueError
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
removed file: ValueError

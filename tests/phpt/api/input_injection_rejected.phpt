--TEST--
Input: CR, LF, NUL and angle brackets in addresses and headers raise ValueError
--FILE--
<?php
$cases = [
    'to with CRLF' => fn () => (new MailBridge\Message())->to("victim@example.test>\r\nRCPT TO:<attacker@example.test"),
    'to with LF' => fn () => (new MailBridge\Message())->to("a@example.test\nBcc: b@example.test"),
    'to with NUL' => fn () => (new MailBridge\Message())->to("a@exam\0ple.test"),
    'from with >' => fn () => (new MailBridge\Message())->from('a>b@example.test'),
    'subject with CRLF' => fn () => (new MailBridge\Message())->subject("Hi\r\nBcc: x@example.test"),
    'header value with LF' => fn () => (new MailBridge\Message())->header('X-Tag', "a\nb"),
    'header name with colon' => fn () => (new MailBridge\Message())->header('X-Bad:Name', 'v'),
    'managed header' => fn () => (new MailBridge\Message())->header('Subject', 'v'),
    'attachment name with CR' => fn () => (new MailBridge\Message())->attach('x', "a\r.txt"),
    'missing @' => fn () => (new MailBridge\Message())->to('not-an-address'),
    'envelope sender' => fn () => new MailBridge\Envelope("a@example.test\r\nRSET", ['b@example.test']),
    'envelope recipient' => fn () => new MailBridge\Envelope('a@example.test', ["b@example.test>\r\nDATA"]),
    'envelope empty' => fn () => new MailBridge\Envelope('a@example.test', []),
];
foreach ($cases as $name => $case) {
    try {
        $case();
        echo "$name: accepted\n";
    } catch (ValueError $e) {
        echo "$name: ValueError\n";
    }
}
?>
--EXPECT--
to with CRLF: ValueError
to with LF: ValueError
to with NUL: ValueError
from with >: ValueError
subject with CRLF: ValueError
header value with LF: ValueError
header name with colon: ValueError
managed header: ValueError
attachment name with CR: ValueError
missing @: ValueError
envelope sender: ValueError
envelope recipient: ValueError
envelope empty: ValueError

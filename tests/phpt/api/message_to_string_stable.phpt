--TEST--
Message: toString() returns the same bytes each time, with CRLF line ends and no Bcc
--FILE--
<?php
$m = (new MailBridge\Message())
    ->from('Ünïcode Sender <sender@example.test>')
    ->to('a@example.test', 'B Person <b@example.test>')
    ->cc('c@bücher.example')
    ->bcc('hidden@example.test')
    ->replyTo('reply@example.test')
    ->subject(str_repeat('Grüße aus Köln ', 10))
    ->text("Line one\nLine two with ünïcode\n")
    ->header('X-Tag', 'v1');
$first = $m->toString();
var_dump($first === $m->toString());
var_dump($first === (string) $m);
var_dump(preg_match('/(?<!\r)\n/', $first));
var_dump(str_contains($first, 'hidden@example.test'));
var_dump(str_contains($first, 'c@xn--bcher-kva.example'));
var_dump(preg_match('/^Message-ID: <' . preg_quote($m->getMessageId(), '/') . '>\r$/m', $first));
var_dump(preg_match('/^X-Tag: v1\r$/m', $first));
var_dump(preg_match('/^Content-Transfer-Encoding: quoted-printable\r$/m', $first));
$longest = max(array_map('strlen', explode("\r\n", $first)));
var_dump($longest < 998);
$headers = explode("\r\n\r\n", $first, 2)[0];
var_dump(max(array_map('strlen', explode("\r\n", $headers))) <= 78);
var_dump(iconv_mime_decode(preg_replace('/\r\n[ \t]/', ' ', preg_replace('/^.*?^Subject: (.*?)\r\n(?![ \t]).*$/ms', '$1', $first)), 0, 'UTF-8') === str_repeat('Grüße aus Köln ', 10));
try {
    (new MailBridge\Message())->to('a@example.test')->toString();
} catch (ValueError $e) {
    echo "no from: ValueError\n";
}
?>
--EXPECT--
bool(true)
bool(true)
int(0)
bool(false)
bool(true)
int(1)
int(1)
int(1)
bool(true)
bool(true)
bool(true)
no from: ValueError

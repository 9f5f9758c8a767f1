--TEST--
ImapClient: decoded text sections are converted to UTF-8, other parts keep their bytes
--SKIPIF--
<?php require __DIR__ . '/imap.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/imap.inc';
$client = imap_client();
$mailbox = imap_test_mailbox($client);
$raw = "From: sender@example.test\r\nTo: user@example.test\r\nSubject: Charsets\r\nMIME-Version: 1.0\r\n"
    . "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
    . "--b1\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
    . "caf=E9 cr=E8me=\r\n br=FBl=E9e  \r\n"
    . "--b1\r\nContent-Type: text/plain; charset=windows-1251\r\nContent-Transfer-Encoding: base64\r\n\r\n"
    . base64_encode("\xcf\xf0\xe8\xe2\xe5\xf2") . "\r\n"
    . "--b1\r\nContent-Type: text/plain\r\n\r\nplain ascii\r\n"
    . "--b1\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n"
    . base64_encode("\xe9\x00\xff") . "\r\n"
    . "--b1--\r\n";
$uid = $client->append($mailbox, $raw);
$client->examine($mailbox);

[$decoded] = $client->fetch($uid, [], ['1', '2', '3', '4', 'HEADER'], true);
// The soft line break joins the lines, and the trailing spaces are transport padding.
var_dump($decoded->sections['1'] === "café crème brûlée");
var_dump($decoded->sections['2'] === "Привет");
var_dump($decoded->sections['3'] === "plain ascii");
var_dump($decoded->sections['4'] === "\xe9\x00\xff");
var_dump(str_starts_with($decoded->sections['HEADER'], "From: sender@example.test\r\n"));

[$raw] = $client->fetch($uid, [], ['1', '2'], false);
var_dump($raw->sections['1'] === "caf=E9 cr=E8me=\r\n br=FBl=E9e  ");
var_dump($raw->sections['2'] === base64_encode("\xcf\xf0\xe8\xe2\xe5\xf2"));

// streamSection decodes the same way, chunk by chunk.
foreach (['1' => "café crème brûlée", '2' => "Привет", '4' => "\xe9\x00\xff"] as $section => $expected) {
    $stream = fopen('php://memory', 'w+');
    $written = $client->streamSection($uid, (string) $section, $stream, true);
    rewind($stream);
    var_dump(stream_get_contents($stream) === $expected && $written === strlen($expected));
}
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)

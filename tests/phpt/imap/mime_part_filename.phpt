--TEST--
ImapClient: MimePart filename decodes RFC 2231 and RFC 2047 parameters
--SKIPIF--
<?php require __DIR__ . '/imap.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/imap.inc';
$client = imap_client();
$mailbox = imap_test_mailbox($client);
$part = fn (string $headers) => "--b1\r\n$headers\r\nContent-Transfer-Encoding: base64\r\n\r\nAAEC\r\n";
$raw = "From: sender@example.test\r\nTo: user@example.test\r\nSubject: File names\r\nMIME-Version: 1.0\r\n"
    . "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
    . $part("Content-Type: application/pdf\r\nContent-Disposition: attachment; filename*=UTF-8''Rechnung%20%C3%A4.pdf")
    . $part("Content-Type: application/pdf; name=\"=?UTF-8?B?QW5nZWJvdCDDvC5wZGY=?=\"")
    . $part("Content-Type: text/plain\r\nContent-Disposition: attachment;\r\n filename*0*=iso-8859-1''Gr%FC%DFe%20;\r\n filename*1=\"aus Berlin.txt\"")
    . $part("Content-Type: application/octet-stream; name=\"quote \\\"final\\\".bin\"")
    . $part("Content-Type: application/octet-stream")
    . "--b1--\r\n";
$uid = $client->append($mailbox, $raw);
$client->examine($mailbox);
[$message] = $client->fetch($uid, ['structure']);
foreach ($message->structure->parts as $child) {
    echo $child->partNumber, ': ', json_encode($child->filename, JSON_UNESCAPED_UNICODE), "\n";
}
// The raw parameters stay as the server sent them.
echo json_encode($message->structure->parts[0]->dispositionParameters), "\n";
?>
--EXPECT--
1: "Rechnung ä.pdf"
2: "Angebot ü.pdf"
3: "Grüße aus Berlin.txt"
4: "quote \"final\".bin"
5: null
{"filename*":"UTF-8''Rechnung%20%C3%A4.pdf"}

--TEST--
MIME: text and HTML make multipart/alternative, text first; non-ASCII text is quoted-printable
--SKIPIF--
<?php require __DIR__ . '/mime.inc'; mime_skip_without_python(); ?>
--FILE--
<?php
require __DIR__ . '/mime.inc';
$message = mime_message()
    ->subject("Grüße")
    ->text("Grüße aus Köln\nZeile zwei\n")
    ->html("<p>Grüße aus Köln</p>\n");
echo mime_inspect($message->toString());
?>
--EXPECT--
From: Sender <sender@example.test>
To: recipient@example.test
Subject: Grüße  [encoded words: utf-8]
MIME-Version: 1.0
header lines under 78: yes
lines at most 998: yes
CRLF line ends only: yes
multipart/alternative
  text/plain charset=utf-8 [quoted-printable]
    | Grüße aus Köln
    | Zeile zwei
  text/html charset=utf-8 [quoted-printable]
    | <p>Grüße aus Köln</p>
defects: none

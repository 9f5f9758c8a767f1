--TEST--
MIME: an HTML-only message is one text/html part
--SKIPIF--
<?php require __DIR__ . '/mime.inc'; mime_skip_without_python(); ?>
--FILE--
<?php
require __DIR__ . '/mime.inc';
$message = mime_message()
    ->subject("HTML only")
    ->html("<html><body><p>Hello <b>world</b></p></body></html>\n");
echo mime_inspect($message->toString());
?>
--EXPECT--
From: Sender <sender@example.test>
To: recipient@example.test
Subject: HTML only
MIME-Version: 1.0
header lines under 78: yes
lines at most 998: yes
CRLF line ends only: yes
text/html charset=utf-8 [7bit]
  | <html><body><p>Hello <b>world</b></p></body></html>
defects: none

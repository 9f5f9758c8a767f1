--TEST--
MIME: a text-only message is one text/plain part in 7bit
--SKIPIF--
<?php require __DIR__ . '/mime.inc'; mime_skip_without_python(); ?>
--FILE--
<?php
require __DIR__ . '/mime.inc';
$message = mime_message()
    ->subject("Plain text")
    ->text("Hello,\n\nthis is plain text.\n");
echo mime_inspect($message->toString());
?>
--EXPECT--
From: Sender <sender@example.test>
To: recipient@example.test
Subject: Plain text
MIME-Version: 1.0
header lines under 78: yes
lines at most 998: yes
CRLF line ends only: yes
text/plain charset=utf-8 [7bit]
  | Hello,
  | 
  | this is plain text.
defects: none

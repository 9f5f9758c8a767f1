--TEST--
MIME: inline images make multipart/related around the alternative, with Content-ID and inline disposition
--SKIPIF--
<?php require __DIR__ . '/mime.inc'; mime_skip_without_python(); ?>
--FILE--
<?php
require __DIR__ . '/mime.inc';
$png = "\x89PNG\r\n\x1a\n" . str_repeat("\x00\x10\x80\xff", 100);
$gif = "GIF89a" . str_repeat("\x01\x02", 50);
$message = mime_message()
    ->subject("Newsletter")
    ->text("See the logo.\n")
    ->html("<p><img src=\"cid:logo@crm.example.test\"> <img src=\"cid:banner.gif\"></p>\n")
    ->embed($png, "logo@crm.example.test", "logo.png")
    ->embed($gif, "banner.gif", null, "image/gif");
echo mime_inspect($message->toString(), ["png" => $png, "gif" => $gif]);
?>
--EXPECT--
From: Sender <sender@example.test>
To: recipient@example.test
Subject: Newsletter
MIME-Version: 1.0
header lines under 78: yes
lines at most 998: yes
CRLF line ends only: yes
multipart/related type=multipart/alternative
  multipart/alternative
    text/plain charset=utf-8 [7bit]
      | See the logo.
    text/html charset=utf-8 [7bit]
      | <p><img src="cid:logo@crm.example.test"> <img src="cid:banner.gif"></p>
  image/png name=logo.png [base64]
    disposition: inline
    filename: logo.png
    content-id: <logo@crm.example.test>
    408 bytes, sha256 sha256(png)
  image/gif [base64]
    disposition: inline
    content-id: <banner.gif>
    106 bytes, sha256 sha256(gif)
defects: none

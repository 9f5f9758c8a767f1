--TEST--
MIME: non-ASCII file names go out as RFC 2231 filename* and an RFC 2047 name= for older readers
--SKIPIF--
<?php require __DIR__ . '/mime.inc'; mime_skip_without_python(); ?>
--FILE--
<?php
require __DIR__ . '/mime.inc';
// The name= parameters add "encoded word inside quoted string" defects,
// which inspect.py explains.
$message = mime_message()
    ->subject("Files")
    ->text("Files attached.\n")
    ->attach("a", "Übersicht März.pdf")
    ->attach("b", str_repeat("Jahresübersicht ", 6) . "2026.xlsx")
    ->attach("c", "日本語の資料.txt")
    ->attach("d", "say \"hi\".txt");
echo mime_inspect($message->toString(), ["a" => "a", "b" => "b", "c" => "c", "d" => "d"]);
$raw = $message->toString();
var_dump(str_contains($raw, "filename*=UTF-8\x27\x27%C3%9Cbersicht%20M%C3%A4rz.pdf"));
?>
--EXPECT--
From: Sender <sender@example.test>
To: recipient@example.test
Subject: Files
MIME-Version: 1.0
header lines under 78: yes
lines at most 998: yes
CRLF line ends only: yes
multipart/mixed
  text/plain charset=utf-8 [7bit]
    | Files attached.
  application/pdf name=Übersicht März.pdf [base64]
    disposition: attachment
    filename: Übersicht März.pdf
    1 bytes, sha256 sha256(a)
  application/vnd.openxmlformats-officedocument.spreadsheetml.sheet name=Jahresübersicht Jahresübersicht Jahresübersicht Jahresübersicht Jahresübersicht Jahresübersicht 2026.xlsx [base64]
    disposition: attachment
    filename: Jahresübersicht Jahresübersicht Jahresübersicht Jahresübersicht Jahresübersicht Jahresübersicht 2026.xlsx
    1 bytes, sha256 sha256(b)
  text/plain name=日本語の資料.txt [base64]
    disposition: attachment
    filename: 日本語の資料.txt
    1 bytes, sha256 sha256(c)
  text/plain name=say "hi".txt [base64]
    disposition: attachment
    filename: say "hi".txt
    1 bytes, sha256 sha256(d)
defect: Content-Type header: InvalidHeaderDefect: encoded word inside quoted string
defect: Content-Type header: InvalidHeaderDefect: missing trailing whitespace after encoded-word
defect: Content-Type header: InvalidHeaderDefect: encoded word inside quoted string
defect: Content-Type header: InvalidHeaderDefect: encoded word inside quoted string
defect: Content-Type header: InvalidHeaderDefect: encoded word inside quoted string
defect: Content-Type header: InvalidHeaderDefect: missing trailing whitespace after encoded-word
defect: Content-Type header: InvalidHeaderDefect: encoded word inside quoted string
defect: Content-Type header: InvalidHeaderDefect: missing trailing whitespace after encoded-word
bool(true)

--TEST--
MIME: listUnsubscribe() with an https URL adds one-click List-Unsubscribe-Post; autoSubmitted() adds Auto-Submitted
--SKIPIF--
<?php require __DIR__ . '/mime.inc'; mime_skip_without_python(); ?>
--FILE--
<?php
require __DIR__ . '/mime.inc';
$message = mime_message()
    ->subject("Monthly report")
    ->text("Your report.\n")
    ->autoSubmitted()
    ->listUnsubscribe("https://crm.example.test/unsubscribe?contact=42&token=abc", "unsubscribe@crm.example.test");
echo mime_inspect($message->toString());
$httpOnly = mime_message()->text("x")->listUnsubscribe("http://crm.example.test/u/42");
echo mime_inspect($httpOnly->toString());
$mailtoOnly = mime_message()->text("x")->listUnsubscribe(null, "mailto:leave@crm.example.test");
echo mime_inspect($mailtoOnly->toString());
?>
--EXPECT--
From: Sender <sender@example.test>
To: recipient@example.test
Subject: Monthly report
Auto-Submitted: auto-generated
List-Unsubscribe: <https://crm.example.test/unsubscribe?contact=42&token=abc>, <mailto:unsubscribe@crm.example.test>
List-Unsubscribe-Post: List-Unsubscribe=One-Click
MIME-Version: 1.0
header lines under 78: yes
lines at most 998: yes
CRLF line ends only: yes
text/plain charset=utf-8 [7bit]
  | Your report.
defects: none
From: Sender <sender@example.test>
To: recipient@example.test
List-Unsubscribe: <http://crm.example.test/u/42>
MIME-Version: 1.0
header lines under 78: yes
lines at most 998: yes
CRLF line ends only: yes
text/plain charset=utf-8 [7bit]
  | x
defects: none
From: Sender <sender@example.test>
To: recipient@example.test
List-Unsubscribe: <mailto:leave@crm.example.test>
MIME-Version: 1.0
header lines under 78: yes
lines at most 998: yes
CRLF line ends only: yes
text/plain charset=utf-8 [7bit]
  | x
defects: none

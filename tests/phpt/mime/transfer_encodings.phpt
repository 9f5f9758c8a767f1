--TEST--
MIME: short ASCII text is 7bit, mostly-ASCII text quoted-printable, Cyrillic text base64, and a line over 998 octets quoted-printable
--SKIPIF--
<?php require __DIR__ . '/mime.inc'; mime_skip_without_python(); ?>
--FILE--
<?php
require __DIR__ . '/mime.inc';
foreach ([
    "ascii" => "Plain ASCII text.\n",
    "german" => "Sehr geehrte Frau Müller,\nanbei das Angebot.\n",
    "russian" => "Здравствуйте, Мария!\nВаш заказ отправлен.\n",
    "long line" => str_repeat("word ", 220) . "\n",
] as $label => $text) {
    echo "== $label\n";
    echo mime_inspect(mime_message()->subject($label)->text($text)->toString());
}
?>
--EXPECT--
== ascii
From: Sender <sender@example.test>
To: recipient@example.test
Subject: ascii
MIME-Version: 1.0
header lines under 78: yes
lines at most 998: yes
CRLF line ends only: yes
text/plain charset=utf-8 [7bit]
  | Plain ASCII text.
defects: none
== german
From: Sender <sender@example.test>
To: recipient@example.test
Subject: german
MIME-Version: 1.0
header lines under 78: yes
lines at most 998: yes
CRLF line ends only: yes
text/plain charset=utf-8 [quoted-printable]
  | Sehr geehrte Frau Müller,
  | anbei das Angebot.
defects: none
== russian
From: Sender <sender@example.test>
To: recipient@example.test
Subject: russian
MIME-Version: 1.0
header lines under 78: yes
lines at most 998: yes
CRLF line ends only: yes
text/plain charset=utf-8 [base64]
  | Здравствуйте, Мария!
  | Ваш заказ отправлен.
defects: none
== long line
From: Sender <sender@example.test>
To: recipient@example.test
Subject: long line
MIME-Version: 1.0
header lines under 78: yes
lines at most 998: yes
CRLF line ends only: yes
text/plain charset=utf-8 [quoted-printable]
  | word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word 
defects: none

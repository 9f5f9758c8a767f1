--TEST--
MIME: charset("ISO-8859-1") converts bodies, subject and display names; unconvertible text raises ValueError
--SKIPIF--
<?php require __DIR__ . '/mime.inc'; mime_skip_without_python(); ?>
--FILE--
<?php
require __DIR__ . '/mime.inc';
$message = (new MailBridge\Message())
    ->from("Jürgen Groß <sender@example.test>")
    ->to("Zoë Façade <recipient@example.test>")
    ->subject("Grüße aus Köln")
    ->text("Schöne Grüße\n")
    ->html("<p>Schöne Grüße</p>\n")
    ->charset("ISO-8859-1");
$raw = $message->toString();
echo mime_inspect($raw);
var_dump(str_contains($raw, "Sch=F6ne Gr=FC=DFe"));
try {
    $message->subject("Preis: 5 €")->toString();
} catch (ValueError $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
try {
    $message->charset("no-such-charset");
} catch (ValueError $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
?>
--EXPECT--
From: Jürgen Groß <sender@example.test>  [encoded words: iso-8859-1]
To: Zoë Façade <recipient@example.test>  [encoded words: iso-8859-1]
Subject: Grüße aus Köln  [encoded words: iso-8859-1]
MIME-Version: 1.0
header lines under 78: yes
lines at most 998: yes
CRLF line ends only: yes
multipart/alternative
  text/plain charset=iso-8859-1 [quoted-printable]
    | Schöne Grüße
  text/html charset=iso-8859-1 [quoted-printable]
    | <p>Schöne Grüße</p>
defects: none
bool(true)
ValueError: the subject cannot be converted to charset ISO-8859-1: U+20AC "€" at byte 9 has no equivalent there; remove the character or keep the default charset UTF-8
ValueError: unknown charset "no-such-charset": iconv cannot convert UTF-8 to it; `iconv --list` shows the known names

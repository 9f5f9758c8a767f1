--TEST--
MIME: text, HTML, calendar, inline image and attachments nest as mixed(related(alternative(text, html, calendar), image), attachments)
--SKIPIF--
<?php require __DIR__ . '/mime.inc'; mime_skip_without_python(); ?>
--FILE--
<?php
require __DIR__ . '/mime.inc';
$ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//CRM//mailbridge test//EN\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:meeting-42@crm.example.test\r\nDTSTAMP:20260105T080000Z\r\nDTSTART:20260112T090000Z\r\nDTEND:20260112T100000Z\r\nSUMMARY:Vertragsprüfung\r\nORGANIZER;CN=Sender:mailto:sender@example.test\r\nATTENDEE;RSVP=TRUE:mailto:recipient@example.test\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
$png = "\x89PNG\r\n\x1a\n" . str_repeat("\x42", 64);
$pdf = "%PDF-1.4\n" . str_repeat("\xfe", 100);
$message = mime_message()
    ->subject("Einladung: Vertragsprüfung")
    ->text("You are invited.\n")
    ->html("<p>You are invited.</p><img src=\"cid:logo\">\n")
    ->calendar($ics)
    ->embed($png, "logo", "logo.png")
    ->attach($pdf, "agenda.pdf")
    ->attach($ics, "invite.ics");
echo mime_inspect($message->toString(), ["png" => $png, "pdf" => $pdf, "ics" => $ics]);
?>
--EXPECT--
From: Sender <sender@example.test>
To: recipient@example.test
Subject: Einladung: Vertragsprüfung  [encoded words: utf-8]
MIME-Version: 1.0
header lines under 78: yes
lines at most 998: yes
CRLF line ends only: yes
multipart/mixed
  multipart/related type=multipart/alternative
    multipart/alternative
      text/plain charset=utf-8 [7bit]
        | You are invited.
      text/html charset=utf-8 [7bit]
        | <p>You are invited.</p><img src="cid:logo">
      text/calendar charset=utf-8 method=REQUEST [quoted-printable]
        | BEGIN:VCALENDAR
        | VERSION:2.0
        | PRODID:-//CRM//mailbridge test//EN
        | METHOD:REQUEST
        | BEGIN:VEVENT
        | UID:meeting-42@crm.example.test
        | DTSTAMP:20260105T080000Z
        | DTSTART:20260112T090000Z
        | DTEND:20260112T100000Z
        | SUMMARY:Vertragsprüfung
        | ORGANIZER;CN=Sender:mailto:sender@example.test
        | ATTENDEE;RSVP=TRUE:mailto:recipient@example.test
        | END:VEVENT
        | END:VCALENDAR
    image/png name=logo.png [base64]
      disposition: inline
      filename: logo.png
      content-id: <logo>
      72 bytes, sha256 sha256(png)
  application/pdf name=agenda.pdf [base64]
    disposition: attachment
    filename: agenda.pdf
    109 bytes, sha256 sha256(pdf)
  text/calendar name=invite.ics [base64]
    disposition: attachment
    filename: invite.ics
    356 bytes, sha256 sha256(ics)
defects: none

--TEST--
MIME: the full shape sent through the local Postfix arrives in the Dovecot Maildir with every part intact
--SKIPIF--
<?php
require __DIR__ . '/../smtp_live/live.inc';
require_once __DIR__ . '/mime.inc';
mb_skip_without_servers();
mime_skip_without_python();
?>
--FILE--
<?php
require __DIR__ . '/../smtp_live/live.inc';
require_once __DIR__ . '/mime.inc';
$token = mb_unique_token();
$ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//CRM//mailbridge test//EN\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:$token@crm.example.test\r\nDTSTAMP:20260105T080000Z\r\nDTSTART:20260112T090000Z\r\nDTEND:20260112T100000Z\r\nSUMMARY:Vertragsprüfung\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
$png = "\x89PNG\r\n\x1a\n" . str_repeat("\x00\x10\x80\xff", 100);
$large = '';
for ($i = 0; strlen($large) < 2 * 1024 * 1024; $i++) {
    $large .= hash('sha256', (string) $i, true);
}
$file = tempnam(sys_get_temp_dir(), 'mb-mime');
file_put_contents($file, $large);

$message = (new MailBridge\Message())
    ->from('Jürgen Groß <' . mb_env('MAILBRIDGE_TEST_USER') . '>')
    ->to(mb_env('MAILBRIDGE_TEST_USER'))
    ->subject("Einladung $token: Vertragsprüfung")
    ->text("You are invited.\ntoken $token\n")
    ->html("<p>You are invited.</p><img src=\"cid:logo@crm.example.test\">\n")
    ->calendar($ics)
    ->embed($png, 'logo@crm.example.test', 'logo.png')
    ->attachFromPath($file, 'Übersicht März.zip')
    ->autoSubmitted()
    ->listUnsubscribe('https://crm.example.test/unsubscribe?c=42', 'unsubscribe@crm.example.test');
$transport = new MailBridge\SmtpTransport(live_options());
$result = $transport->send($message);
var_dump(count($result->accepted));
unlink($file);

$raw = mb_wait_for_message($token);
// Dovecot stores LF line ends and the servers add trace fields at the top;
// what remains is the message as mailbridge wrote it.
$raw = preg_replace("/\r?\n/", "\r\n", $raw);
$raw = preg_replace('/^(Return-Path|Delivered-To|Received):.*\r\n(?:[ \t].*\r\n)*/mi', '', $raw);
$tree = mime_inspect($raw, ['png' => $png, 'large' => $large]);
echo str_replace([$token, mb_env('MAILBRIDGE_TEST_USER')], ['TOKEN', 'USER'], $tree);
?>
--EXPECT--
int(1)
From: Jürgen Groß <USER>  [encoded words: utf-8]
To: USER
Subject: Einladung TOKEN: Vertragsprüfung  [encoded words: utf-8]
Auto-Submitted: auto-generated
List-Unsubscribe: <https://crm.example.test/unsubscribe?c=42>, <mailto:unsubscribe@crm.example.test>
List-Unsubscribe-Post: List-Unsubscribe=One-Click
MIME-Version: 1.0
header lines under 78: yes
lines at most 998: yes
CRLF line ends only: yes
multipart/mixed
  multipart/related type=multipart/alternative
    multipart/alternative
      text/plain charset=utf-8 [7bit]
        | You are invited.
        | token TOKEN
      text/html charset=utf-8 [7bit]
        | <p>You are invited.</p><img src="cid:logo@crm.example.test">
      text/calendar charset=utf-8 method=REQUEST [quoted-printable]
        | BEGIN:VCALENDAR
        | VERSION:2.0
        | PRODID:-//CRM//mailbridge test//EN
        | METHOD:REQUEST
        | BEGIN:VEVENT
        | UID:TOKEN@crm.example.test
        | DTSTAMP:20260105T080000Z
        | DTSTART:20260112T090000Z
        | DTEND:20260112T100000Z
        | SUMMARY:Vertragsprüfung
        | END:VEVENT
        | END:VCALENDAR
    image/png name=logo.png [base64]
      disposition: inline
      filename: logo.png
      content-id: <logo@crm.example.test>
      408 bytes, sha256 sha256(png)
  application/zip name=Übersicht März.zip [base64]
    disposition: attachment
    filename: Übersicht März.zip
    2097152 bytes, sha256 sha256(large)
defect: Content-Type header: InvalidHeaderDefect: encoded word inside quoted string
defect: Content-Type header: InvalidHeaderDefect: missing trailing whitespace after encoded-word

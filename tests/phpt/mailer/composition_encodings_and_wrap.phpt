--TEST--
Mailer: CharSet, Encoding, WordWrap and ContentType shape createHeader() and createBody() as PHPMailer's properties say
--SKIPIF--
<?php
require_once __DIR__ . '/../mime/mime.inc';
mime_skip_without_python();
?>
--FILE--
<?php
require_once __DIR__ . '/../mime/mime.inc';

function show(MailBridge\Mailer $mail, string $label): void
{
    $header = $mail->createHeader();
    $body = $mail->createBody();
    preg_match('/^Content-Transfer-Encoding: (.*)\r$/m', $header, $encoding);
    echo "-- $label: ", $encoding[1] ?? '(no encoding field)', "\n";
    $tree = mime_inspect($header . "\r\n" . $body);
    $tree = preg_replace_callback('/x{100,}/', fn ($run) => 'x{' . strlen($run[0]) . '}', $tree);
    // Only the part tree and the line checks matter here.
    echo preg_replace('/\A(?:(?!header lines).*\n)*/', '', $tree);
}

$mail = new MailBridge\Mailer();
$mail->From = 'sender@example.test';
$mail->addAddress('to@example.test');
$mail->Subject = 'encodings';

// Latin-1 bytes are sent as they are, never converted.
$mail->CharSet = 'iso-8859-1';
$mail->Body = "Gr\xfc\xdfe aus M\xfcnchen\n";
show($mail, '8bit with 8-bit bytes');

$mail->Body = "plain ASCII\n";
show($mail, '8bit downgraded to 7bit');

$mail->CharSet = 'utf-8';
$mail->Encoding = 'base64';
$mail->Body = "Grüße\n";
show($mail, 'base64');

$mail->Encoding = '8bit';
$mail->Body = str_repeat('x', 1200) . "\n";
show($mail, 'a line over 998 forces quoted-printable');

$mail->Encoding = 'quoted-printable';
$mail->WordWrap = 20;
$mail->Body = "one two three four five six seven eight nine ten\n";
show($mail, 'WordWrap 20');

$mail->WordWrap = 0;
$mail->ContentType = 'text/html';
$mail->Body = '<p>HTML only</p>';
show($mail, 'text/html without AltBody');

// A body of one character once made the line-end check read before the string.
$mail->Encoding = '8bit';
$mail->Body = 'x';
var_dump($mail->createBody());

$mail->Encoding = 'uuencode';
var_dump($mail->createBody());
echo $mail->ErrorInfo, "\n";
?>
--EXPECT--
-- 8bit with 8-bit bytes: 8bit
header lines under 78: yes
lines at most 998: yes
CRLF line ends only: yes
text/plain charset=iso-8859-1 [8bit]
  | Grüße aus München
defects: none
-- 8bit downgraded to 7bit: 7bit
header lines under 78: yes
lines at most 998: yes
CRLF line ends only: yes
text/plain charset=us-ascii [7bit]
  | plain ASCII
defects: none
-- base64: base64
header lines under 78: yes
lines at most 998: yes
CRLF line ends only: yes
text/plain charset=utf-8 [base64]
  | Grüße
defects: none
-- a line over 998 forces quoted-printable: quoted-printable
header lines under 78: yes
lines at most 998: yes
CRLF line ends only: yes
text/plain charset=us-ascii [quoted-printable]
  | x{1200}
defects: none
-- WordWrap 20: quoted-printable
header lines under 78: yes
lines at most 998: yes
CRLF line ends only: yes
text/plain charset=utf-8 [quoted-printable]
  | one two three four
  | five six seven eight
  | nine ten
defects: none
-- text/html without AltBody: quoted-printable
header lines under 78: yes
lines at most 998: yes
CRLF line ends only: yes
text/html charset=utf-8 [quoted-printable]
  | <p>HTML only</p>
defects: none
string(3) "x
"
string(0) ""
invalid Encoding "uuencode": expected 7bit, 8bit, binary, base64 or quoted-printable

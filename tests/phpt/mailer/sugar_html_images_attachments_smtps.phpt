--TEST--
Mailer: HTML with embedded images, an alternative text and attachments through port 465 arrives with PHPMailer's nesting
--SKIPIF--
<?php
require_once __DIR__ . '/mailer.inc';
mb_skip_without_servers();
mime_skip_without_python();
?>
--FILE--
<?php
require_once __DIR__ . '/mailer.inc';
$token = mb_unique_token();
$user = mb_env('MAILBRIDGE_TEST_USER');

$dir = sys_get_temp_dir() . '/mb-mailer-' . bin2hex(random_bytes(4));
mkdir($dir);
$png = "\x89PNG\r\n\x1a\n" . str_repeat("\x00\x10\x80\xff", 300);
$pdf = "%PDF-1.4\n" . str_repeat("binary \x00\xff\x80 data\n", 200);
file_put_contents("$dir/logo.png", $png);
file_put_contents("$dir/quote 42.pdf", $pdf);

$mail = new SugarShapedMailer();
mailer_use_submission($mail);
$mail->Port = mb_env('MAILBRIDGE_TEST_SMTPS_PORT');
$mail->SMTPSecure = 'ssl';
$mail->From = $user;
$mail->FromName = 'Sales, Europe';
$mail->AddAddress($user);
$mail->AddCC(mb_env('MAILBRIDGE_TEST_USER2'), 'Copy');
$mail->Subject = "Your quote $token";
$mail->isHTML(true);
$mail->Body = "<html><body><p>Quote <b>$token</b></p><img src=\"cid:logo-cid\"></body></html>";
$mail->AltBody = "Quote $token";
$mail->AddEmbeddedImage("$dir/logo.png", 'logo-cid', 'logo.png', 'base64', 'image/png');
$mail->AddAttachment("$dir/quote 42.pdf", 'quote.pdf', 'base64', 'application/pdf');
$mail->addStringAttachment("a,b\n1,2\n", 'numbers.csv', 'base64', 'text/csv');
$mail->AddCustomHeader('X-CampTrackID:' . $token);
$mail->Priority = 1;
$mail->ConfirmReadingTo = $user;

// SugarPHPMailer reads the protected $attachment slots.
echo 'embedded logo.png found: ', var_export($mail->embeddedAttachmentExists('logo.png'), true), "\n";
foreach ($mail->attachmentSlots() as $slots) {
    $slots[0] = $slots[5] ? 'bytes(' . strlen($slots[0]) . ')' : basename($slots[0]);
    echo json_encode($slots), "\n";
}

$sent = $mail->Send();
echo 'send: ', var_export($sent, true), ' ', var_export($mail->ErrorInfo, true), "\n";
echo 'calls: ', implode(', ', $mail->calls), "\n";
echo 'log opened ssl://: ', var_export(str_contains($mail->fullSmtpLog, 'Connection: opening to ssl://127.0.0.1:465'), true), "\n";
echo 'log has STARTTLS: ', var_export(str_contains($mail->fullSmtpLog, 'STARTTLS'), true), "\n";

$delivered = mailer_delivered($token);
echo 'delivered equals createHeader+createBody: ',
    var_export($delivered === $mail->CreateHeader() . "\r\n" . $mail->CreateBody(), true), "\n";
foreach (['X-CampTrackID', 'X-Priority', 'Disposition-Notification-To'] as $name) {
    echo $name, ': ', str_replace([$token, $user], ['TOKEN', 'USER'], live_header_value($delivered, $name)), "\n";
}
echo str_replace([$token, $user], ['TOKEN', 'USER'],
    str_replace(mb_env('MAILBRIDGE_TEST_USER2'), 'USER2', mime_inspect($delivered, ['png' => $png, 'pdf' => $pdf, 'csv' => "a,b\n1,2\n"])));
array_map('unlink', glob("$dir/*"));
rmdir($dir);

function live_header_value(string $raw, string $name): string
{
    preg_match('/^' . preg_quote($name, '/') . ': (.*)$/mi', $raw, $match);
    return rtrim($match[1] ?? '(missing)');
}
?>
--EXPECT--
embedded logo.png found: true
["logo.png","logo.png","logo.png","base64","image\/png",false,"inline","logo-cid"]
["quote 42.pdf","quote 42.pdf","quote.pdf","base64","application\/pdf",false,"attachment","quote.pdf"]
["bytes(8)","numbers.csv","numbers.csv","base64","text\/csv",true,"attachment",0]
send: true ''
calls: send, preSend, smtpConnect
log opened ssl://: true
log has STARTTLS: false
delivered equals createHeader+createBody: true
X-CampTrackID: TOKEN
X-Priority: 1
Disposition-Notification-To: <USER>
From: "Sales, Europe" <USER>
To: USER
Cc: Copy <USER2>
Subject: Your quote TOKEN
MIME-Version: 1.0
header lines under 78: yes
lines at most 998: yes
CRLF line ends only: yes
multipart/mixed
  multipart/alternative
    text/plain charset=utf-8 [quoted-printable]
      | Quote TOKEN
    multipart/related type=text/html
      text/html charset=utf-8 [quoted-printable]
        | <html><body><p>Quote <b>TOKEN</b></p><img src="cid:logo-cid"></body></html>
      image/png name=logo.png [base64]
        disposition: inline
        filename: logo.png
        content-id: <logo-cid>
        1208 bytes, sha256 sha256(png)
  application/pdf name=quote.pdf [base64]
    disposition: attachment
    filename: quote.pdf
    3209 bytes, sha256 sha256(pdf)
  text/csv name=numbers.csv [base64]
    disposition: attachment
    filename: numbers.csv
    8 bytes, sha256 sha256(csv)
defects: none

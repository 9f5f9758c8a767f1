--TEST--
PHPMailer bridge: file and string attachments and an embedded image arrive byte for byte
--SKIPIF--
<?php require __DIR__ . '/phpmailer.inc'; pm_skip_without_phpmailer(); mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/phpmailer.inc';

$token = mb_unique_token();
$directory = sys_get_temp_dir() . "/mb-phpmailer-$token";
mkdir($directory);
$pdf = "%PDF-1.4\n" . random_bytes(3000) . "\n%%EOF\n";
file_put_contents("$directory/quote.pdf", $pdf);
// A 1x1 PNG.
$png = base64_decode('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==');
file_put_contents("$directory/logo.png", $png);
$csv = "id,name\n1,\"Ann\"\n.2,dot first\n";

$mail = pm_live_mailer();
$mail->Subject = "Bridge attachments $token";
$mail->isHTML(true);
$mail->Body = '<p>Logo: <img src="cid:logo"></p>';
$mail->AltBody = "Logo attached\n";
$mail->addAttachment("$directory/quote.pdf", 'quote.pdf', 'base64', 'application/pdf');
$mail->addStringAttachment($csv, 'list.csv', 'base64', 'text/csv');
$mail->addEmbeddedImage("$directory/logo.png", 'logo', 'logo.png', 'base64', 'image/png');
var_dump($mail->send());

$raw = mb_wait_for_message("Bridge attachments $token");
$parts = [];
// Decode every base64 part by its file name.
preg_match_all('/Content-Type: ([^;\r\n]+);\s+name="?([^"\r\n]+)"?.*?\r?\n\r?\n([A-Za-z0-9+\/=\r\n]+)/s', $raw, $matches, PREG_SET_ORDER);
foreach ($matches as [$all, $type, $name, $body]) {
    $parts[$name] = [$type, base64_decode(preg_replace('/\s+/', '', $body))];
}
echo 'multipart/related: ', var_export(str_contains($raw, 'multipart/related'), true), "\n";
echo 'multipart/mixed: ', var_export(str_contains($raw, 'multipart/mixed'), true), "\n";
echo 'pdf intact: ', var_export(($parts['quote.pdf'][1] ?? null) === $pdf, true), "\n";
echo 'csv intact: ', var_export(($parts['list.csv'][1] ?? null) === $csv, true), "\n";
echo 'png intact: ', var_export(($parts['logo.png'][1] ?? null) === $png, true), "\n";
echo 'png Content-ID: ', var_export(str_contains($raw, 'Content-ID: <logo>'), true), "\n";

unlink("$directory/quote.pdf");
unlink("$directory/logo.png");
rmdir($directory);
?>
--EXPECT--
bool(true)
multipart/related: true
multipart/mixed: true
pdf intact: true
csv intact: true
png intact: true
png Content-ID: true

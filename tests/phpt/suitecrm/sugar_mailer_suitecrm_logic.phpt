--TEST--
SuiteCRM depth 2: SugarMailer prepares, embeds and attaches like SugarPHPMailer
--SKIPIF--
<?php
require __DIR__ . '/suitecrm.inc';
if (!class_exists('MailBridge\\Mailer')) {
    suitecrm_skip_without_phpmailer();
}
?>
--FILE--
<?php
require __DIR__ . '/suitecrm.inc';
suitecrm_load_sugar_mailer_base();

use MailBridge\SuiteCRM\SugarMailer;

// The image cache and upload folders are relative to SuiteCRM's root.
$root = sys_get_temp_dir() . '/suitecrm-kit-' . bin2hex(random_bytes(6));
mkdir("$root/cache/images", 0700, true);
mkdir("$root/upload", 0700, true);
chdir($root);
file_put_contents('cache/images/logo.png', "\x89PNG\r\n\x1a\n fake image");
file_put_contents('upload/temp-report', "report body\n");
register_shutdown_function(static function () use ($root): void {
    array_map('unlink', glob("$root/cache/images/*") ?: []);
    array_map('unlink', glob("$root/upload/*") ?: []);
    rmdir("$root/cache/images");
    rmdir("$root/cache");
    rmdir("$root/upload");
    rmdir($root);
});

$mail = new SugarMailer();
echo "defaults: Mailer={$mail->Mailer} Encoding={$mail->Encoding} WordWrap={$mail->WordWrap} CharSet={$mail->CharSet} ",
    'SMTPAutoTLS=', var_export($mail->SMTPAutoTLS, true), "\n";

// Outbound account fields as stored in the outbound_email table.
$account = (object) [
    'mail_sendtype' => 'SMTP', 'mail_smtpserver' => 'smtp.example.test', 'mail_smtpport' => '465',
    'mail_smtpssl' => '1', 'mail_smtpauth_req' => '1', 'mail_smtpuser' => 'crm@example.test', 'mail_smtppass' => 'secret',
];
$mail->applyOutboundSettings($account);
echo "ssl account: Host={$mail->Host} Port=", var_export($mail->Port, true), " SMTPSecure={$mail->SMTPSecure} protocol={$mail->protocol} ",
    'SMTPAuth=', var_export($mail->SMTPAuth, true), " Username={$mail->Username}\n";
$account->mail_smtpssl = '0';
$mail->applyOutboundSettings($account);
echo "plain account: SMTPSecure='{$mail->SMTPSecure}' protocol={$mail->protocol}\n";
$account->mail_sendtype = 'sendmail';
$mail->applyOutboundSettings($account);
echo "sendmail account: Mailer={$mail->Mailer}\n";
$mail->Mailer = 'smtp';

// replace() inserts the value literally.
$mail->Subject = 'Offer for $contact_name and $contact_name_full';
$mail->Body = '<p>Dear $contact_name</p><img src="cache/images/logo.png"><img alt="" src="cache/images/logo.png">'
    . '<img src="/var/www/crm/broken.png">';
$mail->replace('contact_name', 'Jane $1 \\ Doe');
echo "replaced subject: {$mail->Subject}\n";

// handleAttachments(): a note with a temporary upload is attached, an
// embedded note and another kind of bean are not.
$note = (object) [
    'object_name' => 'Note', 'id' => 'n1', 'filename' => 'ignored.txt', 'file_mime_type' => 'text/plain', 'embed_flag' => 0,
    'file' => (object) ['temp_file_location' => 'upload/temp-report', 'original_file_name' => 'report.txt', 'mime_type' => 'text/plain'],
];
$embedded = (object) ['object_name' => 'Note', 'id' => 'n2', 'filename' => 'x.png', 'file_mime_type' => 'image/png', 'embed_flag' => 1];
$other = (object) ['object_name' => 'Account', 'id' => 'a1'];
$mail->handleAttachments([$note, $embedded, $other]);
echo 'body references cid:logo.png twice: ', var_export(substr_count($mail->Body, '"cid:logo.png"') === 2, true), "\n";
echo 'server-relative image removed: ', var_export(!str_contains($mail->Body, 'broken.png'), true), "\n";

// prepForOutbound(): disclosure, XHTML skeleton with an escaped title, and
// the SMTP user name as sender name while FromName is the default.
$mail->disclosureEnabled = true;
$mail->disclosureText = 'Confidential.';
$mail->ContentType = 'text/html';
$mail->Subject = 'Offer <b>now</b>';
$mail->AltBody = 'Dear Jane';
$mail->Username = 'crm@example.test';
$mail->prepForOutbound();
echo 'wrapped: ', var_export(str_starts_with($mail->Body, '<!DOCTYPE html'), true), "\n";
echo 'title escaped: ', var_export(str_contains($mail->Body, '<title>Offer &lt;b&gt;now&lt;/b&gt;</title>'), true), "\n";
echo 'disclosure in HTML: ', var_export(str_contains($mail->Body, 'Confidential.</body></html>'), true), "\n";
echo "AltBody: ", json_encode($mail->AltBody), "\n";
echo "FromName: {$mail->FromName}\n";

$mail->From = 'crm@example.test';
$mail->addAddress('jane@example.test', 'Jane Doe');
$mail->addCustomHeader('X-CampTrackID:abc-123');
var_dump($mail->preSend());
$mime = $mail->createHeader() . "\r\n" . $mail->createBody();
// PHPMailer and the native Mailer may quote and fold these parameters differently.
echo 'one inline part for the logo: ', preg_match_all('/^Content-ID:\s*<logo\.png>/mi', $mime), "\n";
echo 'report attached: ', var_export(preg_match('/filename="?report\.txt"?/', $mime) === 1, true), "\n";
echo 'embedded note not attached: ', var_export(!str_contains($mime, 'x.png'), true), "\n";
echo 'X-CampTrackID: ', suitecrm_header($mime, 'X-CampTrackID'), "\n";

// A failed send returns null, keeps the error and restores $exceptions.
$failing = new SugarMailer(false);
$failing->Host = '127.0.0.1';
$failing->Port = 1;
$failing->Timeout = 5;
$failing->From = 'crm@example.test';
$failing->addAddress('jane@example.test');
$failing->Subject = 'unreachable';
$failing->Body = 'x';
var_dump($failing->send());
echo 'ErrorInfo set: ', var_export($failing->ErrorInfo !== '', true), "\n";
$exceptions = (new ReflectionProperty($failing, 'exceptions'))->getValue($failing);
echo 'exceptions restored: ', var_export($exceptions, true), "\n";
?>
--EXPECT--
defaults: Mailer=smtp Encoding=quoted-printable WordWrap=996 CharSet=UTF-8 SMTPAutoTLS=false
ssl account: Host=smtp.example.test Port=465 SMTPSecure=ssl protocol=ssl:// SMTPAuth=true Username=crm@example.test
plain account: SMTPSecure='' protocol=tcp://
sendmail account: Mailer=sendmail
replaced subject: Offer for Jane $1 \ Doe and $contact_name_full
body references cid:logo.png twice: true
server-relative image removed: true
wrapped: true
title escaped: true
disclosure in HTML: true
AltBody: "Dear Jane\r\rConfidential."
FromName: crm@example.test
bool(true)
one inline part for the logo: 1
report attached: true
embedded note not attached: true
X-CampTrackID: abc-123
NULL
ErrorInfo set: true
exceptions restored: false

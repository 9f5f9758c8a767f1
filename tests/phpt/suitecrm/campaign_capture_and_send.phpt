--TEST--
SuiteCRM campaign: a message EmailMan composed is captured and delivered
--SKIPIF--
<?php
require __DIR__ . '/suitecrm.inc';
mb_skip_without_servers();
suitecrm_skip_without_phpmailer();
?>
--FILE--
<?php
require __DIR__ . '/suitecrm.inc';
suitecrm_load_phpmailer();
// CapturingMailer extends SuiteCRM's SugarPHPMailer; the stand-in takes its place.
class_alias('SugarPHPMailerStandIn', 'SugarPHPMailer');

use MailBridge\SuiteCRM\Campaign\CampaignSender;
use MailBridge\SuiteCRM\Legacy\CapturingMailer;

$token = mb_unique_token();
$user = mb_env('MAILBRIDGE_TEST_USER');
$attachment = tempnam(sys_get_temp_dir(), 'suitecrm-kit-');
file_put_contents($attachment, "price list\n");
register_shutdown_function(static fn () => unlink($attachment));

// The calls EmailMan::sendEmail() makes for one row of an ISO-8859-1
// installation, after SugarPHPMailer::prepForOutbound() converted the texts.
// Names are encoded words, as Localization::translateCharsetMIME() writes
// them: mb_encode_mimeheader() of the UTF-8 name into the outbound charset.
$charset = 'ISO-8859-1';
$mail = new CapturingMailer();
$mail->CharSet = $charset;
$mail->ContentType = 'text/html';
$mail->clearAllRecipients();
$mail->clearReplyTos();
$mail->Sender = $mail->From = $user;
$mail->FromName = mb_encode_mimeheader('Équipe Marketing', $charset, 'Q');
$mail->clearCustomHeaders();
$mail->addCustomHeader("X-CampTrackID:$token-key");
$mail->addReplyTo($user, 'Réponses');
$mail->addAddress($user, mb_encode_mimeheader('Zoë Müller', $charset, 'Q'));
$mail->Subject = mb_convert_encoding("Grüße $token", $charset, 'UTF-8');
$mail->Body = mb_convert_encoding('<p>Schöne Grüße</p>', $charset, 'UTF-8');
$mail->AltBody = mb_convert_encoding('Schöne Grüße', $charset, 'UTF-8');
$mail->addAttachment($attachment, 'preise.txt', 'base64', 'text/plain');

var_dump($mail->send());
$email = CapturingMailer::toQueuedEmail($mail->takeCaptured(), '301', "https://crm.example.test/index.php?entryPoint=removeme&identifier=$token-key", []);
echo 'nothing left captured: ', var_export($mail->takeCaptured() === null, true), "\n";
echo "key: ", $email->targetTrackerKey === "$token-key" ? 'from X-CampTrackID' : 'WRONG', "\n";
echo "to name: {$email->toName}\nfrom name: {$email->fromName}\nreply-to name: {$email->replyToName}\n";
echo "subject is UTF-8: ", var_export($email->subject === "Grüße $token", true), "\n";
echo "html: {$email->html}\ntext: {$email->text}\ncharset: {$email->charset}\n";
echo "attachment: {$email->attachments[0]['name']} {$email->attachments[0]['type']}\n";

$transport = new MailBridge\SmtpTransport([
    'host' => mb_env('MAILBRIDGE_TEST_HOST'),
    'port' => (int) mb_env('MAILBRIDGE_TEST_SMTP_PORT'),
    'security' => 'none',
    'persistent' => false,
]);
$recorder = new MemoryCampaignLogRecorder();
(new CampaignSender($transport, $recorder))->sendBatch([$email]);
echo implode("\n", $recorder->lines()), "\n";

$raw = mb_wait_for_message($token);
echo 'X-CampTrackID: ', suitecrm_header($raw, 'X-CampTrackID') === "$token-key" ? 'matches' : 'WRONG', "\n";
echo 'subject decodes to the original: ',
    var_export(iconv_mime_decode((string) suitecrm_header($raw, 'Subject'), 0, 'UTF-8') === "Grüße $token", true), "\n";
echo 'to name decodes to the original: ',
    var_export(str_contains(iconv_mime_decode((string) suitecrm_header($raw, 'To'), 0, 'UTF-8'), 'Zoë Müller'), true), "\n";
echo 'bodies in ISO-8859-1: ', var_export(substr_count(strtolower($raw), 'charset=iso-8859-1') === 2, true), "\n";
echo 'attachment delivered: ', var_export(str_contains($raw, 'preise.txt'), true), "\n";
?>
--EXPECT--
bool(true)
nothing left captured: true
key: from X-CampTrackID
to name: Zoë Müller
from name: Équipe Marketing
reply-to name: Réponses
subject is UTF-8: true
html: <p>Schöne Grüße</p>
text: Schöne Grüße
charset: ISO-8859-1
attachment: preise.txt text/plain
301: targeted
X-CampTrackID: matches
subject decodes to the original: true
to name decodes to the original: true
bodies in ISO-8859-1: true
attachment delivered: true

--TEST--
Mailer: method names in any case, as SuiteCRM calls them, and createHeader/createBody after send
--SKIPIF--
<?php require_once __DIR__ . '/mailer.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require_once __DIR__ . '/mailer.inc';
$mail = new MailBridge\Mailer();
mailer_use_sink($mail);
$mail->ISSMTP();
$mail->From = 'crm@example.test';
$mail->FromName = 'CRM';
$mail->AddAddress('a@example.test', 'A');
$mail->ADDADDRESS('b@example.test');
$mail->AddCC('c@example.test');
$mail->addbcc('hidden@example.test');
$mail->AddReplyTo('reply@example.test', 'Reply');
$mail->IsHTML(true);
$mail->MsgHTML('<html><head><title>t</title><style>p{}</style></head><body><p>Hello &amp; welcome</p></body></html>');
echo 'AltBody from msgHTML: ', var_export($mail->AltBody, true), "\n";
$mail->AddCustomHeader('X-CampTrackID:abc-123');
$mail->addCustomHeader('X-Other', 'value');
$mail->Subject = 'case test';

var_dump($mail->SEND());
var_dump($mail->ErrorInfo, $mail->IsError());

// SuiteCRM builds the copy for the Sent folder after the send: body first, then header.
$body = $mail->CreateBody();
$header = $mail->CreateHeader();
var_dump($mail->getSentMIMEMessage() === $header . "\r\n" . $body);
var_dump($mail->GetLastMessageID() !== '' && str_contains($header, $mail->GetLastMessageID()));
echo 'Bcc in header: ', var_export(stripos($header, 'hidden@example.test') !== false, true), "\n";
foreach (['To', 'Cc', 'Reply-To', 'X-CampTrackID', 'X-Other', 'Content-Type'] as $name) {
    preg_match('/^' . $name . ': (.*)$/m', $header, $match);
    echo $name, ': ', rtrim($match[1] ?? '(missing)'), "\n";
}

// A second send composes again with a new Message-ID.
$first = $mail->getLastMessageID();
$mail->ClearAllRecipients();
$mail->ClearReplyTos();
$mail->ClearCustomHeaders();
$mail->AddAddress('d@example.test');
var_dump($mail->Send(), $mail->getLastMessageID() !== $first);
$header = $mail->createHeader();
echo 'second To: ', preg_match('/^To: d@example.test\r$/m', $header), "\n";
echo 'custom headers cleared: ', var_export(!str_contains($header, 'X-CampTrackID'), true), "\n";
?>
--EXPECT--
AltBody from msgHTML: 'Hello & welcome'
bool(true)
string(0) ""
bool(false)
bool(true)
bool(true)
Bcc in header: false
To: A <a@example.test>, b@example.test
Cc: c@example.test
Reply-To: Reply <reply@example.test>
X-CampTrackID: abc-123
X-Other: value
Content-Type: multipart/alternative;
bool(true)
bool(true)
second To: 1
custom headers cleared: true

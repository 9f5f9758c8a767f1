--TEST--
Mailer: DKIM_domain, DKIM_selector, DKIM_private, DKIM_passphrase and DKIM_identity sign the sent message
--SKIPIF--
<?php require __DIR__ . '/../dkim/dkim.inc'; dkim_skip_without_tools(); ?>
--FILE--
<?php
require __DIR__ . '/../dkim/dkim.inc';
$directory = dkim_temp_dir();
$key = dkim_generate_key($directory, 'rsa', 'key secret');
$records = ['crm._domainkey.example.com' => $key['record']];

class CapturingMailer extends MailBridge\Mailer
{
    public $sent = '';

    public function captureSend($header, $body)
    {
        $this->sent = $header . "\r\n" . $body;
        return true;
    }
}

$mail = new CapturingMailer();
$mail->Mailer = 'capture';
$mail->CharSet = 'utf-8';
$mail->setFrom('crm@example.com', 'CRM');
$mail->addAddress('customer@example.org');
$mail->Subject = 'Signed';
$mail->isHTML(true);
$mail->Body = '<p>Signed body</p>';
$mail->AltBody = 'Signed body';
$mail->DKIM_domain = 'example.com';
$mail->DKIM_selector = 'crm';
$mail->DKIM_private = $key['path'];
$mail->DKIM_passphrase = 'key secret';
$mail->DKIM_identity = 'crm@example.com';
var_dump($mail->send());
echo $mail->ErrorInfo;
echo dkim_verify($mail->sent, $records), "\n";
echo 'sent equals getSentMIMEMessage: ', var_export($mail->sent === $mail->getSentMIMEMessage(), true), "\n";
echo 'i= tag: ', var_export(str_contains($mail->sent, 'i=crm@example.com'), true), "\n";
// createHeader() is the header without the signature, as in PHPMailer.
echo 'createHeader has DKIM-Signature: ', var_export(str_contains($mail->createHeader(), 'DKIM-Signature'), true), "\n";

// A changed body no longer verifies.
echo dkim_verify(str_replace('Signed body', 'Changed body', $mail->sent), $records), "\n";

// An Ed25519 key signs with ed25519-sha256.
$ed = dkim_generate_key($directory, 'ed25519');
$mail->DKIM_private = $ed['path'];
$mail->DKIM_passphrase = '';
var_dump($mail->send());
echo dkim_verify($mail->sent, ['crm._domainkey.example.com' => $ed['record']]), "\n";
$mail->DKIM_private = $key['path'];

// A wrong passphrase fails the send with PHPMailer's signing prefix.
$mail->DKIM_passphrase = 'wrong';
var_dump($mail->send());
echo 'ErrorInfo starts with Signing Error: ', var_export(str_starts_with($mail->ErrorInfo, 'Signing Error: '), true), "\n";
echo 'passphrase in ErrorInfo: ', var_export(str_contains($mail->ErrorInfo, 'key secret'), true), "\n";
?>
--EXPECTF--
bool(true)
signature 1 (a=rsa-sha256, d=example.com, s=crm): pass
sent equals getSentMIMEMessage: true
i= tag: true
createHeader has DKIM-Signature: false
signature 1 (a=rsa-sha256, d=example.com, s=crm): fail%s
bool(true)
signature 1 (a=ed25519-sha256, d=example.com, s=crm): pass
bool(false)
ErrorInfo starts with Signing Error: true
passphrase in ErrorInfo: false

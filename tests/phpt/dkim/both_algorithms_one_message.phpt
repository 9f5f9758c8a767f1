--TEST--
DKIM: RSA and Ed25519 signatures on one message both verify
--SKIPIF--
<?php require __DIR__ . '/dkim.inc'; dkim_skip_without_tools(); ?>
--FILE--
<?php
require __DIR__ . '/dkim.inc';
$directory = dkim_temp_dir();
$rsaKey = dkim_generate_key($directory, 'rsa');
$edKey = dkim_generate_key($directory, 'ed25519');
$records = [
    'rsa._domainkey.example.com' => $rsaKey['record'],
    'ed._domainkey.example.com' => $edKey['record'],
];
$rsa = new MailBridge\DkimSigner(['domain' => 'example.com', 'selector' => 'rsa', 'private_key' => $rsaKey['pem']]);
$ed = new MailBridge\DkimSigner([
    'domain' => 'example.com',
    'selector' => 'ed',
    'private_key' => $edKey['pem'],
    'algorithm' => 'ed25519-sha256',
]);
$message = (new MailBridge\Message())
    ->from('crm@example.com')
    ->to('customer@example.org')
    ->subject('Two signatures')
    ->text("Signed twice.\n");

// The default header list has no DKIM-Signature, so the outer signer signs
// the same fields and body as the inner one.
$signed = $ed->sign($rsa->sign($message));
echo dkim_verify($signed, $records), "\n";
var_dump(substr_count($signed, 'DKIM-Signature:'));

// Either signature alone fails when its key record is wrong.
echo dkim_verify($signed, [
    'rsa._domainkey.example.com' => $rsaKey['record'],
    'ed._domainkey.example.com' => dkim_generate_key($directory, 'ed25519')['record'],
]), "\n";
?>
--EXPECTF--
signature 1 (a=ed25519-sha256, d=example.com, s=ed): pass
signature 2 (a=rsa-sha256, d=example.com, s=rsa): pass
int(2)
signature 1 (a=ed25519-sha256, d=example.com, s=ed): fail%A
signature 2 (a=rsa-sha256, d=example.com, s=rsa): pass

--TEST--
DKIM: an RSA signature on a composed text message verifies with dkimpy
--SKIPIF--
<?php require __DIR__ . '/dkim.inc'; dkim_skip_without_tools(); ?>
--FILE--
<?php
require __DIR__ . '/dkim.inc';
$directory = dkim_temp_dir();
$key = dkim_generate_key($directory, 'rsa');
$signer = new MailBridge\DkimSigner([
    'domain' => 'example.com',
    'selector' => 'crm2024',
    'private_key' => $key['pem'],
]);
$message = (new MailBridge\Message())
    ->from('Sales <sales@example.com>')
    ->to('customer@example.org')
    ->subject('Your quote')
    ->text("Hello,\n\nplease find the quote below.\n");
$signed = $signer->sign($message);

// The field is put in front of the exact bytes that toString() returns.
$unsigned = $message->toString();
var_dump(str_ends_with($signed, $unsigned));
var_dump(str_starts_with($signed, "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com;"));
$field = substr($signed, 0, strlen($signed) - strlen($unsigned));
var_dump(str_ends_with($field, "\r\n"));
var_dump(max(array_map('strlen', explode("\r\n", $field))) <= 78);
$tags = dkim_signature_field($signed);
echo 's=', dkim_tag($tags, 's'), "\n";
echo 'h=', dkim_tag($tags, 'h'), "\n";
var_dump(abs((int) dkim_tag($tags, 't') - time()) < 60);
var_dump(dkim_tag($tags, 'x'));

echo dkim_verify($signed, ['crm2024._domainkey.example.com' => $key['record']]), "\n";
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
s=crm2024
h=from:to:subject:date:message-id:mime-version:content-type
bool(true)
NULL
signature 1 (a=rsa-sha256, d=example.com, s=crm2024): pass

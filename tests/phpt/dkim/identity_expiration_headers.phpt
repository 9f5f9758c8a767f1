--TEST--
DKIM: identity, expiration and a custom header list appear in the signature and verify
--SKIPIF--
<?php require __DIR__ . '/dkim.inc'; dkim_skip_without_tools(); ?>
--FILE--
<?php
require __DIR__ . '/dkim.inc';
$directory = dkim_temp_dir();
$key = dkim_generate_key($directory, 'ed25519');
$records = ['news._domainkey.example.com' => $key['record']];
$signer = new MailBridge\DkimSigner([
    'domain' => 'example.com',
    'selector' => 'news',
    'private_key' => $key['pem'],
    'algorithm' => 'ed25519-sha256',
    'identity' => 'newsletter@lists.example.com',
    'expiration' => 7 * 86400,
    'headers' => ['From', 'Subject', 'List-Unsubscribe', 'X-Campaign'],
]);
$message = (new MailBridge\Message())
    ->from('newsletter@lists.example.com')
    ->to('reader@example.org')
    ->subject('Monthly news')
    ->header('List-Unsubscribe', '<https://example.com/unsubscribe?id=42>')
    ->header('X-Campaign', 'first')
    ->header('X-Campaign', 'second')
    ->text("News.\n");
$signed = $signer->sign($message);
$field = dkim_signature_field($signed);
echo 'i=', dkim_tag($field, 'i'), "\n";
echo 'h=', dkim_tag($field, 'h'), "\n";
var_dump((int) dkim_tag($field, 'x') - (int) dkim_tag($field, 't'));
echo dkim_verify($signed, $records), "\n";

// Both X-Campaign instances are signed, so changing either one breaks the signature.
echo str_contains(dkim_verify(str_replace('X-Campaign: first', 'X-Campaign: third', $signed), $records), ': pass')
    ? "first instance not covered\n" : "first instance covered\n";
echo str_contains(dkim_verify(str_replace('X-Campaign: second', 'X-Campaign: third', $signed), $records), ': pass')
    ? "second instance not covered\n" : "second instance covered\n";
// To is not in the list, so changing it keeps the signature valid.
echo dkim_verify(str_replace('To: reader@example.org', 'To: other@example.org', $signed), $records), "\n";
?>
--EXPECT--
i=newsletter@lists.example.com
h=from:subject:list-unsubscribe:x-campaign:x-campaign
int(604800)
signature 1 (a=ed25519-sha256, d=example.com, s=news): pass
first instance covered
second instance covered
signature 1 (a=ed25519-sha256, d=example.com, s=news): pass

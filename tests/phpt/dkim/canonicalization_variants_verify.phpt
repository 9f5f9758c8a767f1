--TEST--
DKIM: all four canonicalization pairs verify on a raw message with odd white space and trailing blank lines
--SKIPIF--
<?php require __DIR__ . '/dkim.inc'; dkim_skip_without_tools(); ?>
--FILE--
<?php
require __DIR__ . '/dkim.inc';
$directory = dkim_temp_dir();
$keys = ['rsa' => dkim_generate_key($directory, 'rsa'), 'ed25519' => dkim_generate_key($directory, 'ed25519')];
$raw = "From:   Sender  <sender@example.com>  \r\n"
    . "To: a@example.org,\r\n"
    . "\t  b@example.org\t\r\n"
    . "SUBJECT:Mixed  case\t and   spacing \r\n"
    . "Date: Mon, 1 Jan 2024 10:00:00 +0000\r\n"
    . "Message-ID: <canon.1@example.com>\r\n"
    . "\r\n"
    . "  Leading spaces\r\n"
    . "Trailing spaces and tabs \t \r\n"
    . "Inner   runs\t\tof  white space\r\n"
    . " \r\n"
    . "\r\n"
    . "Last text line\r\n"
    . "\r\n"
    . " \t \r\n"
    . "\r\n";

foreach (['relaxed/relaxed', 'simple/simple', 'relaxed/simple', 'simple/relaxed'] as $canonicalization) {
    foreach ($keys as $type => $key) {
        $signer = new MailBridge\DkimSigner([
            'domain' => 'example.com',
            'selector' => 'canon',
            'private_key' => $key['pem'],
            'algorithm' => $type === 'rsa' ? 'rsa-sha256' : 'ed25519-sha256',
            'canonicalization' => $canonicalization,
        ]);
        $signed = $signer->sign($raw);
        $field = dkim_signature_field($signed);
        printf("%s %s: c=%s %s\n", $canonicalization, $type, dkim_tag($field, 'c'),
            dkim_verify($signed, ['canon._domainkey.example.com' => $key['record']]));
    }
}

// Trailing blank lines do not change the body hash; other white space
// changes it for simple only.
$relaxed = new MailBridge\DkimSigner(['domain' => 'example.com', 'selector' => 'canon', 'private_key' => $keys['rsa']['pem']]);
$simple = new MailBridge\DkimSigner([
    'domain' => 'example.com', 'selector' => 'canon', 'private_key' => $keys['rsa']['pem'],
    'canonicalization' => 'simple/simple',
]);
$bh = fn ($signer, $message) => dkim_tag(dkim_signature_field($signer->sign($message)), 'bh');
$base = "From: sender@example.com\r\n\r\nText  here\r\n";
var_dump($bh($relaxed, $base) === $bh($relaxed, $base . "\r\n\r\n \r\n"));
var_dump($bh($simple, $base) === $bh($simple, $base . "\r\n\r\n"));
var_dump($bh($relaxed, $base) === $bh($relaxed, "From: sender@example.com\r\n\r\nText here \r\n"));
var_dump($bh($simple, $base) === $bh($simple, "From: sender@example.com\r\n\r\nText here \r\n"));
// Known values for an empty body: SHA-256 of "\r\n" (simple) and of "" (relaxed).
echo $bh($simple, "From: sender@example.com\r\n\r\n"), "\n";
echo $bh($relaxed, "From: sender@example.com\r\n\r\n\r\n"), "\n";
?>
--EXPECT--
relaxed/relaxed rsa: c=relaxed/relaxed signature 1 (a=rsa-sha256, d=example.com, s=canon): pass
relaxed/relaxed ed25519: c=relaxed/relaxed signature 1 (a=ed25519-sha256, d=example.com, s=canon): pass
simple/simple rsa: c=simple/simple signature 1 (a=rsa-sha256, d=example.com, s=canon): pass
simple/simple ed25519: c=simple/simple signature 1 (a=ed25519-sha256, d=example.com, s=canon): pass
relaxed/simple rsa: c=relaxed/simple signature 1 (a=rsa-sha256, d=example.com, s=canon): pass
relaxed/simple ed25519: c=relaxed/simple signature 1 (a=ed25519-sha256, d=example.com, s=canon): pass
simple/relaxed rsa: c=simple/relaxed signature 1 (a=rsa-sha256, d=example.com, s=canon): pass
simple/relaxed ed25519: c=simple/relaxed signature 1 (a=ed25519-sha256, d=example.com, s=canon): pass
bool(true)
bool(true)
bool(true)
bool(false)
frcCV1k9oG9oKj3dpUqdJg1PxRT2RSN/XKdLCPjaYaY=
47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=

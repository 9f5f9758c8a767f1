--TEST--
DKIM: a raw message with LF line ends is signed in the CRLF form that SMTP sends
--SKIPIF--
<?php require __DIR__ . '/dkim.inc'; dkim_skip_without_tools(); ?>
--FILE--
<?php
require __DIR__ . '/dkim.inc';
$directory = dkim_temp_dir();
$key = dkim_generate_key($directory, 'rsa');
$signer = new MailBridge\DkimSigner([
    'domain' => 'example.com',
    'selector' => 'lf',
    'private_key' => $key['pem'],
    'canonicalization' => 'simple/simple',
]);
$crlf = "From: crm@example.com\r\nTo: a@example.org\r\nSubject: Line ends\r\n\r\nFirst line\r\n\r\nThird line  \r\n";
$lf = str_replace("\r\n", "\n", $crlf);

$signedLf = $signer->sign($lf);
// The message itself is returned unchanged behind the signature field.
var_dump(str_ends_with($signedLf, $lf));
echo dkim_verify($signedLf, ['lf._domainkey.example.com' => $key['record']]), "\n";

// The LF and CRLF forms get the same body hash and the same signed fields.
$fieldLf = dkim_signature_field($signedLf);
$fieldCrlf = dkim_signature_field($signer->sign($crlf));
var_dump(dkim_tag($fieldLf, 'bh') === dkim_tag($fieldCrlf, 'bh'));
var_dump(dkim_tag($fieldLf, 'h'));

// A last line without a line end is signed as SMTP sends it: with CRLF added.
$unterminated = rtrim($lf, "\n");
var_dump(dkim_tag(dkim_signature_field($signer->sign($unterminated)), 'bh') === dkim_tag($fieldCrlf, 'bh'));
echo dkim_verify($signer->sign($unterminated) . "\r\n", ['lf._domainkey.example.com' => $key['record']]), "\n";
?>
--EXPECT--
bool(true)
signature 1 (a=rsa-sha256, d=example.com, s=lf): pass
bool(true)
string(15) "from:to:subject"
bool(true)
signature 1 (a=rsa-sha256, d=example.com, s=lf): pass

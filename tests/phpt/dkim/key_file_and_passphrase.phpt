--TEST--
DKIM: keys load from a PEM file path and from encrypted PEM with the passphrase
--SKIPIF--
<?php require __DIR__ . '/dkim.inc'; dkim_skip_without_tools(); ?>
--FILE--
<?php
require __DIR__ . '/dkim.inc';
$directory = dkim_temp_dir();
$message = "From: crm@example.com\r\nTo: a@example.org\r\nSubject: Key sources\r\n\r\nBody\r\n";
$cases = [
    'RSA from a path' => [dkim_generate_key($directory, 'rsa'), 'rsa-sha256', null, true],
    'Ed25519 from a path' => [dkim_generate_key($directory, 'ed25519'), 'ed25519-sha256', null, true],
    'encrypted RSA as text' => [dkim_generate_key($directory, 'rsa', 'rsa secret'), 'rsa-sha256', 'rsa secret', false],
    'encrypted Ed25519 from a path' => [dkim_generate_key($directory, 'ed25519', 'ed secret'), 'ed25519-sha256', 'ed secret', true],
];
foreach ($cases as $name => [$key, $algorithm, $passphrase, $usePath]) {
    $options = [
        'domain' => 'example.com',
        'selector' => 'file',
        'private_key' => $usePath ? $key['path'] : "\n" . $key['pem'],
        'algorithm' => $algorithm,
    ];
    if ($passphrase !== null) {
        $options['passphrase'] = $passphrase;
    }
    $signed = (new MailBridge\DkimSigner($options))->sign($message);
    echo "$name: ", dkim_verify($signed, ['file._domainkey.example.com' => $key['record']]), "\n";
}

// A traditional "BEGIN RSA PRIVATE KEY" file loads too.
$traditional = $directory . '/traditional.pem';
$rsa = $cases['RSA from a path'][0];
[$status, , $error] = dkim_run(['openssl', 'pkey', '-in', $rsa['path'], '-traditional', '-out', $traditional]);
echo $status === 0 ? '' : "openssl pkey failed: $error\n";
echo trim(explode("\n", file_get_contents($traditional))[0]), "\n";
$signed = (new MailBridge\DkimSigner(['domain' => 'example.com', 'selector' => 'file', 'private_key' => $traditional]))
    ->sign($message);
echo 'traditional RSA: ', dkim_verify($signed, ['file._domainkey.example.com' => $rsa['record']]), "\n";

// Text before the BEGIN line, such as the "Bag Attributes" of `openssl pkcs12`
// output, still counts as PEM text and not as a file path.
$signed = (new MailBridge\DkimSigner([
    'domain' => 'example.com',
    'selector' => 'file',
    'private_key' => "Bag Attributes\n    localKeyID: 01 02 03\n" . $rsa['pem'],
]))->sign($message);
echo 'PEM after other text: ', dkim_verify($signed, ['file._domainkey.example.com' => $rsa['record']]), "\n";
?>
--EXPECT--
RSA from a path: signature 1 (a=rsa-sha256, d=example.com, s=file): pass
Ed25519 from a path: signature 1 (a=ed25519-sha256, d=example.com, s=file): pass
encrypted RSA as text: signature 1 (a=rsa-sha256, d=example.com, s=file): pass
encrypted Ed25519 from a path: signature 1 (a=ed25519-sha256, d=example.com, s=file): pass
-----BEGIN RSA PRIVATE KEY-----
traditional RSA: signature 1 (a=rsa-sha256, d=example.com, s=file): pass
PEM after other text: signature 1 (a=rsa-sha256, d=example.com, s=file): pass

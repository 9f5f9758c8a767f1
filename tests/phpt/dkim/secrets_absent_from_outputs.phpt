--TEST--
DKIM: the private key and passphrase never show in exceptions, traces or dumps
--SKIPIF--
<?php require __DIR__ . '/dkim.inc'; dkim_skip_without_tools(); ?>
--INI--
zend.exception_ignore_args=0
--FILE--
<?php
require __DIR__ . '/dkim.inc';
$directory = dkim_temp_dir();
$passphrase = 'Passphrase-' . bin2hex(random_bytes(6));
$key = dkim_generate_key($directory, 'ed25519', $passphrase);
$pemLines = array_filter(explode("\n", $key['pem']), fn ($line) => $line !== '' && !str_starts_with($line, '-----'));
$rawSeed = base64_encode(random_bytes(32));

function shows_secret(string $text, array $secrets): bool
{
    foreach ($secrets as $secret) {
        if (str_contains($text, $secret)) {
            return true;
        }
    }
    return false;
}
$secrets = array_merge([$passphrase, $rawSeed], $pemLines);

function build(array $options): MailBridge\DkimSigner
{
    return new MailBridge\DkimSigner($options);
}

$base = ['domain' => 'example.com', 'selector' => 'sel', 'algorithm' => 'ed25519-sha256'];
$failures = [
    'wrong passphrase' => $base + ['private_key' => $key['pem'], 'passphrase' => $passphrase . 'x'],
    'missing passphrase' => $base + ['private_key' => $key['pem']],
    'raw key instead of PEM' => $base + ['private_key' => $rawSeed],
    'wrong algorithm' => ['algorithm' => 'rsa-sha256', 'private_key' => $key['pem'], 'passphrase' => $passphrase] + $base,
];
foreach ($failures as $name => $options) {
    try {
        build($options);
        echo "$name: accepted\n";
    } catch (ValueError $e) {
        echo "$name: ", $e->getMessage(), "\n";
        var_dump(shows_secret($e->getMessage(), $secrets));
        var_dump(shows_secret($e->getTraceAsString(), $secrets));
        var_dump($e->getTrace()[0]['args'][0] instanceof SensitiveParameterValue);
    }
}

$signer = build($base + ['private_key' => $key['pem'], 'passphrase' => $passphrase]);
ob_start();
var_dump($signer);
print_r($signer);
var_export($signer);
echo json_encode($signer), json_encode((array) $signer), "\n";
debug_zval_dump($signer);
$dump = ob_get_clean();
var_dump(shows_secret($dump, $secrets));
// var_dump, print_r and debug_zval_dump each show private_key and passphrase as <redacted>.
var_dump(substr_count($dump, '<redacted>'));
var_dump(str_contains($dump, '"example.com"'), str_contains($dump, '"sel"'), str_contains($dump, '"ed25519-sha256"'));
try {
    serialize($signer);
} catch (Exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    clone $signer;
} catch (Error $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECT--
wrong passphrase: MailBridge\DkimSigner: invalid DKIM private key: the key cannot be decrypted: the passphrase is wrong or the key is damaged
bool(false)
bool(false)
bool(true)
missing passphrase: MailBridge\DkimSigner: invalid DKIM private key: the key is encrypted and no passphrase was given
bool(false)
bool(false)
bool(true)
raw key instead of PEM: MailBridge\DkimSigner option "private_key" is neither PEM text (with a "-----BEGIN" line) nor the path of a readable file; the value is not shown because it may be key material
bool(false)
bool(false)
bool(true)
wrong algorithm: MailBridge\DkimSigner: invalid DKIM private key: the key is of type Ed25519, but algorithm rsa-sha256 needs an RSA key
bool(false)
bool(false)
bool(true)
bool(false)
int(6)
bool(true)
bool(true)
bool(true)
Exception: Serialization of 'MailBridge\DkimSigner' is not allowed
Error: Trying to clone an uncloneable object of class MailBridge\DkimSigner

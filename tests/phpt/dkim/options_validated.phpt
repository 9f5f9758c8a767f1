--TEST--
DKIM: invalid DkimSigner options raise TypeError or ValueError naming the problem
--SKIPIF--
<?php require __DIR__ . '/dkim.inc'; dkim_skip_without_tools(); ?>
--FILE--
<?php
require __DIR__ . '/dkim.inc';
$directory = dkim_temp_dir();
$rsa = dkim_generate_key($directory, 'rsa');
$ed = dkim_generate_key($directory, 'ed25519');
$small = dkim_generate_key($directory, 'rsa', null, 512);
$valid = ['domain' => 'example.com', 'selector' => 'sel', 'private_key' => $rsa['pem']];
mkdir($directory . '/keys.d');
file_put_contents($directory . '/huge.pem', str_repeat('A', 2 << 20));

$cases = [
    'unknown option' => $valid + ['selecter' => 'x'],
    'no domain' => ['selector' => 'sel', 'private_key' => $rsa['pem']],
    'no selector' => ['domain' => 'example.com', 'private_key' => $rsa['pem']],
    'no private key' => ['domain' => 'example.com', 'selector' => 'sel'],
    'integer key' => [42 => 'x'] + $valid,
    'domain type' => ['domain' => 1] + $valid,
    'bad domain' => ['domain' => 'exa mple.com'] + $valid,
    'address literal' => ['domain' => '[192.0.2.1]'] + $valid,
    'bad selector' => ['selector' => 'my_selector'] + $valid,
    'bad algorithm' => $valid + ['algorithm' => 'rsa-sha1'],
    'unknown algorithm' => $valid + ['algorithm' => 'ed448-sha256'],
    'bad canonicalization' => $valid + ['canonicalization' => 'relaxed'],
    'headers not a list of strings' => $valid + ['headers' => ['From', 5]],
    'headers empty' => $valid + ['headers' => []],
    'headers without From' => $valid + ['headers' => ['To', 'Subject']],
    'header listed twice' => $valid + ['headers' => ['From', 'Subject', 'SUBJECT']],
    'header name with colon' => $valid + ['headers' => ['From', 'X-Bad:']],
    'identity outside domain' => $valid + ['identity' => 'crm@example.org'],
    'identity without @' => $valid + ['identity' => 'crm'],
    'negative expiration' => $valid + ['expiration' => -5],
    'expiration type' => $valid + ['expiration' => '3600'],
    'RSA key for Ed25519' => $valid + ['algorithm' => 'ed25519-sha256'],
    'Ed25519 key for RSA' => ['private_key' => $ed['pem']] + $valid,
    '512-bit RSA key' => ['private_key' => $small['pem']] + $valid,
    'missing key file' => ['private_key' => $directory . '/missing.pem'] + $valid,
    'directory as key file' => ['private_key' => $directory . '/keys.d'] + $valid,
    'key file too large' => ['private_key' => $directory . '/huge.pem'] + $valid,
    'empty key' => ['private_key' => ''] + $valid,
    'PEM without a key' => ['private_key' => "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"] + $valid,
];
foreach ($cases as $name => $options) {
    try {
        new MailBridge\DkimSigner($options);
        echo "$name: accepted\n";
    } catch (TypeError | ValueError $e) {
        echo "$name: ", get_class($e), ': ', str_replace($directory, 'DIR', $e->getMessage()), "\n";
    }
}

// A raw message without a From field cannot be signed.
$signer = new MailBridge\DkimSigner($valid);
try {
    $signer->sign("To: a@example.org\r\nSubject: no sender\r\n\r\nbody\r\n");
} catch (ValueError $e) {
    echo 'no From: ', $e->getMessage(), "\n";
}
// A Message that cannot be serialized reports why.
try {
    $signer->sign((new MailBridge\Message())->from('crm@example.com'));
} catch (ValueError $e) {
    echo 'no recipients: ', get_class($e), "\n";
}
?>
--EXPECTF--
unknown option: ValueError: MailBridge\DkimSigner has no option "selecter"
no domain: ValueError: MailBridge\DkimSigner option "domain" is required
no selector: ValueError: MailBridge\DkimSigner option "selector" is required
no private key: ValueError: MailBridge\DkimSigner option "private_key" is required
integer key: ValueError: MailBridge\DkimSigner::__construct(): Argument #1 ($options) must have string keys
domain type: TypeError: MailBridge\DkimSigner option "domain" must be of type string, int given
bad domain: ValueError: MailBridge\DkimSigner: invalid domain "exa mple.com": %s
address literal: ValueError: MailBridge\DkimSigner: invalid DKIM domain "[192.0.2.1]": use a domain name, not an address literal
bad selector: ValueError: MailBridge\DkimSigner: invalid DKIM selector "my_selector": use letters, digits and hyphens, with no hyphen at the start or end of a label
bad algorithm: ValueError: MailBridge\DkimSigner: DKIM algorithm "rsa-sha1" is not allowed (RFC 8301): use "rsa-sha256"
unknown algorithm: ValueError: MailBridge\DkimSigner: invalid DKIM algorithm "ed448-sha256": use "rsa-sha256" or "ed25519-sha256"
bad canonicalization: ValueError: MailBridge\DkimSigner option "canonicalization" must be "relaxed/relaxed", "simple/simple", "relaxed/simple" or "simple/relaxed"
headers not a list of strings: TypeError: MailBridge\DkimSigner option "headers" must contain only strings, int given
headers empty: ValueError: MailBridge\DkimSigner option "headers" must list at least From; leave the option out for the default list
headers without From: ValueError: MailBridge\DkimSigner: the DKIM header list must include From (RFC 6376 section 5.4)
header listed twice: ValueError: MailBridge\DkimSigner: the DKIM header list names "SUBJECT" twice; every present instance of a listed field is signed already
header name with colon: ValueError: MailBridge\DkimSigner: invalid header name "X-Bad:" in the DKIM header list: use printable ASCII without spaces or ':'
identity outside domain: ValueError: MailBridge\DkimSigner: invalid DKIM identity "crm@example.org": its domain must be example.com or a subdomain of it
identity without @: ValueError: MailBridge\DkimSigner: invalid DKIM identity "crm": use an address such as user@example.com or @example.com
negative expiration: ValueError: MailBridge\DkimSigner: invalid DKIM expiration -5: use a number of seconds from 1 to 100000000000, or 0 for none
expiration type: TypeError: MailBridge\DkimSigner option "expiration" must be of type int, string given
RSA key for Ed25519: ValueError: MailBridge\DkimSigner: invalid DKIM private key: the key is of type RSA, but algorithm ed25519-sha256 needs an Ed25519 key
Ed25519 key for RSA: ValueError: MailBridge\DkimSigner: invalid DKIM private key: the key is of type Ed25519, but algorithm rsa-sha256 needs an RSA key
512-bit RSA key: ValueError: MailBridge\DkimSigner: invalid DKIM private key: the RSA key has 512 bits; DKIM needs at least 1024 (2048 recommended)
missing key file: ValueError: MailBridge\DkimSigner option "private_key" is neither PEM text (with a "-----BEGIN" line) nor the path of a readable file; the value is not shown because it may be key material
directory as key file: ValueError: MailBridge\DkimSigner option "private_key" names "DIR/keys.d", which is not a regular file
key file too large: ValueError: MailBridge\DkimSigner option "private_key" names "DIR/huge.pem", which is larger than 1048576 bytes and so not a PEM key
empty key: ValueError: MailBridge\DkimSigner option "private_key" must not be empty
PEM without a key: ValueError: MailBridge\DkimSigner: invalid DKIM private key: the PEM text contains no valid private key (a public key or certificate is not enough)
no From: cannot DKIM-sign a message without a From header field (RFC 6376 section 5.4)
no recipients: ValueError

--TEST--
DKIM: a changed body or signed field fails verification, while added trace fields do not
--SKIPIF--
<?php require __DIR__ . '/dkim.inc'; dkim_skip_without_tools(); ?>
--FILE--
<?php
require __DIR__ . '/dkim.inc';
$directory = dkim_temp_dir();
$keys = ['rsa' => dkim_generate_key($directory, 'rsa'), 'ed25519' => dkim_generate_key($directory, 'ed25519')];
$raw = "From: crm@example.com\r\nTo: a@example.org\r\nSubject: Invoice 1042\r\n\r\nAmount due: 100 EUR\r\n";

foreach ($keys as $type => $key) {
    foreach (['relaxed/relaxed', 'simple/simple'] as $canonicalization) {
        $signer = new MailBridge\DkimSigner([
            'domain' => 'example.com',
            'selector' => 't',
            'private_key' => $key['pem'],
            'algorithm' => $type === 'rsa' ? 'rsa-sha256' : 'ed25519-sha256',
            'canonicalization' => $canonicalization,
        ]);
        $signed = $signer->sign($raw);
        $cases = [
            'unchanged' => $signed,
            'body changed' => str_replace('100 EUR', '900 EUR', $signed),
            'subject changed' => str_replace('Invoice 1042', 'Invoice 1043', $signed),
            'second From added below' => str_replace("Subject:", "From: attacker@example.net\r\nSubject:", $signed),
            'body line added' => $signed . "Pay to another account\r\n",
            'trace fields added on top' => "Return-Path: <crm@example.com>\r\nReceived: from relay by mx; Mon, 1 Jan 2024\r\n" . $signed,
            'unsigned field added' => str_replace("Subject:", "X-Spam-Score: 0\r\nSubject:", $signed),
        ];
        foreach ($cases as $name => $message) {
            $result = dkim_verify($message, ['t._domainkey.example.com' => $key['record']]);
            printf("%s %s %s: %s\n", $type, $canonicalization, $name, str_contains($result, ': pass') ? 'pass' : 'fail');
        }
    }
}
?>
--EXPECT--
rsa relaxed/relaxed unchanged: pass
rsa relaxed/relaxed body changed: fail
rsa relaxed/relaxed subject changed: fail
rsa relaxed/relaxed second From added below: fail
rsa relaxed/relaxed body line added: fail
rsa relaxed/relaxed trace fields added on top: pass
rsa relaxed/relaxed unsigned field added: pass
rsa simple/simple unchanged: pass
rsa simple/simple body changed: fail
rsa simple/simple subject changed: fail
rsa simple/simple second From added below: fail
rsa simple/simple body line added: fail
rsa simple/simple trace fields added on top: pass
rsa simple/simple unsigned field added: pass
ed25519 relaxed/relaxed unchanged: pass
ed25519 relaxed/relaxed body changed: fail
ed25519 relaxed/relaxed subject changed: fail
ed25519 relaxed/relaxed second From added below: fail
ed25519 relaxed/relaxed body line added: fail
ed25519 relaxed/relaxed trace fields added on top: pass
ed25519 relaxed/relaxed unsigned field added: pass
ed25519 simple/simple unchanged: pass
ed25519 simple/simple body changed: fail
ed25519 simple/simple subject changed: fail
ed25519 simple/simple second From added below: fail
ed25519 simple/simple body line added: fail
ed25519 simple/simple trace fields added on top: pass
ed25519 simple/simple unsigned field added: pass

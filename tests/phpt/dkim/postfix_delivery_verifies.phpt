--TEST--
DKIM: signed bytes sent through the local Postfix still verify in the delivered Maildir copy
--SKIPIF--
<?php
require __DIR__ . '/dkim.inc';
dkim_skip_without_tools();
require __DIR__ . '/../smtp_live/live.inc';
mb_skip_without_servers();
?>
--FILE--
<?php
require __DIR__ . '/dkim.inc';
require __DIR__ . '/../smtp_live/live.inc';
$directory = dkim_temp_dir();
$rsaKey = dkim_generate_key($directory, 'rsa');
$edKey = dkim_generate_key($directory, 'ed25519');
$records = [
    'rsa._domainkey.example.test' => $rsaKey['record'],
    'ed._domainkey.example.test' => $edKey['record'],
];
$rsa = new MailBridge\DkimSigner(['domain' => 'example.test', 'selector' => 'rsa', 'private_key' => $rsaKey['pem']]);
$ed = new MailBridge\DkimSigner([
    'domain' => 'example.test',
    'selector' => 'ed',
    'private_key' => $edKey['pem'],
    'algorithm' => 'ed25519-sha256',
    'canonicalization' => 'simple/simple',
]);

$user = mb_env('MAILBRIDGE_TEST_USER');
$token = mb_unique_token();
$message = (new MailBridge\Message())
    ->from("CRM <$user>")
    ->to($user)
    ->subject("DKIM live $token Grüße")
    ->text("Signed before sending.\n.a line that SMTP dot-stuffs\ntoken $token\n")
    ->attach(random_bytes(2000), 'data.bin');
$signed = $ed->sign($rsa->sign($message));

$transport = new MailBridge\SmtpTransport(live_options());
$result = $transport->send($signed, new MailBridge\Envelope($user, [$user]));
var_dump($result->accepted);

$delivered = mb_wait_for_message($token);
// Postfix and Dovecot add trace fields above the signatures.
var_dump(str_starts_with($delivered, 'DKIM-Signature:'));
var_dump(preg_match('/^Received:/mi', $delivered) === 1);
echo dkim_verify($delivered, $records), "\n";
?>
--EXPECT--
array(1) {
  [0]=>
  string(17) "user@example.test"
}
bool(false)
bool(true)
signature 1 (a=ed25519-sha256, d=example.test, s=ed): pass
signature 2 (a=rsa-sha256, d=example.test, s=rsa): pass

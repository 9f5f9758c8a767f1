--TEST--
DKIM: the transport's dkim option signs a message with a streamed file attachment, and both signatures verify after delivery
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
$signers = [
    new MailBridge\DkimSigner(['domain' => 'example.test', 'selector' => 'rsa', 'private_key' => $rsaKey['pem']]),
    new MailBridge\DkimSigner(['domain' => 'example.test', 'selector' => 'ed', 'private_key' => $edKey['pem'],
        'algorithm' => 'ed25519-sha256']),
];

$file = "$directory/report.bin";
file_put_contents($file, random_bytes(300000));
$user = mb_env('MAILBRIDGE_TEST_USER');
$token = mb_unique_token();
$message = (new MailBridge\Message())
    ->from("CRM <$user>")
    ->to($user)
    ->subject("DKIM transport $token")
    ->text("Signed by the transport.\ntoken $token\n")
    ->html("<p>Signed by the transport.</p>")
    ->listUnsubscribe('https://crm.example.test/u/1', null)
    ->attachFromPath($file);

$lines = [];
$transport = new MailBridge\SmtpTransport(live_options([
    'dkim' => $signers,
    'logger' => function (string $line) use (&$lines) { $lines[] = $line; },
]));
$result = $transport->send($message);
var_dump($result->status);

// The size announced with MAIL FROM covers the message and both signatures.
$mail = array_values(preg_grep('/^C: MAIL FROM:/', $lines))[0];
preg_match('/SIZE=(\d+)/', $mail, $size);
$sent = preg_grep('/^C: <message, \d+ bytes>$/', $lines);
preg_match('/(\d+) bytes/', reset($sent), $bytes);
var_dump((int) $size[1] === (int) $bytes[1]);
// What went out is the message as toString() shows it, with the two
// DKIM-Signature fields in front.
var_dump((int) $bytes[1] > strlen($message->toString()) + 200);

$delivered = mb_wait_for_message($token);
echo dkim_verify($delivered, $records), "\n";
dkim_remove_tree($directory);

try {
    new MailBridge\SmtpTransport(live_options(['dkim' => ['not a signer']]));
} catch (TypeError $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECT--
string(4) "sent"
bool(true)
bool(true)
signature 1 (a=rsa-sha256, d=example.test, s=rsa): pass
signature 2 (a=ed25519-sha256, d=example.test, s=ed): pass
MailBridge\SmtpTransport option "dkim" must contain only MailBridge\DkimSigner objects, string given

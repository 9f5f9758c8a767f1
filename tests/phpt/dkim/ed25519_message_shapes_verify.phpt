--TEST--
DKIM: Ed25519 signatures verify on text, HTML, attachment, non-ASCII and long folded messages
--SKIPIF--
<?php require __DIR__ . '/dkim.inc'; dkim_skip_without_tools(); ?>
--FILE--
<?php
require __DIR__ . '/dkim.inc';
$directory = dkim_temp_dir();
$key = dkim_generate_key($directory, 'ed25519');
$records = ['ed._domainkey.example.com' => $key['record']];
$signer = new MailBridge\DkimSigner([
    'domain' => 'example.com',
    'selector' => 'ed',
    'private_key' => $key['pem'],
    'algorithm' => 'ed25519-sha256',
]);

function base_message(): MailBridge\Message
{
    return (new MailBridge\Message())->from('CRM <crm@example.com>')->to('customer@example.org');
}

$attachment = $directory . '/terms.bin';
file_put_contents($attachment, random_bytes(5000));
$recipients = [];
for ($i = 1; $i <= 12; $i++) {
    $recipients[] = "Recipient Number $i <recipient.number.$i@example.org>";
}

$shapes = [
    'text' => base_message()->subject('Plain')->text("Line one\nLine two\n"),
    'html and text' => base_message()->subject('Both')->text("Plain part\n")->html('<p>HTML <b>part</b></p>'),
    'attachments' => base_message()->subject('Files')->text("See attached\n")
        ->attach("a,b\r\nä,ö\r\n", 'report ä.csv', 'text/csv')->attachFromPath($attachment),
    'non-ASCII subject and body' => base_message()->subject('Grüße aus Köln – Angebot №42')
        ->text("Sehr geehrte Damen und Herren,\nanbei das Angebot für Müller & Söhne.\n"),
    'long folded headers' => base_message()->to(...$recipients)
        ->cc('Team With A Rather Long Display Name For Folding <team.with.long.name@example.com>')
        ->subject(str_repeat('A subject that goes on and on ', 8))
        ->replyTo('support@example.com')
        ->header('References', implode(' ', array_map(fn ($i) => "<ref$i.abcdefgh@example.com>", range(1, 10))))
        ->text(str_repeat('A long body line without any break at all. ', 40) . "\n"),
];

foreach ($shapes as $name => $message) {
    $signed = $signer->sign($message);
    echo "$name: ", dkim_verify($signed, $records), "\n";
}

$long = $signer->sign($shapes['long folded headers']);
$field = dkim_signature_field($long);
echo dkim_tag($field, 'h'), "\n";
?>
--EXPECT--
text: signature 1 (a=ed25519-sha256, d=example.com, s=ed): pass
html and text: signature 1 (a=ed25519-sha256, d=example.com, s=ed): pass
attachments: signature 1 (a=ed25519-sha256, d=example.com, s=ed): pass
non-ASCII subject and body: signature 1 (a=ed25519-sha256, d=example.com, s=ed): pass
long folded headers: signature 1 (a=ed25519-sha256, d=example.com, s=ed): pass
from:to:cc:subject:date:message-id:mime-version:content-type:reply-to:references

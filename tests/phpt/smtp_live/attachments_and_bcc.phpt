--TEST--
MIME: attachments from a string and a file arrive intact, and Bcc never appears in the headers
--SKIPIF--
<?php require __DIR__ . '/live.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/live.inc';
$transport = new MailBridge\SmtpTransport(live_options());
$token = mb_unique_token();
$file = tempnam(sys_get_temp_dir(), 'mb-attach');
$fileBytes = random_bytes(3000);
file_put_contents($file, $fileBytes);
$stringBytes = "col1,col2\r\nä,ö\r\n";

$message = (new MailBridge\Message())
    ->from(mb_env('MAILBRIDGE_TEST_USER'))
    ->to(mb_env('MAILBRIDGE_TEST_USER2'))
    ->bcc(mb_env('MAILBRIDGE_TEST_USER'))
    ->subject("Attachments $token ü")
    ->text("See the attachments, token $token")
    ->html("<p>See the attachments, token $token</p>")
    ->attach($stringBytes, 'report ä.csv', 'text/csv')
    ->attachFromPath($file, 'data.bin');
$result = $transport->send($message);
var_dump(count($result->accepted));
unlink($file);

$raw = mb_wait_for_message($token);
var_dump(live_header($raw, 'Bcc'));
var_dump(str_contains($raw, 'multipart/mixed'));
var_dump(str_contains($raw, 'multipart/alternative'));
// Each attachment's base64 body decodes to the original bytes.
preg_match_all('/Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*\r?\n((?:[A-Za-z0-9+\/=]+\r?\n)+)/', $raw, $parts);
$decoded = array_map(fn ($body) => base64_decode(preg_replace('/\s+/', '', $body)), $parts[1]);
var_dump(in_array($fileBytes, $decoded, true));
var_dump(in_array($stringBytes, $decoded, true));
var_dump(str_contains($raw, "filename*=UTF-8''report%20%C3%A4.csv") || str_contains($raw, "filename*=utf-8''report%20%C3%A4.csv"));
$longest = max(array_map('strlen', preg_split('/\r?\n/', $raw)));
var_dump($longest <= 998);
?>
--EXPECT--
int(2)
NULL
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)

--TEST--
Fake SMTP: CR, LF, NUL and angle brackets in addresses raise ValueError before any command reaches the server
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('greet_and_record');
$options = mb_fake_options($server, [
    'security' => 'none',
    'tls' => null,
    'username' => null,
    'password' => null,
]);
$transport = new MailBridge\SmtpTransport($options);
$raw = "Subject: x\r\n\r\nbody\r\n";
$cases = [
    'envelope recipient with CRLF' => fn () => $transport->send($raw, new MailBridge\Envelope(MB_FAKE_SENDER, ["victim@example.test>\r\nRCPT TO:<attacker@example.test"])),
    'envelope recipient with LF' => fn () => $transport->send($raw, new MailBridge\Envelope(MB_FAKE_SENDER, ["victim@example.test\nRCPT TO:<attacker@example.test>"])),
    'envelope sender with NUL' => fn () => $transport->send($raw, new MailBridge\Envelope("a@example.test\0attacker", [MB_FAKE_RECIPIENT])),
    'envelope sender with >' => fn () => $transport->send($raw, new MailBridge\Envelope('a@example.test> SIZE=1', [MB_FAKE_RECIPIENT])),
    'message recipient with CRLF' => fn () => $transport->send(mb_fake_message("victim@example.test>\r\nRCPT TO:<attacker@example.test")),
    'message sender with CRLF' => fn () => $transport->send(mb_fake_message()->from("a@example.test>\r\nRCPT TO:<attacker@example.test")),
    'client name with CRLF' => fn () => new MailBridge\SmtpTransport(['client_name' => "client.test\r\nMAIL FROM:<attacker@example.test>"] + $options),
];
foreach ($cases as $name => $case) {
    try {
        $case();
        echo "$name: accepted\n";
    } catch (ValueError $e) {
        echo "$name: ValueError\n";
    } catch (Throwable $e) {
        echo "$name: ", get_class($e), ' ', $e->getMessage(), "\n";
    }
}
$transport->close();
$server->stop();

$transcript = $server->transcript();
echo 'MAIL or RCPT sent: ', var_export((bool) preg_match('/^(MAIL|RCPT)/mi', $transcript), true), "\n";
echo 'attacker address sent: ', var_export(str_contains($transcript, 'attacker'), true), "\n";
?>
--EXPECT--
envelope recipient with CRLF: ValueError
envelope recipient with LF: ValueError
envelope sender with NUL: ValueError
envelope sender with >: ValueError
message recipient with CRLF: ValueError
message sender with CRLF: ValueError
client name with CRLF: ValueError
MAIL or RCPT sent: false
attacker address sent: false

--TEST--
Fake SMTP: every line that starts with a dot gets one more, at the first byte and across write boundaries
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

function compare_content(string $label, ?string $received, string $expected): void
{
    if ($received === $expected) {
        echo "$label: identical\n";
        return;
    }
    if ($received === null) {
        echo "$label: not received\n";
        return;
    }
    $offset = strspn($received ^ $expected, "\0");
    printf("%s: differs at offset %d of %d (expected %d bytes): received %s, expected %s\n",
        $label, $offset, strlen($received), strlen($expected),
        json_encode(substr($received, max(0, $offset - 8), 24)), json_encode(substr($expected, max(0, $offset - 8), 24)));
}

// The first byte is a dot, then "..", a lone "." and ".hidden", and no final CRLF.
$small = ".first byte is a dot\r\n..\r\n.\r\n.hidden\r\nend";

// About 300 KB with a line starting with a dot at every multiple of 1024 bytes
// of the input, and dot lines of every length from 1 to 97 between them, so
// that some dot falls on whatever write boundaries the client uses.
$large = '';
for ($line = 0; strlen($large) < 300_000; $line++) {
    $boundary = (intdiv(strlen($large), 1024) + 1) * 1024;
    $large .= str_repeat('x', $boundary - strlen($large) - 2) . "\r\n";
    $large .= ".hidden line $line\r\n";
    for ($length = 1; $length <= 97 && strlen($large) + $length + 2 < $boundary + 1000; $length += 13) {
        $large .= '.' . str_repeat('d', $length - 1) . "\r\n";
    }
    $large .= ($line % 2 ? "..\r\n" : ".\r\n");
}

$server = mb_fake_server('dot_stuffing');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, [
    'security' => 'none',
    'tls' => null,
    'username' => null,
    'password' => null,
]));
$envelope = new MailBridge\Envelope(MB_FAKE_SENDER, [MB_FAKE_RECIPIENT]);
echo 'small: ', $transport->send($small, $envelope)->replyCode, "\n";
echo 'large: ', $transport->send($large, $envelope)->replyCode, "\n";
$transport->close();
$server->transcript();

compare_content('small content', $server->messageContent(1, 1), ".." . "first byte is a dot\r\n...\r\n..\r\n..hidden\r\nend\r\n");
compare_content('large content', $server->messageContent(1, 2), mb_fake_expected_content($large));
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
small: 250
large: 250
small content: identical
large content: identical
problems: none

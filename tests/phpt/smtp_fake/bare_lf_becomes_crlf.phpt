--TEST--
Fake SMTP: bare LF and bare CR in a raw message reach the server as CRLF, and "\n.\n" is stuffed
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

// The server answers 421 4.5.0 Bare linefeed (LF) not allowed to a bare CR or LF.
$server = mb_fake_server('bare_lf_rejected');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, [
    'security' => 'none',
    'tls' => null,
    'username' => null,
    'password' => null,
]));
$envelope = new MailBridge\Envelope(MB_FAKE_SENDER, [MB_FAKE_RECIPIENT]);
$cases = [
    "Subject: x\n\nline one\nline two\n" => "Subject: x\r\n\r\nline one\r\nline two\r\n",
    "Subject: y\r\n\r\nbare\rcarriage\n.\nreturn" => "Subject: y\r\n\r\nbare\r\ncarriage\r\n..\r\nreturn\r\n",
];
$index = 0;
foreach ($cases as $raw => $expected) {
    $index++;
    try {
        echo "message $index: ", $transport->send($raw, $envelope)->replyCode, "\n";
    } catch (MailBridge\TransportException $e) {
        echo "message $index failed: ", $e->getReplyCode(), ' ', $e->getServerText(), "\n";
    }
}
$transport->close();
$server->transcript();

$index = 0;
foreach ($cases as $raw => $expected) {
    $index++;
    $received = $server->messageContent(1, $index);
    echo "content $index: ", $received === $expected ? 'identical' : 'received ' . json_encode($received), "\n";
}
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
message 1: 250
message 2: 250
content 1: identical
content 2: identical
problems: none

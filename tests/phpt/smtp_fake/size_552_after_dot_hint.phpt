--TEST--
Fake SMTP: 552 5.3.4 in reply to the final dot is a permanent rejection with a size hint
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('size_552_after_dot');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, [
    'security' => 'none',
    'tls' => null,
    'username' => null,
    'password' => null,
]));
try {
    $transport->send(mb_fake_message());
    echo "sent\n";
} catch (MailBridge\TransportException $e) {
    mb_print_exception($e);
    echo 'server text kept: ', var_export(str_contains((string) $e->getServerText(), 'Message size exceeds fixed maximum message size'), true), "\n";
    echo 'hint mentions the size: ', var_export((bool) preg_match('/size|larger/i', (string) $e->getHint()), true), "\n";
}
$transport->close();

echo implode("\n", $server->commands()), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
class: MailBridge\ServerReplyException
stage: after-dot
code: 552
enhanced: '5.3.4'
command: 'DATA'
transient: false
server text kept: true
hint mentions the size: true
1 EHLO client.test
1 MAIL FROM:<a@example.test>
1 RCPT TO:<b@example.test>
1 DATA
1 QUIT
problems: none

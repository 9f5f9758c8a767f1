--TEST--
Fake SMTP: after a rejected recipient, RSET comes before the next message on the same connection
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('rset_after_failed_transaction');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, [
    'security' => 'none',
    'tls' => null,
    'username' => null,
    'password' => null,
]));
try {
    $transport->send(mb_fake_message('gone@example.test'));
    echo "sent\n";
} catch (MailBridge\TransportException $e) {
    mb_print_exception($e);
    echo 'server text kept: ', var_export(str_contains((string) $e->getServerText(), 'User unknown'), true), "\n";
}
$result = $transport->send(mb_fake_message());
echo 'second message: ', $result->replyCode, ' ', $result->queueId, "\n";
$transport->close();

echo implode("\n", $server->commands()), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
class: MailBridge\ServerReplyException
stage: rcpt
code: 550
enhanced: '5.1.1'
command: 'RCPT'
transient: false
server text kept: true
second message: 250 FAKE2
1 EHLO client.test
1 MAIL FROM:<a@example.test>
1 RCPT TO:<gone@example.test>
1 RSET
1 MAIL FROM:<a@example.test>
1 RCPT TO:<b@example.test>
1 DATA
1 QUIT
problems: none

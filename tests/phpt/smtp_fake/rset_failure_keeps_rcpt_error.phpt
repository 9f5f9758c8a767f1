--TEST--
Fake SMTP: a failed RSET drops the connection and never replaces the RCPT error
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('rset_failure_after_rejection');
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
}
echo 'connected after the failed RSET: ', var_export($transport->isConnected(), true), "\n";
$result = $transport->send(mb_fake_message());
echo 'second message: ', $result->replyCode, ' ', $result->queueId, "\n";
$transport->close();

echo implode("\n", mb_fake_without_quit($server->commands())), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
class: MailBridge\ServerReplyException
stage: rcpt
code: 550
enhanced: '5.1.1'
command: 'RCPT'
transient: false
connected after the failed RSET: false
second message: 250 FAKE2
1 EHLO client.test
1 MAIL FROM:<a@example.test>
1 RCPT TO:<gone@example.test>
1 RSET
2 EHLO client.test
2 MAIL FROM:<a@example.test>
2 RCPT TO:<b@example.test>
2 DATA
problems: none

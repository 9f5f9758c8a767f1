--TEST--
Fake SMTP: a connection closed right after the final dot gives an unknown outcome, not a failure
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('drop_after_dot');
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
    echo 'class: ', get_class($e), "\n";
    echo 'stage: ', $e->getStage(), "\n";
    echo 'code: ', $e->getReplyCode(), "\n";
}
echo 'connected: ', var_export($transport->isConnected(), true), "\n";
$transport->close();

echo implode("\n", $server->commands()), "\n";
echo 'message received whole: ', var_export($server->messageContent() !== null, true), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
class: MailBridge\UnknownOutcomeException
stage: after-dot
code: 0
connected: false
1 EHLO client.test
1 MAIL FROM:<a@example.test>
1 RCPT TO:<b@example.test>
1 DATA
message received whole: true
problems: none

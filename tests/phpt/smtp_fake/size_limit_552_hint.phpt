--TEST--
Fake SMTP: a message over the advertised SIZE fails at MAIL with a size hint, and never reaches DATA
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

// The server advertises SIZE 1000 and answers every MAIL with 552 5.3.4.
$server = mb_fake_server('size_limit_552');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, [
    'security' => 'none',
    'tls' => null,
    'username' => null,
    'password' => null,
]));
$message = mb_fake_message()->text(str_repeat("0123456789abcdef\r\n", 300));
try {
    $transport->send($message);
    echo "sent\n";
} catch (MailBridge\TransportException $e) {
    echo 'class: ', get_class($e), "\n";
    echo 'stage: ', $e->getStage(), "\n";
    echo 'transient: ', var_export($e->isTransient(), true), "\n";
    echo 'hint mentions the size: ', var_export((bool) preg_match('/size|larger/i', (string) $e->getHint()), true), "\n";
    $code = $e->getReplyCode();
}
$transport->close();

$commands = mb_fake_without_quit($server->commands(withParameters: true));
$mailSent = (bool) preg_grep('/^1 MAIL /', $commands);
// The client may check SIZE itself (no MAIL, code 0) or send MAIL and get the server's 552.
if ($mailSent) {
    echo 'reported: ', $code === 552 && $e->getEnhancedStatus() === '5.3.4' && str_contains((string) $e->getServerText(), 'Message size exceeds fixed limit') ? 'the server reply' : 'something else', "\n";
} else {
    echo 'reported: ', $code === 0 ? 'the server reply' : 'something else', "\n";
}
echo 'RCPT or DATA sent: ', var_export((bool) preg_grep('/^1 (RCPT|DATA)/', $commands), true), "\n";
echo 'MAIL declares the size: ', var_export(!$mailSent || (bool) preg_grep('/^1 MAIL FROM:<a@example\.test> .*SIZE=\d{4,}/i', $commands), true), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
class: MailBridge\ServerReplyException
stage: mail
transient: false
hint mentions the size: true
reported: the server reply
RCPT or DATA sent: false
MAIL declares the size: true
problems: none

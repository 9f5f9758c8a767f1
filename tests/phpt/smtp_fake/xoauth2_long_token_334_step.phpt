--TEST--
Fake SMTP: an XOAUTH2 response over 512 octets goes on its own line after "AUTH XOAUTH2" and 334
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('xoauth2_long_token');
$token = 'ya29.' . str_repeat('fakeTokenPart-', 56);
$response = base64_encode('user=' . MB_FAKE_USER . "\x01auth=Bearer " . $token . "\x01\x01");
echo 'inline command would exceed 512 octets: ', var_export(strlen("AUTH XOAUTH2 $response\r\n") > 512, true), "\n";

$transport = new MailBridge\SmtpTransport(mb_fake_options($server, [
    'security' => 'none',
    'allow_plaintext_auth' => true,
    'password' => null,
    'oauth_token' => $token,
]));
$result = $transport->send(mb_fake_message());
echo 'reply: ', $result->replyCode, ' ', $result->queueId, "\n";
$transport->close();

foreach ($server->commands() as $line) {
    echo $line === "1 $response" ? '1 <XOAUTH2 response>' : $line, "\n";
}
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
inline command would exceed 512 octets: true
reply: 250 FAKE1
1 EHLO client.test
1 AUTH XOAUTH2
1 <XOAUTH2 response>
1 MAIL FROM:<a@example.test>
1 RCPT TO:<b@example.test>
1 DATA
1 QUIT
problems: none

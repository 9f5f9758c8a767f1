--TEST--
Fake SMTP: CRAM-MD5 rejected with 535, the next preferred mechanism LOGIN is tried and works
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('cram_md5_rejected_login_works');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, [
    'security' => 'none',
    'allow_plaintext_auth' => true,
    'auth_mechanisms' => ['CRAM-MD5', 'LOGIN', 'PLAIN'],
]));
echo 'reply: ', $transport->send(mb_fake_message())->replyCode, "\n";
$transport->close();

// The server checks the CRAM-MD5 digest and the LOGIN credentials; a wrong one is a problem.
echo implode("\n", mb_fake_without_sasl($server->commands())), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
reply: 250
1 EHLO client.test
1 AUTH CRAM-MD5
1 AUTH LOGIN
1 MAIL FROM:<a@example.test>
1 RCPT TO:<b@example.test>
1 DATA
1 QUIT
problems: none

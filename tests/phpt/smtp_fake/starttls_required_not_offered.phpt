--TEST--
Fake SMTP: with security "starttls" and a server that offers AUTH but no STARTTLS, no credentials are sent
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('auth_plaintext_offered');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server));
try {
    $transport->send(mb_fake_message());
    echo "sent\n";
} catch (MailBridge\TransportException $e) {
    mb_print_exception($e);
    echo 'message names STARTTLS: ', var_export(stripos($e->getMessage(), 'STARTTLS') !== false, true), "\n";
}
$transport->close();

echo implode("\n", mb_fake_without_quit($server->commands())), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
class: MailBridge\TlsException
stage: tls
code: 0
enhanced: NULL
command: NULL
transient: false
message names STARTTLS: true
1 EHLO client.test
problems: none

--TEST--
Fake SMTP: 454 in reply to a required STARTTLS fails the session with that reply, transient
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('starttls_454');
$transport = new MailBridge\SmtpTransport(mb_fake_options($server));
try {
    $transport->send(mb_fake_message());
    echo "sent\n";
} catch (MailBridge\TransportException $e) {
    mb_print_exception($e);
    echo 'server text kept: ', var_export(str_contains((string) $e->getServerText(), 'TLS not available due to local problem'), true), "\n";
}
$transport->close();

// No credentials and no message may go out in plaintext.
echo implode("\n", mb_fake_without_quit($server->commands())), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
class: MailBridge\TlsException
stage: tls
code: 454
enhanced: '4.7.0'
command: 'STARTTLS'
transient: true
server text kept: true
1 EHLO client.test
1 STARTTLS
problems: none

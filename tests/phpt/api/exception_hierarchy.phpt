--TEST--
Exceptions: every transport exception implements MailBridge\Exception and extends RuntimeException
--FILE--
<?php
foreach (['Connection', 'Tls', 'Authentication', 'ServerReply', 'Unsupported', 'Protocol', 'UnknownOutcome'] as $name) {
    $class = "MailBridge\\{$name}Exception";
    $r = new ReflectionClass($class);
    printf("%s %d %d %d\n", $class, $r->isSubclassOf(MailBridge\Exception::class),
        $r->isSubclassOf(MailBridge\TransportException::class), $r->isSubclassOf(RuntimeException::class));
}
$t = new MailBridge\SmtpTransport(['host' => '127.0.0.1', 'port' => 9, 'security' => 'none', 'timeout' => 2.0]);
try {
    $t->send("Subject: x\r\n\r\nbody\r\n", new MailBridge\Envelope('a@example.test', ['b@example.test']));
} catch (MailBridge\ConnectionException $e) {
    var_dump($e->getStage(), $e->getReplyCode(), $e->getEnhancedStatus(), $e->isTransient());
    var_dump(str_contains($e->getHint(), '587'));
}
?>
--EXPECT--
MailBridge\ConnectionException 1 1 1
MailBridge\TlsException 1 1 1
MailBridge\AuthenticationException 1 1 1
MailBridge\ServerReplyException 1 1 1
MailBridge\UnsupportedException 1 1 1
MailBridge\ProtocolException 1 1 1
MailBridge\UnknownOutcomeException 1 1 1
string(7) "connect"
int(0)
NULL
bool(true)
bool(true)

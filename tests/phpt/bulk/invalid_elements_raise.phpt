--TEST--
sendMany(): an invalid element raises ValueError naming its position; exceptions from user code propagate
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/bulk.inc';

$server = mb_fake_server('bulk_accept_many');
$transport = new MailBridge\SmtpTransport(mb_bulk_options($server));
$message = mb_bulk_messages(1)[0];
$envelope = new MailBridge\Envelope(MB_FAKE_SENDER, ['m0@example.test']);

$invalid = [
    'an int' => 42,
    'a string alone' => "Subject: x\r\n\r\nbody\r\n",
    'a pair in the wrong order' => [$envelope, "Subject: x\r\n\r\nbody\r\n"],
    'a pair without an Envelope' => ["Subject: x\r\n\r\nbody\r\n", 'b@example.test'],
    'one element' => ["Subject: x\r\n\r\nbody\r\n"],
    'three elements' => ["Subject: x\r\n\r\nbody\r\n", $envelope, $envelope],
    'string keys' => ['raw' => "Subject: x\r\n\r\nbody\r\n", 'envelope' => $envelope],
    'null' => null,
];
foreach ($invalid as $label => $element) {
    try {
        $transport->sendMany([$message, $element]);
        echo "$label: no exception\n";
    } catch (ValueError $e) {
        echo "$label: ", $e->getMessage(), "\n";
    }
}

// From a generator, after some messages have been sent.
$generator = (function () use ($message) {
    for ($i = 0; $i < 5; $i++) {
        yield $message;
    }
    yield new stdClass();
})();
try {
    $transport->sendMany($generator, ['concurrency' => 1]);
    echo "generator: no exception\n";
} catch (ValueError $e) {
    echo 'generator: ', $e->getMessage(), "\n";
}

$throwing = (function () use ($message) {
    yield $message;
    throw new DomainException('generator failed');
})();
try {
    $transport->sendMany($throwing);
} catch (DomainException $e) {
    echo 'generator exception: ', $e->getMessage(), "\n";
}

try {
    $transport->sendMany(mb_bulk_messages(3), ['on_result' => function (): void {
        throw new LengthException('callback failed');
    }]);
} catch (LengthException $e) {
    echo 'on_result exception: ', $e->getMessage(), "\n";
}

// The transport still works afterwards.
$results = $transport->sendMany(mb_bulk_messages(2));
echo 'after the exceptions: ', $results[0]->status, ' ', $results[1]->status, "\n";
// The aborted calls close their connections without QUIT, which the server
// records as problems, so they are not checked here.
$server->stop();
?>
--EXPECT--
an int: MailBridge\SmtpTransport::sendMany(): element 1 must be a MailBridge\Message or a [string, MailBridge\Envelope] pair, int given
a string alone: MailBridge\SmtpTransport::sendMany(): element 1 must be a MailBridge\Message or a [string, MailBridge\Envelope] pair, string given
a pair in the wrong order: MailBridge\SmtpTransport::sendMany(): element 1 must be a MailBridge\Message or a [string, MailBridge\Envelope] pair, array given
a pair without an Envelope: MailBridge\SmtpTransport::sendMany(): element 1 must be a MailBridge\Message or a [string, MailBridge\Envelope] pair, array given
one element: MailBridge\SmtpTransport::sendMany(): element 1 must be a MailBridge\Message or a [string, MailBridge\Envelope] pair, array given
three elements: MailBridge\SmtpTransport::sendMany(): element 1 must be a MailBridge\Message or a [string, MailBridge\Envelope] pair, array given
string keys: MailBridge\SmtpTransport::sendMany(): element 1 must be a MailBridge\Message or a [string, MailBridge\Envelope] pair, array given
null: MailBridge\SmtpTransport::sendMany(): element 1 must be a MailBridge\Message or a [string, MailBridge\Envelope] pair, null given
generator: MailBridge\SmtpTransport::sendMany(): element 5 must be a MailBridge\Message or a [string, MailBridge\Envelope] pair, stdClass given
generator exception: generator failed
on_result exception: callback failed
after the exceptions: sent sent

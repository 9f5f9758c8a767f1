<?php
// Send one message through the local submission port (587) with STARTTLS,
// AUTH and certificate verification, then show it in the Dovecot mailbox.
// scripts/demo runs this after tests/servers/start has set the variables.

function env(string $name): string
{
    $value = getenv($name);
    if ($value === false || $value === '') {
        fwrite(STDERR, "missing $name: run eval \"\$(tests/servers/start)\" first\n");
        exit(1);
    }
    return $value;
}

$transport = new MailBridge\SmtpTransport([
    'host' => env('MAILBRIDGE_TEST_HOST'),
    'port' => (int) env('MAILBRIDGE_TEST_SUBMISSION_PORT'),
    'security' => 'starttls',
    'username' => env('MAILBRIDGE_TEST_USER'),
    'password' => env('MAILBRIDGE_TEST_PASSWORD'),
    'tls' => ['cafile' => env('MAILBRIDGE_TEST_CAFILE')],
    'timeout' => 15.0,
    'logger' => fn (string $line) => print("  $line\n"),
]);

$message = (new MailBridge\Message())
    ->from('mailbridge demo <' . env('MAILBRIDGE_TEST_USER') . '>')
    ->to(env('MAILBRIDGE_TEST_USER'))
    ->subject('Hello from mailbridge ' . date('H:i:s'))
    ->text("This message went through Postfix on port 587 with STARTTLS and AUTH.\n")
    ->html('<p>This message went through <b>Postfix</b> on port 587 with STARTTLS and AUTH.</p>');

echo "Transcript (credentials redacted):\n";
try {
    $result = $transport->send($message);
} catch (MailBridge\TransportException $e) {
    fwrite(STDERR, get_class($e) . " at stage {$e->getStage()}: {$e->getMessage()}\n");
    exit(1);
}
$transport->close();
printf("\nSent: Message-ID <%s>, server reply %d, queue id %s\n", $result->messageId, $result->replyCode,
    $result->queueId ?? '-');

$maildir = env('MAILBRIDGE_TEST_MAILDIR');
$deadline = microtime(true) + 15;
while (microtime(true) < $deadline) {
    foreach (array_merge(glob("$maildir/new/*") ?: [], glob("$maildir/cur/*") ?: []) as $file) {
        $content = (string) @file_get_contents($file);
        if (str_contains($content, '<' . $result->messageId . '>')) {
            echo "\nDelivered to the Dovecot mailbox: $file\n";
            echo "Headers as stored:\n";
            echo preg_replace('/^/m', '  ', explode("\n\n", str_replace("\r\n", "\n", $content), 2)[0]), "\n";
            exit(0);
        }
    }
    usleep(200000);
}
fwrite(STDERR, "the message did not arrive in $maildir within 15 seconds; see the Postfix log\n");
exit(1);

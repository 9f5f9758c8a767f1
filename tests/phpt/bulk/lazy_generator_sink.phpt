--TEST--
sendMany(): 2,000 messages from a generator to smtp-sink are pulled lazily, at most 3 x concurrency ahead
--SKIPIF--
<?php require_once __DIR__ . '/../servers.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require_once __DIR__ . '/../servers.inc';

const MESSAGE_COUNT = 2000;
const CONCURRENCY = 4;

$pulled = 0;
$reported = 0;
$maxLead = 0;
$generator = (function () use (&$pulled, &$reported, &$maxLead) {
    for ($i = 0; $i < MESSAGE_COUNT; $i++) {
        $pulled++;
        $maxLead = max($maxLead, $pulled - $reported);
        yield (new MailBridge\Message())
            ->from('sender@example.test')
            ->to("rcpt$i@example.test")
            ->subject("lazy $i")
            ->text("message $i\n");
    }
})();

$transport = new MailBridge\SmtpTransport([
    'host' => mb_env('MAILBRIDGE_TEST_HOST'),
    'port' => (int) mb_env('MAILBRIDGE_TEST_SINK_PORT'),
    'security' => 'none',
    'timeout' => 15.0,
    'persistent' => false,
    'client_name' => 'client.mailbridge.test',
]);
$seen = [];
$misreported = 0;
$results = $transport->sendMany($generator, [
    'concurrency' => CONCURRENCY,
    'on_result' => function (MailBridge\SendResult $result, int $index) use (&$reported, &$seen, &$misreported): void {
        $reported++;
        $seen[$index] = ($seen[$index] ?? 0) + 1;
        if ($result->accepted !== ["rcpt$index@example.test"]) {
            $misreported++;
        }
    },
]);

echo 'results: ', count($results), "\n";
echo 'sent: ', count(array_filter($results, fn ($result) => $result->status === 'sent')), "\n";
echo 'on_result calls: ', $reported, "\n";
echo 'indexes reported once each: ', var_export(count($seen) === MESSAGE_COUNT && max($seen) === 1, true), "\n";
echo 'results passed with the wrong index: ', $misreported, "\n";
echo 'generator at most 3 x concurrency ahead: ', var_export($maxLead <= 3 * CONCURRENCY, true), "\n";
echo 'generator pulled ahead of the results: ', var_export($maxLead > CONCURRENCY, true), "\n";
?>
--EXPECT--
results: 2000
sent: 2000
on_result calls: 2000
indexes reported once each: true
results passed with the wrong index: 0
generator at most 3 x concurrency ahead: true
generator pulled ahead of the results: true

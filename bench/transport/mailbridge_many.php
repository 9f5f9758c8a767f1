<?php
// Send --count messages with one SmtpTransport::sendMany() call, pulled from
// a generator. --kind=raw sends [string, Envelope] pairs, --kind=message
// sends Message objects with the same body. With --rss_every=N it samples
// VmRSS and the Zend heap after every N results (from on_result).
//   php -d extension=mailbridge.so mailbridge_many.php --port=2600 --count=10000 --concurrency=10

declare(strict_types=1);

require __DIR__ . '/common.php';

$options = bench_options($argv, [
    'host' => '127.0.0.1',
    'port' => 2600,
    'security' => 'none',
    'count' => 10000,
    'concurrency' => 10,
    'kind' => 'raw',
    // 0 keeps each connection for the whole run, like `smtp-source -d`.
    'max_per_connection' => 0,
    'recipient' => TRANSPORT_BENCH_DISCARD_RECIPIENT,
    'rss_every' => 0,
    // 0 passes keep_results => false: results go only to on_result and
    // sendMany() returns counts, so memory stays flat.
    'keep_results' => 1,
]);
bench_require_mailbridge();
if (!in_array($options['kind'], ['raw', 'message'], true)) {
    bench_fail("invalid --kind '{$options['kind']}': expected raw or message");
}

function messages(array $options): Generator
{
    $body = bench_body();
    $envelope = new MailBridge\Envelope(TRANSPORT_BENCH_SENDER, [$options['recipient']]);
    for ($index = 0; $index < $options['count']; $index++) {
        if ($options['kind'] === 'raw') {
            yield [bench_raw_message($body, $options['recipient'], $index), $envelope];
        } else {
            yield (new MailBridge\Message())
                ->from(TRANSPORT_BENCH_SENDER)
                ->to($options['recipient'])
                ->subject(bench_subject($index))
                ->text($body);
        }
    }
}

$samples = [];
$finished = 0;
$sendOptions = [
    'concurrency' => $options['concurrency'],
    'max_messages_per_connection' => $options['max_per_connection'],
    'keep_results' => (bool) $options['keep_results'],
];
if ($options['rss_every'] > 0) {
    $sendOptions['on_result'] = function (MailBridge\SendResult $result, int $index) use (&$samples, &$finished, $options): void {
        $finished++;
        if ($finished % $options['rss_every'] === 0) {
            $samples[] = ['results' => $finished, 'rss_kib' => bench_rss_kib(), 'zend_heap_kib' => intdiv(memory_get_usage(), 1024)];
        }
    };
}

$transport = new MailBridge\SmtpTransport(bench_mailbridge_options($options));
$started = hrtime(true);
$results = $transport->sendMany(messages($options), $sendOptions);
$seconds = (hrtime(true) - $started) / 1e9;

$firstError = null;
if ($options['keep_results']) {
    $statuses = array_count_values(array_map(fn (MailBridge\SendResult $result): string => $result->status, $results));
    foreach ($results as $result) {
        if ($result->error !== null) {
            $firstError = $result->error->getMessage();
            break;
        }
    }
} else {
    $statuses = array_filter($results);
}
bench_report([
    'count' => $options['count'],
    'sent' => $statuses['sent'] ?? 0,
    'statuses' => $statuses,
    'first_error' => $firstError,
    'seconds_in_send_many' => round($seconds, 3),
    'peak_rss_kib' => bench_rss_kib(),
    'samples' => $samples,
]);

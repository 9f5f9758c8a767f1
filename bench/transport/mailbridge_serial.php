<?php
// Send --count raw messages one after another with SmtpTransport::send() on
// one connection.
//   php -d extension=mailbridge.so mailbridge_serial.php --port=2600 --count=10000

declare(strict_types=1);

require __DIR__ . '/common.php';

$options = bench_options($argv, [
    'host' => '127.0.0.1',
    'port' => 2600,
    'security' => 'none',
    'count' => 10000,
    'recipient' => TRANSPORT_BENCH_DISCARD_RECIPIENT,
]);
bench_require_mailbridge();

$transport = new MailBridge\SmtpTransport(bench_mailbridge_options($options));
$envelope = new MailBridge\Envelope(TRANSPORT_BENCH_SENDER, [$options['recipient']]);
$body = bench_body();
$sent = 0;
$started = hrtime(true);
for ($index = 0; $index < $options['count']; $index++) {
    $transport->send(bench_raw_message($body, $options['recipient'], $index), $envelope);
    $sent++;
}
$seconds = (hrtime(true) - $started) / 1e9;
$transport->close();

bench_report(['count' => $options['count'], 'sent' => $sent, 'seconds_in_send' => round($seconds, 3)]);

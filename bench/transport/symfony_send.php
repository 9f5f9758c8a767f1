<?php
// Send --count messages with Symfony Mailer 5.4 (Debian's php-symfony-mailer)
// over one EsmtpTransport connection kept for the whole run, with
// TCP_NODELAY set through the socket stream context.
//   php symfony_send.php --port=2600 --count=1000

declare(strict_types=1);

require __DIR__ . '/common.php';

use Symfony\Component\Mailer\Transport\Smtp\EsmtpTransport;
use Symfony\Component\Mime\Email;

$options = bench_options($argv, [
    'host' => '127.0.0.1',
    'port' => 2600,
    'count' => 1000,
    'first_index' => 0,
    'recipient' => TRANSPORT_BENCH_DISCARD_RECIPIENT,
]);
bench_require_file(SYMFONY_MAILER_AUTOLOAD, 'php-symfony-mailer');

// The third argument false: no implicit TLS. EsmtpTransport still tries
// STARTTLS when the server offers it, and smtp-sink does not.
$transport = new EsmtpTransport($options['host'], $options['port'], false);
$transport->setLocalDomain('bench.example.test');
// The default of 100 would reconnect every 100 messages. One connection for
// the whole run matches the other keep-alive cases.
$transport->setRestartThreshold(PHP_INT_MAX);
$stream = $transport->getStream();
$stream->setTimeout(60);
$stream->setStreamOptions(['socket' => ['tcp_nodelay' => true]]);

$body = bench_body();
$sent = 0;
$started = hrtime(true);
for ($index = $options['first_index']; $index < $options['first_index'] + $options['count']; $index++) {
    $email = (new Email())
        ->from(TRANSPORT_BENCH_SENDER)
        ->to($options['recipient'])
        ->subject(bench_subject($index))
        ->text($body);
    $transport->send($email);
    $sent++;
}
$seconds = (hrtime(true) - $started) / 1e9;
// The destructor sends QUIT, because stop() is private in Symfony Mailer 5.4.
unset($transport);

bench_report(['count' => $options['count'], 'sent' => $sent, 'seconds_sending' => round($seconds, 3)]);

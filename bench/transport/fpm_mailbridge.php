<?php
// One php-fpm request: send one composed message through the submission
// port with STARTTLS and AUTH. The persistent transport takes an idle
// session from the worker's pool when there is one. Prints a JSON line
// with the time spent in the request and the pool counters.

declare(strict_types=1);

require __DIR__ . '/common.php';

$started = hrtime(true);
header('Content-Type: application/json');
$index = (int) ($_GET['n'] ?? 0);
$reply = ['pid' => getmypid(), 'n' => $index];
try {
    $transport = new MailBridge\SmtpTransport(bench_mailbridge_options([
        'host' => bench_env('MAILBRIDGE_TEST_HOST'),
        'port' => (int) bench_env('MAILBRIDGE_TEST_SUBMISSION_PORT'),
        'security' => 'starttls',
    ]));
    $message = (new MailBridge\Message())
        ->from(TRANSPORT_BENCH_SENDER)
        ->to(TRANSPORT_BENCH_DISCARD_RECIPIENT)
        ->subject(bench_subject($index))
        ->text(bench_body());
    $transport->send($message);
    $reply['sent'] = true;
} catch (Throwable $e) {
    $reply['sent'] = false;
    $reply['error'] = get_class($e) . ': ' . $e->getMessage();
}
$reply['ms'] = (hrtime(true) - $started) / 1e6;
$stats = MailBridge\Pool::stats();
$reply['reused'] = array_sum(array_column($stats, 'reused'));
echo json_encode($reply), "\n";

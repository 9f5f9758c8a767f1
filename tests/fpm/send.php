<?php
// One php-fpm request: send one message through the submission port and
// return this worker's pid, the outcome and the pool statistics as JSON.
header('Content-Type: application/json');
$run = $_GET['run'] ?? 'run';
$number = (int) ($_GET['n'] ?? 0);
$reply = ['pid' => getmypid(), 'n' => $number];
try {
    $transport = new MailBridge\SmtpTransport([
        'host' => getenv('MAILBRIDGE_TEST_HOST'),
        'port' => (int) getenv('MAILBRIDGE_TEST_SUBMISSION_PORT'),
        'security' => 'starttls',
        'username' => getenv('MAILBRIDGE_TEST_USER'),
        'password' => getenv('MAILBRIDGE_TEST_PASSWORD'),
        'tls' => ['cafile' => getenv('MAILBRIDGE_TEST_CAFILE')],
        'timeout' => 30.0,
    ]);
    $message = (new MailBridge\Message())
        ->from(getenv('MAILBRIDGE_TEST_USER'))
        ->to(getenv('MAILBRIDGE_TEST_USER2'))
        ->subject("fpm $run-$number")
        ->text("request $number of run $run\n");
    $result = $transport->send($message);
    $reply['status'] = $result->replyCode;
} catch (Throwable $e) {
    $reply['status'] = 'error';
    $reply['error'] = get_class($e) . ': ' . $e->getMessage();
}
$stats = MailBridge\Pool::stats();
$reply['created'] = array_sum(array_column($stats, 'created'));
$reply['reused'] = array_sum(array_column($stats, 'reused'));
echo json_encode($reply), "\n";

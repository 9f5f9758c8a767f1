<?php
// One php-fpm request: send one message with PHPMailer through the
// submission port on a new connection (STARTTLS, AUTH, QUIT), as a PHP
// application without a connection pool does. Prints a JSON line with
// the time spent in the request.

declare(strict_types=1);

require __DIR__ . '/common.php';

use PHPMailer\PHPMailer\PHPMailer;

$started = hrtime(true);
header('Content-Type: application/json');
$index = (int) ($_GET['n'] ?? 0);
$reply = ['pid' => getmypid(), 'n' => $index];
try {
    require_once PHPMAILER_AUTOLOAD;
    $mailer = new PHPMailer(true);
    $mailer->isSMTP();
    $mailer->Host = bench_env('MAILBRIDGE_TEST_HOST');
    $mailer->Port = (int) bench_env('MAILBRIDGE_TEST_SUBMISSION_PORT');
    $mailer->Hostname = 'bench.example.test';
    $mailer->SMTPSecure = PHPMailer::ENCRYPTION_STARTTLS;
    $mailer->SMTPAuth = true;
    $mailer->Username = bench_env('MAILBRIDGE_TEST_USER');
    $mailer->Password = bench_env('MAILBRIDGE_TEST_PASSWORD');
    $mailer->SMTPOptions = ['ssl' => ['cafile' => bench_env('MAILBRIDGE_TEST_CAFILE')]];
    $mailer->setFrom(TRANSPORT_BENCH_SENDER);
    $mailer->addAddress(TRANSPORT_BENCH_DISCARD_RECIPIENT);
    $mailer->Subject = bench_subject($index);
    $mailer->Body = bench_body();
    $mailer->send();
    $reply['sent'] = true;
} catch (Throwable $e) {
    $reply['sent'] = false;
    $reply['error'] = get_class($e) . ': ' . $e->getMessage();
}
$reply['ms'] = (hrtime(true) - $started) / 1e6;
echo json_encode($reply), "\n";

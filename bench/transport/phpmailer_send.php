<?php
// Send --count messages with PHPMailer 6 (Debian's libphp-phpmailer).
// --mode=keepalive: one PHPMailer object and one connection for the whole
//   run (SMTPKeepAlive) with TCP_NODELAY, plain SMTP to --port.
// --mode=fresh: a new PHPMailer object and a new connection per message,
//   with STARTTLS and AUTH as MAILBRIDGE_TEST_USER, SMTPKeepAlive off.
//   php phpmailer_send.php --mode=keepalive --port=2600 --count=1000

declare(strict_types=1);

require __DIR__ . '/common.php';

use PHPMailer\PHPMailer\PHPMailer;

$options = bench_options($argv, [
    'host' => '127.0.0.1',
    'port' => 2600,
    'mode' => 'keepalive',
    'count' => 1000,
    'first_index' => 0,
    'recipient' => TRANSPORT_BENCH_DISCARD_RECIPIENT,
]);
if (!in_array($options['mode'], ['keepalive', 'fresh'], true)) {
    bench_fail("invalid --mode '{$options['mode']}': expected keepalive or fresh");
}
bench_require_file(PHPMAILER_AUTOLOAD, 'libphp-phpmailer');

function new_mailer(array $options): PHPMailer
{
    $mailer = new PHPMailer(true);
    $mailer->isSMTP();
    $mailer->Host = $options['host'];
    $mailer->Port = $options['port'];
    $mailer->Hostname = 'bench.example.test';
    $mailer->Timeout = 60;
    if ($options['mode'] === 'keepalive') {
        $mailer->SMTPKeepAlive = true;
        $mailer->SMTPAutoTLS = false;
        $mailer->SMTPSecure = '';
        $mailer->SMTPAuth = false;
        $mailer->SMTPOptions = ['socket' => ['tcp_nodelay' => true]];
    } else {
        $mailer->SMTPKeepAlive = false;
        $mailer->SMTPSecure = PHPMailer::ENCRYPTION_STARTTLS;
        $mailer->SMTPAuth = true;
        $mailer->Username = bench_env('MAILBRIDGE_TEST_USER');
        $mailer->Password = bench_env('MAILBRIDGE_TEST_PASSWORD');
        $mailer->SMTPOptions = ['ssl' => ['cafile' => bench_env('MAILBRIDGE_TEST_CAFILE')]];
    }
    return $mailer;
}

$body = bench_body();
$mailer = null;
$sent = 0;
$started = hrtime(true);
for ($index = $options['first_index']; $index < $options['first_index'] + $options['count']; $index++) {
    if ($mailer === null || $options['mode'] === 'fresh') {
        $mailer = new_mailer($options);
    }
    $mailer->clearAllRecipients();
    $mailer->setFrom(TRANSPORT_BENCH_SENDER);
    $mailer->addAddress($options['recipient']);
    $mailer->Subject = bench_subject($index);
    $mailer->Body = $body;
    $mailer->send();
    $sent++;
}
$seconds = (hrtime(true) - $started) / 1e9;
if ($options['mode'] === 'keepalive' && $mailer !== null) {
    $mailer->smtpClose();
}

bench_report([
    'count' => $options['count'],
    'sent' => $sent,
    'seconds_sending' => round($seconds, 3),
    'ms_per_message' => round($seconds * 1000 / max(1, $options['count']), 3),
]);

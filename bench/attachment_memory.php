<?php
// Measure the resident memory that a 50 MB file attachment costs: mailbridge
// attachFromPath() followed by toString() or by send() to the local
// smtp-sink, and the same with PHPMailer and Symfony Mime for comparison.
// Each case runs in a fresh PHP process, because the kernel's peak resident
// size (VmHWM) only ever grows within a process. The growth is VmHWM after the
// case minus VmRSS before it; memory_get_peak_usage() would miss the C++
// allocations, which do not go through PHP's allocator.
//
//   eval "$(tests/servers/start)"     # sets MAILBRIDGE_TEST_HOST and MAILBRIDGE_TEST_SINK_PORT
//   php -d extension=/path/to/mailbridge.so bench/attachment_memory.php [MEGABYTES]
//
// MEGABYTES defaults to 50. Without the MAILBRIDGE_TEST_* variables the send
// cases are skipped.

declare(strict_types=1);

require __DIR__ . '/lib.php';

const SEND_TARGET_BYTES = 8 * 1024 * 1024;

/** Read a "VmXXX: N kB" field of /proc/self/status, in bytes. */
function proc_status_bytes(string $field): int
{
    if (!preg_match("/^$field:\\s+(\\d+) kB/m", file_get_contents('/proc/self/status'), $match)) {
        throw new RuntimeException("$field not found in /proc/self/status");
    }
    return (int) $match[1] * 1024;
}

function sink_options(): ?array
{
    $host = getenv('MAILBRIDGE_TEST_HOST');
    $port = getenv('MAILBRIDGE_TEST_SINK_PORT');
    if ($host === false || $port === false) {
        return null;
    }
    return ['host' => $host, 'port' => (int) $port];
}

/** Run one case in this process and print "output_bytes rss_before hwm_after". */
function run_case(string $case, string $path): void
{
    $sink = sink_options();
    $recipient = bench_recipient(1);
    $subject = bench_subject(1);
    $text = "The file is attached.\n";
    $html = "<p>The file is attached.</p>\n";

    // Objects that hold no attachment yet are created before the baseline.
    $transport = null;
    if ($case === 'mailbridge send') {
        $transport = new MailBridge\SmtpTransport(['host' => $sink['host'], 'port' => $sink['port'],
            'security' => 'none', 'timeout' => 120.0]);
    }
    $before = proc_status_bytes('VmRSS');

    $outputBytes = 0;
    switch ($case) {
        case 'mailbridge toString':
        case 'mailbridge send':
            $message = (new MailBridge\Message())->from(BENCH_FROM_ADDRESS)->to($recipient)->subject($subject)
                ->text($text)->html($html)->attachFromPath($path, 'archive.bin', 'application/octet-stream');
            if ($case === 'mailbridge toString') {
                $outputBytes = strlen($message->toString());
            } else {
                $result = $transport->send($message);
                if ($result->replyCode !== 250) {
                    throw new RuntimeException("smtp-sink replied {$result->replyCode} {$result->reply}");
                }
            }
            break;
        case 'phpmailer compose':
        case 'phpmailer send':
            $mailer = new PHPMailer\PHPMailer\PHPMailer(true);
            $mailer->isSMTP();
            if ($sink !== null) {
                $mailer->Host = $sink['host'];
                $mailer->Port = $sink['port'];
            }
            $mailer->SMTPAuth = false;
            $mailer->SMTPAutoTLS = false;
            $mailer->Timeout = 120;
            $mailer->setFrom(BENCH_FROM_ADDRESS);
            $mailer->addAddress($recipient);
            $mailer->Subject = $subject;
            $mailer->isHTML(true);
            $mailer->Body = $html;
            $mailer->AltBody = $text;
            $mailer->addAttachment($path, 'archive.bin', PHPMailer\PHPMailer\PHPMailer::ENCODING_BASE64, 'application/octet-stream');
            if ($case === 'phpmailer compose') {
                $mailer->preSend();
                $outputBytes = strlen($mailer->getSentMIMEMessage());
            } else {
                $mailer->send();
            }
            break;
        case 'symfony toString':
            $email = (new Symfony\Component\Mime\Email())->from(BENCH_FROM_ADDRESS)->to($recipient)->subject($subject)
                ->text($text)->html($html)->attachFromPath($path, 'archive.bin', 'application/octet-stream');
            $outputBytes = strlen($email->toString());
            break;
        default:
            throw new InvalidArgumentException("unknown case '$case'");
    }

    printf("%d %d %d\n", $outputBytes, $before, proc_status_bytes('VmHWM'));
}

/** Return the interpreter and its -d options from this process's command line, to start children alike. */
function php_command_prefix(): array
{
    $arguments = explode("\0", rtrim(file_get_contents('/proc/self/cmdline'), "\0"));
    $script = array_search($_SERVER['SCRIPT_FILENAME'], $arguments, true);
    if ($script === false) {
        throw new RuntimeException('cannot find the script in /proc/self/cmdline');
    }
    return array_slice($arguments, 0, $script);
}

bench_load_peers();

if (($argv[1] ?? '') === '--case') {
    run_case($argv[2], $argv[3]);
    exit(0);
}

$megabytes = bench_message_count($argv, 50);
$path = sys_get_temp_dir() . "/mailbridge-bench-attachment-{$megabytes}mb.bin";
if (!is_file($path) || filesize($path) !== $megabytes * 1024 * 1024) {
    $file = fopen($path, 'wb');
    for ($i = 0; $i < $megabytes; ++$i) {
        fwrite($file, random_bytes(1024 * 1024));
    }
    fclose($file);
}

$cases = ['mailbridge toString', 'phpmailer compose', 'symfony toString'];
if (sink_options() !== null) {
    array_push($cases, 'mailbridge send', 'phpmailer send');
} else {
    echo "send cases skipped: MAILBRIDGE_TEST_HOST and MAILBRIDGE_TEST_SINK_PORT are not set (eval \"\$(tests/servers/start)\")\n";
}

printf("attachment_memory: %d MB file, peak RSS growth = VmHWM after - VmRSS before, one process per case\n", $megabytes);
$prefix = php_command_prefix();
foreach ($cases as $case) {
    $command = array_merge($prefix, [__FILE__, '--case', $case, $path]);
    $start = hrtime(true);
    $process = proc_open($command, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    $output = stream_get_contents($pipes[1]);
    $errors = stream_get_contents($pipes[2]);
    $status = proc_close($process);
    $seconds = (hrtime(true) - $start) / 1e9;
    if ($status !== 0 || !preg_match('/^(\d+) (\d+) (\d+)$/m', $output, $match)) {
        printf("  %-20s failed (exit %d): %s\n", $case, $status, trim($errors . $output));
        continue;
    }
    [, $outputBytes, $before, $peak] = array_map('intval', $match);
    $growth = $peak - $before;
    printf("  %-20s peak RSS growth %7.1f MB  (before %.1f MB, peak %.1f MB)%s  %.2f s%s\n", $case, $growth / 1048576,
        $before / 1048576, $peak / 1048576, $outputBytes > 0 ? sprintf(', output %.1f MB', $outputBytes / 1048576) : '',
        $seconds, str_ends_with($case, 'send') && str_starts_with($case, 'mailbridge')
            ? sprintf('  target <= 8 MB: %s', $growth <= SEND_TARGET_BYTES ? 'met' : 'missed') : '');
}

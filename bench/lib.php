<?php
// Shared content, composers and checks for the benchmarks in this folder.
// Every composer builds the same message: a text body, an HTML body and one
// attachment, with a recipient and subject that change with $index.

declare(strict_types=1);

const BENCH_FROM_ADDRESS = 'sales@example.test';
const BENCH_FROM_NAME = 'Sales Team';
const BENCH_ATTACHMENT_NAME = 'quote.pdf';
const BENCH_ATTACHMENT_TYPE = 'application/pdf';
const PHPMAILER_AUTOLOAD = '/usr/share/php/libphp-phpmailer/autoload.php';
const SYMFONY_MIME_AUTOLOAD = '/usr/share/php/Symfony/Component/Mime/autoload.php';
// Symfony\Component\Mime\Address needs egulias/email-validator, which Debian's
// autoload.php for the Mime component only suggests, so it is loaded here.
const EMAIL_VALIDATOR_AUTOLOAD = '/usr/share/php/Egulias/EmailValidator/autoload.php';

/** Load PHPMailer and Symfony Mime from their Debian packages, or exit with the apt-get command. */
function bench_load_peers(): void
{
    $packages = [
        PHPMAILER_AUTOLOAD => 'libphp-phpmailer',
        SYMFONY_MIME_AUTOLOAD => 'php-symfony-mime',
        EMAIL_VALIDATOR_AUTOLOAD => 'php-email-validator',
    ];
    foreach ($packages as $file => $package) {
        if (!is_file($file)) {
            fwrite(STDERR, "missing $file: run `apt-get install $package` or bench/run\n");
            exit(2);
        }
        require_once $file;
    }
    if (!class_exists(MailBridge\Message::class)) {
        fwrite(STDERR, "the mailbridge extension is not loaded: run with php -d extension=/path/to/mailbridge.so\n");
        exit(2);
    }
}

/** Parse argv[1] as the message count, with $default when it is absent. */
function bench_message_count(array $argv, int $default): int
{
    if (!isset($argv[1])) {
        return $default;
    }
    if (!ctype_digit($argv[1]) || (int) $argv[1] < 1) {
        fwrite(STDERR, "invalid message count '{$argv[1]}': expected a positive integer\n");
        exit(2);
    }
    return (int) $argv[1];
}

/**
 * Return the content shared by every message: 100 KB of attachment bytes
 * (pseudo-random from a fixed seed, so base64 cannot shrink it), a text body
 * and an HTML body of a few KB each, both with non-ASCII characters.
 */
function bench_content(int $attachmentBytes = 100 * 1024): array
{
    mt_srand(20240601);
    $attachment = '';
    while (strlen($attachment) < $attachmentBytes) {
        $attachment .= pack('N', mt_rand());
    }
    $attachment = substr($attachment, 0, $attachmentBytes);

    $text = '';
    $html = "<html><body>\n<h1>Ihr Angebot</h1>\n";
    for ($line = 1; $line <= 30; ++$line) {
        $text .= "Position $line: Beratung und Einrichtung, 1 Stück zu 120,00 € netto.\n";
        $html .= "<p>Position <b>$line</b>: Beratung und Einrichtung, 1 Stück zu 120,00&nbsp;€ netto.</p>\n";
    }
    $text .= "\nMit freundlichen Grüßen\nIhr Vertriebsteam\n";
    $html .= "<p>Mit freundlichen Grüßen<br>Ihr Vertriebsteam</p>\n</body></html>\n";

    return ['attachment' => $attachment, 'text' => $text, 'html' => $html];
}

function bench_recipient(int $index): string
{
    return sprintf('customer%05d@example.org', $index);
}

function bench_subject(int $index): string
{
    return sprintf('Ihr Angebot Q-%05d für Müller GmbH', $index);
}

function compose_mailbridge(array $content, int $index): MailBridge\Message
{
    return (new MailBridge\Message())
        ->from(BENCH_FROM_ADDRESS, BENCH_FROM_NAME)
        ->to(bench_recipient($index))
        ->subject(bench_subject($index))
        ->text($content['text'])
        ->html($content['html'])
        ->attach($content['attachment'], BENCH_ATTACHMENT_NAME, BENCH_ATTACHMENT_TYPE);
}

/**
 * Build a PHPMailer 6.6 message without sending it. With Mailer 'smtp',
 * preSend() runs createBody(), createHeader() and, when DKIM_* is set,
 * DKIM_Add(). That is the work send() does before it opens a connection.
 */
function compose_phpmailer(array $content, int $index, ?array $dkim = null): PHPMailer\PHPMailer\PHPMailer
{
    $mailer = new PHPMailer\PHPMailer\PHPMailer(true);
    $mailer->isSMTP();
    $mailer->CharSet = PHPMailer\PHPMailer\PHPMailer::CHARSET_UTF8;
    $mailer->setFrom(BENCH_FROM_ADDRESS, BENCH_FROM_NAME);
    $mailer->addAddress(bench_recipient($index));
    $mailer->Subject = bench_subject($index);
    $mailer->isHTML(true);
    $mailer->Body = $content['html'];
    $mailer->AltBody = $content['text'];
    $mailer->addStringAttachment($content['attachment'], BENCH_ATTACHMENT_NAME, PHPMailer\PHPMailer\PHPMailer::ENCODING_BASE64, BENCH_ATTACHMENT_TYPE);
    if ($dkim !== null) {
        $mailer->DKIM_domain = $dkim['domain'];
        $mailer->DKIM_selector = $dkim['selector'];
        $mailer->DKIM_private_string = $dkim['private_key'];
    }
    return $mailer;
}

function serialize_phpmailer(PHPMailer\PHPMailer\PHPMailer $mailer): string
{
    $mailer->preSend();
    return $mailer->getSentMIMEMessage();
}

function compose_symfony(array $content, int $index): Symfony\Component\Mime\Email
{
    return (new Symfony\Component\Mime\Email())
        ->from(new Symfony\Component\Mime\Address(BENCH_FROM_ADDRESS, BENCH_FROM_NAME))
        ->to(bench_recipient($index))
        ->subject(bench_subject($index))
        ->text($content['text'])
        ->html($content['html'])
        ->attach($content['attachment'], BENCH_ATTACHMENT_NAME, BENCH_ATTACHMENT_TYPE);
}

/** Return the median of a non-empty list of numbers. */
function bench_median(array $values): float
{
    sort($values);
    $count = count($values);
    $middle = intdiv($count, 2);
    return $count % 2 === 1 ? (float) $values[$middle] : ($values[$middle - 1] + $values[$middle]) / 2.0;
}

/** Split raw message bytes into a lower-cased, unfolded header map and the body. */
function mime_split(string $raw): array
{
    $raw = str_replace("\r\n", "\n", $raw);
    $end = strpos($raw, "\n\n");
    if ($end === false) {
        throw new RuntimeException('no blank line between header and body');
    }
    $headers = [];
    $unfolded = preg_replace('/\n[ \t]+/', ' ', substr($raw, 0, $end));
    foreach (explode("\n", $unfolded) as $line) {
        [$name, $value] = array_pad(explode(':', $line, 2), 2, '');
        $headers[strtolower(trim($name))][] = trim($value);
    }
    return [$headers, substr($raw, $end + 2)];
}

/** Collect the leaf parts of a MIME message, each as [headers, decoded body]. */
function mime_leaf_parts(string $raw): array
{
    [$headers, $body] = mime_split($raw);
    $type = $headers['content-type'][0] ?? 'text/plain';
    if (stripos($type, 'multipart/') === 0) {
        if (!preg_match('/boundary="?([^";]+)"?/i', $type, $match)) {
            throw new RuntimeException("multipart without boundary: $type");
        }
        $delimiter = "\n--" . $match[1];
        $sections = explode($delimiter, "\n" . $body);
        $parts = [];
        // Skip the preamble before the first delimiter and the epilogue after the closing one.
        foreach (array_slice($sections, 1) as $section) {
            if (str_starts_with($section, '--')) {
                break;
            }
            $parts = array_merge($parts, mime_leaf_parts(substr($section, strpos($section, "\n") + 1)));
        }
        return $parts;
    }
    $encoding = strtolower($headers['content-transfer-encoding'][0] ?? '7bit');
    $decoded = match ($encoding) {
        'base64' => base64_decode($body, true),
        'quoted-printable' => quoted_printable_decode($body),
        default => $body,
    };
    if ($decoded === false) {
        throw new RuntimeException('invalid base64 body');
    }
    return [[$headers, $decoded]];
}

/**
 * Check that $raw parses as the benchmark message for $index: expected size
 * range, the first base64 line of the attachment, the recipient, and an
 * attachment part that decodes to the original bytes. Returns a list of
 * problems, empty when the message is plausible.
 */
function bench_check_message(string $raw, array $content, int $index): array
{
    $problems = [];

    $attachmentSize = strlen($content['attachment']);
    // Base64 with 76-character lines and CRLF takes 4/3 * 78/76 of the input.
    $minimumSize = (int) ($attachmentSize * 4 / 3);
    $maximumSize = (int) ($attachmentSize * 4 / 3 * 78 / 76) + 4 * (strlen($content['text']) + strlen($content['html'])) + 8192;
    if (strlen($raw) < $minimumSize || strlen($raw) > $maximumSize) {
        $problems[] = sprintf('size %d outside %d..%d', strlen($raw), $minimumSize, $maximumSize);
    }

    $firstBase64Line = substr(base64_encode($content['attachment']), 0, 76);
    if (!str_contains($raw, $firstBase64Line . "\r\n")) {
        $problems[] = 'first base64 line of the attachment not found';
    }
    if (!str_contains($raw, bench_recipient($index))) {
        $problems[] = 'recipient ' . bench_recipient($index) . ' not found';
    }
    if (preg_match('/(?<!\r)\n/', $raw)) {
        $problems[] = 'bare LF line end';
    }

    try {
        $parts = mime_leaf_parts($raw);
    } catch (RuntimeException $error) {
        return array_merge($problems, ['MIME parse failed: ' . $error->getMessage()]);
    }

    $found = ['attachment' => false, 'text' => false, 'html' => false];
    foreach ($parts as [$headers, $decoded]) {
        $type = strtolower($headers['content-type'][0] ?? '');
        if (str_contains($type, BENCH_ATTACHMENT_TYPE)) {
            $found['attachment'] = $decoded === $content['attachment'];
        } elseif (str_starts_with($type, 'text/plain')) {
            $found['text'] = str_contains(str_replace("\r\n", "\n", $decoded), 'Mit freundlichen Grüßen');
        } elseif (str_starts_with($type, 'text/html')) {
            $found['html'] = str_contains($decoded, '<p>Position <b>30</b>');
        }
    }

    foreach ($found as $part => $ok) {
        if (!$ok) {
            $problems[] = "$part part missing or not decoding to the original";
        }
    }
    return $problems;
}

<?php
// Generator of the benchmark messages. Message $index is built from its own
// seed, so the same index always gives the same bytes and flags.

declare(strict_types=1);

require_once __DIR__ . '/lib.php';

const CORPUS_FIRST_NAMES = ['Anna', 'Jörg', 'Marie', 'Lukas', 'Zoë', 'Pierre', 'Søren', 'Ana', 'Tomás', 'Emily', 'Chen', 'Olga'];
const CORPUS_LAST_NAMES = ['Müller', 'Schmidt', 'Dubois', 'García', 'Nowak', 'Jensen', 'Rossi', 'Smith', 'Öztürk', 'Kowalski'];
const CORPUS_DOMAINS = ['example.org', 'example.com', 'kunde.example', 'partner.example.net'];
const CORPUS_TOPICS = ['Angebot', 'Rechnung', 'Lieferung', 'Support-Anfrage', 'Termin', 'Vertrag', 'Reklamation', 'Newsletter'];
const CORPUS_WORDS = ['Beratung', 'Einrichtung', 'Lizenz', 'Wartung', 'Schulung', 'Stück', 'netto', 'Lieferzeit', 'Zahlungsziel',
    'invoice', 'delivery', 'meeting', 'contract', 'support', 'ticket', 'update', 'über', 'für', 'Grüße', 'bitte'];

/** Pick one element of $list with mt_rand. */
function corpus_pick(array $list): string
{
    return $list[mt_rand(0, count($list) - 1)];
}

/** Return $bytes of text: lines of words, with German and ASCII words mixed. */
function corpus_text(int $bytes): string
{
    $text = '';
    while (strlen($text) < $bytes) {
        $line = [];
        for ($word = mt_rand(6, 12); $word > 0; --$word) {
            $line[] = corpus_pick(CORPUS_WORDS);
        }
        $text .= ucfirst(implode(' ', $line)) . ".\r\n";
    }
    return $text;
}

/** Return $bytes of pseudo-random bytes from mt_rand, which base64 cannot shrink. */
function corpus_binary(int $bytes): string
{
    $data = '';
    while (strlen($data) < $bytes) {
        $data .= pack('N', mt_rand());
    }
    return substr($data, 0, $bytes);
}

/** Return a name and address pair, the name RFC 2047 encoded when it is not ASCII. */
function corpus_mailbox(): string
{
    $first = corpus_pick(CORPUS_FIRST_NAMES);
    $last = corpus_pick(CORPUS_LAST_NAMES);
    $name = "$first $last";
    $local = strtolower(iconv('UTF-8', 'ASCII//TRANSLIT', $first) . '.' . iconv('UTF-8', 'ASCII//TRANSLIT', $last));
    $local = preg_replace('/[^a-z.]/', '', $local);
    $display = preg_match('/[\x80-\xff]/', $name) ? '=?UTF-8?B?' . base64_encode($name) . '?=' : '"' . $name . '"';
    return $display . ' <' . $local . '@' . corpus_pick(CORPUS_DOMAINS) . '>';
}

function corpus_text_part(string $text): string
{
    return "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        . quoted_printable_encode($text) . "\r\n";
}

function corpus_html_part(string $text): string
{
    $html = "<html><body>\r\n<p>" . str_replace("\r\n", "</p>\r\n<p>", htmlspecialchars($text)) . "</p>\r\n</body></html>\r\n";
    return "Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        . quoted_printable_encode($html) . "\r\n";
}

function corpus_attachment_part(string $data, string $filename, string $type): string
{
    return "Content-Type: $type; name=\"$filename\"\r\nContent-Transfer-Encoding: base64\r\n"
        . "Content-Disposition: attachment; filename=\"$filename\"\r\n\r\n"
        . chunk_split(base64_encode($data), 76, "\r\n");
}

/** Join parts into a multipart/$subtype entity: its Content-Type line, a blank line and the body. */
function corpus_multipart(string $subtype, array $parts, string $boundary): string
{
    $body = "Content-Type: multipart/$subtype; boundary=\"$boundary\"\r\n\r\n";
    foreach ($parts as $part) {
        $body .= "--$boundary\r\n$part";
    }
    return $body . "--$boundary--\r\n";
}

/**
 * Build message $index (1-based) of the corpus. Returns the raw message, its
 * flags and its internal date. The mix: 55% text/plain, 25%
 * multipart/alternative, 15% multipart/mixed with one or two attachments of
 * 10 to 150 KB, 5% multipart/mixed with a forwarded message/rfc822.
 */
function corpus_message(int $index): array
{
    mt_srand(IMAP_BENCH_SEED + $index);
    $topic = corpus_pick(CORPUS_TOPICS);
    $subject = sprintf('%s Nr. %05d: %s', $topic, $index, corpus_pick(CORPUS_WORDS));
    if (mt_rand(0, 3) === 0) {
        $subject = '=?UTF-8?Q?' . str_replace(' ', '_', quoted_printable_encode("AW: $subject")) . '?=';
    }
    $date = 1767225600 + $index * 600;
    $headers = 'From: ' . corpus_mailbox() . "\r\n"
        . 'To: ' . corpus_mailbox() . "\r\n"
        . (mt_rand(0, 4) === 0 ? 'Cc: ' . corpus_mailbox() . ', ' . corpus_mailbox() . "\r\n" : '')
        . "Subject: $subject\r\n"
        . 'Date: ' . gmdate('D, d M Y H:i:s +0000', $date) . "\r\n"
        . sprintf("Message-ID: <bench.%05d.%08x@example.test>\r\n", $index, mt_rand())
        . ($index > 1 && mt_rand(0, 2) === 0 ? sprintf("In-Reply-To: <bench.%05d@example.test>\r\n", $index - 1) : '')
        . 'X-Bench-Corpus: ' . IMAP_BENCH_CORPUS_VERSION . sprintf('; %d/%d', $index, IMAP_BENCH_MESSAGE_COUNT) . "\r\n"
        . "MIME-Version: 1.0\r\n";

    $text = corpus_text(mt_rand(500, 8000));
    $kind = mt_rand(1, 100);
    $boundary = sprintf('=_bench_%05d', $index);
    if ($kind <= 55) {
        $body = corpus_text_part($text);
    } elseif ($kind <= 80) {
        $body = corpus_multipart('alternative', [corpus_text_part($text), corpus_html_part($text)], $boundary);
    } elseif ($kind <= 95) {
        $parts = [corpus_multipart('alternative', [corpus_text_part($text), corpus_html_part($text)], $boundary . '_alt')];
        for ($count = mt_rand(1, 2); $count > 0; --$count) {
            $parts[] = corpus_attachment_part(corpus_binary(mt_rand(10, 150) * 1024), sprintf('Anlage-%05d-%d.pdf', $index, $count), 'application/pdf');
        }
        $body = corpus_multipart('mixed', $parts, $boundary);
    } else {
        $forwarded = "From: " . corpus_mailbox() . "\r\nSubject: Weitergeleitet\r\nMIME-Version: 1.0\r\n"
            . corpus_text_part(corpus_text(mt_rand(300, 3000)));
        $body = corpus_multipart('mixed', [corpus_text_part($text),
            "Content-Type: message/rfc822\r\nContent-Disposition: inline\r\n\r\n$forwarded"], $boundary);
    }

    $flags = [];
    $roll = mt_rand(1, 100);
    if ($roll <= 40) {
        $flags[] = '\Seen';
    }
    if ($roll <= 3) {
        $flags[] = '\Answered';
    }
    if (mt_rand(1, 100) <= 5) {
        $flags[] = '\Flagged';
    }
    return ['raw' => $headers . $body, 'flags' => $flags, 'date' => new DateTimeImmutable('@' . $date)];
}

/** Build the message with the large attachment: a text part and a PDF of $megabytes MB. */
function corpus_attachment_message(int $megabytes): string
{
    mt_srand(IMAP_BENCH_SEED);
    return "From: \"Archiv\" <archive@example.test>\r\nTo: user@example.test\r\n"
        . "Subject: Large attachment of $megabytes MB\r\n"
        . "Date: Thu, 01 Jan 2026 00:00:00 +0000\r\nMessage-ID: <bench.attachment@example.test>\r\n"
        . 'X-Bench-Corpus: ' . IMAP_BENCH_CORPUS_VERSION . "; attachment $megabytes MB\r\nMIME-Version: 1.0\r\n"
        . corpus_multipart('mixed', [corpus_text_part("The archive is attached.\r\n"),
            corpus_attachment_part(corpus_binary($megabytes * 1024 * 1024), 'archive.pdf', 'application/pdf')], '=_bench_large');
}

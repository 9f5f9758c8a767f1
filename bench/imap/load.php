<?php
// Fill the benchmark folders on the test Dovecot, unless they are already
// filled with the current corpus, and reset the flags of bench5000 to the
// generated ones (php-imap2's overview sets \Seen on every message it lists).
//
//   php -d extension=$MODULE bench/imap/load.php
//
// A folder is left as it is when it has the expected message count and its
// last message carries the X-Bench-Corpus marker of this version. Otherwise
// it is deleted and filled again.

declare(strict_types=1);

require_once __DIR__ . '/corpus.php';

/** Return true when $folder contains $count messages and one matches $marker. */
function load_is_filled(MailBridge\ImapClient $client, string $folder, int $count, string $marker): bool
{
    if ($client->listMailboxes($folder) === []) {
        return false;
    }
    $info = $client->select($folder);
    if ($info->exists !== $count) {
        return false;
    }
    return count($client->search((new MailBridge\ImapSearch())->header('X-Bench-Corpus', $marker))) === 1;
}

function load_recreate(MailBridge\ImapClient $client, string $folder): void
{
    if ($client->listMailboxes($folder) !== []) {
        $client->deleteMailbox($folder);
    }
    $client->createMailbox($folder);
}

function load_corpus(MailBridge\ImapClient $client): void
{
    $folder = IMAP_BENCH_FOLDER;
    $count = IMAP_BENCH_MESSAGE_COUNT;
    $marker = IMAP_BENCH_CORPUS_VERSION . "; $count/$count";
    if (load_is_filled($client, $folder, $count, $marker)) {
        fwrite(STDERR, "load: $folder already contains the $count messages of '" . IMAP_BENCH_CORPUS_VERSION . "'\n");
        return;
    }
    fwrite(STDERR, "load: filling $folder with $count messages\n");
    load_recreate($client, $folder);
    $bytes = 0;
    for ($index = 1; $index <= $count; ++$index) {
        $message = corpus_message($index);
        $client->append($folder, $message['raw'], $message['flags'], $message['date']);
        $bytes += strlen($message['raw']);
    }
    fwrite(STDERR, sprintf("load: appended %d messages, %.1f MB\n", $count, $bytes / 1048576));
    if (!load_is_filled($client, $folder, $count, $marker)) {
        fwrite(STDERR, "load: $folder does not hold the expected messages after appending them\n");
        exit(1);
    }
}

/** Set the flags of every message in bench5000 to the generated ones. */
function load_reset_flags(MailBridge\ImapClient $client): void
{
    $client->select(IMAP_BENCH_FOLDER);
    $uids = $client->search();
    $groups = [];
    foreach ($uids as $position => $uid) {
        $flags = corpus_message($position + 1)['flags'];
        foreach ($flags as $flag) {
            $groups[$flag][] = $uid;
        }
    }
    $client->clearFlags($uids, ['\Seen', '\Answered', '\Flagged']);
    foreach ($groups as $flag => $flagged) {
        $client->setFlags($flagged, [$flag]);
    }
}

function load_attachment(MailBridge\ImapClient $client): void
{
    $folder = IMAP_BENCH_ATTACHMENT_FOLDER;
    $megabytes = IMAP_BENCH_ATTACHMENT_MB;
    $marker = IMAP_BENCH_CORPUS_VERSION . "; attachment $megabytes MB";
    if (load_is_filled($client, $folder, 1, $marker)) {
        return;
    }
    fwrite(STDERR, "load: filling $folder with one $megabytes MB attachment\n");
    load_recreate($client, $folder);
    $client->append($folder, corpus_attachment_message($megabytes), ['\Seen']);
}

$client = imap_bench_client();
load_corpus($client);
load_reset_flags($client);
load_attachment($client);
$client->logout();

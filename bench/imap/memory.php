<?php
// Measure the resident memory growth of saving the 20 MB attachment in
// bench-attachment to a file, one case per process, because VmHWM only
// grows within a process.
//
//   php -d extension=$MODULE bench/imap/memory.php            # every case, each in a new process
//   php -d extension=$MODULE bench/imap/memory.php --case NAME
//
// Growth is VmHWM after the case minus VmRSS before it, both from
// /proc/self/status, after the connection is open and the folder selected.
// memory_get_peak_usage() would miss the extension's C++ allocations.

declare(strict_types=1);

require_once __DIR__ . '/corpus.php';

/** The attachment's section in the message: part 2 of multipart/mixed. */
const MEMORY_SECTION = '2';

/**
 * Return the cases. Each opens a connection, saves the attachment to $path
 * and returns the memory before and after saving.
 */
function memory_cases(): array
{
    return [
        'mailbridge streamSection(decode: true)' => function (string $path): array {
            $client = imap_bench_client();
            $client->select(IMAP_BENCH_ATTACHMENT_FOLDER);
            [$uid] = $client->search();
            $before = imap_bench_memory();
            $file = fopen($path, 'wb');
            $client->streamSection($uid, MEMORY_SECTION, $file, decode: true);
            fclose($file);
            return [$before, imap_bench_memory()];
        },
        'ext/imap imap_fetchbody + base64_decode' => function (string $path): array {
            $connection = imap_bench_ext_open(IMAP_BENCH_ATTACHMENT_FOLDER);
            $before = imap_bench_memory();
            $body = imap_fetchbody($connection, 1, MEMORY_SECTION, FT_PEEK);
            file_put_contents($path, base64_decode($body));
            unset($body);
            return [$before, imap_bench_memory()];
        },
    ];
}

function memory_run_case(string $name): void
{
    $cases = memory_cases();
    if (!isset($cases[$name])) {
        fwrite(STDERR, "unknown case '$name': expected one of '" . implode("', '", array_keys($cases)) . "'\n");
        exit(2);
    }
    $path = tempnam(sys_get_temp_dir(), 'imap-bench-');
    [$before, $after] = $cases[$name]($path);

    // Checked after the measurement, because generating the expected bytes takes memory too.
    mt_srand(IMAP_BENCH_SEED);
    $expected = corpus_binary(IMAP_BENCH_ATTACHMENT_MB * 1024 * 1024);
    $matches = hash_file('sha256', $path) === hash('sha256', $expected);
    unlink($path);
    if (!$matches) {
        fwrite(STDERR, "$name: the saved file differs from the attachment\n");
        exit(1);
    }
    printf("%-45s %8.1f MB   (VmRSS before %.1f MB, VmHWM after %.1f MB)\n", $name,
        ($after['VmHWM'] - $before['VmRSS']) / 1048576, $before['VmRSS'] / 1048576, $after['VmHWM'] / 1048576);
}

if (($argv[1] ?? '') === '--case') {
    memory_run_case($argv[2] ?? '');
    exit(0);
}
printf("IMAP attachment memory: %d MB attachment saved to a file, peak RSS growth\n", IMAP_BENCH_ATTACHMENT_MB);
$status = 0;
foreach (array_keys(memory_cases()) as $name) {
    $command = array_merge(memory_php_command_prefix(), [__FILE__, '--case', $name]);
    passthru(implode(' ', array_map('escapeshellarg', $command)), $caseStatus);
    $status = $status ?: $caseStatus;
}
exit($status);

/** Return this process's command line up to the script, so that a child loads the same module. */
function memory_php_command_prefix(): array
{
    $arguments = explode("\0", rtrim(file_get_contents('/proc/self/cmdline'), "\0"));
    $script = array_search($_SERVER['SCRIPT_FILENAME'], $arguments, true);
    if ($script === false) {
        fwrite(STDERR, "cannot find the script in /proc/self/cmdline\n");
        exit(1);
    }
    return array_slice($arguments, 0, $script);
}

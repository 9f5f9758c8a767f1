<?php
// Loading and opening php-imap2 (javanile/php-imap2) for the benchmarks.
// It is not part of this repository: BENCH_PHP_IMAP2_DIR names a checkout
// of it, and nothing here installs or downloads it.

declare(strict_types=1);

require_once __DIR__ . '/lib.php';

/** Load php-imap2 from BENCH_PHP_IMAP2_DIR with a PSR-4 autoloader, or return false. */
function php_imap2_load(): bool
{
    $directory = getenv('BENCH_PHP_IMAP2_DIR');
    if ($directory === false || $directory === '') {
        return false;
    }
    if (!is_file("$directory/bootstrap.php")) {
        fwrite(STDERR, "BENCH_PHP_IMAP2_DIR=$directory has no bootstrap.php\n");
        exit(2);
    }
    spl_autoload_register(function (string $class) use ($directory): void {
        $prefix = 'Javanile\\Imap2\\';
        if (str_starts_with($class, $prefix)) {
            $file = "$directory/src/" . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
            if (is_file($file)) {
                require $file;
            }
        }
    });
    require "$directory/bootstrap.php";
    // php-imap2 0.1.10 raises "Undefined array key" warnings while it reads
    // the benchmark messages. They are counted and printed once at the end.
    set_error_handler(function (int $level, string $message, string $file) use ($directory): bool {
        if (!str_starts_with($file, $directory)) {
            return false;
        }
        $GLOBALS['php_imap2_warnings'][$message] = ($GLOBALS['php_imap2_warnings'][$message] ?? 0) + 1;
        return true;
    }, E_WARNING | E_NOTICE);
    // Roundcube's client opens TLS with fsockopen() and the default context.
    stream_context_set_default(['ssl' => ['cafile' => imap_bench_env('MAILBRIDGE_TEST_CAFILE'), 'peer_name' => 'localhost']]);
    return true;
}

/**
 * Open php-imap2's own client. imap2_open() would hand a password login to
 * ext/imap when ext/imap is loaded, so Connection::open() is called, which
 * is what imap2_open() does when ext/imap is missing, as on PHP 8.4 and
 * later, which do not bundle it.
 */
function php_imap2_open(string $folder): object
{
    $connection = Javanile\Imap2\Connection::open(imap_bench_ext_mailbox($folder), imap_bench_env('MAILBRIDGE_TEST_USER'), imap_bench_env('MAILBRIDGE_TEST_PASSWORD'));
    if ($connection === false) {
        fwrite(STDERR, "php-imap2: opening $folder failed\n");
        exit(1);
    }
    return $connection;
}

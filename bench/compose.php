<?php
// Compose and serialize N messages (text + HTML + one 100 KB attachment) with
// mailbridge, PHPMailer and Symfony Mime, and print messages per second and
// the ratios. Rounds run interleaved (mailbridge, PHPMailer, Symfony, then
// again), so that load from other processes hits every library alike; the
// median round counts.
//
//   php -d extension=/path/to/mailbridge.so bench/compose.php [N] [ROUNDS] [LIBRARY]
//
// N defaults to 10000 and ROUNDS to 3. LIBRARY (mailbridge, phpmailer or
// symfony) times that library alone, for a profiler run.

declare(strict_types=1);

require __DIR__ . '/lib.php';

bench_load_peers();
$count = bench_message_count($argv, 10000);
$rounds = bench_message_count(array_slice($argv, 1), 3);
$warmup = min(200, $count);
$content = bench_content();

$serializers = [
    'mailbridge' => fn (int $i): string => compose_mailbridge($content, $i)->toString(),
    'phpmailer' => fn (int $i): string => serialize_phpmailer(compose_phpmailer($content, $i)),
    'symfony' => fn (int $i): string => compose_symfony($content, $i)->toString(),
];
if (isset($argv[3])) {
    if (!isset($serializers[$argv[3]])) {
        fwrite(STDERR, "unknown library '{$argv[3]}': expected one of " . implode(', ', array_keys($serializers)) . "\n");
        exit(2);
    }
    $serializers = [$argv[3] => $serializers[$argv[3]]];
}

// Check the first and last message of each library before timing anything.
$failed = false;
foreach ($serializers as $name => $serialize) {
    foreach ([0, $count - 1] as $index) {
        $raw = $serialize($index);
        foreach (bench_check_message($raw, $content, $index) as $problem) {
            fwrite(STDERR, "$name message $index: $problem\n");
            $failed = true;
        }
        $sizes[$name] = strlen($raw);
    }
}
if ($failed) {
    fwrite(STDERR, "compose: output check failed\n");
    exit(1);
}

foreach ($serializers as $serialize) {
    for ($i = 0; $i < $warmup; ++$i) {
        $serialize($i);
    }
}

$seconds = [];
for ($round = 0; $round < $rounds; ++$round) {
    foreach ($serializers as $name => $serialize) {
        $bytes = 0;
        $start = hrtime(true);
        for ($i = 0; $i < $count; ++$i) {
            $bytes += strlen($serialize($i));
        }
        $seconds[$name][] = (hrtime(true) - $start) / 1e9;
        // Each message is at least the base64 of its attachment, so a short total means a broken run.
        if ($bytes < $count * strlen($content['attachment'])) {
            fwrite(STDERR, "$name: only $bytes bytes for $count messages\n");
            exit(1);
        }
    }
}

printf("compose: %d messages x %d rounds, attachment %d bytes, load average %s\n",
    $count, $rounds, strlen($content['attachment']), implode(' ', array_map(fn ($l) => sprintf('%.2f', $l), sys_getloadavg())));
$rate = [];
foreach ($seconds as $name => $list) {
    $median = bench_median($list);
    $rate[$name] = $count / $median;
    printf("  %-10s %9.0f msg/s  median %.3f s  rounds %s  message %d bytes\n", $name, $rate[$name], $median,
        implode(' ', array_map(fn ($s) => sprintf('%.3f', $s), $list)), $sizes[$name]);
}
if (count($rate) < 3) {
    exit(0);
}
printf("  ratio mailbridge/phpmailer %.2fx (target >= 5x: %s)\n", $rate['mailbridge'] / $rate['phpmailer'],
    $rate['mailbridge'] / $rate['phpmailer'] >= 5 ? 'met' : 'missed');
printf("  ratio mailbridge/symfony   %.2fx\n", $rate['mailbridge'] / $rate['symfony']);

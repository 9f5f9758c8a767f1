<?php
// Time DKIM signing of N benchmark messages (text + HTML + 100 KB attachment):
// mailbridge's DkimSigner with rsa-sha256 (2048-bit) and ed25519-sha256,
// PHPMailer's DKIM (rsa-sha256 only) and Symfony Mime's DkimSigner (rsa-sha256
// only in 5.4). PHPMailer signs inside preSend(), so its signing cost is
// composition with DKIM minus composition without. Raw private-key loops in
// PHP show how much of each cost is the RSA or Ed25519 operation itself.
//
//   php -d extension=/path/to/mailbridge.so bench/dkim.php [N] [ROUNDS] [FILTER]
//
// N defaults to 10000 and ROUNDS to 3. FILTER times only the series whose
// name contains it (e.g. "mailbridge sign-only ed25519"), for a profiler run. Keys are generated with the openssl
// command into a temporary directory that is removed at exit.

declare(strict_types=1);

require __DIR__ . '/lib.php';

const DKIM_DOMAIN = 'example.test';
const DKIM_SELECTOR = 'bench';

/** Generate an RSA-2048 and an Ed25519 private key with the openssl command and return them as PEM strings. */
function generate_keys(): array
{
    $directory = sys_get_temp_dir() . '/mailbridge-bench-dkim-' . getmypid();
    if (!mkdir($directory, 0700)) {
        throw new RuntimeException("cannot create $directory");
    }
    $commands = [
        'rsa' => 'openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out %s 2>&1',
        'ed25519' => 'openssl genpkey -algorithm ed25519 -out %s 2>&1',
    ];
    $keys = [];
    foreach ($commands as $name => $command) {
        $path = "$directory/$name.pem";
        exec(sprintf($command, escapeshellarg($path)), $output, $status);
        if ($status !== 0) {
            throw new RuntimeException("openssl genpkey for $name failed: " . implode("\n", $output));
        }
        $keys[$name] = file_get_contents($path);
        unlink($path);
    }
    rmdir($directory);
    return $keys;
}

/** Return the 32-byte Ed25519 seed from a PKCS#8 PEM key: the last 32 bytes of its DER form. */
function ed25519_seed(string $pem): string
{
    $der = base64_decode(preg_replace('/-----[^-]+-----|\s/', '', $pem), true);
    if ($der === false || strlen($der) !== 48) {
        throw new RuntimeException('unexpected Ed25519 PKCS#8 key length');
    }
    return substr($der, -32);
}

/** Check that a signed message carries one DKIM-Signature with algorithm $algorithm and a b= tag of plausible length. */
function check_signature(string $signed, string $algorithm, string $library): void
{
    [$headers] = mime_split(str_contains($signed, "\r\n\r\n") ? $signed : $signed . "\r\n\r\n");
    $values = $headers['dkim-signature'] ?? [];
    if (count($values) !== 1) {
        throw new RuntimeException("$library: expected one DKIM-Signature header, found " . count($values));
    }
    $value = preg_replace('/\s+/', '', $values[0]);
    if (!str_contains($value, "a=$algorithm;")) {
        throw new RuntimeException("$library: DKIM-Signature without a=$algorithm: {$values[0]}");
    }
    // Base64 of a 256-byte RSA-2048 signature is 344 characters, of a 64-byte Ed25519 signature 88.
    $expected = $algorithm === 'rsa-sha256' ? 344 : 88;
    if (!preg_match('/(?:^|;)b=([A-Za-z0-9+\/=]+)/', $value, $match) || strlen($match[1]) !== $expected) {
        throw new RuntimeException("$library: b= tag is not $expected base64 characters: {$values[0]}");
    }
}

/** Run $work($i) for i in 0..count-1 and return the elapsed seconds per message. */
function time_loop(int $count, callable $work): float
{
    $start = hrtime(true);
    for ($i = 0; $i < $count; ++$i) {
        $work($i);
    }
    return (hrtime(true) - $start) / 1e9 / $count;
}

bench_load_peers();
$count = bench_message_count($argv, 10000);
$rounds = bench_message_count(array_slice($argv, 1), 3);
$warmup = min(100, $count);
$content = bench_content();
$keys = generate_keys();
$phpmailerDkim = ['domain' => DKIM_DOMAIN, 'selector' => DKIM_SELECTOR, 'private_key' => $keys['rsa']];

// The header block that DKIM signs is a few hundred bytes of canonicalized
// headers. The raw loops sign 1 KB in its place, because hashing it costs little next to the key operation.
$headerBlock = str_repeat('x', 1024);
$rsaKey = openssl_pkey_get_private($keys['rsa']);
$edSecret = sodium_crypto_sign_secretkey(sodium_crypto_sign_seed_keypair(ed25519_seed($keys['ed25519'])));

// Symfony's DKIM takes over 10 ms per message (measured on the 2-core machine
// in docs/benchmarks.md), so its series runs a tenth of N messages.
$reducedSeries = ['symfony compose+dkim rsa'];
$series = [
    'phpmailer compose' => fn (int $i) => serialize_phpmailer(compose_phpmailer($content, $i)),
    'phpmailer compose+dkim rsa' => fn (int $i) => serialize_phpmailer(compose_phpmailer($content, $i, $phpmailerDkim)),
    'symfony compose' => fn (int $i) => compose_symfony($content, $i)->toString(),
    'symfony compose+dkim rsa' => fn (int $i) => (new Symfony\Component\Mime\Crypto\DkimSigner($keys['rsa'], DKIM_DOMAIN, DKIM_SELECTOR))
        ->sign(compose_symfony($content, $i))->toString(),
    // PHPMailer's DKIM_Sign() parses the PEM key for every message, so this loop does too.
    'php openssl parse+sign rsa' => fn (int $i) => openssl_sign($headerBlock . $i, $signature, openssl_pkey_get_private($keys['rsa']), OPENSSL_ALGO_SHA256),
    'php openssl sign rsa' => fn (int $i) => openssl_sign($headerBlock . $i, $signature, $rsaKey, OPENSSL_ALGO_SHA256),
    'php sodium sign ed25519' => fn (int $i) => sodium_crypto_sign_detached($headerBlock . $i, $edSecret),
    'mailbridge compose' => fn (int $i) => compose_mailbridge($content, $i)->toString(),
];

// Check the signed output of each peer once before timing.
check_signature(serialize_phpmailer(compose_phpmailer($content, 1, $phpmailerDkim)), 'rsa-sha256', 'phpmailer');
check_signature($series['symfony compose+dkim rsa'](1), 'rsa-sha256', 'symfony');

$signerClass = 'MailBridge\DkimSigner';
if (class_exists($signerClass)) {
    $rawMessage = compose_mailbridge($content, 0)->toString();
    foreach (['rsa' => 'rsa-sha256', 'ed25519' => 'ed25519-sha256'] as $keyName => $algorithm) {
        $signer = new $signerClass(['domain' => DKIM_DOMAIN, 'selector' => DKIM_SELECTOR,
            'private_key' => $keys[$keyName], 'algorithm' => $algorithm]);
        check_signature($signer->sign(compose_mailbridge($content, 1)), $algorithm, "mailbridge $keyName");
        $series["mailbridge compose+dkim $keyName"] = fn (int $i) => $signer->sign(compose_mailbridge($content, $i));
        // Signing a serialized message: canonicalization, body hash and key operation, no composition.
        $series["mailbridge sign-only $keyName"] = fn (int $i) => $signer->sign($rawMessage);
    }
} else {
    echo "skipped: MailBridge\\DkimSigner not available\n";
}

if (isset($argv[3])) {
    $series = array_filter($series, fn (string $name): bool => str_contains($name, $argv[3]), ARRAY_FILTER_USE_KEY);
    if ($series === []) {
        fwrite(STDERR, "no series name contains '{$argv[3]}'\n");
        exit(2);
    }
}

foreach ($series as $name => $work) {
    time_loop(in_array($name, $reducedSeries, true) ? max(1, intdiv($warmup, 10)) : $warmup, $work);
}
$seconds = [];
for ($round = 0; $round < $rounds; ++$round) {
    foreach ($series as $name => $work) {
        $seconds[$name][] = time_loop(in_array($name, $reducedSeries, true) ? max(1, intdiv($count, 10)) : $count, $work);
    }
}

printf("dkim: %d messages x %d rounds, attachment %d bytes, raw key loops sign %d bytes, load average %s\n",
    $count, $rounds, strlen($content['attachment']), strlen($headerBlock),
    implode(' ', array_map(fn ($l) => sprintf('%.2f', $l), sys_getloadavg())));
$perMessage = [];
foreach ($seconds as $name => $list) {
    $perMessage[$name] = bench_median($list) * 1e6;
    printf("  %-32s %9.1f us/msg %9.0f msg/s%s\n", $name, $perMessage[$name], 1e6 / $perMessage[$name],
        in_array($name, $reducedSeries, true) ? sprintf(' (%d messages)', max(1, intdiv($count, 10))) : '');
}

if (isset($argv[3])) {
    exit(0);
}
$phpmailerDkimCost = $perMessage['phpmailer compose+dkim rsa'] - $perMessage['phpmailer compose'];
$symfonyDkimCost = $perMessage['symfony compose+dkim rsa'] - $perMessage['symfony compose'];
printf("  phpmailer DKIM cost %.1f us/msg, of which key parse+sign %.1f us (%.0f%%)\n", $phpmailerDkimCost,
    $perMessage['php openssl parse+sign rsa'], 100 * $perMessage['php openssl parse+sign rsa'] / $phpmailerDkimCost);
printf("  symfony DKIM cost %.1f us/msg, of which RSA sign %.1f us (%.0f%%)\n", $symfonyDkimCost,
    $perMessage['php openssl sign rsa'], 100 * $perMessage['php openssl sign rsa'] / $symfonyDkimCost);
if (isset($perMessage['mailbridge compose+dkim rsa'])) {
    foreach (['rsa' => 'php openssl sign rsa', 'ed25519' => 'php sodium sign ed25519'] as $keyName => $rawSeries) {
        $signOnly = $perMessage["mailbridge sign-only $keyName"];
        printf("  mailbridge $keyName: compose+sign %.1f us/msg, compose %.1f us, sign-only %.1f us, of which raw key operation in PHP %.1f us (%.0f%%)\n",
            $perMessage["mailbridge compose+dkim $keyName"], $perMessage['mailbridge compose'], $signOnly,
            $perMessage[$rawSeries], 100 * $perMessage[$rawSeries] / $signOnly);
    }
    printf("  ratio compose+dkim rsa mailbridge/phpmailer %.2fx, mailbridge/symfony %.2fx\n",
        $perMessage['phpmailer compose+dkim rsa'] / $perMessage['mailbridge compose+dkim rsa'],
        $perMessage['symfony compose+dkim rsa'] / $perMessage['mailbridge compose+dkim rsa']);
    printf("  ratio mailbridge ed25519 vs phpmailer rsa (different algorithms) %.2fx\n",
        $perMessage['phpmailer compose+dkim rsa'] / $perMessage['mailbridge compose+dkim ed25519']);
}

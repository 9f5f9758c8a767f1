<?php
/*
 * Check the dump helpers and compare.php without a server:
 *   php tests/imap_compat/self_test.php
 * Prints one line per failed check and exits 1 when any fails.
 */

declare(strict_types=1);

require __DIR__ . '/dump.inc.php';

$failures = 0;

function check(string $name, mixed $expected, mixed $actual): void
{
    global $failures;
    if ($expected !== $actual) {
        $failures++;
        echo "FAIL $name\n  expected: " . var_export($expected, true) . "\n  actual:   " . var_export($actual, true) . "\n";
    }
}

/** Build a dump document with one record per [id, result] pair. */
function document(array $results): array
{
    $records = [];
    foreach ($results as $id => $result) {
        $records[] = ['id' => $id, 'call' => 'imap_test', 'arguments' => canonical_value([]),
            'result' => canonical_value($result), 'exception' => null, 'warnings' => [],
            'last_error' => false, 'errors' => false, 'alerts' => false];
    }
    return ['format' => 'mailbridge-imap-compat-dump/1', 'source' => 'self test', 'records' => $records];
}

/** Run compare.php on two documents and return [exit status, output lines]. */
function run_compare(array $expected, array $actual, ?array $rules = null): array
{
    $directory = sys_get_temp_dir() . '/imap_compat_self_test_' . getmypid();
    @mkdir($directory);
    file_put_contents("$directory/expected.json", json_encode($expected, JSON_PRESERVE_ZERO_FRACTION));
    file_put_contents("$directory/actual.json", json_encode($actual, JSON_PRESERVE_ZERO_FRACTION));
    file_put_contents("$directory/allow.json", json_encode($rules ?? []));
    $command = escapeshellarg(PHP_BINARY) . ' ' . escapeshellarg(__DIR__ . '/compare.php')
        . ' --allow=' . escapeshellarg("$directory/allow.json") . ' '
        . escapeshellarg("$directory/expected.json") . ' ' . escapeshellarg("$directory/actual.json");
    exec($command, $output, $status);
    array_map('unlink', glob("$directory/*.json"));
    rmdir($directory);
    return [$status, $output];
}

// Canonical values keep types, key types, order and bytes.
$object = new stdClass();
$object->b = 1;
$object->a = '1';
check('object keeps order and types', ['object' => 'stdClass', 'properties' => [['b', 1], ['a', '1']]],
    canonical_value($object));
check('empty stdClass', ['object' => 'stdClass', 'properties' => []], canonical_value(new stdClass()));
check('list', ['list' => [1, 2.0, true, null]], canonical_value([1, 2.0, true, null]));
check('array keeps key types', ['array' => [[1, 'x'], ['1a', 'y']]], canonical_value([1 => 'x', '1a' => 'y']));
check('binary string', ['binary' => base64_encode("caf\xe9")], canonical_value("caf\xe9"));
check('normalised', ['normalised' => 'uidvalidity', 'type' => 'int'],
    canonical_value(normalise_property((object)['uidvalidity' => 5], 'uidvalidity', 'uidvalidity'))['properties'][0][1]);

// Sections follow IMAP numbering, not ext/imap's nesting of message/rfc822.
$text = (object)['type' => TYPETEXT, 'subtype' => 'PLAIN'];
$alternative = (object)['type' => TYPEMULTIPART, 'subtype' => 'ALTERNATIVE', 'parts' => [$text, $text]];
$forward = (object)['type' => TYPEMULTIPART, 'subtype' => 'MIXED', 'parts' => [
    $text,
    (object)['type' => TYPEMESSAGE, 'subtype' => 'RFC822', 'parts' => [$alternative]],
    (object)['type' => TYPEMESSAGE, 'subtype' => 'RFC822', 'parts' => [$text]],
]];
check('single part sections', ['1'], imap_sections($text));
check('forward sections', ['1', '2', '2.1', '2.2', '3', '3.1'], imap_sections($forward));
check('message part sections', ['2', '3'], message_part_sections($forward));
check('header fields unfold', [['Subject', 'a b'], ['To', 'x']], header_fields("Subject: a\r\n b\r\nTo: x\r\n\r\n"));

// compare.php reports each kind of difference and honours the allow-list.
$base = document(['one' => (object)['size' => 5, 'name' => 'x'], 'two' => [1, 2]]);
[$status, $output] = run_compare($base, $base);
check('equal dumps pass', 0, $status);
check('equal dumps summary', '2 records compared, 0 differences, 0 allowed, 0 not allowed', end($output));

[$status, $output] = run_compare($base, document(['one' => (object)['size' => '5', 'name' => 'x'], 'two' => [1, 2]]));
check('type change fails', 1, $status);
check('type change line', 'one: result.size: type: expected int 5, got string "5"', $output[0]);

[$status, $output] = run_compare($base, document(['one' => (object)['name' => 'x', 'size' => 5], 'two' => [1, 2]]));
check('order change line', 'one: result: property order: expected ["size","name"], got ["name","size"]', $output[0]);

[$status, $output] = run_compare($base, document(['one' => (object)['size' => 5], 'two' => [1, 2, 3]]));
check('missing property line', 'one: result.name: missing property: expected "x"', $output[0]);
check('extra item line', 'two: result[2]: unexpected: got 3', $output[1]);

[$status, $output] = run_compare($base, document(['one' => (object)['size' => 5, 'name' => 'x']]));
check('missing record line', 'two: : missing record', $output[0]);

$rules = [['record' => 'two', 'path' => 'result*', 'reason' => 'self test'], ['record' => 'nothing', 'reason' => 'stale']];
[$status, $output] = run_compare($base, document(['one' => (object)['size' => 5, 'name' => 'x'], 'two' => [1, 3]]), $rules);
check('allowed difference passes', 0, $status);
check('stale rule listed', 'unused allow-list rule 1: record nothing path *', $output[0]);

echo $failures === 0 ? "self test passed\n" : "$failures checks failed\n";
exit($failures === 0 ? 0 : 1);

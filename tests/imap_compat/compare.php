<?php
/*
 * Compare two dumps made by dump.inc.php field by field.
 *
 *   php tests/imap_compat/compare.php [--allow=FILE] [--verbose] expected.json actual.json
 *
 * Prints one line per difference: the record id, the path inside the record,
 * what differs, and both values. Records are matched by id, so their order
 * does not matter. Property and array key order does: a different order is
 * reported as such. The header fields source, php and mailbox are not compared.
 *
 * The allow-list (default: allowed_differences.json next to this script) is
 * a JSON list of rules for documented, deliberate differences:
 *   {"record": "fetchstructure *", "path": "result.parts[*].type", "reason": "..."}
 * "record" and "path" are fnmatch() patterns; "path" defaults to "*".
 * A difference that a rule matches is counted as allowed and printed only
 * with --verbose. Rules that match nothing are listed, so stale ones show up.
 *
 * Exit status: 0 when every difference is allowed, 1 when one is not, 2 for
 * unreadable input.
 */

declare(strict_types=1);

const COMPARED_FIELDS = ['call', 'arguments', 'result', 'exception', 'warnings', 'last_error', 'errors', 'alerts'];

function usage_error(string $message): never
{
    fwrite(STDERR, "compare.php: $message\n");
    exit(2);
}

function load_dump(string $path): array
{
    $text = @file_get_contents($path);
    if ($text === false) {
        usage_error("cannot read $path; check the path and its permissions");
    }
    try {
        $dump = json_decode($text, true, 4096, JSON_THROW_ON_ERROR);
    } catch (JsonException $e) {
        usage_error("$path is not valid JSON: " . $e->getMessage());
    }
    if (!is_array($dump) || ($dump['format'] ?? null) !== 'mailbridge-imap-compat-dump/1') {
        usage_error("$path is not a mailbridge-imap-compat-dump/1 document");
    }
    $records = [];
    foreach ($dump['records'] as $record) {
        $records[$record['id']] = $record;
    }
    return $records;
}

/** Short JSON text of a value for a difference line. */
function show(mixed $value): string
{
    $text = json_encode($value, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_PRESERVE_ZERO_FRACTION);
    return strlen($text) > 160 ? substr($text, 0, 157) . '...' : $text;
}

/** Return the canonical form of a value: list, array, object, binary, normalised, or a JSON type name. */
function kind_of(mixed $value): string
{
    if (is_array($value) && !array_is_list($value)) {
        foreach (['list', 'array', 'object', 'binary', 'normalised'] as $tag) {
            if (array_key_exists($tag, $value)) {
                return $tag;
            }
        }
        return 'map';
    }
    return match (true) {
        is_array($value) => 'json-list',
        is_int($value) => 'int',
        is_float($value) => 'float',
        is_string($value) => 'string',
        is_bool($value) => 'bool',
        default => 'null',
    };
}

final class Comparison
{
    /** @var list<array{string, string, string}> record id, path, description */
    public array $differences = [];

    public function difference(string $id, string $path, string $what): void
    {
        $this->differences[] = [$id, $path, $what];
    }

    public function compare(string $id, string $path, mixed $expected, mixed $actual): void
    {
        $expected_kind = kind_of($expected);
        $actual_kind = kind_of($actual);
        if ($expected_kind !== $actual_kind) {
            $this->difference($id, $path, "type: expected $expected_kind " . show($expected)
                . ", got $actual_kind " . show($actual));
            return;
        }
        switch ($expected_kind) {
            case 'list':
                $this->compare_lists($id, $path, $expected['list'], $actual['list']);
                return;
            case 'json-list':
                $this->compare_lists($id, $path, $expected, $actual);
                return;
            case 'array':
                $this->compare_pairs($id, $path, $expected['array'], $actual['array'], 'key');
                return;
            case 'object':
                if ($expected['object'] !== $actual['object']) {
                    $this->difference($id, $path, "class: expected {$expected['object']}, got {$actual['object']}");
                }
                $this->compare_pairs($id, $path, $expected['properties'], $actual['properties'], 'property');
                return;
            default:
                if ($expected !== $actual) {
                    $this->difference($id, $path, 'value: expected ' . show($expected) . ', got ' . show($actual));
                }
        }
    }

    private function compare_lists(string $id, string $path, array $expected, array $actual): void
    {
        $common = min(count($expected), count($actual));
        for ($i = 0; $i < $common; $i++) {
            $this->compare($id, "{$path}[$i]", $expected[$i], $actual[$i]);
        }
        for ($i = $common; $i < count($expected); $i++) {
            $this->difference($id, "{$path}[$i]", 'missing: expected ' . show($expected[$i]));
        }
        for ($i = $common; $i < count($actual); $i++) {
            $this->difference($id, "{$path}[$i]", 'unexpected: got ' . show($actual[$i]));
        }
    }

    /** Compare [[name, value], ...] lists: presence, order and each value. */
    private function compare_pairs(string $id, string $path, array $expected, array $actual, string $noun): void
    {
        $expected_map = [];
        foreach ($expected as [$name, $value]) {
            $expected_map[self::key_text($name)] = [$name, $value];
        }
        $actual_map = [];
        foreach ($actual as [$name, $value]) {
            $actual_map[self::key_text($name)] = [$name, $value];
        }
        foreach ($expected_map as $key => [$name, $value]) {
            $child = self::child_path($path, $name, $noun);
            if (!array_key_exists($key, $actual_map)) {
                $this->difference($id, $child, "missing $noun: expected " . show($value));
                continue;
            }
            $this->compare($id, $child, $value, $actual_map[$key][1]);
        }
        foreach ($actual_map as $key => [$name, $value]) {
            if (!array_key_exists($key, $expected_map)) {
                $this->difference($id, self::child_path($path, $name, $noun), "unexpected $noun: got " . show($value));
            }
        }
        $expected_order = array_values(array_intersect(array_keys($expected_map), array_keys($actual_map)));
        $actual_order = array_values(array_intersect(array_keys($actual_map), array_keys($expected_map)));
        if ($expected_order !== $actual_order) {
            $names = fn (array $keys) => array_map(fn (string $key) => substr($key, 2), $keys);
            $this->difference($id, $path, "$noun order: expected " . show($names($expected_order)) . ', got '
                . show($names($actual_order)));
        }
    }

    /** Build a map key that keeps int and string keys apart, because 1 and "1" differ in ext/imap's arrays. */
    private static function key_text(int|string $name): string
    {
        return (is_int($name) ? 'i:' : 's:') . $name;
    }

    private static function child_path(string $path, int|string $name, string $noun): string
    {
        if ($noun === 'property') {
            return "$path.$name";
        }
        return is_int($name) ? "{$path}[$name]" : $path . '[' . json_encode($name) . ']';
    }
}

function load_rules(string $path, bool $required): array
{
    if (!file_exists($path)) {
        if ($required) {
            usage_error("allow-list $path not found");
        }
        return [];
    }
    $rules = json_decode((string)file_get_contents($path), true);
    if (!is_array($rules) || !array_is_list($rules)) {
        usage_error("allow-list $path must be a JSON list of {record, path, reason} objects");
    }
    foreach ($rules as $index => $rule) {
        if (!is_string($rule['record'] ?? null) || !is_string($rule['reason'] ?? null) || $rule['reason'] === '') {
            usage_error("allow-list $path rule $index needs a \"record\" pattern and a nonempty \"reason\"");
        }
    }
    return $rules;
}

function main(array $argv): int
{
    $allow_path = __DIR__ . '/allowed_differences.json';
    $allow_given = false;
    $verbose = false;
    $files = [];
    foreach (array_slice($argv, 1) as $argument) {
        if (str_starts_with($argument, '--allow=')) {
            $allow_path = substr($argument, strlen('--allow='));
            $allow_given = true;
        } elseif ($argument === '--verbose') {
            $verbose = true;
        } elseif (str_starts_with($argument, '--')) {
            usage_error("unknown option $argument");
        } else {
            $files[] = $argument;
        }
    }
    if (count($files) !== 2) {
        usage_error('usage: compare.php [--allow=FILE] [--verbose] expected.json actual.json');
    }
    $expected = load_dump($files[0]);
    $actual = load_dump($files[1]);
    $rules = load_rules($allow_path, $allow_given);

    $comparison = new Comparison();
    foreach ($expected as $id => $record) {
        if (!isset($actual[$id])) {
            $comparison->difference((string)$id, '', 'missing record');
            continue;
        }
        foreach (COMPARED_FIELDS as $field) {
            $comparison->compare((string)$id, $field, $record[$field] ?? null, $actual[$id][$field] ?? null);
        }
    }
    foreach (array_diff_key($actual, $expected) as $id => $record) {
        $comparison->difference((string)$id, '', 'unexpected record');
    }

    $used = array_fill(0, count($rules), false);
    $failed = 0;
    $allowed = 0;
    foreach ($comparison->differences as [$id, $path, $what]) {
        $rule_index = null;
        foreach ($rules as $index => $rule) {
            if (fnmatch($rule['record'], $id) && fnmatch($rule['path'] ?? '*', $path)) {
                $rule_index = $index;
                break;
            }
        }
        if ($rule_index === null) {
            $failed++;
            echo "$id: $path: $what\n";
            continue;
        }
        $allowed++;
        $used[$rule_index] = true;
        if ($verbose) {
            echo 'allowed (' . $rules[$rule_index]['reason'] . "): $id: $path: $what\n";
        }
    }
    foreach ($rules as $index => $rule) {
        if (!$used[$index]) {
            echo "unused allow-list rule $index: record {$rule['record']} path " . ($rule['path'] ?? '*') . "\n";
        }
    }
    echo sprintf("%d records compared, %d differences, %d allowed, %d not allowed\n",
        count($expected), count($comparison->differences), $allowed, $failed);
    return $failed === 0 ? 0 : 1;
}

exit(main($argv));

--TEST--
imap_compat: the ext/imap dump of the corpus is the same after reloading it
--SKIPIF--
<?php
// Only ext/imap and the servers are needed, not the mailbridge extension.
require_once __DIR__ . '/../servers.inc';
$missing = array_filter(MB_SERVER_VARIABLES, fn (string $name) => (string)getenv($name) === '');
if ($missing !== []) {
    echo 'skip test servers not configured, missing ', implode(', ', $missing);
} elseif (!extension_loaded('imap')) {
    echo 'skip ext/imap (php8.2-imap) is not loaded';
}
?>
--FILE--
<?php
// A folder of its own, so that a developer's "compat" folder stays untouched.
$folder = 'compat-phpt';
$scripts = __DIR__ . '/../../imap_compat';
$dumps = [];
foreach ([1, 2] as $run) {
    exec(escapeshellarg("$scripts/load_corpus") . ' --folder=' . $folder . ' 2>&1', $output, $status);
    echo "load $run: exit $status ", preg_replace('/UIDVALIDITY \d+/', 'UIDVALIDITY n', end($output)), "\n";
    $dumps[$run] = tempnam(sys_get_temp_dir(), 'extimap');
    exec(escapeshellarg(PHP_BINARY) . ' ' . escapeshellarg("$scripts/dump_extimap.php") . " --folder=$folder > "
        . escapeshellarg($dumps[$run]), $ignored, $status);
    echo "dump $run: exit $status\n";
}

$document = json_decode(file_get_contents($dumps[1]), true);
$records = array_column($document['records'], null, 'id');
echo count($records) > 800 ? "more than 800 records\n" : 'only ' . count($records) . " records\n";
echo json_encode($records['search OR SEEN UNSEEN flags 2 charset -']['errors']), "\n";
echo json_encode($records['fetchbody 8 "2.1"']['result']), "\n";
echo json_encode($records['fetchbody 6 "3.1"']['result'], JSON_UNESCAPED_SLASHES), "\n";

exec(escapeshellarg(PHP_BINARY) . ' ' . escapeshellarg("$scripts/compare.php") . ' '
    . escapeshellarg($dumps[1]) . ' ' . escapeshellarg($dumps[2]), $comparison, $status);
echo end($comparison), "\ncompare: exit $status\n";
array_map('unlink', $dumps);
?>
--EXPECTF--
load 1: exit 0 compat-phpt: 18 messages, UIDVALIDITY n
dump 1: exit 0
load 2: exit 0 compat-phpt: 18 messages, UIDVALIDITY n
dump 2: exit 0
more than 800 records
{"list":["Unknown search criterion: OR"]}
"inner text"
"Unsubscribe: https://crm.example.test/index.php?entryPoint=removeme&identifier=6f1c2a8e\r\n"
%d records compared, 0 differences, 0 allowed, 0 not allowed
compare: exit 0

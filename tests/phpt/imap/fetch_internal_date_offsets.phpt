--TEST--
ImapClient: internalDate equals createFromFormat() of the INTERNALDATE for any offset
--DESCRIPTION--
Dovecot sends every INTERNALDATE in UTC, so this test uses the fake IMAP
server's internal_date_offsets scenario. fetch() clones the first date and
sets the fields of the others. Each result must equal what PHP's own
parser makes of the string: the same timestamp, offset, fields and
var_dump() output, including the strings that fetch() hands to PHP's parser
(a lower-case month, a day that February does not have).
--SKIPIF--
<?php if (!is_executable('/usr/bin/python3')) die('skip /usr/bin/python3 is missing'); ?>
--FILE--
<?php
$dates = [
    ' 7-Jul-1996 02:44:25 -0700', '29-Feb-2024 23:59:59 +0530', '31-Dec-1969 23:00:00 -0100',
    '01-Jan-2000 00:00:00 +1400', '15-Mar-2026 12:00:00 -1200', '15-mar-2026 12:00:00 +0000',
    '31-Feb-2026 10:00:00 +0000', '05-Dec-2026 00:41:10 +0000',
];
$dir = sys_get_temp_dir() . '/mailbridge-fake-imap-' . bin2hex(random_bytes(6));
$server = proc_open(
    ['/usr/bin/python3', __DIR__ . '/../../fake_imap/server.py', 'internal_date_offsets', '--dir', $dir, '--timeout', '15'],
    [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
$port = (int) fgets($pipes[1]);
$client = new MailBridge\ImapClient([
    'host' => '127.0.0.1', 'port' => $port, 'security' => 'none', 'allow_plaintext_auth' => true,
    'username' => 'user@example.test', 'password' => 'fake-Secret-9', 'timeout' => 5.0,
]);
$client->select('INBOX');
$messages = $client->fetch(range(1, 8), ['internalDate']);
$client->logout();
echo stream_get_contents($pipes[2]);
echo 'server exit status: ', proc_close($server), "\n";

foreach ($messages as $i => $message) {
    $expected = @DateTimeImmutable::createFromFormat('j-M-Y H:i:s O', ltrim($dates[$i]));
    $date = $message->internalDate;
    echo $message->uid, ' ', $date->format('Y-m-d H:i:s.u P U'), ' ',
        var_export($date == $expected, true), ' ',
        var_export(print_r($date, true) === print_r($expected, true), true), ' ',
        var_export($date->format(DATE_RFC3339_EXTENDED) === $expected->format(DATE_RFC3339_EXTENDED), true), "\n";
}
?>
--EXPECT--
server exit status: 0
1 1996-07-07 02:44:25.000000 -07:00 836732665 true true true
2 2024-02-29 23:59:59.000000 +05:30 1709231399 true true true
3 1969-12-31 23:00:00.000000 -01:00 0 true true true
4 2000-01-01 00:00:00.000000 +14:00 946634400 true true true
5 2026-03-15 12:00:00.000000 -12:00 1773619200 true true true
6 2026-03-15 12:00:00.000000 +00:00 1773576000 true true true
7 2026-03-03 10:00:00.000000 +00:00 1772532000 true true true
8 2026-12-05 00:41:10.000000 +00:00 1796431270 true true true

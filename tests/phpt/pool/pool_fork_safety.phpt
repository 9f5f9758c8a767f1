--TEST--
Pool: a forked child never uses or closes the parent's pooled session
--SKIPIF--
<?php
require __DIR__ . '/../smtp_live/live.inc';
mb_skip_without_servers();
if (!function_exists('pcntl_fork')) die('skip pcntl_fork() not available');
?>
--FILE--
<?php
require __DIR__ . '/../smtp_live/live.inc';
$lines = [];
$logger = function (string $line) use (&$lines) { $lines[] = $line; };
$parent = new MailBridge\SmtpTransport(live_options(['logger' => $logger]));
$parent->send(live_message(mb_unique_token()));

$pid = pcntl_fork();
if ($pid === 0) {
    // The child inherits $parent with its open TLS session. It must open its
    // own connection and leave the inherited one alone.
    $childLines = [];
    $child = new MailBridge\SmtpTransport(live_options(['logger' => function ($l) use (&$childLines) { $childLines[] = $l; }]));
    $child->send(live_message(mb_unique_token()));
    $reused = (bool) preg_grep('/reusing a pooled connection/', $childLines);
    $lines = [];
    $parent->send(live_message(mb_unique_token()));
    $inheritedReconnected = (bool) preg_grep('/^\* connecting to /', $lines);
    exit(($reused ? 1 : 0) | ($inheritedReconnected ? 0 : 2));
}
pcntl_waitpid($pid, $status);
echo "child exit status: ", pcntl_wexitstatus($status), "\n";

// The parent's session still works: the child sent no QUIT and no TLS alert on it.
$lines = [];
$token = mb_unique_token();
$parent->send(live_message($token));
var_dump((bool) preg_grep('/^\* connecting to /', $lines));
mb_wait_for_message($token);
echo "parent delivered\n";
?>
--EXPECT--
child exit status: 0
bool(false)
parent delivered

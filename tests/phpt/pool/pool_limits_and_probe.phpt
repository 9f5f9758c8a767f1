--TEST--
Pool: idle timeout, message limit and the NOOP probe decide whether a session is reused
--SKIPIF--
<?php require __DIR__ . '/../smtp_live/live.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/../smtp_live/live.inc';
$lines = [];
$logger = function (string $line) use (&$lines) { $lines[] = $line; };
function send_once(array $options): void
{
    $transport = new MailBridge\SmtpTransport(live_options($options));
    $transport->send(live_message(mb_unique_token()));
}

// Idle longer than the idle timeout: discarded, a new session is made.
ini_set('mailbridge.pool_idle_timeout', '0.2');
send_once(['client_name' => 'idle.test']);
usleep(400000);
send_once(['client_name' => 'idle.test']);
$stats = MailBridge\Pool::stats()[0];
echo "idle timeout: created {$stats['created']}, reused {$stats['reused']}, discarded {$stats['discarded']['idle_timeout']}\n";
ini_restore('mailbridge.pool_idle_timeout');

// One message per connection: the session is closed instead of pooled.
ini_set('mailbridge.pool_max_messages_per_connection', '1');
send_once(['client_name' => 'limit.test']);
send_once(['client_name' => 'limit.test']);
$stats = MailBridge\Pool::stats()[1];
echo "message limit: created {$stats['created']}, reused {$stats['reused']}, discarded {$stats['discarded']['max_messages']}\n";
ini_restore('mailbridge.pool_max_messages_per_connection');

// Probe interval 0: every reuse is checked with NOOP first.
ini_set('mailbridge.pool_probe_interval', '0');
send_once(['client_name' => 'probe.test']);
send_once(['client_name' => 'probe.test', 'logger' => $logger]);
var_dump((bool) preg_grep('/^C: NOOP$/', $lines));
var_dump((bool) preg_grep('/^S: 250 /', $lines));
$stats = MailBridge\Pool::stats()[2];
echo "probe: created {$stats['created']}, reused {$stats['reused']}\n";

// No pooling with persistent => false: the session never enters the pool,
// and close() ends it with QUIT.
$lines = [];
$transport = new MailBridge\SmtpTransport(live_options(['client_name' => 'single.test', 'persistent' => false, 'logger' => $logger]));
$transport->send(live_message(mb_unique_token()));
$transport->close();
var_dump((bool) preg_grep('/^C: QUIT$/', $lines));
$transport->send(live_message(mb_unique_token()));
unset($transport);
var_dump(count(MailBridge\Pool::stats()));

MailBridge\Pool::clear();
var_dump(array_sum(array_column(MailBridge\Pool::stats(), 'idle')));
?>
--EXPECT--
idle timeout: created 2, reused 0, discarded 1
message limit: created 2, reused 0, discarded 2
bool(true)
bool(true)
probe: created 1, reused 1
bool(true)
int(3)
int(0)

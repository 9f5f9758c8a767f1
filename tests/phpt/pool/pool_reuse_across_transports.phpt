--TEST--
Pool: a second transport with the same settings reuses the first one's authenticated session
--SKIPIF--
<?php require __DIR__ . '/../smtp_live/live.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/../smtp_live/live.inc';
$lines = [];
$logger = function (string $line) use (&$lines) { $lines[] = $line; };

$first = new MailBridge\SmtpTransport(live_options(['logger' => $logger]));
$first->send(live_message(mb_unique_token()));
unset($first);
$stats = MailBridge\Pool::stats();
var_dump(count($stats), $stats[0]['idle'], $stats[0]['created'], $stats[0]['reused']);
var_dump($stats[0]['key'] === mb_env('MAILBRIDGE_TEST_USER') . '@' . mb_env('MAILBRIDGE_TEST_HOST') . ':'
    . mb_env('MAILBRIDGE_TEST_SUBMISSION_PORT') . ' starttls as client.mailbridge.test');

$lines = [];
$second = new MailBridge\SmtpTransport(live_options(['logger' => $logger]));
$token = mb_unique_token();
$second->send(live_message($token));
var_dump((bool) preg_grep('/^\* reusing a pooled connection$/', $lines));
var_dump((bool) preg_grep('/^\* connecting to /', $lines));
var_dump((bool) preg_grep('/^C: (EHLO|STARTTLS|AUTH)/', $lines));
mb_wait_for_message($token);
unset($second);
$stats = MailBridge\Pool::stats();
var_dump($stats[0]['idle'], $stats[0]['created'], $stats[0]['reused']);

// Another password is another key: nothing is shared with it.
$other = new MailBridge\SmtpTransport(live_options(['password' => 'another-Pa55word', 'logger' => $logger]));
try {
    $other->send(live_message(mb_unique_token()));
} catch (MailBridge\AuthenticationException $e) {
    echo "other password: ", $e->getReplyCode(), "\n";
}
$dump = print_r(MailBridge\Pool::stats(), true);
var_dump(str_contains($dump, mb_env('MAILBRIDGE_TEST_PASSWORD')), str_contains($dump, 'another-Pa55word'));
?>
--EXPECT--
int(1)
int(1)
int(1)
int(0)
bool(true)
bool(true)
bool(false)
bool(false)
int(1)
int(1)
int(1)
other password: 535
bool(false)
bool(false)

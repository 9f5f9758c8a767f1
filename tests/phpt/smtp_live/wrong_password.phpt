--TEST--
SMTP: a wrong password gives AuthenticationException with 535 and no trace of the password
--SKIPIF--
<?php require __DIR__ . '/live.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/live.inc';
$password = 'wrong-Pa55word-' . bin2hex(random_bytes(4));
$lines = [];
$transport = new MailBridge\SmtpTransport(live_options([
    'password' => $password,
    'logger' => function (string $line) use (&$lines) { $lines[] = $line; },
]));
try {
    $transport->send(live_message(mb_unique_token()));
    echo "sent\n";
} catch (MailBridge\AuthenticationException $e) {
    var_dump($e instanceof MailBridge\Exception);
    var_dump($e->getStage());
    var_dump($e->getReplyCode());
    var_dump($e->getEnhancedStatus());
    var_dump($e->getCommand());
    var_dump($e->isTransient());
    var_dump(str_contains($e->getHint(), 'password'));
    // One rejected password is enough: no second mechanism is tried with it.
    var_dump(count(preg_grep('/^C: AUTH /', $lines)));
    ob_start();
    var_dump($transport, $e);
    echo $e, $e->getTraceAsString(), implode("\n", $lines);
    $everything = ob_get_clean();
    foreach ([$password, base64_encode($password)] as $secret) {
        var_dump(str_contains($everything, $secret));
    }
    var_dump(str_contains($everything, base64_encode("\0" . mb_env('MAILBRIDGE_TEST_USER') . "\0" . $password)));
}
?>
--EXPECT--
bool(true)
string(4) "auth"
int(535)
string(5) "5.7.8"
string(4) "AUTH"
bool(false)
bool(true)
int(1)
bool(false)
bool(false)
bool(false)

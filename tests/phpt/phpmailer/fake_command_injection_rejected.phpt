--TEST--
PHPMailer bridge: CR, LF or NUL in a command argument is rejected before anything is written
--SKIPIF--
<?php require __DIR__ . '/phpmailer.inc'; pm_skip_without_phpmailer(); ?>
--INI--
mailbridge.pool_max_idle_per_key=0
--FILE--
<?php
require __DIR__ . '/phpmailer.inc';

$server = mb_fake_server('greet_and_record');
$connection = new MailBridge\SmtpConnection();
var_dump($connection->connect('127.0.0.1', $server->port, 5));

$calls = [
    'hello' => fn () => $connection->hello("client.test\r\nRSET"),
    'hello NUL' => fn () => $connection->hello("client.test\0"),
];
foreach ($calls as $name => $call) {
    printf("%s: %s %s\n", $name, var_export($call(), true), $connection->getError()['error']);
}
var_dump($connection->hello(MB_FAKE_CLIENT_NAME));
$calls = [
    'mail CRLF' => fn () => $connection->mail("a@example.test>\r\nRCPT TO:<evil@example.test"),
    'mail LF' => fn () => $connection->mail("a@example.test>\nDATA"),
    'recipient CR' => fn () => $connection->recipient("b@example.test>\rDATA"),
    'recipient NUL' => fn () => $connection->recipient("b@example.test\0"),
];
foreach ($calls as $name => $call) {
    printf("%s: %s %s\n", $name, var_export($call(), true), $connection->getError()['error']);
}
var_dump($connection->quit());
echo 'commands: ', implode(', ', $server->commands()), "\n";
echo 'problems: ', trim($server->problems()) ?: 'none', "\n";
?>
--EXPECT--
bool(true)
hello: false Command 'EHLO' contained line breaks
hello NUL: false Command 'EHLO' contained line breaks
bool(true)
mail CRLF: false Command 'MAIL FROM' contained line breaks
mail LF: false Command 'MAIL FROM' contained line breaks
recipient CR: false Command 'RCPT TO' contained line breaks
recipient NUL: false Command 'RCPT TO' contained a NUL byte
bool(true)
commands: 1 EHLO client.test, 1 QUIT
problems: none

--TEST--
Fake SMTP: an XOAUTH2 334 error challenge is answered with an empty line and the 535 reported
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('xoauth2_error_challenge');
$token = 'ya29.expired-fake-token';
$response = base64_encode('user=' . MB_FAKE_USER . "\x01auth=Bearer " . $token . "\x01\x01");
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, [
    'security' => 'none',
    'allow_plaintext_auth' => true,
    'password' => null,
    'oauth_token' => $token,
]));
try {
    $transport->send(mb_fake_message());
    echo "sent\n";
} catch (MailBridge\TransportException $e) {
    mb_print_exception($e);
    echo 'server text kept: ', var_export(str_contains((string) $e->getServerText(), 'Username and Password not accepted'), true), "\n";
}
$transport->close();

// The response may be inline ("AUTH XOAUTH2 <response>") or on its own line;
// the line after it must be the empty line, and nothing may follow but QUIT.
$commands = mb_fake_without_quit($server->commands());
$responseIndex = null;
foreach ($commands as $index => $line) {
    if (str_ends_with($line, $response)) {
        $responseIndex = $index;
    }
}
echo 'response sent: ', var_export($responseIndex !== null, true), "\n";
echo 'line after the response: ', var_export($commands[$responseIndex + 1] ?? null, true), "\n";
echo 'lines after that: ', count($commands) - $responseIndex - 2, "\n";
echo 'MAIL sent: ', var_export((bool) preg_grep('/ MAIL /', $commands), true), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
class: MailBridge\AuthenticationException
stage: auth
code: 535
enhanced: '5.7.8'
command: 'AUTH'
transient: false
server text kept: true
response sent: true
line after the response: '1 '
lines after that: 0
MAIL sent: false
problems: none

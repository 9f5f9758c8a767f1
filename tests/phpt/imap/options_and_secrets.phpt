--TEST--
ImapClient: invalid options raise ValueError or TypeError; secrets stay out of dumps, traces and transcripts
--SKIPIF--
<?php require __DIR__ . '/imap.inc'; mb_skip_without_servers(); ?>
--INI--
zend.exception_ignore_args=0
--FILE--
<?php
require __DIR__ . '/imap.inc';
$secret = mb_env('MAILBRIDGE_TEST_PASSWORD');
$cases = [
    'unknown option' => imap_options(['colour' => 'blue']),
    'no host' => array_diff_key(imap_options(), ['host' => 1]),
    'no password' => array_diff_key(imap_options(), ['password' => 1]),
    'bad security' => imap_options(['security' => 'ssl']),
    'bad port' => imap_options(['port' => 70000]),
    'port type' => imap_options(['port' => '993']),
    'plaintext' => imap_options(['security' => 'none', 'port' => 143]),
    'bad timeout' => imap_options(['timeout' => -1]),
    'bad tls key' => imap_options(['tls' => ['verify' => false]]),
    'bad mechanism' => imap_options(['auth_mechanism' => 'CRAM-MD5']),
    'xoauth2 without token' => imap_options(['auth_mechanism' => 'XOAUTH2']),
    'password with line break' => imap_options(['password' => "a\r\nb"]),
    'logger type' => imap_options(['logger' => 'no_such_function']),
];
foreach ($cases as $name => $options) {
    try {
        new MailBridge\ImapClient($options);
        echo "$name: accepted\n";
    } catch (ValueError|TypeError $e) {
        echo "$name: ", get_class($e), ': ', $e->getMessage(), "\n";
    }
}

$lines = [];
$client = imap_client([
    'logger' => function (string $line) use (&$lines) { $lines[] = $line; },
]);
$client->connect();
ob_start();
var_dump($client);
print_r($client);
var_export($client);
$dump = ob_get_clean();
echo $dump === '' ? "empty dump\n" : "dump has password: " . json_encode(str_contains($dump, $secret)) . "\n";
echo "dump shows redaction: ", json_encode(str_contains($dump, '<redacted>')), "\n";
echo "transcript has password: ", json_encode(str_contains(implode("\n", $lines), $secret)), "\n";
echo "transcript has base64 credentials: ",
    json_encode(str_contains(implode("\n", $lines), base64_encode("\0" . mb_env('MAILBRIDGE_TEST_USER') . "\0" . $secret))), "\n";

// The constructor argument in a stack trace is redacted by #[\SensitiveParameter].
try {
    new MailBridge\ImapClient(imap_options(['colour' => 'blue']));
} catch (ValueError $e) {
    $trace = $e->getTraceAsString() . print_r($e->getTrace(), true);
    echo "trace has password: ", json_encode(str_contains($trace, $secret)), "\n";
    echo "trace shows SensitiveParameterValue: ", json_encode(str_contains($trace, 'SensitiveParameterValue')), "\n";
}
?>
--EXPECT--
unknown option: ValueError: MailBridge\ImapClient has no option "colour"
no host: ValueError: MailBridge\ImapClient option "host" is required
no password: ValueError: MailBridge\ImapClient option "username" needs "password" or "oauth_token"
bad security: ValueError: MailBridge\ImapClient option "security" must be "tls", "starttls" or "none"
bad port: ValueError: MailBridge\ImapClient option "port" must be between 1 and 65535
port type: TypeError: MailBridge\ImapClient option "port" must be of type int, string given
plaintext: ValueError: MailBridge\ImapClient refuses to send credentials without TLS: use "security" => "starttls" or "tls", or set "allow_plaintext_auth" => true for a trusted local server
bad timeout: ValueError: MailBridge\ImapClient option "timeout" must be a number of seconds greater than 0 and at most 86400
bad tls key: ValueError: MailBridge\ImapClient option "tls" has an unknown key "verify"
bad mechanism: ValueError: MailBridge\ImapClient option "auth_mechanism" must be "PLAIN", "LOGIN" or "XOAUTH2"
xoauth2 without token: ValueError: MailBridge\ImapClient mechanism XOAUTH2 needs the "oauth_token" option
password with line break: ValueError: MailBridge\ImapClient option "password" must not contain NUL or line breaks
logger type: TypeError: MailBridge\ImapClient option "logger" must be a callable or null
dump has password: false
dump shows redaction: true
transcript has password: false
transcript has base64 credentials: false
trace has password: false
trace shows SensitiveParameterValue: true

--TEST--
Fake SMTP: the password and its base64 forms appear in no exception, dump, trace or log line
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--INI--
zend.exception_ignore_args=0
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

$server = mb_fake_server('auth_all_mechanisms_rejected');
$log = [];
$transport = new MailBridge\SmtpTransport(mb_fake_options($server, [
    'security' => 'none',
    'allow_plaintext_auth' => true,
    'auth_mechanisms' => ['PLAIN', 'LOGIN'],
    'logger' => function (string $line) use (&$log): void {
        $log[] = $line;
    },
]));

function send_through(MailBridge\SmtpTransport $transport): void
{
    $transport->send(mb_fake_message());
}

$outputs = [];
try {
    send_through($transport);
    echo "sent\n";
} catch (MailBridge\AuthenticationException $e) {
    $outputs['getMessage'] = $e->getMessage();
    $outputs['getServerText'] = (string) $e->getServerText();
    $outputs['getHint'] = (string) $e->getHint();
    $outputs['__toString'] = (string) $e;
    $outputs['getTraceAsString'] = $e->getTraceAsString();
    $outputs['print_r exception'] = print_r($e, true);
    ob_start();
    var_dump($e);
    $outputs['var_dump exception'] = ob_get_clean();
}
ob_start();
var_dump($transport);
$outputs['var_dump transport'] = ob_get_clean();
$outputs['print_r transport'] = print_r($transport, true);
$outputs['var_export transport'] = var_export($transport, true);
$outputs['array cast transport'] = print_r((array) $transport, true);
$outputs['json_encode transport'] = (string) json_encode($transport);
try {
    serialize($transport);
    $outputs['serialize transport'] = 'serialized';
} catch (Exception $serializeError) {
    $outputs['serialize transport'] = $serializeError->getMessage() . $serializeError->getTraceAsString();
}
$transport->close();
$outputs['logger'] = implode("\n", $log);

$secrets = [
    'password' => MB_FAKE_PASSWORD,
    'base64 password' => base64_encode(MB_FAKE_PASSWORD),
    'PLAIN response' => base64_encode("\0" . MB_FAKE_USER . "\0" . MB_FAKE_PASSWORD),
];
foreach ($outputs as $where => $text) {
    $found = [];
    foreach ($secrets as $name => $secret) {
        if (str_contains($text, $secret)) {
            $found[] = $name;
        }
    }
    echo $where, ': ', $found ? 'CONTAINS ' . implode(', ', $found) : 'clean', "\n";
}

// Client lines only: the EHLO reply line "250-AUTH PLAIN LOGIN" is no credential.
$authPlainLines = preg_grep('/^(?!.*\b250[- ]).*AUTH PLAIN/i', $log);
echo 'logger has an AUTH PLAIN line: ', var_export($authPlainLines !== [], true), "\n";
echo 'AUTH PLAIN lines redacted: ', var_export($authPlainLines !== [] && count(preg_grep('/redacted/i', $authPlainLines)) === count($authPlainLines), true), "\n";
echo 'logger has a redacted LOGIN response: ', var_export(count(preg_grep('/redacted/i', $log)) > count($authPlainLines), true), "\n";
echo 'server problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
getMessage: clean
getServerText: clean
getHint: clean
__toString: clean
getTraceAsString: clean
print_r exception: clean
var_dump exception: clean
var_dump transport: clean
print_r transport: clean
var_export transport: clean
array cast transport: clean
json_encode transport: clean
serialize transport: clean
logger: clean
logger has an AUTH PLAIN line: true
AUTH PLAIN lines redacted: true
logger has a redacted LOGIN response: true
server problems: none

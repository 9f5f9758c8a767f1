--TEST--
TLS: a SHA-256 fingerprint pin accepts the right certificate and rejects another
--SKIPIF--
<?php require __DIR__ . '/live.inc'; mb_skip_without_servers(); if (!extension_loaded('openssl')) die('skip openssl extension needed to read the server certificate'); ?>
--FILE--
<?php
require __DIR__ . '/live.inc';
$context = stream_context_create(['ssl' => [
    'capture_peer_cert' => true,
    'cafile' => mb_env('MAILBRIDGE_TEST_CAFILE'),
    'peer_name' => 'localhost',
]]);
$socket = stream_socket_client('ssl://' . mb_env('MAILBRIDGE_TEST_HOST') . ':' . mb_env('MAILBRIDGE_TEST_SMTPS_PORT'),
    $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
$certificate = stream_context_get_params($socket)['options']['ssl']['peer_certificate'];
fclose($socket);
$fingerprint = openssl_x509_fingerprint($certificate, 'sha256');

$pinned = implode(':', str_split(strtoupper($fingerprint), 2));
$transport = new MailBridge\SmtpTransport(live_options([
    'port' => (int) mb_env('MAILBRIDGE_TEST_SMTPS_PORT'),
    'security' => 'tls',
    'tls' => ['cafile' => mb_env('MAILBRIDGE_TEST_CAFILE'), 'fingerprint' => $pinned],
]));
var_dump($transport->send(live_message(mb_unique_token()))->replyCode);

$transport = new MailBridge\SmtpTransport(live_options([
    'port' => (int) mb_env('MAILBRIDGE_TEST_SMTPS_PORT'),
    'security' => 'tls',
    'tls' => ['cafile' => mb_env('MAILBRIDGE_TEST_CAFILE'), 'fingerprint' => str_repeat('ab', 32)],
]));
try {
    $transport->send(live_message(mb_unique_token()));
} catch (MailBridge\TlsException $e) {
    var_dump(str_contains($e->getMessage(), "fingerprint mismatch"));
    var_dump(str_contains($e->getMessage(), $fingerprint));
}
try {
    new MailBridge\SmtpTransport(live_options(['tls' => ['fingerprint' => 'not-hex']]));
} catch (ValueError $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECT--
int(250)
bool(true)
bool(true)
MailBridge\SmtpTransport option "tls.fingerprint" must be a SHA-256 digest: 64 hexadecimal digits, colons allowed

--TEST--
PHPMailer bridge: SMTPOptions ssl keys set the TLS checks, which stay on unless turned off
--SKIPIF--
<?php require __DIR__ . '/phpmailer.inc'; pm_skip_without_phpmailer(); ?>
--INI--
mailbridge.pool_max_idle_per_key=0
--FILE--
<?php
require __DIR__ . '/phpmailer.inc';

$cases = [
    ['starttls_self_signed', 'no options', fn ($server) => []],
    ['starttls_self_signed', 'allow_self_signed', fn ($server) => ['ssl' => ['allow_self_signed' => true]]],
    ['starttls_self_signed', 'verify_peer off', fn ($server) => ['ssl' => ['verify_peer' => false]]],
    ['starttls_wrong_name', 'cafile only', fn ($server) => ['ssl' => ['cafile' => $server->cafile]]],
    ['starttls_wrong_name', 'cafile, verify_peer_name off',
        fn ($server) => ['ssl' => ['cafile' => $server->cafile, 'verify_peer_name' => false]]],
    ['starttls_wrong_name', 'cafile, peer_name',
        fn ($server) => ['ssl' => ['cafile' => $server->cafile, 'peer_name' => 'smtp.mail.example.net']]],
];
foreach ($cases as [$scenario, $label, $options]) {
    $server = mb_fake_server($scenario);
    $log = new PmDebugLog();
    $mail = pm_fake_mailer($server, true, true);
    $mail->SMTPSecure = 'tls';
    $mail->SMTPOptions = $options($server);
    $mail->SMTPDebug = 1;
    $mail->Debugoutput = $log->callback();
    try {
        $result = var_export($mail->send(), true);
    } catch (\PHPMailer\PHPMailer\Exception $e) {
        $result = 'exception ' . $e->getMessage();
    }
    printf("%s, %s: %s\n", $scenario, $label, str_replace((string) $server->port, 'PORT', $result));
    echo '  TLS error lines: ', count($log->matching('SMTP ERROR: TLS handshake failed')), "\n";
    $mail->smtpClose();
    unset($mail);
    $server->stop();
}
?>
--EXPECT--
starttls_self_signed, no options: exception SMTP Error: Could not connect to SMTP host. TLS handshake failed certificate verification failed: self-signed certificate with 127.0.0.1:PORT
  TLS error lines: 1
starttls_self_signed, allow_self_signed: true
  TLS error lines: 0
starttls_self_signed, verify_peer off: true
  TLS error lines: 0
starttls_wrong_name, cafile only: exception SMTP Error: Could not connect to SMTP host. TLS handshake failed certificate verification failed: IP address mismatch (expected '127.0.0.1') with 127.0.0.1:PORT
  TLS error lines: 1
starttls_wrong_name, cafile, verify_peer_name off: true
  TLS error lines: 0
starttls_wrong_name, cafile, peer_name: true
  TLS error lines: 0

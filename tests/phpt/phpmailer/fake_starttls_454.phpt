--TEST--
PHPMailer bridge: STARTTLS refused with 454 fails the host like PHPMailer's SMTP class
--SKIPIF--
<?php require __DIR__ . '/phpmailer.inc'; pm_skip_without_phpmailer(); ?>
--INI--
mailbridge.pool_max_idle_per_key=0
--FILE--
<?php
require __DIR__ . '/phpmailer.inc';

$configure = function ($mail) {
    $mail->SMTPSecure = 'tls';
    $mail->Helo = MB_FAKE_CLIENT_NAME;
};
foreach ([true, false] as $exceptions) {
    echo "exceptions: ", var_export($exceptions, true), "\n";
    pm_compare('starttls_454', $exceptions, $configure, fn ($mail) => $mail->send());
}
?>
--EXPECT--
exceptions: true
phpmailer: exception "SMTP Error: Could not connect to SMTP host. STARTTLS command failed TLS not available due to local problem\r\n" (code 0)
phpmailer: ErrorInfo "SMTP Error: Could not connect to SMTP host. STARTTLS command failed TLS not available due to local problem\r\n"
phpmailer: commands 1 EHLO client.test, 1 STARTTLS, 1 QUIT
phpmailer: problems none
bridge: exception "SMTP Error: Could not connect to SMTP host. STARTTLS command failed TLS not available due to local problem\r\n" (code 0)
bridge: ErrorInfo "SMTP Error: Could not connect to SMTP host. STARTTLS command failed TLS not available due to local problem\r\n"
bridge: commands 1 EHLO client.test, 1 STARTTLS, 1 QUIT
bridge: problems none
exceptions: false
phpmailer: returned false
phpmailer: ErrorInfo "SMTP connect() failed. https:\/\/github.com\/PHPMailer\/PHPMailer\/wiki\/Troubleshooting"
phpmailer: commands 1 EHLO client.test, 1 STARTTLS, 1 QUIT
phpmailer: problems none
bridge: returned false
bridge: ErrorInfo "SMTP connect() failed. https:\/\/github.com\/PHPMailer\/PHPMailer\/wiki\/Troubleshooting"
bridge: commands 1 EHLO client.test, 1 STARTTLS, 1 QUIT
bridge: problems none

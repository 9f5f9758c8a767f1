--TEST--
PHPMailer bridge: a 554 greeting fails like PHPMailer's SMTP class, with QUIT and no EHLO
--SKIPIF--
<?php require __DIR__ . '/phpmailer.inc'; pm_skip_without_phpmailer(); ?>
--INI--
mailbridge.pool_max_idle_per_key=0
--FILE--
<?php
require __DIR__ . '/phpmailer.inc';

foreach ([true, false] as $exceptions) {
    echo "exceptions: ", var_export($exceptions, true), "\n";
    pm_compare('greeting_554', $exceptions, fn ($mail) => null, fn ($mail) => $mail->send());
}
?>
--EXPECT--
exceptions: true
phpmailer: exception "SMTP Error: Could not connect to SMTP host." (code 0)
phpmailer: ErrorInfo "SMTP Error: Could not connect to SMTP host."
phpmailer: commands 1 QUIT
phpmailer: problems none
bridge: exception "SMTP Error: Could not connect to SMTP host." (code 0)
bridge: ErrorInfo "SMTP Error: Could not connect to SMTP host."
bridge: commands 1 QUIT
bridge: problems none
exceptions: false
phpmailer: returned false
phpmailer: ErrorInfo "SMTP connect() failed. https:\/\/github.com\/PHPMailer\/PHPMailer\/wiki\/Troubleshooting"
phpmailer: commands 1 QUIT
phpmailer: problems none
bridge: returned false
bridge: ErrorInfo "SMTP connect() failed. https:\/\/github.com\/PHPMailer\/PHPMailer\/wiki\/Troubleshooting"
bridge: commands 1 QUIT
bridge: problems none
--TEST--
PHPMailer bridge: 554 5.7.1 to the final dot is "data not accepted" with the server's detail
--SKIPIF--
<?php require __DIR__ . '/phpmailer.inc'; pm_skip_without_phpmailer(); ?>
--INI--
mailbridge.pool_max_idle_per_key=0
--FILE--
<?php
require __DIR__ . '/phpmailer.inc';

foreach ([true, false] as $exceptions) {
    echo "exceptions: ", var_export($exceptions, true), "\n";
    pm_compare('final_dot_554_spam', $exceptions, fn ($mail) => null, fn ($mail) => $mail->send());
}
?>
--EXPECT--
exceptions: true
phpmailer: exception "SMTP Error: data not accepted." (code 2)
phpmailer: ErrorInfo "SMTP Error: data not accepted.SMTP server error: DATA END command failed Detail: Message rejected: spam\r\n SMTP code: 554 Additional SMTP info: 5.7.1"
phpmailer: commands 1 EHLO client.test, 1 MAIL FROM:<a@example.test>, 1 RCPT TO:<b@example.test>, 1 DATA, 1 QUIT
phpmailer: problems none
bridge: exception "SMTP Error: data not accepted." (code 2)
bridge: ErrorInfo "SMTP Error: data not accepted.SMTP server error: DATA END command failed Detail: Message rejected: spam\r\n SMTP code: 554 Additional SMTP info: 5.7.1"
bridge: commands 1 EHLO client.test, 1 MAIL FROM:<a@example.test>, 1 RCPT TO:<b@example.test>, 1 DATA, 1 QUIT
bridge: problems none
exceptions: false
phpmailer: returned false
phpmailer: ErrorInfo "SMTP Error: data not accepted.SMTP server error: DATA END command failed Detail: Message rejected: spam\r\n SMTP code: 554 Additional SMTP info: 5.7.1"
phpmailer: commands 1 EHLO client.test, 1 MAIL FROM:<a@example.test>, 1 RCPT TO:<b@example.test>, 1 DATA, 1 QUIT
phpmailer: problems none
bridge: returned false
bridge: ErrorInfo "SMTP Error: data not accepted.SMTP server error: DATA END command failed Detail: Message rejected: spam\r\n SMTP code: 554 Additional SMTP info: 5.7.1"
bridge: commands 1 EHLO client.test, 1 MAIL FROM:<a@example.test>, 1 RCPT TO:<b@example.test>, 1 DATA, 1 QUIT
bridge: problems none

--TEST--
PHPMailer bridge: one of three recipients rejected with 550 5.1.1, the message goes to the other two
--SKIPIF--
<?php require __DIR__ . '/phpmailer.inc'; pm_skip_without_phpmailer(); ?>
--INI--
mailbridge.pool_max_idle_per_key=0
--FILE--
<?php
require __DIR__ . '/phpmailer.inc';

$configure = function ($mail) {
    $mail->addAddress('gone@example.test');
    $mail->addAddress('c@example.test');
};
foreach ([true, false] as $exceptions) {
    echo "exceptions: ", var_export($exceptions, true), "\n";
    pm_compare('partial_recipients', $exceptions, $configure, fn ($mail) => $mail->send());
}
?>
--EXPECT--
exceptions: true
phpmailer: exception "SMTP Error: The following recipients failed: gone@example.test: <gone@example.test>: Recipient address rejected: User unknown\r\n" (code 1)
phpmailer: ErrorInfo "SMTP Error: The following recipients failed: gone@example.test: <gone@example.test>: Recipient address rejected: User unknown\r\n"
phpmailer: commands 1 EHLO client.test, 1 MAIL FROM:<a@example.test>, 1 RCPT TO:<b@example.test>, 1 RCPT TO:<gone@example.test>, 1 RCPT TO:<c@example.test>, 1 DATA, 1 QUIT
phpmailer: problems none
bridge: exception "SMTP Error: The following recipients failed: gone@example.test: <gone@example.test>: Recipient address rejected: User unknown\r\n" (code 1)
bridge: ErrorInfo "SMTP Error: The following recipients failed: gone@example.test: <gone@example.test>: Recipient address rejected: User unknown\r\n"
bridge: commands 1 EHLO client.test, 1 MAIL FROM:<a@example.test>, 1 RCPT TO:<b@example.test>, 1 RCPT TO:<gone@example.test>, 1 RCPT TO:<c@example.test>, 1 DATA, 1 QUIT
bridge: problems none
exceptions: false
phpmailer: returned false
phpmailer: ErrorInfo "SMTP Error: The following recipients failed: gone@example.test: <gone@example.test>: Recipient address rejected: User unknown\r\n"
phpmailer: commands 1 EHLO client.test, 1 MAIL FROM:<a@example.test>, 1 RCPT TO:<b@example.test>, 1 RCPT TO:<gone@example.test>, 1 RCPT TO:<c@example.test>, 1 DATA, 1 QUIT
phpmailer: problems none
bridge: returned false
bridge: ErrorInfo "SMTP Error: The following recipients failed: gone@example.test: <gone@example.test>: Recipient address rejected: User unknown\r\n"
bridge: commands 1 EHLO client.test, 1 MAIL FROM:<a@example.test>, 1 RCPT TO:<b@example.test>, 1 RCPT TO:<gone@example.test>, 1 RCPT TO:<c@example.test>, 1 DATA, 1 QUIT
bridge: problems none

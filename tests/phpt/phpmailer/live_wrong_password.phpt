--TEST--
PHPMailer bridge: a wrong password gives PHPMailer's exact ErrorInfo and exception, and is never pooled
--SKIPIF--
<?php require __DIR__ . '/phpmailer.inc'; pm_skip_without_phpmailer(); mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/phpmailer.inc';

foreach ([true, false] as $exceptions) {
    foreach (['phpmailer' => false, 'bridge' => true] as $label => $bridge) {
        $mail = pm_live_mailer($exceptions, $bridge);
        $mail->Password = 'not-the-password';
        $mail->Subject = 'never delivered';
        $mail->Body = "body\r\n";
        try {
            $result = $mail->send();
            printf("%s %s: returned %s\n", $label, $exceptions ? 'exceptions' : 'no exceptions', var_export($result, true));
        } catch (\PHPMailer\PHPMailer\Exception $e) {
            printf("%s %s: exception %s (code %d)\n", $label, $exceptions ? 'exceptions' : 'no exceptions',
                json_encode($e->getMessage()), $e->getCode());
        }
        printf("%s ErrorInfo: %s\n", $label, json_encode($mail->ErrorInfo));
    }
}
// The sessions whose AUTH failed were closed with QUIT, not pooled.
$idle = array_sum(array_column(MailBridge\Pool::stats(), 'idle'));
echo "idle pooled sessions: $idle\n";
?>
--EXPECT--
phpmailer exceptions: exception "SMTP Error: Could not authenticate." (code 0)
phpmailer ErrorInfo: "SMTP Error: Could not authenticate."
bridge exceptions: exception "SMTP Error: Could not authenticate." (code 0)
bridge ErrorInfo: "SMTP Error: Could not authenticate."
phpmailer no exceptions: returned false
phpmailer ErrorInfo: "SMTP connect() failed. https:\/\/github.com\/PHPMailer\/PHPMailer\/wiki\/Troubleshooting"
bridge no exceptions: returned false
bridge ErrorInfo: "SMTP connect() failed. https:\/\/github.com\/PHPMailer\/PHPMailer\/wiki\/Troubleshooting"
idle pooled sessions: 0

--TEST--
Mailer: exceptions are MailBridge\MailerException until PHPMailer\PHPMailer\Exception is loaded, then that class
--SKIPIF--
<?php
if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded');
if (!is_file('/usr/share/php/libphp-phpmailer/src/Exception.php')) die('skip Debian libphp-phpmailer is not installed');
?>
--FILE--
<?php
function failing_send(): void
{
    $mail = new MailBridge\Mailer(true);
    $mail->isSMTP();
    try {
        $mail->send();
        echo "no exception\n";
    } catch (Exception $e) {
        echo get_class($e), ' code ', $e->getCode(), ': ', $e->getMessage(), "\n";
        echo '  errorMessage(): ', trim($e->errorMessage()), "\n";
        echo '  ErrorInfo: ', $mail->ErrorInfo, "\n";
    }
}

echo "-- before PHPMailer is loaded\n";
failing_send();
var_dump(new MailBridge\MailerException('x') instanceof MailBridge\Exception);

// Autoloading is never triggered: an autoloader that would define the class is ignored.
spl_autoload_register(function ($class) {
    echo "autoloader called for $class\n";
});
failing_send();

echo "-- after PHPMailer's Exception is loaded\n";
require '/usr/share/php/libphp-phpmailer/src/Exception.php';
failing_send();

echo "-- exceptions off\n";
$mail = new MailBridge\Mailer();
$mail->isSMTP();
var_dump($mail->send());
echo $mail->ErrorInfo, "\n";
$mail = new MailBridge\Mailer(false);
var_dump($mail->addAddress('not an address'));
echo $mail->ErrorInfo, "\n";
$mail->addAddress('a@example.test');
$mail->From = 'broken@';
var_dump($mail->send());
echo $mail->ErrorInfo, "\n";
$mail->From = 'sender@example.test';
var_dump($mail->send());
echo $mail->ErrorInfo, "\n";
?>
--EXPECT--
-- before PHPMailer is loaded
MailBridge\MailerException code 2: You must provide at least one recipient email address.
  errorMessage(): <strong>You must provide at least one recipient email address.</strong><br />
  ErrorInfo: You must provide at least one recipient email address.
bool(true)
MailBridge\MailerException code 2: You must provide at least one recipient email address.
  errorMessage(): <strong>You must provide at least one recipient email address.</strong><br />
  ErrorInfo: You must provide at least one recipient email address.
-- after PHPMailer's Exception is loaded
PHPMailer\PHPMailer\Exception code 2: You must provide at least one recipient email address.
  errorMessage(): <strong>You must provide at least one recipient email address.</strong><br />
  ErrorInfo: You must provide at least one recipient email address.
-- exceptions off
bool(false)
You must provide at least one recipient email address.
bool(false)
Invalid address:  (to): not an address
bool(false)
Invalid address:  (From): broken@
bool(false)
Message body empty

--TEST--
Mailer: data_not_accepted, STARTTLS 454, all recipients rejected and a rejected sender give PHPMailer's texts and codes
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../fake_server.inc';

function fake_mailer(MbFakeSmtpServer $server, bool $exceptions, string ...$recipients): MailBridge\Mailer
{
    $mail = new MailBridge\Mailer($exceptions);
    $mail->isSMTP();
    $mail->Host = '127.0.0.1';
    $mail->Port = $server->port;
    $mail->SMTPAutoTLS = false;
    $mail->Helo = MB_FAKE_CLIENT_NAME;
    $mail->Timeout = 10;
    $mail->From = MB_FAKE_SENDER;
    foreach ($recipients ?: [MB_FAKE_RECIPIENT] as $recipient) {
        $mail->addAddress($recipient);
    }
    $mail->Subject = 'fake';
    $mail->Body = 'body';
    return $mail;
}

function attempt(MailBridge\Mailer $mail): void
{
    try {
        $sent = $mail->send();
        echo 'send: ', var_export($sent, true), "\n";
    } catch (MailBridge\MailerException $e) {
        echo 'exception ', $e->getCode(), ': ', $e->getMessage(), "\n";
    }
    echo 'ErrorInfo: ', $mail->ErrorInfo, "\n";
}

echo "-- reply 552 to the final dot\n";
$server = mb_fake_server('size_552_after_dot');
attempt(fake_mailer($server, false));
$server->stop();

echo "-- 454 to a required STARTTLS, exceptions on\n";
$server = mb_fake_server('starttls_454');
$mail = fake_mailer($server, true);
$mail->SMTPSecure = 'tls';
attempt($mail);
echo implode("\n", mb_fake_without_quit($server->commands())), "\n";

echo "-- every recipient rejected\n";
$server = mb_fake_server('all_recipients_rejected');
attempt(fake_mailer($server, true, 'x@example.test', 'y@example.test'));
$server->stop();

echo "-- sender rejected\n";
$server = mb_fake_server('greet_and_record');
attempt(fake_mailer($server, false));
$server->stop();
?>
--EXPECTF--
-- reply 552 to the final dot
send: false
ErrorInfo: SMTP Error: data not accepted. SMTP server error: DATA END command failed Detail: %s SMTP code: 552 Additional SMTP info: 5.3.4
-- 454 to a required STARTTLS, exceptions on
exception 0: SMTP Error: Could not connect to SMTP host. STARTTLS failed: %s
ErrorInfo: SMTP Error: Could not connect to SMTP host. STARTTLS failed: %s SMTP server error: STARTTLS command failed Detail: TLS not available due to local problem SMTP code: 454 Additional SMTP info: 4.7.0
1 EHLO client.test
1 STARTTLS
-- every recipient rejected
exception 1: SMTP Error: The following recipients failed: x@example.test: %s
y@example.test: %s

ErrorInfo: SMTP Error: The following recipients failed: x@example.test: %s
y@example.test: %s

-- sender rejected
send: false
ErrorInfo: The following From address failed: a@example.test : MAIL FROM command failed,%s,503,5.5.1 SMTP server error: MAIL FROM command failed Detail: %s SMTP code: 503 Additional SMTP info: 5.5.1

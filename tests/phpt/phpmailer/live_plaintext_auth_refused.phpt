--TEST--
PHPMailer bridge: AUTH refused without TLS shows its reason in debug output, getError() and ErrorInfo
--DESCRIPTION--
On port 587 without STARTTLS, Postfix offers no AUTH, and the bridge refuses
to send credentials without TLS anyway. PHPMailer 6.6.3 builds the
exception text itself ("SMTP Error: Could not authenticate."), so the reason
can reach the user only through the "SMTP ERROR:" debug line and through
getError(), which PHPMailer's setError() appends to ErrorInfo. The refusal
must survive the quit() and close() that smtpConnect() calls after the
failure.
--SKIPIF--
<?php require __DIR__ . '/phpmailer.inc'; pm_skip_without_phpmailer(); mb_skip_without_servers(); ?>
--INI--
mailbridge.pool_max_idle_per_key=0
--FILE--
<?php
require __DIR__ . '/phpmailer.inc';

foreach ([true, false] as $exceptions) {
    echo '-- exceptions ', $exceptions ? 'on' : 'off', "\n";
    $log = new PmDebugLog();
    $mail = pm_live_mailer($exceptions);
    $mail->SMTPSecure = '';
    $mail->SMTPAutoTLS = false;
    $mail->SMTPDebug = 1;
    $mail->Debugoutput = $log->callback();
    $mail->Subject = 'never sent';
    $mail->Body = "never sent\r\n";
    try {
        $sent = $mail->send();
        echo 'send: ', var_export($sent, true), "\n";
    } catch (PHPMailer\PHPMailer\Exception $e) {
        echo 'exception: ', $e->getMessage(), "\n";
    }
    echo 'ErrorInfo: ', $mail->ErrorInfo, "\n";
    foreach ($log->lines as [$level, $line]) {
        if (str_starts_with($line, 'SMTP ERROR:'))
            echo "debug level $level: ", rtrim($line), "\n";
    }
    $error = $mail->getSMTPInstance()->getError();
    echo 'getError: ', $error['error'], ' / ', $error['detail'], "\n";
    echo 'AUTH sent: ', var_export((bool) $log->matching('CLIENT -> SERVER: AUTH'), true), "\n";
}
?>
--EXPECT--
-- exceptions on
exception: SMTP Error: Could not authenticate.
ErrorInfo: SMTP Error: Could not authenticate.SMTP server error: Authentication refused without TLS Detail: set SMTPSecure to 'tls' (STARTTLS) or 'ssl', or call setAllowPlaintextAuth(true) on getSMTPInstance()->getConnection() for a trusted local relay
debug level 1: SMTP ERROR: Authentication refused without TLS: set SMTPSecure to 'tls' (STARTTLS) or 'ssl', or call setAllowPlaintextAuth(true) on getSMTPInstance()->getConnection() for a trusted local relay
getError: Authentication refused without TLS / set SMTPSecure to 'tls' (STARTTLS) or 'ssl', or call setAllowPlaintextAuth(true) on getSMTPInstance()->getConnection() for a trusted local relay
AUTH sent: false
-- exceptions off
send: false
ErrorInfo: SMTP connect() failed. https://github.com/PHPMailer/PHPMailer/wiki/TroubleshootingSMTP server error: Authentication refused without TLS Detail: set SMTPSecure to 'tls' (STARTTLS) or 'ssl', or call setAllowPlaintextAuth(true) on getSMTPInstance()->getConnection() for a trusted local relay
debug level 1: SMTP ERROR: Authentication refused without TLS: set SMTPSecure to 'tls' (STARTTLS) or 'ssl', or call setAllowPlaintextAuth(true) on getSMTPInstance()->getConnection() for a trusted local relay
getError: Authentication refused without TLS / set SMTPSecure to 'tls' (STARTTLS) or 'ssl', or call setAllowPlaintextAuth(true) on getSMTPInstance()->getConnection() for a trusted local relay
AUTH sent: false

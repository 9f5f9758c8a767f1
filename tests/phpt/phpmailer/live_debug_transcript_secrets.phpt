--TEST--
PHPMailer bridge: SMTPDebug transcripts use PHPMailer's prefixes and never contain the credentials
--SKIPIF--
<?php require __DIR__ . '/phpmailer.inc'; pm_skip_without_phpmailer(); mb_skip_without_servers(); ?>
--INI--
mailbridge.pool_max_idle_per_key=0
--FILE--
<?php
require __DIR__ . '/phpmailer.inc';

$user = mb_env('MAILBRIDGE_TEST_USER');
$password = mb_env('MAILBRIDGE_TEST_PASSWORD');
// Every form in which the password could leak: as is, and each AUTH payload.
$secrets = [
    'password' => $password,
    'base64 password' => base64_encode($password),
    'PLAIN payload' => base64_encode("\0$user\0$password"),
];

$all = '';
foreach ([3 => 'PLAIN', 4 => 'LOGIN', 2 => 'CRAM-MD5'] as $level => $mechanism) {
    $log = new PmDebugLog();
    $mail = pm_live_mailer();
    $mail->SMTPDebug = $level;
    $mail->Debugoutput = $log->callback();
    $mail->AuthType = $mechanism;
    $mail->Subject = "transcript $mechanism " . mb_unique_token();
    $mail->Body = "body\r\n";
    echo "$mechanism at level $level: sent ", var_export($mail->send(), true), "\n";
    $levels = array_unique(array_column($log->lines, 0));
    sort($levels);
    echo '  levels: ', implode(',', $levels), "\n";
    echo '  AUTH line: ', json_encode($log->matching('CLIENT -> SERVER: AUTH')[0] ?? null), "\n";
    echo '  hidden credentials lines: ', count($log->matching('CLIENT -> SERVER: [credentials hidden]')), "\n";
    ob_start();
    var_dump($mail->getSMTPInstance(), $mail->getSMTPInstance()->getConnection());
    $all .= $log->text() . ob_get_clean();
}

$log = new PmDebugLog();
$mail = pm_live_mailer();
$mail->SMTPDebug = 3;
$mail->Debugoutput = $log->callback();
$mail->Subject = 'prefixes ' . mb_unique_token();
$mail->Body = "body\r\n";
$mail->send();
$all .= $log->text();
foreach ([
    'Connection: opening to ' . mb_env('MAILBRIDGE_TEST_HOST') . ':' . mb_env('MAILBRIDGE_TEST_SUBMISSION_PORT') . ', timeout=15, options=array (',
    'Connection: opened',
    'SERVER -> CLIENT: 220 ',
    "CLIENT -> SERVER: EHLO client.mailbridge.test\r\n",
    "CLIENT -> SERVER: STARTTLS\r\n",
    'SERVER -> CLIENT: 235 ',
    "CLIENT -> SERVER: QUIT\r\n",
    'Connection: closed',
] as $prefix) {
    echo json_encode($prefix), ': ', count($log->matching($prefix)) > 0 ? 'present' : 'missing', "\n";
}
$levelOf = [];
foreach ($log->lines as [$level, $str]) {
    $levelOf[substr($str, 0, 18)] = $level;
}
echo 'levels: client ', $levelOf['CLIENT -> SERVER: '], ', server ', $levelOf['SERVER -> CLIENT: '], ', connection ', $levelOf['Connection: opened'], "\n";

// A failing authenticate() call with the password among its arguments:
// #[\SensitiveParameter] hides it in the trace.
$connection = new MailBridge\SmtpConnection();
$trace = '';
try {
    $connection->authenticate($user, $password, 'PLAIN', new stdClass(), 'extra');
} catch (ArgumentCountError $e) {
    $trace = $e->getTraceAsString() . print_r($e->getTrace(), true);
}
$all .= $trace;

foreach ($secrets as $name => $secret) {
    echo "$name in any output: ", var_export(str_contains($all, $secret), true), "\n";
}
?>
--EXPECT--
PLAIN at level 3: sent true
  levels: 1,2,3
  AUTH line: "CLIENT -> SERVER: AUTH PLAIN <redacted 48 bytes>\r\n"
  hidden credentials lines: 0
LOGIN at level 4: sent true
  levels: 1,2,3,4
  AUTH line: "CLIENT -> SERVER: AUTH LOGIN\r\n"
  hidden credentials lines: 2
CRAM-MD5 at level 2: sent true
  levels: 1,2
  AUTH line: "CLIENT -> SERVER: AUTH CRAM-MD5\r\n"
  hidden credentials lines: 1
"Connection: opening to 127.0.0.1:587, timeout=15, options=array (": present
"Connection: opened": present
"SERVER -> CLIENT: 220 ": present
"CLIENT -> SERVER: EHLO client.mailbridge.test\r\n": present
"CLIENT -> SERVER: STARTTLS\r\n": present
"SERVER -> CLIENT: 235 ": present
"CLIENT -> SERVER: QUIT\r\n": present
"Connection: closed": present
levels: client 1, server 2, connection 3
password in any output: false
base64 password in any output: false
PLAIN payload in any output: false

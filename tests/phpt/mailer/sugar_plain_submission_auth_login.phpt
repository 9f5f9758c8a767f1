--TEST--
Mailer: a SugarPHPMailer-shaped subclass sends plain text through port 587 with STARTTLS and AUTH LOGIN
--SKIPIF--
<?php
require_once __DIR__ . '/mailer.inc';
mb_skip_without_servers();
mime_skip_without_python();
?>
--FILE--
<?php
require_once __DIR__ . '/mailer.inc';
$token = mb_unique_token();
$user = mb_env('MAILBRIDGE_TEST_USER');
$password = mb_env('MAILBRIDGE_TEST_PASSWORD');

$mail = new SugarShapedMailer();
mailer_use_submission($mail);
$mail->AuthType = 'LOGIN';
$mail->From = $user;
$mail->FromName = 'CRM Notifications';
$mail->Sender = $user;
$mail->Subject = "Quote $token für Müller";
$mail->Body = "Dear customer,\n\nyour quote is ready: 1.200 €.\n.a line starting with a dot\ntoken $token\n";
$mail->AddAddress($user, 'Customer');
$mail->AddReplyTo('support@example.test', 'Support');

$sent = $mail->Send();
echo 'send: ', var_export($sent, true), "\n";
echo 'ErrorInfo: ', var_export($mail->ErrorInfo, true), "\n";
echo 'isError: ', var_export($mail->isError(), true), "\n";
echo 'calls: ', implode(', ', $mail->calls), "\n";

// The transcript has PHPMailer's prefixes, and the closure hid the lines
// that answer the 334 challenges.
$log = $mail->fullSmtpLog;
foreach (['3: Connection: opening to 127.0.0.1:587, timeout=15, options=array (',
          '3: Connection: opened', '2: SERVER -> CLIENT: 220 ', '1: CLIENT -> SERVER: EHLO crm.example.test',
          '1: CLIENT -> SERVER: STARTTLS', '1: CLIENT -> SERVER: AUTH LOGIN', '2: SERVER -> CLIENT: 334 ',
          '---obfuscated---', '2: SERVER -> CLIENT: 235 ', '1: CLIENT -> SERVER: MAIL FROM:<' . $user . '>'] as $needle) {
    echo "log has '", str_replace($user, 'USER', $needle), "': ", var_export(str_contains($log, $needle), true), "\n";
}
echo 'obfuscated lines: ', substr_count($log, '---obfuscated---'), "\n";
mailer_check_secrets($log, $user, $password);

// The delivered bytes are exactly createHeader() . "\r\n" . createBody(),
// called in SuiteCRM's order after the send.
$body = $mail->CreateBody();
$header = $mail->CreateHeader();
$delivered = mailer_delivered($token);
echo 'delivered equals createHeader+createBody: ', var_export($delivered === $header . "\r\n" . $body, true), "\n";
echo 'getSentMIMEMessage equals them: ', var_export($mail->getSentMIMEMessage() === $header . "\r\n" . $body, true), "\n";
echo 'Message-ID: ', var_export(str_contains($header, 'Message-ID: ' . $mail->getLastMessageID() . "\r\n"), true), "\n";
echo str_replace([$token, $user], ['TOKEN', 'USER'], mime_inspect($delivered));
?>
--EXPECT--
send: true
ErrorInfo: ''
isError: false
calls: send, preSend, smtpConnect
log has '3: Connection: opening to 127.0.0.1:587, timeout=15, options=array (': true
log has '3: Connection: opened': true
log has '2: SERVER -> CLIENT: 220 ': true
log has '1: CLIENT -> SERVER: EHLO crm.example.test': true
log has '1: CLIENT -> SERVER: STARTTLS': true
log has '1: CLIENT -> SERVER: AUTH LOGIN': true
log has '2: SERVER -> CLIENT: 334 ': true
log has '---obfuscated---': true
log has '2: SERVER -> CLIENT: 235 ': true
log has '1: CLIENT -> SERVER: MAIL FROM:<USER>': true
obfuscated lines: 2
password: absent
base64 password: absent
base64 PLAIN response: absent
base64 user: absent
delivered equals createHeader+createBody: true
getSentMIMEMessage equals them: true
Message-ID: true
From: CRM Notifications <USER>
Reply-To: Support <support@example.test>
To: Customer <USER>
Subject: Quote TOKEN für Müller  [encoded words: utf-8]
MIME-Version: 1.0
header lines under 78: yes
lines at most 998: yes
CRLF line ends only: yes
text/plain charset=utf-8 [quoted-printable]
  | Dear customer,
  | 
  | your quote is ready: 1.200 €.
  | .a line starting with a dot
  | token TOKEN
defects: none

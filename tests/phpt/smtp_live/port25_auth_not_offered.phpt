--TEST--
SMTP: AUTH on port 25 after STARTTLS fails with the submission-port hint
--DESCRIPTION--
Postfix offers no AUTH on port 25, also after STARTTLS. The connection is
encrypted then, so the hint must name the submission ports, not STARTTLS.
--SKIPIF--
<?php require __DIR__ . '/live.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/live.inc';
$transport = new MailBridge\SmtpTransport(live_options([
    'port' => (int) mb_env('MAILBRIDGE_TEST_SMTP_PORT'),
    'security' => 'starttls',
]));
try {
    $transport->send(live_message(mb_unique_token()));
    echo "sent\n";
} catch (MailBridge\TransportException $e) {
    echo 'stage: ', $e->getStage(), "\n";
    echo 'message: ', $e->getMessage(), "\n";
    echo 'hint: ', $e->getHint(), "\n";
}
?>
--EXPECT--
stage: auth
message: the server does not offer AUTH. Hint: this port does not accept authentication: use the submission port 587 with STARTTLS or port 465 with implicit TLS
hint: this port does not accept authentication: use the submission port 587 with STARTTLS or port 465 with implicit TLS

--TEST--
sendMany(): [string raw, Envelope] pairs work as elements, mixed with Messages
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/bulk.inc';

$server = mb_fake_server('bulk_accept_many');
$transport = new MailBridge\SmtpTransport(mb_bulk_options($server));
$rawWithId = "Message-ID: <raw-1@example.test>\r\nSubject: raw one\r\n\r\n.leading dot\r\nbody one\r\n";
$rawWithoutId = "Subject: raw two\n\nbare LF body\n";
$elements = [
    [$rawWithId, new MailBridge\Envelope(MB_FAKE_SENDER, ['m0@example.test'])],
    mb_bulk_messages(2)[1],
    [$rawWithoutId, new MailBridge\Envelope(MB_FAKE_SENDER, ['m2@example.test'])],
];
$results = $transport->sendMany($elements, ['concurrency' => 1]);
mb_bulk_print_results($results);
echo 'message id of the raw message with one: ', var_export($results[0]->messageId, true), "\n";
echo 'message id of the raw message without one: ', var_export($results[2]->messageId, true), "\n";
echo 'message id of the Message is set: ', var_export($results[1]->messageId !== '', true), "\n";

$server->stop();
echo 'first content on the wire: ',
    var_export($server->messageContent(1, 1) === mb_fake_expected_content($rawWithId), true), "\n";
echo 'third content on the wire: ',
    var_export($server->messageContent(1, 3) === mb_fake_expected_content($rawWithoutId), true), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
0 sent attempts=1 accepted=m0@example.test
1 sent attempts=1 accepted=m1@example.test
2 sent attempts=1 accepted=m2@example.test
message id of the raw message with one: 'raw-1@example.test'
message id of the raw message without one: ''
message id of the Message is set: true
first content on the wire: true
third content on the wire: true
problems: none

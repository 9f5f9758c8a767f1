--TEST--
sendMany(): a message that always gets 451 is 'deferred' after max_attempts tries
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/bulk.inc';

$server = mb_fake_server('bulk_451_always');
$transport = new MailBridge\SmtpTransport(mb_bulk_options($server));
$messages = mb_bulk_messages(5, [1 => MB_BULK_ALWAYS_DEFERRED, 3 => MB_BULK_ALWAYS_DEFERRED]);
$results = $transport->sendMany($messages, ['concurrency' => 1, 'max_attempts' => 3]);

mb_bulk_print_results($results);
mb_bulk_print_counts($results);
$error = $results[1]->error;
echo 'enhanced: ', var_export($error->getEnhancedStatus(), true), "\n";
echo 'transient: ', var_export($error->isTransient(), true), "\n";
echo 'command: ', var_export($error->getCommand(), true), "\n";
echo 'recipient status: ', $results[1]->rejected[MB_BULK_ALWAYS_DEFERRED]->code, "\n";

// Two messages with three tries each.
echo 'RCPT to the deferred recipient: ', mb_bulk_count_commands($server, 'RCPT TO:<busy@'), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
0 sent attempts=1 accepted=m0@example.test
1 deferred attempts=3 accepted= error=MailBridge\ServerReplyException stage=rcpt code=451
2 sent attempts=1 accepted=m2@example.test
3 deferred attempts=3 accepted= error=MailBridge\ServerReplyException stage=rcpt code=451
4 sent attempts=1 accepted=m4@example.test
sent: 3
rejected: 0
deferred: 2
unknown: 0
total: 5 of 5
enhanced: '4.3.0'
transient: true
command: 'RCPT'
recipient status: 451
RCPT to the deferred recipient: 6
problems: none

--TEST--
sendMany(): a 550 to one message's RCPT makes it 'rejected' and the others are sent
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/bulk.inc';

$server = mb_fake_server('bulk_reject_recipient');
$transport = new MailBridge\SmtpTransport(mb_bulk_options($server));
$results = $transport->sendMany(mb_bulk_messages(6, [2 => MB_BULK_REJECTED]), ['concurrency' => 1]);

echo 'keys: ', implode(',', array_keys($results)), "\n";
mb_bulk_print_results($results);
mb_bulk_print_counts($results);

$rejected = $results[2];
echo 'rejected recipients: ', implode(',', array_keys($rejected->rejected)), "\n";
echo 'recipient code: ', $rejected->rejected[MB_BULK_REJECTED]->code, "\n";
echo 'enhanced: ', var_export($rejected->error->getEnhancedStatus(), true), "\n";
echo 'transient: ', var_export($rejected->error->isTransient(), true), "\n";
echo 'sent message has a queue id: ', var_export($results[3]->queueId, true), "\n";

echo 'RCPT to the rejected recipient: ', mb_bulk_count_commands($server, 'RCPT TO:<gone@'), "\n";
echo 'connections: ', $server->connectionCount(), "\n";
echo 'problems: ', $server->problems() ?: "none\n";
?>
--EXPECT--
keys: 0,1,2,3,4,5
0 sent attempts=1 accepted=m0@example.test
1 sent attempts=1 accepted=m1@example.test
2 rejected attempts=1 accepted= error=MailBridge\ServerReplyException stage=rcpt code=550
3 sent attempts=1 accepted=m3@example.test
4 sent attempts=1 accepted=m4@example.test
5 sent attempts=1 accepted=m5@example.test
sent: 5
rejected: 1
deferred: 0
unknown: 0
total: 6 of 6
rejected recipients: gone@example.test
recipient code: 550
enhanced: '5.1.1'
transient: false
sent message has a queue id: 'BULK4'
RCPT to the rejected recipient: 1
connections: 1
problems: none

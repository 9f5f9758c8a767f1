--TEST--
SuiteCRM campaign: 451 stays queued as send error, a drop after the dot is final
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/suitecrm.inc';
require __DIR__ . '/../bulk/bulk.inc';

use MailBridge\SuiteCRM\Campaign\CampaignSender;

/** Sends three emails through $scenario with $special as the second recipient and prints the outcomes. */
function run_scenario(string $scenario, string $special): MemoryCampaignLogRecorder
{
    $server = mb_fake_server($scenario);
    $transport = new MailBridge\SmtpTransport(mb_bulk_options($server));
    $recorder = new MemoryCampaignLogRecorder();
    $sender = new CampaignSender($transport, $recorder, ['concurrency' => 1, 'max_attempts' => 2]);
    $emails = [
        suitecrm_campaign_email('q1', 'm1@example.test', 'fake', MB_FAKE_SENDER),
        suitecrm_campaign_email('q2', $special, 'fake', MB_FAKE_SENDER),
        suitecrm_campaign_email('q3', 'm3@example.test', 'fake', MB_FAKE_SENDER),
    ];
    $counts = $sender->sendBatch($emails);
    echo "$scenario: ", json_encode($counts), "\n";
    echo implode("\n", $recorder->lines()), "\n";
    echo 'problems: ', $server->problems() ?: "none\n";
    return $recorder;
}

$deferred = run_scenario('bulk_451_always', MB_BULK_ALWAYS_DEFERRED);
$outcome = $deferred->find('q2');
echo 'q2 status: ', $outcome->result->status, ', attempts: ', $outcome->result->attempts, "\n";
echo 'q2 reason: ', $outcome->reason, "\n";

$unknown = run_scenario('bulk_drop_after_dot', MB_BULK_DROP_AFTER_DOT);
echo 'q2 status: ', $unknown->find('q2')->result->status, "\n";
?>
--EXPECT--
bulk_451_always: {"targeted":2,"invalid email":0,"send error":1,"retry":1}
q1: targeted
q2: send error (retry)
q3: targeted
problems: none
q2 status: deferred, attempts: 2
q2 reason: 451 4.3.0 <busy@example.test>: Temporary lookup failure
bulk_drop_after_dot: {"targeted":2,"invalid email":0,"send error":1,"retry":0}
q1: targeted
q2: send error
q3: targeted
problems: none
q2 status: unknown

--TEST--
SuiteCRM campaign: port 25 batch records targeted, invalid email and send error
--SKIPIF--
<?php require __DIR__ . '/suitecrm.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/suitecrm.inc';

use MailBridge\SuiteCRM\Campaign\CampaignSender;

$token = mb_unique_token();
$from = mb_env('MAILBRIDGE_TEST_USER');
$user = mb_env('MAILBRIDGE_TEST_USER');
$emails = [
    suitecrm_campaign_email('q1', $user, $token, $from),
    suitecrm_campaign_email('q2', "unknown-$token@example.test", $token, $from),
    suitecrm_campaign_email('q3', $user, $token, $from),
    suitecrm_campaign_email('q4', "gone-$token@example.test", $token, $from),
    suitecrm_campaign_email('q5', 'someone@elsewhere.invalid', $token, $from),
    suitecrm_campaign_email('q6', 'not an address', $token, $from),
];

$transport = new MailBridge\SmtpTransport([
    'host' => mb_env('MAILBRIDGE_TEST_HOST'),
    'port' => (int) mb_env('MAILBRIDGE_TEST_SMTP_PORT'),
    'security' => 'none',
    'persistent' => false,
]);
$recorder = new MemoryCampaignLogRecorder();
$counts = (new CampaignSender($transport, $recorder, ['concurrency' => 3]))->sendBatch($emails);

var_dump($counts);
echo implode("\n", $recorder->lines()), "\n";

// Postfix rejects an unknown user of a virtual mailbox domain with 550 5.1.1.
$unknown = $recorder->find('q2')->result->rejected["unknown-$token@example.test"];
echo 'q2 reply: ', $unknown->code, ' ', $unknown->enhancedStatus, "\n";
echo 'q2 reason names the user: ', var_export(str_contains($recorder->find('q2')->reason, 'User unknown'), true), "\n";
// Relaying to another domain is denied with 554 5.7.1: not the address's fault.
$relay = $recorder->find('q5')->result->rejected['someone@elsewhere.invalid'];
echo 'q5 reply: ', $relay->code, ' ', $relay->enhancedStatus, "\n";
echo 'q6 was never sent: ', var_export($recorder->find('q6')->result === null, true), "\n";

foreach (['q1', 'q3'] as $queueId) {
    $key = "$token-$queueId";
    $raw = mb_wait_for_message("Spring offer $key");
    echo "$queueId X-CampTrackID: ", suitecrm_header($raw, 'X-CampTrackID') === $key ? 'matches' : 'WRONG', "\n";
    echo "$queueId List-Unsubscribe: ", suitecrm_header($raw, 'List-Unsubscribe'), "\n";
    echo "$queueId List-Unsubscribe-Post: ", suitecrm_header($raw, 'List-Unsubscribe-Post'), "\n";
    echo "$queueId Message-ID matches the result: ",
        var_export(suitecrm_header($raw, 'Message-ID') === '<' . $recorder->find($queueId)->result->messageId . '>', true), "\n";
}
?>
--EXPECTF--
array(4) {
  ["targeted"]=>
  int(2)
  ["invalid email"]=>
  int(3)
  ["send error"]=>
  int(1)
  ["retry"]=>
  int(0)
}
q1: targeted
q2: invalid email
q3: targeted
q4: invalid email
q5: send error
q6: invalid email
q2 reply: 550 5.1.1
q2 reason names the user: true
q5 reply: 554 5.7.1
q6 was never sent: true
q1 X-CampTrackID: matches
q1 List-Unsubscribe: <https://crm.example.test/index.php?entryPoint=removeme&identifier=mbtest-%s-q1>
q1 List-Unsubscribe-Post: List-Unsubscribe=One-Click
q1 Message-ID matches the result: true
q3 X-CampTrackID: matches
q3 List-Unsubscribe: <https://crm.example.test/index.php?entryPoint=removeme&identifier=mbtest-%s-q3>
q3 List-Unsubscribe-Post: List-Unsubscribe=One-Click
q3 Message-ID matches the result: true

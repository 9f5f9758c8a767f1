<?php
/*
 * Sends a small campaign batch with the SuiteCRM kit's CampaignSender, outside
 * SuiteCRM, and prints what each email would write to campaign_log.
 *
 *   eval "$(tests/servers/start)"
 *   php -d extension=build/ext/modules/mailbridge.so examples/campaign.php
 *
 * Needs the local test servers: it sends through Postfix on port 25, where
 * the unknown user gets 550 5.1.1 and is recorded as 'invalid email'.
 */

declare(strict_types=1);

require __DIR__ . '/../integrations/suitecrm/custom/include/MailBridge/autoload.php';

use MailBridge\SuiteCRM\Campaign\CampaignLogRecorder;
use MailBridge\SuiteCRM\Campaign\CampaignOutcome;
use MailBridge\SuiteCRM\Campaign\CampaignSender;
use MailBridge\SuiteCRM\Campaign\QueuedCampaignEmail;

$host = getenv('MAILBRIDGE_TEST_HOST');
if ($host === false) {
    fwrite(STDERR, "Start the test servers first: eval \"\$(tests/servers/start)\"\n");
    exit(1);
}

// A recorder that prints; in SuiteCRM, EmailManCampaignLogRecorder writes
// campaign_log rows and updates the emailman queue instead.
$recorder = new class implements CampaignLogRecorder {
    public function record(CampaignOutcome $outcome): void
    {
        printf(
            "%-28s %-13s %s%s\n",
            $outcome->email->toAddress,
            $outcome->activityType,
            $outcome->retry ? '(stays queued) ' : '',
            $outcome->reason
        );
    }
};

$transport = new MailBridge\SmtpTransport([
    'host' => $host,
    'port' => (int) getenv('MAILBRIDGE_TEST_SMTP_PORT'),
    'security' => 'starttls',
    'tls' => ['cafile' => getenv('MAILBRIDGE_TEST_CAFILE')],
]);
$sender = new CampaignSender($transport, $recorder, ['concurrency' => 2]);

$emails = [];
foreach (['user@example.test', 'user2@example.test', 'nosuchuser@example.test'] as $i => $address) {
    $emails[] = new QueuedCampaignEmail(
        queueId: (string) ($i + 1),
        targetTrackerKey: "tracker-$i",
        toAddress: $address,
        toName: '',
        fromAddress: 'news@example.test',
        fromName: 'Example News',
        subject: 'December news',
        html: '<p>Hello from the campaign.</p>',
        text: 'Hello from the campaign.',
        unsubscribeUrl: "https://crm.example.test/index.php?entryPoint=removeme&identifier=tracker-$i",
    );
}

print_r($sender->sendBatch($emails));

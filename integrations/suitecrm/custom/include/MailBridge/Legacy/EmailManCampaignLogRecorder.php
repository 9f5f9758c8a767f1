<?php

declare(strict_types=1);

namespace MailBridge\SuiteCRM\Legacy;

use MailBridge\SuiteCRM\Campaign\CampaignLogRecorder;
use MailBridge\SuiteCRM\Campaign\CampaignOutcome;

/**
 * Writes campaign outcomes to SuiteCRM's campaign_log and emailman tables
 * through EmailMan::set_as_sent(), as EmailManDelivery.php would have.
 *
 * An 'invalid email' outcome also marks the target's address invalid, as
 * SuiteCRM's bounce handler does for the same replies, so later campaigns
 * skip it. Each outcome is logged at info level with the emailman id and the
 * tracker key.
 *
 * Requires SuiteCRM (EmailMan, modules/Campaigns/ProcessBouncedEmails.php).
 */
final class EmailManCampaignLogRecorder implements CampaignLogRecorder
{
    /**
     * @param DeferringEmailMan                  $emailMan bean used to replay set_as_sent()
     * @param array<string, array<string, mixed>> $heldBack  held-back calls by emailman id
     */
    public function __construct(
        private readonly DeferringEmailMan $emailMan,
        private array $heldBack,
    ) {
    }

    public function record(CampaignOutcome $outcome): void
    {
        $queueId = $outcome->email->queueId;
        if (!isset($this->heldBack[$queueId])) {
            throw new \LogicException("no held-back emailman state for queue id $queueId");
        }
        $this->emailMan->replay($this->heldBack[$queueId], $outcome->activityType, $outcome->retry);
        unset($this->heldBack[$queueId]);

        if ($outcome->activityType === CampaignOutcome::INVALID_EMAIL) {
            require_once 'modules/Campaigns/ProcessBouncedEmails.php';
            markEmailAddressInvalid($outcome->email->toAddress);
        }

        $logger = $GLOBALS['log'] ?? null;
        if (is_object($logger)) {
            $logger->info(sprintf(
                'mailbridge campaign: emailman id %s, tracker key %s: %s%s%s',
                $queueId,
                $outcome->email->targetTrackerKey,
                $outcome->activityType,
                $outcome->retry ? ' (queued for a retry)' : '',
                $outcome->reason !== '' ? ': ' . $outcome->reason : ''
            ));
        }
    }
}

<?php

declare(strict_types=1);

namespace MailBridge\SuiteCRM\Campaign;

/**
 * Stores the outcome of each campaign email. The SuiteCRM implementation
 * (MailBridge\SuiteCRM\Legacy\EmailManCampaignLogRecorder) writes campaign_log
 * rows and updates the emailman queue. The tests keep outcomes in memory.
 */
interface CampaignLogRecorder
{
    /**
     * Records one outcome. CampaignSender calls this once per email, in the
     * order the emails finish, which is not the input order.
     * An exception thrown here stops the batch and propagates to the caller
     * of CampaignSender::sendBatch(). Emails not recorded by then keep
     * their queued rows, although one that was in flight may have been delivered.
     */
    public function record(CampaignOutcome $outcome): void;
}

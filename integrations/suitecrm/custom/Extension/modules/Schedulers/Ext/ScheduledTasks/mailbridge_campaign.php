<?php
/*
 * Scheduler job "Send Campaign Emails through mailbridge": sends the due
 * campaign emails over parallel pooled SMTP sessions instead of the stock
 * runMassEmailCampaign job's one connection per email.
 *
 * Quick Repair and Rebuild compiles this file into
 * custom/modules/Schedulers/Ext/ScheduledTasks/scheduledtasks.ext.php, which
 * modules/Schedulers/_AddJobsHere.php includes after its own $job_strings.
 */

$job_strings[] = 'mailbridgeRunMassEmailCampaign';

/** Runs one campaign delivery; falls back to the stock job when the extension is missing. */
function mailbridgeRunMassEmailCampaign()
{
    if (!extension_loaded('mailbridge')) {
        $GLOBALS['log']->warn('mailbridgeRunMassEmailCampaign: the mailbridge extension is not loaded,'
            . ' so the stock runMassEmailCampaign job sends the campaign emails');
        return runMassEmailCampaign();
    }
    require_once 'custom/include/MailBridge/autoload.php';
    return (new MailBridge\SuiteCRM\Legacy\CampaignDelivery())->run();
}

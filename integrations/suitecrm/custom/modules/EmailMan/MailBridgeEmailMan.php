<?php
/*
 * EmailMan bean that sends campaign emails through the mailbridge transport
 * bridge.
 *
 * Registered in place of EmailMan by
 * custom/Extension/application/Ext/Include/mailbridge.php when the mailbridge
 * extension is loaded. EmailManDelivery.php (the "Run Nightly Mass Email
 * Campaigns" job and the "Send Queued Campaign Emails" action) passes its one
 * SugarPHPMailer to sendEmail() for every queued row, so the bridge keeps one
 * SMTP session for the whole run where PHPMailer alone connects once per email.
 */

if (!defined('sugarEntry') || !sugarEntry) {
    die('Not A Valid Entry Point');
}

require_once 'custom/include/MailBridge/autoload.php';

use MailBridge\SuiteCRM\BridgeInstaller;

#[\AllowDynamicProperties]
class MailBridgeEmailMan extends EmailMan
{
    /** Installs the bridge on $mail, then sends as EmailMan::sendEmail() does. */
    public function sendEmail(SugarPHPMailer $mail, $save_emails = 1, $testmode = false)
    {
        BridgeInstaller::install($mail);
        return parent::sendEmail($mail, $save_emails, $testmode);
    }
}

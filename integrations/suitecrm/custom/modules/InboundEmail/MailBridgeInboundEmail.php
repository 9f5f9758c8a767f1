<?php
/*
 * InboundEmail bean that reads mailboxes through the mailbridge extension.
 *
 * SuiteCRM 7.14 and 8.x hard-code the IMAP handler of InboundEmail
 * (getImapHandlerType() returns 'imap2', javanile/php-imap2), and the
 * handler factory's list is protected, so the only way in without a core
 * edit is this subclass. custom/Extension/application/Ext/Include/mailbridge.php
 * registers it in place of InboundEmail when the extension is loaded.
 * getImap() then returns MailBridge\SuiteCRM\Imap\MailBridgeImapHandler,
 * unless a handler was injected (tests do that) or the inbound part is
 * switched off with $sugar_config['mailbridge']['inbound'] = false.
 *
 * NOTE: the "Check Inbound Mailboxes" scheduler job (pollMonitoredInboxesAOP
 * in modules/Schedulers/_AddJobsHere.php) creates AOPInboundEmail with
 * "new", not through BeanFactory, so that job keeps php-imap2.
 */

if (!defined('sugarEntry') || !sugarEntry) {
    die('Not A Valid Entry Point');
}

require_once 'custom/include/MailBridge/autoload.php';
require_once 'modules/InboundEmail/InboundEmail.php';

use MailBridge\SuiteCRM\Imap\MailBridgeImapHandler;

#[\AllowDynamicProperties]
class MailBridgeInboundEmail extends InboundEmail
{
    /**
     * Returns the injected handler, or the mailbridge handler with the
     * 5-second open, read and write timeouts that InboundEmail::getImap() sets.
     */
    public function getImap(ImapHandlerInterface $imap = null)
    {
        if ($this->imap === null && $imap === null && MailBridgeImapHandler::isEnabled()) {
            $imap = new MailBridgeImapHandler();
            $imap->setTimeout(1, 5);
            $imap->setTimeout(2, 5);
            $imap->setTimeout(3, 5);
        }
        return parent::getImap($imap);
    }
}

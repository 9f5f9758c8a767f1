<?php
/*
 * Replaces the Email and EmailMan beans with subclasses that send through the
 * mailbridge transport bridge, and the InboundEmail bean with one that reads
 * mailboxes through the extension's IMAP handler (MailBridge\Compat\ImapHandler,
 * in builds that have it). BeanFactory reads $customBeanList and
 * $customBeanFiles since SuiteCRM 7.10.26 and 7.11.14, so 7.14 and 8.x
 * (under public/legacy) support them.
 * Quick Repair and Rebuild compiles this file into
 * custom/application/Ext/Include/modules.ext.php.
 *
 * Without the mailbridge extension nothing is replaced, so SuiteCRM sends
 * with its stock classes.
 */

if (extension_loaded('mailbridge')) {
    $customBeanList['Emails'] = 'MailBridgeEmail';
    $customBeanFiles['MailBridgeEmail'] = 'custom/modules/Emails/MailBridgeEmail.php';

    $customBeanList['EmailMan'] = 'MailBridgeEmailMan';
    $customBeanFiles['MailBridgeEmailMan'] = 'custom/modules/EmailMan/MailBridgeEmailMan.php';

    if (class_exists('MailBridge\\Compat\\ImapHandler')) {
        $customBeanList['InboundEmail'] = 'MailBridgeInboundEmail';
        $customBeanFiles['MailBridgeInboundEmail'] = 'custom/modules/InboundEmail/MailBridgeInboundEmail.php';
    }
}

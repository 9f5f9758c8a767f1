<?php
/*
 * Replacement for SuiteCRM's include/SugarPHPMailer.php that makes every
 * SugarPHPMailer a native mailbridge mailer (MailBridge\SuiteCRM\SugarMailer
 * over MailBridge\Mailer).
 *
 * SuiteCRM loads include/SugarPHPMailer.php by path from about twenty places
 * and type-hints SugarPHPMailer in Email and EmailMan, so the class can only
 * change by changing this core file. Keep the stock file as
 * include/SugarPHPMailer.stock.php: this file falls back to it when the
 * extension or MailBridge\Mailer is missing, or when
 * $sugar_config['mailbridge']['native_mailer'] is false.
 *
 * A SuiteCRM upgrade overwrites this file with the stock one, which turns the
 * native mailer off until the file is replaced again.
 */

if (!defined('sugarEntry') || !sugarEntry) {
    die('Not A Valid Entry Point');
}

require_once 'custom/include/MailBridge/autoload.php';
require_once 'include/OutboundEmail/OutboundEmail.php';

if (
    extension_loaded('mailbridge')
    && class_exists('MailBridge\\Mailer')
    && ($GLOBALS['sugar_config']['mailbridge']['native_mailer'] ?? true)
) {
    #[\AllowDynamicProperties]
    class SugarPHPMailer extends MailBridge\SuiteCRM\SugarMailer
    {
    }
} else {
    require_once 'include/SugarPHPMailer.stock.php';
}

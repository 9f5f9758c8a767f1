<?php
/*
 * Email bean that sends through the mailbridge transport bridge.
 *
 * Registered in place of Email by
 * custom/Extension/application/Ext/Include/mailbridge.php when the mailbridge
 * extension is loaded. It covers every send that configures its mailer through
 * Email::setMailer() or Email::setOutboundBasedMailer() (compose, reply,
 * forward, sends from an outbound account), and the "Send Test Email" button.
 * Other SuiteCRM code that creates a SugarPHPMailer itself keeps PHPMailer's
 * own SMTP class, see docs/suitecrm.md in the mailbridge repository.
 */

if (!defined('sugarEntry') || !sugarEntry) {
    die('Not A Valid Entry Point');
}

require_once 'custom/include/MailBridge/autoload.php';

use MailBridge\SuiteCRM\BridgeInstaller;

#[\AllowDynamicProperties]
class MailBridgeEmail extends Email
{
    /** Configures $mail as Email::setMailer() does, then installs the bridge. */
    public function setMailer($mail, $mailer_id = '', $ieId = '')
    {
        $mail = parent::setMailer($mail, $mailer_id, $ieId);
        BridgeInstaller::install($mail);
        return $mail;
    }

    /** Configures $mail as Email::setOutboundBasedMailer() does, then installs the bridge. */
    public function setOutboundBasedMailer(SugarPHPMailer $mail, OutboundEmailAccounts $outboundEmail): void
    {
        parent::setOutboundBasedMailer($mail, $outboundEmail);
        BridgeInstaller::install($mail);
    }

    /**
     * Sends the "Send Test Email" message through the bridge.
     *
     * Email::sendEmailTest() creates its SugarPHPMailer internally, so this
     * override builds the same test message itself: SMTP settings from the
     * form (mail_smtpssl 1 is implicit TLS, 2 is STARTTLS), the test subject
     * and body from the Emails language strings, and the same return value,
     * ['status' => bool, 'errorMessage' => string, 'fullSmtpLog' => string]
     * with the last two only on failure. Without the bridge it calls the
     * parent method unchanged.
     */
    public function sendEmailTest(
        $mailserver_url,
        $port,
        $ssltls,
        $smtp_auth_req,
        $smtp_username,
        $smtppassword,
        $fromaddress,
        $toaddress,
        $mail_sendtype = 'smtp',
        $fromname = ''
    ) {
        if (!BridgeInstaller::isEnabled()) {
            return parent::sendEmailTest(
                $mailserver_url,
                $port,
                $ssltls,
                $smtp_auth_req,
                $smtp_username,
                $smtppassword,
                $fromaddress,
                $toaddress,
                $mail_sendtype,
                $fromname
            );
        }

        global $current_user, $app_strings;
        $emailStrings = return_module_language($GLOBALS['current_language'], 'Emails');

        $mail = new SugarPHPMailer(true);
        BridgeInstaller::install($mail);
        $mail->Mailer = strtolower((string) $mail_sendtype) === 'smtp' ? 'smtp' : 'sendmail';
        if ($mail->Mailer === 'smtp') {
            $this->applyTestServerSettings($mail, $mailserver_url, $port, (int) $ssltls);
            if ($smtp_auth_req) {
                $mail->SMTPAuth = true;
                $mail->Username = $smtp_username;
                $mail->Password = $smtppassword;
            }
        }

        $mail->Subject = from_html($emailStrings['LBL_TEST_EMAIL_SUBJECT']);
        $mail->From = $fromaddress;
        $mail->Sender = $fromaddress;
        $mail->FromName = $fromname !== '' ? html_entity_decode($fromname, ENT_QUOTES) : $current_user->name;
        $mail->addAddress($toaddress);
        $mail->Body = $emailStrings['LBL_TEST_EMAIL_BODY'];

        if ($mail->send()) {
            return ['status' => true];
        }
        // The response is JSON, so output buffered before the failure is dropped.
        if (ob_get_level() > 0) {
            ob_clean();
        }
        return [
            'status' => false,
            'errorMessage' => $app_strings['LBL_EMAIL_ERROR_PREPEND'] . $mail->ErrorInfo,
            'fullSmtpLog' => $mail->fullSmtpLog,
        ];
    }

    /** Sets host, port and TLS mode from the test form's values. */
    private function applyTestServerSettings(SugarPHPMailer $mail, $host, $port, int $security): void
    {
        $mail->Host = $host;
        $mail->Port = $port;
        $mail->protocol = $security === 0 ? 'tcp://' : 'ssl://';
        if ($security === 1) {
            $mail->SMTPSecure = 'ssl';
        } elseif ($security === 2) {
            $mail->SMTPSecure = 'tls';
        }
    }
}

<?php

declare(strict_types=1);

namespace MailBridge\SuiteCRM;

use PHPMailer\PHPMailer\PHPMailer;

/**
 * Installs the mailbridge transport bridge (MailBridge\PHPMailer\SMTP) into
 * a PHPMailer object such as SuiteCRM's SugarPHPMailer. PHPMailer keeps
 * composing the message and the extension's pooled SMTP sessions carry it.
 *
 * The bridge is installed only when the mailbridge extension is loaded, the
 * bridge class can be loaded and $sugar_config['mailbridge']['enabled'] is not
 * false. Otherwise the mailer keeps PHPMailer's own SMTP class.
 */
final class BridgeInstaller
{
    /** Class of the transport bridge, from integrations/phpmailer/SMTP.php. */
    public const BRIDGE_CLASS = 'MailBridge\\PHPMailer\\SMTP';

    /** Whether the missing-bridge warning was logged in this process. */
    private static bool $missingBridgeLogged = false;

    /**
     * Replaces $mail's SMTP object with the bridge when the bridge can be
     * used, and returns whether $mail now sends through it. A mailer that
     * already has the bridge keeps its instance, and with it its session.
     */
    public static function install(PHPMailer $mail): bool
    {
        if (!self::isEnabled()) {
            return false;
        }
        $current = $mail->getSMTPInstance();
        if (is_a($current, self::BRIDGE_CLASS)) {
            return true;
        }

        $bridgeClass = self::BRIDGE_CLASS;
        $mail->setSMTPInstance(new $bridgeClass());
        self::log('debug', 'mailbridge: the PHPMailer transport bridge is installed on ' . get_class($mail));
        return true;
    }

    /**
     * Returns true when the extension is loaded, the bridge class can be
     * loaded and the bridge is not switched off in $sugar_config.
     */
    public static function isEnabled(): bool
    {
        $config = $GLOBALS['sugar_config']['mailbridge'] ?? [];
        if (is_array($config) && array_key_exists('enabled', $config) && !$config['enabled']) {
            return false;
        }
        if (!extension_loaded('mailbridge')) {
            return false;
        }
        if (!class_exists(self::BRIDGE_CLASS)) {
            if (!self::$missingBridgeLogged) {
                self::$missingBridgeLogged = true;
                self::log('warn', 'mailbridge: the extension is loaded but class ' . self::BRIDGE_CLASS
                    . ' was not found, so mail goes through PHPMailer\'s own SMTP class;'
                    . ' copy integrations/phpmailer/SMTP.php to custom/include/MailBridge/PHPMailer/SMTP.php');
            }
            return false;
        }
        return true;
    }

    /** Writes $text to SuiteCRM's log when it exists. */
    private static function log(string $level, string $text): void
    {
        $logger = $GLOBALS['log'] ?? null;
        if (is_object($logger)) {
            $logger->$level($text);
        }
    }
}

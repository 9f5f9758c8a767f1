<?php
/*
 * Autoloader for the mailbridge SuiteCRM kit.
 *
 * Maps MailBridge\SuiteCRM\<Path> to <this directory>/<Path>.php, and
 * MailBridge\PHPMailer\SMTP (the PHPMailer transport bridge) to
 * PHPMailer/SMTP.php in this directory. Requiring this file more than once
 * registers the autoloader once.
 */

declare(strict_types=1);

if (!function_exists('mailbridge_suitecrm_autoload')) {
    /** Loads a class of the kit and ignores every other class. */
    function mailbridge_suitecrm_autoload(string $class): void
    {
        $prefix = 'MailBridge\\SuiteCRM\\';
        if (strncmp($class, $prefix, strlen($prefix)) === 0) {
            $relative = str_replace('\\', '/', substr($class, strlen($prefix)));
            $file = __DIR__ . '/' . $relative . '.php';
        } elseif ($class === 'MailBridge\\PHPMailer\\SMTP') {
            $file = __DIR__ . '/PHPMailer/SMTP.php';
        } else {
            return;
        }
        if (is_file($file)) {
            require_once $file;
        }
    }

    spl_autoload_register('mailbridge_suitecrm_autoload');
}

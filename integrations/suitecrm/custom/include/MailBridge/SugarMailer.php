<?php

declare(strict_types=1);

namespace MailBridge\SuiteCRM;

/**
 * SuiteCRM's mailer on top of MailBridge\Mailer: the public members of
 * SuiteCRM's SugarPHPMailer (include/SugarPHPMailer.php in SuiteCRM 7.14), with
 * the message composed and sent by the extension instead of PHPMailer.
 *
 * include/SugarPHPMailer.php declares `class SugarPHPMailer extends
 * SugarMailer` in place of the stock class when this mailer is enabled; see
 * docs/suitecrm.md in the mailbridge repository. SuiteCRM's globals
 * ($sugar_config, $locale, $current_user, $app_strings, $log) and classes
 * (BeanFactory, OutboundEmail) are used when they exist, so the class also
 * runs outside SuiteCRM with UTF-8 and no outbound account.
 *
 * Deliberate differences from SugarPHPMailer 7.14.6:
 * - send() restores $exceptions after a failure too.
 * - embeddedAttachmentExists() compares content IDs, not file names.
 * - replace() inserts the value literally, so "$1" or "\\" in it stay as typed.
 * - The HTML skeleton of prepForOutbound() escapes the subject in <title>.
 * - handleAttachments() embeds images referenced as cache/images/... instead
 *   of turning the reference into a cid: without a part.
 */
#[\AllowDynamicProperties]
class SugarMailer extends \MailBridge\Mailer
{
    /** OutboundEmail bean of the current user's account, when SuiteCRM is loaded. */
    public $oe;
    /** 'ssl://' when the account uses implicit TLS, else 'tcp://'. Kept for SuiteCRM code that reads it. */
    public $protocol = 'tcp://';
    /** Stays false, because each email is prepared on its own (as in SuiteCRM). */
    public $preppedForOutbound = false;
    /** Whether the admin's disclosure text is appended to every body. */
    public $disclosureEnabled;
    /** Disclosure text from the admin settings. */
    public $disclosureText;
    public $isHostEmpty = false;
    public $opensslOpened = true;
    /** Transcript of the last send(), one "level: line" per line. */
    public $fullSmtpLog = '';
    /** HTML body for callers that fill it before calling replace(). */
    public $Body_html;

    /** FromName default of the base class, read before the first constructor ran. */
    private static ?string $defaultFromName = null;

    /** Sets SuiteCRM's defaults and loads the disclosure and the user's outbound account. */
    public function __construct($exceptions = null)
    {
        self::$defaultFromName ??= (string) $this->FromName;
        parent::__construct($exceptions);

        $this->loadDisclosureSettings();
        $this->oe = self::loadOutboundAccount('user');

        $this->setLanguage('en');
        $this->Mailer = 'smtp';
        $this->CharSet = self::outboundCharset();
        $this->Encoding = 'quoted-printable';
        $this->isHTML(false);
        $this->Hostname = (string) ($GLOBALS['sugar_config']['host_name'] ?? '');
        $this->WordWrap = 996;
        if ($this->oe !== null && (int) $this->oe->mail_smtpssl === 1) {
            $this->protocol = 'ssl://';
        }
        // SuiteCRM turns opportunistic STARTTLS off, so TLS is used only when
        // the account sets mail_smtpssl to 1 or 2.
        $this->SMTPAutoTLS = false;
    }

    /** Applies the current user's outbound account. */
    public function setMailer()
    {
        $account = self::loadOutboundAccount('user');
        if ($account !== null) {
            $this->applyOutboundSettings($account);
        }
    }

    /** Applies the system outbound account. */
    public function setMailerForSystem()
    {
        $account = self::loadOutboundAccount('system');
        if ($account !== null) {
            $this->applyOutboundSettings($account);
        }
    }

    /**
     * Copies the transport fields of an outbound_email row (an OutboundEmail
     * or OutboundEmailAccounts bean, or any object with the same fields).
     * mail_smtpssl 1 is implicit TLS ('ssl'), 2 is STARTTLS ('tls') and 0 is
     * no TLS. Unlike SugarPHPMailer, 0 also clears an SMTPSecure left from an
     * earlier account.
     */
    public function applyOutboundSettings(object $account): void
    {
        $security = (int) ($account->mail_smtpssl ?? 0);
        $this->protocol = $security !== 0 ? 'ssl://' : 'tcp://';
        if (strtolower((string) ($account->mail_sendtype ?? '')) !== 'smtp') {
            $this->Mailer = 'sendmail';
            return;
        }

        $this->Mailer = 'smtp';
        $this->Host = (string) ($account->mail_smtpserver ?? '');
        $this->Port = (int) ($account->mail_smtpport ?? 25);
        $this->SMTPSecure = [1 => 'ssl', 2 => 'tls'][$security] ?? '';
        if (!empty($account->mail_smtpauth_req)) {
            $this->SMTPAuth = true;
            $this->Username = (string) ($account->mail_smtpuser ?? '');
            $this->Password = (string) ($account->mail_smtppass ?? '');
        }
    }

    /**
     * Prepares the message for sending: appends the disclosure, converts
     * bodies, subject and sender name from UTF-8 to the outbound charset,
     * wraps an HTML body without <html> in an XHTML document and, when the
     * sender name is still the default, uses the SMTP user name instead.
     */
    public function prepForOutbound()
    {
        if ($this->preppedForOutbound) {
            return;
        }
        $charset = self::outboundCharset();

        if ($this->disclosureEnabled) {
            $this->Body .= "<br />&nbsp;<br />{$this->disclosureText}";
            $this->AltBody .= "\r\r{$this->disclosureText}";
        }

        $this->Body = self::decodeHtml(self::convertCharset(trim((string) $this->Body), $charset));
        $this->AltBody = self::decodeHtml(self::convertCharset(trim((string) $this->AltBody), $charset));
        $this->Subject = self::convertCharset(self::decodeHtml(trim((string) $this->Subject)), $charset);

        if ($this->ContentType === 'text/html' && !str_contains((string) $this->Body, '<html')) {
            $this->Body = $this->htmlDocumentStart($charset) . $this->Body . '</body></html>';
        }

        $fromName = (string) $this->FromName;
        if ($fromName === self::$defaultFromName && !empty($this->Username)) {
            $fromName = (string) $this->Username;
        }
        $this->FromName = self::convertCharset(trim($fromName), $charset);
    }

    /**
     * Embeds the local files that <img> tags reference with a src matching
     * $regex (a regular expression fragment without delimiters), and points
     * those tags at cid: URLs. The file is $local_prefix followed by the rest
     * of the src, URL-decoded, which also serves as the content ID. With
     * $object the src is a download entry point (type=Notes or
     * type=Documents), and the part takes the bean's file name and type.
     * <img> tags that still point at a server-relative path are removed,
     * because no mail client can load them.
     */
    public function replaceImageByRegex($regex, $local_prefix, $object = false)
    {
        $tagPattern = '#<img[^>]*\ssrc[^=]*=\s*["\'](' . $regex . ')(.+?)["\']#si';
        preg_match_all($tagPattern, (string) $this->Body, $matches, PREG_SET_ORDER);
        foreach ($matches as $match) {
            $cid = urldecode($match[2]);
            $path = $local_prefix . $cid;
            if (!is_file($path)) {
                continue;
            }
            [$name, $type] = $object
                ? self::describeStoredFile($match[0], $cid)
                : [$cid, 'image/' . strtolower(pathinfo($cid, PATHINFO_EXTENSION))];
            if (!$this->embeddedAttachmentExists($cid)) {
                $this->addEmbeddedImage($path, $cid, $name, 'base64', $type);
            }
        }

        $this->Body = preg_replace('|"' . $regex . '|i', '"cid:', (string) $this->Body);
        $this->Body = preg_replace('#<img[^>]+src[^=]*="/[^>]*>#si', '', $this->Body);
    }

    /**
     * Replaces the attachments with the template's notes and embeds the
     * images the HTML body references from the image cache or through the
     * download entry point. Notes with embed_flag set are left to the
     * embedding. Files come from a note's temporary upload when it has one,
     * else from upload/<bean id>, where SuiteCRM's UploadFile stores them.
     *
     * @param iterable<object> $notes Note or DocumentRevision beans
     */
    public function handleAttachments($notes)
    {
        $this->clearAttachments();
        $siteUrl = preg_quote((string) ($GLOBALS['sugar_config']['site_url'] ?? ''), '#');
        $imageCache = function_exists('sugar_cached') ? sugar_cached('images/') : 'cache/images/';

        $this->replaceImageByRegex("(?:$siteUrl)?/?" . preg_quote($imageCache, '#'), $imageCache);
        $this->replaceImageByRegex("(?:$siteUrl)?/?index.php[?]entryPoint=download&(?:amp;)?[^\"]+?id=", 'upload/', true);

        foreach ($notes ?: [] as $note) {
            if (!empty($note->embed_flag)) {
                continue;
            }
            $attachment = self::describeNoteFile($note);
            if ($attachment !== null) {
                $this->addAttachment($attachment[0], $attachment[1], 'base64', $attachment[2]);
            }
        }
    }

    /** Logs $msg to SuiteCRM's log, then stores it as the base class does. */
    protected function setError($msg)
    {
        self::log('fatal', "SugarMailer encountered an error: $msg");
        parent::setError($msg);
    }

    /**
     * Connects as the base class does. On failure without exceptions, the
     * error is SuiteCRM's hint to check the system or personal account.
     */
    public function smtpConnect($options = null)
    {
        $connected = parent::smtpConnect($options);
        if (!$connected) {
            $strings = $GLOBALS['app_strings'] ?? [];
            $key = isset($this->oe) && ($this->oe->type ?? '') === 'system'
                ? 'LBL_EMAIL_INVALID_SYSTEM_OUTBOUND'
                : 'LBL_EMAIL_INVALID_PERSONAL_OUTBOUND';
            $this->setError($strings[$key] ?? 'Failed to connect to the outbound mail server; check its settings.');
        }
        return $connected;
    }

    /** Sends a single space when the body is empty, as SuiteCRM does, instead of failing. */
    public function preSend()
    {
        if (empty($this->Body)) {
            $this->Body = ' ';
        }
        return parent::preSend();
    }

    /**
     * Sends the message with exceptions on and the SMTPDebug level 3
     * transcript collected in $fullSmtpLog, where the client line after each
     * 334 challenge is masked. Returns true when sent, and null on failure
     * with the error logged and left in ErrorInfo, as SugarPHPMailer does.
     */
    public function send()
    {
        $this->fullSmtpLog = '';
        $savedExceptions = $this->exceptions;
        $this->exceptions = true;
        $previousWas334 = false;
        $this->Debugoutput = function ($line, $level) use (&$previousWas334): void {
            $this->fullSmtpLog .= $previousWas334
                ? "$level: CLIENT -> SERVER: ---obfuscated---\n"
                : "$level: $line\n";
            $previousWas334 = str_contains((string) $line, 'SERVER -> CLIENT: 334');
        };
        $this->SMTPDebug = 3;

        try {
            return parent::send();
        } catch (\Exception $e) {
            $text = method_exists($e, 'errorMessage') ? strip_tags($e->errorMessage()) : $e->getMessage();
            self::log('error', "send: mailer exception: { $text }");
            return null;
        } finally {
            $this->exceptions = $savedExceptions;
        }
    }

    /** Returns whether an inline part with content ID $cid is already attached. */
    protected function embeddedAttachmentExists($cid)
    {
        foreach ($this->attachment as $attachment) {
            // Slot 6 is the disposition and slot 7 the content ID.
            if (($attachment[6] ?? '') === 'inline' && ($attachment[7] ?? null) === $cid) {
                return true;
            }
        }
        return false;
    }

    /** Replaces the template variable $<key> with $value in subject and bodies. */
    public function replace($key, $value)
    {
        $pattern = '/\$' . preg_quote((string) $key, '/') . '\b/';
        $literal = static fn (): string => (string) $value;
        $this->Subject = preg_replace_callback($pattern, $literal, (string) $this->Subject);
        $this->Body = preg_replace_callback($pattern, $literal, (string) $this->Body);
        $this->Body_html = preg_replace_callback($pattern, $literal, (string) $this->Body_html);
        $this->AltBody = preg_replace_callback($pattern, $literal, (string) $this->AltBody);
    }

    private function loadDisclosureSettings(): void
    {
        if (!class_exists('BeanFactory', false)) {
            return;
        }
        $admin = \BeanFactory::newBean('Administration');
        $admin->retrieveSettings();
        if (!empty($admin->settings['disclosure_enable'])) {
            $this->disclosureEnabled = true;
            $this->disclosureText = $admin->settings['disclosure_text'] ?? '';
        }
    }

    private function htmlDocumentStart(string $charset): string
    {
        $language = function_exists('get_language_header') ? get_language_header() : '';
        $title = htmlspecialchars((string) $this->Subject, ENT_QUOTES | ENT_SUBSTITUTE, $charset);
        return '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"'
            . ' "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">' . "\n"
            . "<html xmlns=\"http://www.w3.org/1999/xhtml\" $language>\n<head>\n"
            . "\t<meta http-equiv=\"Content-Type\" content=\"text/html; charset=$charset\" />\n"
            . "<title>$title</title>\n</head>\n<body>\n";
    }

    /**
     * Loads the user's ('user') or the system ('system') outbound account,
     * or returns null outside SuiteCRM.
     */
    private static function loadOutboundAccount(string $which): ?object
    {
        if (!class_exists('OutboundEmail')) {
            return null;
        }
        $outbound = new \OutboundEmail();
        if ($which === 'system') {
            return $outbound->getSystemMailerSettings();
        }
        // getUserMailerSettings() takes the user by reference, so it needs a variable.
        $user = $GLOBALS['current_user'] ?? null;
        return $outbound->getUserMailerSettings($user);
    }

    /**
     * Returns [file name, MIME type] of a file referenced through the
     * download entry point, from its Notes or DocumentRevisions bean.
     *
     * @return array{0: string, 1: string}
     */
    private static function describeStoredFile(string $tag, string $id): array
    {
        $module = null;
        if (preg_match('#&(?:amp;)?type=(\w+)#i', $tag, $typeMatch) === 1) {
            $module = ['documents' => 'DocumentRevisions', 'notes' => 'Notes'][strtolower($typeMatch[1])] ?? null;
        }
        if ($module !== null && class_exists('BeanFactory', false)) {
            $bean = \BeanFactory::getBean($module, $id);
            if (!empty($bean->id)) {
                return [(string) $bean->filename, (string) $bean->file_mime_type];
            }
        }
        return [$id, 'application/octet-stream'];
    }

    /**
     * Returns [path, file name, MIME type] of a Note or DocumentRevision, or
     * null for another kind of bean.
     *
     * @return array{0: string, 1: string, 2: string}|null
     */
    private static function describeNoteFile(object $note): ?array
    {
        $kind = $note->object_name ?? '';
        if ($kind === 'Note' && !empty($note->file->temp_file_location) && is_file($note->file->temp_file_location)) {
            return [
                $note->file->temp_file_location,
                (string) $note->file->original_file_name,
                (string) ($note->file->mime_type ?: 'application/octet-stream'),
            ];
        }
        if ($kind === 'Note' || $kind === 'DocumentRevision') {
            return [
                'upload/' . $note->id,
                (string) $note->filename,
                (string) ($note->file_mime_type ?: 'application/octet-stream'),
            ];
        }
        return null;
    }

    /** Returns the outbound charset: default_email_charset from $locale, else UTF-8. */
    private static function outboundCharset(): string
    {
        $locale = $GLOBALS['locale'] ?? null;
        if (is_object($locale) && method_exists($locale, 'getPrecedentPreference')) {
            $charset = $locale->getPrecedentPreference('default_email_charset');
            if (is_string($charset) && $charset !== '') {
                return $charset;
            }
        }
        return 'UTF-8';
    }

    private static function convertCharset(string $text, string $charset): string
    {
        if (strcasecmp($charset, 'UTF-8') === 0) {
            return $text;
        }
        $locale = $GLOBALS['locale'] ?? null;
        if (is_object($locale) && method_exists($locale, 'translateCharset')) {
            return (string) $locale->translateCharset($text, 'UTF-8', $charset);
        }
        $converted = @iconv('UTF-8', $charset . '//TRANSLIT', $text);
        return $converted === false ? $text : $converted;
    }

    /** Decodes the HTML entities that SuiteCRM stores in bean fields. */
    private static function decodeHtml(string $text): string
    {
        if (function_exists('from_html')) {
            return (string) from_html($text);
        }
        return htmlspecialchars_decode($text, ENT_QUOTES);
    }

    private static function log(string $level, string $text): void
    {
        $logger = $GLOBALS['log'] ?? null;
        if (is_object($logger)) {
            $logger->$level($text);
        }
    }
}

<?php
/*
 * SuiteCRM's ImapHandlerInterface on top of the mailbridge extension's
 * MailBridge\Compat\ImapHandler, which has the same 42 methods with
 * ext/imap's results. This class only adapts: it takes the untyped
 * arguments SuiteCRM passes, logs failures the way SuiteCRM's own
 * handlers do, and keeps SuiteCRM's extra public methods
 * (messageStructureHasAttachment(), and headerInfo(), which
 * InboundEmail::getMessagesInEmailCache() calls but neither stock handler
 * has).
 *
 * The "stream" that open() returns and isValidStream() accepts is the
 * native handler object.
 *
 * No declare(strict_types=1): SuiteCRM passes message numbers as strings
 * and flags as ints, and PHP's usual coercion turns them into the
 * native types.
 */

namespace MailBridge\SuiteCRM\Imap;

use ImapHandlerInterface;
use MailBridge\Compat\ImapHandler as NativeHandler;

if (!interface_exists('ImapHandlerInterface', false)) {
    require_once 'include/Imap/ImapHandlerInterface.php';
}

// SuiteCRM code uses ext/imap's global constants (FT_UID, SE_UID, CL_EXPUNGE,
// OP_XOAUTH2, ...). ext/imap or php-imap2's bootstrap define them; without
// either, define the missing ones with the native handler's values, which
// are ext/imap's. Nothing is redefined when ext/imap is loaded.
if (class_exists(NativeHandler::class)) {
    foreach ((new \ReflectionClass(NativeHandler::class))->getConstants() as $name => $value) {
        if (!defined($name)) {
            define($name, $value);
        }
    }
}

class MailBridgeImapHandler implements ImapHandlerInterface
{
    private NativeHandler $native;

    /**
     * $options are those of MailBridge\Compat\ImapHandler: cafile, capath,
     * timeout. Without $options, $sugar_config['mailbridge']['imap'] is used.
     */
    public function __construct(?array $options = null)
    {
        $options ??= self::configuredOptions();
        $this->native = new NativeHandler($options);
    }

    /**
     * True when the extension has the handler and the kit's inbound part is
     * not switched off with $sugar_config['mailbridge']['inbound'] = false.
     */
    public static function isEnabled(): bool
    {
        $config = $GLOBALS['sugar_config']['mailbridge'] ?? [];
        return class_exists(NativeHandler::class)
            && ($config['enabled'] ?? true) !== false
            && ($config['inbound'] ?? true) !== false;
    }

    /** The handler options from $sugar_config['mailbridge']['imap'], keeping only known keys. */
    public static function configuredOptions(): array
    {
        $configured = $GLOBALS['sugar_config']['mailbridge']['imap'] ?? [];
        return is_array($configured) ? array_intersect_key($configured, array_flip(['cafile', 'capath', 'timeout'])) : [];
    }

    /** The native handler, for code that needs ext/imap functions this interface lacks (fetchMime()). */
    public function getNativeHandler(): NativeHandler
    {
        return $this->native;
    }

    public function isAvailable()
    {
        return $this->native->isAvailable();
    }

    public function isValidStream($stream): bool
    {
        return $this->native->isValidStream($stream);
    }

    public function getLastError()
    {
        return $this->native->getLastError();
    }

    public function getErrors()
    {
        return $this->native->getErrors();
    }

    public function getAlerts()
    {
        return $this->native->getAlerts();
    }

    public function open($mailbox, $username, $password, $options = 0, $n_retries = 0, $params = null)
    {
        // SuiteCRM's handlers call imap_open() with "@" and log the errors themselves.
        $stream = @$this->native->open((string)$mailbox, (string)$username, (string)$password, (int)$options,
            (int)$n_retries, is_array($params) ? $params : null);
        if ($stream === false) {
            $this->log('error', 'IMAP open of ' . $mailbox . ' as ' . $username . ' failed: '
                . ($this->native->getLastError() ?: 'no error text'));
        }
        return $stream;
    }

    public function close()
    {
        return $this->native->close();
    }

    public function ping()
    {
        return $this->native->isValidStream($this->native) && $this->native->ping();
    }

    public function reopen($mailbox, $options = 0, $n_retries = 0)
    {
        return $this->native->reopen((string)$mailbox, (int)$options, (int)$n_retries);
    }

    public function getConnection()
    {
        return $this->native->getConnection();
    }

    public function setTimeout($timeout_type, $timeout = -1)
    {
        return $this->native->setTimeout((int)$timeout_type, (int)$timeout);
    }

    public function getMailboxes($ref, $pattern)
    {
        // The interface promises an array, so "nothing listed" (false in ext/imap) becomes [].
        $result = $this->native->getMailboxes((string)$ref, (string)$pattern);
        return $result === false ? [] : $result;
    }

    /**
     * Returns sorted message numbers (UIDs with SE_UID). No charset is sent
     * for ASCII criteria, so SuiteCRM's retry after "[BADCHARSET (US-ASCII)]"
     * is not needed. For non-ASCII criteria the server's text is in getLastError().
     */
    public function sort($criteria, $reverse, $options = 0, $search_criteria = null, $charset = null)
    {
        return $this->native->sort((int)$criteria, (bool)$reverse, (int)$options,
            $search_criteria === null ? null : (string)$search_criteria, $charset === null ? null : (string)$charset);
    }

    public function getMessageNo($uid)
    {
        return $this->native->getMessageNo((int)$uid);
    }

    public function getHeaderInfo($msg_number, $fromlength = 0, $subjectlength = 0, $defaulthost = null)
    {
        return $this->native->getHeaderInfo((int)$msg_number, (int)$fromlength, (int)$subjectlength,
            $defaulthost === null ? null : (string)$defaulthost);
    }

    /** The method InboundEmail::getMessagesInEmailCache() calls; the same as getHeaderInfo(). */
    public function headerInfo($msg_number, $fromlength = 0, $subjectlength = 0, $defaulthost = null)
    {
        return $this->getHeaderInfo($msg_number, $fromlength, $subjectlength, $defaulthost);
    }

    public function fetchHeader($msg_number, $options = 0)
    {
        return $this->native->fetchHeader((int)$msg_number, (int)$options);
    }

    public function append($mailbox, $message, $options = null, $internal_date = null)
    {
        return $this->native->append((string)$mailbox, (string)$message, $options === null ? null : (string)$options,
            $internal_date === null ? null : (string)$internal_date);
    }

    public function getUid($msg_number)
    {
        return $this->native->getUid((int)$msg_number);
    }

    public function expunge()
    {
        return $this->native->expunge();
    }

    public function renameMailbox($old_mbox, $new_mbox)
    {
        return $this->native->renameMailbox((string)$old_mbox, (string)$new_mbox);
    }

    public function getNumberOfMessages()
    {
        return $this->native->getNumberOfMessages();
    }

    public function fetchOverview($sequence, $options = 0)
    {
        return $this->native->fetchOverview((string)$sequence, (int)$options);
    }

    public function fetchStructure($msg_number, $options = 0)
    {
        return $this->native->fetchStructure((int)$msg_number, (int)$options);
    }

    public function getBody($msg_number, $options)
    {
        return $this->native->getBody((int)$msg_number, (int)$options);
    }

    public function search($criteria, $options = SE_FREE, $charset = null)
    {
        return $this->native->search((string)$criteria, (int)$options, $charset === null ? null : (string)$charset);
    }

    public function delete($msg_number, $options = 0)
    {
        return $this->native->delete((string)$msg_number, (int)$options);
    }

    public function clearFlagFull($sequence, $flag, $options = 0)
    {
        return $this->native->clearFlagFull((string)$sequence, (string)$flag, (int)$options);
    }

    public function setFlagFull($sequence, $flag, $options = NIL)
    {
        return $this->native->setFlagFull((string)$sequence, (string)$flag, (int)$options);
    }

    public function unsubscribe($mailbox)
    {
        return $this->native->unsubscribe((string)$mailbox);
    }

    /** Decodes modified UTF-7, as SuiteCRM's ImapHandler::utf7Encode() does. */
    public function utf7Encode($data)
    {
        return $this->native->utf7Encode((string)$data);
    }

    public function deleteMailbox($mailbox)
    {
        return $this->native->deleteMailbox((string)$mailbox);
    }

    public function createMailbox($mailbox)
    {
        return $this->native->createMailbox((string)$mailbox);
    }

    public function subscribe($mailbox)
    {
        return $this->native->subscribe((string)$mailbox);
    }

    public function getStatus($mailbox, $options)
    {
        return $this->native->getStatus((string)$mailbox, (int)$options);
    }

    public function utf8($mime_encoded_text)
    {
        return $this->native->utf8((string)$mime_encoded_text);
    }

    public function fetchBody($msg_number, $section, $options = 0)
    {
        return $this->native->fetchBody((int)$msg_number, (string)$section, (int)$options);
    }

    public function mimeHeaderDecode($text)
    {
        return $this->native->mimeHeaderDecode((string)$text);
    }

    public function rfc822ParseHeaders($headers, $defaulthost = "UNKNOWN")
    {
        return $this->native->rfc822ParseHeaders((string)$headers, (string)$defaulthost);
    }

    public function check()
    {
        return $this->native->check();
    }

    public function mailCopy($msglist, $mailbox, $options = 0)
    {
        return $this->native->mailCopy((string)$msglist, (string)$mailbox, (int)$options);
    }

    public function mailMove($msglist, $mailbox, $options = 0)
    {
        return $this->native->mailMove((string)$msglist, (string)$mailbox, (int)$options);
    }

    public function getMessageList(
        ?string $filterCriteria,
        $sortCriteria,
        $sortOrder,
        int $offset,
        int $pageSize,
        array &$mailboxInfo,
        array $columns,
        string $auth_type
    ): array {
        return $this->native->getMessageList($filterCriteria, (int)$sortCriteria, (int)$sortOrder, $offset, $pageSize,
            $mailboxInfo, $columns, $auth_type);
    }

    /**
     * SuiteCRM's rule: any top-level type but text and multipart is an
     * attachment, and so is a part whose first disposition parameter has a
     * string value.
     */
    public function messageStructureHasAttachment($structure): bool
    {
        if (!is_object($structure)) {
            return false;
        }
        if (($structure->type ?? null) !== 0 && ($structure->type ?? null) !== 1) {
            return true;
        }
        foreach ($structure->parts ?? [] as $part) {
            if (is_string($part->dparameters[0]->value ?? null)) {
                return true;
            }
        }
        return false;
    }

    private function log(string $level, string $message): void
    {
        $logger = $GLOBALS['log'] ?? null;
        if (is_object($logger)) {
            $logger->$level('mailbridge: ' . $message);
        }
    }
}

<?php

/** @generate-class-entries */

namespace MailBridge;

/**
 * A mailer with PHPMailer 6's properties and methods, composed by
 * mailbridge's MIME code and sent through the SMTP connection pool. It is
 * not final: a subclass written for PHPMailer (SuiteCRM's SugarPHPMailer)
 * can extend it, and send() calls preSend(), postSend(), smtpConnect() and
 * setError() through normal method dispatch, so overrides run.
 * Properties and methods keep PHPMailer's names and defaults; docs/mailer.md
 * lists the deliberate differences.
 */
class Mailer
{
    /** @var int */
    public const STOP_MESSAGE = 0;
    /** @var int */
    public const STOP_CONTINUE = 1;
    /** @var int */
    public const STOP_CRITICAL = 2;
    /** @var string */
    public const CHARSET_ASCII = 'us-ascii';
    /** @var string */
    public const CHARSET_ISO88591 = 'iso-8859-1';
    /** @var string */
    public const CHARSET_UTF8 = 'utf-8';
    /** @var string */
    public const CONTENT_TYPE_PLAINTEXT = 'text/plain';
    /** @var string */
    public const CONTENT_TYPE_TEXT_HTML = 'text/html';
    /** @var string */
    public const CONTENT_TYPE_MULTIPART_ALTERNATIVE = 'multipart/alternative';
    /** @var string */
    public const ENCODING_7BIT = '7bit';
    /** @var string */
    public const ENCODING_8BIT = '8bit';
    /** @var string */
    public const ENCODING_BASE64 = 'base64';
    /** @var string */
    public const ENCODING_BINARY = 'binary';
    /** @var string */
    public const ENCODING_QUOTED_PRINTABLE = 'quoted-printable';
    /** @var string */
    public const ENCRYPTION_STARTTLS = 'tls';
    /** @var string */
    public const ENCRYPTION_SMTPS = 'ssl';

    /** @var int|null */
    public $Priority = null;
    /** @var string */
    public $CharSet = 'iso-8859-1';
    /** @var string */
    public $ContentType = 'text/plain';
    /** @var string */
    public $Encoding = '8bit';
    /** @var string */
    public $ErrorInfo = '';
    /** @var string */
    public $From = '';
    /** @var string */
    public $FromName = '';
    /** @var string */
    public $Sender = '';
    /** @var string */
    public $Subject = '';
    /** @var string */
    public $Body = '';
    /** @var string */
    public $AltBody = '';
    /** @var int */
    public $WordWrap = 0;
    /** @var string */
    public $Mailer = 'mail';
    /** @var string */
    public $ConfirmReadingTo = '';
    /** @var string */
    public $Hostname = '';
    /** @var string */
    public $MessageID = '';
    /** @var string */
    public $Host = 'localhost';
    /** @var int|string */
    public $Port = 25;
    /** @var string */
    public $Helo = '';
    /** @var string */
    public $SMTPSecure = '';
    /** @var bool */
    public $SMTPAutoTLS = true;
    /** @var bool */
    public $SMTPAuth = false;
    /** @var array */
    public $SMTPOptions = [];
    /** @var string */
    public $Username = '';
    /** @var string */
    public $Password = '';
    /** @var string */
    public $AuthType = '';
    /** @var int */
    public $Timeout = 300;
    /** @var int */
    public $SMTPDebug = 0;
    /** @var callable|string 'echo', 'html', 'error_log' or a callable($str, $level); the constructor sets 'html' outside the CLI. */
    public $Debugoutput = 'echo';
    /** @var bool */
    public $SMTPKeepAlive = false;
    /** @var string */
    public $XMailer = '';
    /** @var string */
    public $DKIM_selector = '';
    /** @var string */
    public $DKIM_identity = '';
    /** @var string */
    public $DKIM_passphrase = '';
    /** @var string */
    public $DKIM_domain = '';
    /** @var string */
    public $DKIM_private = '';
    /** @var bool mailbridge addition: send credentials without TLS. Off by default, unlike PHPMailer. */
    public $SMTPAllowPlaintextAuth = false;

    /** @var array Entries [0 path or bytes, 1 filename, 2 name, 3 encoding, 4 type, 5 isString, 6 disposition, 7 cid]. */
    protected $attachment = [];
    /** @var bool */
    protected $exceptions = false;
    /** @var array Lists of [address, name]. */
    protected $to = [];
    /** @var array */
    protected $cc = [];
    /** @var array */
    protected $bcc = [];
    /** @var array */
    protected $ReplyTo = [];
    /** @var array Entries [name, value]. */
    protected $CustomHeader = [];
    /** @var string */
    protected $MIMEHeader = '';
    /** @var string */
    protected $MIMEBody = '';
    /** @var string */
    protected $lastMessageID = '';

    public function __construct(?bool $exceptions = null) {}

    /** Calls $this->smtpClose(), as PHPMailer's destructor does. */
    public function __destruct() {}

    /** @return bool */
    public function send() {}

    /** @return bool */
    public function preSend() {}

    /** @return bool */
    public function postSend() {}

    /** @return bool */
    public function smtpConnect(mixed $options = null) {}

    /** @return void */
    public function smtpClose() {}

    /** @return void */
    public function isSMTP() {}

    /** @return void */
    public function isHTML(mixed $isHtml = true) {}

    /** @return bool */
    public function setFrom(mixed $address, mixed $name = '', mixed $auto = true) {}

    /** @return bool */
    public function addAddress(mixed $address, mixed $name = '') {}

    /** @return bool */
    public function addCC(mixed $address, mixed $name = '') {}

    /** @return bool */
    public function addBCC(mixed $address, mixed $name = '') {}

    /** @return bool */
    public function addReplyTo(mixed $address, mixed $name = '') {}

    /** @return bool */
    public function addAttachment(mixed $path, mixed $name = '', mixed $encoding = 'base64', mixed $type = '', mixed $disposition = 'attachment') {}

    /** @return bool */
    public function addStringAttachment(mixed $string, mixed $filename, mixed $encoding = 'base64', mixed $type = '', mixed $disposition = 'attachment') {}

    /** @return bool */
    public function addEmbeddedImage(mixed $path, mixed $cid, mixed $name = '', mixed $encoding = 'base64', mixed $type = '', mixed $disposition = 'inline') {}

    /** @return bool */
    public function addStringEmbeddedImage(mixed $string, mixed $cid, mixed $name = '', mixed $encoding = 'base64', mixed $type = '', mixed $disposition = 'inline') {}

    /** @return bool */
    public function addCustomHeader(mixed $name, mixed $value = null) {}

    /** @return void */
    public function clearAddresses() {}

    /** @return void */
    public function clearCCs() {}

    /** @return void */
    public function clearBCCs() {}

    /** @return void */
    public function clearReplyTos() {}

    /** @return void */
    public function clearAllRecipients() {}

    /** @return void */
    public function clearAttachments() {}

    /** @return void */
    public function clearCustomHeaders() {}

    /** @return string */
    public function msgHTML(mixed $message, mixed $basedir = '', mixed $advanced = false) {}

    /** @return bool */
    public function isError() {}

    /** @return bool */
    public function setLanguage(mixed $langcode = 'en', mixed $lang_path = '') {}

    /** @return string */
    public function createHeader() {}

    /** @return string */
    public function createBody() {}

    /** @return string */
    public function getSentMIMEMessage() {}

    /** @return string */
    public function getLastMessageID() {}

    /** @return void */
    protected function setError(mixed $msg) {}
}

/**
 * Thrown by MailBridge\Mailer when exceptions are on and
 * PHPMailer\PHPMailer\Exception is not loaded. The code is a
 * Mailer::STOP_* constant.
 *
 * @strict-properties
 * @not-serializable
 */
class MailerException extends \RuntimeException implements Exception
{
    /** Return the message as PHPMailer's Exception::errorMessage() does: HTML-escaped in <strong>. */
    public function errorMessage(): string {}
}

<?php
/*
 * PHPMailer's SMTP class on mailbridge's native SMTP client.
 *
 *     require '/usr/share/php/libphp-phpmailer/autoload.php';   // or Composer's autoloader
 *     require 'integrations/phpmailer/SMTP.php';
 *     $mail->setSMTPInstance(new MailBridge\PHPMailer\SMTP());
 *
 * Every method that PHPMailer 6.6.3's smtpConnect(), smtpSend() and
 * smtpClose() call is forwarded to a MailBridge\SmtpConnection, which
 * returns what PHPMailer's own class returns. Methods not overridden here
 * (verify(), sendAndMail(), and xclient() in newer PHPMailer
 * versions) run PHPMailer's code, which has no socket of its own, so they
 * return false with "Called ... without being connected". The class is not
 * final, so tests can mock it.
 */

namespace MailBridge\PHPMailer;

class SMTP extends \PHPMailer\PHPMailer\SMTP
{
    /** @var \MailBridge\SmtpConnection */
    protected $connection;

    public function __construct(?\MailBridge\SmtpConnection $connection = null)
    {
        $this->connection = $connection ?? new \MailBridge\SmtpConnection();
        $this->connection->setDebugOutput($this->Debugoutput);
        $this->connection->setDebugLevel($this->do_debug);
        $this->connection->setTimeout($this->Timeout);
    }

    /** Returns the native connection, for setAllowPlaintextAuth() and tests. */
    public function getConnection()
    {
        return $this->connection;
    }

    public function connect($host, $port = null, $timeout = 30, $options = [])
    {
        return $this->connection->connect($host, $port === null ? null : (int) $port, $timeout, (array) $options);
    }

    public function startTLS()
    {
        return $this->connection->startTLS();
    }

    public function authenticate($username, #[\SensitiveParameter] $password, $authtype = null, $OAuth = null)
    {
        return $this->connection->authenticate(
            (string) $username,
            (string) $password,
            $authtype === null || $authtype === '' ? null : (string) $authtype,
            $OAuth
        );
    }

    public function hello($host = '')
    {
        return $this->connection->hello((string) $host);
    }

    public function mail($from)
    {
        return $this->connection->mail((string) $from);
    }

    public function recipient($address, $dsn = '')
    {
        return $this->connection->recipient((string) $address, (string) $dsn);
    }

    public function data($msg_data)
    {
        return $this->connection->data((string) $msg_data);
    }

    public function reset()
    {
        return $this->connection->reset();
    }

    public function noop()
    {
        return $this->connection->noop();
    }

    public function quit($close_on_error = true)
    {
        return $this->connection->quit((bool) $close_on_error);
    }

    public function close()
    {
        $this->connection->close();
    }

    public function connected()
    {
        return $this->connection->connected();
    }

    public function getError()
    {
        return $this->connection->getError();
    }

    public function getLastReply()
    {
        return $this->connection->getLastReply();
    }

    public function getServerExt($name)
    {
        return $this->connection->getServerExt((string) $name);
    }

    public function getServerExtList()
    {
        return $this->connection->getServerExtList();
    }

    public function getLastTransactionID()
    {
        return $this->connection->getLastTransactionID();
    }

    public function setDebugLevel($level = 0)
    {
        parent::setDebugLevel($level);
        $this->connection->setDebugLevel((int) $level);
    }

    public function setDebugOutput($method = 'echo')
    {
        parent::setDebugOutput($method);
        $this->connection->setDebugOutput($method);
    }

    public function setTimeout($timeout = 0)
    {
        parent::setTimeout($timeout);
        $this->connection->setTimeout($timeout);
    }

    public function setVerp($enabled = false)
    {
        parent::setVerp($enabled);
        $this->connection->setVerp((bool) $enabled);
    }

    /** PHPMailer 6.10 and later call this; 6.6.3 has no SMTPUTF8 support. */
    public function setSMTPUTF8($enabled = false)
    {
        $this->connection->setSMTPUTF8((bool) $enabled);
    }

    public function getSMTPUTF8()
    {
        return $this->connection->getSMTPUTF8();
    }
}

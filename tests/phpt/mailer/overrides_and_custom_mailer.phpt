--TEST--
Mailer: postSend() and setError() overrides run, edits to $attachment are honoured, and Mailer 'native' calls nativeSend()
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--FILE--
<?php
class NativeMailer extends MailBridge\Mailer
{
    public $calls = [];
    public $received = null;

    public function postSend()
    {
        $this->calls[] = 'postSend';
        // A subclass may edit the protected attachment list before sending.
        foreach ($this->attachment as $index => $attachment) {
            if ($attachment[2] === 'drop.txt') {
                unset($this->attachment[$index]);
            } else {
                $this->attachment[$index][2] = 'renamed.txt';
            }
        }
        return parent::postSend();
    }

    public function nativeSend($header, $body)
    {
        $this->calls[] = 'nativeSend';
        $this->received = [$header, $body];
        return true;
    }

    protected function setError($msg)
    {
        $this->calls[] = "setError($msg)";
        parent::setError($msg);
    }

    public function exceptionsFlag()
    {
        return $this->exceptions;
    }
}

$mail = new NativeMailer();
var_dump($mail->exceptionsFlag());
$mail->Mailer = 'native';
$mail->From = 'from@example.test';
$mail->addAddress('to@example.test');
$mail->Body = 'body';
$mail->addStringAttachment('keep me', 'keep.txt');
$mail->addStringAttachment('drop me', 'drop.txt');
var_dump($mail->send());
echo implode(', ', $mail->calls), "\n";
[$header, $body] = $mail->received;
var_dump($header === $mail->createHeader(), $body !== '');
// postSend() edited $attachment after preSend() composed, so the sent body
// has both files and a new composition has only the renamed one.
echo 'sent body files: ', preg_match_all('/filename="([^"]+)"/', $body, $m), ' ', implode(',', $m[1]), "\n";
$again = $mail->createBody();
echo 'new body files: ', preg_match_all('/filename="([^"]+)"/', $again, $m), ' ', implode(',', $m[1]), "\n";

// A clone keeps the properties, the protected ones too.
$copy = clone $mail;
$copy->clearAddresses();
$copy->addAddress('copy@example.test');
var_dump($copy->send(), $copy->exceptionsFlag());
echo 'clone To: ', preg_match('/^To: copy@example.test\r$/m', $copy->received[0]), ', original To: ',
    preg_match('/^To: to@example.test\r$/m', $mail->createHeader()), "\n";

$mail = new NativeMailer(true);
var_dump($mail->exceptionsFlag());
$mail->Mailer = 'sendmail';
$mail->From = 'from@example.test';
$mail->addAddress('to@example.test');
$mail->Body = 'body';
try {
    $mail->send();
} catch (MailBridge\MailerException $e) {
    echo get_class($e), ' ', $e->getCode(), ': ', $e->getMessage(), "\n";
}
echo implode(', ', $mail->calls), "\n";

// The destructor calls smtpClose() through dispatch, and a subclass may call parent::__destruct().
class ClosingMailer extends MailBridge\Mailer
{
    public function smtpClose()
    {
        echo "smtpClose override ran\n";
        parent::smtpClose();
    }

    public function __destruct()
    {
        echo "subclass destructor ran\n";
        parent::__destruct();
    }
}
$closing = new ClosingMailer();
unset($closing);
?>
--EXPECT--
bool(false)
bool(true)
postSend, nativeSend
bool(true)
bool(true)
sent body files: 2 keep.txt,drop.txt
new body files: 1 renamed.txt
bool(true)
bool(false)
clone To: 1, original To: 1
bool(true)
MailBridge\MailerException 2: sendmail mailer is not supported.
postSend, setError(sendmail mailer is not supported.), setError(sendmail mailer is not supported.)
subclass destructor ran
smtpClose override ran

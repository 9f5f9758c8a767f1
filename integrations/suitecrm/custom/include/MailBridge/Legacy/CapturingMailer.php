<?php

declare(strict_types=1);

namespace MailBridge\SuiteCRM\Legacy;

use MailBridge\SuiteCRM\Campaign\QueuedCampaignEmail;

/**
 * A SugarPHPMailer that records the message EmailMan::sendEmail() composes
 * instead of sending it, so that CampaignDelivery can send a whole batch with
 * SmtpTransport::sendMany().
 *
 * The recipients, reply-to, custom headers and files are recorded as
 * EmailMan passes them in, not read back from the base class, so this works
 * over PHPMailer and over MailBridge\Mailer alike. send() records the
 * subject, bodies and sender after prepForOutbound() has run and returns true
 * without any network traffic.
 *
 * Requires SuiteCRM's include/SugarPHPMailer.php.
 */
#[\AllowDynamicProperties]
class CapturingMailer extends \SugarPHPMailer
{
    /** @var array<string, mixed>|null the last message recorded by send(), or null */
    public ?array $captured = null;

    /** @var list<array{0: string, 1: string}> To addresses and names, as added */
    private array $recordedTo = [];
    /** @var list<array{0: string, 1: string}> */
    private array $recordedReplyTo = [];
    /** @var list<array{0: string, 1: string}> custom headers as name and value */
    private array $recordedHeaders = [];
    /** @var list<array{path: string, name: string, type: string}> */
    private array $recordedAttachments = [];
    /** @var list<array{path: string, cid: string, type: string}> */
    private array $recordedInline = [];

    public function addAddress($address, $name = '')
    {
        $this->recordedTo[] = [(string) $address, (string) $name];
        return parent::addAddress($address, $name);
    }

    public function addReplyTo($address, $name = '')
    {
        $this->recordedReplyTo[] = [(string) $address, (string) $name];
        return parent::addReplyTo($address, $name);
    }

    /** Records a header given as ('Name', 'value') or as the single string 'Name: value'. */
    public function addCustomHeader($name, $value = null)
    {
        if ($value === null && str_contains((string) $name, ':')) {
            [$headerName, $headerValue] = explode(':', (string) $name, 2);
        } else {
            [$headerName, $headerValue] = [(string) $name, (string) $value];
        }
        $this->recordedHeaders[] = [trim($headerName), trim($headerValue)];
        return parent::addCustomHeader($name, $value);
    }

    public function addAttachment($path, $name = '', $encoding = 'base64', $type = '', $disposition = 'attachment')
    {
        $this->recordedAttachments[] = ['path' => (string) $path, 'name' => (string) $name, 'type' => (string) $type];
        return parent::addAttachment($path, $name, $encoding, $type, $disposition);
    }

    public function addEmbeddedImage($path, $cid, $name = '', $encoding = 'base64', $type = '', $disposition = 'inline')
    {
        $this->recordedInline[] = ['path' => (string) $path, 'cid' => (string) $cid, 'type' => (string) $type];
        return parent::addEmbeddedImage($path, $cid, $name, $encoding, $type, $disposition);
    }

    public function clearAllRecipients()
    {
        $this->recordedTo = [];
        parent::clearAllRecipients();
    }

    public function clearAddresses()
    {
        $this->recordedTo = [];
        parent::clearAddresses();
    }

    public function clearReplyTos()
    {
        $this->recordedReplyTo = [];
        parent::clearReplyTos();
    }

    public function clearCustomHeaders()
    {
        $this->recordedHeaders = [];
        parent::clearCustomHeaders();
    }

    public function clearAttachments()
    {
        $this->recordedAttachments = [];
        $this->recordedInline = [];
        parent::clearAttachments();
    }

    /** Records the prepared message and returns true; nothing is sent. */
    public function send()
    {
        $this->captured = [
            'to' => $this->recordedTo,
            'reply_to' => $this->recordedReplyTo,
            'headers' => $this->recordedHeaders,
            'attachments' => $this->recordedAttachments,
            'inline' => $this->recordedInline,
            'from' => (string) $this->From,
            'from_name' => (string) $this->FromName,
            'subject' => (string) $this->Subject,
            'body' => (string) $this->Body,
            'alt_body' => (string) $this->AltBody,
            'content_type' => (string) $this->ContentType,
            'charset' => (string) $this->CharSet,
        ];
        return true;
    }

    /** Returns the recorded message and clears it, or null when send() was not called since the last call. */
    public function takeCaptured(): ?array
    {
        $captured = $this->captured;
        $this->captured = null;
        return $captured;
    }

    /**
     * Builds a QueuedCampaignEmail from a message recorded by send().
     *
     * SugarPHPMailer::prepForOutbound() converted subject and bodies from
     * UTF-8 to the outbound charset, and EmailMan MIME-encoded the names, so
     * both are turned back into UTF-8 here. Message converts them again
     * when the charset is not UTF-8.
     *
     * @param array<string, mixed>  $captured  a value returned by takeCaptured()
     * @param array<string, string> $context   EmailMan state for the recorder
     * @throws \ValueError when the message has no recipient or no X-CampTrackID
     */
    public static function toQueuedEmail(
        array $captured,
        string $queueId,
        ?string $unsubscribeUrl,
        array $context
    ): QueuedCampaignEmail {
        if ($captured['to'] === []) {
            throw new \ValueError("campaign email $queueId: EmailMan added no recipient");
        }
        $trackerKey = null;
        foreach ($captured['headers'] as [$name, $value]) {
            if (strcasecmp($name, 'X-CampTrackID') === 0) {
                $trackerKey = $value;
            }
        }
        if ($trackerKey === null) {
            throw new \ValueError("campaign email $queueId: EmailMan added no X-CampTrackID header");
        }

        $charset = $captured['charset'] !== '' ? $captured['charset'] : 'UTF-8';
        $isHtml = $captured['content_type'] === 'text/html';
        [$toAddress, $toName] = $captured['to'][0];
        [$replyAddress, $replyName] = $captured['reply_to'][0] ?? [null, ''];

        return new QueuedCampaignEmail(
            queueId: $queueId,
            targetTrackerKey: $trackerKey,
            toAddress: $toAddress,
            toName: self::decodeName($toName),
            fromAddress: $captured['from'],
            fromName: self::decodeName(self::toUtf8($captured['from_name'], $charset)),
            subject: self::toUtf8($captured['subject'], $charset),
            html: $isHtml ? self::toUtf8($captured['body'], $charset) : '',
            text: self::toUtf8($isHtml ? $captured['alt_body'] : $captured['body'], $charset),
            replyToAddress: $replyAddress,
            replyToName: self::decodeName((string) $replyName),
            unsubscribeUrl: $unsubscribeUrl,
            charset: $charset,
            context: $context,
            attachments: $captured['attachments'],
            inlineImages: $captured['inline'],
        );
    }

    private static function toUtf8(string $text, string $charset): string
    {
        if (strcasecmp($charset, 'UTF-8') === 0) {
            return $text;
        }
        return mb_convert_encoding($text, 'UTF-8', $charset);
    }

    /** Decodes RFC 2047 encoded words, as Localization::translateCharsetMIME() writes them. */
    private static function decodeName(string $name): string
    {
        if (!str_contains($name, '=?')) {
            return $name;
        }
        $decoded = iconv_mime_decode($name, ICONV_MIME_DECODE_CONTINUE_ON_ERROR, 'UTF-8');
        return $decoded === false ? $name : $decoded;
    }
}

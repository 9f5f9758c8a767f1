<?php

declare(strict_types=1);

namespace MailBridge\SuiteCRM\Campaign;

/**
 * One campaign message waiting to be sent: the data of one emailman row after
 * SuiteCRM has merged the template for its target.
 *
 * The constructor raises \ValueError for a missing address, a missing tracker
 * key or an empty body, so that a bad row fails before any connection opens.
 */
final class QueuedCampaignEmail
{
    /**
     * @param string      $queueId        emailman.id, passed back to the recorder
     * @param string      $targetTrackerKey  value of X-CampTrackID and campaign_log.target_tracker_key;
     *                                    SuiteCRM's bounce handler finds the target by it
     * @param string      $toAddress      target's primary address
     * @param string      $toName         target's display name, UTF-8, may be empty
     * @param string      $fromAddress    marketing from address, also the envelope sender
     * @param string      $fromName       marketing from name, UTF-8
     * @param string      $subject        merged subject, UTF-8
     * @param string      $html           merged HTML body, UTF-8; empty for text-only templates
     * @param string      $text           merged plain-text body, UTF-8
     * @param string|null $replyToAddress reply-to address of the marketing record or mailbox
     * @param string      $replyToName    reply-to display name, UTF-8
     * @param string|null $unsubscribeUrl http(s) URL for List-Unsubscribe, such as SuiteCRM's
     *                                    index.php?entryPoint=removeme&identifier=<key>
     * @param string|null $unsubscribeMailto mailto address for List-Unsubscribe
     * @param string      $charset        outbound charset of the bodies (default_email_charset)
     * @param array<string, string> $context values the recorder needs, such as campaign_id,
     *                                    marketing_id, list_id, related_id and related_type
     * @param list<array{path: string, name?: string, type?: string}> $attachments files to attach
     * @param list<array{path: string, cid: string, type?: string}>   $inlineImages files referenced
     *                                    as cid: in the HTML
     */
    public function __construct(
        public readonly string $queueId,
        public readonly string $targetTrackerKey,
        public readonly string $toAddress,
        public readonly string $toName,
        public readonly string $fromAddress,
        public readonly string $fromName,
        public readonly string $subject,
        public readonly string $html,
        public readonly string $text,
        public readonly ?string $replyToAddress = null,
        public readonly string $replyToName = '',
        public readonly ?string $unsubscribeUrl = null,
        public readonly ?string $unsubscribeMailto = null,
        public readonly string $charset = 'UTF-8',
        public readonly array $context = [],
        public readonly array $attachments = [],
        public readonly array $inlineImages = [],
    ) {
        if ($toAddress === '') {
            throw new \ValueError("campaign email $queueId: the target address is empty");
        }
        if ($fromAddress === '') {
            throw new \ValueError("campaign email $queueId: the from address is empty; set it on the email marketing record");
        }
        // SuiteCRM's bounce handler matches /X-CampTrackID: [a-z0-9\-]*/i, so any
        // other character would make a bounce unattributable.
        if (preg_match('/^[A-Za-z0-9-]+$/', $targetTrackerKey) !== 1) {
            throw new \ValueError(sprintf(
                'campaign email %s: target tracker key "%s" must contain only letters, digits and "-"',
                $queueId,
                $targetTrackerKey
            ));
        }
        if ($html === '' && $text === '') {
            throw new \ValueError("campaign email $queueId: both the HTML and the text body are empty");
        }
    }
}

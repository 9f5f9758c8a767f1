<?php

declare(strict_types=1);

namespace MailBridge\SuiteCRM\Campaign;

use MailBridge\SendResult;

/**
 * Outcome of one campaign email, in SuiteCRM's campaign_log vocabulary.
 *
 * The classification follows SuiteCRM's own bounce handler
 * (modules/Campaigns/ProcessBouncedEmails.php, checkBouncedEmailInvalid() in
 * 7.14.6): enhanced status 5.1.1, or any 5.x.x with reply code 550, means the
 * address is invalid. Every other failure is a send error.
 */
final class CampaignOutcome
{
    /** campaign_log.activity_type for a message the server accepted. */
    public const TARGETED = 'targeted';
    /** campaign_log.activity_type for a recipient the server rejected as unknown. */
    public const INVALID_EMAIL = 'invalid email';
    /** campaign_log.activity_type for every other failure. */
    public const SEND_ERROR = 'send error';

    /**
     * @param SendResult|null $result result of the send, or null when the message could not be
     *                             composed and nothing was sent
     * @param string $activityType one of TARGETED, INVALID_EMAIL, SEND_ERROR
     * @param bool   $retry        true when the failure was transient and the row should stay queued
     * @param string $reason       server reply or error text, control characters already replaced;
     *                             empty when sent
     */
    public function __construct(
        public readonly QueuedCampaignEmail $email,
        public readonly ?SendResult $result,
        public readonly string $activityType,
        public readonly bool $retry,
        public readonly string $reason,
    ) {
    }

    /**
     * Classifies the result of sending $email.
     *
     * 'sent' is TARGETED. 'rejected' is INVALID_EMAIL when the server rejected
     * the target at RCPT with 5.1.1, or with 550 and any 5.x.x, and SEND_ERROR
     * otherwise (a relay denial, a rejected sender or message). 'deferred' is
     * SEND_ERROR with $retry set. 'unknown' (connection lost after the final
     * dot) is SEND_ERROR without retry, because the message may have been
     * delivered and a retry could send it twice.
     */
    public static function fromResult(QueuedCampaignEmail $email, SendResult $result): self
    {
        switch ($result->status) {
            case 'sent':
                return new self($email, $result, self::TARGETED, false, '');
            case 'deferred':
                return new self($email, $result, self::SEND_ERROR, true, self::describeFailure($result));
            case 'unknown':
                return new self($email, $result, self::SEND_ERROR, false, self::describeFailure($result));
            case 'rejected':
                $activity = self::isInvalidAddress($email, $result) ? self::INVALID_EMAIL : self::SEND_ERROR;
                return new self($email, $result, $activity, false, self::describeFailure($result));
        }
        throw new \UnexpectedValueException(sprintf(
            'campaign email %s: unexpected SendResult status "%s"',
            $email->queueId,
            $result->status
        ));
    }

    /**
     * Classifies an email that could not be composed because Message raised
     * \ValueError. An address that Message rejects is INVALID_EMAIL, like the
     * addresses that EmailMan::valid_email_address() rejects; any other field
     * is SEND_ERROR without retry, because a retry would fail the same way.
     */
    public static function fromCompositionError(
        QueuedCampaignEmail $email,
        \ValueError $error,
        bool $addressInvalid
    ): self {
        $activity = $addressInvalid ? self::INVALID_EMAIL : self::SEND_ERROR;
        return new self($email, null, $activity, false, $error->getMessage());
    }

    /** Returns true when the server rejected the target address itself as unknown. */
    private static function isInvalidAddress(QueuedCampaignEmail $email, SendResult $result): bool
    {
        $status = self::findRecipientStatus($email->toAddress, $result->rejected);
        if ($status !== null) {
            return self::isInvalidAddressReply($status->code, $status->enhancedStatus);
        }

        // With a single recipient a rejected RCPT may surface only as the error.
        $error = $result->error;
        if ($error !== null && $error->getStage() === 'rcpt') {
            return self::isInvalidAddressReply($error->getReplyCode(), $error->getEnhancedStatus());
        }
        return false;
    }

    private static function isInvalidAddressReply(int $code, ?string $enhancedStatus): bool
    {
        if ($enhancedStatus === '5.1.1') {
            return true;
        }
        return $code === 550 && $enhancedStatus !== null && str_starts_with($enhancedStatus, '5.');
    }

    /**
     * Finds the status of $address in SendResult::$rejected. The domain part
     * is compared without case, as servers may echo it in another case.
     *
     * @param array<string, \MailBridge\RecipientStatus> $rejected
     */
    private static function findRecipientStatus(string $address, array $rejected): ?\MailBridge\RecipientStatus
    {
        if (isset($rejected[$address])) {
            return $rejected[$address];
        }
        $wanted = self::normalizeDomain($address);
        foreach ($rejected as $rejectedAddress => $status) {
            if (self::normalizeDomain((string) $rejectedAddress) === $wanted) {
                return $status;
            }
        }
        return null;
    }

    private static function normalizeDomain(string $address): string
    {
        $at = strrpos($address, '@');
        if ($at === false) {
            return $address;
        }
        return substr($address, 0, $at) . strtolower(substr($address, $at));
    }

    private static function describeFailure(SendResult $result): string
    {
        foreach ($result->rejected as $status) {
            return sprintf('%d %s', $status->code, $status->text);
        }
        $error = $result->error;
        if ($error === null) {
            return $result->status;
        }
        return $error->getMessage();
    }
}

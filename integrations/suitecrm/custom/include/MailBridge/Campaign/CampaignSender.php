<?php

declare(strict_types=1);

namespace MailBridge\SuiteCRM\Campaign;

use MailBridge\Message;
use MailBridge\SendResult;
use MailBridge\SmtpTransport;

/**
 * Sends a batch of queued campaign emails with SmtpTransport::sendMany() over
 * several pooled connections and passes each outcome to a CampaignLogRecorder.
 *
 * Each message carries X-CampTrackID with the target tracker key, which
 * SuiteCRM's bounce handler uses to find the target, and List-Unsubscribe
 * when the email has an unsubscribe URL or mailto address.
 *
 * The class needs no SuiteCRM code. SuiteCRM's glue is
 * custom/include/MailBridge/Legacy/CampaignDelivery.php.
 */
class CampaignSender
{
    /** Default number of parallel SMTP sessions. */
    public const DEFAULT_CONCURRENCY = 4;

    /** @var array<string, mixed> options passed to sendMany() */
    private array $sendOptions;

    /**
     * @param array{concurrency?: int, max_per_second?: float, max_messages_per_connection?: int,
     *              max_attempts?: int} $options sendMany() options; on_result and keep_results
     *              are set by this class and raise \ValueError when given
     */
    public function __construct(
        private readonly SmtpTransport $transport,
        private readonly CampaignLogRecorder $recorder,
        array $options = [],
    ) {
        foreach (['on_result', 'keep_results'] as $reserved) {
            if (array_key_exists($reserved, $options)) {
                throw new \ValueError("CampaignSender option \"$reserved\" is set by CampaignSender itself");
            }
        }
        $this->sendOptions = $options + ['concurrency' => self::DEFAULT_CONCURRENCY];
    }

    /**
     * Sends $emails and records every outcome, including emails that could
     * not be composed. Returns the number of emails per campaign_log activity
     * type, plus 'retry' for the send errors that stay queued.
     *
     * @param iterable<QueuedCampaignEmail> $emails read lazily, one email per queued row
     * @return array{targeted: int, 'invalid email': int, 'send error': int, retry: int}
     * @throws \TypeError when an element is not a QueuedCampaignEmail
     * @throws \Throwable what the recorder throws; the batch stops and emails
     *                    not yet recorded stay queued
     */
    public function sendBatch(iterable $emails): array
    {
        $counts = [
            CampaignOutcome::TARGETED => 0,
            CampaignOutcome::INVALID_EMAIL => 0,
            CampaignOutcome::SEND_ERROR => 0,
            'retry' => 0,
        ];
        $record = function (CampaignOutcome $outcome) use (&$counts): void {
            $counts[$outcome->activityType]++;
            if ($outcome->retry) {
                $counts['retry']++;
            }
            $this->recorder->record($outcome);
        };

        // sendMany() numbers its input from 0; $pending maps those numbers to
        // the emails whose results have not arrived yet.
        $pending = [];
        $messages = $this->composeAll($emails, $pending, $record);
        $this->transport->sendMany($messages, $this->sendOptions + [
            'keep_results' => false,
            'on_result' => function (SendResult $result, int $index) use (&$pending, $record): void {
                $email = $pending[$index];
                unset($pending[$index]);
                $record(CampaignOutcome::fromResult($email, $result));
            },
        ]);
        return $counts;
    }

    /**
     * Builds the Message for one email.
     *
     * @throws \ValueError when a field is not valid in a message header or body
     */
    public function composeMessage(QueuedCampaignEmail $email): Message
    {
        $message = (new Message())
            ->from($email->fromAddress, $email->fromName === '' ? null : $email->fromName)
            ->to(self::formatAddress($email->toAddress, $email->toName))
            ->subject($email->subject)
            ->header('X-CampTrackID', $email->targetTrackerKey);

        if ($email->text !== '') {
            $message->text($email->text);
        }
        if ($email->html !== '') {
            $message->html($email->html);
        }
        if ($email->replyToAddress !== null && $email->replyToAddress !== '') {
            $message->replyTo(self::formatAddress($email->replyToAddress, $email->replyToName));
        }
        if ($email->unsubscribeUrl !== null || $email->unsubscribeMailto !== null) {
            $message->listUnsubscribe($email->unsubscribeUrl, $email->unsubscribeMailto);
        }
        if (strcasecmp($email->charset, 'UTF-8') !== 0) {
            $message->charset($email->charset);
        }
        foreach ($email->attachments as $attachment) {
            $message->attachFromPath($attachment['path'], $attachment['name'] ?? null, $attachment['type'] ?? null);
        }
        foreach ($email->inlineImages as $image) {
            $message->embedFromPath($image['path'], $image['cid'], $image['type'] ?? null);
        }
        return $message;
    }

    /**
     * Returns "Name" <address>, or the bare address when $name is empty. The
     * name is always quoted, so commas and other specials in it cannot split
     * the address list (RFC 5322 section 3.4).
     */
    public static function formatAddress(string $address, string $name): string
    {
        if ($name === '') {
            return $address;
        }
        $quoted = addcslashes($name, "\\\"");
        return "\"$quoted\" <$address>";
    }

    /**
     * Yields a Message for each email that composes, and records the others
     * at once so that one bad row does not stop the batch.
     *
     * @param iterable<QueuedCampaignEmail>        $emails
     * @param array<int, QueuedCampaignEmail>      $pending filled with the emails yielded, by sendMany() index
     * @param callable(CampaignOutcome): void      $record
     * @return \Generator<int, Message>
     */
    private function composeAll(iterable $emails, array &$pending, callable $record): \Generator
    {
        $index = 0;
        foreach ($emails as $email) {
            if (!$email instanceof QueuedCampaignEmail) {
                throw new \TypeError(sprintf(
                    'CampaignSender::sendBatch(): each element must be a %s, got %s',
                    QueuedCampaignEmail::class,
                    get_debug_type($email)
                ));
            }
            try {
                $message = $this->composeMessage($email);
            } catch (\ValueError $error) {
                $record(CampaignOutcome::fromCompositionError($email, $error, !self::isAddressAccepted($email)));
                continue;
            }
            $pending[$index++] = $email;
            yield $message;
        }
    }

    /** Returns true when Message accepts the email's target address on its own. */
    private static function isAddressAccepted(QueuedCampaignEmail $email): bool
    {
        try {
            (new Message())->to($email->toAddress);
            return true;
        } catch (\ValueError) {
            return false;
        }
    }
}

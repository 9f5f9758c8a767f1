<?php

declare(strict_types=1);

namespace MailBridge\SuiteCRM\Legacy;

/**
 * An EmailMan whose sendEmail() composes through a CapturingMailer and whose
 * final bookkeeping waits for the real send.
 *
 * EmailMan::sendEmail() calls set_as_sent() at once, with 'targeted' after
 * a successful send() or with 'blocked', 'invalid email' or 'send error' when
 * it skips the target. Skips go to the database as usual. The 'targeted'
 * call after a captured message is held back instead, together with the
 * row's state, and replay() writes the real outcome once it is known.
 *
 * Requires SuiteCRM's EmailMan bean.
 */
#[\AllowDynamicProperties]
class DeferringEmailMan extends \EmailMan
{
    /** Mailer whose send() records instead of sending; sendEmail() must receive it. */
    public ?CapturingMailer $capturingMailer = null;

    /** @var array<string, mixed>|null message captured for the current row */
    public ?array $capturedMessage = null;

    /** @var array<string, mixed>|null the held-back set_as_sent() call and the row state it needs */
    public ?array $heldBack = null;

    /** Composes the row's message without sending; returns what EmailMan::sendEmail() returns. */
    public function sendEmail(\SugarPHPMailer $mail, $save_emails = 1, $testmode = false)
    {
        $this->capturedMessage = null;
        $this->heldBack = null;
        return parent::sendEmail($mail, $save_emails, $testmode);
    }

    /**
     * Holds back the 'targeted' call that follows a captured message and
     * writes every other call at once.
     */
    public function set_as_sent(
        $email_address,
        $delete = true,
        $email_id = null,
        $email_type = null,
        $activity_type = null,
        $resend_type = null
    ) {
        $captured = $this->capturingMailer?->takeCaptured();
        if ($captured === null || $activity_type !== 'targeted') {
            parent::set_as_sent($email_address, $delete, $email_id, $email_type, $activity_type, $resend_type);
            return;
        }
        $this->capturedMessage = $captured;
        $this->heldBack = [
            'email_address' => (string) $email_address,
            'email_id' => $email_id,
            'email_type' => $email_type,
            'resend_type' => $resend_type,
            'target_tracker_key' => $this->getTargetId(),
            'row' => $this->rowState(),
        ];
    }

    /**
     * Writes a held-back outcome with EmailMan::set_as_sent().
     *
     * 'targeted' and a final failure add a campaign_log row of that type
     * and delete the queue row. A send error to retry keeps the row queued
     * for a day, and SuiteCRM logs it after five attempts. On failure, the
     * individual email copy that sendEmail() saved is deleted, because the
     * target never received the message.
     *
     * @param array<string, mixed> $heldBack a value of $heldBack after sendEmail()
     */
    public function replay(array $heldBack, string $activityType, bool $retry): void
    {
        foreach ($heldBack['row'] as $field => $value) {
            $this->$field = $value;
        }
        $this->setTargetId($heldBack['target_tracker_key']);
        $this->capturingMailer = null;

        if ($activityType === 'targeted') {
            parent::set_as_sent(
                $heldBack['email_address'],
                true,
                $heldBack['email_id'],
                $heldBack['email_type'],
                'targeted',
                $heldBack['resend_type']
            );
            return;
        }

        if (!empty($heldBack['email_id']) && $heldBack['email_type'] === 'Emails') {
            $this->deleteIndividualCopy((string) $heldBack['email_id']);
        }
        parent::set_as_sent($heldBack['email_address'], !$retry, null, null, $activityType, $heldBack['resend_type']);
    }

    /**
     * Deletes the Email record of an individual copy. The reference email
     * that all targets of a marketing message share has the marketing id
     * as its id and is kept.
     */
    private function deleteIndividualCopy(string $emailId): void
    {
        if ($emailId === (string) $this->marketing_id) {
            return;
        }
        $copy = \BeanFactory::getBean('Emails', $emailId);
        if ($copy !== false && !empty($copy->id)) {
            $copy->mark_deleted($copy->id);
        }
    }

    /** @return array<string, mixed> the fields of the emailman row that set_as_sent() reads */
    private function rowState(): array
    {
        $state = [];
        foreach (['id', 'send_attempts', 'campaign_id', 'marketing_id', 'list_id', 'related_id', 'related_type', 'test'] as $field) {
            $state[$field] = $this->$field ?? null;
        }
        return $state;
    }
}

<?php

declare(strict_types=1);

namespace MailBridge\SuiteCRM\Legacy;

use MailBridge\SmtpTransport;
use MailBridge\SuiteCRM\Campaign\CampaignSender;
use MailBridge\SuiteCRM\Campaign\QueuedCampaignEmail;

/**
 * Campaign delivery for SuiteCRM's scheduler: sends the due emailman rows
 * through CampaignSender, over parallel pooled SMTP sessions, where
 * modules/EmailMan/EmailManDelivery.php sends them one connection at a time.
 *
 * Each row is composed by SuiteCRM's own EmailMan::sendEmail() (skip checks,
 * template merge, tracker links, opt-out link, attachments), through a
 * CapturingMailer. The messages of one outbound account then go out in one
 * sendMany() batch, and each outcome is written back with
 * EmailMan::set_as_sent().
 *
 * Settings in $sugar_config['mailbridge'], all optional:
 *   campaign_concurrency (int, default 4): parallel SMTP sessions per account,
 *   campaign_max_per_second (float, default 0: no limit),
 *   tls (array): SmtpTransport's tls option, such as ['cafile' => '/path/ca.pem'],
 *   log_transcript (bool, default false): the SMTP transcript at debug level,
 *       credentials redacted by the extension.
 *
 * Requires SuiteCRM 7.14 or 8.x (public/legacy) and the mailbridge extension.
 */
final class CampaignDelivery
{
    /** Emails per run when the admin setting massemailer_campaign_emails_per_run is empty, as in SuiteCRM. */
    public const DEFAULT_EMAILS_PER_RUN = 500;

    /** @var array<string, mixed> */
    private array $config;

    public function __construct(?array $config = null)
    {
        $this->config = $config ?? (array) ($GLOBALS['sugar_config']['mailbridge'] ?? []);
    }

    /**
     * Sends one run's worth of due campaign emails. Returns true, as
     * SuiteCRM's scheduler expects from a job that finished.
     *
     * NOTE: Rows of confirm opt-in emails (related_confirm_opt_in = 1) are
     * left to the stock job runMassEmailCampaign, which must stay scheduled
     * when Confirm Opt-In is enabled.
     */
    public function run(): bool
    {
        // SuiteCRM has no autoloader for these, and CapturingMailer and
        // DeferringEmailMan extend them.
        require_once 'include/SugarPHPMailer.php';
        require_once 'include/OutboundEmail/OutboundEmail.php';
        require_once 'modules/EmailMan/EmailMan.php';
        global $current_user;

        $admin = \BeanFactory::newBean('Administration');
        $admin->retrieveSettings();
        $limit = (int) ($admin->settings['massemailer_campaign_emails_per_run'] ?? 0) ?: self::DEFAULT_EMAILS_PER_RUN;
        $saveCopies = (int) ($admin->settings['massemailer_email_copy'] ?? 0);

        $rows = $this->claimDueRows($limit);
        self::log('info', sprintf('mailbridge campaign: %d due emailman rows claimed', count($rows)));

        $savedUser = $current_user ?? null;
        try {
            foreach ($this->groupByOutboundAccount($rows) as $accountId => $accountRows) {
                $this->sendGroup($accountId, $accountRows, $saveCopies);
            }
        } finally {
            $current_user = $savedUser;
        }
        return true;
    }

    /**
     * Selects the due campaign rows, as EmailManDelivery.php does outside
     * test mode, and marks them in_queue so that a concurrent run of the
     * stock job skips them for a day.
     *
     * NOTE: Two runs that start at the same moment can both select a row
     * before either marks it; schedule one delivery job only.
     *
     * @return list<array<string, string>>
     */
    private function claimDueRows(int $limit): array
    {
        $db = \DBManagerFactory::getInstance();
        $dayAgo = $db->convert($db->quoted(\TimeDate::getInstance()->fromString('-1 day')->asDb()), 'datetime');
        $query = 'SELECT * FROM emailman WHERE send_date_time <= ' . $db->now()
            . ' AND deleted = 0 AND related_confirm_opt_in = 0'
            . " AND (in_queue = '0' OR in_queue IS NULL OR (in_queue = '1' AND in_queue_date <= $dayAgo))"
            . ' ORDER BY send_date_time ASC, user_id, list_id';
        $result = $db->limitQuery($query, 0, $limit);

        $rows = [];
        while ($row = $db->fetchByAssoc($result)) {
            $rows[] = $row;
        }
        foreach ($rows as $row) {
            $db->query("UPDATE emailman SET in_queue = '1', in_queue_date = " . $db->now()
                . ' WHERE id = ' . (int) $row['id']);
        }
        return $rows;
    }

    /**
     * Groups rows by EmailMarketing.outbound_email_id, with '' for rows
     * that use the system account.
     *
     * @param list<array<string, string>> $rows
     * @return array<string, list<array<string, string>>>
     */
    private function groupByOutboundAccount(array $rows): array
    {
        $accountByMarketing = [];
        $groups = [];
        foreach ($rows as $row) {
            $marketingId = (string) $row['marketing_id'];
            if (!array_key_exists($marketingId, $accountByMarketing)) {
                $marketing = \BeanFactory::getBean('EmailMarketing', $marketingId);
                $accountByMarketing[$marketingId] = $marketing ? (string) $marketing->outbound_email_id : '';
            }
            $groups[$accountByMarketing[$marketingId]][] = $row;
        }
        return $groups;
    }

    /** @param list<array<string, string>> $rows */
    private function sendGroup(string $accountId, array $rows, int $saveCopies): void
    {
        $account = $accountId === ''
            ? (new \OutboundEmail())->getSystemMailerSettings()
            : \BeanFactory::getBean('OutboundEmailAccounts', $accountId);
        $transport = $account ? $this->createTransport($account) : null;
        if ($transport === null) {
            self::log('warn', sprintf(
                'mailbridge campaign: outbound account "%s" is not an SMTP account with a server, so its %d rows'
                . ' stay queued for the stock job runMassEmailCampaign',
                $accountId === '' ? 'system' : $accountId,
                count($rows)
            ));
            $this->releaseRows($rows);
            return;
        }

        $mailer = new CapturingMailer();
        $emailMan = new DeferringEmailMan();
        $emailMan->capturingMailer = $mailer;
        [$emails, $heldBack] = $this->composeRows($emailMan, $mailer, $rows, $saveCopies);

        $recorder = new EmailManCampaignLogRecorder($emailMan, $heldBack);
        $sender = new CampaignSender($transport, $recorder, array_filter([
            'concurrency' => (int) ($this->config['campaign_concurrency'] ?? CampaignSender::DEFAULT_CONCURRENCY),
            'max_per_second' => (float) ($this->config['campaign_max_per_second'] ?? 0),
        ]));
        $counts = $sender->sendBatch($emails);
        self::log('info', 'mailbridge campaign: batch finished: ' . json_encode($counts));
    }

    /**
     * Runs EmailMan::sendEmail() for each row to compose its message.
     * Rows that EmailMan skips are recorded by EmailMan itself.
     *
     * @param list<array<string, string>> $rows
     * @return array{0: list<QueuedCampaignEmail>, 1: array<string, array<string, mixed>>}
     */
    private function composeRows(DeferringEmailMan $emailMan, CapturingMailer $mailer, array $rows, int $saveCopies): array
    {
        global $current_user;
        $emails = [];
        $heldBack = [];
        $exemptCampaign = null;

        foreach ($rows as $row) {
            if ($row['user_id'] !== ($current_user->id ?? null)) {
                $current_user = \BeanFactory::newBean('Users');
                $current_user->retrieve($row['user_id']);
            }
            if (!$emailMan->verify_campaign($row['marketing_id'])) {
                self::log('fatal', "mailbridge campaign: emailman id {$row['id']}: the marketing email or its template"
                    . ' is incomplete, so the row stays queued for a retry in a day');
                continue;
            }
            if ($row['campaign_id'] !== $exemptCampaign) {
                $exemptCampaign = $row['campaign_id'];
                [$emailMan->restricted_domains, $emailMan->restricted_addresses] = $this->loadExemptions($exemptCampaign);
            }

            $email = $this->composeRow($emailMan, $mailer, $row, $saveCopies);
            if ($email !== null) {
                $emails[] = $email;
                $heldBack[$email->queueId] = $emailMan->heldBack;
            }
        }
        return [$emails, $heldBack];
    }

    /**
     * Composes one emailman row with EmailMan::sendEmail() and returns the
     * message to send, or null when EmailMan recorded the row itself (a
     * skipped target) or the composed message is unusable (recorded as a
     * final send error). After a non-null return, $emailMan->heldBack
     * contains the bookkeeping to replay.
     *
     * @param array<string, string> $row an emailman row
     */
    public function composeRow(DeferringEmailMan $emailMan, CapturingMailer $mailer, array $row, int $saveCopies): ?QueuedCampaignEmail
    {
        foreach ($row as $field => $value) {
            $emailMan->$field = $value;
        }
        // EmailManDelivery.php sets text/html once per run and sendEmail()
        // switches to text/plain only for text-only templates, so it is set
        // again for every row.
        $mailer->ContentType = 'text/html';

        $emailMan->sendEmail($mailer, $saveCopies, false);
        if ($emailMan->heldBack === null) {
            return null;
        }

        $queueId = (string) $row['id'];
        $unsubscribeUrl = $emailMan->tracking_url . 'index.php?entryPoint=removeme&identifier='
            . $emailMan->heldBack['target_tracker_key'];
        try {
            return CapturingMailer::toQueuedEmail($emailMan->capturedMessage, $queueId, $unsubscribeUrl, [
                'campaign_id' => (string) $row['campaign_id'],
                'marketing_id' => (string) $row['marketing_id'],
            ]);
        } catch (\ValueError $error) {
            self::log('fatal', "mailbridge campaign: emailman id $queueId: " . $error->getMessage());
            $emailMan->replay($emailMan->heldBack, 'send error', false);
            $emailMan->heldBack = null;
            return null;
        }
    }

    /**
     * Returns the campaign's suppressed domains and addresses from its
     * prospect lists of type exempt_domain and exempt_address, in the
     * shape EmailMan::sendEmail() reads (lowercase keys, value 1).
     *
     * @return array{0: array<string, int>, 1: array<string, int>}
     */
    private function loadExemptions(string $campaignId): array
    {
        $db = \DBManagerFactory::getInstance();
        $domains = [];
        $addresses = [];
        $lists = $db->query('SELECT pl.id, pl.list_type, pl.domain_name FROM prospect_list_campaigns plc'
            . ' JOIN prospect_lists pl ON pl.id = plc.prospect_list_id'
            . ' WHERE plc.campaign_id = ' . $db->quoted($campaignId)
            . " AND pl.list_type IN ('exempt_address', 'exempt_domain') AND plc.deleted = 0 AND pl.deleted = 0");
        while ($list = $db->fetchByAssoc($lists)) {
            if ($list['list_type'] === 'exempt_domain') {
                $domains[strtolower((string) $list['domain_name'])] = 1;
                continue;
            }
            $members = $db->query('SELECT ea.email_address FROM email_addresses ea'
                . ' JOIN email_addr_bean_rel eabr ON ea.id = eabr.email_address_id'
                . ' JOIN prospect_lists_prospects plp ON eabr.bean_id = plp.related_id'
                . ' AND eabr.bean_module = plp.related_type'
                . ' WHERE plp.prospect_list_id = ' . $db->quoted($list['id']) . ' AND plp.deleted = 0');
            while ($member = $db->fetchByAssoc($members)) {
                if (!empty($member['email_address'])) {
                    $addresses[strtolower($member['email_address'])] = 1;
                }
            }
        }
        return [$domains, $addresses];
    }

    /**
     * Builds a transport from an outbound_email row, or returns null when
     * the account is not SMTP or has no server. mail_smtpssl 1 is implicit
     * TLS and 2 is STARTTLS. With 0 and SMTP AUTH, the extension raises
     * AuthenticationException rather than send the password in clear text.
     */
    public function createTransport(object $account): ?SmtpTransport
    {
        if (strtolower((string) ($account->mail_sendtype ?? '')) !== 'smtp' || empty($account->mail_smtpserver)) {
            return null;
        }
        $options = [
            'host' => (string) $account->mail_smtpserver,
            'port' => (int) ($account->mail_smtpport ?: 25),
            'security' => [1 => 'tls', 2 => 'starttls'][(int) $account->mail_smtpssl] ?? 'none',
        ];
        if (!empty($account->mail_smtpauth_req)) {
            $options['username'] = (string) $account->mail_smtpuser;
            $options['password'] = (string) $account->mail_smtppass;
        }
        if (isset($this->config['tls']) && is_array($this->config['tls'])) {
            $options['tls'] = $this->config['tls'];
        }
        if (!empty($this->config['log_transcript'])) {
            $options['logger'] = static fn (string $line) => self::log('debug', "mailbridge campaign SMTP: $line");
        }
        return new SmtpTransport($options);
    }

    /**
     * Clears in_queue on rows this run claimed but cannot send, so that the
     * stock job picks them up on its next run.
     *
     * @param list<array<string, string>> $rows
     */
    private function releaseRows(array $rows): void
    {
        $db = \DBManagerFactory::getInstance();
        foreach ($rows as $row) {
            $db->query("UPDATE emailman SET in_queue = '0' WHERE id = " . (int) $row['id']);
        }
    }

    private static function log(string $level, string $text): void
    {
        $logger = $GLOBALS['log'] ?? null;
        if (is_object($logger)) {
            $logger->$level($text);
        }
    }
}

<?php
/*
 * The dump that tests/imap_compat/compare.php compares: every read-only call
 * that SuiteCRM's ImapHandler makes, over every message of the corpus folder,
 * as canonical JSON. dump_extimap.php runs it against ext/imap. A dumper for
 * MailBridge\Compat\ImapHandler passes its own DumpTarget and gets the same
 * records in the same order.
 *
 * Canonical JSON keeps what json_encode() loses:
 *   int, float, bool, null, UTF-8 string  as themselves (floats keep ".0")
 *   other strings                          {"binary": base64}
 *   list arrays                            {"list": [values]}
 *   other arrays                           {"array": [[key, value], ...]}, in order, keys keep their type
 *   objects                                {"object": class, "properties": [[name, value], ...]}, in order
 *   normalised values                      {"normalised": what, "type": PHP type of the value}
 *
 * Normalised, because they change on every load of the corpus or every run:
 * UIDVALIDITY (imap_status) and Date (imap_check). Everything else is fixed
 * by tests/imap_compat/load_corpus: message numbers, UIDs, flags, sizes,
 * INTERNALDATE. \Recent is 0 everywhere because load_corpus selects the
 * folder once and the dump opens it read-only.
 */

declare(strict_types=1);

/** Runs one imap_* call by name, with the connection in front of $arguments where ext/imap has one. */
interface DumpTarget
{
    public function call(string $function, array $arguments): mixed;
}

/** Encode $value as canonical JSON data (see the file comment). */
function canonical_value(mixed $value): mixed
{
    if (is_string($value)) {
        return mb_check_encoding($value, 'UTF-8') ? $value : ['binary' => base64_encode($value)];
    }
    if (is_array($value)) {
        if (array_is_list($value)) {
            return ['list' => array_map('canonical_value', $value)];
        }
        $pairs = [];
        foreach ($value as $key => $item) {
            $pairs[] = [$key, canonical_value($item)];
        }
        return ['array' => $pairs];
    }
    if ($value instanceof NormalisedValue) {
        return ['normalised' => $value->what, 'type' => $value->type];
    }
    if (is_object($value)) {
        $properties = [];
        foreach (get_object_vars($value) as $name => $item) {
            $properties[] = [$name, canonical_value($item)];
        }
        return ['object' => get_class($value), 'properties' => $properties];
    }
    return $value;
}

/** A value that changes between runs, kept only as its name and PHP type. */
final class NormalisedValue
{
    public function __construct(public readonly string $what, public readonly string $type)
    {
    }
}

/** Replace a property's value with its normalised stand-in when the property exists. */
function normalise_property(mixed $result, string $property, string $what): mixed
{
    if (is_object($result) && property_exists($result, $property)) {
        $result = clone $result;
        $result->$property = new NormalisedValue($what, get_debug_type($result->$property));
    }
    return $result;
}

final class Dumper
{
    private array $records = [];

    public function __construct(private readonly DumpTarget $target)
    {
    }

    /**
     * Run one call and record its result, the warnings and notices it raised,
     * an exception it threw, and imap_last_error(), imap_errors() and
     * imap_alerts() right after it, in that order. imap_errors() also clears
     * what imap_last_error() returns, so each record holds only its own.
     */
    public function record(string $id, string $function, array $arguments, ?callable $normalise = null): mixed
    {
        if (isset($this->records[$id])) {
            throw new LogicException("duplicate record id $id");
        }
        $warnings = [];
        set_error_handler(function (int $level, string $message) use (&$warnings): bool {
            $warnings[] = [$level, $message];
            return true;
        });
        $exception = null;
        $result = null;
        try {
            $result = $this->target->call($function, $arguments);
        } catch (Throwable $caught) {
            $exception = [get_class($caught), $caught->getMessage()];
        } finally {
            restore_error_handler();
        }
        $last_error = $this->target->call('imap_last_error', []);
        $errors = $this->target->call('imap_errors', []);
        $alerts = $this->target->call('imap_alerts', []);

        $recorded = $normalise ? $normalise($result) : $result;
        $this->records[$id] = [
            'id' => $id,
            'call' => $function,
            'arguments' => canonical_value($arguments),
            'result' => canonical_value($recorded),
            'exception' => $exception,
            'warnings' => $warnings,
            'last_error' => canonical_value($last_error),
            'errors' => canonical_value($errors),
            'alerts' => canonical_value($alerts),
        ];
        return $result;
    }

    public function records(): array
    {
        return array_values($this->records);
    }
}

/**
 * List the IMAP section numbers of a body structure from imap_fetchstructure().
 * ext/imap nests a message/rfc822 part's body one level deeper than IMAP
 * numbers it: the children of an encapsulated multipart are N.1, N.2, and a
 * single-part encapsulated body is N.1.
 */
function imap_sections(object $structure, string $prefix = ''): array
{
    $sections = [];
    $is_multipart = ($structure->type ?? null) === TYPEMULTIPART && !empty($structure->parts);
    $is_message = ($structure->type ?? null) === TYPEMESSAGE && strtoupper($structure->subtype ?? '') === 'RFC822';

    if ($prefix === '') {
        if (!$is_multipart) {
            return ['1'];
        }
        foreach ($structure->parts as $index => $part) {
            $sections = array_merge($sections, imap_sections($part, (string)($index + 1)));
        }
        return $sections;
    }

    $sections[] = $prefix;
    if ($is_multipart) {
        foreach ($structure->parts as $index => $part) {
            $sections = array_merge($sections, imap_sections($part, $prefix . '.' . ($index + 1)));
        }
    } elseif ($is_message && !empty($structure->parts)) {
        $inner = $structure->parts[0];
        if (($inner->type ?? null) === TYPEMULTIPART && !empty($inner->parts)) {
            foreach ($inner->parts as $index => $part) {
                $sections = array_merge($sections, imap_sections($part, $prefix . '.' . ($index + 1)));
            }
        } else {
            $sections[] = $prefix . '.1';
        }
    }
    return $sections;
}

/** List the sections to fetch for one message: all real ones, their header forms, and some that do not exist. */
function sections_to_fetch(array $sections, object $structure): array
{
    $fetch = ['', '0'];
    foreach ($sections as $section) {
        $fetch[] = $section;
        $fetch[] = $section . '.MIME';
    }
    foreach (message_part_sections($structure) as $section) {
        $fetch[] = $section . '.0';
        $fetch[] = $section . '.HEADER';
        $fetch[] = $section . '.TEXT';
    }
    $top = 0;
    foreach ($sections as $section) {
        $top = max($top, (int)explode('.', $section)[0]);
    }
    $fetch[] = (string)($top + 1);
    $fetch[] = '1.99';
    $fetch[] = '99';
    return array_values(array_unique($fetch));
}

/** List the IMAP sections of message/rfc822 parts, where "N.0" means the encapsulated header. */
function message_part_sections(object $structure, string $prefix = ''): array
{
    $found = [];
    foreach ($structure->parts ?? [] as $index => $part) {
        $section = $prefix === '' ? (string)($index + 1) : $prefix . '.' . ($index + 1);
        if (($part->type ?? null) === TYPEMESSAGE && strtoupper($part->subtype ?? '') === 'RFC822') {
            $found[] = $section;
            $inner = $part->parts[0] ?? null;
            if ($inner && ($inner->type ?? null) === TYPEMULTIPART) {
                $found = array_merge($found, message_part_sections($inner, $section));
            }
        } elseif (($part->type ?? null) === TYPEMULTIPART) {
            $found = array_merge($found, message_part_sections($part, $section));
        }
    }
    return $found;
}

/** Split a raw header block into unfolded [name, value] pairs, in order. */
function header_fields(string $header): array
{
    $unfolded = preg_replace("/\r\n[ \t]/", ' ', $header);
    $fields = [];
    foreach (explode("\r\n", $unfolded) as $line) {
        $colon = strpos($line, ':');
        if ($colon !== false && $colon > 0) {
            $fields[] = [substr($line, 0, $colon), ltrim(substr($line, $colon + 1), " \t")];
        }
    }
    return $fields;
}

/**
 * Search criteria: the ones SuiteCRM sends, ones that select nothing (ext/imap
 * returns false, not []), and ones ext/imap rejects with an error.
 */
function search_cases(): array
{
    return [
        ['ALL', SE_FREE, null],
        ['ALL', SE_UID, null],
        ['ALL UNDELETED', SE_FREE, null],
        ['UNSEEN', SE_FREE, null],
        ['UNSEEN', SE_UID, null],
        ['UNDELETED UNSEEN', SE_FREE, null],
        ['SINCE "08-Jan-2024" UNDELETED', SE_FREE, null],
        ['SINCE "08-Jan-2024" UNDELETED UNSEEN', SE_UID, null],
        ['DELETED', SE_FREE, null],
        ['DELETED SINCE "01-Jan-2024"', SE_FREE, null],
        ['SUBJECT Fwd FROM "sales" TEXT "inner" SINCE "01-Jan-2024" BEFORE "31-Jan-2024"', SE_FREE, null],
        ['SUBJECT "no boundary"', SE_FREE, null],
        ['FROM "MAILER-DAEMON"', SE_UID, null],
        ['TEXT "X-CampTrackID"', SE_FREE, null],
        ['BODY "inner text"', SE_FREE, null],
        ["TEXT {5}\r\ninner", SE_FREE, null],
        ['FROM "Müller"', SE_FREE, 'UTF-8'],
        ['SUBJECT "menu"', SE_FREE, 'UTF-8'],
        ['FLAGGED', SE_FREE, null],
        ['ANSWERED UNSEEN', SE_FREE, null],
        ['KEYWORD $Forwarded', SE_UID, null],
        ['SEEN UNSEEN', SE_FREE, null],
        ['SUBJECT "nothing matches this"', SE_FREE, null],
        ['BEFORE "01-Jan-2000"', SE_FREE, null],
        ['OR SEEN UNSEEN', SE_FREE, null],
        ['UID 1:3', SE_FREE, null],
        ['SINCE "32-Foo-2024"', SE_FREE, null],
        ['SUBJECT', SE_FREE, null],
        ['SUBJECT "x"', SE_FREE, 'X-NO-SUCH-CHARSET'],
    ];
}

function sort_cases(): array
{
    return [
        [SORTDATE, false, 0, null],
        [SORTDATE, true, SE_UID, null],
        [SORTARRIVAL, false, 0, null],
        [SORTARRIVAL, true, SE_UID, null],
        [SORTFROM, false, 0, null],
        [SORTSUBJECT, false, 0, null],
        [SORTTO, false, 0, null],
        [SORTCC, false, 0, null],
        [SORTSIZE, true, 0, null],
        [SORTDATE, true, SE_UID, 'UNSEEN'],
        [SORTARRIVAL, false, 0, 'ALL UNDELETED'],
        [SORTDATE, false, 0, 'SUBJECT "nothing matches this"'],
    ];
}

/**
 * Dump everything. $mailbox is the mailbox string the target opened, and
 * $folder the corpus folder's name. Returns the document to json_encode().
 */
function dump_corpus(DumpTarget $target, string $mailbox, string $folder, string $source): array
{
    $dump = new Dumper($target);
    $server = substr($mailbox, 0, strpos($mailbox, '}') + 1);

    $count = $dump->record('num_msg', 'imap_num_msg', []);
    $dump->record('check', 'imap_check', [], fn ($r) => normalise_property($r, 'Date', 'date'));
    $dump->record('status', 'imap_status', [$server . $folder, SA_ALL],
        fn ($r) => normalise_property($r, 'uidvalidity', 'uidvalidity'));
    $dump->record('status messages unseen', 'imap_status', [$server . $folder, SA_MESSAGES | SA_UNSEEN]);
    $dump->record('getmailboxes folder', 'imap_getmailboxes', [$server, $folder]);
    $dump->record('getmailboxes inbox', 'imap_getmailboxes', [$server, 'INBOX']);
    $dump->record('getmailboxes none', 'imap_getmailboxes', [$server, 'no-such-folder-*']);

    foreach (['1:*', '1:' . $count, '2,1', '3:1', '*', '99', '0', 'abc', ''] as $sequence) {
        $dump->record("fetch_overview $sequence", 'imap_fetch_overview', [$sequence, 0]);
    }
    foreach (['1:*', '5,3', '99'] as $sequence) {
        $dump->record("fetch_overview uid $sequence", 'imap_fetch_overview', [$sequence, FT_UID]);
    }

    foreach (search_cases() as [$criteria, $flags, $charset]) {
        $arguments = $charset === null ? [$criteria, $flags] : [$criteria, $flags, $charset];
        $dump->record("search $criteria flags $flags charset " . ($charset ?? '-'), 'imap_search', $arguments);
    }
    // The record of the failing search reads imap_errors(), which also clears
    // imap_last_error(). The second record shows that.
    $dump->record('search failing', 'imap_search', ['NOT SEEN', SE_FREE]);
    $dump->record('last_error after imap_errors', 'imap_last_error', []);

    foreach (sort_cases() as [$criterion, $reverse, $flags, $search]) {
        $arguments = $search === null ? [$criterion, $reverse, $flags] : [$criterion, $reverse, $flags, $search];
        $dump->record("sort $criterion reverse " . (int)$reverse . " flags $flags search " . ($search ?? '-'), 'imap_sort',
            $arguments);
    }

    $uids = [];
    for ($msgno = 1; $msgno <= $count; $msgno++) {
        $uids[$msgno] = $dump->record("uid $msgno", 'imap_uid', [$msgno]);
    }
    foreach ($uids as $uid) {
        $dump->record("msgno $uid", 'imap_msgno', [$uid]);
    }
    $dump->record('msgno 9999', 'imap_msgno', [9999]);

    for ($msgno = 1; $msgno <= $count; $msgno++) {
        dump_message($dump, $msgno, $uids[$msgno]);
    }

    $dump->record('fetchbody bad message number', 'imap_fetchbody', [$count + 1, '1', FT_PEEK]);
    $dump->record('fetchbody message number 0', 'imap_fetchbody', [0, '1', FT_PEEK]);
    $dump->record('fetchbody unknown uid', 'imap_fetchbody', [9999, '1', FT_UID | FT_PEEK]);
    $dump->record('headerinfo bad message number', 'imap_headerinfo', [$count + 1]);
    $dump->record('fetchstructure bad message number', 'imap_fetchstructure', [$count + 1]);

    return [
        'format' => 'mailbridge-imap-compat-dump/1',
        'source' => $source,
        'php' => PHP_VERSION,
        'mailbox' => $mailbox,
        'normalised' => ['imap_status uidvalidity', 'imap_check Date'],
        'records' => $dump->records(),
    ];
}

function dump_message(Dumper $dump, int $msgno, mixed $uid): void
{
    $dump->record("headerinfo $msgno", 'imap_headerinfo', [$msgno]);
    $dump->record("headerinfo $msgno lengths", 'imap_headerinfo', [$msgno, 20, 20]);
    $header = $dump->record("fetchheader $msgno", 'imap_fetchheader', [$msgno]);
    $dump->record("fetchheader uid $uid", 'imap_fetchheader', [$uid, FT_UID]);
    $dump->record("fetchheader $msgno prefetchtext", 'imap_fetchheader', [$msgno, FT_PREFETCHTEXT]);
    $structure = $dump->record("fetchstructure $msgno", 'imap_fetchstructure', [$msgno]);
    $dump->record("fetchstructure uid $uid", 'imap_fetchstructure', [$uid, FT_UID]);
    $dump->record("body $msgno", 'imap_body', [$msgno, FT_PEEK]);
    $dump->record("body uid $uid", 'imap_body', [$uid, FT_UID | FT_PEEK]);

    if (is_object($structure)) {
        foreach (sections_to_fetch(imap_sections($structure), $structure) as $section) {
            $dump->record("fetchbody $msgno \"$section\"", 'imap_fetchbody', [$msgno, $section, FT_PEEK]);
        }
    }
    $dump->record("fetchbody uid $uid \"\"", 'imap_fetchbody', [$uid, '', FT_UID | FT_PEEK]);
    $dump->record("fetchbody uid $uid \"1\"", 'imap_fetchbody', [$uid, '1', FT_UID | FT_PEEK]);

    if (!is_string($header)) {
        return;
    }
    $dump->record("rfc822_parse_headers $msgno", 'imap_rfc822_parse_headers', [$header]);
    $dump->record("rfc822_parse_headers $msgno example.test", 'imap_rfc822_parse_headers', [$header, 'example.test']);
    foreach (header_fields($header) as $index => [$name, $value]) {
        $dump->record("mime_header_decode $msgno $index $name", 'imap_mime_header_decode', [$value]);
        $dump->record("utf8 $msgno $index $name", 'imap_utf8', [$value]);
    }
}

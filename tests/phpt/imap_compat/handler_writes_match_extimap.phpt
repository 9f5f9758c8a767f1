--TEST--
Compat\ImapHandler: flags, copy, move, expunge, append and mailbox commands return what ext/imap returns
--SKIPIF--
<?php
require __DIR__ . '/handler.inc';
mb_skip_without_servers();
if (!extension_loaded('imap')) {
    echo 'skip ext/imap (php8.2-imap) is not loaded';
}
?>
--FILE--
<?php
require __DIR__ . '/handler.inc';
use MailBridge\Compat\ImapHandler;

/** Runs the same calls through ext/imap or the handler, each in a folder of its own. */
function run_writes(string $side, string $folder): array
{
    $server = handler_server();
    $user = mb_env('MAILBRIDGE_TEST_USER');
    $password = mb_env('MAILBRIDGE_TEST_PASSWORD');
    if ($side === 'ext/imap') {
        // c-client has no CA option: OpenSSL reads SSL_CERT_FILE.
        putenv('SSL_CERT_FILE=' . mb_env('MAILBRIDGE_TEST_CAFILE'));
        $connection = imap_open($server . 'INBOX', $user, $password);
        $call = function (string $method, ...$arguments) use ($connection) {
            $functions = [
                'createMailbox' => 'imap_createmailbox', 'append' => 'imap_append', 'reopen' => 'imap_reopen',
                'setFlagFull' => 'imap_setflag_full', 'clearFlagFull' => 'imap_clearflag_full',
                'fetchOverview' => 'imap_fetch_overview', 'getUid' => 'imap_uid', 'delete' => 'imap_delete',
                'search' => 'imap_search', 'expunge' => 'imap_expunge', 'getNumberOfMessages' => 'imap_num_msg',
                'mailCopy' => 'imap_mail_copy', 'mailMove' => 'imap_mail_move', 'getStatus' => 'imap_status',
                'renameMailbox' => 'imap_renamemailbox', 'getMailboxes' => 'imap_getmailboxes',
                'subscribe' => 'imap_subscribe', 'unsubscribe' => 'imap_unsubscribe',
                'deleteMailbox' => 'imap_deletemailbox', 'ping' => 'imap_ping', 'close' => 'imap_close',
                'getErrors' => 'imap_errors',
            ];
            $function = $functions[$method];
            return $function === 'imap_errors' ? imap_errors() : $function($connection, ...$arguments);
        };
    } else {
        $handler = new_handler();
        $handler->open($server . 'INBOX', $user, $password);
        $call = fn (string $method, ...$arguments) => $handler->$method(...$arguments);
    }

    $steps = [];
    $record = function (string $name, $result) use (&$steps, $call, $folder) {
        $errors = $call('getErrors');
        $steps[$name] = str_replace($folder, 'F', json_encode([$result, $errors]));
    };
    $message = fn (string $subject) => "From: a@example.test\r\nTo: b@example.test\r\nSubject: $subject\r\n\r\nBody\r\n";
    $flags = function () use ($call) {
        $out = [];
        foreach ($call('fetchOverview', '1:*') as $overview) {
            $out[] = [$overview->subject, $overview->flagged, $overview->answered, $overview->deleted, $overview->seen];
        }
        return $out;
    };

    $record('create', [$call('createMailbox', $server . $folder), $call('createMailbox', $server . "$folder.Archive")]);
    $record('append', [$call('append', $server . $folder, $message('one')),
        $call('append', $server . $folder, $message('two'), '\\Seen'),
        $call('append', $server . $folder, $message('three'), '\\Seen \\Flagged'),
        $call('append', $server . "$folder.Missing", $message('nowhere'))]);
    $record('reopen', $call('reopen', $server . $folder));
    $record('set by number', $call('setFlagFull', '1,2', '\\Flagged'));
    $record('set by UID', $call('setFlagFull', (string)$call('getUid', 3), '\\Answered', ST_UID));
    $record('clear', $call('clearFlagFull', '2', '\\Seen'));
    $record('flags', $flags());
    $record('delete', [$call('delete', '1'), $call('search', 'DELETED')]);
    $record('expunge', [$call('expunge'), $call('getNumberOfMessages')]);
    $record('copy', [$call('mailCopy', '1', "$folder.Archive"), $call('mailCopy', '1:2', "$folder.Archive")]);
    $record('copy to missing', $call('mailCopy', '1', "$folder.Missing"));
    $record('move', [$call('mailMove', (string)$call('getUid', 2), "$folder.Archive", CP_UID), $flags()]);
    $status = $call('getStatus', $server . "$folder.Archive", SA_MESSAGES | SA_UNSEEN);
    $record('status', $status);
    // ext/imap sends a "{server}name" target verbatim, which Dovecot rejects.
    // The handler takes the name after the "}", as append() and the mailbox
    // commands do in both.
    $record('copy to mailbox string', $call('mailCopy', '1', $server . "$folder.Archive"));
    $record('rename', $call('renameMailbox', $server . "$folder.Archive", $server . "$folder.Old"));
    $names = array_map(fn ($mailbox) => $mailbox->name, $call('getMailboxes', $server, "$folder*") ?: []);
    sort($names);
    $record('list', $names);
    $record('subscribe', [$call('subscribe', $server . "$folder.Old"), $call('unsubscribe', $server . "$folder.Old")]);
    $record('delete mailbox', [$call('deleteMailbox', $server . "$folder.Old"), $call('deleteMailbox', $server . "$folder.Old")]);
    $record('ping', $call('ping'));
    $record('close', $call('close', CL_EXPUNGE));

    $cleanup = open_handler();
    $cleanup->deleteMailbox($server . $folder);
    $cleanup->close();
    return $steps;
}

$token = mb_unique_token();
$expected = run_writes('ext/imap', "$token-extimap");
$actual = run_writes('handler', "$token-handler");
foreach ($expected as $step => $value) {
    if ($value === $actual[$step]) {
        echo "$step: same\n";
    } else {
        echo "$step: ext/imap $value\n";
        echo str_repeat(' ', strlen($step)), "  handler  {$actual[$step]}\n";
    }
}
?>
--EXPECTF--
create: same
append: same
reopen: same
set by number: same
set by UID: same
clear: same
flags: same
delete: same
expunge: same
copy: same
copy to missing: same
move: same
status: same
copy to mailbox string: ext/imap [false,["[CANNOT] Invalid mailbox name: Name must not have '\/' characters %s"]]
                        handler  [true,false]
rename: same
list: same
subscribe: same
delete mailbox: same
ping: same
close: same

--TEST--
ImapClient: append a multipart message, search for it, fetch envelope, structure and decoded sections
--SKIPIF--
<?php require __DIR__ . '/imap.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/imap.inc';
$client = imap_client();
$mailbox = imap_test_mailbox($client);
$token = mb_unique_token();

$png = "\x89PNG\r\n\x1a\n" . random_bytes(300);
$pdf = "%PDF-1.4\n" . random_bytes(2000);
$text = "Grüße from the CRM, token $token\n";
$message = (new MailBridge\Message())
    ->from('sender@example.test', 'Müller, Hans')
    ->to('user@example.test')
    ->cc('Team <team@example.test>')
    ->subject("Quote $token")
    ->text($text)
    ->html('<p>Quote</p><img src="cid:logo">')
    ->embed($png, 'logo', 'logo.png', 'image/png')
    ->attach($pdf, 'quote.pdf', 'application/pdf');

$uid = $client->append($mailbox, $message, ['$Quote'], new DateTimeImmutable('2026-03-04 05:06:07 UTC'));
var_dump(is_int($uid) && $uid > 0);
// A second message that the searches below must not find.
$other = $client->append($mailbox, imap_plain_message('Unrelated'));

$info = $client->select($mailbox);
var_dump($info->exists, $info->readOnly);

$search = new MailBridge\ImapSearch();
var_dump($client->search($search->subject($token)) === [$uid]);
var_dump($client->search((new MailBridge\ImapSearch())->keyword('$Quote')) === [$uid]);
var_dump($client->search((new MailBridge\ImapSearch())->body('Grüße')) === [$uid]);
var_dump($client->search((new MailBridge\ImapSearch())->header('Cc', 'team@example.test')) === [$uid]);
var_dump($client->search((new MailBridge\ImapSearch())->since(new DateTimeImmutable('2026-03-04'))->before(new DateTimeImmutable('2026-03-05'))) === [$uid]);
var_dump($client->search((new MailBridge\ImapSearch())->not((new MailBridge\ImapSearch())->subject($token))) === [$other]);
var_dump($client->search((new MailBridge\ImapSearch())->anyOf(
    (new MailBridge\ImapSearch())->subject($token),
    (new MailBridge\ImapSearch())->subject('Unrelated'))) === [$uid, $other]);
var_dump($client->search() === [$uid, $other]);
// Search strings are data: quotes, parentheses and line breaks do not change the command.
var_dump($client->search((new MailBridge\ImapSearch())->subject("x\" OR ALL (")) === []);
var_dump($client->search((new MailBridge\ImapSearch())->subject("x\r\nA1 DELETE INBOX")) === []);

[$fetched] = $client->fetch([$uid]);
var_dump($fetched->uid === $uid);
$flags = $fetched->flags;
sort($flags);
var_dump($flags);
echo $fetched->internalDate->format(DATE_ATOM), "\n";
var_dump($fetched->size > 3000);
$envelope = $fetched->envelope;
echo $envelope['subject'], "\n";
var_dump($envelope['subject'] === "Quote $token");
echo json_encode($envelope['from']), "\n";
echo json_encode($envelope['cc']), "\n";
var_dump($envelope['messageId'] === '<' . $message->getMessageId() . '>');
var_dump($fetched->sections);

function show(MailBridge\MimePart $part, int $depth = 0): void
{
    printf("%s[%s] %s/%s enc=%s disp=%s id=%s lines=%s params=%s dparams=%s\n", str_repeat('  ', $depth),
        $part->partNumber, $part->type, $part->subtype, $part->encoding ?? '-', $part->disposition ?? '-',
        $part->id ?? '-', $part->lines ?? '-', json_encode(array_diff_key($part->parameters, ['boundary' => 1])),
        json_encode($part->dispositionParameters));
    foreach ($part->parts as $child) {
        show($child, $depth + 1);
    }
}
show($fetched->structure);

// Find the sections from the structure, as an application would.
$sections = [];
$walk = function (MailBridge\MimePart $part) use (&$walk, &$sections) {
    if ($part->parts === []) {
        $sections[$part->type . '/' . $part->subtype] = $part->partNumber;
    }
    array_map($walk, $part->parts);
};
$walk($fetched->structure);

[$decoded] = $client->fetch($uid, [], array_values($sections), true);
var_dump($decoded->structure, $decoded->flags);
var_dump($decoded->sections[$sections['text/plain']] === str_replace("\n", "\r\n", $text));
var_dump($decoded->sections[$sections['image/png']] === $png);
var_dump($decoded->sections[$sections['application/pdf']] === $pdf);

[$raw] = $client->fetch($uid, [], [$sections['application/pdf'], 'HEADER']);
var_dump(base64_decode($raw->sections[$sections['application/pdf']]) === $pdf);
var_dump(str_contains($raw->sections['HEADER'], "Subject: Quote $token\r\n"));

// A UID that does not exist is left out.
var_dump($client->fetch([$uid + 100]));
?>
--EXPECTF--
bool(true)
int(2)
bool(false)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
array(2) {
  [0]=>
  string(6) "$Quote"
  [1]=>
  string(7) "\Recent"
}
2026-03-04T05:06:07+00:00
bool(true)
Quote mbtest-%s
bool(true)
[{"name":"=?UTF-8?B?TcO8bGxlciwgSGFucw==?=","mailbox":"sender","host":"example.test","address":"sender@example.test"}]
[{"name":"Team","mailbox":"team","host":"example.test","address":"team@example.test"}]
bool(true)
array(0) {
}
[] multipart/mixed enc=- disp=- id=- lines=- params=[] dparams=[]
  [1] multipart/related enc=- disp=- id=- lines=- params={"type":"multipart\/alternative"} dparams=[]
    [1.1] multipart/alternative enc=- disp=- id=- lines=- params=[] dparams=[]
      [1.1.1] text/plain enc=quoted-printable disp=- id=- lines=1 params={"charset":"UTF-8"} dparams=[]
      [1.1.2] text/html enc=7bit disp=- id=- lines=0 params={"charset":"UTF-8"} dparams=[]
    [1.2] image/png enc=base64 disp=inline id=<logo> lines=- params={"name":"logo.png"} dparams={"filename":"logo.png"}
  [2] application/pdf enc=base64 disp=attachment id=- lines=- params={"name":"quote.pdf"} dparams={"filename":"quote.pdf"}
NULL
NULL
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
array(0) {
}

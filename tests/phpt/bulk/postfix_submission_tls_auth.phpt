--TEST--
sendMany(): 50 messages to the second user through Postfix on 587 with STARTTLS and AUTH are all sent
--SKIPIF--
<?php require_once __DIR__ . '/../servers.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require_once __DIR__ . '/../smtp_live/live.inc';

const MESSAGE_COUNT = 50;

$token = mb_unique_token();
$recipient = mb_env('MAILBRIDGE_TEST_USER2');
$messages = (function () use ($token, $recipient) {
    for ($i = 0; $i < MESSAGE_COUNT; $i++) {
        yield (new MailBridge\Message())
            ->from(mb_env('MAILBRIDGE_TEST_USER'))
            ->to($recipient)
            ->subject("Bulk $token $i")
            ->text("message $i of $token\n");
    }
})();

$transport = new MailBridge\SmtpTransport(live_options(['persistent' => false]));
$results = $transport->sendMany($messages, ['concurrency' => 4]);

$statuses = array_count_values(array_map(fn ($result) => $result->status, $results));
ksort($statuses);
foreach ($statuses as $status => $count) {
    echo "$status: $count\n";
}
$queueIds = array_filter(array_map(fn ($result) => $result->queueId, $results));
echo 'distinct queue ids: ', count(array_unique($queueIds)), "\n";
$accepted = array_filter($results, fn ($result) => $result->accepted === [$recipient]);
echo 'accepted for the second user: ', count($accepted), "\n";
$errors = array_filter($results, fn ($result) => $result->error !== null);
foreach ($errors as $index => $result) {
    echo "error $index: ", $result->error->getMessage(), "\n";
}
?>
--EXPECT--
sent: 50
distinct queue ids: 50
accepted for the second user: 50

--TEST--
Logger: an exception from the logger becomes a warning, and calling the transport from it is refused
--SKIPIF--
<?php require __DIR__ . '/../smtp_live/live.inc'; mb_skip_without_servers(); ?>
--FILE--
<?php
require __DIR__ . '/../smtp_live/live.inc';
$calls = 0;
$transport = new MailBridge\SmtpTransport(live_options([
    'logger' => function (string $line) use (&$calls) {
        $calls++;
        if (str_starts_with($line, 'C: .')) {
            throw new RuntimeException('log storage is full');
        }
    },
]));
$token = mb_unique_token();
$result = $transport->send(live_message($token));
// The message was delivered, so send() reports it; the logger's failure is only a warning.
var_dump($result->status, $result->replyCode);
mb_wait_for_message($token);
echo "delivered\n";

$transport = null;
$inner = null;
$transport = new MailBridge\SmtpTransport(live_options([
    'logger' => function (string $line) use (&$transport, &$inner) {
        if ($inner === null && str_starts_with($line, 'C: RCPT')) {
            try {
                $transport->close();
                $inner = 'close accepted';
            } catch (Error $e) {
                $inner = $e->getMessage();
            }
        }
    },
]));
$result = $transport->send(live_message(mb_unique_token()));
echo $inner, "\n";
var_dump($result->replyCode);
?>
--EXPECTF--
Warning: MailBridge\SmtpTransport::send(): The logger threw RuntimeException: log storage is full; it is not called again during this call in %s on line %d
string(4) "sent"
int(250)
delivered
MailBridge\SmtpTransport cannot be used from its own logger or on_result callback while it is sending
int(250)

--TEST--
SmtpConnection: debug lines go to echo, html, error_log, a PSR-3 logger or a callable, as in PHPMailer
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) die('skip mailbridge not loaded'); ?>
--INI--
error_log={PWD}/debug_output_targets.log
log_errors=1
--FILE--
<?php
namespace Psr\Log {
    interface LoggerInterface
    {
        public function debug($message, array $context = []);
    }
}

namespace {
    final class ArrayLogger implements Psr\Log\LoggerInterface
    {
        public array $messages = [];

        public function debug($message, array $context = [])
        {
            $this->messages[] = $message;
        }
    }

    // Port 1 on loopback is closed, so connect() fails after two debug
    // lines: the opening line (level 3) and the SMTP ERROR line (level 1).
    function failed_connect($output, int $level = 3): MailBridge\SmtpConnection
    {
        $connection = new MailBridge\SmtpConnection();
        $connection->setDebugLevel($level);
        $connection->setDebugOutput($output);
        $connection->connect('127.0.0.1', 1, 2, ['ssl' => ['peer_name' => 'a<b']]);
        return $connection;
    }

    echo "-- echo\n";
    ob_start();
    failed_connect('echo');
    $lines = explode("\n", rtrim(ob_get_clean()));
    echo count($lines), " lines\n";
    echo preg_replace('/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\t/', 'TIME<tab>', $lines[0]), "\n";
    // PHPMailer indents continuation lines by 19 spaces, a tab and 18 spaces.
    echo json_encode($lines[1]), "\n";
    echo preg_match('/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\tSMTP ERROR: Failed to connect to server: /', end($lines)), "\n";

    echo "-- html\n";
    ob_start();
    failed_connect('html');
    $html = ob_get_clean();
    echo substr_count($html, "<br>\n"), " lines\n";
    echo 'escaped: ', var_export(str_contains($html, "&#039;a&lt;b&#039;"), true), "\n";
    echo 'line breaks removed: ', var_export(substr_count($html, "\n") === 2, true), "\n";

    echo "-- error_log\n";
    $log = __DIR__ . '/debug_output_targets.log';
    @unlink($log);
    failed_connect('error_log');
    $logged = file_get_contents($log);
    echo 'opening logged: ', var_export(str_contains($logged, 'Connection: opening to 127.0.0.1:1, timeout=2'), true), "\n";
    echo 'error logged: ', var_export(str_contains($logged, 'SMTP ERROR: Failed to connect to server'), true), "\n";
    @unlink($log);

    echo "-- PSR-3 logger\n";
    $logger = new ArrayLogger();
    failed_connect($logger);
    echo count($logger->messages), " messages, first: ", strtok($logger->messages[0], "\n"), "\n";

    echo "-- callable, level 1\n";
    $calls = [];
    $connection = failed_connect(function ($str, $level) use (&$calls) {
        $calls[] = [$level, strtok($str, ':')];
    }, 1);
    echo json_encode($calls), "\n";
    var_dump($connection->getDebugLevel(), $connection->getDebugOutput() instanceof Closure);
    $error = $connection->getError();
    echo $error['error'], ' / code ', var_export($error['smtp_code'], true), ' / ',
        var_export(str_contains($error['smtp_code_ex'], 'Connection refused'), true), "\n";
}
?>
--EXPECT--
-- echo
7 lines
TIME<tab>Connection: opening to 127.0.0.1:1, timeout=2, options=array (
"                   \t                    'ssl' => "
1
-- html
2 lines
escaped: true
line breaks removed: true
-- error_log
opening logged: true
error logged: true
-- PSR-3 logger
2 messages, first: Connection: opening to 127.0.0.1:1, timeout=2, options=array (
-- callable, level 1
[[1,"SMTP ERROR"]]
int(1)
bool(true)
Failed to connect to server / code '' / true

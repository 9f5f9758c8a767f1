--TEST--
Secrets: the options array is a sensitive parameter and never shows in a backtrace
--INI--
zend.exception_ignore_args=0
--FILE--
<?php
function build(array $options) {
    return new MailBridge\SmtpTransport($options);
}
try {
    build(['host' => 'h', 'username' => 'u', 'password' => 'TopSecret-77', 'port' => -1]);
} catch (ValueError $e) {
    $trace = $e->getTrace();
    var_dump($trace[0]['args'][0] instanceof SensitiveParameterValue);
    var_dump(str_contains($e->getTraceAsString(), 'TopSecret-77'));
}
$t = new MailBridge\SmtpTransport(['host' => 'h', 'username' => 'u', 'password' => 'TopSecret-77']);
ob_start();
var_dump($t);
print_r($t);
var_export($t);
$out = ob_get_clean();
var_dump(str_contains($out, 'TopSecret-77'));
var_dump(str_contains($out, '<redacted>'));
?>
--EXPECT--
bool(true)
bool(false)
bool(false)
bool(true)

--TEST--
Options: invalid SmtpTransport options raise TypeError or ValueError before any I/O
--FILE--
<?php
$cases = [
    'no host' => [],
    'unknown option' => ['host' => 'h', 'hots' => 'x'],
    'bad security' => ['host' => 'h', 'security' => 'ssl'],
    'port range' => ['host' => 'h', 'port' => 70000],
    'port type' => ['host' => 'h', 'port' => '587'],
    'host with CRLF' => ['host' => "h\r\nx"],
    'PHPMailer ssl:// prefix' => ['host' => 'ssl://smtp.example.test'],
    'bad port in host list' => ['host' => 'a.example.test;b.example.test:99999'],
    'empty cafile' => ['host' => 'h', 'tls' => ['cafile' => '']],
    'bad host_order' => ['host' => 'h', 'host_order' => 'random'],
    'zero timeout' => ['host' => 'h', 'timeout' => 0],
    'password without username' => ['host' => 'h', 'password' => 'p'],
    'unknown mechanism' => ['host' => 'h', 'username' => 'u', 'password' => 'p', 'auth_mechanisms' => ['NTLM']],
    'xoauth2 without token' => ['host' => 'h', 'username' => 'u', 'password' => 'p', 'auth_mechanisms' => ['XOAUTH2']],
    'unknown tls key' => ['host' => 'h', 'tls' => ['verify' => false]],
    'client name with space' => ['host' => 'h', 'client_name' => 'a b'],
    'logger not callable' => ['host' => 'h', 'logger' => 'no_such_function_here'],
    'password with CRLF' => ['host' => 'h', 'username' => 'u', 'password' => "p\r\nQUIT"],
];
foreach ($cases as $name => $options) {
    try {
        new MailBridge\SmtpTransport($options);
        echo "$name: accepted\n";
    } catch (TypeError | ValueError $e) {
        echo "$name: ", get_class($e), ": ", $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
no host: ValueError: MailBridge\SmtpTransport option "host" is required
unknown option: ValueError: MailBridge\SmtpTransport has no option "hots"
bad security: ValueError: MailBridge\SmtpTransport option "security" must be "tls", "starttls" or "none"
port range: ValueError: MailBridge\SmtpTransport option "port" must be between 1 and 65535
port type: TypeError: MailBridge\SmtpTransport option "port" must be of type int, string given
host with CRLF: ValueError: MailBridge\SmtpTransport option "host" has an invalid entry "(with control characters)": expected a host name or address with an optional :port
PHPMailer ssl:// prefix: ValueError: MailBridge\SmtpTransport option "host" has "ssl://smtp.example.test": give the host name alone and choose TLS with "security" (PHPMailer's ssl:// is "tls", tls:// is "starttls")
bad port in host list: ValueError: MailBridge\SmtpTransport option "host" has an invalid entry "b.example.test:99999": expected a host name or address with an optional :port
empty cafile: ValueError: MailBridge\SmtpTransport option "tls.cafile" must not be empty; leave it out to use the system CA store
bad host_order: ValueError: MailBridge\SmtpTransport option "host_order" must be "failover" or "round_robin"
zero timeout: ValueError: MailBridge\SmtpTransport option "timeout" must be a number of seconds greater than 0 and at most 86400
password without username: ValueError: MailBridge\SmtpTransport option "username" is required with "password" or "oauth_token"
unknown mechanism: ValueError: MailBridge\SmtpTransport option "auth_mechanisms" has an unsupported mechanism "NTLM"; supported: PLAIN, LOGIN, CRAM-MD5, XOAUTH2
xoauth2 without token: ValueError: MailBridge\SmtpTransport mechanism XOAUTH2 needs the "oauth_token" option
unknown tls key: ValueError: MailBridge\SmtpTransport option "tls" has an unknown key "verify"
client name with space: ValueError: MailBridge\SmtpTransport option "client_name" must be a host name without spaces
logger not callable: TypeError: MailBridge\SmtpTransport option "logger" must be a callable or null
password with CRLF: ValueError: MailBridge\SmtpTransport option "password" must not contain NUL or line breaks

--TEST--
Compat\ImapHandler: ext/imap's constant values as class constants, no global imap_* functions or constants
--SKIPIF--
<?php if (!extension_loaded('mailbridge')) echo 'skip the mailbridge extension is not loaded'; ?>
--FILE--
<?php
use MailBridge\Compat\ImapHandler;

$functions = array_filter(get_extension_funcs('mailbridge') ?: [], fn ($name) => str_starts_with($name, 'imap'));
var_dump($functions);
$constants = get_defined_constants(true)['mailbridge'] ?? [];
var_dump(array_filter(array_keys($constants), fn ($name) => !str_starts_with($name, 'MAILBRIDGE')));

$constants = (new ReflectionClass(ImapHandler::class))->getConstants();
echo count($constants), " constants\n";
var_dump($constants['OP_XOAUTH2'], $constants['CL_EXPUNGE'], $constants['SE_FREE'], $constants['SA_ALL']);
if (extension_loaded('imap')) {
    $different = [];
    foreach ($constants as $name => $value) {
        if ($name !== 'OP_XOAUTH2' && (!defined($name) || @constant($name) !== $value)) {
            $different[] = $name;
        }
    }
    echo 'differ from ext/imap: ', json_encode($different), "\n";
} else {
    echo "differ from ext/imap: []\n";
}
?>
--EXPECT--
array(0) {
}
array(0) {
}
69 constants
int(512)
int(32768)
int(2)
int(31)
differ from ext/imap: []

--TEST--
phpinfo: the mailbridge section shows the version and the libraries
--FILE--
<?php
ob_start();
phpinfo(INFO_MODULES);
$info = ob_get_clean();
var_dump(str_contains($info, 'mailbridge support => enabled'));
var_dump(str_contains($info, 'Version => ' . phpversion('mailbridge')));
var_dump(str_contains($info, 'OpenSSL => OpenSSL'));
?>
--EXPECT--
bool(true)
bool(true)
bool(true)

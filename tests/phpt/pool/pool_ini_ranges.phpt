--TEST--
Pool: ini settings are range-checked and shown in phpinfo
--FILE--
<?php
var_dump(ini_get('mailbridge.pool_max_idle_per_key'));
var_dump(ini_set('mailbridge.pool_max_idle_per_key', '-1'));
var_dump(ini_set('mailbridge.pool_idle_timeout', 'abc'));
var_dump(ini_set('mailbridge.pool_max_lifetime', '90000'));
var_dump(ini_set('mailbridge.pool_max_idle_per_key', '8'));
var_dump(ini_get('mailbridge.pool_max_idle_per_key'));
ob_start();
phpinfo(INFO_MODULES);
$info = ob_get_clean();
foreach (['pool_max_idle_per_key', 'pool_idle_timeout', 'pool_probe_interval', 'pool_max_messages_per_connection', 'pool_max_lifetime'] as $name) {
    var_dump(str_contains($info, "mailbridge.$name"));
}
var_dump(str_contains($info, 'Pool key'));
?>
--EXPECTF--
string(1) "4"

Warning: ini_set(): mailbridge.pool_max_idle_per_key must be a number from 0 to 1000, "-1" given in %s on line %d
bool(false)

Warning: ini_set(): mailbridge.pool_idle_timeout must be a number from 0 to 86400, "abc" given in %s on line %d
bool(false)

Warning: ini_set(): mailbridge.pool_max_lifetime must be a number from 0 to 86400, "90000" given in %s on line %d
bool(false)
string(1) "4"
string(1) "8"
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)

--TEST--
imap_compat: dump encoding, section numbering and compare.php, without a server
--SKIPIF--
<?php if (!extension_loaded('imap')) echo 'skip ext/imap (php8.2-imap) is not loaded'; ?>
--FILE--
<?php
passthru(escapeshellarg(PHP_BINARY) . ' ' . escapeshellarg(__DIR__ . '/../../imap_compat/self_test.php'), $status);
echo "exit $status\n";
?>
--EXPECT--
self test passed
exit 0

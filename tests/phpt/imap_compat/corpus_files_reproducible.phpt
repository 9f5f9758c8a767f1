--TEST--
imap_compat: the committed corpus matches what make_corpus.py writes
--FILE--
<?php
exec('/usr/bin/python3 ' . escapeshellarg(__DIR__ . '/../../fixtures/imap/make_corpus.py') . ' --check 2>&1', $output, $status);
echo implode("\n", $output), "exit $status\n";
?>
--EXPECT--
exit 0

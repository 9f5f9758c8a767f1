--TEST--
MIME: attachments make multipart/mixed; types are guessed from extensions and files are read in chunks
--SKIPIF--
<?php require __DIR__ . '/mime.inc'; mime_skip_without_python(); ?>
--FILE--
<?php
require __DIR__ . '/mime.inc';
$pdf = "%PDF-1.4\n" . str_repeat("\x00\xff binary \x80", 200);
$file = tempnam(sys_get_temp_dir(), "mb-mime");
// 3 MB, more than one read chunk, with bytes that differ at every offset.
$large = "";
for ($i = 0; strlen($large) < 3 * 1024 * 1024; $i++) {
    $large .= hash("sha256", (string) $i, true);
}
file_put_contents($file, $large);
$message = mime_message()
    ->subject("Quote")
    ->text("The quote and data are attached.\n")
    ->attach($pdf, "quote.pdf")
    ->attach("id;name\r\n1;Anna\r\n", "contacts.csv")
    ->attach("{}", "data", "application/json")
    ->attachFromPath($file, "archive.zip");
echo mime_inspect($message->toString(), ["pdf" => $pdf, "large" => $large, "csv" => "id;name\r\n1;Anna\r\n", "json" => "{}"]);
unlink($file);
?>
--EXPECT--
From: Sender <sender@example.test>
To: recipient@example.test
Subject: Quote
MIME-Version: 1.0
header lines under 78: yes
lines at most 998: yes
CRLF line ends only: yes
multipart/mixed
  text/plain charset=utf-8 [7bit]
    | The quote and data are attached.
  application/pdf name=quote.pdf [base64]
    disposition: attachment
    filename: quote.pdf
    2209 bytes, sha256 sha256(pdf)
  text/csv name=contacts.csv [base64]
    disposition: attachment
    filename: contacts.csv
    17 bytes, sha256 sha256(csv)
  application/json name=data [base64]
    disposition: attachment
    filename: data
    2 bytes, sha256 sha256(json)
  application/zip name=archive.zip [base64]
    disposition: attachment
    filename: archive.zip
    3145728 bytes, sha256 sha256(large)
defects: none

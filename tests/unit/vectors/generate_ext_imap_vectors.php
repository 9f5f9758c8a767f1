<?php
// Writes tests/unit/vectors/ext_imap_vectors.inc: the results of ext/imap's
// pure helper functions for the inputs below, as C++ initializers for
// tests/unit/mimeparse_ext_imap_test.cc. Run it with the php8.2-imap build
// that the C++ code mirrors:
//   php tests/unit/vectors/generate_ext_imap_vectors.php > tests/unit/vectors/ext_imap_vectors.inc
// The unit tests only read the committed output and never run PHP.

// A C++ string literal for any bytes, wrapped in S() so that NUL bytes
// survive. Octal escapes take at most three digits, so no escape can run
// into the character after it.
function lit(string $bytes): string
{
    $out = '';
    for ($i = 0; $i < strlen($bytes); $i++) {
        $c = $bytes[$i];
        $o = ord($c);
        if ($c === '"' || $c === '\\') {
            $out .= '\\' . $c;
        } elseif ($o < 0x20 || $o >= 0x7f || ($c === '?' && $i > 0 && $bytes[$i - 1] === '?')) {
            // "??" is escaped so that no compiler warns about a trigraph.
            $out .= sprintf('\\%03o', $o);
        } else {
            $out .= $c;
        }
    }
    return 'S("' . $out . '")';
}

function optional_lit(?string $bytes): string
{
    return $bytes === null ? 'std::nullopt' : lit($bytes);
}

function errors(): string
{
    $errors = imap_errors();
    $items = array_map('lit', $errors === false ? [] : $errors);
    return '{' . implode(', ', $items) . '}';
}

$mime_header_inputs = [
    "=?UTF-8?B?w6Q=?= =?UTF-8?B?w7Y=?= plain =?ISO-8859-1?Q?a=E4?=",
    "=?UTF-8?Q?Gr=C3=BC=C3=9Fe?= plain",
    "plain only",
    "",
    " ",
    "=?utf-8*en?Q?a_b?=",
    "=?x?B?w6Q!?=",
    "=?x?Q?a=ZZ?=",
    "=?x?Bxw6Q=?=",
    "abc =?foo",
    "=?a?b?c?= \t\r\n =?bad",
    "=?x?B?AEE=?=",
    "=?x?X?abc?=",
    "a=?x?q?b?=c",
    "=?x?B?w?=",
    "=?x?B?w6Q?=",
    "=?x?B?w6=?=",
    "=?x?B?w6==?=",
    "=?UTF-8?B?w6Q=?=\r\n =?UTF-8?B?w7Y=?=",
    "=?UTF-8?B?w6Q=?=  x  =?UTF-8?B?w7Y=?=",
    "=?UTF-8?Q?a?= =?UTF-8?Q?_b?=",
    "=?UTF-8?Q?a=?=",
    "=?UTF-8?Q?a=4?=",
    "=?UTF-8?Q?a=4G?=",
    "=?UTF-8?Q?a=\r\nb?=",
    "=?UTF-8?Q??=",
    "=?UTF-8??a?=",
    "=??Q?a?=",
    "=?UTF-8?Q?a?=b",
    "=?UTF-8?Q?a b?=",
    "=?UTF-8?Q?a\0b?=",
    "x\0y",
    "=?UTF\0-8?Q?a?=",
    "=?windows-1251?B?z/Do4uXy?=",
    "=?ISO-8859-1?Q?caf=E9?=",
    "=?unknown-8bit?Q?caf=E9?=",
    "Raw \xC3\xBCmlaut 8bit",
    "=?utf-8?b?w6TDtsO8?=\r\n =?utf-8?b?w6TDtsO8?= x",
    "=?",
    "=?a",
    "=?a?",
    "=?a?B",
    "=?a?B?",
    "=?a?B??",
    "=?a?B??=",
    "?= =?",
    "=?=?UTF-8?Q?a?=",
    "=?UTF-8?Q?=3D=3F?= tail",
    "=?UTF-8?Q?x?= \t",
    "=?UTF-8?Q?x?=\t=?",
];

$base64_inputs = [
    "w6Q", "w6Q=", "w6", "w", "", "w6Q=w6Q=", "w6 Q=", "w6Q!", "w6Q==", "====", "w6Q=x", "AAB=",
    "w6\x0bQ=", "w6\0Q=", "w6\x0cQ=", "w6=", "w6==", "w6= =", "w6==x", "=", "w=", "w==",
    "SGVsbG8sIFdvcmxkIQ==", "SGVs\r\nbG8s\r\nIFdv\r\ncmxk\r\nIQ==", "SGVsbG8-", "SGVsbG8_",
];

$qprint_inputs = [
    "caf=E9", "caf=e9", "a=", "a=4", "a=4G", "a=\r\nb", "a=\nb", "a  \r\nb", "a=ZZb", "a= \r\nb",
    "_x_", "a=\rb", "a \t\r\nb", "a  ", "a  =\r\n  b", "=\0x", "=4\0x", "a\0b", "=3D=3d", "line1\nline2  \nline3",
    "a =\r\n b", "=\r\n", "x=\r", "==41", "=4=41",
];

$address_inputs = [
    ["a@b", "def.host"],
    ["blobby", "example.com"],
    ["<@example.com:foo@example.ac.uk>", "example.com"],
    ["ian@one@two", "example.com"],
    ["Foo Bar <a@b>", "def.host"],
    ["\"M\xC3\xBCller, Hans\" <h@x>", "def.host"],
    ["a@b (Foo Bar)", "def.host"],
    ["Foo (x) Bar <a@b>", "def.host"],
    ["undisclosed-recipients:;", "def.host"],
    ["g: a@b, c@d;, e@f", "def.host"],
    ["a@b c@d", "def.host"],
    ["<a@b", "def.host"],
    ["a.b . c@d . e", "def.host"],
    ["\"a b\"@c", "def.host"],
    ["a@[1.2.3.4]", "def.host"],
    ["", "def.host"],
    [",,a@b,,", "def.host"],
    ["@", "def.host"],
    ["<>", "def.host"],
    ["foo <>", "def.host"],
    ["=?UTF-8?Q?J=C3=BCrgen?= <j@x>", "def.host"],
    ["a@b, ", "def.host"],
    ["(comment only)", "def.host"],
    ["x@y (unterminated", "def.host"],
    ["John Q. Public <jqp@x>", "def.host"],
    ["a\tb <c@d>", "def.host"],
    ["a@", "def.host"],
    ["\"unterminated <a@b>", "def.host"],
    ["g:a@b", "def.host"],
    ["g: ;", "def.host"],
    ["<@a,@b:c@d>", "def.host"],
    ["<@a:c>", "def.host"],
    ["a b c", "def.host"],
    ["a@b;c@d", "def.host"],
    ["<a@b> x", "def.host"],
    ["foo at bar.com", "def.host"],
    ["x (a (b) c) <y@z>", "def.host"],
    ["a@b (a (b) c)", "def.host"],
    ["(a (b", "def.host"],
    ["g: (x", "def.host"],
    ["a@b.c.", "def.host"],
    ["a@[]", "def.host"],
    ["<@[]:x@y>", "def.host"],
    ["a@b (  )", "def.host"],
    ["a@b (\"q\" x\\\\y)", "def.host"],
    ["\"\" <a@b>", "def.host"],
    ["a.@b", "def.host"],
    ["a@.b", "def.host"],
    ["a@b.", "def.host"],
    ["a@b. .c", "def.host"],
    ["a@b . . c", "def.host"],
    ["a. .b@c", "def.host"],
    ["a@[1.2", "def.host"],
    ["a@[1\\]2]", "def.host"],
    ["a@[1.2].com", "def.host"],
    ["a@b.[1.2]", "def.host"],
    ["<@a:b@c", "def.host"],
    ["<@a b@c>", "def.host"],
    ["<@a,b@c>", "def.host"],
    ["g1: g2: a@b;;", "def.host"],
    ["g: a@b c;", "def.host"],
    ["g: <>;", "def.host"],
    [": a@b;", "def.host"],
    ["\"g r\": a@b;", "def.host"],
    ["a@b\0c@d", "def.host"],
    ["Undisclosed recipients:;", "def.host"],
    ["\"Doe, John\" <john@example.com>, jane@example.com (Jane)", "def.host"],
    ["x <a@b (c)>", "def.host"],
    ["<a@b (c)>", "def.host"],
    ["a\\@b@c", "def.host"],
    ["\"a\\\"b\"@c", "def.host"],
    ["a@b\r\n\t(C)", "def.host"],
    ["a(x)@(y)b", "def.host"],
    ["a@b (x\\)", "def.host"],
    ["a@b (x\\", "def.host"],
    ["a@b\x01c", "def.host"],
    ["J\x1b\$B\x24\x22\x1b(B <a@b>", "def.host"],
    ["J\x1b\$Bx,y <a@b>", "def.host"],
    ["@a:b@c", "def.host"],
    ["a at (x) b", "def.host"],
    ["a at", "def.host"],
    ["a@b, @", "def.host"],
    ["g: a@b, @;", "def.host"],
    ["mailer-daemon", ""],
    ["a", "@"],
    ["\"a b\"", "h"],
    [". a@b", "h"],
    ["a@b, \"c\" <d@e>, <f@g>", "h"],
    ["a@b,,,c@d", "h"],
    ["a@b (c) (d)", "h"],
    ["(c) a@b", "h"],
    ["a@b.c (d) , e@f", "h"],
];

$header_inputs = [
    "Subject: a\r\n\r\nTo: b@c\r\n",
    "Subject: a\n\nTo: b@c\n",
    "To: a@b\r\nTo: c@d\r\nSubject:  x \r\nSubject: y\r\nfrom : \"F\" <f@g>\r\nDate: Mon,\r\n\t1 Jan\r\n"
        . "Newsgroups: a, b\r\nFollowup-To: x, y\r\nFollowup-To: z\r\nMessage-ID: <m>\r\nIn-Reply-To: <i>\r\n"
        . "References: <r1>\r\n <r2>\r\nReply-To: r@s\r\nSender: s@t\r\nReturn-Path: <rp@x>\r\n"
        . "Cc: undisclosed-recipients:;\r\nBcc: b\r\n",
    ">From: x@y\r\nX: 1",
    "Subject: a\rTo: b@c",
    "Subject: a\0b\r\nTo: c\0d@e",
    "From: \"M\xC3\xBCller, Hans\" <hans@example.com>\r\nTo: a@example.com\r\n"
        . "Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?= plain\r\nDate: Mon, 1 Jan 2024 10:00:00 +0100\r\n"
        . "Message-ID: <m1@example.com>\r\n\r\n",
    "To: ian@one@two\r\nCc: <a@b\r\nFrom: x@y (Comment Name)\r\nSender:\r\n",
    "  To: a@b\r\nTO : c@d\r\nto: e@f\r\n",
    "",
    "no colon line\r\nSubject: ok\r\n",
    "Subject: folded\r\n\twith tab\r\n  and spaces\r\n",
    "Date: first\r\nDate: second\r\nReferences: <a>\r\nReferences: <b>\r\nNewsgroups: x\r\nNewsgroups: y\r\n",
    "From: a@b, c@d\r\nReply-To: \r\n",
];

// One "name: value" line per property, in PHP's property order. Address
// arrays list each object's properties in order, as "key=value" pairs.
function dump_headers(object $headers): string
{
    $out = '';
    foreach (get_object_vars($headers) as $name => $value) {
        if (is_array($value)) {
            foreach ($value as $address) {
                $pairs = [];
                foreach (get_object_vars($address) as $key => $field) {
                    $pairs[] = $key . '=' . $field;
                }
                $out .= $name . ': {' . implode(', ', $pairs) . "}\n";
            }
        } else {
            $out .= $name . ': ' . $value . "\n";
        }
    }
    return $out;
}

echo "// Generated by tests/unit/vectors/generate_ext_imap_vectors.php with PHP ", PHP_VERSION,
    " and ext/imap ", phpversion('imap'), ". Do not edit.\n\n";

echo "const MimeHeaderVector kMimeHeaderVectors[] = {\n";
foreach ($mime_header_inputs as $input) {
    $result = @imap_mime_header_decode($input);
    imap_errors();
    if ($result === false) {
        echo "    {", lit($input), ", false, {}},\n";
        continue;
    }
    $segments = array_map(fn ($s) => '{' . lit($s->charset) . ', ' . lit($s->text) . '}', $result);
    echo "    {", lit($input), ", true, {", implode(', ', $segments), "}},\n";
}
echo "};\n\n";

echo "const Base64Vector kBase64Vectors[] = {\n";
foreach ($base64_inputs as $input) {
    $result = @imap_base64($input);
    imap_errors();
    echo "    {", lit($input), ", ", $result === false ? 'std::nullopt' : lit($result), "},\n";
}
echo "};\n\n";

echo "const QprintVector kQprintVectors[] = {\n";
foreach ($qprint_inputs as $input) {
    $result = @imap_qprint($input);
    imap_errors();
    echo "    {", lit($input), ", ", lit($result), "},\n";
}
echo "};\n\n";

echo "const AddressVector kAddressVectors[] = {\n";
foreach ($address_inputs as [$input, $host]) {
    imap_errors();
    $list = @imap_rfc822_parse_adrlist($input, $host);
    $errors = errors();
    $addresses = [];
    foreach ($list as $a) {
        $addresses[] = '{' . optional_lit($a->personal ?? null) . ', ' . optional_lit($a->adl ?? null) . ', '
            . optional_lit($a->mailbox ?? null) . ', ' . optional_lit($a->host ?? null) . '}';
    }
    // toaddress is rfc822_write_address() of the list. The header parser
    // unfolds lines and turns tabs into spaces first, so only inputs without
    // those (and without NUL) are compared, with ext/imap's default host.
    $written = 'std::nullopt';
    if (strpbrk($input, "\r\n\t\0") === false && $host === 'def.host') {
        $headers = @imap_rfc822_parse_headers("To: " . $input . "\r\n", $host);
        imap_errors();
        if (isset($headers->toaddress)) {
            $written = lit($headers->toaddress);
        }
    }
    echo "    {", lit($input), ", ", lit($host), ",\n     {", implode(', ', $addresses), "},\n     ", $errors,
        ",\n     ", $written, "},\n";
}
echo "};\n\n";

echo "const HeadersVector kHeadersVectors[] = {\n";
foreach ($header_inputs as $input) {
    imap_errors();
    $headers = @imap_rfc822_parse_headers($input, "dh");
    $errors = errors();
    echo "    {", lit($input), ",\n     ", lit(dump_headers($headers)), ",\n     ", $errors, "},\n";
}
echo "};\n";

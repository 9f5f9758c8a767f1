"""Verify every DKIM-Signature of a message with dkimpy (Debian's python3-dkim).

    /usr/bin/python3 verify.py NAME=RECORD... < message

Each NAME=RECORD argument is the TXT record that a DNS lookup of NAME would
return, such as "sel._domainkey.example.com=v=DKIM1; k=ed25519; p=...". No
DNS query is made: a name without a record fails the lookup.

Bare CR and LF in the input become CRLF first, the way the SMTP layer sends
a message, so a raw message with LF line ends is checked as the server
receives it.

Prints one line per signature, topmost first:
    signature 1 (a=rsa-sha256, d=example.com, s=sel): pass
and exits with 0 when every signature passes, 1 when any fails and 2 when
the input has no signature or the arguments are invalid.
"""
import re
import sys

import dkim


def normalize_line_ends(data):
    return re.sub(rb"\r\n|\r|\n", b"\r\n", data)


def signature_fields(message):
    """Return the DKIM-Signature fields of the header block, unfolded, topmost first."""
    header_block = message.split(b"\r\n\r\n", 1)[0]
    fields = re.split(rb"\r\n(?![ \t])", header_block)
    return [re.sub(rb"\r\n", b"", field) for field in fields if field.lower().startswith(b"dkim-signature:")]


def tag(field, name):
    match = re.search(rb"(?:^|;)\s*" + name + rb"\s*=\s*([^;]*)", field.split(b":", 1)[1])
    return match.group(1).strip().decode("ascii", "replace") if match else "?"


def main(arguments):
    records = {}
    for argument in arguments:
        name, separator, record = argument.partition("=")
        if not separator or not name:
            print("invalid argument %r: expected NAME=RECORD" % argument, file=sys.stderr)
            return 2
        records[name.lower().rstrip(".")] = record.encode("ascii")

    def lookup(name, timeout=5):
        key = name.decode("ascii").lower().rstrip(".")
        return records.get(key)

    message = normalize_line_ends(sys.stdin.buffer.read())
    fields = signature_fields(message)
    if not fields:
        print("no DKIM-Signature field found")
        return 2

    failed = False
    for index, field in enumerate(fields):
        label = "signature %d (a=%s, d=%s, s=%s)" % (index + 1, tag(field, b"a"), tag(field, b"d"), tag(field, b"s"))
        try:
            passed = dkim.DKIM(message).verify(idx=index, dnsfunc=lookup)
            reason = ""
        except dkim.DKIMException as error:
            passed = False
            reason = " (%s)" % error
        print("%s: %s%s" % (label, "pass" if passed else "fail", reason))
        failed = failed or not passed
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Print the MIME structure of a message read on stdin, as Python's email
package parses it, so that PHPT tests check mailbridge's output with a
parser that shares no code with it.

    /usr/bin/python3 tests/phpt/mime/inspect.py < message.eml

The output names no value that changes between runs (Date, Message-ID,
boundaries). It has these sections:

- the selected header fields, decoded, each with the charsets of its
  RFC 2047 encoded words when it has any;
- line checks: header lines under 78 characters, all lines at most 998
  octets, CRLF line ends only;
- the part tree: content type with its charset and other parameters, the
  transfer encoding, disposition, file name, Content-ID, and the decoded
  body: text line by line, other content as its size and SHA-256;
- the defects that the parser recorded, or "defects: none".

A non-ASCII file name adds two defects for its name= parameter, "encoded
word inside quoted string" and "missing trailing whitespace after
encoded-word": RFC 2047 forbids encoded words in quoted strings, but
mailbridge writes them there beside the RFC 2231 filename* parameter,
because older mail clients read only that form.
"""
import email.header
import email.parser
import email.policy
import email.utils
import hashlib
import sys

HEADERS = [
    "From",
    "Reply-To",
    "To",
    "Cc",
    "Subject",
    "Auto-Submitted",
    "List-Unsubscribe",
    "List-Unsubscribe-Post",
    "MIME-Version",
]
# Content-Type parameters printed after the type; charset and boundary are
# handled on their own.
TYPE_PARAMETERS = ["method", "type", "name"]


def word_charsets(raw_value):
    """Return the charsets of the RFC 2047 encoded words in raw_value."""
    charsets = []
    for _, charset in email.header.decode_header(raw_value):
        if charset and charset not in charsets:
            charsets.append(charset)
    return charsets


def print_headers(message):
    for name in HEADERS:
        for value in message.get_all(name, []):
            # A value folded right after the colon starts with white space,
            # which is not part of it (RFC 5322 section 2.2.3).
            line = "%s: %s" % (name, str(value).lstrip())
            encoded = word_charsets(raw_header(message, name))
            if encoded:
                line += "  [encoded words: %s]" % ", ".join(encoded)
            print(line)


def raw_header(message, name):
    """Return the first raw value of header name, unfolded."""
    for key, value in message.raw_items():
        if key.lower() == name.lower():
            return "".join(str(value).splitlines())
    return ""


def check_lines(data):
    head, _, _ = data.partition(b"\r\n\r\n")
    header_lines = head.split(b"\r\n")
    lines = data.split(b"\r\n")
    print("header lines under 78: %s" % yes_no(all(len(line) < 78 for line in header_lines)))
    print("lines at most 998: %s" % yes_no(all(len(line) <= 998 for line in lines)))
    bare = any(b"\r" in line or b"\n" in line for line in lines)
    print("CRLF line ends only: %s" % yes_no(not bare and data.endswith(b"\r\n")))


def yes_no(flag):
    return "yes" if flag else "no"


def print_part(part, depth, defects):
    indent = "  " * depth
    description = part.get_content_type()
    charset = part.get_param("charset")
    if charset is not None:
        description += " charset=%s" % str(charset).lower()
    for name in TYPE_PARAMETERS:
        value = part.get_param(name)
        if value is not None:
            description += " %s=%s" % (name, email.utils.collapse_rfc2231_value(value))
    encoding = part.get("Content-Transfer-Encoding")
    if encoding is not None:
        description += " [%s]" % str(encoding).lower()
    print(indent + description)

    disposition = part.get_content_disposition()
    if disposition is not None:
        print(indent + "  disposition: %s" % disposition)
    filename = part.get_filename()
    if filename is not None:
        print(indent + "  filename: %s" % filename)
    content_id = part.get("Content-ID")
    if content_id is not None:
        print(indent + "  content-id: %s" % content_id)

    collect_defects(part, defects)
    if part.is_multipart():
        for child in part.iter_parts():
            print_part(child, depth + 1, defects)
        return
    if part.get_content_maintype() == "text" and disposition != "attachment":
        text = part.get_content()
        for line in text.splitlines():
            print(indent + "  | " + line)
        return
    payload = part.get_payload(decode=True)
    print(indent + "  %d bytes, sha256 %s" % (len(payload), hashlib.sha256(payload).hexdigest()))


def collect_defects(part, defects):
    for defect in part.defects:
        defects.append("%s: %s" % (part.get_content_type(), type(defect).__name__))
    for name, value in part.items():
        for defect in getattr(value, "defects", ()):
            defects.append("%s header: %s: %s" % (name, type(defect).__name__, defect))


def main():
    data = sys.stdin.buffer.read()
    message = email.parser.BytesParser(policy=email.policy.default).parsebytes(data)
    print_headers(message)
    check_lines(data)
    defects = []
    print_part(message, 0, defects)
    if defects:
        for defect in defects:
            print("defect: " + defect)
    else:
        print("defects: none")


if __name__ == "__main__":
    main()

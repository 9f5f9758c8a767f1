"""Named scenarios for the fake IMAP server: server behaviours that IMAP clients get wrong.

Each scenario scripts what the server sends and which client lines it
expects, connection by connection. The quirks come from public bug reports
against IMAP clients and from what Exchange, Microsoft 365, Gmail and
Dovecot send. The faults are failures that every client must survive.
tests/unit/imap_fake_test.cc drives each scenario with the C++ client, and
check_scenarios.py checks the definitions. Every test uses the credentials
below, so the scripts can match the client's lines exactly.
"""

from __future__ import annotations

import base64
import re

from steps import (
    Scenario,
    branch,
    close,
    expect,
    expect_close,
    expect_line,
    lines,
    literal,
    send_pieces,
    send_raw,
    sleep,
    tls_handshake,
)

USER = "user@example.test"
PASSWORD = "fake-Secret-9"
OAUTH_TOKEN = "ya29.fake-token"

# Capabilities of a plain test server. The tests connect without TLS to
# 127.0.0.1 and allow plaintext authentication, except in the TLS scenarios.
BASIC_CAPABILITIES = "IMAP4rev1 AUTH=PLAIN SASL-IR LITERAL+ IDLE UIDPLUS"


def base64_text(data: str) -> str:
    return base64.b64encode(data.encode("utf-8")).decode("ascii")


PLAIN_RESPONSE = base64_text(f"\0{USER}\0{PASSWORD}")
XOAUTH2_RESPONSE = base64_text(f"user={USER}\x01auth=Bearer {OAUTH_TOKEN}\x01\x01")
# Gmail's XOAUTH2 error challenge: base64 of a JSON object (RFC 7628 section 3.2.2).
GMAIL_ERROR_JSON = '{"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}'

# Strings that the client may send as an atom or a quoted string.
QUOTED_USER = r'"?' + re.escape(USER) + r'"?'
QUOTED_PASSWORD = r'"?' + re.escape(PASSWORD) + r'"?'


def greeting(capabilities: str = BASIC_CAPABILITIES) -> list:
    return [lines(f"* OK [CAPABILITY {capabilities}] fake IMAP server ready")]


def authenticate_plain(capabilities_after: str | None = BASIC_CAPABILITIES) -> list:
    """Build the steps for AUTHENTICATE PLAIN with an initial response (SASL-IR) and a tagged OK."""
    code = f"[CAPABILITY {capabilities_after}] " if capabilities_after else ""
    return [expect(rf"AUTHENTICATE PLAIN {re.escape(PLAIN_RESPONSE)}"), lines(f"{{tag}} OK {code}logged in")]


def login_plain(capabilities: str = BASIC_CAPABILITIES) -> list:
    """Build the steps from the greeting to an authenticated session without TLS."""
    return greeting(capabilities) + authenticate_plain(capabilities)


def select_inbox(exists: int = 3) -> list:
    return [
        expect("SELECT INBOX"),
        lines(
            "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
            f"* {exists} EXISTS",
            "* 0 RECENT",
            "* OK [UIDVALIDITY 1700000000] UIDs valid",
            "* OK [UIDNEXT 400] Predicted next UID",
            "* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited",
            "{tag} OK [READ-WRITE] SELECT completed",
        ),
    ]


def logout() -> list:
    return [expect("LOGOUT"), lines("* BYE fake IMAP server logging out", "{tag} OK LOGOUT completed"), expect_close()]


def fetch_once(item_pattern: str, *response_lines: str | bytes) -> list:
    """Build the steps for one UID FETCH whose item list matches item_pattern, with response_lines as the reply."""
    return [
        expect(rf"UID FETCH ([0-9:,]+) \({item_pattern}\)"),
        lines(*response_lines, "{tag} OK FETCH completed"),
    ]


def fetch_session(item_pattern: str, *response_lines: str | bytes) -> tuple:
    """Build one connection: login, SELECT INBOX, one UID FETCH and LOGOUT."""
    return tuple(login_plain() + select_inbox() + fetch_once(item_pattern, *response_lines) + logout())


# Server quirks from public bug reports.

BODYSTRUCTURE_DISPOSITION_STRING = (
    '* 37 FETCH (UID 67 FLAGS (\\Seen) RFC822.SIZE 14801 BODYSTRUCTURE (("text" "plain" ("charset" "ISO-8859-1") '
    'NIL NIL "QUOTED-PRINTABLE" 850 31 NIL "inline" NIL NIL)("text" "html" ("charset" "ISO-8859-1") NIL NIL '
    '"QUOTED-PRINTABLE" 14692 502 NIL "inline" NIL NIL) "alternative" ("boundary" "b1") NIL NIL))'
)

BODYSTRUCTURE_RFC822_WITHOUT_ENVELOPE = (
    '* 1 FETCH (UID 1 BODYSTRUCTURE ((("TEXT" "PLAIN" ("CHARSET" "us-ascii") NIL NIL "QUOTED-PRINTABLE" 1112 52 '
    'NIL NIL NIL)("TEXT" "HTML" ("CHARSET" "us-ascii") NIL NIL "QUOTED-PRINTABLE" 8149 194 NIL NIL NIL) '
    '"ALTERNATIVE" ("BOUNDARY" "b2") NIL NIL)("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 1290 NIL ("ATTACHMENT" '
    '("CREATION-DATE" "Fri, 09 Nov 2012 18:16:04 GMT" "MODIFICATION-DATE" "Fri, 09 Nov 2012 18:16:04 GMT")) NIL) '
    '"MIXED" ("BOUNDARY" "b3") NIL NIL))'
)

# A delivery report whose returned message (part 3) has a single text/plain
# body, with "bytes 0" for the message/rfc822 part although its body has 39.
BOUNCE_BODYSTRUCTURE = (
    '* 1 FETCH (UID 396206 BODYSTRUCTURE ((("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 120 4 NIL NIL NIL)'
    '("text" "html" ("charset" "us-ascii") NIL NIL "7bit" 300 8 NIL NIL NIL) "alternative" ("boundary" "b5") NIL NIL)'
    '("message" "delivery-status" NIL NIL NIL "7bit" 410 NIL NIL NIL)'
    '("message" "rfc822" NIL NIL NIL "7bit" 0 ("Mon, 2 Mar 2026 10:00:00 +0000" "Original" '
    '(("Sender" NIL "a" "example.test")) (("Sender" NIL "a" "example.test")) (("Sender" NIL "a" "example.test")) '
    '((NIL NIL "gone" "example.org")) NIL NIL NIL "<orig-1@example.test>") '
    '("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 39 2 NIL NIL NIL) 2 NIL NIL NIL) '
    '"report" ("report-type" "delivery-status" "boundary" "b6") NIL NIL))'
)
BOUNCE_HEADER = "From: a@example.test\r\nSubject: Original\r\n\r\n"

ENCODED_SUBJECT = "=?utf-8?b?w6TDtsO8?=\r\n =?utf-8?b?w6TDtsO8?= x\r\n"

BODYSTRUCTURE_EXTENSION_STRING = (
    '* 9 FETCH (UID 9 BODYSTRUCTURE (("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 0 0 NIL NIL NIL NIL)'
    '("application" "octet-stream" ("name" "report.txt") NIL NIL "base64" 171724 NIL ("attachment" '
    '("filename" "report.txt")) NIL NIL) "mixed" ("boundary" "b4") "S/MIME Encrypted Message" NIL))'
)

BODYSTRUCTURE_UNKNOWN_TYPES = (
    '* 2 FETCH (UID 12 BODYSTRUCTURE (("text" "plain" ("charset" "us-ascii") NIL NIL "x-uuencode" 2048 40 NIL NIL '
    'NIL NIL)("font" "woff2" ("name" "a.woff2") NIL NIL "base64" 4096 NIL NIL NIL NIL)("text" "plain" '
    '("charset" "us-ascii") NIL NIL "8bit\\"" 12 1 NIL NIL NIL NIL) "mixed" ("boundary" "b7") NIL NIL))'
)

DATE_FIELD = "Date: Tue, 21 Jan 2020 11:59:55 +0100 (CET)\r\n\r\n"

# More than a mebibyte on one line: UIDs 1 to 170000 are 1,078,894 octets of numbers and spaces.
HUGE_SEARCH_UIDS = range(1, 170001)


# INTERNALDATE values for internal_date_offsets, in UID order from 1.
INTERNAL_DATES = (
    " 7-Jul-1996 02:44:25 -0700",
    "29-Feb-2024 23:59:59 +0530",
    "31-Dec-1969 23:00:00 -0100",
    "01-Jan-2000 00:00:00 +1400",
    "15-Mar-2026 12:00:00 -1200",
    "15-mar-2026 12:00:00 +0000",
    "31-Feb-2026 10:00:00 +0000",
    "05-Dec-2026 00:41:10 +0000",
)


def fetch_batches() -> list:
    """Build three UID FETCH commands of up to 200 UIDs for UIDs 1 to 450."""
    steps = []
    for first, last in ((1, 200), (201, 400), (401, 450)):
        steps += [
            expect(rf"UID FETCH {first}:{last} \(UID FLAGS\)"),
            lines(*[f"* {uid} FETCH (UID {uid} FLAGS (\\Seen))" for uid in range(first, last + 1)],
                  "{tag} OK FETCH completed"),
        ]
    return steps


# Faults.

SPLIT_LITERAL_BODY = b"Subject: split\r\n\r\nThe literal arrives in pieces.\r\n"


def split_literal_pieces() -> tuple[bytes, ...]:
    """Return a FETCH response cut inside the literal's size, inside its CRLF and twice inside its octets."""
    size = str(len(SPLIT_LITERAL_BODY)).encode()
    response = b"* 1 FETCH (UID 5 BODY[] {" + size + b"}\r\n" + SPLIT_LITERAL_BODY + b" FLAGS (\\Seen))\r\n"
    start = response.index(b"{") + 2
    crlf = response.index(b"}\r\n") + 2
    octets = crlf + 1
    return (response[:start], response[start:crlf], response[crlf:octets + 10], response[octets + 10:octets + 30],
            response[octets + 30:] + b"{tag} OK FETCH completed\r\n")


def one_byte_pieces(data: bytes) -> tuple[bytes, ...]:
    """Split data into single bytes, except that "{tag}" stays whole so the server can replace it."""
    return tuple(re.findall(rb"\{tag\}|.", data, re.DOTALL))


SEVERAL_LITERALS_RESPONSE = (
    b"* 1 FETCH (BODY[TEXT] " + literal("Hi\r\n") + b" BODY[HEADER.FIELDS (DATE)] " + literal(DATE_FIELD) + b")\r\n"
    b"* 1 FETCH (FLAGS (\\Seen \\Flagged))\r\n"
    b"* 1 FETCH (UID 9)\r\n"
)

NIL_ENVELOPE = "(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)"
NIL_BODYSTRUCTURE = '(("text" "plain" NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)(NIL NIL NIL NIL NIL NIL 0 NIL) "mixed" NIL NIL NIL)'

APPEND_MESSAGE = "Subject: t\r\n\r\nHi\r\n"

SCENARIOS: dict[str, Scenario] = {
    # BODYSTRUCTURE and ENVELOPE oddities
    "bodystructure_disposition_string": Scenario(
        "Exchange: a body disposition sent as a bare string instead of a list",
        (fetch_session("UID BODYSTRUCTURE", BODYSTRUCTURE_DISPOSITION_STRING),),
    ),
    "bodystructure_rfc822_without_envelope": Scenario(
        "Exchange 2010: a message/rfc822 part without envelope, body or line count",
        (fetch_session("UID BODYSTRUCTURE", BODYSTRUCTURE_RFC822_WITHOUT_ENVELOPE),),
    ),
    "bounce_section_zero": Scenario(
        "Exchange: BAD for section N.0 of a bounce, whose returned message is not multipart",
        (tuple(
            login_plain() + select_inbox()
            + fetch_once("UID BODYSTRUCTURE", BOUNCE_BODYSTRUCTURE)
            + [branch(
                (r"UID FETCH 396206 \(UID BODY\.PEEK\[3\.0\]\)", [lines("{tag} BAD Command Argument Error. 11")]),
                (r"UID FETCH 396206 \(UID BODY\.PEEK\[3\.HEADER\]\)", [lines(
                    b"* 1 FETCH (UID 396206 BODY[3.HEADER] " + literal(BOUNCE_HEADER) + b")",
                    "{tag} OK FETCH completed")]),
            )]
            + logout()
        ),),
    ),
    "envelope_literal_with_crlf": Scenario(
        "a subject literal with CRLF inside ENVELOPE, so the list goes on after the literal",
        (fetch_session(
            "UID ENVELOPE",
            b"* 1 FETCH (ENVELOPE (NIL " + literal(ENCODED_SUBJECT)
            + b' ((NIL NIL "u" "example.com")) ((NIL NIL "u" "example.com")) ((NIL NIL "u" "example.com"))'
            + b' ((NIL NIL "u" "example.com")) NIL NIL NIL NIL) UID 1)',
        ),),
    ),
    "bodystructure_extension_string": Scenario(
        "a string where the multipart extension data (disposition) should be",
        (fetch_session("UID BODYSTRUCTURE", BODYSTRUCTURE_EXTENSION_STRING),),
    ),
    "bodystructure_unknown_types": Scenario(
        "parts with font/woff2, x-uuencode and an encoding written 8bit\"",
        (fetch_session("UID BODYSTRUCTURE", BODYSTRUCTURE_UNKNOWN_TYPES),),
    ),
    "fetch_several_literals": Scenario(
        "two literals in one FETCH response, and one message's items split over two responses",
        ((
            *login_plain(),
            *select_inbox(),
            expect(r"UID FETCH 9 \(UID FLAGS BODY\.PEEK\[TEXT\] BODY\.PEEK\[HEADER\.FIELDS \(DATE\)\]\)"),
            send_raw(SEVERAL_LITERALS_RESPONSE + b"{tag} OK FETCH completed\r\n"),
            *logout(),
        ),),
    ),
    "fetch_several_literals_byte_by_byte": Scenario(
        "the responses of fetch_several_literals, one byte per TCP segment",
        ((
            *login_plain(),
            *select_inbox(),
            expect(r"UID FETCH 9 \(UID FLAGS BODY\.PEEK\[TEXT\] BODY\.PEEK\[HEADER\.FIELDS \(DATE\)\]\)"),
            send_pieces(*one_byte_pieces(SEVERAL_LITERALS_RESPONSE + b"{tag} OK FETCH completed\r\n"), pause=0.002),
            *logout(),
        ),),
    ),
    "fetch_unknown_items": Scenario(
        "FETCH items the client did not ask for and does not know, including a list and a literal",
        (fetch_session(
            r"UID FLAGS",
            b"* 1 FETCH (X-GM-MSGID 1278455344230334865 UID 5 X-GM-LABELS (\\Inbox \"Sent Mail\") "
            b"X-UNKNOWN-DATA " + literal("odd\r\ndata") + b" FLAGS (\\Seen) X-EMPTY ())",
        ),),
    ),
    "nil_everywhere": Scenario(
        "NIL for every ENVELOPE field and for most BODYSTRUCTURE fields, numbers included",
        (fetch_session(
            "UID ENVELOPE BODYSTRUCTURE",
            f"* 1 FETCH (UID 3 ENVELOPE {NIL_ENVELOPE} BODYSTRUCTURE {NIL_BODYSTRUCTURE})",
        ),),
    ),

    # Authentication
    "xoauth2_failure_json": Scenario(
        "Gmail: an XOAUTH2 error challenge with JSON, then NO [AUTHENTICATIONFAILED]",
        ((
            *greeting("IMAP4rev1 AUTH=XOAUTH2 SASL-IR AUTH=PLAIN"),
            expect(rf"AUTHENTICATE XOAUTH2 {re.escape(XOAUTH2_RESPONSE)}"),
            lines("+ " + base64_text(GMAIL_ERROR_JSON)),
            expect_line(""),
            lines("{tag} NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)"),
            expect_close(),
        ),),
    ),
    "m365_xoauth2_rejected": Scenario(
        "Microsoft 365: a terse NO for a token with the wrong scope or tenant",
        ((
            lines("* OK The Microsoft Exchange IMAP4 service is ready."),
            expect("CAPABILITY"),
            lines("* CAPABILITY IMAP4 IMAP4rev1 AUTH=PLAIN AUTH=XOAUTH2 SASL-IR UIDPLUS ID UNSELECT CHILDREN IDLE "
                  "NAMESPACE LITERAL+", "{tag} OK CAPABILITY completed."),
            expect(rf"AUTHENTICATE XOAUTH2 {re.escape(XOAUTH2_RESPONSE)}"),
            lines("{tag} NO AUTHENTICATE failed."),
            expect_close(),
        ),),
    ),
    "m365_xoauth2_slow": Scenario(
        "Microsoft 365: a valid token accepted only after a pause longer than the command timeout",
        ((
            lines("* OK The Microsoft Exchange IMAP4 service is ready."),
            expect("CAPABILITY"),
            lines("* CAPABILITY IMAP4 IMAP4rev1 AUTH=PLAIN AUTH=XOAUTH2 SASL-IR UIDPLUS ID UNSELECT CHILDREN IDLE "
                  "NAMESPACE LITERAL+", "{tag} OK CAPABILITY completed."),
            expect(rf"AUTHENTICATE XOAUTH2 {re.escape(XOAUTH2_RESPONSE)}"),
            sleep(2.5),
            lines("{tag} OK AUTHENTICATE completed."),
            expect("CAPABILITY"),
            lines("* CAPABILITY IMAP4 IMAP4rev1 UIDPLUS ID UNSELECT CHILDREN IDLE NAMESPACE LITERAL+ MOVE",
                  "{tag} OK CAPABILITY completed."),
            *logout(),
        ),),
    ),
    "no_auth_mechanisms_login_after_starttls": Scenario(
        "a server that lists no AUTH= mechanism: STARTTLS, then LOGIN with the password",
        ((
            *greeting("IMAP4rev1 STARTTLS LOGINDISABLED"),
            expect("STARTTLS"),
            lines("{tag} OK Begin TLS negotiation now"),
            tls_handshake("valid"),
            expect("CAPABILITY"),
            lines("* CAPABILITY IMAP4rev1 IDLE", "{tag} OK CAPABILITY completed"),
            expect(rf"LOGIN {QUOTED_USER} {QUOTED_PASSWORD}"),
            lines("{tag} OK [CAPABILITY IMAP4rev1 IDLE UIDPLUS] LOGIN completed"),
            *logout(),
        ),),
    ),
    "authenticationfailed_alert": Scenario(
        "an [ALERT] before a tagged NO [AUTHENTICATIONFAILED]",
        ((
            *greeting(),
            expect(rf"AUTHENTICATE PLAIN {re.escape(PLAIN_RESPONSE)}"),
            lines("* OK [ALERT] Too many failed logins: this account is locked for 10 minutes",
                  "{tag} NO [AUTHENTICATIONFAILED] Authentication failed."),
            expect_close(),
        ),),
    ),
    "logindisabled_without_tls": Scenario(
        "LOGINDISABLED and no STARTTLS: the client must not send the password",
        ((*greeting("IMAP4rev1 LOGINDISABLED"), expect_close()),),
    ),

    # Greeting
    "greeting_bye": Scenario(
        "a BYE greeting: the server refuses the connection",
        ((lines("* BYE [UNAVAILABLE] Too many connections from your IP address"), expect_close()),),
    ),
    "greeting_eof": Scenario(
        "a server that closes the connection before sending a greeting",
        ((close(),),),
    ),
    "park_without_unselect": Scenario(
        "no UNSELECT: before parking, a read-write mailbox is examined and then closed, so nothing is expunged",
        (tuple(
            login_plain() + select_inbox()
            + [expect("EXAMINE INBOX"),
               lines("* 3 EXISTS", "* 0 RECENT", "{tag} OK [READ-ONLY] EXAMINE completed"),
               expect("CLOSE"),
               lines("{tag} OK CLOSE completed")]
            + logout()
        ),),
    ),
    "greeting_preauth": Scenario(
        "a PREAUTH greeting: the session is authenticated already, so no LOGIN",
        ((
            lines(f"* PREAUTH [CAPABILITY {BASIC_CAPABILITIES}] logged in as {USER}"),
            *select_inbox(),
            *logout(),
        ),),
    ),
    "greeting_preauth_starttls_required": Scenario(
        "a PREAUTH greeting to a client that requires STARTTLS, which PREAUTH rules out",
        ((lines(f"* PREAUTH [CAPABILITY {BASIC_CAPABILITIES} STARTTLS] logged in as {USER}"), expect_close()),),
    ),

    # TLS
    "starttls_response_injection": Scenario(
        "bytes after the STARTTLS OK in the same packet, as a man in the middle would inject",
        ((
            *greeting("IMAP4rev1 STARTTLS LOGINDISABLED"),
            expect("STARTTLS"),
            send_raw(b"{tag} OK Begin TLS negotiation now\r\n* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n"),
            expect_close(),
        ),),
    ),
    "starttls_injection_partial_line": Scenario(
        "part of an injected line (no line end) after the STARTTLS OK in the same packet",
        ((
            *greeting("IMAP4rev1 STARTTLS LOGINDISABLED"),
            expect("STARTTLS"),
            send_raw(b"{tag} OK Begin TLS negotiation now\r\n* CAPA"),
            expect_close(),
        ),),
    ),
    "capability_after_starttls": Scenario(
        "capabilities that change after STARTTLS: AUTH=PLAIN appears and LOGINDISABLED goes",
        ((
            *greeting("IMAP4rev1 STARTTLS LOGINDISABLED AUTH=XOAUTH2"),
            expect("STARTTLS"),
            lines("{tag} OK Begin TLS negotiation now"),
            tls_handshake("valid"),
            expect("CAPABILITY"),
            lines("* CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR IDLE", "{tag} OK CAPABILITY completed"),
            *authenticate_plain(None),
            expect("CAPABILITY"),
            lines("* CAPABILITY IMAP4rev1 IDLE UIDPLUS MOVE", "{tag} OK CAPABILITY completed"),
            *logout(),
        ),),
    ),
    "capability_after_login": Scenario(
        "capabilities that grow after login (MOVE appears) with no CAPABILITY code in the tagged OK",
        ((
            *greeting("IMAP4rev1 AUTH=PLAIN SASL-IR"),
            *authenticate_plain(None),
            expect("CAPABILITY"),
            lines("* CAPABILITY IMAP4rev1 IDLE UIDPLUS MOVE", "{tag} OK CAPABILITY completed"),
            *select_inbox(),
            expect(r"UID MOVE 4 Archive"),
            lines("* OK [COPYUID 1700000001 4 20] moved", "* 2 EXPUNGE", "{tag} OK MOVE completed"),
            *logout(),
        ),),
    ),
    "tls_self_signed": Scenario(
        "implicit TLS with a self-signed certificate: rejected, then accepted when pinned",
        (
            (tls_handshake("self-signed"),),
            (tls_handshake("self-signed"), *login_plain(), *logout()),
        ),
    ),
    "tls_valid_with_sni": Scenario(
        "implicit TLS with a certificate from the test CA; the ClientHello must name the server (SNI)",
        ((tls_handshake("valid", require_sni=True), *login_plain(), *logout()),),
    ),
    "tls_handshake_stall": Scenario(
        "a server that accepts TCP but never answers the TLS ClientHello",
        ((sleep(4.0), close()),),
    ),

    # Mailboxes and searching
    "mailbox_names_modified_utf7": Scenario(
        "Gmail: non-ASCII mailbox names, which must be modified UTF-7 on the wire",
        ((
            *login_plain(),
            expect(r'LIST "" "?\[Gmail\]/Wa&AXw-ne/%"?'),
            lines('* LIST (\\HasNoChildren) "/" "[Gmail]/Wa&AXw-ne/Entw&APw-rfe"',
                  '* LIST (\\HasNoChildren) "/" "[Gmail]/Wa&AXw-ne/&BBoEPgRABDcEOAQ9BDA-"',
                  "{tag} OK LIST completed"),
            expect(r'CREATE "Gel&APY-schte Elemente"'),
            lines("{tag} OK CREATE completed"),
            expect(r'CREATE "?R&-D"?'),
            lines("{tag} OK CREATE completed"),
            *logout(),
        ),),
    ),
    "search_badcharset_ascii": Scenario(
        "Exchange: NO [BADCHARSET] whenever CHARSET is sent, so an ASCII search must go without it",
        ((
            *login_plain(),
            *select_inbox(),
            branch(
                (r'UID SEARCH HEADER Message-Id "?<id-1@example\.test>"?',
                 [lines("* SEARCH 7", "{tag} OK SEARCH completed")]),
                (r"UID SEARCH CHARSET .*",
                 [lines("{tag} NO [BADCHARSET (US-ASCII)] The specified charset is not supported.")]),
            ),
            *logout(),
        ),),
    ),
    "search_badcharset_non_ascii": Scenario(
        "Exchange: NO [BADCHARSET (US-ASCII)] for a search string that is not ASCII",
        ((
            *login_plain(),
            *select_inbox(),
            expect(r"UID SEARCH CHARSET UTF-8 FROM \{7\+\}"),
            expect_line("M\xc3\xbcller"),
            lines("{tag} NO [BADCHARSET (US-ASCII)] The specified charset is not supported."),
            expect("NOOP"),
            lines("{tag} OK NOOP completed"),
            *logout(),
        ),),
    ),
    "search_result_over_a_megabyte": Scenario(
        "a SEARCH response line of more than a megabyte, then FETCH in batches of 200",
        ((
            *login_plain(),
            *select_inbox(170000),
            expect("UID SEARCH ALL"),
            lines("* SEARCH " + " ".join(map(str, HUGE_SEARCH_UIDS)), "{tag} OK SEARCH completed"),
            *fetch_batches(),
            *logout(),
        ),),
    ),

    "internal_date_offsets": Scenario(
        "INTERNALDATE values with offsets east and west of UTC, a space-padded day, a leap day, "
        "a lower-case month and a day that the month does not have",
        (fetch_session(
            "UID INTERNALDATE",
            *[f'* {uid} FETCH (UID {uid} INTERNALDATE "{date}")' for uid, date in enumerate(INTERNAL_DATES, 1)],
        ),),
    ),

    # FETCH faults
    "fetch_literal_split_segments": Scenario(
        "a FETCH literal split across TCP segments, inside its size, its CRLF and its octets",
        ((
            *login_plain(),
            *select_inbox(),
            expect(r"UID FETCH 5 \(UID FLAGS BODY\.PEEK\[\]\)"),
            send_pieces(*split_literal_pieces(), pause=0.1),
            *logout(),
        ),),
    ),
    "fetch_drop_mid_literal": Scenario(
        "a server that closes the connection after 100 of 1000 literal octets",
        ((
            *login_plain(),
            *select_inbox(),
            expect(r"UID FETCH 5 \(UID BODY\.PEEK\[\]\)"),
            send_raw(b"* 1 FETCH (UID 5 BODY[] {1000}\r\n" + b"x" * 98 + b"\r\n"),
            sleep(0.2),
            close(),
        ),),
    ),
    "fetch_drop_before_tagged": Scenario(
        "a server that closes the connection after the FETCH data but before the tagged OK",
        ((
            *login_plain(),
            *select_inbox(),
            expect(r"UID FETCH 5 \(UID FLAGS\)"),
            lines("* 1 FETCH (UID 5 FLAGS (\\Seen))"),
            close(),
        ),),
    ),
    "fetch_drop_mid_line": Scenario(
        "a server that closes the connection in the middle of a FETCH response line",
        ((
            *login_plain(),
            *select_inbox(),
            expect(r"UID FETCH 5 \(UID FLAGS\)"),
            send_raw(b"* 1 FETCH (UID 5 FLA"),
            close(),
        ),),
    ),
    "fetch_expunge_exists_during": Scenario(
        "untagged EXPUNGE and EXISTS between the FETCH responses",
        (fetch_session(
            "UID FLAGS",
            "* 1 FETCH (UID 10 FLAGS (\\Seen))",
            "* 2 EXPUNGE",
            "* 4 EXISTS",
            "* 2 FETCH (UID 12 FLAGS ())",
            "* 4 FETCH (UID 14 FLAGS (\\Recent))",
        ),),
    ),
    "line_over_limit": Scenario(
        "a response line longer than the client's line limit",
        ((
            *login_plain(),
            *select_inbox(),
            expect(r"UID FETCH 1 \(UID FLAGS\)"),
            lines('* 1 FETCH (UID 1 X-PADDING "' + "a" * 70000 + '" FLAGS ())', "{tag} OK FETCH completed"),
            expect_close(),
        ),),
    ),

    # COPY, APPEND and MOVE
    "copy_trycreate": Scenario(
        "NO [TRYCREATE] to UID COPY into a mailbox that does not exist",
        ((
            *login_plain(),
            *select_inbox(),
            expect(r"UID COPY 4 Archive"),
            lines("{tag} NO [TRYCREATE] Mailbox doesn't exist: Archive"),
            expect("NOOP"),
            lines("{tag} OK NOOP completed"),
            *logout(),
        ),),
    ),
    "append_trycreate": Scenario(
        "NO [TRYCREATE] to APPEND into a mailbox that does not exist, after the literal",
        ((
            *login_plain("IMAP4rev1 AUTH=PLAIN SASL-IR IDLE"),
            expect(rf"APPEND Archive \(\\Seen\) \{{{len(APPEND_MESSAGE)}\}}"),
            lines("+ OK"),
            expect_line("Subject: t"),
            expect_line(""),
            expect_line("Hi"),
            expect_line(""),
            lines("{tag} NO [TRYCREATE] Mailbox doesn't exist: Archive"),
            expect("NOOP"),
            lines("{tag} OK NOOP completed"),
            *logout(),
        ),),
    ),
    "move_fallback_uidplus": Scenario(
        "no MOVE but UIDPLUS: UID COPY, UID STORE +FLAGS.SILENT (\\Deleted) and UID EXPUNGE",
        ((
            *login_plain(),
            *select_inbox(),
            expect(r"UID COPY 4:5 Archive"),
            lines("{tag} OK [COPYUID 1700000001 4:5 20:21] COPY completed"),
            expect(r"UID STORE 4:5 \+FLAGS\.SILENT \(\\Deleted\)"),
            lines("{tag} OK STORE completed"),
            expect(r"UID EXPUNGE 4:5"),
            lines("* 2 EXPUNGE", "* 2 EXPUNGE", "{tag} OK EXPUNGE completed"),
            *logout(),
        ),),
    ),
    "move_without_uidplus": Scenario(
        "neither MOVE nor UIDPLUS: the client must not fall back to a plain EXPUNGE",
        ((*login_plain("IMAP4rev1 AUTH=PLAIN SASL-IR IDLE"), *select_inbox(), *logout()),),
    ),

    # IDLE
    "idle_untagged_after_done": Scenario(
        "Dovecot: keep-alives during IDLE, and EXISTS and RECENT after DONE before the tagged OK",
        ((
            *login_plain(),
            *select_inbox(),
            expect("IDLE"),
            lines("+ idling"),
            sleep(0.2),
            lines("* OK Still here"),
            sleep(0.2),
            lines("* 4 EXISTS"),
            expect_line("DONE"),
            lines("* 5 EXISTS", "* 1 RECENT", "{tag} OK Idle completed"),
            expect("NOOP"),
            lines("{tag} OK NOOP completed"),
            *logout(),
        ),),
    ),
    "idle_keepalive_bye": Scenario(
        "keep-alives during IDLE, then BYE and a closed connection",
        ((
            *login_plain(),
            *select_inbox(),
            expect("IDLE"),
            lines("+ idling"),
            sleep(0.2),
            lines("* OK Still here"),
            sleep(0.2),
            lines("* OK Still here"),
            sleep(0.2),
            lines("* BYE Disconnected for inactivity."),
            close(),
        ),),
    ),
    "idle_connection_dropped": Scenario(
        "a keep-alive during IDLE, then a closed connection without BYE",
        ((
            *login_plain(),
            *select_inbox(),
            expect("IDLE"),
            lines("+ idling"),
            sleep(0.2),
            lines("* OK Still here"),
            sleep(0.2),
            close(),
        ),),
    ),
}

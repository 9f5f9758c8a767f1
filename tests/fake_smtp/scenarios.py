"""Named scenarios for the fake SMTP server: server behaviours that SMTP clients get wrong.

Each scenario scripts what the server sends and which client lines it
expects, connection by connection. The PHPT tests in tests/phpt/smtp_fake and
check_scenarios.py drive them. Every test uses the client name, addresses and
credentials below, so the scripts can match the client's lines exactly.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re

from steps import (
    Scenario,
    branch,
    close,
    discard,
    expect,
    expect_close,
    expect_data,
    reply,
    send_pieces,
    send_raw,
    sleep,
    tls_handshake,
)

CLIENT_NAME = "client.test"
SENDER = "a@example.test"
RECIPIENT = "b@example.test"
USER = "user@example.test"
PASSWORD = "fake-Secret-9"

# 789 characters, so that "AUTH XOAUTH2 <initial response>" is longer than the
# 512 octets that RFC 5321 section 4.5.3.1.4 allows for a command line.
XOAUTH2_LONG_TOKEN = "ya29." + "fakeTokenPart-" * 56
XOAUTH2_SHORT_TOKEN = "ya29.expired-fake-token"
CRAM_MD5_CHALLENGE = "<1896.697170952@fake.test>"


def base64_text(data: str) -> str:
    return base64.b64encode(data.encode("utf-8")).decode("ascii")


def xoauth2_response(token: str) -> str:
    return base64_text(f"user={USER}\x01auth=Bearer {token}\x01\x01")


PLAIN_RESPONSE = base64_text(f"\0{USER}\0{PASSWORD}")
LOGIN_USER = base64_text(USER)
LOGIN_PASSWORD = base64_text(PASSWORD)
CRAM_MD5_RESPONSE = base64_text(
    USER + " " + hmac.new(PASSWORD.encode(), CRAM_MD5_CHALLENGE.encode(), hashlib.md5).hexdigest()
)
# XOAUTH2 error challenge: base64 of a JSON object with an HTTP-style status, sent in a 334 reply.
XOAUTH2_ERROR_CHALLENGE = base64_text('{"status":"401","schemes":"Bearer","scope":"https://mail.google.com/"}')

WRONG_CREDENTIALS = b"535 5.7.8 fake server: credentials do not match the test credentials\r\n"

QUEUED = "250 2.0.0 Ok: queued as {queue_id}"


def greeting() -> list:
    return [reply("220 fake.test ESMTP mailbridge fake server")]


def ehlo(*keywords: str) -> list:
    """Build the steps for "EHLO client.test" and a reply advertising the given extension lines."""
    lines = ["fake.test greets client.test", *keywords]
    return [
        expect(rf"EHLO {re.escape(CLIENT_NAME)}"),
        reply(*[f"250-{line}" for line in lines[:-1]], f"250 {lines[-1]}"),
    ]


def mail_from(sender: str = SENDER, reply_line: str = "250 2.1.0 Ok") -> list:
    # ESMTP parameters such as SIZE= or BODY= may follow the address.
    return [expect(rf"MAIL FROM:<{re.escape(sender)}>( .*)?"), reply(reply_line)]


def rcpt_to(recipient: str = RECIPIENT, *reply_lines: str) -> list:
    return [expect(rf"RCPT TO:<{re.escape(recipient)}>( .*)?"), reply(*(reply_lines or ("250 2.1.5 Ok",)))]


def data(queue_id: str, reject_bare_line_ends: bool = False) -> list:
    return [
        expect("DATA"),
        reply("354 End data with <CR><LF>.<CR><LF>"),
        expect_data(reject_bare_line_ends),
        reply(QUEUED.format(queue_id=queue_id)),
    ]


def transaction(queue_id: str, recipients: tuple[str, ...] = (RECIPIENT,), sender: str = SENDER) -> list:
    steps = mail_from(sender)
    for recipient in recipients:
        steps += rcpt_to(recipient)
    return steps + data(queue_id)


def plain_cases(*result: str) -> list:
    """Build branch cases for AUTH PLAIN with the test credentials, with or without an initial response."""
    escaped = re.escape(PLAIN_RESPONSE)
    return [
        (rf"AUTH PLAIN {escaped}", [reply(*result)]),
        ("AUTH PLAIN", [reply("334 "), expect(escaped, WRONG_CREDENTIALS), reply(*result)]),
    ]


def login_cases(*result: str) -> list:
    """Build branch cases for AUTH LOGIN with the test credentials, with or without an initial response."""
    password_steps = [
        reply("334 UGFzc3dvcmQ6"),
        expect(re.escape(LOGIN_PASSWORD), WRONG_CREDENTIALS),
        reply(*result),
    ]
    return [
        ("AUTH LOGIN", [reply("334 VXNlcm5hbWU6"), expect(re.escape(LOGIN_USER), WRONG_CREDENTIALS), *password_steps]),
        (rf"AUTH LOGIN {re.escape(LOGIN_USER)}", password_steps),
    ]


def auth_plain(*result: str) -> list:
    return [branch(*plain_cases(*result), otherwise=WRONG_CREDENTIALS)]


def auth_login(*result: str) -> list:
    return [branch(*login_cases(*result), otherwise=WRONG_CREDENTIALS)]


def starttls(certificate: str) -> list:
    return [expect("STARTTLS"), reply("220 2.0.0 Ready to start TLS"), tls_handshake(certificate)]


def scenario(description: str, *connections: list, **options) -> Scenario:
    return Scenario(description, tuple(tuple(steps) for steps in connections), **options)


# Bulk sending (SmtpTransport::sendMany). Each message has one recipient.
# Messages to these recipients meet a scripted fault; every other recipient
# is accepted.
REJECTED_RECIPIENT = "gone@example.test"
DEFERRED_ONCE_RECIPIENT = "later@example.test"
ALWAYS_DEFERRED_RECIPIENT = "busy@example.test"
DROP_AFTER_DOT_RECIPIENT = "drop-after-dot@example.test"
DROP_AT_RCPT_RECIPIENT = "drop-at-rcpt@example.test"

REJECTED_REPLY = "550 5.1.1 <gone@example.test>: Recipient address rejected: User unknown"
DEFERRED_REPLY = "451 4.3.0 <{recipient}>: Temporary lookup failure"
# Enough for every bulk test's messages on one connection. Each message adds
# four nested Python frames while server.py runs the script, so 120 messages
# stay below Python's default recursion limit of 1000.
BULK_MESSAGES_PER_CONNECTION = 120


def bulk_session(faults: dict[str, list[list]] | None = None,
                 max_messages: int = BULK_MESSAGES_PER_CONNECTION) -> list:
    """Build one connection that takes up to max_messages messages from SENDER, one recipient each, then QUIT.

    faults maps a recipient to the step lists that replace "RCPT gets 250,
    DATA, queued" for that recipient's first, second, ... transaction on this
    connection. The last list repeats. After a list whose reply is not 2xx the
    client sends RSET, and the next step replies 250 to it as a probe. The
    script ends after max_messages transactions, and then a QUIT gets 221.
    """
    fault_items = tuple((faults or {}).items())
    memo: dict[tuple[int, tuple[int, ...]], list] = {}

    def transactions(done: int, used: tuple[int, ...]) -> list:
        # The steps are a tree of branches over the client's next command.
        # Subtrees are shared through memo, so its size stays linear.
        key = (done, used)
        if key in memo:
            return memo[key]
        if done == max_messages:
            memo[key] = []
            return []
        rcpt_cases = []
        for position, (recipient, variants) in enumerate(fault_items):
            steps = variants[min(used[position], len(variants) - 1)]
            next_used = used[:position] + (used[position] + 1,) + used[position + 1:]
            rcpt_cases.append(
                (rf"RCPT TO:<{re.escape(recipient)}>( .*)?", list(steps) + transactions(done + 1, next_used))
            )
        rcpt_cases.append(
            (r"RCPT TO:<[^>]*>( .*)?",
             [reply("250 2.1.5 Ok")] + data(f"BULK{done + 1}") + transactions(done + 1, used))
        )
        steps = [
            branch(
                (rf"MAIL FROM:<{re.escape(SENDER)}>( .*)?", [reply("250 2.1.0 Ok"), branch(*rcpt_cases)]),
                ("QUIT", [reply("221 2.0.0 Bye"), expect_close(timeout=5.0)]),
            )
        ]
        memo[key] = steps
        return steps

    return greeting() + ehlo("8BITMIME") + transactions(0, tuple(0 for _ in fault_items))


def accepted_at_rcpt() -> list:
    return [reply("250 2.1.5 Ok")] + data("LATER1")


def deferred_at_rcpt(recipient: str) -> list:
    return [reply(DEFERRED_REPLY.format(recipient=recipient))]


def dropped_after_dot() -> list:
    return [
        reply("250 2.1.5 Ok"),
        expect("DATA"),
        reply("354 End data with <CR><LF>.<CR><LF>"),
        expect_data(),
        close(watch=0),
    ]


AUTH_OK = "235 2.7.0 Authentication successful"

SCENARIOS: dict[str, Scenario] = {
    # Sessions that succeed, for tests that need a working server.
    "send_ok": scenario(
        "EHLO and one accepted message",
        greeting() + ehlo("8BITMIME") + transaction("FAKE1"),
    ),
    "starttls_valid_send": scenario(
        "STARTTLS with a certificate for 127.0.0.1 from the test CA, then AUTH PLAIN and one message",
        greeting() + ehlo("STARTTLS", "8BITMIME") + starttls("valid")
        + ehlo("AUTH PLAIN LOGIN", "8BITMIME") + auth_plain(AUTH_OK) + transaction("FAKE1"),
    ),
    "implicit_tls_send": scenario(
        "TLS from the first byte (port 465 style), then AUTH PLAIN and one message",
        [tls_handshake("valid")] + greeting() + ehlo("AUTH PLAIN LOGIN", "8BITMIME")
        + auth_plain(AUTH_OK) + transaction("FAKE1"),
    ),
    "greet_and_record": scenario(
        "Greets, replies to EHLO and records everything else; every MAIL or RCPT gets 503",
        greeting() + ehlo("8BITMIME"),
    ),
    "greeting_554": scenario(
        "554 5.7.1 instead of a 220 greeting; QUIT then gets 221 and any other command 503",
        [reply("554 5.7.1 fake.test No SMTP service here")],
    ),

    # XOAUTH2 (Gmail and Microsoft 365).
    "xoauth2_long_token": scenario(
        "XOAUTH2 with an initial response over 512 octets: AUTH XOAUTH2 alone, 334, then the response line",
        greeting() + ehlo("AUTH PLAIN XOAUTH2", "8BITMIME")
        + [
            expect("AUTH XOAUTH2", b"500 5.5.2 Line too long\r\n"),
            reply("334 "),
            expect(re.escape(xoauth2_response(XOAUTH2_LONG_TOKEN)), WRONG_CREDENTIALS),
            reply("235 2.7.0 Accepted"),
        ]
        + transaction("FAKE1"),
    ),
    "xoauth2_error_challenge": scenario(
        "XOAUTH2 rejected with a 334 base64 JSON error challenge; the client must send an empty line, then gets 535",
        greeting() + ehlo("AUTH PLAIN XOAUTH2", "8BITMIME")
        + [
            branch(
                (rf"AUTH XOAUTH2 {re.escape(xoauth2_response(XOAUTH2_SHORT_TOKEN))}", []),
                ("AUTH XOAUTH2", [reply("334 "), expect(re.escape(xoauth2_response(XOAUTH2_SHORT_TOKEN)))]),
            ),
            reply(f"334 {XOAUTH2_ERROR_CHALLENGE}"),
            expect("", b"501 5.5.2 fake server: expected an empty line after the error challenge\r\n"),
            reply(
                "535-5.7.8 Username and Password not accepted. For more information, go to",
                "535 5.7.8  https://support.google.com/mail/?p=BadCredentials fake - gsmtp",
            ),
        ],
    ),

    # Transactions that fail on a kept connection.
    "rset_after_failed_transaction": scenario(
        "RCPT rejected with 550 5.1.1, then a second message on the same connection; MAIL without RSET gets 503 5.5.1",
        greeting() + ehlo("8BITMIME")
        + mail_from()
        + rcpt_to("gone@example.test", "550 5.1.1 <gone@example.test>: Recipient address rejected: User unknown")
        + [expect("RSET", b"503 5.5.1 Error: nested MAIL command\r\n"), reply("250 2.0.0 Ok")]
        + transaction("FAKE2"),
    ),
    "sender_already_specified": scenario(
        "RCPT rejected, then a second message; MAIL without RSET gets 503 5.5.2 Sender already specified",
        greeting() + ehlo("8BITMIME")
        + mail_from()
        + rcpt_to("gone@example.test", "550 5.1.1 <gone@example.test>: Recipient address rejected: User unknown")
        + [expect("RSET", b"503 5.5.2 Sender already specified\r\n"), reply("250 2.0.0 Ok")]
        + transaction("FAKE2"),
    ),
    "rset_failure_after_rejection": scenario(
        "RCPT rejected with 550, RSET gets 451; the client must drop the connection and use a new one",
        greeting() + ehlo("8BITMIME")
        + mail_from()
        + rcpt_to("gone@example.test", "550 5.1.1 <gone@example.test>: Recipient address rejected: User unknown")
        + [expect("RSET"), reply("451 4.3.0 Error: queue file write error"), expect_close(timeout=5.0)],
        greeting() + ehlo("8BITMIME") + transaction("FAKE2"),
    ),
    "all_recipients_rejected": scenario(
        "Every RCPT rejected with 550; DATA gets 503, RSET is expected",
        greeting() + ehlo("8BITMIME")
        + mail_from()
        + rcpt_to("x@example.test", "550 5.1.1 <x@example.test>: Recipient address rejected: User unknown")
        + rcpt_to("y@example.test", "550 5.1.1 <y@example.test>: Recipient address rejected: User unknown")
        + [expect("RSET", b"503 5.5.1 Error: need RCPT command\r\n"), reply("250 2.0.0 Ok")],
    ),
    "partial_recipients": scenario(
        "Three RCPTs in one transaction, the second rejected with 550 5.1.1; the message goes to the other two",
        greeting() + ehlo("8BITMIME")
        + mail_from()
        + rcpt_to(RECIPIENT)
        + rcpt_to("gone@example.test", "550 5.1.1 <gone@example.test>: Recipient address rejected: User unknown")
        + rcpt_to("c@example.test")
        + data("QID42"),
    ),
    "relay_denied": scenario(
        "RCPT rejected with 550 5.7.1 Relay access denied; RSET is expected",
        greeting() + ehlo("8BITMIME")
        + mail_from()
        + rcpt_to("b@example.org", "550 5.7.1 <b@example.org>: Relay access denied")
        + [expect("RSET"), reply("250 2.0.0 Ok")],
    ),
    "mail_530_starttls_required": scenario(
        "MAIL gets 530 5.7.0 Must issue a STARTTLS command first",
        greeting() + ehlo("8BITMIME") + [expect(r"MAIL FROM:<.*"), reply("530 5.7.0 Must issue a STARTTLS command first")],
    ),
    "rcpt_421_closes": scenario(
        "RCPT gets 421 4.3.2 and the connection closed; the client must send no further command",
        greeting() + ehlo("8BITMIME") + mail_from()
        + [expect(r"RCPT TO:<.*"), reply("421 4.3.2 Service shutting down, closing transmission channel"), close(watch=2.0)],
    ),
    "size_limit_552": scenario(
        "SIZE 1000 advertised; MAIL for a larger message gets 552 5.3.4",
        greeting() + ehlo("SIZE 1000", "8BITMIME")
        + [expect(r"MAIL FROM:<.*"), reply("552 5.3.4 Message size exceeds fixed limit")],
    ),
    "size_552_after_dot": scenario(
        "No SIZE advertised; the reply to the final dot is 552 5.3.4",
        greeting() + ehlo("8BITMIME") + mail_from() + rcpt_to()
        + [
            expect("DATA"),
            reply("354 End data with <CR><LF>.<CR><LF>"),
            expect_data(),
            reply("552 5.3.4 Message size exceeds fixed maximum message size"),
        ],
    ),

    "final_dot_554_spam": scenario(
        "The reply to the final dot is 554 5.7.1 Message rejected: spam",
        greeting() + ehlo("8BITMIME") + mail_from() + rcpt_to()
        + [
            expect("DATA"),
            reply("354 End data with <CR><LF>.<CR><LF>"),
            expect_data(),
            reply("554 5.7.1 Message rejected: spam"),
        ],
    ),

    # Kept connections that the server ends or breaks.
    "pooled_noop_421": scenario(
        "One message, then the NOOP that checks the idle connection gets 421 4.4.2 and close; the next message "
        "needs a new connection",
        greeting() + ehlo("8BITMIME") + transaction("FAKE1")
        + [expect("NOOP"), reply("421 4.4.2 fake.test Error: timeout exceeded"), close(watch=3.0)],
        greeting() + ehlo("8BITMIME") + transaction("FAKE2"),
    ),
    "keepalive_421_after_dot": scenario(
        "One message, then 421 4.4.2 right after the 250 to the final dot and close; the next message needs a new "
        "connection",
        greeting() + ehlo("8BITMIME") + transaction("FAKE1")
        + [reply("421 4.4.2 fake.test Error: timeout exceeded"), close(watch=3.0, allowed="QUIT|RSET")],
        greeting() + ehlo("8BITMIME") + transaction("FAKE2"),
    ),
    "idle_421_then_reconnect": scenario(
        "One message, then 421 4.4.2 on the idle connection and close; the next message must go over a new connection",
        greeting() + ehlo("8BITMIME") + transaction("FAKE1")
        + [sleep(0.2), reply("421 4.4.2 fake.test Error: timeout exceeded"), close(watch=3.0)],
        greeting() + ehlo("8BITMIME") + transaction("FAKE2"),
    ),
    "reused_connection_451_on_mail": scenario(
        "One message, then the next MAIL gets 451 4.4.2 and EOF; the client must retry once over a new connection",
        greeting() + ehlo("8BITMIME") + transaction("FAKE1")
        # RSET after a 4xx to MAIL is allowed, because the client cannot know yet that EOF follows.
        + [expect(r"MAIL FROM:<.*"), reply("451 4.4.2 Timeout waiting for data from client."),
           close(watch=3.0, allowed="QUIT|RSET")],
        greeting() + ehlo("8BITMIME") + transaction("FAKE2"),
    ),
    "session_lifetime_421": scenario(
        "One message, then MAIL gets 421 4.7.0 session maximum lifetime; the next message must use a new connection",
        greeting() + ehlo("8BITMIME") + transaction("FAKE1")
        + [
            expect(r"MAIL FROM:<.*"),
            reply("421 4.7.0 SMTP session maximum lifetime has been reached, please reconnect"),
            close(watch=3.0),
        ],
        greeting() + ehlo("8BITMIME") + transaction("FAKE2"),
    ),
    "drop_after_connect": scenario(
        "Every connection is closed 15 ms after it is accepted, without a greeting",
        [sleep(0.015), close(watch=0)],
        extra_connections="repeat-last",
    ),

    # Replies in pieces and long replies.
    "split_and_long_replies": scenario(
        "Replies split inside and between lines across TCP segments, and reply lines longer than 512 octets",
        [
            send_pieces(b"220-fake.test ESMTP", b"\r\n220 mailbridge fake server\r\n"),
            expect(rf"EHLO {re.escape(CLIENT_NAME)}"),
            send_pieces(
                b"250-fake.test greets client.test\r\n250",
                b"-X-LONG " + b"a" * 1000 + b"\r\n",
                b"250-SIZE 10000000\r\n250 8BITMIME\r\n",
            ),
            expect(rf"MAIL FROM:<{re.escape(SENDER)}>( .*)?"),
            send_pieces(b"250", b" 2.1.0 Ok\r\n"),
            expect(rf"RCPT TO:<{re.escape(RECIPIENT)}>( .*)?"),
            send_pieces(b"250 2.1.5 Ok\r", b"\n"),
            expect("DATA"),
            send_pieces(b"35", b"4 End data with <CR><LF>.<CR><LF>\r\n"),
            expect_data(),
            send_pieces(
                b"250-2.0.0 first line of a two-line reply\r\n",
                b"250 2.0.0 Ok: queued as LONG1234 " + b"z" * 700 + b"\r\n",
            ),
        ],
    ),

    # Authentication.
    "cram_md5_rejected_login_works": scenario(
        "AUTH CRAM-MD5 LOGIN PLAIN advertised; CRAM-MD5 gets 535 5.7.8, LOGIN with the same credentials succeeds",
        greeting() + ehlo("AUTH CRAM-MD5 LOGIN PLAIN", "8BITMIME")
        + [
            expect("AUTH CRAM-MD5"),
            reply(f"334 {base64_text(CRAM_MD5_CHALLENGE)}"),
            expect(re.escape(CRAM_MD5_RESPONSE), WRONG_CREDENTIALS),
            reply("535 5.7.8 Error: authentication failed: CRAM-MD5"),
        ]
        + auth_login(AUTH_OK) + transaction("FAKE1"),
    ),
    "plain_553_login_works": scenario(
        "AUTH PLAIN gets 553 5.3.0 Auth failure, AUTH LOGIN with the same credentials succeeds",
        greeting() + ehlo("AUTH PLAIN LOGIN", "8BITMIME")
        + auth_plain("553 5.3.0 Auth failure") + auth_login(AUTH_OK) + transaction("FAKE1"),
    ),
    "auth_all_mechanisms_rejected": scenario(
        "AUTH PLAIN LOGIN advertised and both rejected with different 535 texts",
        greeting() + ehlo("AUTH PLAIN LOGIN", "8BITMIME")
        + auth_plain("535 5.7.8 PLAIN credentials rejected by fake.test")
        + auth_login("535 5.7.8 LOGIN credentials rejected by fake.test"),
    ),
    "auth_after_starttls": scenario(
        "No AUTH before TLS (AUTH gets 504 5.7.4); after STARTTLS and a new EHLO, AUTH LOGIN XOAUTH2 is offered",
        greeting() + ehlo("STARTTLS", "8BITMIME")
        + [expect("STARTTLS", b"504 5.7.4 Unrecognized authentication type\r\n"), reply("220 2.0.0 SMTP server ready"),
           tls_handshake("valid")]
        + ehlo("AUTH LOGIN XOAUTH2", "8BITMIME") + auth_login(AUTH_OK) + transaction("FAKE1"),
    ),
    "auth_tenant_disabled_535": scenario(
        "AUTH LOGIN rejected with Microsoft 365's 535 5.7.139 SmtpClientAuthentication is disabled",
        greeting() + ehlo("AUTH LOGIN XOAUTH2", "8BITMIME")
        + auth_login(
            "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. "
            "Visit https://aka.ms/smtp_auth_disabled for more information."
        ),
    ),
    "auth_534_app_password": scenario(
        "AUTH PLAIN rejected with Gmail's 534 5.7.9 Application-specific password required",
        greeting() + ehlo("AUTH LOGIN PLAIN XOAUTH2", "8BITMIME")
        + auth_plain(
            "534-5.7.9 Application-specific password required. For more information, go to",
            "534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor fake - gsmtp",
        ),
    ),
    "auth_no_mechanisms": scenario(
        "EHLO advertises an AUTH line with no mechanisms",
        greeting() + ehlo("AUTH", "8BITMIME"),
    ),
    "auth_plaintext_offered": scenario(
        "AUTH PLAIN LOGIN advertised without STARTTLS; the client must not send credentials unless allowed",
        greeting() + ehlo("AUTH PLAIN LOGIN", "8BITMIME"),
    ),
    "lowercase_keywords": scenario(
        "EHLO keywords in lower case and a duplicate AUTH=LOGIN line; PLAIN appears only in the lowercase line",
        greeting()
        + [
            expect(rf"EHLO {re.escape(CLIENT_NAME)}"),
            reply("250-fake.test", "250-AUTH=LOGIN", "250-auth login plain", "250-size 1000000", "250 8bitmime"),
        ]
        + [branch(*plain_cases(AUTH_OK), *login_cases(AUTH_OK), otherwise=WRONG_CREDENTIALS)]
        + transaction("FAKE1"),
    ),

    # TLS.
    "tls_version_421": scenario(
        "After STARTTLS, EHLO gets Microsoft 365's 421 4.7.66 TLS 1.0 and 1.1 are not supported",
        greeting() + ehlo("STARTTLS", "8BITMIME") + starttls("valid")
        + [
            expect(rf"EHLO {re.escape(CLIENT_NAME)}"),
            reply("421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2."),
            close(watch=2.0),
        ],
    ),
    "starttls_self_signed": scenario(
        "STARTTLS with a self-signed certificate for 127.0.0.1; when the client trusts it, one message",
        greeting() + ehlo("STARTTLS", "8BITMIME") + starttls("self-signed") + ehlo("8BITMIME") + transaction("FAKE1"),
    ),
    "starttls_wrong_name": scenario(
        "STARTTLS with a certificate from the test CA for *.mail.example.net; when the client trusts it, one message",
        greeting() + ehlo("STARTTLS", "8BITMIME") + starttls("wrong-name") + ehlo("8BITMIME") + transaction("FAKE1"),
    ),
    "starttls_454": scenario(
        "STARTTLS advertised but gets 454 4.7.0 TLS not available due to local problem",
        greeting() + ehlo("STARTTLS", "8BITMIME")
        + [expect("STARTTLS"), reply("454 4.7.0 TLS not available due to local problem")],
    ),
    "starttls_advertised_security_none": scenario(
        "STARTTLS advertised to a client that must not use TLS; STARTTLS would get 454, MAIL is expected",
        greeting() + ehlo("STARTTLS", "8BITMIME")
        + [expect(rf"MAIL FROM:<{re.escape(SENDER)}>( .*)?", b"454 4.7.0 TLS not available due to local problem\r\n"),
           reply("250 2.1.0 Ok")]
        + rcpt_to() + data("FAKE1"),
    ),
    "starttls_injection": scenario(
        "STARTTLS gets 220 and an injected 250-FAKE line in the same segment",
        greeting() + ehlo("STARTTLS", "8BITMIME")
        + [expect("STARTTLS"), send_raw(b"220 2.0.0 ready\r\n250-FAKE\r\n"), expect_close(timeout=3.0, allow_quit=False)],
    ),

    # Greeting and EHLO.
    "ehlo_421": scenario(
        "EHLO gets 421 4.7.0 Try again later and the connection closed; the client must send nothing more",
        greeting()
        + [
            expect(rf"EHLO {re.escape(CLIENT_NAME)}"),
            reply("421 4.7.0 Try again later, closing connection. (EHLO)"),
            close(watch=2.0, allowed=None),
        ],
    ),
    "ehlo_unsupported_helo": scenario(
        "EHLO gets 500 5.5.1 (an RFC 821 server), HELO accepted, one message without ESMTP parameters",
        greeting()
        + [
            expect(rf"EHLO {re.escape(CLIENT_NAME)}"),
            reply('500 5.5.1 Command unrecognized: "EHLO client.test"'),
            expect(rf"HELO {re.escape(CLIENT_NAME)}"),
            reply("250 fake.test"),
            expect(rf"MAIL FROM:<{re.escape(SENDER)}>"),
            reply("250 Ok"),
            expect(rf"RCPT TO:<{re.escape(RECIPIENT)}>"),
            reply("250 Ok"),
        ]
        + data("FAKE1"),
    ),

    # DATA content.
    "dot_stuffing": scenario(
        "Two messages whose content is stored exactly as received, for checking dot-stuffing",
        greeting() + ehlo("8BITMIME") + transaction("FAKE1") + transaction("FAKE2"),
    ),
    "bare_lf_rejected": scenario(
        "Two messages; a bare CR or LF in the content gets 421 4.5.0 Bare linefeed (LF) not allowed",
        greeting() + ehlo("8BITMIME")
        + mail_from() + rcpt_to() + data("FAKE1", reject_bare_line_ends=True)
        + mail_from() + rcpt_to() + data("FAKE2", reject_bare_line_ends=True),
    ),

    # Timeouts and drops around DATA.
    "final_dot_reply_late": scenario(
        "The reply to the final dot comes after 3 s; the client must give up, not reuse the connection, and reconnect",
        greeting() + ehlo("8BITMIME") + mail_from() + rcpt_to()
        + [
            expect("DATA"),
            reply("354 End data with <CR><LF>.<CR><LF>"),
            expect_data(),
            sleep(3.0),
            reply(QUEUED.format(queue_id="LATE1")),
        ],
        greeting() + ehlo("8BITMIME") + transaction("FAKE2"),
    ),
    "final_dot_reply_slow": scenario(
        "The reply to the final dot comes after 2.5 s, longer than the command timeout the tests use",
        greeting() + ehlo("8BITMIME") + mail_from() + rcpt_to()
        + [
            expect("DATA"),
            reply("354 End data with <CR><LF>.<CR><LF>"),
            expect_data(),
            sleep(2.5),
            reply(QUEUED.format(queue_id="SLOW1")),
        ],
    ),
    "drop_after_dot": scenario(
        "The connection is closed right after the final dot, without a reply",
        greeting() + ehlo("8BITMIME") + mail_from() + rcpt_to()
        + [expect("DATA"), reply("354 End data with <CR><LF>.<CR><LF>"), expect_data(), close(watch=0)],
    ),
    "data_no_354": scenario(
        "DATA never gets a reply; the client must time out and send nothing more",
        greeting() + ehlo("8BITMIME") + mail_from() + rcpt_to()
        + [expect("DATA"), expect_close(timeout=5.0)],
    ),
    "data_stall_after_354": scenario(
        "354 sent, then the server stops reading for 4 s, so a large message blocks the client's writes",
        greeting() + ehlo("8BITMIME") + mail_from() + rcpt_to()
        + [expect("DATA"), reply("354 End data with <CR><LF>.<CR><LF>"), sleep(4.0), discard(timeout=5.0)],
        receive_buffer=4096,
    ),

    # Bulk sending: several connections and many messages, with faults tied
    # to recipients (see bulk_session()).
    "bulk_accept_many": scenario(
        f"Every connection takes up to {BULK_MESSAGES_PER_CONNECTION} messages to any recipient, then QUIT",
        bulk_session(),
        extra_connections="repeat-last",
    ),
    "bulk_reject_recipient": scenario(
        f"One connection; RCPT {REJECTED_RECIPIENT} gets 550 5.1.1, every other recipient is accepted",
        bulk_session({REJECTED_RECIPIENT: [[reply(REJECTED_REPLY)]]}),
    ),
    "bulk_451_then_accept": scenario(
        f"One connection; RCPT {DEFERRED_ONCE_RECIPIENT} gets 451 4.3.0 the first time and 250 on the retry",
        bulk_session({DEFERRED_ONCE_RECIPIENT: [deferred_at_rcpt(DEFERRED_ONCE_RECIPIENT), accepted_at_rcpt()]}),
    ),
    "bulk_451_always": scenario(
        f"One connection; RCPT {ALWAYS_DEFERRED_RECIPIENT} gets 451 4.3.0 every time, other recipients are accepted",
        bulk_session({ALWAYS_DEFERRED_RECIPIENT: [deferred_at_rcpt(ALWAYS_DEFERRED_RECIPIENT)]}),
    ),
    "bulk_drop_after_dot": scenario(
        f"The message to {DROP_AFTER_DOT_RECIPIENT} is read whole, then the connection is closed without a reply; "
        "a second connection accepts every recipient",
        bulk_session({DROP_AFTER_DOT_RECIPIENT: [dropped_after_dot()]}),
        bulk_session(),
    ),
    "bulk_drop_at_rcpt": scenario(
        f"RCPT {DROP_AT_RCPT_RECIPIENT} gets no reply and the connection is closed; "
        "a second connection accepts every recipient",
        bulk_session({DROP_AT_RCPT_RECIPIENT: [[close(watch=0)]]}),
        bulk_session(),
    ),
    "greeting_421": scenario(
        "Every connection gets 421 4.3.2 instead of a 220 greeting and is closed; a QUIT is allowed",
        [reply("421 4.3.2 fake.test Service not available, closing transmission channel"),
         close(watch=1.0, allowed="QUIT")],
        extra_connections="repeat-last",
    ),
}

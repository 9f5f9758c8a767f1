#!/usr/bin/python3
"""Check the fake SMTP server's scenarios with Python's smtplib as the client.

    /usr/bin/python3 tests/fake_smtp/check_scenarios.py [SCENARIO ...]

Each check starts server.py, acts as a correct client would, and requires
that the server exits with status 0 (no problems) and that the replies and
recorded content are what the scenario promises. Fault checks act as a
faulty client and require that the server replies as scripted and reports
the fault as a problem, so that the PHPT tests can rely on the server
telling right from wrong. Every check is listed in CHECKS, so a scenario
without one shows up as unchecked. Exit status is 0 when every check passed.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import signal
import smtplib
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from scenarios import (  # noqa: E402
    ALWAYS_DEFERRED_RECIPIENT,
    CLIENT_NAME,
    DEFERRED_ONCE_RECIPIENT,
    DROP_AFTER_DOT_RECIPIENT,
    DROP_AT_RCPT_RECIPIENT,
    REJECTED_RECIPIENT,
    PASSWORD,
    RECIPIENT,
    SCENARIOS,
    SENDER,
    USER,
    XOAUTH2_LONG_TOKEN,
    XOAUTH2_SHORT_TOKEN,
    xoauth2_response,
)

SERVER = Path(__file__).resolve().parent / "server.py"
MESSAGE = b"Subject: check\r\n\r\nbody\r\n"


class ServerRun:
    """One server.py process with its directory."""

    def __init__(self, scenario: str):
        self.scenario = scenario
        self.directory = Path(tempfile.mkdtemp(prefix=f"fake-smtp-check-{scenario}-"))
        self.process = subprocess.Popen(
            ["/usr/bin/python3", str(SERVER), scenario, "--dir", str(self.directory), "--timeout", "25"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        first_line = self.process.stdout.readline()
        if not first_line.strip().isdigit():
            raise AssertionError(f"server printed {first_line!r} instead of a port: {self.process.stderr.read()!r}")
        self.port = int(first_line)

    def wait(self, timeout: float = 30.0) -> int:
        return self.process.wait(timeout)

    def stop(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(10)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def commands(self) -> list[str]:
        return (self.directory / "commands.txt").read_text().splitlines()

    def content(self, connection: int, index: int) -> bytes:
        return (self.directory / f"data-{connection}-{index}.txt").read_bytes()

    def problems(self) -> str:
        return (self.directory / "problems.txt").read_text()

    def transcript(self) -> bytes:
        return (self.directory / "transcript.txt").read_bytes()

    def connect(self, timeout: float = 5.0) -> smtplib.SMTP:
        return smtplib.SMTP("127.0.0.1", self.port, local_hostname=CLIENT_NAME, timeout=timeout)

    def ca_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.directory / "ca.pem"))

    def certificate_der(self, name: str) -> bytes:
        return ssl.PEM_cert_to_DER_cert((self.directory / f"{name}.pem").read_text())


def require(condition: bool, message: str) -> None:
    if not condition:
        raise AssertionError(message)


def require_reply(actual: tuple[int, bytes], code: int, text: bytes = b"") -> None:
    require(actual[0] == code and text in actual[1], f"expected {code} with {text!r}, got {actual!r}")


def raises(exception_type: type, action: Callable[[], object]) -> BaseException:
    try:
        action()
    except exception_type as error:
        return error
    raise AssertionError(f"expected {exception_type.__name__}, but nothing was raised")


def stuffed(content: bytes) -> bytes:
    """Return content with one more dot at the start of every line, as RFC 5321 section 4.5.2 requires."""
    lines = content.split(b"\r\n")
    return b"\r\n".join(b"." + line if line.startswith(b".") else line for line in lines)


def set_credentials(client: smtplib.SMTP) -> None:
    client.user, client.password = USER, PASSWORD


# Correct clients, one function per scenario (some scenarios have several).


def client_send_ok(run: ServerRun) -> None:
    client = run.connect()
    require_reply(client.ehlo(), 250)
    require(client.sendmail(SENDER, [RECIPIENT], MESSAGE) == {}, "message not accepted")
    client.quit()
    require(run.content(1, 1) == MESSAGE, "stored content differs from the message")


def client_starttls_valid_send(run: ServerRun) -> None:
    client = run.connect()
    client.ehlo()
    require(not client.has_extn("auth"), "AUTH offered before TLS")
    require_reply(client.starttls(context=run.ca_context()), 220)
    client.ehlo()
    set_credentials(client)
    require_reply(client.auth("PLAIN", client.auth_plain), 235)
    client.sendmail(SENDER, [RECIPIENT], MESSAGE)
    client.quit()
    require("1/tls AUTH PLAIN " + base64.b64encode(f"\0{USER}\0{PASSWORD}".encode()).decode() in run.commands(),
            "AUTH PLAIN not recorded as sent over TLS")


def client_implicit_tls_send(run: ServerRun) -> None:
    client = smtplib.SMTP_SSL("127.0.0.1", run.port, local_hostname=CLIENT_NAME, timeout=5, context=run.ca_context())
    client.ehlo()
    set_credentials(client)
    require_reply(client.auth("PLAIN", client.auth_plain, initial_response_ok=False), 235)
    client.sendmail(SENDER, [RECIPIENT], MESSAGE)
    client.quit()


def client_greet_and_record(run: ServerRun) -> None:
    client = run.connect()
    client.ehlo()
    client.quit()


def client_greeting_554(run: ServerRun) -> None:
    error = raises(smtplib.SMTPConnectError, run.connect)
    require(error.smtp_code == 554, f"greeting code {error.smtp_code}")


def client_xoauth2_long_token(run: ServerRun) -> None:
    client = run.connect()
    client.ehlo()
    response = xoauth2_response(XOAUTH2_LONG_TOKEN)
    require(len("AUTH XOAUTH2 " + response + "\r\n") > 512, "token too short for this scenario")
    require_reply(client.docmd("AUTH", "XOAUTH2"), 334)
    require_reply(client.docmd(response), 235)
    client.sendmail(SENDER, [RECIPIENT], MESSAGE)
    client.quit()


def client_xoauth2_error_challenge(run: ServerRun) -> None:
    client = run.connect()
    client.ehlo()
    code, challenge = client.docmd("AUTH", "XOAUTH2 " + xoauth2_response(XOAUTH2_SHORT_TOKEN))
    require(code == 334, f"expected 334, got {code}")
    require(json.loads(base64.b64decode(challenge))["status"] == "401", "error challenge is not the JSON object")
    require_reply(client.docmd(""), 535, b"5.7.8")
    client.quit()


def client_rset_after_failed_transaction(run: ServerRun) -> None:
    client = run.connect()
    client.ehlo()
    require_reply(client.mail(SENDER), 250)
    require_reply(client.rcpt("gone@example.test"), 550, b"5.1.1")
    require_reply(client.rset(), 250)
    client.sendmail(SENDER, [RECIPIENT], MESSAGE)
    client.quit()


def client_rset_failure_after_rejection(run: ServerRun) -> None:
    client = run.connect()
    client.ehlo()
    client.mail(SENDER)
    require_reply(client.rcpt("gone@example.test"), 550)
    require_reply(client.rset(), 451)
    client.close()
    client = run.connect()
    client.sendmail(SENDER, [RECIPIENT], MESSAGE)
    client.quit()


def client_all_recipients_rejected(run: ServerRun) -> None:
    client = run.connect()
    error = raises(smtplib.SMTPRecipientsRefused,
                   lambda: client.sendmail(SENDER, ["x@example.test", "y@example.test"], MESSAGE))
    require(sorted(error.recipients) == ["x@example.test", "y@example.test"], f"refused: {error.recipients}")
    client.quit()


def client_partial_recipients(run: ServerRun) -> None:
    client = run.connect()
    refused = client.sendmail(SENDER, [RECIPIENT, "gone@example.test", "c@example.test"], MESSAGE)
    require(list(refused) == ["gone@example.test"] and refused["gone@example.test"][0] == 550, f"refused: {refused}")
    client.quit()


def client_relay_denied(run: ServerRun) -> None:
    client = run.connect()
    error = raises(smtplib.SMTPRecipientsRefused, lambda: client.sendmail(SENDER, ["b@example.org"], MESSAGE))
    require(b"5.7.1" in error.recipients["b@example.org"][1], f"refused: {error.recipients}")
    client.quit()


def client_mail_530_starttls_required(run: ServerRun) -> None:
    client = run.connect()
    error = raises(smtplib.SMTPSenderRefused, lambda: client.sendmail(SENDER, [RECIPIENT], MESSAGE))
    require(error.smtp_code == 530, f"code {error.smtp_code}")
    client.quit()


def client_rcpt_421_closes(run: ServerRun) -> None:
    client = run.connect()
    # smtplib closes the connection itself on a 421 to RCPT.
    error = raises(smtplib.SMTPRecipientsRefused,
                   lambda: client.sendmail(SENDER, [RECIPIENT, "c@example.test"], MESSAGE))
    require(error.recipients[RECIPIENT][0] == 421, f"refused: {error.recipients}")


def client_size_limit_552(run: ServerRun) -> None:
    client = run.connect()
    error = raises(smtplib.SMTPSenderRefused,
                   lambda: client.sendmail(SENDER, [RECIPIENT], MESSAGE + b"x" * 5000 + b"\r\n"))
    require(error.smtp_code == 552, f"code {error.smtp_code}")
    client.quit()
    require(any("SIZE=" in line.upper() for line in run.commands()), "smtplib did not send SIZE=")


def client_size_552_after_dot(run: ServerRun) -> None:
    client = run.connect()
    error = raises(smtplib.SMTPDataError, lambda: client.sendmail(SENDER, [RECIPIENT], MESSAGE))
    require(error.smtp_code == 552, f"code {error.smtp_code}")
    client.quit()


def client_final_dot_554_spam(run: ServerRun) -> None:
    client = run.connect()
    error = raises(smtplib.SMTPDataError, lambda: client.sendmail(SENDER, [RECIPIENT], MESSAGE))
    require(error.smtp_code == 554 and b"5.7.1" in error.smtp_error, f"reply {error.smtp_code} {error.smtp_error!r}")
    client.quit()


def client_pooled_noop_421(run: ServerRun) -> None:
    client = run.connect()
    client.sendmail(SENDER, [RECIPIENT], MESSAGE)
    require_reply(client.noop(), 421, b"4.4.2")
    client.close()
    client = run.connect()
    client.sendmail(SENDER, [RECIPIENT], MESSAGE)
    client.quit()


def client_keepalive_421_after_dot(run: ServerRun) -> None:
    client = run.connect()
    client.sendmail(SENDER, [RECIPIENT], MESSAGE)
    require_reply(client.rset(), 421, b"4.4.2")
    client.close()
    client = run.connect()
    client.sendmail(SENDER, [RECIPIENT], MESSAGE)
    client.quit()


def client_idle_421_then_reconnect(run: ServerRun) -> None:
    client = run.connect()
    client.sendmail(SENDER, [RECIPIENT], MESSAGE)
    time.sleep(0.5)
    # A careful client looks for unread bytes before it reuses a connection.
    client.sock.settimeout(1.0)
    pending = client.sock.recv(1024)
    require(pending.startswith(b"421 4.4.2"), f"pending bytes {pending!r}")
    client.close()
    client = run.connect()
    client.sendmail(SENDER, [RECIPIENT], MESSAGE)
    client.quit()


def reconnect_after_mail_reply(code: int) -> Callable[[ServerRun], None]:
    def client_function(run: ServerRun) -> None:
        client = run.connect()
        client.sendmail(SENDER, [RECIPIENT], MESSAGE)
        require_reply(client.mail(SENDER), code)
        client.close()
        client = run.connect()
        client.sendmail(SENDER, [RECIPIENT], MESSAGE)
        client.quit()
        require(sum(line.upper().startswith("2 MAIL") for line in run.commands()) == 1, "second connection not used")

    client_function.__name__ = f"client_reconnect_after_{code}"
    return client_function


def client_drop_after_connect(run: ServerRun) -> None:
    for _ in range(2):
        raises(smtplib.SMTPServerDisconnected, run.connect)
    time.sleep(0.2)
    require(run.stop() == 0, f"server problems: {run.problems()}")
    require(run.transcript().count(b"=== connection ") == 2, "expected two recorded connections")


def client_split_and_long_replies(run: ServerRun) -> None:
    client = run.connect()
    require_reply(client.ehlo(), 250)
    require(client.has_extn("x-long") and client.has_extn("size"), f"features {client.esmtp_features}")
    require(len(client.esmtp_features["x-long"]) == 1000, "long EHLO line not received whole")
    require_reply(client.mail(SENDER), 250, b"2.1.0 Ok")
    require_reply(client.rcpt(RECIPIENT), 250, b"2.1.5 Ok")
    code, text = client.data(MESSAGE)
    require(code == 250 and b"queued as LONG1234" in text and len(text) > 700, f"final reply {code} {text[:80]!r}")
    client.quit()


def client_cram_md5_rejected_login_works(run: ServerRun) -> None:
    client = run.connect()
    client.ehlo()
    set_credentials(client)
    error = raises(smtplib.SMTPAuthenticationError, lambda: client.auth("CRAM-MD5", client.auth_cram_md5))
    require(error.smtp_code == 535, f"code {error.smtp_code}")
    require_reply(client.auth("LOGIN", client.auth_login), 235)
    client.sendmail(SENDER, [RECIPIENT], MESSAGE)
    client.quit()


def client_plain_553_login_works(run: ServerRun) -> None:
    client = run.connect()
    client.ehlo()
    set_credentials(client)
    error = raises(smtplib.SMTPAuthenticationError, lambda: client.auth("PLAIN", client.auth_plain))
    require(error.smtp_code == 553, f"code {error.smtp_code}")
    require_reply(client.auth("LOGIN", client.auth_login, initial_response_ok=False), 235)
    client.sendmail(SENDER, [RECIPIENT], MESSAGE)
    client.quit()


def client_auth_all_mechanisms_rejected(run: ServerRun) -> None:
    client = run.connect()
    client.ehlo()
    set_credentials(client)
    plain = raises(smtplib.SMTPAuthenticationError, lambda: client.auth("PLAIN", client.auth_plain))
    login = raises(smtplib.SMTPAuthenticationError, lambda: client.auth("LOGIN", client.auth_login))
    require(b"PLAIN credentials" in plain.smtp_error and b"LOGIN credentials" in login.smtp_error, "texts differ")
    client.quit()


def client_auth_after_starttls(run: ServerRun) -> None:
    client = run.connect()
    client.ehlo()
    require(not client.has_extn("auth"), "AUTH offered before TLS")
    require_reply(client.starttls(context=run.ca_context()), 220, b"SMTP server ready")
    client.ehlo()
    require(client.esmtp_features.get("auth", "").split() == ["LOGIN", "XOAUTH2"], f"{client.esmtp_features}")
    set_credentials(client)
    require_reply(client.auth("LOGIN", client.auth_login), 235)
    client.sendmail(SENDER, [RECIPIENT], MESSAGE)
    client.quit()


def rejected_auth(mechanism: str, code: int, text: bytes) -> Callable[[ServerRun], None]:
    def client_function(run: ServerRun) -> None:
        client = run.connect()
        client.ehlo()
        set_credentials(client)
        authobject = client.auth_plain if mechanism == "PLAIN" else client.auth_login
        error = raises(smtplib.SMTPAuthenticationError, lambda: client.auth(mechanism, authobject))
        require(error.smtp_code == code and text in error.smtp_error, f"reply {error.smtp_code} {error.smtp_error!r}")
        client.quit()

    client_function.__name__ = f"client_{mechanism.lower()}_rejected_{code}"
    return client_function


def advertised_auth(expected: str) -> Callable[[ServerRun], None]:
    def client_function(run: ServerRun) -> None:
        client = run.connect()
        client.ehlo()
        require(client.has_extn("auth"), "no AUTH line")
        require(client.esmtp_features["auth"].strip() == expected, f"AUTH {client.esmtp_features['auth']!r}")
        client.quit()

    client_function.__name__ = f"client_reads_auth_line"
    return client_function


def client_lowercase_keywords(run: ServerRun) -> None:
    client = run.connect()
    client.ehlo()
    require("plain" in client.esmtp_features["auth"].lower(), f"{client.esmtp_features}")
    set_credentials(client)
    require_reply(client.auth("PLAIN", client.auth_plain), 235)
    client.sendmail(SENDER, [RECIPIENT], MESSAGE)
    client.quit()


def client_tls_version_421(run: ServerRun) -> None:
    client = run.connect()
    client.ehlo()
    client.starttls(context=run.ca_context())
    require_reply(client.ehlo(), 421, b"4.7.66 TLS 1.0 and 1.1 are not supported")
    client.close()


def certificate_rejected(run: ServerRun) -> None:
    client = run.connect()
    client.ehlo()
    raises(ssl.SSLCertVerificationError, lambda: client.starttls(context=run.ca_context()))
    client.close()
    run.wait()
    require(b"=== TLS handshake failed: " in run.transcript(), "handshake failure not recorded")


def client_self_signed_pinned(run: ServerRun) -> None:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    client = run.connect()
    client.ehlo()
    client.starttls(context=context)
    presented = client.sock.getpeercert(binary_form=True)
    require(hashlib.sha256(presented).digest() == hashlib.sha256(run.certificate_der("self-signed")).digest(),
            "server did not present self-signed.pem")
    client.ehlo()
    client.sendmail(SENDER, [RECIPIENT], MESSAGE)
    client.quit()


def client_wrong_name_with_peer_name(run: ServerRun) -> None:
    client = run.connect()
    client.ehlo()
    # smtplib verifies the certificate against _host, so this checks the name *.mail.example.net.
    client._host = "smtp.mail.example.net"
    client.starttls(context=run.ca_context())
    client.ehlo()
    client.sendmail(SENDER, [RECIPIENT], MESSAGE)
    client.quit()


def client_starttls_454(run: ServerRun) -> None:
    client = run.connect()
    client.ehlo()
    error = raises(smtplib.SMTPResponseException, lambda: client.starttls(context=run.ca_context()))
    require(error.smtp_code == 454 and b"4.7.0" in error.smtp_error, f"reply {error.smtp_code} {error.smtp_error!r}")
    client.quit()


def client_starttls_advertised_security_none(run: ServerRun) -> None:
    client = run.connect()
    client.sendmail(SENDER, [RECIPIENT], MESSAGE)
    client.quit()


def starttls_exchange(run: ServerRun) -> tuple[socket.socket, bytes]:
    sock = socket.create_connection(("127.0.0.1", run.port), timeout=5)
    receive_reply(sock)
    sock.sendall(b"EHLO client.test\r\n")
    receive_reply(sock)
    sock.sendall(b"STARTTLS\r\n")
    return sock, sock.recv(4096)


def receive_reply(sock: socket.socket) -> bytes:
    data = b""
    while not any(line[3:4] == b" " for line in data.split(b"\r\n")):
        chunk = sock.recv(4096)
        if not chunk:
            raise AssertionError(f"server closed the connection after sending {data!r}")
        data += chunk
    return data


def client_starttls_injection(run: ServerRun) -> None:
    sock, reply_bytes = starttls_exchange(run)
    require(reply_bytes == b"220 2.0.0 ready\r\n250-FAKE\r\n", f"one segment expected, got {reply_bytes!r}")
    sock.close()


def client_ehlo_421(run: ServerRun) -> None:
    client = run.connect()
    require_reply(client.ehlo(), 421, b"4.7.0 Try again later")
    client.close()


def client_ehlo_unsupported_helo(run: ServerRun) -> None:
    client = run.connect()
    require_reply(client.ehlo(), 500)
    require_reply(client.helo(), 250)
    client.sendmail(SENDER, [RECIPIENT], MESSAGE)
    client.quit()


def client_dot_stuffing(run: ServerRun) -> None:
    small = b".first byte is a dot\r\n..\r\n.\r\n.hidden\r\nend\r\n"
    large = b"".join(b"." + b"x" * (index % 97) + b"\r\n" for index in range(6000))
    client = run.connect()
    client.sendmail(SENDER, [RECIPIENT], small)
    client.sendmail(SENDER, [RECIPIENT], large)
    client.quit()
    require(run.content(1, 1) == stuffed(small), f"stored {run.content(1, 1)!r}")
    require(run.content(1, 2) == stuffed(large), "large content differs")


def client_bare_lf_rejected(run: ServerRun) -> None:
    client = run.connect()
    # smtplib turns every bare CR and LF of a str message into CRLF.
    client.sendmail(SENDER, [RECIPIENT], "Subject: x\n\nline one\nline two\n")
    client.sendmail(SENDER, [RECIPIENT], "Subject: y\r\n\r\nbare\rcarriage return\r\n")
    client.quit()
    require(run.content(1, 1) == b"Subject: x\r\n\r\nline one\r\nline two\r\n", f"{run.content(1, 1)!r}")
    require(run.content(1, 2) == b"Subject: y\r\n\r\nbare\r\ncarriage return\r\n", f"{run.content(1, 2)!r}")


def client_final_dot_reply_late(run: ServerRun) -> None:
    client = run.connect()
    client.ehlo()
    client.mail(SENDER)
    client.rcpt(RECIPIENT)
    client.sock.settimeout(1.0)
    # smtplib closes the connection when the reply times out.
    raises(smtplib.SMTPServerDisconnected, lambda: client.data(MESSAGE))
    client = run.connect()
    client.sendmail(SENDER, [RECIPIENT], MESSAGE)
    client.quit()


def client_final_dot_reply_slow(run: ServerRun) -> None:
    client = run.connect()
    client.ehlo()
    client.mail(SENDER)
    client.rcpt(RECIPIENT)
    started = time.monotonic()
    require_reply(client.data(MESSAGE), 250, b"queued as SLOW1")
    require(time.monotonic() - started >= 2.4, "reply came before the scripted delay")
    client.quit()


def client_drop_after_dot(run: ServerRun) -> None:
    client = run.connect()
    client.ehlo()
    client.mail(SENDER)
    client.rcpt(RECIPIENT)
    raises(smtplib.SMTPServerDisconnected, lambda: client.data(MESSAGE))


def client_data_no_354(run: ServerRun) -> None:
    client = run.connect()
    client.ehlo()
    client.mail(SENDER)
    client.rcpt(RECIPIENT)
    client.sock.settimeout(1.0)
    raises(smtplib.SMTPServerDisconnected, lambda: client.docmd("DATA"))


def client_data_stall_after_354(run: ServerRun) -> None:
    client = run.connect()
    client.ehlo()
    client.mail(SENDER)
    client.rcpt(RECIPIENT)
    require_reply(client.docmd("DATA"), 354)
    client.sock.settimeout(1.0)
    started = time.monotonic()
    raises(TimeoutError, lambda: client.sock.sendall((b"x" * 78 + b"\r\n") * 150_000))
    require(time.monotonic() - started < 3.0, "write did not block until the timeout")
    client.close()


def client_bulk_accept_many(run: ServerRun) -> None:
    first, second = run.connect(), run.connect()
    for number in range(3):
        for client in (first, second):
            require(client.sendmail(SENDER, [f"m{number}@example.test"], MESSAGE) == {}, "message not accepted")
    first.quit()
    second.quit()
    time.sleep(0.2)
    require(run.stop() == 0, f"server problems: {run.problems()}")
    require(run.transcript().count(b"=== connection ") == 2, "expected two recorded connections")
    require(run.content(2, 3) == MESSAGE, "third message on the second connection not stored")


def client_bulk_reject_recipient(run: ServerRun) -> None:
    client = run.connect()
    client.sendmail(SENDER, ["m0@example.test"], MESSAGE)
    error = raises(smtplib.SMTPRecipientsRefused, lambda: client.sendmail(SENDER, [REJECTED_RECIPIENT], MESSAGE))
    require(error.recipients[REJECTED_RECIPIENT][0] == 550, f"refused: {error.recipients}")
    # smtplib sends RSET after the refusal, and the script replies 250 to it as a probe.
    require(client.sendmail(SENDER, ["m2@example.test"], MESSAGE) == {}, "message after the rejection not accepted")
    client.quit()


def retried_recipient(recipient: str, accepted_on_retry: bool) -> Callable[[ServerRun], None]:
    def client_function(run: ServerRun) -> None:
        client = run.connect()
        for _ in range(2):
            error = raises(smtplib.SMTPRecipientsRefused, lambda: client.sendmail(SENDER, [recipient], MESSAGE))
            require(error.recipients[recipient][0] == 451, f"refused: {error.recipients}")
            if accepted_on_retry:
                break
        require(client.sendmail(SENDER, [recipient if accepted_on_retry else "m0@example.test"], MESSAGE) == {},
                "message not accepted")
        client.quit()

    client_function.__name__ = f"client_{'retry_accepted' if accepted_on_retry else 'always_451'}"
    return client_function


def client_bulk_drop_after_dot(run: ServerRun) -> None:
    client = run.connect()
    client.sendmail(SENDER, ["m0@example.test"], MESSAGE)
    raises(smtplib.SMTPServerDisconnected, lambda: client.sendmail(SENDER, [DROP_AFTER_DOT_RECIPIENT], MESSAGE))
    client = run.connect()
    client.sendmail(SENDER, ["m2@example.test"], MESSAGE)
    client.quit()
    require(run.content(1, 2) == MESSAGE, "the dropped message was not stored whole")


def client_bulk_drop_at_rcpt(run: ServerRun) -> None:
    client = run.connect()
    raises(smtplib.SMTPServerDisconnected, lambda: client.sendmail(SENDER, [DROP_AT_RCPT_RECIPIENT], MESSAGE))
    client = run.connect()
    require(client.sendmail(SENDER, [DROP_AT_RCPT_RECIPIENT], MESSAGE) == {}, "second connection refused the message")
    client.quit()


def client_greeting_421(run: ServerRun) -> None:
    for _ in range(2):
        error = raises(smtplib.SMTPConnectError, run.connect)
        require(error.smtp_code == 421, f"code {error.smtp_code}")
    time.sleep(0.2)
    require(run.stop() == 0, f"server problems: {run.problems()}")
    require(run.transcript().count(b"=== connection ") == 2, "expected two recorded connections")


def fault_second_message_to_drop_after_dot(run: ServerRun) -> None:
    client = run.connect()
    raises(smtplib.SMTPServerDisconnected, lambda: client.sendmail(SENDER, [DROP_AFTER_DOT_RECIPIENT], MESSAGE))
    client = run.connect()
    client.sendmail(SENDER, [DROP_AFTER_DOT_RECIPIENT], MESSAGE)
    client.quit()
    # A client that sent the message again would need a third connection.
    raises(smtplib.SMTPConnectError, run.connect)


# Faulty clients: the server must reply as scripted and report a problem.


def fault_no_rset(expected_reply: bytes) -> Callable[[ServerRun], None]:
    def client_function(run: ServerRun) -> None:
        client = run.connect()
        client.ehlo()
        client.mail(SENDER)
        client.rcpt("gone@example.test")
        require_reply(client.mail(SENDER), 503, expected_reply)
        client.quit()

    client_function.__name__ = "fault_mail_without_rset"
    return client_function


def fault_inline_long_xoauth2(run: ServerRun) -> None:
    client = run.connect()
    client.ehlo()
    require_reply(client.docmd("AUTH", "XOAUTH2 " + xoauth2_response(XOAUTH2_LONG_TOKEN)), 500, b"Line too long")
    client.quit()


def fault_xoauth2_response_without_waiting(run: ServerRun) -> None:
    client = run.connect()
    client.ehlo()
    client.send(f"AUTH XOAUTH2\r\n{xoauth2_response(XOAUTH2_LONG_TOKEN)}\r\n")
    require_reply(client.getreply(), 334)
    require_reply(client.getreply(), 235)
    client.quit()


def fault_data_after_rejections(run: ServerRun) -> None:
    client = run.connect()
    client.ehlo()
    client.mail(SENDER)
    client.rcpt("x@example.test")
    client.rcpt("y@example.test")
    require_reply(client.docmd("DATA"), 503)
    client.quit()


def fault_auth_before_starttls(run: ServerRun) -> None:
    client = run.connect()
    client.ehlo()
    require_reply(client.docmd("AUTH", "LOGIN"), 504, b"5.7.4")
    client.quit()


def fault_bare_lf(run: ServerRun) -> None:
    client = run.connect()
    client.ehlo()
    client.mail(SENDER)
    client.rcpt(RECIPIENT)
    require_reply(client.data(b"Subject: x\n\nline one\nline two\n"), 421, b"Bare linefeed")


def fault_quit_after_421(run: ServerRun) -> None:
    client = run.connect()
    client.ehlo()
    client.putcmd("QUIT")
    client.close()


def fault_mail_into_closed_connection(run: ServerRun) -> None:
    client = run.connect()
    client.sendmail(SENDER, [RECIPIENT], MESSAGE)
    time.sleep(0.5)
    client.putcmd("MAIL", f"FROM:<{SENDER}>")
    client.close()
    client = run.connect()
    client.sendmail(SENDER, [RECIPIENT], MESSAGE)
    client.quit()


def fault_handshake_after_injection(run: ServerRun) -> None:
    sock, _ = starttls_exchange(run)
    context = run.ca_context()
    sock.settimeout(4.5)
    raises(OSError, lambda: context.wrap_socket(sock, server_hostname="127.0.0.1"))
    sock.close()


# Scenario name to (client function, problem text that must be reported or None).
CHECKS: dict[str, list[tuple[Callable[[ServerRun], None], str | None]]] = {
    "send_ok": [(client_send_ok, None)],
    "starttls_valid_send": [(client_starttls_valid_send, None)],
    "implicit_tls_send": [(client_implicit_tls_send, None)],
    "greet_and_record": [(client_greet_and_record, None)],
    "greeting_554": [(client_greeting_554, None)],
    "final_dot_554_spam": [(client_final_dot_554_spam, None)],
    "keepalive_421_after_dot": [(client_keepalive_421_after_dot, None)],
    "pooled_noop_421": [(client_pooled_noop_421, None)],
    "xoauth2_long_token": [
        (client_xoauth2_long_token, None),
        (fault_inline_long_xoauth2, "expected a line matching"),
        (fault_xoauth2_response_without_waiting, "before the server's reply"),
    ],
    "xoauth2_error_challenge": [(client_xoauth2_error_challenge, None)],
    "rset_after_failed_transaction": [
        (client_rset_after_failed_transaction, None),
        (fault_no_rset(b"5.5.1 Error: nested MAIL command"), "expected a line matching /RSET/"),
    ],
    "sender_already_specified": [
        (client_rset_after_failed_transaction, None),
        (fault_no_rset(b"5.5.2 Sender already specified"), "expected a line matching /RSET/"),
    ],
    "rset_failure_after_rejection": [(client_rset_failure_after_rejection, None)],
    "all_recipients_rejected": [
        (client_all_recipients_rejected, None),
        (fault_data_after_rejections, "expected a line matching /RSET/"),
    ],
    "partial_recipients": [(client_partial_recipients, None)],
    "relay_denied": [(client_relay_denied, None)],
    "mail_530_starttls_required": [(client_mail_530_starttls_required, None)],
    "rcpt_421_closes": [(client_rcpt_421_closes, None)],
    "size_limit_552": [(client_size_limit_552, None)],
    "size_552_after_dot": [(client_size_552_after_dot, None)],
    "idle_421_then_reconnect": [
        (client_idle_421_then_reconnect, None),
        (fault_mail_into_closed_connection, "after the server closed the connection"),
    ],
    "reused_connection_451_on_mail": [(reconnect_after_mail_reply(451), None)],
    "session_lifetime_421": [(reconnect_after_mail_reply(421), None)],
    "drop_after_connect": [(client_drop_after_connect, None)],
    "split_and_long_replies": [(client_split_and_long_replies, None)],
    "cram_md5_rejected_login_works": [(client_cram_md5_rejected_login_works, None)],
    "plain_553_login_works": [(client_plain_553_login_works, None)],
    "auth_all_mechanisms_rejected": [(client_auth_all_mechanisms_rejected, None)],
    "auth_after_starttls": [(client_auth_after_starttls, None), (fault_auth_before_starttls, "/STARTTLS/")],
    "auth_tenant_disabled_535": [(rejected_auth("LOGIN", 535, b"5.7.139"), None)],
    "auth_534_app_password": [(rejected_auth("PLAIN", 534, b"5.7.9"), None)],
    "auth_no_mechanisms": [(advertised_auth(""), None)],
    "auth_plaintext_offered": [(advertised_auth("PLAIN LOGIN"), None)],
    "lowercase_keywords": [(client_lowercase_keywords, None)],
    "tls_version_421": [(client_tls_version_421, None)],
    "starttls_self_signed": [(certificate_rejected, None), (client_self_signed_pinned, None)],
    "starttls_wrong_name": [(certificate_rejected, None), (client_wrong_name_with_peer_name, None)],
    "starttls_454": [(client_starttls_454, None)],
    "starttls_advertised_security_none": [(client_starttls_advertised_security_none, None)],
    "starttls_injection": [(client_starttls_injection, None), (fault_handshake_after_injection, "did not close")],
    "ehlo_421": [(client_ehlo_421, None), (fault_quit_after_421, "client sent 'QUIT'")],
    "ehlo_unsupported_helo": [(client_ehlo_unsupported_helo, None)],
    "dot_stuffing": [(client_dot_stuffing, None)],
    "bare_lf_rejected": [(client_bare_lf_rejected, None), (fault_bare_lf, "bare CR or LF")],
    "final_dot_reply_late": [(client_final_dot_reply_late, None)],
    "final_dot_reply_slow": [(client_final_dot_reply_slow, None)],
    "drop_after_dot": [(client_drop_after_dot, None)],
    "data_no_354": [(client_data_no_354, None)],
    "data_stall_after_354": [(client_data_stall_after_354, None)],
    "bulk_accept_many": [(client_bulk_accept_many, None)],
    "bulk_reject_recipient": [(client_bulk_reject_recipient, None)],
    "bulk_451_then_accept": [(retried_recipient(DEFERRED_ONCE_RECIPIENT, True), None)],
    "bulk_451_always": [(retried_recipient(ALWAYS_DEFERRED_RECIPIENT, False), None)],
    "bulk_drop_after_dot": [
        (client_bulk_drop_after_dot, None),
        (fault_second_message_to_drop_after_dot, "has only 2 connections"),
    ],
    "bulk_drop_at_rcpt": [(client_bulk_drop_at_rcpt, None)],
    "greeting_421": [(client_greeting_421, None)],
}


def run_check(scenario: str, client_function: Callable[[ServerRun], None], problem: str | None) -> str | None:
    """Run one check and return None when it passed, else the reason it failed."""
    run = ServerRun(scenario)
    try:
        client_function(run)
        status = run.wait() if run.process.poll() is None else run.process.returncode
        problems = run.problems()
        if problem is None and status != 0:
            return f"server exited with status {status}: {problems.strip()}"
        if problem is not None and problem not in problems:
            return f"server did not report a problem containing {problem!r}; problems: {problems.strip()!r}"
        return None
    except (AssertionError, OSError, smtplib.SMTPException, subprocess.TimeoutExpired) as error:
        return f"{type(error).__name__}: {error}"
    finally:
        run.kill()
        shutil.rmtree(run.directory, ignore_errors=True)


def main(names: list[str]) -> int:
    unknown = [name for name in names if name not in SCENARIOS]
    if unknown:
        print(f"unknown scenario names: {', '.join(unknown)}; run server.py --list to see them", file=sys.stderr)
        return 2
    failures = 0
    for name in names or list(SCENARIOS):
        checks = CHECKS.get(name)
        if not checks:
            print(f"UNCHECKED {name}")
            failures += 1
            continue
        for client_function, problem in checks:
            started = time.monotonic()
            reason = run_check(name, client_function, problem)
            label = f"{name} / {client_function.__name__}"
            elapsed = time.monotonic() - started
            if reason is None:
                print(f"ok    {label} ({elapsed:.1f} s)")
            else:
                failures += 1
                print(f"FAIL  {label}: {reason}")
    print(f"{failures} failed" if failures else "all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

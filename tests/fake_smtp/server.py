#!/usr/bin/python3
"""Scripted fake SMTP server for the mailbridge tests.

    server.py SCENARIO --dir DIR [--timeout SECONDS]
    server.py --list

The server creates its test certificates in DIR (once per DIR, with the
openssl command), binds 127.0.0.1 on a free port, prints the port number as
the first line of its standard output, and serves the scenario's connections
(see scenarios.py). Connections run concurrently, and the N-th accepted
connection runs the scenario's N-th step list. The server exits when every
scripted connection has finished, after the overall timeout, or on SIGTERM.

Files in DIR:
    ca.pem, ca.key            test CA
    valid.pem, valid.key      certificate for 127.0.0.1 and localhost, signed by the CA
    self-signed.pem/.key      self-signed certificate for 127.0.0.1 and localhost
    wrong-name.pem/.key       certificate for *.mail.example.net, signed by the CA
    transcript.txt            every byte each client sent (decrypted after TLS),
                              connection by connection, with "=== ... ===" marker
                              lines and "!!! problem: ..." lines
    commands.txt              one line per client command line, outside message
                              content: "<connection>[/tls] <line>", with bytes outside
                              printable ASCII and the backslash written as \\xNN
    session.log               commands and replies in order ("1 C: ...", "1 S: ...")
    data-<connection>-<n>.txt content of the n-th message on a connection, exactly as
                              received (still dot-stuffed), without the final ".\\r\\n"
    problems.txt              each thing that a correct client would not have caused

A marker line always starts on a new line: when the client's bytes before it
do not end in a line feed, transcript.txt has one line feed that the client
did not send. Use the data files for exact message content.

Exit status: 0 when the run had no problems, 1 with problems, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from scenarios import SCENARIOS  # noqa: E402
from steps import (  # noqa: E402
    UNEXPECTED_COMMAND,
    Branch,
    Close,
    Discard,
    Expect,
    ExpectClose,
    ExpectData,
    Scenario,
    Send,
    Sleep,
    TlsHandshake,
)

CERTIFICATE_NAMES = ("valid", "self-signed", "wrong-name")
MAX_LINE_LENGTH = 1024 * 1024
MAX_MESSAGE_SIZE = 64 * 1024 * 1024
# Lines that a client may send to probe a kept connection. Outside steps that
# expect them, they get a 250 reply and are skipped.
PROBE_COMMAND = re.compile(r"(NOOP|RSET)( .*)?", re.IGNORECASE)
QUIT_COMMAND = re.compile(r"QUIT", re.IGNORECASE)
SMTP_VERBS = frozenset(
    ("EHLO", "HELO", "MAIL", "RCPT", "DATA", "BDAT", "RSET", "NOOP", "QUIT", "VRFY", "EXPN", "HELP", "STARTTLS", "AUTH")
)

OPENSSL_CONFIG = """\
[req]
distinguished_name = subject
[subject]
[ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[loopback]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1,DNS:localhost
[wrong_name]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:*.mail.example.net
"""


class ClientClosed(Exception):
    """The client closed or reset the connection."""


class ConnectionEnded(Exception):
    """The script ended the connection, which is already closed and recorded."""


class ScriptAborted(Exception):
    """A client line did not match the script; the rest of the connection is served by serve_rest()."""


class TlsHandshakeFailed(Exception):
    pass


def escape_line(data: bytes) -> str:
    """Return data as printable ASCII, with every other byte and the backslash as \\xNN."""
    return "".join(chr(byte) if 0x20 <= byte < 0x7F and byte != 0x5C else f"\\x{byte:02x}" for byte in data)


def describe_line(data: bytes) -> str:
    """Return a line for messages: without its CRLF when it has one, else escaped in full."""
    return escape_line(data[:-2] if data.endswith(b"\r\n") else data)


def normalize_command(text: str) -> str:
    """Return a command line with the parts that RFC 5321 and RFC 4954 make case-insensitive in upper case.

    These are the verb, FROM: and TO: in MAIL and RCPT, and the SASL mechanism
    name in AUTH. Addresses, base64 arguments and SASL response lines (which
    are not commands) keep their case.
    """
    verb, separator, rest = text.partition(" ")
    if verb.upper() not in SMTP_VERBS:
        return text
    verb = verb.upper()
    if verb in ("MAIL", "RCPT"):
        keyword, colon, value = rest.partition(":")
        if colon and keyword.upper() in ("FROM", "TO"):
            rest = keyword.upper() + colon + value
    elif verb == "AUTH":
        mechanism, space, response = rest.partition(" ")
        rest = mechanism.upper() + space + response
    return verb + separator + rest


def find_bare_line_end(content: bytes) -> int | None:
    """Return the offset of the first CR not followed by LF or LF not preceded by CR, or None."""
    for match in re.finditer(rb"\r\n|\r|\n", content):
        if match.group() != b"\r\n":
            return match.start()
    return None


def only_tls_alerts(data: bytes) -> bool:
    """Return whether data is a sequence of whole TLS alert records (content type 21, RFC 8446 section 5.1)."""
    offset = 0
    while offset < len(data):
        header = data[offset:offset + 5]
        if len(header) < 5 or header[0] != 0x15:
            return False
        offset += 5 + int.from_bytes(header[3:5], "big")
        if offset > len(data):
            return False
    return True


class Recorder:
    """Writer of the files that describe a run; every method is thread-safe."""

    def __init__(self, directory: Path):
        self._directory = directory
        self._lock = threading.RLock()
        self._transcripts: dict[int, bytearray] = {}
        self._footer = b""
        self.problems: list[str] = []
        for stale in list(directory.glob("data-*.txt")):
            stale.unlink()
        for name in ("transcript.txt", "commands.txt", "session.log", "problems.txt"):
            (directory / name).write_bytes(b"")

    def add_bytes(self, connection: int, data: bytes) -> None:
        with self._lock:
            self._transcripts.setdefault(connection, bytearray()).extend(data)
            self._write_transcript()

    def add_marker(self, connection: int, text: str) -> None:
        with self._lock:
            transcript = self._transcripts.setdefault(connection, bytearray())
            if transcript and not transcript.endswith(b"\n"):
                transcript.extend(b"\n")
            transcript.extend(text.encode("utf-8") + b"\n")
            self._write_transcript()

    def add_problem(self, connection: int | None, text: str) -> None:
        """Record a problem of one connection, or of the whole run when connection is None."""
        with self._lock:
            described = text if connection is None else f"connection {connection}: {text}"
            self.problems.append(described)
            self._append("problems.txt", described + "\n")
            if connection is not None:
                self.add_marker(connection, f"!!! problem: {text}")
                self._append("session.log", f"{connection} !!! {text}\n")

    def add_command(self, connection: int, tls: bool, line: bytes) -> None:
        prefix = f"{connection}/tls" if tls else str(connection)
        with self._lock:
            self._append("commands.txt", f"{prefix} {describe_line(line)}\n")
            self._append("session.log", f"{prefix} C: {describe_line(line)}\n")

    def add_reply(self, connection: int, tls: bool, data: bytes) -> None:
        prefix = f"{connection}/tls" if tls else str(connection)
        with self._lock:
            for line in data.splitlines(keepends=True):
                self._append("session.log", f"{prefix} S: {describe_line(line)}\n")

    def store_content(self, connection: int, index: int, content: bytes) -> None:
        (self._directory / f"data-{connection}-{index}.txt").write_bytes(content)

    def finish(self, reason: str) -> None:
        with self._lock:
            lines = [f"=== server stopped: {reason} ==="]
            lines += [f"!!! problem: {problem}" for problem in self.problems] or ["=== no problems ==="]
            self._footer = ("\n".join(lines) + "\n").encode("utf-8")
            self._write_transcript()

    def _append(self, name: str, text: str) -> None:
        with open(self._directory / name, "a", encoding="utf-8") as file:
            file.write(text)

    def _write_transcript(self) -> None:
        # Rewritten whole, so that a reader never sees one connection's bytes
        # inside another's; the temporary file makes each version appear at once.
        content = b"".join(bytes(self._transcripts[number]) for number in sorted(self._transcripts)) + self._footer
        temporary = self._directory / "transcript.txt.tmp"
        temporary.write_bytes(content)
        os.replace(temporary, self._directory / "transcript.txt")


class Channel:
    """A client connection that reads and writes plaintext or, after start_tls(), TLS."""

    def __init__(self, sock: socket.socket):
        self.sock = sock
        self.tls: ssl.SSLObject | None = None
        self._incoming = ssl.MemoryBIO()
        self._outgoing = ssl.MemoryBIO()

    def start_tls(self, context: ssl.SSLContext, early_bytes: bytes) -> str:
        """Run the server side of a TLS handshake and return the protocol version.

        Raises TlsHandshakeFailed with the reason when the handshake fails or
        the client closes the connection during it.
        """
        self._incoming.write(early_bytes)
        tls = context.wrap_bio(self._incoming, self._outgoing, server_side=True)
        while True:
            try:
                tls.do_handshake()
                break
            except ssl.SSLWantReadError:
                self._flush()
                data = self._receive_raw()
                if not data:
                    raise TlsHandshakeFailed("the client closed the connection during the handshake")
                self._incoming.write(data)
            except ssl.SSLError as error:
                self._flush_quietly()
                raise TlsHandshakeFailed(error.reason or str(error)) from error
        self._flush()
        self.tls = tls
        return tls.version() or "unknown version"

    def receive(self) -> bytes:
        """Return the next bytes from the client (decrypted under TLS), or b"" at EOF."""
        if self.tls is None:
            return self._receive_raw()
        while True:
            try:
                return self.tls.read(65536)
            except ssl.SSLWantReadError:
                self._flush()
                data = self._receive_raw()
                if not data:
                    return b""
                self._incoming.write(data)
            except ssl.SSLZeroReturnError:
                return b""

    def receive_raw(self) -> bytes:
        """Return the next bytes from the socket without TLS processing, or b"" at EOF."""
        return self._receive_raw()

    def send(self, data: bytes) -> None:
        if self.tls is None:
            self.sock.sendall(data)
        else:
            self.tls.write(data)
            self._flush()

    def _receive_raw(self) -> bytes:
        try:
            return self.sock.recv(65536)
        except ConnectionResetError:
            return b""

    def _flush(self) -> None:
        pending = self._outgoing.read()
        if pending:
            self.sock.sendall(pending)

    def _flush_quietly(self) -> None:
        try:
            self._flush()
        except OSError:
            pass


class Session:
    """One client connection running a list of steps."""

    def __init__(self, server: "Server", number: int, sock: socket.socket, steps: tuple | None):
        self.server = server
        self.recorder = server.recorder
        self.number = number
        self.channel = Channel(sock)
        self.steps = steps
        self.buffer = bytearray()
        self.message_count = 0
        self.finished = threading.Event()

    # Running

    def run(self) -> None:
        try:
            self.run_connection()
        except ClientClosed:
            self.marker("closed by the client")
        except ConnectionEnded:
            pass
        except socket.timeout:
            self.problem("the server's overall timeout expired while the connection was open")
        except OSError as error:
            self.problem(f"I/O error: {error}")
        except Exception as error:  # noqa: BLE001 - a bug in the server must still end in the transcript
            self.problem(f"fake server error: {type(error).__name__}: {error}")
            raise
        finally:
            self.channel.sock.close()
            self.finished.set()

    def run_connection(self) -> None:
        if self.steps is None:
            self.marker(f"connection {self.number} (not in the scenario)")
            self.problem(f"scenario {self.server.scenario_name} has only {len(self.server.scenario.connections)} connections")
            self.send(b"421 4.3.2 fake server: no more connections in this scenario\r\n")
            self.close_now()
        self.marker(f"connection {self.number}")
        try:
            self.run_steps(self.steps)
        except ScriptAborted:
            pass
        self.serve_rest()

    def run_steps(self, steps: tuple) -> None:
        for step in steps:
            handler = getattr(self, "step_" + type(step).__name__)
            handler(step)

    # Steps

    def step_Send(self, step: Send) -> None:
        # No scenario advertises PIPELINING (RFC 2920), so a client must wait
        # for each reply. Bytes already read at this point were sent too early.
        # This catches only bytes that arrived in the same read as the command.
        if self.buffer:
            self.problem(f"client sent {describe_line(bytes(self.buffer[:80]))!r} before the server's reply")
        for index, piece in enumerate(step.pieces):
            if index and step.pause:
                time.sleep(step.pause)
            self.send(piece)

    def step_Expect(self, step: Expect) -> None:
        matched, text = self.match_command((step.pattern,), f"a line matching /{step.pattern}/")
        if matched is None:
            self.problem(f"expected a line matching /{step.pattern}/ but received {text!r}")
            self.send(step.otherwise)
            raise ScriptAborted

    def step_Branch(self, step: Branch) -> None:
        patterns = tuple(pattern for pattern, _ in step.cases)
        matched, text = self.match_command(patterns, f"a line matching one of {patterns}")
        if matched is None:
            self.problem(f"expected a line matching one of {patterns} but received {text!r}")
            self.send(step.otherwise)
            raise ScriptAborted
        self.run_steps(step.cases[matched][1])

    def step_ExpectData(self, step: ExpectData) -> None:
        self.message_count += 1
        content = self.read_message_content()
        self.recorder.store_content(self.number, self.message_count, content)
        if not step.reject_bare_line_ends:
            return
        offset = find_bare_line_end(content)
        if offset is not None:
            self.problem(f"message {self.message_count} has a bare CR or LF at offset {offset}")
            self.send(b"421 4.5.0 Bare linefeed (LF) not allowed\r\n")
            self.close_now()

    def step_TlsHandshake(self, step: TlsHandshake) -> None:
        early_bytes = bytes(self.buffer)
        self.buffer.clear()
        if early_bytes:
            self.problem(f"client sent {len(early_bytes)} bytes before the server's reply to STARTTLS")
        self.marker(f"TLS handshake with the {step.certificate} certificate")
        try:
            version = self.channel.start_tls(self.server.tls_contexts[step.certificate], early_bytes)
        except TlsHandshakeFailed as failure:
            self.marker(f"TLS handshake failed: {failure}")
            self.watch_after_failed_handshake()
            self.close_now()
        self.marker(f"TLS started: {version}")

    def step_Sleep(self, step: Sleep) -> None:
        time.sleep(step.seconds)

    def step_Close(self, step: Close) -> None:
        if step.watch <= 0:
            self.close_now()
        try:
            self.channel.sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        self.marker("server shut down its sending side")
        deadline = time.monotonic() + step.watch
        while True:
            try:
                line = self.read_line(deadline)
            except ClientClosed:
                self.report_unterminated_bytes("after the server closed the connection")
                self.marker("closed by the client")
                raise ConnectionEnded from None
            except socket.timeout:
                self.close_now(f"client still connected {step.watch} s after the server closed its side")
            self.record_command(line)
            if step.allowed is not None and re.fullmatch(step.allowed, self.line_text(line), re.IGNORECASE):
                continue
            self.problem(f"client sent {describe_line(line)!r} after the server closed the connection")

    def step_ExpectClose(self, step: ExpectClose) -> None:
        deadline = time.monotonic() + step.timeout
        while True:
            try:
                line = self.read_line(deadline)
            except ClientClosed:
                self.report_unterminated_bytes("where the server expected the client to close the connection")
                self.marker("closed by the client")
                raise ConnectionEnded from None
            except socket.timeout:
                self.report_unterminated_bytes("where the server expected the client to close the connection")
                self.problem(f"client did not close the connection within {step.timeout} s")
                self.close_now()
            self.record_command(line)
            if step.allow_quit and QUIT_COMMAND.fullmatch(self.line_text(line)):
                self.send(b"221 2.0.0 Bye\r\n")
                self.close_now()
            self.problem(f"client sent {describe_line(line)!r} where the server expected it to close the connection")

    def step_Discard(self, step: Discard) -> None:
        discarded = len(self.buffer)
        self.buffer.clear()
        deadline = time.monotonic() + step.timeout
        try:
            while True:
                self.set_timeout(deadline)
                data = self.channel.receive()
                if not data:
                    break
                discarded += len(data)
        except socket.timeout:
            self.marker(f"discarded {discarded} bytes, client still connected after {step.timeout} s")
            self.close_now()
        self.marker(f"discarded {discarded} bytes")
        self.marker("closed by the client")
        raise ConnectionEnded

    # After the script

    def serve_rest(self) -> None:
        """Reply to lines after the script: 221 to QUIT, 250 to NOOP and RSET, 503 to anything else."""
        while True:
            try:
                line = self.read_line(self.server.deadline)
            except ClientClosed:
                self.report_unterminated_bytes("after the last step")
                self.marker("closed by the client")
                return
            self.record_command(line)
            text = self.line_text(line)
            if QUIT_COMMAND.fullmatch(text):
                self.send(b"221 2.0.0 Bye\r\n")
                self.close_now()
            if PROBE_COMMAND.fullmatch(text):
                self.send(b"250 2.0.0 Ok\r\n")
                continue
            self.problem(f"unexpected command after the last step: {text!r}")
            self.send(UNEXPECTED_COMMAND)

    def watch_after_failed_handshake(self) -> None:
        """Record what the client sends after a failed handshake: a TLS alert is fine, anything else is a problem."""
        deadline = time.monotonic() + 1.5
        received = bytearray()
        try:
            while True:
                self.set_timeout(deadline)
                data = self.channel.receive_raw()
                if not data:
                    break
                received += data
        except socket.timeout:
            pass
        except OSError:
            pass
        if not received:
            return
        self.recorder.add_bytes(self.number, bytes(received))
        if only_tls_alerts(bytes(received)):
            self.marker(f"client sent {len(received)} bytes of TLS alert records")
        else:
            self.problem(f"client sent {len(received)} bytes after the failed TLS handshake, not only TLS alerts")

    # Reading

    def match_command(self, patterns: tuple[str, ...], waiting_for: str) -> tuple[int | None, str]:
        """Read command lines until one is not a skipped probe; return the index of the matching pattern and the line."""
        while True:
            try:
                line = self.read_line(self.server.deadline)
            except ClientClosed:
                self.report_unterminated_bytes(f"while the server waited for {waiting_for}")
                self.problem(f"client closed the connection while the server waited for {waiting_for}")
                raise ConnectionEnded from None
            self.record_command(line)
            text = self.line_text(line)
            for index, pattern in enumerate(patterns):
                if re.fullmatch(pattern, text, re.DOTALL):
                    return index, text
            if PROBE_COMMAND.fullmatch(text):
                self.send(b"250 2.0.0 Ok\r\n")
                continue
            return None, text

    def read_line(self, deadline: float) -> bytes:
        """Return the next line including its LF; raise ClientClosed at EOF and socket.timeout at the deadline."""
        while True:
            end = self.buffer.find(b"\n")
            if end >= 0:
                line = bytes(self.buffer[: end + 1])
                del self.buffer[: end + 1]
                return line
            if len(self.buffer) > MAX_LINE_LENGTH:
                self.problem(f"client line longer than {MAX_LINE_LENGTH} bytes")
                self.close_now()
            self.receive_into_buffer(deadline)

    def read_message_content(self) -> bytes:
        """Read message content up to the line "." and return it without that line, still dot-stuffed."""
        scan_from = 0
        while True:
            if len(self.buffer) >= 3 and self.buffer.startswith(b".\r\n"):
                del self.buffer[:3]
                return b""
            end = self.buffer.find(b"\n.\r\n", scan_from)
            if end >= 0:
                content = bytes(self.buffer[: end + 1])
                del self.buffer[: end + 4]
                return content
            if len(self.buffer) > MAX_MESSAGE_SIZE:
                self.problem(f"message content longer than {MAX_MESSAGE_SIZE} bytes without the final dot")
                self.close_now()
            scan_from = max(0, len(self.buffer) - 3)
            try:
                self.receive_into_buffer(self.server.deadline)
            except ClientClosed:
                self.problem(f"client closed the connection inside message {self.message_count}")
                raise ConnectionEnded from None

    def receive_into_buffer(self, deadline: float) -> None:
        self.set_timeout(deadline)
        data = self.channel.receive()
        if not data:
            raise ClientClosed
        self.recorder.add_bytes(self.number, data)
        self.buffer += data

    def set_timeout(self, deadline: float) -> None:
        remaining = min(deadline, self.server.deadline) - time.monotonic()
        if remaining <= 0:
            raise socket.timeout("deadline reached")
        self.channel.sock.settimeout(remaining)

    def line_text(self, line: bytes) -> str:
        """Return a command line without its line end, normalized by normalize_command()."""
        if line.endswith(b"\r\n"):
            return normalize_command(line[:-2].decode("latin-1"))
        return normalize_command(line.rstrip(b"\n").decode("latin-1"))

    def record_command(self, line: bytes) -> None:
        self.recorder.add_command(self.number, self.channel.tls is not None, line)
        if not line.endswith(b"\r\n"):
            self.problem(f"command line {describe_line(line)!r} does not end with CRLF")

    def report_unterminated_bytes(self, where: str) -> None:
        if self.buffer:
            self.problem(f"client sent {len(self.buffer)} bytes without a line end {where}")
            self.buffer.clear()

    # Writing and closing

    def send(self, data: bytes) -> None:
        self.recorder.add_reply(self.number, self.channel.tls is not None, data)
        try:
            self.channel.send(data)
        except OSError as error:
            # Expected where a client gives up before a late reply. The next
            # read returns EOF and records the close.
            self.marker(f"could not send {len(data)} bytes: {error}")

    def close_now(self, note: str = "") -> None:
        """Close the connection, record it, and end the session by raising ConnectionEnded."""
        try:
            self.channel.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.channel.sock.close()
        self.marker(f"closed by the server{': ' + note if note else ''}")
        raise ConnectionEnded

    def marker(self, text: str) -> None:
        self.recorder.add_marker(self.number, f"=== {text} ===")

    def problem(self, text: str) -> None:
        self.recorder.add_problem(self.number, text)


class Server:
    """The listening socket and the sessions of one scenario run."""

    def __init__(self, scenario_name: str, scenario: Scenario, directory: Path, timeout: float):
        self.scenario_name = scenario_name
        self.scenario = scenario
        self.recorder = Recorder(directory)
        self.tls_contexts = create_tls_contexts(ensure_certificates(directory))
        self.deadline = time.monotonic() + timeout
        self.timeout = timeout
        self.stop_requested = threading.Event()
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if scenario.receive_buffer:
            self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, scenario.receive_buffer)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.listener.settimeout(0.05)
        self.port = self.listener.getsockname()[1]

    def serve(self) -> int:
        sessions: list[Session] = []
        scripted = len(self.scenario.connections)
        while True:
            if self.stop_requested.is_set():
                reason = "stopped by a signal"
                break
            if time.monotonic() >= self.deadline:
                reason = f"overall timeout of {self.timeout:g} s expired"
                break
            if (
                self.scenario.extra_connections == "reject"
                and len(sessions) >= scripted
                and all(session.finished.is_set() for session in sessions)
            ):
                reason = f"all {scripted} scripted connections finished"
                break
            try:
                sock, _ = self.listener.accept()
            except socket.timeout:
                continue
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            session = Session(self, len(sessions) + 1, sock, self.steps_for(len(sessions)))
            sessions.append(session)
            threading.Thread(target=session.run, name=f"connection {session.number}", daemon=True).start()

        if len(sessions) < scripted:
            self.recorder.add_problem(None, f"only {len(sessions)} of {scripted} scripted connections arrived")
        for session in sessions:
            if not session.finished.is_set() and self.scenario.extra_connections == "reject":
                self.recorder.add_problem(session.number, "connection still open when the server stopped")
        self.recorder.finish(reason)
        for problem in self.recorder.problems:
            print(f"fake SMTP server, scenario {self.scenario_name}: {problem}", file=sys.stderr)
        return 1 if self.recorder.problems else 0

    def steps_for(self, index: int) -> tuple | None:
        connections = self.scenario.connections
        if index < len(connections):
            return connections[index]
        if self.scenario.extra_connections == "repeat-last":
            return connections[-1]
        return None


def ensure_certificates(directory: Path) -> dict[str, tuple[Path, Path]]:
    """Create the test CA and server certificates in directory unless they exist; return certificate and key paths."""
    paths = {name: (directory / f"{name}.pem", directory / f"{name}.key") for name in CERTIFICATE_NAMES}
    wanted = [directory / "ca.pem", directory / "ca.key"] + [path for pair in paths.values() for path in pair]
    if all(path.exists() for path in wanted):
        return paths

    with tempfile.TemporaryDirectory(prefix="fake-smtp-openssl-") as scratch:
        config = Path(scratch) / "openssl.cnf"
        config.write_text(OPENSSL_CONFIG)
        new_key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        ca_pem, ca_key = directory / "ca.pem", directory / "ca.key"
        run_openssl("req", "-x509", "-new", *new_key, "-config", config, "-extensions", "ca",
                    "-subj", "/CN=mailbridge fake SMTP test CA", "-days", "7", "-keyout", ca_key, "-out", ca_pem)
        run_openssl("req", "-x509", "-new", *new_key, "-config", config, "-extensions", "loopback",
                    "-subj", "/CN=127.0.0.1", "-days", "7",
                    "-keyout", paths["self-signed"][1], "-out", paths["self-signed"][0])
        for name, subject, section in (("valid", "/CN=localhost", "loopback"),
                                       ("wrong-name", "/CN=*.mail.example.net", "wrong_name")):
            request = Path(scratch) / f"{name}.csr"
            run_openssl("req", "-new", *new_key, "-config", config, "-subj", subject,
                        "-keyout", paths[name][1], "-out", request)
            run_openssl("x509", "-req", "-in", request, "-CA", ca_pem, "-CAkey", ca_key,
                        "-set_serial", "0x" + secrets.token_hex(8), "-days", "7",
                        "-extfile", config, "-extensions", section, "-out", paths[name][0])
    return paths


def run_openssl(*arguments) -> None:
    command = ["openssl", *map(str, arguments)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"openssl failed with status {result.returncode}: {' '.join(command)}\n{result.stderr}")


def create_tls_contexts(paths: dict[str, tuple[Path, Path]]) -> dict[str, ssl.SSLContext]:
    contexts = {}
    for name, (certificate, key) in paths.items():
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(certificate, key)
        contexts[name] = context
    return contexts


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Scripted fake SMTP server for the mailbridge tests.")
    parser.add_argument("scenario", nargs="?", help="scenario name (see --list)")
    parser.add_argument("--dir", help="directory for certificates, transcript and message content (created if missing)")
    parser.add_argument("--timeout", type=float, default=20.0,
                        help="seconds after which the server stops, finished or not (default: 20)")
    parser.add_argument("--list", action="store_true", help="print every scenario name with its description and exit")
    arguments = parser.parse_args(argv)
    if not arguments.list and (not arguments.scenario or not arguments.dir):
        parser.error("SCENARIO and --dir are required unless --list is given")
    return arguments


def main(argv: list[str]) -> int:
    arguments = parse_arguments(argv)
    if arguments.list:
        width = max(map(len, SCENARIOS))
        for name, scenario in SCENARIOS.items():
            print(f"{name:<{width}}  {scenario.description}")
        return 0
    scenario = SCENARIOS.get(arguments.scenario)
    if scenario is None:
        print(f"server.py: unknown scenario {arguments.scenario!r}; run with --list to see the names", file=sys.stderr)
        return 2

    directory = Path(arguments.dir)
    directory.mkdir(parents=True, exist_ok=True)
    server = Server(arguments.scenario, scenario, directory, arguments.timeout)
    for signal_number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signal_number, lambda *_: server.stop_requested.set())
    print(server.port, flush=True)
    return server.serve()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

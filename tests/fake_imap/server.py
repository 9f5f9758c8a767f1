#!/usr/bin/python3
"""Scripted fake IMAP server for the mailbridge tests.

    server.py SCENARIO --dir DIR [--timeout SECONDS]
    server.py --list

The server creates its test certificates in DIR (once per DIR, with the
openssl command), binds 127.0.0.1 on a free port, prints the port number as
the first line of its standard output, and serves the scenario's connections
(see scenarios.py). The N-th accepted connection runs the scenario's N-th
step list, and a connection beyond the list is a problem. The server exits
when every scripted connection has finished, after the overall timeout, or
on SIGTERM.

Files in DIR:
    ca.pem, ca.key            test CA
    valid.pem, valid.key      certificate for 127.0.0.1 and localhost, signed by the CA
    self-signed.pem/.key      self-signed certificate for 127.0.0.1 and localhost
    session.log               client lines and server bytes in order ("1 C: ...",
                              "1 S: ..."), with bytes outside printable ASCII and the
                              backslash written as \\xNN
    problems.txt              each thing that a correct client would not have caused

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
    CRLF,
    TAG_PLACEHOLDER,
    Branch,
    Close,
    Expect,
    ExpectClose,
    ExpectLine,
    Scenario,
    Send,
    Sleep,
    TlsHandshake,
)

CERTIFICATE_NAMES = ("valid", "self-signed")
# Maximum length of a client line. Command lines are short, but a long
# SEARCH or UID set may reach some kilobytes.
MAX_LINE_LENGTH = 1024 * 1024
# A tagged command line: the tag (RFC 3501 "tag", any ASTRING-CHAR but "+"),
# one space and the rest.
TAGGED_LINE = re.compile(r"([^ +(){%*\"\\\]\x00-\x1f\x7f]+) (.*)", re.DOTALL)

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
"""


class ClientClosed(Exception):
    """The client closed or reset the connection."""


class ConnectionEnded(Exception):
    """The script ended the connection, which is already closed and recorded."""


def escape_bytes(data: bytes) -> str:
    """Return data as printable ASCII, with every other byte and the backslash as \\xNN."""
    return "".join(chr(byte) if 0x20 <= byte < 0x7F and byte != 0x5C else f"\\x{byte:02x}" for byte in data)


class Recorder:
    """Writer of session.log and problems.txt. Every method is thread-safe."""

    def __init__(self, directory: Path):
        self._directory = directory
        self._lock = threading.Lock()
        self.problems: list[str] = []
        for name in ("session.log", "problems.txt"):
            (directory / name).write_bytes(b"")

    def add_problem(self, connection: int | None, text: str) -> None:
        described = text if connection is None else f"connection {connection}: {text}"
        with self._lock:
            self.problems.append(described)
            self._append("problems.txt", described + "\n")
            self._append("session.log", f"{connection or '-'} !!! {text}\n")

    def add_line(self, connection: int, direction: str, data: bytes) -> None:
        with self._lock:
            for line in data.splitlines(keepends=True) or [b""]:
                shown = escape_bytes(line[:-2] if line.endswith(CRLF) else line)
                if len(shown) > 300:
                    shown = shown[:300] + f"... ({len(line)} bytes)"
                self._append("session.log", f"{connection} {direction}: {shown}\n")

    def _append(self, name: str, text: str) -> None:
        with open(self._directory / name, "a", encoding="utf-8") as file:
            file.write(text)


class Session:
    """One client connection running its step list."""

    def __init__(self, server: "Server", number: int, sock: socket.socket, steps: tuple):
        self.server = server
        self.number = number
        self.sock: socket.socket | ssl.SSLSocket = sock
        self.steps = steps
        self.buffer = bytearray()
        self.tag = "*"
        self.finished = threading.Event()

    def run(self) -> None:
        try:
            self.run_steps(self.steps)
            self.close_now()
        except (ConnectionEnded, ClientClosed):
            pass
        except socket.timeout:
            self.problem("timed out waiting for the client")
            self.close_quietly()
        except OSError as error:
            self.problem(f"I/O error: {error}")
            self.close_quietly()
        finally:
            self.finished.set()

    def run_steps(self, steps: tuple) -> None:
        for step in steps:
            if isinstance(step, Send):
                self.send(step)
            elif isinstance(step, Expect):
                line = self.read_command("a line matching /" + step.pattern + "/")
                if not re.fullmatch(step.pattern, line, re.DOTALL):
                    self.reject(line, f"expected a line matching /{step.pattern}/", step.otherwise)
            elif isinstance(step, ExpectLine):
                line = self.read_line("a line matching /" + step.pattern + "/").decode("latin-1")
                if not re.fullmatch(step.pattern, line, re.DOTALL):
                    self.reject(line, f"expected a line matching /{step.pattern}/", "{tag} BAD unexpected line")
            elif isinstance(step, Branch):
                patterns = " or ".join(f"/{pattern}/" for pattern, _ in step.cases)
                line = self.read_command("a line matching " + patterns)
                for pattern, case_steps in step.cases:
                    if re.fullmatch(pattern, line, re.DOTALL):
                        self.run_steps(case_steps)
                        break
                else:
                    self.reject(line, f"expected a line matching {patterns}", step.otherwise)
            elif isinstance(step, TlsHandshake):
                self.handshake(step)
            elif isinstance(step, Sleep):
                time.sleep(step.seconds)
            elif isinstance(step, Close):
                self.close_now()
            elif isinstance(step, ExpectClose):
                self.expect_close(step.timeout)
            else:
                raise TypeError(f"unknown step {step!r}")

    # Reading

    def read_line(self, waiting_for: str) -> bytes:
        """Return the next client line without its line end. On EOF, record a problem and end the session."""
        while True:
            end = self.buffer.find(b"\n")
            if end >= 0:
                raw = bytes(self.buffer[:end + 1])
                del self.buffer[:end + 1]
                self.server.recorder.add_line(self.number, "C", raw)
                if not raw.endswith(CRLF):
                    self.problem(f"line {escape_bytes(raw)!r} does not end with CRLF")
                return raw.rstrip(b"\r\n")
            if len(self.buffer) > MAX_LINE_LENGTH:
                self.problem(f"client line longer than {MAX_LINE_LENGTH} bytes")
                self.close_now()
            try:
                self.set_read_timeout()
                data = self.sock.recv(65536)
            except (ConnectionResetError, ssl.SSLError):
                data = b""
            if not data:
                self.problem(f"client closed the connection while the server waited for {waiting_for}")
                self.close_quietly()
                raise ClientClosed
            self.buffer.extend(data)

    def read_command(self, waiting_for: str) -> str:
        """Return the text after the tag of the next client line and remember the tag."""
        line = self.read_line(waiting_for).decode("latin-1")
        match = TAGGED_LINE.fullmatch(line)
        if match is None:
            self.reject(line, "expected a tagged command", "* BAD fake server: a command needs a tag")
        self.tag = match.group(1)
        return match.group(2)

    def reject(self, line: str, expectation: str, reply: str) -> None:
        self.problem(f"{expectation}, got {escape_bytes(line.encode('latin-1'))!r}")
        self.send(Send(((reply + "\r\n").encode("latin-1"),)))
        self.close_now()

    def set_read_timeout(self) -> None:
        remaining = self.server.deadline - time.monotonic()
        if remaining <= 0:
            raise socket.timeout("deadline reached")
        self.sock.settimeout(remaining)

    def expect_close(self, timeout: float) -> None:
        ends = time.monotonic() + timeout
        while time.monotonic() < ends:
            if self.buffer:
                self.problem(f"client sent {escape_bytes(bytes(self.buffer[:200]))!r} after the scripted end")
                self.buffer.clear()
            self.sock.settimeout(max(0.01, ends - time.monotonic()))
            try:
                data = self.sock.recv(65536)
            except socket.timeout:
                break
            except (ConnectionResetError, ssl.SSLError):
                data = b""
            if not data:
                self.close_quietly()
                raise ClientClosed
            self.server.recorder.add_line(self.number, "C", data)
            self.buffer.extend(data)
        self.problem(f"client kept the connection open for {timeout:g} s after the scripted end")
        self.close_now()

    # TLS

    def handshake(self, step: TlsHandshake) -> None:
        if self.buffer:
            self.problem(f"client sent {len(self.buffer)} bytes before the TLS handshake")
            self.buffer.clear()
        names: list[str | None] = []
        context = self.server.tls_context(step.certificate, names)
        self.sock.settimeout(max(0.1, self.server.deadline - time.monotonic()))
        try:
            self.sock = context.wrap_socket(self.sock, server_side=True)
        except (ssl.SSLError, OSError) as error:
            self.server.recorder.add_line(self.number, "S", f"TLS handshake failed: {error}".encode())
            self.close_quietly()
            raise ConnectionEnded
        self.server.recorder.add_line(self.number, "S", f"TLS handshake done, SNI {names[0] if names else None}".encode())
        if step.require_sni and not (names and names[0]):
            self.problem("the ClientHello had no server name indication")

    # Writing and closing

    def send(self, step: Send) -> None:
        for index, piece in enumerate(step.pieces):
            if index and step.pause:
                time.sleep(step.pause)
            data = piece.replace(TAG_PLACEHOLDER, self.tag.encode("latin-1"))
            self.server.recorder.add_line(self.number, "S", data)
            try:
                self.sock.sendall(data)
            except OSError as error:
                # Expected where a client gives up before a late response.
                self.server.recorder.add_line(self.number, "S", f"could not send: {error}".encode())
                return

    def close_now(self) -> None:
        self.close_quietly()
        raise ConnectionEnded

    def close_quietly(self) -> None:
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()

    def problem(self, text: str) -> None:
        self.server.recorder.add_problem(self.number, text)


class Server:
    """The listening socket and the sessions of one scenario run."""

    def __init__(self, scenario_name: str, scenario: Scenario, directory: Path, timeout: float):
        self.scenario_name = scenario_name
        self.scenario = scenario
        self.recorder = Recorder(directory)
        self.certificates = ensure_certificates(directory)
        self.deadline = time.monotonic() + timeout
        self.timeout = timeout
        self.stop_requested = threading.Event()
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.listener.settimeout(0.05)
        self.port = self.listener.getsockname()[1]

    def tls_context(self, certificate: str, server_names: list) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(*self.certificates[certificate])

        def record_name(_socket, name, _context):
            server_names.append(name)

        context.sni_callback = record_name
        return context

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
            if len(sessions) >= scripted and all(session.finished.is_set() for session in sessions):
                reason = f"all {scripted} scripted connections finished"
                break
            try:
                sock, _ = self.listener.accept()
            except socket.timeout:
                continue
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if len(sessions) >= scripted:
                self.recorder.add_problem(None, f"unexpected connection {len(sessions) + 1}: "
                                                f"the scenario has only {scripted}")
                sock.close()
                continue
            session = Session(self, len(sessions) + 1, sock, self.scenario.connections[len(sessions)])
            sessions.append(session)
            threading.Thread(target=session.run, name=f"connection {session.number}", daemon=True).start()

        if len(sessions) < scripted:
            self.recorder.add_problem(None, f"only {len(sessions)} of {scripted} scripted connections arrived")
        for session in sessions:
            if not session.finished.is_set():
                self.recorder.add_problem(session.number, f"connection still open when the server stopped ({reason})")
        for problem in self.recorder.problems:
            print(f"fake IMAP server, scenario {self.scenario_name}: {problem}", file=sys.stderr)
        return 1 if self.recorder.problems else 0


def ensure_certificates(directory: Path) -> dict[str, tuple[Path, Path]]:
    """Create the test CA and server certificates in directory unless they exist; return certificate and key paths."""
    paths = {name: (directory / f"{name}.pem", directory / f"{name}.key") for name in CERTIFICATE_NAMES}
    wanted = [directory / "ca.pem", directory / "ca.key"] + [path for pair in paths.values() for path in pair]
    if all(path.exists() for path in wanted):
        return paths

    with tempfile.TemporaryDirectory(prefix="fake-imap-openssl-") as scratch:
        config = Path(scratch) / "openssl.cnf"
        config.write_text(OPENSSL_CONFIG)
        new_key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        ca_pem, ca_key = directory / "ca.pem", directory / "ca.key"
        run_openssl("req", "-x509", "-new", *new_key, "-config", config, "-extensions", "ca",
                    "-subj", "/CN=mailbridge fake IMAP test CA", "-days", "7", "-keyout", ca_key, "-out", ca_pem)
        run_openssl("req", "-x509", "-new", *new_key, "-config", config, "-extensions", "loopback",
                    "-subj", "/CN=127.0.0.1", "-days", "7",
                    "-keyout", paths["self-signed"][1], "-out", paths["self-signed"][0])
        request = Path(scratch) / "valid.csr"
        run_openssl("req", "-new", *new_key, "-config", config, "-subj", "/CN=localhost",
                    "-keyout", paths["valid"][1], "-out", request)
        run_openssl("x509", "-req", "-in", request, "-CA", ca_pem, "-CAkey", ca_key,
                    "-set_serial", "0x" + secrets.token_hex(8), "-days", "7",
                    "-extfile", config, "-extensions", "loopback", "-out", paths["valid"][0])
    return paths


def run_openssl(*arguments) -> None:
    command = ["openssl", *map(str, arguments)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"openssl failed with status {result.returncode}: {' '.join(command)}\n{result.stderr}")


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Scripted fake IMAP server for the mailbridge tests.")
    parser.add_argument("scenario", nargs="?", help="scenario name (see --list)")
    parser.add_argument("--dir", help="directory for certificates and the session log (created if missing)")
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

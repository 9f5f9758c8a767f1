#!/usr/bin/python3
"""Check the fake IMAP server's scenario definitions, and that the server reports faulty clients.

    /usr/bin/python3 tests/fake_imap/check_scenarios.py

The static checks read every scenario in scenarios.py: a description, step
types that server.py supports, regular expressions that compile, response
lines that start with "*", "+" or the tag, literals whose "{n}" matches
the octets that follow, and a line end after the last line (unless the
connection ends right after, so that a fault may cut data short), "{tag}" only after a matched command, and a last
step that ends the connection. Every scenario must also be driven by a test
in tests/unit/imap_fake_test.cc.

The run checks start server.py and act as a correct client and as faulty
ones, and require that the server exits with status 0 for the correct
client and reports each fault as a problem, because the C++ tests rely on
the server telling right from wrong. Exit status is 0 when every check passed.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

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
    Send,
    Sleep,
    TlsHandshake,
)

HERE = Path(__file__).resolve().parent
SERVER = HERE / "server.py"
TEST_FILE = HERE.parent / "unit" / "imap_fake_test.cc"
NAME = re.compile(r"[a-z][a-z0-9_]*")
LITERAL_AT_LINE_END = re.compile(rb"~?\{([0-9]+)\+?\}$")
ENDING_STEPS = (ExpectClose, Close, TlsHandshake)


def response_problems(data: bytes) -> list[str]:
    """Return what is wrong with the server data of one Send: line starts, literal sizes and line ends."""
    problems = []
    offset = 0
    at_line_start = True
    while offset < len(data):
        end = data.find(CRLF, offset)
        if end < 0:
            problems.append(f"data does not end with CRLF: {data[offset:offset + 40]!r}")
            break
        line = data[offset:end]
        if at_line_start and not (line.startswith((b"* ", b"+")) or line.startswith(TAG_PLACEHOLDER + b" ")):
            problems.append(f"response line does not start with '* ', '+' or '{{tag}} ': {line[:40]!r}")
        offset = end + 2
        literal = LITERAL_AT_LINE_END.search(line)
        if literal:
            size = int(literal.group(1))
            if offset + size > len(data):
                problems.append(f"literal {{{size}}} has only {len(data) - offset} octets after it")
                break
            offset += size
            at_line_start = False
        else:
            at_line_start = True
    return problems


def connection_ends_next(steps: tuple) -> bool:
    """Return whether the server closes, or waits for the client to close, after at most some pauses."""
    for step in steps:
        if isinstance(step, (Close, ExpectClose)):
            return True
        if not isinstance(step, Sleep):
            return False
    return False


def step_problems(steps: tuple, tag_known: bool, location: str) -> tuple[list[str], bool]:
    """Check a list of steps, and return the problems and whether a tag is known after them."""
    problems = []
    for index, step in enumerate(steps):
        where = f"{location} step {index + 1}"
        if isinstance(step, Send):
            data = b"".join(step.pieces)
            if TAG_PLACEHOLDER in data and not tag_known:
                problems.append(f"{where}: {{tag}} before any command was matched")
            data_problems = response_problems(data)
            if connection_ends_next(steps[index + 1:]):
                # A scripted drop or injection may cut a literal or line short on purpose.
                data_problems = [problem for problem in data_problems
                                 if "octets after it" not in problem and "does not end with CRLF" not in problem]
            problems += [f"{where}: {problem}" for problem in data_problems]
            if sum(piece.count(TAG_PLACEHOLDER) for piece in step.pieces) != data.count(TAG_PLACEHOLDER):
                problems.append(f"{where}: a piece boundary splits {{tag}}, so the server cannot replace it")
            if len(step.pieces) > 1 and step.pause <= 0:
                problems.append(f"{where}: several pieces without a pause arrive as one segment")
        elif isinstance(step, (Expect, ExpectLine)):
            try:
                re.compile(step.pattern)
            except re.error as error:
                problems.append(f"{where}: pattern /{step.pattern}/ does not compile: {error}")
            tag_known = tag_known or isinstance(step, Expect)
        elif isinstance(step, Branch):
            if not step.cases:
                problems.append(f"{where}: branch without cases")
            for case_index, (pattern, case_steps) in enumerate(step.cases):
                try:
                    re.compile(pattern)
                except re.error as error:
                    problems.append(f"{where}: pattern /{pattern}/ does not compile: {error}")
                case_problems, _ = step_problems(case_steps, True, f"{where} case {case_index + 1}")
                problems += case_problems
            tag_known = True
        elif isinstance(step, TlsHandshake):
            if step.certificate not in ("valid", "self-signed"):
                problems.append(f"{where}: unknown certificate {step.certificate!r}")
        elif isinstance(step, Sleep):
            if step.seconds <= 0 or step.seconds > 10:
                problems.append(f"{where}: sleep of {step.seconds} s is outside 0 to 10 s")
        elif not isinstance(step, (Close, ExpectClose)):
            problems.append(f"{where}: unknown step type {type(step).__name__}")
    return problems, tag_known


def static_problems() -> list[str]:
    problems = []
    tests = TEST_FILE.read_text(encoding="utf-8")
    for name, scenario in SCENARIOS.items():
        if not NAME.fullmatch(name):
            problems.append(f"{name}: a scenario name is lower case letters, digits and underscores")
        if not scenario.description.strip():
            problems.append(f"{name}: no description")
        if not scenario.connections:
            problems.append(f"{name}: no connections")
        for number, steps in enumerate(scenario.connections, start=1):
            connection_problems, _ = step_problems(steps, False, f"{name} connection {number}")
            problems += connection_problems
            if not steps or not isinstance(steps[-1], ENDING_STEPS):
                problems.append(f"{name} connection {number}: the last step must be expect_close(), close() "
                                "or a TLS handshake that the client rejects")
        if f'"{name}"' not in tests:
            problems.append(f"{name}: no test in {TEST_FILE.name} names this scenario")
    return problems


class ServerRun:
    """One server.py process with its directory."""

    def __init__(self, scenario: str):
        self.directory = Path(tempfile.mkdtemp(prefix=f"fake-imap-check-{scenario}-"))
        self.process = subprocess.Popen(
            ["/usr/bin/python3", str(SERVER), scenario, "--dir", str(self.directory), "--timeout", "15"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        first_line = self.process.stdout.readline()
        if not first_line.strip().isdigit():
            raise AssertionError(f"server printed {first_line!r} instead of a port")
        self.port = int(first_line)

    def connect(self) -> "LineClient":
        return LineClient(socket.create_connection(("127.0.0.1", self.port), timeout=5))

    def finish(self) -> tuple[int, str]:
        status = self.process.wait(20)
        return status, (self.directory / "problems.txt").read_text()

    def cleanup(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.directory, ignore_errors=True)


class LineClient:
    def __init__(self, sock: socket.socket):
        self.sock = sock
        self.buffer = b""

    def send(self, line: str) -> None:
        self.sock.sendall(line.encode("latin-1") + CRLF)

    def read_until_tagged(self, tag: str) -> list[bytes]:
        """Return the response lines up to and including the one that starts with tag."""
        responses = []
        while True:
            while CRLF not in self.buffer:
                data = self.sock.recv(65536)
                if not data:
                    raise AssertionError(f"connection closed before {tag}; got {responses!r}")
                self.buffer += data
            line, self.buffer = self.buffer.split(CRLF, 1)
            responses.append(line)
            if line.startswith(tag.encode() + b" "):
                return responses

    def close(self) -> None:
        self.sock.close()


def correct_client(client: LineClient) -> None:
    client.read_until_tagged("*")
    client.send("a1 SELECT INBOX")
    if not client.read_until_tagged("a1")[-1].startswith(b"a1 OK"):
        raise AssertionError("SELECT INBOX was not accepted")
    client.send("a2 LOGOUT")
    client.read_until_tagged("a2")
    client.close()


def client_with_wrong_command(client: LineClient) -> None:
    client.read_until_tagged("*")
    client.send("a1 EXAMINE INBOX")
    if not client.read_until_tagged("a1")[-1].startswith(b"a1 BAD"):
        raise AssertionError("an unexpected command did not get BAD")
    client.close()


def client_that_stays(client: LineClient) -> None:
    client.read_until_tagged("*")
    client.send("a1 SELECT INBOX")
    client.read_until_tagged("a1")
    client.send("a2 LOGOUT")
    client.read_until_tagged("a2")
    client.sock.settimeout(8)
    client.sock.recv(1)  # returns when the server gives up and closes
    client.close()


# (client, problem text that must be reported, or None for a run without problems)
RUN_CHECKS: list[tuple[Callable[[LineClient], None], str | None]] = [
    (correct_client, None),
    (client_with_wrong_command, "expected a line matching /SELECT INBOX/"),
    (client_that_stays, "kept the connection open"),
]


def run_problems() -> list[str]:
    problems = []
    for client_function, expected in RUN_CHECKS:
        run = ServerRun("greeting_preauth")
        try:
            client_function(run.connect())
            status, reported = run.finish()
            if expected is None and status != 0:
                problems.append(f"{client_function.__name__}: server exited with {status}: {reported.strip()}")
            if expected is not None and (status != 1 or expected not in reported):
                problems.append(f"{client_function.__name__}: expected a problem with {expected!r}, "
                                f"got status {status} and {reported.strip()!r}")
        except (AssertionError, OSError, subprocess.TimeoutExpired) as error:
            problems.append(f"{client_function.__name__}: {type(error).__name__}: {error}")
        finally:
            run.cleanup()
    return problems


def main() -> int:
    problems = static_problems()
    for problem in problems:
        print(f"FAIL  {problem}")
    print(f"{len(SCENARIOS)} scenarios, {len(problems)} definition problems")
    run_failures = run_problems()
    for problem in run_failures:
        print(f"FAIL  {problem}")
    print(f"{len(RUN_CHECKS)} server checks, {len(run_failures)} failed")
    return 1 if problems or run_failures else 0


if __name__ == "__main__":
    sys.exit(main())

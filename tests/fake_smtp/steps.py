"""Step types for the scripted fake SMTP server, and the functions that build them.

A scenario gives each connection a list of steps that server.py runs in order.
Patterns are Python regular expressions matched with re.fullmatch against one
client line without its line end. Lines are decoded as Latin-1, so every byte
maps to one character.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

CRLF = b"\r\n"

# Reply to a command line that does not match the step the script is at.
UNEXPECTED_COMMAND = b"503 5.5.1 fake server: unexpected command for this scenario\r\n"


@dataclass(frozen=True)
class Send:
    """Bytes written to the client, one write per piece with `pause` seconds between pieces."""

    pieces: tuple[bytes, ...]
    pause: float = 0.0


@dataclass(frozen=True)
class Expect:
    """One client command line that must match `pattern`.

    A line that does not match gets `otherwise` as its reply and ends the
    script for this connection. NOOP and RSET lines that the pattern does not
    cover get a 250 reply and are skipped, because a client may send them to
    probe a kept connection.
    """

    pattern: str
    otherwise: bytes = UNEXPECTED_COMMAND


@dataclass(frozen=True)
class Branch:
    """One client command line, followed by the steps of the first case whose pattern matches it."""

    cases: tuple[tuple[str, tuple["Step", ...]], ...]
    otherwise: bytes = UNEXPECTED_COMMAND


@dataclass(frozen=True)
class ExpectData:
    """The message content after a 354 reply, read up to the line "." and stored as received.

    With `reject_bare_line_ends`, a bare CR or LF in the content gets the
    reply `421 4.5.0 Bare linefeed (LF) not allowed` and the server closes the
    connection, as servers hardened against SMTP smuggling may do.
    """

    reject_bare_line_ends: bool = False


@dataclass(frozen=True)
class TlsHandshake:
    """A TLS handshake as the server, with certificate "valid", "self-signed" or "wrong-name".

    A failed handshake ends the connection. It is a scripted outcome, not a
    problem, because certificate scenarios exist to make clients reject them.
    """

    certificate: str


@dataclass(frozen=True)
class Sleep:
    """A pause in seconds during which the server neither reads nor writes."""

    seconds: float


@dataclass(frozen=True)
class Close:
    """The server closes the connection.

    With `watch` > 0 it first shuts down only its sending side and records
    whatever the client still sends for up to `watch` seconds. A line then is
    a problem unless it matches `allowed` (None allows nothing).
    """

    watch: float = 2.0
    allowed: str | None = "QUIT"


@dataclass(frozen=True)
class ExpectClose:
    """The server keeps the connection open until the client closes it.

    Anything the client sends meanwhile is a problem, except a QUIT when
    `allow_quit` is true, which gets a 221 reply. Still open after
    `timeout` seconds is a problem too.
    """

    timeout: float = 3.0
    allow_quit: bool = True


@dataclass(frozen=True)
class Discard:
    """Client bytes read and counted but not recorded, until the client closes or `timeout` seconds pass."""

    timeout: float


Step = Union[Send, Expect, Branch, ExpectData, TlsHandshake, Sleep, Close, ExpectClose, Discard]


@dataclass(frozen=True)
class Scenario:
    """A named server behaviour: the steps for each connection, in the order clients connect.

    `extra_connections` is "reject" (a connection beyond the list gets a 421
    and counts as a problem) or "repeat-last" (it runs the last connection's
    steps again, and the server then runs until it is stopped or times out).
    `receive_buffer` sets SO_RCVBUF in bytes on the listening socket, so that
    a server which stops reading makes the client block sooner.
    """

    description: str
    connections: tuple[tuple[Step, ...], ...]
    extra_connections: str = "reject"
    receive_buffer: int | None = None


def reply(*lines: str) -> Send:
    """Build a Send of the given reply lines, each followed by CRLF, in one write."""
    return Send((b"".join(line.encode("latin-1") + CRLF for line in lines),))


def send_raw(data: bytes) -> Send:
    """Build a Send of exact bytes in one write."""
    return Send((data,))


def send_pieces(*pieces: bytes, pause: float = 0.05) -> Send:
    """Build a Send that writes each piece separately with a pause between them.

    With the pause and TCP_NODELAY (set by the server) each piece arrives in
    its own TCP segment on loopback, though TCP itself does not promise that.
    """
    return Send(tuple(pieces), pause)


def expect(pattern: str, otherwise: bytes = UNEXPECTED_COMMAND) -> Expect:
    return Expect(pattern, otherwise)


def branch(*cases: tuple[str, list], otherwise: bytes = UNEXPECTED_COMMAND) -> Branch:
    return Branch(tuple((pattern, tuple(steps)) for pattern, steps in cases), otherwise)


def expect_data(reject_bare_line_ends: bool = False) -> ExpectData:
    return ExpectData(reject_bare_line_ends)


def tls_handshake(certificate: str) -> TlsHandshake:
    if certificate not in ("valid", "self-signed", "wrong-name"):
        raise ValueError(f"unknown certificate {certificate!r}: use valid, self-signed or wrong-name")
    return TlsHandshake(certificate)


def sleep(seconds: float) -> Sleep:
    return Sleep(seconds)


def close(watch: float = 2.0, allowed: str | None = "QUIT") -> Close:
    return Close(watch, allowed)


def expect_close(timeout: float = 3.0, allow_quit: bool = True) -> ExpectClose:
    return ExpectClose(timeout, allow_quit)


def discard(timeout: float) -> Discard:
    return Discard(timeout)

"""Step types for the scripted fake IMAP server, and the functions that build them.

A scenario gives each connection a list of steps that server.py runs in
order. An Expect step reads one client line and matches its pattern with
re.fullmatch against the line after the tag, without the line end. Lines are
decoded as Latin-1, so every byte maps to one character. The tag of the last
matched line replaces "{tag}" in later Send steps, so scripts do not depend
on the client's tag sequence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Union

CRLF = b"\r\n"

# Reply to a line that does not match the step the script is at.
UNEXPECTED_COMMAND = "{tag} BAD fake server: unexpected command for this scenario"

TAG_PLACEHOLDER = b"{tag}"


@dataclass(frozen=True)
class Send:
    """Bytes written to the client, one write per piece with `pause` seconds between pieces.

    "{tag}" in a piece is replaced by the tag of the last matched client line,
    so no piece boundary may fall inside it.
    """

    pieces: tuple[bytes, ...]
    pause: float = 0.0


@dataclass(frozen=True)
class Expect:
    """One tagged client command line whose text after the tag must match `pattern`.

    A line that does not match gets `otherwise` as its reply, is recorded as
    a problem, and ends the script for this connection.
    """

    pattern: str
    otherwise: str = UNEXPECTED_COMMAND


@dataclass(frozen=True)
class ExpectLine:
    """One client line that is not a command (a SASL response, DONE, literal data), matched whole."""

    pattern: str


@dataclass(frozen=True)
class Branch:
    """One tagged client line, followed by the steps of the first case whose pattern matches the text after the tag."""

    cases: tuple[tuple[str, tuple["Step", ...]], ...]
    otherwise: str = UNEXPECTED_COMMAND


@dataclass(frozen=True)
class TlsHandshake:
    """A TLS handshake as the server, with certificate "valid" or "self-signed".

    A failed handshake ends the connection. It is a scripted outcome, not a
    problem, because certificate scenarios exist to make clients reject it.
    With `require_sni`, a ClientHello without the server name indication is
    a problem.
    """

    certificate: str
    require_sni: bool = False


@dataclass(frozen=True)
class Sleep:
    """A pause in seconds during which the server neither reads nor writes."""

    seconds: float


@dataclass(frozen=True)
class Close:
    """The server closes the connection at once."""


@dataclass(frozen=True)
class ExpectClose:
    """The server keeps the connection open until the client closes it.

    Any line the client sends meanwhile is a problem. Still open after
    `timeout` seconds is a problem too.
    """

    timeout: float = 5.0


Step = Union[Send, Expect, ExpectLine, Branch, TlsHandshake, Sleep, Close, ExpectClose]


@dataclass(frozen=True)
class Scenario:
    """A named server behaviour: the steps for each connection, in the order clients connect."""

    description: str
    connections: tuple[tuple[Step, ...], ...]


def lines(*texts: str | bytes) -> Send:
    """Build a Send of response lines, each followed by CRLF, in one write."""
    encoded = [text if isinstance(text, bytes) else text.encode("latin-1") for text in texts]
    return Send((b"".join(text + CRLF for text in encoded),))


def send_raw(data: bytes) -> Send:
    """Build a Send of exact bytes in one write."""
    return Send((data,))


def send_pieces(*pieces: bytes, pause: float = 0.05) -> Send:
    """Build a Send that writes each piece separately with a pause between them.

    With the pause and TCP_NODELAY (set by the server) each piece arrives in
    its own TCP segment on loopback, though TCP itself does not promise that.
    """
    return Send(tuple(pieces), pause)


def literal(data: str | bytes) -> bytes:
    """Return data as an IMAP literal: "{n}", CRLF and the n octets."""
    octets = data if isinstance(data, bytes) else data.encode("utf-8")
    return b"{" + str(len(octets)).encode() + b"}" + CRLF + octets


def expect(pattern: str, otherwise: str = UNEXPECTED_COMMAND) -> Expect:
    re.compile(pattern)
    return Expect(pattern, otherwise)


def expect_line(pattern: str) -> ExpectLine:
    re.compile(pattern)
    return ExpectLine(pattern)


def branch(*cases: tuple[str, list], otherwise: str = UNEXPECTED_COMMAND) -> Branch:
    return Branch(tuple((pattern, tuple(steps)) for pattern, steps in cases), otherwise)


def tls_handshake(certificate: str, require_sni: bool = False) -> TlsHandshake:
    if certificate not in ("valid", "self-signed"):
        raise ValueError(f"unknown certificate {certificate!r}: use valid or self-signed")
    return TlsHandshake(certificate, require_sni)


def sleep(seconds: float) -> Sleep:
    return Sleep(seconds)


def close() -> Close:
    return Close()


def expect_close(timeout: float = 5.0) -> ExpectClose:
    return ExpectClose(timeout)

"""Errors raised by the library.

Every error the library raises on purpose derives from `EvidenceError`::

    EvidenceError
    ├── InvalidValue        a value breaks an invariant of a record (also a ValueError)
    ├── LoadError           one or more problems in record files; `.problems` lists them
    ├── ResolutionError     a reference names no record, or a record of the wrong kind
    ├── UsageError          a command or function was asked something it cannot do
    └── QuoteNotFound       a passage is not in a stored text; `.closest` holds what is nearest

A `Problem` is one located complaint about a file: file, line and column (1-based, when
known), the JSON path inside the document, the message, and the code of the checker's rule it
breaks, given where the problem is found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

# What a message must never print as it is, however it quotes a value: control characters (but
# tab and line feed), C1 controls (U+009B starts a terminal escape), the line and paragraph
# separators, byte-order marks, lone surrogates (no UTF-8 stream can write them) and the
# bidirectional controls that reorder what follows. The same set record text may not hold.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def printable(message: str) -> str:
    """The message with each such character written as its escape (`\\x1b`, `\\u202e`)."""
    if message.isprintable():  # the quick road: nearly every message
        return message
    return _UNPRINTABLE.sub(lambda m: ascii(m.group())[1:-1], message)


class EvidenceError(Exception):
    """Root of every error the library raises on purpose."""


class InvalidValue(EvidenceError, ValueError):
    """A value breaks an invariant of a record or value object."""

    def __init__(self, message: str, *, field: str | None = None, code: str = "S007") -> None:
        message = printable(message)
        super().__init__(message)
        self.message = message
        self.field = field
        self.code = code  # the checker's rule code for this kind of problem (docs/rules.md)


@attrs.frozen(kw_only=True)
class Problem:
    """One located problem in a record file."""

    file: str | None
    line: int | None
    column: int | None
    path: str = attrs.field(converter=printable)  # a key of the file may be in it
    message: str = attrs.field(converter=printable)
    code: str

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            where = self.file
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        path = f"{self.path}: " if self.path else ""
        return f"{where}{path}{self.message}"


class LoadError(EvidenceError):
    """Record files could not be read; `problems` holds every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class ResolutionError(EvidenceError, LookupError):
    """A reference names no record, or names a record of another kind."""


class UsageError(EvidenceError):
    """A command or function was asked something it cannot do."""


class QuoteNotFound(EvidenceError, LookupError):
    """A passage is not in a record's stored text; `closest` holds the passages of the text most
    like it, each with how alike (0 to 1), the closest first."""

    def __init__(self, message: str, closest: Iterable[tuple[str, float]] = ()) -> None:
        super().__init__(message)
        self.closest = tuple(closest)

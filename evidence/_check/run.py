"""One pass of the rules: the records checked, the look-up for every other record, and what the
rule families gather (findings, quotes to find, texts read)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple, TypeVar

from evidence._check.lookup import Lookup
from evidence._check.report import Pending
from evidence._io import Origin
from evidence._model import Quote, Record

R = TypeVar("R", bound=Record)


class QuoteJob(NamedTuple):
    """A quote to find in its target's text, with where to report it."""

    owner: str
    origin: Origin | None
    path: tuple[str | int, ...]
    target: str
    quote: Quote


class Run:
    """One pass of the rules over `checked`, asking `lookup` about everything else."""

    def __init__(self, lookup: Lookup, checked: Iterable[Record], root: Path | None) -> None:
        self.lookup = lookup
        self.checked = tuple(checked)
        self.root = root
        self.pending: list[Pending] = []
        self.jobs: list[QuoteJob] = []
        self.texts: dict[str, str | None] = {}  # stored texts read while checking integrity
        # Texts of quoted messages the look-up does not hold (a streamed check gathers them).
        self.message_texts: dict[str, str | None] = {}
        self._by_kind: dict[type[Record], list[Record]] | None = None

    def of_kind(self, kind: type[R]) -> list[R]:
        if self._by_kind is None:  # grouped once for all the rules
            self._by_kind = {}
            for record in self.checked:
                self._by_kind.setdefault(type(record), []).append(record)
        return self._by_kind.get(kind, [])  # type: ignore[return-value]

    def get(self, id: str | None, kind: type[R]) -> R | None:
        """The record `id` names when the look-up holds it whole and it is of `kind`."""
        found = self.lookup.get(id) if id is not None else None
        return found if isinstance(found, kind) else None

    def add(
        self, code: str, record: Record, message: str, path: tuple[str | int, ...] = (), hint: str | None = None
    ) -> None:
        self.pending.append((code, message, hint, record.id, self.lookup.origin(record.id), path))

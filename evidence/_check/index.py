"""The compact index of a streamed check: what pass one learns from each shard, merged into the
look-up the rules ask in pass two.

Each id is kept with its kind and confidence; the few records other rules look inside are kept
whole (courts, cases, actors, filings, exhibits, sources), and which messages are quoted. The
messages and claims, the bulk of a large set, are held whole only for the batch at hand.
"""

from __future__ import annotations

import array
import copy
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from evidence._errors import LoadError, Problem
from evidence._io import Origin, collector_paused, read_batches, read_file, undecodable
from evidence._limits import limits
from evidence._model import (
    RECORD_KINDS,
    Actor,
    Case,
    Claim,
    Confidence,
    Court,
    Decision,
    Exhibit,
    Filing,
    Message,
    Record,
    Source,
    rests_on,
)

_WHOLE = (Court, Case, Actor, Filing, Exhibit, Decision, Source)
_KIND_CODE = {cls: code for code, cls in enumerate(RECORD_KINDS)}
_CONFIDENCES = (Confidence.UNVERIFIED, Confidence.LIKELY, Confidence.CONFIRMED)


class ShardOrigins:
    """The origins of a shard's records, compactly: JSON Lines records differ only by line."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.lines = array.array("q")
        self.others: dict[int, Origin] = {}  # records of YAML and JSON files

    def append(self, origin: Origin) -> None:
        if origin.path == () and origin.column == 1 and origin.file == self.file and origin.line is not None:
            self.lines.append(origin.line)
        else:
            self.others[len(self.lines)] = origin
            self.lines.append(-1)

    def __iter__(self) -> Iterator[Origin]:
        for index, line in enumerate(self.lines):
            yield self.others[index] if line < 0 else Origin(self.file, (), line, 1)


class ShardIndex(NamedTuple):
    """What pass one learns from a shard, in a form that travels cheaply between processes."""

    problems: list[Problem]
    ids: list[str]
    codes: bytes  # kind * 3 + confidence rank, per id
    origins: ShardOrigins  # of every record (used only to report ids used twice)
    whole: list[tuple[Record, Origin]]  # records of the kinds the rules look inside
    quoted: set[str]  # ids that quotes point at
    # What the records not kept whole rest on (R004 looks at the whole set), with their origins.
    rests: list[tuple[str, list[tuple[tuple[str | int, ...], str]], Origin]]


def scan_shard(path: str, display: str) -> ShardIndex:
    """Pass one over a shard."""
    problems: list[Problem] = []
    ids: list[str] = []
    codes = array.array("B")
    origins = ShardOrigins(display)
    whole: list[tuple[Record, Origin]] = []
    quoted: set[str] = set()
    rests: list[tuple[str, list[tuple[tuple[str | int, ...], str]], Origin]] = []
    with collector_paused():
        for records, batch_origins in read_batches(Path(path), display, problems):
            for record, origin in zip(records, batch_origins, strict=True):
                ids.append(record.id)
                codes.append(_KIND_CODE[type(record)] * 3 + record.confidence.rank)
                origins.append(origin)
                if isinstance(record, _WHOLE):
                    whole.append((record, origin))
                elif found := rests_on(record):
                    rests.append((record.id, found, origin))
                if isinstance(record, Message):
                    quoted.update(a.source for a in record.attestations)
                elif isinstance(record, Claim):
                    quoted.update(link.record for link in record.evidence if link.quote is not None)
    if any(undecodable(p) for p in problems) and Path(path).stat().st_size <= limits.max_file_bytes:
        # Loading stops at the first invalid byte, where batches go on: a shard small enough to
        # load is read whole once more, so its problems are exactly those loading it reports.
        # Only then: other problems the batches report as loading does, and reading a broken
        # 200 MB shard whole again held every record of it at once.
        try:
            read_file(Path(path), display)
        except LoadError as error:
            problems = list(error.problems)
    return ShardIndex(problems, ids, codes.tobytes(), origins, whole, quoted, rests)


class Index:
    """The merged index of every shard, as the `Lookup` the rules ask; `holding` adds the
    records of the batch at hand."""

    def __init__(self, shards: Sequence[ShardIndex]) -> None:
        self.codes: dict[str, int] = {}
        self.whole: dict[str, Record] = {}
        self.origins: dict[str, Origin] = {}
        self.rests: dict[str, list[tuple[tuple[str | int, ...], str]]] = {}
        self._ids_of: dict[type[Record], list[str]] = {}
        for shard in shards:
            self.codes.update(zip(shard.ids, shard.codes, strict=True))
            for record, origin in shard.whole:
                self.whole[record.id] = record
                self.origins[record.id] = origin
            for id, found, origin in shard.rests:
                self.rests[id] = found
                self.origins[id] = origin
        message = _KIND_CODE[Message]
        self.quoted_messages = {id for shard in shards for id in shard.quoted if self.codes.get(id, -3) // 3 == message}
        self.batch: dict[str, Record] = {}
        self.batch_origins: dict[str, Origin] = {}

    def holding(self, records: list[Record], origins: list[Origin]) -> Index:
        """The index with a batch's records held whole too (a view: the tables are shared, and
        the index itself is left as it is for other batches, in other threads too)."""
        view = copy.copy(self)
        view.batch = {record.id: record for record in records}
        view.batch_origins = {record.id: origin for record, origin in zip(records, origins, strict=True)}
        return view

    def get(self, id: str) -> Record | None:
        return self.batch.get(id) or self.whole.get(id)

    def kind_of(self, id: str) -> type[Record] | None:
        code = self.codes.get(id)
        return RECORD_KINDS[code // 3] if code is not None else None

    def confidence_of(self, id: str) -> Confidence:
        return _CONFIDENCES[self.codes[id] % 3]

    def ids_of(self, kind: type[Record]) -> list[str]:
        if kind not in self._ids_of:  # only for a hint, after a dangling reference
            code = _KIND_CODE[kind]
            self._ids_of[kind] = [id for id, c in self.codes.items() if c // 3 == code]
        return self._ids_of[kind]

    def origin(self, id: str) -> Origin | None:
        return self.batch_origins.get(id) or self.origins.get(id)

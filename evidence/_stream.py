"""Checking record sets too large to hold: records streamed in batches, twice, over shards.

Pass one reads every record file (a shard) in batches of lines and keeps a compact index: each
id with its kind and confidence, the few records other rules look inside whole (courts, cases,
actors, filings, exhibits, sources), and which messages are quoted. Pass two reads the shards
again and runs the per-record rules of `_check` against that index. Quotes are checked last,
grouped by the text they quote, so each text is read once. Shards go through either pass one by
one, in worker processes, or on a Dask cluster; the findings are the same, and the same as
`check` on the loaded set gives.
"""

from __future__ import annotations

import array
import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, NamedTuple

from evidence._check import (
    RECORD_RULES,
    Pending,
    QuoteJob,
    Report,
    _Run,
    check_quotes,
    exhibit_numbers,
    problem_findings,
    report,
    target_text,
)
from evidence._errors import LoadError, Problem, UsageError
from evidence._io import Format, Origin, collector_paused, read_batches, read_file
from evidence._limits import limits
from evidence._model import (
    RECORD_KINDS,
    Actor,
    Case,
    Claim,
    Confidence,
    Court,
    Exhibit,
    Filing,
    Message,
    Record,
    Source,
)
from evidence._recordset import duplicate_problem, record_files

STREAM_ABOVE = 64 * 2**20  # bytes of JSON Lines from which `check` streams by default

# Kinds the rules look inside when another record names them; messages and claims, the bulk
# of a large set, are indexed by kind and confidence only.
_WHOLE = (Court, Case, Actor, Filing, Exhibit, Source)
_KIND_CODE = {cls: code for code, cls in enumerate(RECORD_KINDS)}
_CONFIDENCES = (Confidence.UNVERIFIED, Confidence.LIKELY, Confidence.CONFIRMED)


def streams_by_default(path: str | os.PathLike[str]) -> bool:
    """True when the JSON Lines files at `path` hold more than `STREAM_ABOVE` bytes."""
    root = Path(path)
    files = record_files(root) if root.is_dir() else [root] if root.is_file() else []
    return sum(f.stat().st_size for f in files if Format.of(f) is Format.JSONL) > STREAM_ABOVE


# -- pass one: the index ----------------------------------------------------------------------


class _Origins:
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
    origins: _Origins  # of every record (used only to report ids used twice)
    whole: list[tuple[Record, Origin]]  # records of the kinds the rules look inside
    quoted: set[str]  # ids that quotes point at


def scan_shard(path: str, display: str) -> ShardIndex:
    """Pass one over a shard."""
    problems: list[Problem] = []
    ids: list[str] = []
    codes = array.array("B")
    origins = _Origins(display)
    whole: list[tuple[Record, Origin]] = []
    quoted: set[str] = set()
    with collector_paused():
        for records, batch_origins in read_batches(Path(path), display, problems):
            for record, origin in zip(records, batch_origins, strict=True):
                ids.append(record.id)
                codes.append(_KIND_CODE[type(record)] * 3 + record.confidence.rank)
                origins.append(origin)
                if isinstance(record, _WHOLE):
                    whole.append((record, origin))
                elif isinstance(record, Message):
                    quoted.update(a.source for a in record.attestations)
                elif isinstance(record, Claim):
                    quoted.update(link.record for link in record.evidence if link.quote is not None)
    if problems and Path(path).stat().st_size <= limits.max_file_bytes:
        # A broken shard small enough to load is read whole once more, so its problems are
        # exactly those loading it reports (loading stops at the first invalid byte, say).
        try:
            read_file(Path(path), display)
        except LoadError as error:
            problems = list(error.problems)
    return ShardIndex(problems, ids, codes.tobytes(), origins, whole, quoted)


class Index:
    """The merged index of every shard: what the rules may ask about any record."""

    def __init__(self, shards: Sequence[ShardIndex]) -> None:
        self.codes: dict[str, int] = {}
        self.whole: dict[str, Record] = {}
        self.origins: dict[str, Origin] = {}
        self.quoted_messages: set[str] = set()
        self._ids_of: dict[type[Record], list[str]] = {}
        for shard in shards:
            self.codes.update(zip(shard.ids, shard.codes, strict=True))
            for record, origin in shard.whole:
                self.whole[record.id] = record
                self.origins[record.id] = origin
        message = _KIND_CODE[Message]
        self.quoted_messages = {id for shard in shards for id in shard.quoted if self.codes.get(id, -3) // 3 == message}

    # The `Lookup` of `_check`, from the index.
    def get(self, id: str) -> Record | None:
        return self.whole.get(id)

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
        return self.origins.get(id)


def _duplicates(shards: Sequence[ShardIndex]) -> list[Problem]:
    """Ids used twice, reported as loading a record set reports them (first one wins)."""
    total = sum(len(shard.ids) for shard in shards)
    seen: set[str] = set()
    if len({id for shard in shards for id in shard.ids}) == total:
        return []
    first: dict[str, Origin] = {}
    problems = []
    for shard in shards:
        for id, origin in zip(shard.ids, shard.origins, strict=True):
            if id in seen:
                problems.append(duplicate_problem(id, origin, first[id]))
            else:
                seen.add(id)
                first[id] = origin
    return problems


# -- pass two: the rules ----------------------------------------------------------------------


class _BatchLookup:
    """The index, with the records of the batch at hand held whole."""

    def __init__(self, index: Index, records: list[Record], origins: list[Origin]) -> None:
        self.index = index
        self.batch = {record.id: record for record in records}
        self.batch_origins = {record.id: origin for record, origin in zip(records, origins, strict=True)}

    def get(self, id: str) -> Record | None:
        return self.batch.get(id) or self.index.get(id)

    def kind_of(self, id: str) -> type[Record] | None:
        return self.index.kind_of(id)

    def confidence_of(self, id: str) -> Confidence:
        return self.index.confidence_of(id)

    def ids_of(self, kind: type[Record]) -> list[str]:
        return self.index.ids_of(kind)

    def origin(self, id: str) -> Origin | None:
        return self.batch_origins.get(id) or self.index.origin(id)


class ShardFindings(NamedTuple):
    pending: list[Pending]
    jobs: list[QuoteJob]
    texts: dict[str, str | None]  # texts of quoted messages
    records: int


def check_shard(path: str, display: str, index: Index, root: str) -> ShardFindings:
    """Pass two over a shard: every per-record rule, quotes collected for the end."""
    pending: list[Pending] = []
    jobs: list[QuoteJob] = []
    texts: dict[str, str | None] = {}
    count = 0
    problems: list[Problem] = []  # pass one has seen them all
    with collector_paused():
        for records, origins in read_batches(Path(path), display, problems):
            run = _Run(_BatchLookup(index, records, origins), records, Path(root))
            for rule in RECORD_RULES:
                rule(run)
            pending += run.pending
            jobs += run.jobs
            count += len(records)
            for record in records:
                if isinstance(record, Message) and record.id in index.quoted_messages:
                    texts[record.id] = record.text
    return ShardFindings(pending, jobs, texts, count)


# -- running the passes -----------------------------------------------------------------------

_WORKER_INDEX: Index | None = None


def _remember_index(index: Index) -> None:
    global _WORKER_INDEX
    _WORKER_INDEX = index


def _check_with_worker_index(path: str, display: str, root: str) -> ShardFindings:
    assert _WORKER_INDEX is not None
    return check_shard(path, display, _WORKER_INDEX, root)


def check_stream(
    path: str | os.PathLike[str],
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    jobs: int = 1,
    dask_client: Any = None,
) -> Report:
    """Check the record files at `path` as a stream, in `jobs` processes or on a Dask cluster."""
    root = Path(path)
    if not root.exists():
        raise UsageError(f"no such file or folder: {root}")
    files = record_files(root) if root.is_dir() else [root]
    folder = root if root.is_dir() else root.parent
    if root.is_dir() and not files:
        message = "no record files (.yaml, .yml, .json, .jsonl) in this folder"
        problem = Problem(code="S001", file=str(root), line=None, column=None, path="", message=message)
        return Report(findings=tuple(problem_findings([problem])))
    shards = [(str(file), str(file)) for file in files]
    if dask_client is not None:
        return _on_dask(dask_client, shards, folder, select, ignore)
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            indexes = list(pool.map(scan_shard, *zip(*shards, strict=True)))
        index, failed = _merge(indexes)
        if failed is not None:
            return failed
        with ProcessPoolExecutor(max_workers=jobs, initializer=_remember_index, initargs=(index,)) as pool:
            results = list(pool.map(_check_with_worker_index, *zip(*shards, strict=True), [str(folder)] * len(shards)))
        return _finish(index, results, folder, select, ignore)
    indexes = [scan_shard(*shard) for shard in shards]
    index, failed = _merge(indexes)
    if failed is not None:
        return failed
    results = [check_shard(file, display, index, str(folder)) for file, display in shards]
    return _finish(index, results, folder, select, ignore)


def _on_dask(client: Any, shards: list[tuple[str, str]], folder: Path, select: Any, ignore: Any) -> Report:
    import dask.bag
    from dask.delayed import delayed

    bag = dask.bag.from_sequence(shards, npartitions=len(shards))  # type: ignore[no-untyped-call]
    indexes = bag.map(lambda shard: scan_shard(shard[0], shard[1])).compute(scheduler=client.get)
    index, failed = _merge(indexes)
    if failed is not None:
        return failed
    shared = delayed(index, traverse=False)  # one copy of the index in the graph
    results = bag.map(lambda shard, index: check_shard(shard[0], shard[1], index, str(folder)), index=shared).compute(
        scheduler=client.get
    )
    return _finish(index, results, folder, select, ignore)


def _merge(indexes: Sequence[ShardIndex]) -> tuple[Index, Report | None]:
    problems = [problem for shard in indexes for problem in shard.problems]
    if not problems:
        problems = _duplicates(indexes)
    index = Index(indexes)
    if problems:  # as with a loaded set: a set that does not load is not checked further
        return index, Report(findings=tuple(problem_findings(problems)))
    return index, None


def _finish(index: Index, results: Sequence[ShardFindings], folder: Path, select: Any, ignore: Any) -> Report:
    pending = [p for result in results for p in result.pending]
    texts = {id: text for result in results for id, text in result.texts.items()}
    # Exhibit numbering looks at all exhibits at once, which the index holds whole.
    exhibits = [record for record in index.whole.values() if isinstance(record, Exhibit)]
    run = _Run(index, exhibits, folder)
    exhibit_numbers(run)
    pending += run.pending
    reader = _Run(index, (), folder)

    def text_of(target_id: str) -> tuple[str | None, bool] | None:
        if target_id in texts:
            return texts[target_id], False
        target = index.get(target_id)
        if target is None:  # no such record, or a claim: no text
            return None if index.kind_of(target_id) is None else (None, False)
        return target_text(reader, target)

    jobs = [job for result in results for job in result.jobs]
    pending += check_quotes(jobs, text_of)
    return report(pending, select=select, ignore=ignore, records=sum(result.records for result in results))

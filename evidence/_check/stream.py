"""The check of record sets too large to hold: records streamed in batches, twice, over shards.

Pass one reads every record file (a shard) in batches of lines and keeps a compact index (see
`index`). Pass two reads the shards again and runs the per-record rules against that index.
Quotes are checked last, grouped by the text they quote, so each text is read once. Shards go
through either pass one by one, in worker processes, or on a Dask cluster; the findings are the
same, and the same as the check of the loaded set gives.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from evidence._check.index import Index, ShardIndex, scan_shard
from evidence._check.legal import exhibit_numbers
from evidence._check.quotes import find_quotes
from evidence._check.references import reference_cycles, rests_on_graph
from evidence._check.report import Pending, Report, load_failed, make_report
from evidence._check.rules import RECORD_RULES
from evidence._check.run import QuoteJob, Run
from evidence._errors import Problem, UsageError
from evidence._io import RECORD_SUFFIXES, Format, collector_paused, read_batches, walk_record_files
from evidence._limits import cores
from evidence._model import Exhibit, Message
from evidence._recordset import duplicate_problems

STREAM_ABOVE = 64 * 2**20  # bytes of JSON Lines from which `check` streams by default


def streams_by_default(path: str | os.PathLike[str]) -> bool:
    """True when the JSON Lines files at `path` hold more than `STREAM_ABOVE` bytes."""
    root = Path(path)
    files = walk_record_files(root)[0] if root.is_dir() else [root] if root.is_file() else []
    return sum(_size(f) for f in files if Format.of(f) is Format.JSONL) > STREAM_ABOVE


def _size(file: Path) -> int:
    try:
        return file.stat().st_size
    except OSError:  # a dangling link: reading it reports it
        return 0


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
            run = Run(index.holding(records, origins), records, Path(root))
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
    files, problems = walk_record_files(root) if root.is_dir() else ([root], [])
    if problems:  # a folder that cannot be listed, a link leading out: as loading reports them
        return load_failed(problems)
    folder = root if root.is_dir() else root.parent
    if root.is_dir() and not files:
        message = f"no record files ({', '.join(RECORD_SUFFIXES)}) in this folder"  # as loading says
        return load_failed([Problem(code="S001", file=str(root), line=None, column=None, path="", message=message)])
    shards = [(str(file), str(file)) for file in files]
    if dask_client is not None:
        return _on_dask(dask_client, shards, folder, select, ignore)
    # No more processes than shards to give them, or cores to run them: more would only wait
    # (and a process limit could refuse them).
    jobs = min(jobs, len(shards), cores())
    if jobs > 1:
        # Imported here: multiprocessing costs a tenth of `import evidence`, and most checks run in one.
        from concurrent.futures import ProcessPoolExecutor

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
    if not problems and len({id for shard in indexes for id in shard.ids}) != sum(len(s.ids) for s in indexes):
        ids = itertools.chain.from_iterable(shard.ids for shard in indexes)
        problems = duplicate_problems(ids, itertools.chain.from_iterable(shard.origins for shard in indexes))
    index = Index(indexes)
    if problems:  # as with a loaded set: a set that does not load is not checked further
        return index, load_failed(problems)
    return index, None


def _finish(index: Index, results: Sequence[ShardFindings], folder: Path, select: Any, ignore: Any) -> Report:
    # Exhibit numbering looks at all exhibits at once, which the index holds whole.
    run = Run(index, [record for record in index.whole.values() if isinstance(record, Exhibit)], folder)
    exhibit_numbers(run)
    reference_cycles(run, {**rests_on_graph(index.whole.values()), **index.rests})
    run.jobs = [job for result in results for job in result.jobs]
    run.message_texts = {id: text for result in results for id, text in result.texts.items()}
    find_quotes(run)
    pending = [p for result in results for p in result.pending] + run.pending
    return make_report(pending, select=select, ignore=ignore, records=sum(result.records for result in results))


def connect_dask(address: str) -> Any:
    """A client of the Dask scheduler at `address` (`local`: a cluster of this machine's cores);
    UsageError when the extra is missing or the scheduler cannot be reached."""
    try:
        from distributed import Client
    except ImportError:
        raise UsageError("--dask needs the dask extra: pip install 'evidence[dask]'") from None
    try:
        if address == "local":  # a cluster of this machine's cores, for trying it out
            return Client(processes=True, dashboard_address=None)  # type: ignore[no-untyped-call]
        return Client(address, timeout=10)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as error:
        raise UsageError(f"cannot reach the Dask scheduler at {address}: {error}") from None
    except (ValueError, TypeError) as error:  # not an address at all: 'not an address'
        raise UsageError(
            f"--dask takes a scheduler address (tcp://host:8786) or 'local'; {address!r} is none: {error}"
        ) from None

"""The checker: every rule of the design's families run over a record set, findings as data.

`report` says what a check reports (rules, findings, the report); `text` how quotes are matched;
one module per rule family (`references`, `integrity`, `quotes`, `time`, `legal`, `cites`,
`style`) over the shared state of a pass (`run`), asking one look-up protocol (`lookup`) about
other records.
Two drivers run them: `memory`, over a record set held in memory, and `stream`, over shards read
twice against a compact index (`index`), in one process, in several, or on Dask. Neither driver
imports the other; `check` chooses between them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any

from evidence._check.anchor import Anchored, StoredCopy, anchor, find_quote, quote_span, record_text, stored_copy
from evidence._check.memory import check_records
from evidence._check.report import REPORT_VERSION, RULES, Finding, Report, Rule, Severity
from evidence._check.stream import check_stream, connect_dask, streams_by_default
from evidence._check.text import alike, index_to_utf16, normalize, normalized_with_map, utf16_to_index
from evidence._errors import UsageError
from evidence._recordset import RecordSet


def check(
    records: RecordSet | str | os.PathLike[str],
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    jobs: int = 1,
    stream: bool | None = None,
    dask_client: Any = None,
) -> Report:
    """Run every rule over a record set (or the record files at a path) and report findings.

    A path that cannot be loaded gives its load problems as schema findings (S…), and the other
    rules wait until the files load. A path is checked as a stream (records read twice, never
    all held at once; see docs/performance.md) when `stream` is true, when `jobs` asks for more
    than one process, on a Dask cluster (`dask_client`, a `distributed.Client`), or, with
    `stream=None`, when its JSON Lines files hold more than 64 MiB. The findings are the same.
    """
    if jobs < 1:
        raise UsageError(f"jobs is a number of processes, 1 or more; found {jobs}")
    select, ignore = _codes(select, "select"), _codes(ignore, "ignore")
    if not isinstance(records, RecordSet) and (
        stream or jobs > 1 or dask_client is not None or (stream is None and streams_by_default(records))
    ):
        return check_stream(records, select=select, ignore=ignore, jobs=jobs, dask_client=dask_client)
    return check_records(records, select=select, ignore=ignore, progress=progress)


def _codes(codes: Iterable[str] | None, name: str) -> tuple[str, ...] | None:
    """Rule codes or their prefixes ("Q" for every quote rule); one that names no rule is a
    mistake, not a selection of nothing."""
    if codes is None:
        return None
    given = (codes,) if isinstance(codes, str) else tuple(codes)
    for code in given:
        if not isinstance(code, str) or not any(rule.startswith(code) for rule in RULES):
            known = ", ".join(sorted({rule[0] for rule in RULES}))
            raise UsageError(f"{name}: {code!r} is no rule's code or prefix (families {known}; see docs/rules.md)")
    return given


__all__ = [
    "REPORT_VERSION",
    "RULES",
    "Anchored",
    "Finding",
    "Report",
    "Rule",
    "Severity",
    "StoredCopy",
    "alike",
    "anchor",
    "check",
    "connect_dask",
    "find_quote",
    "index_to_utf16",
    "normalize",
    "normalized_with_map",
    "quote_span",
    "record_text",
    "stored_copy",
    "utf16_to_index",
]

"""The check of a record set held in memory (loaded from a path first, when given one)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from evidence._check.legal import exhibit_numbers
from evidence._check.lookup import SetLookup
from evidence._check.quotes import find_quotes
from evidence._check.references import reference_cycles, rests_on_graph
from evidence._check.report import Report, load_failed, make_report
from evidence._check.rules import RECORD_RULES
from evidence._check.run import Run
from evidence._errors import LoadError
from evidence._io import collector_paused
from evidence._recordset import RecordSet, load


def check_records(
    records: RecordSet | str | os.PathLike[str],
    *,
    select: Iterable[str] | None,
    ignore: Iterable[str] | None,
    progress: Callable[[int, int], None] | None,
) -> Report:
    root: Path | None = None
    if not isinstance(records, RecordSet):
        root = Path(records)
        root = root if root.is_dir() else root.parent
        try:
            records = load(records)
        except LoadError as error:
            return load_failed(error.problems)
    run = Run(SetLookup(records), records, root)
    whole_set = records

    def cycles(run: Run) -> None:  # R004 looks at the whole set at once, as L003 does
        reference_cycles(run, rests_on_graph(whole_set))

    families = (*RECORD_RULES, exhibit_numbers, cycles, find_quotes)
    with collector_paused():  # the rules make many small objects and no cycles
        for done, family in enumerate(families, start=1):
            family(run)
            if progress is not None:
                progress(done, len(families))
    return make_report(run.pending, select=select, ignore=ignore, records=len(records))

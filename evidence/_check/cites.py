"""Case-law cites (L009, L010): a decision's reporter or database cite names a reporter that
reporters-db knows, in an edition that was published at the decision's date."""

from __future__ import annotations

import difflib
import functools

from evidence._check.run import Run
from evidence._model import DateValue, Decision, Record, known_abbreviations, parse_cite, reporter_series


def cites(run: Run) -> None:
    for decision in run.of_kind(Decision):
        for n, text in enumerate(decision.cites):
            check_cite(run, decision, text, decision.date, ("cites", n))


def check_cite(run: Run, record: Record, text: str | None, date: DateValue | None, path: tuple[str | int, ...]) -> None:
    """The cite `text` of a decision of `date`, reported on `record` at `path`. A text that is not
    a reporter or database cite (a slip opinion, a docket number) is not this rule's to judge, and
    an undated decision's edition cannot be judged (its reporter still can)."""
    cite = parse_cite(text) if text is not None else None
    if cite is None:
        return
    if not cite.editions:
        close = _closest(cite.reporter)
        hint = f"did you mean {close!r}?" if close else "a reporter reporters-db does not list yet may stay"
        run.add("L010", record, f"{cite.reporter!r} in {text!r} is not a reporter reporters-db knows", path, hint)
        return
    if date is None or any(edition.covers(date) for edition in cite.editions):
        return
    editions = " or ".join(f"{e.abbreviation} ({e.name}, {e.period()})" for e in cite.editions)
    fitting = sorted({e.abbreviation for edition in cite.editions for e in reporter_series(edition) if e.covers(date)})
    hint = f"a decision of {date} is in {' or '.join(fitting)}" if fitting else "check the cite and the date"
    run.add("L009", record, f"{text!r} cites {editions}, not published at the decision's date {date}", path, hint)


@functools.lru_cache(maxsize=256)
def _closest(reporter: str) -> str | None:
    """The abbreviation reporters-db has nearest to an unknown one; a large set repeats its typos."""
    close = difflib.get_close_matches(reporter, known_abbreviations(), n=1)
    return close[0] if close else None

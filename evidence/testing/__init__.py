"""Helpers for the tests of code that uses `evidence`: small valid records, a record set written
to a folder, and the check as an assertion.

    from evidence import testing

    def test_my_report(tmp_path):
        folder = testing.write_record_set(tmp_path / "records")
        testing.assert_check_passes(folder)

Nothing here needs more than `evidence` itself. The hypothesis strategies, one per record kind
and value object, are in `evidence.testing.strategies`, which needs hypothesis
(`pip install 'evidence[testing]'`). The pytest plugin that checks record sets as tests
(docs/ci.md) is built on `assert_check_passes`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

import attrs

from evidence import (
    Actor,
    ActorKind,
    Case,
    Claim,
    ClaimStatus,
    Confidence,
    Court,
    Decision,
    EvidenceLink,
    Exhibit,
    Filing,
    Message,
    Provision,
    ProvisionKind,
    Record,
    RecordSet,
    Report,
    Severity,
    Source,
    SourceKind,
    UsageError,
    check,
    dump,
)

__all__ = ["CheckFailed", "assert_check_passes", "record", "record_set", "write_record_set"]

R = TypeVar("R", bound=Record)

# The required fields of each kind, filled so that the references between them resolve: the
# records of `record_set()` point at one another by these ids.
_REQUIRED: dict[type[Record], dict[str, Any]] = {
    Court: {"id": "court"},
    Case: {"id": "case", "name": "Doe v. Roe", "court": "court"},
    Actor: {"id": "actor", "name": "Jane Doe", "kind": ActorKind.PERSON},
    Filing: {"id": "filing", "case": "case"},
    Exhibit: {"id": "exhibit", "filing": "filing"},
    Decision: {"id": "decision", "case": "case"},
    Message: {"id": "message"},
    Source: {"id": "source", "kind": SourceKind.NEWS_ARTICLE},
    Provision: {"id": "provision", "kind": ProvisionKind.STATUTE, "code": "U.S.C."},
    Claim: {"id": "claim", "statement": "Jane Doe sent the message.", "status": ClaimStatus.REPORTED},
}

# What the records of `record_set()` hold beyond the required fields, so that every rule passes
# with nothing to report (a source's citation needs its title and date, for one).
_SET_FIELDS: dict[type[Record], dict[str, Any]] = {
    Case: {"docket_number": "1", "filed": "2023-07-07"},
    Filing: {"ecf": 1, "kind": "complaint"},
    Exhibit: {"label": "A"},
    Decision: {"date": "2024-05-06"},
    Message: {"exhibit": "exhibit", "sender": "actor", "sent": "2024-01-02"},
    Claim: {
        "evidence": (
            EvidenceLink(record="message", confidence=Confidence.CONFIRMED),
            EvidenceLink(record="source", confidence=Confidence.CONFIRMED),
        ),
        "legal_basis": ("provision",),
    },
    Provision: {"title": "17", "section": "107", "year": 2018},
    Source: {
        "title": "Court papers show the message",
        "publication": "The Daily Record",
        "published": "2024-02-03",
        "url": "https://example.com/news",
    },
}


def record(kind: type[R], /, **fields: Any) -> R:
    """A minimal valid record of `kind`: its required fields filled in, `fields` given over them.

    `record(evidence.Filing, ecf=12)` is `Filing(id="filing", case="case", ecf=12)`."""
    try:
        required = _REQUIRED[kind]
    except KeyError:
        raise UsageError(f"{kind!r} is not a record kind") from None
    return kind(**{**required, **fields})


def record_set(*records: Record) -> RecordSet:
    """A small record set that passes every rule: one record of each kind, each reference
    resolved; `records` are added to it, or replace the record of the same id."""
    # Every record says it is confirmed (what says no mark is unverified): the made-up facts of
    # this set are certain because they are made up, and the citations print them unmarked.
    own = {kind: record(kind, confidence=Confidence.CONFIRMED, **_SET_FIELDS.get(kind, {})) for kind in _REQUIRED}
    chosen = {item.id: item for item in own.values()}
    chosen.update((item.id, item) for item in records)
    return RecordSet(chosen.values())


def write_record_set(folder: str | os.PathLike[str], records: RecordSet | Iterable[Record] | None = None,
                     *, format: str = "yaml") -> Path:  # fmt: skip
    """Write `records` (by default, `record_set()`) to `folder/records.<format>`, creating the
    folder; return the folder, ready for `evidence.load` or `evidence.check`."""
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    dump(record_set() if records is None else records, path / f"records.{format}", format=format)
    return path


class CheckFailed(AssertionError):
    """A record set's check failed; the message lists its errors and warnings as `evidence check`
    prints them (notes never fail, and are not listed), then the summary."""

    def __init__(self, report: Report, *, relative_to: str | os.PathLike[str] | None = None) -> None:
        self.report = report
        lines = [
            str(attrs.evolve(finding, file=_shown(finding.file, relative_to)))
            for finding in report.findings
            if finding.severity is not Severity.INFO
        ]
        super().__init__("\n".join([*lines, report.summary()]))


def _shown(file: str | None, relative_to: str | os.PathLike[str] | None) -> str | None:
    """A finding's file as a shell in `relative_to` would name it."""
    if file is None or relative_to is None:
        return file
    try:
        return os.path.relpath(file, relative_to)
    except ValueError:  # another drive, on Windows
        return file


def assert_check_passes(
    records: RecordSet | str | os.PathLike[str],
    *,
    strict: bool = False,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    relative_to: str | os.PathLike[str] | None = None,
) -> Report:
    """`evidence.check` as an assertion: the report when nothing fails (errors fail, and with
    `strict` warnings too), else `CheckFailed`, whose message names files relative to
    `relative_to` when given."""
    report = check(records, select=select, ignore=ignore)
    if report.failed(strict=strict):
        raise CheckFailed(report, relative_to=relative_to)
    return report

"""Legal (L002-L006): Bates pages, exhibit numbering, filings that hold what they say, and claims
whose status and confidence their evidence supports. (L001, a Bates range that begins after it
ends, is refused when the record is read.)"""

from __future__ import annotations

from typing import Any

from evidence._check.run import Run
from evidence._model import (
    Case,
    Claim,
    ClaimStatus,
    Confidence,
    Exhibit,
    Filing,
    FilingKind,
    Message,
    Record,
    Source,
    SourceKind,
    split_bates,
)


def legal(run: Run) -> None:
    lookup = run.lookup
    ranges: dict[str, tuple[Any, Any]] = {}  # an exhibit's Bates range, split once
    for message in run.of_kind(Message):
        exhibit = run.get(message.exhibit, Exhibit)
        if exhibit is not None and message.filing is not None and exhibit.filing != message.filing:
            run.add(
                "L006",
                message,
                f"its exhibit {exhibit.id!r} is attached to {exhibit.filing!r}, not {message.filing!r}",
                ("filing",),
            )
        if exhibit is not None and exhibit.bates is not None and message.bates_page is not None:
            if exhibit.id not in ranges:
                bates = exhibit.bates
                ranges[exhibit.id] = (split_bates(bates.begin), split_bates(bates.end or bates.begin))
            page, (begin, end) = split_bates(message.bates_page), ranges[exhibit.id]
            inside = (
                page is not None
                and begin is not None
                and end is not None
                and page[0] == begin[0]
                and begin[1] <= page[1] <= end[1]
            )
            if not inside:
                run.add(
                    "L002",
                    message,
                    f"Bates page {message.bates_page} is outside the range {exhibit.bates} of exhibit {exhibit.id!r}",
                    ("bates_page",),
                )
    for claim in run.of_kind(Claim):
        known = [link for link in claim.evidence if lookup.kind_of(link.record) is not None]
        if claim.status is ClaimStatus.FOUND and not any(_is_court_record(lookup.get(link.record)) for link in known):
            complaint = "status 'found' needs a court document among its evidence (an order, opinion or decision)"
            hint = "link the order that found it, or use the status its evidence supports"
            run.add("L004", claim, complaint, ("status",), hint)
        if claim.confidence is Confidence.CONFIRMED and claim.evidence:
            levels = [
                min(link.confidence, lookup.confidence_of(link.record), key=lambda c: c.rank)
                if lookup.kind_of(link.record) is not None
                else link.confidence
                for link in claim.evidence
            ]
            if all(level is Confidence.UNVERIFIED for level in levels):
                run.add("L005", claim, "confirmed, but every piece of its evidence is unverified", ("confidence",))


def exhibit_numbers(run: Run) -> None:
    """L003, over every exhibit of the set at once (a streamed check runs it on its index)."""
    seen: dict[tuple[str, str, object], Exhibit] = {}
    for exhibit in run.of_kind(Exhibit):
        for field, value in (("attachment", exhibit.attachment), ("label", exhibit.label)):
            if value is None:
                continue
            key = (exhibit.filing, field, value)
            if key in seen:
                run.add(
                    "L003", exhibit, f"{field} {value!r} is also used by {seen[key].id!r} in the same filing", (field,)
                )
            else:
                seen[key] = exhibit


_COURT_FILINGS = (FilingKind.ORDER, FilingKind.OPINION, FilingKind.JUDGMENT)
_COURT_SOURCES = (SourceKind.COURT_DOCUMENT,)


def _is_court_record(record: Record | None) -> bool:
    """A record in which a court speaks: an order, opinion or judgment, a case's decision, or a
    source that is a court document. A party's filing or exhibit is not (nor a message or claim)."""
    if isinstance(record, Filing):
        return record.kind in _COURT_FILINGS
    if isinstance(record, Case):
        return bool(record.decisions)
    return isinstance(record, Source) and record.kind in _COURT_SOURCES

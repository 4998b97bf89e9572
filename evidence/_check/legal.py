"""Legal (L002-L008): Bates pages, exhibit numbering, filings that hold what they say, claims
whose status and confidence their evidence supports, and attestations no surer than their
sources. (L001, a Bates range that begins after it ends, is refused when the record is read.)"""

from __future__ import annotations

from typing import Any

from evidence._check.run import Run
from evidence._model import (
    AttestationKind,
    Claim,
    ClaimStatus,
    Confidence,
    Decision,
    EvidenceRole,
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
        _claim_over_its_support(run, claim)
    for message in run.of_kind(Message):
        attested = _Attested(message)
        for n, attestation in enumerate(message.attestations):
            ceiling = _ceiling(run, message, n, attested)
            if ceiling is not None and attestation.confidence.rank > ceiling[0].rank:
                level, what = ceiling
                run.add(
                    "L008",
                    message,
                    f"{attestation.confidence.value}, but {what} is {level.value}",
                    ("attestations", n, "confidence"),
                    f"mark it {level.value}",
                )


def _weaker(a: Confidence, b: Confidence) -> Confidence:
    return a if a.rank <= b.rank else b


def _claim_over_its_support(run: Run, claim: Claim) -> None:
    """L005 and L007: a claim is as sure as its strongest supporting link, each link as sure as
    the weaker of its own mark and its record's. A link that contradicts or gives context
    supports nothing, however sure it is. A confirmed claim is L005's, any other L007's."""
    lookup = run.lookup
    weighed = [
        (_weaker(link.confidence, lookup.confidence_of(link.record)), link)
        if lookup.kind_of(link.record) is not None
        else (link.confidence, link)  # a reference to no record is R001's
        for link in claim.evidence
    ]
    support = [(level, link) for level, link in weighed if link.role is EvidenceRole.SUPPORTS]
    strongest = max(support, key=lambda pair: pair[0].rank, default=None)  # the first of the surest
    top = strongest[0].rank if strongest is not None else -1
    if claim.confidence.rank <= max(top, 0):  # an unverified claim claims nothing
        return
    if strongest is None:
        why = "no evidence supports it" if not claim.evidence else "none of its evidence supports it"
    else:
        why = f"its strongest supporting evidence, the link to {strongest[1].record!r}, is {strongest[0].value}"
    lower = strongest[0].value if strongest is not None else "unverified"
    hint = f"lower its confidence to {lower}, or link supporting evidence that is {claim.confidence.value}"
    if any(level.rank > top for level, link in weighed if link.role is not EvidenceRole.SUPPORTS):
        hint += "; a link that contradicts it or gives context confirms nothing"
    code = "L005" if claim.confidence is Confidence.CONFIRMED else "L007"
    run.add(code, claim, f"{claim.confidence.value}, but {why}", ("confidence",), hint)


class _Attested:
    """A message's attestations by source, and each one's rank among those of its source (the
    same passage in a translation and its original has the same rank in both)."""

    def __init__(self, message: Message) -> None:
        self.by_source: dict[str, list[int]] = {}
        self.rank: list[int] = []
        for n, attestation in enumerate(message.attestations):
            places = self.by_source.setdefault(attestation.source, [])
            self.rank.append(len(places))
            places.append(n)


def _ceiling(run: Run, message: Message, n: int, attested: _Attested) -> tuple[Confidence, str] | None:
    """L008: the surest the `n`th attestation of `message` can be, and what holds it there: its
    source, the source's text where its mark is given, and for a translation what it translates
    (the attestation of the same rank in the original, as `trace` walks it) and the source's
    link to its original. The source may be a filing or an exhibit quoting the message in its
    stored text. None when it is no record of the set (R001 and R002 say).

    A translation's ceiling rests on its original's: the chain is walked in a loop to its end (or
    to a source it has passed), then the ceilings are made from the end back."""
    seen: set[str] = set()
    # Each step: the limits before the original's, what the original's attestation gives (its own
    # mark and its place), and the limits after it.
    steps: list[tuple[list[tuple[Confidence, str]], tuple[Confidence, str] | None, list[tuple[Confidence, str]]]] = []
    ceiling: tuple[Confidence, str] | None = None
    at: int | None = n
    while at is not None:
        current, at = at, None
        attestation = message.attestations[current]
        source = run.get(attestation.source, Record)
        if source is None:
            break
        before = [(source.confidence, f"its source {source.id!r}")]
        if "text_file" in source.field_confidence:
            before.append((source.field_confidence["text_file"], f"the text of {source.id!r}"))
        after: list[tuple[Confidence, str]] = []
        translated: tuple[Confidence, str] | None = None
        translation_of = source.translation_of if isinstance(source, Source) else None
        original = attestation.translation_of or translation_of
        if attestation.kind is AttestationKind.TRANSLATION and original is not None and original not in seen:
            rank = attested.rank[current]
            there = attested.by_source.get(original, [])
            if rank < len(there):
                translated = (message.attestations[there[rank]].confidence, f"in {original!r}")
                at = there[rank]
                seen.add(source.id)
            elif (original_source := run.get(original, Source)) is not None:
                before.append((original_source.confidence, f"the source it translates, {original!r},"))
            if isinstance(source, Source) and original == source.translation_of:
                after.append(
                    (source.confidence_of("translation_of"), f"{source.id!r} as a translation of {original!r}")
                )
        steps.append((before, translated, after))
    for before, translated, after in reversed(steps):
        limits = list(before)
        if translated is not None:
            own, where = translated
            above = ceiling
            if above is not None and above[0].rank < own.rank:
                limits.append((above[0], f"the attestation it translates, through {above[1]},"))
            else:
                limits.append((own, f"the attestation it translates ({where})"))
        limits += after
        ceiling = min(limits, key=lambda pair: pair[0].rank)  # the first of the weakest
    return ceiling


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
    if isinstance(record, Decision):
        return True
    return isinstance(record, Source) and record.kind in _COURT_SOURCES

"""Hypothesis strategies: one per record kind and value object, producing valid values only.

Needs hypothesis (`pip install 'evidence[testing]'`). `RECORDS` and `VALUE_OBJECTS` give the
strategy of each class; `record_sets()` draws whole record sets with unique ids. References
point at ids drawn at random, so a drawn set loads, dumps and reads back, but its references
need not resolve: it is for tests of reading and writing, not of `check`.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

import attrs

try:
    from hypothesis import strategies as st
except ImportError as error:  # an extra, so that `evidence` alone does not need it
    raise ImportError("evidence.testing.strategies needs hypothesis: pip install 'evidence[testing]'") from error

import evidence as ev
from evidence._model import MAX_NUMBER
from evidence._model.checks import REFUSED_FORMAT_CHARACTERS

ZONES = ("America/Los_Angeles", "America/New_York", "Europe/Lisbon", "Asia/Tokyo", "UTC")

ids = st.from_regex(r"[a-z0-9]([a-z0-9._-]{0,24}[a-z0-9])?", fullmatch=True)
# Any Unicode text but what records refuse: Unicode's Cc and Cs, and the model's own table of
# the rest (`REFUSED_FORMAT_CHARACTERS`: separators, byte-order marks, bidirectional controls);
# tab, line feed and carriage return stay.
_chars = st.characters(
    exclude_categories=("Cs", "Cc"), include_characters="\t\n\r", exclude_characters=REFUSED_FORMAT_CHARACTERS
)
free_text = st.text(_chars, max_size=40)
non_blank = free_text.filter(lambda s: s.strip() != "")
verbatim = non_blank.map(str.strip)
languages = st.sampled_from(["en", "pt", "pt-BR", "en-US", "de", "zh-Hant-TW", "es-419"])
urls = st.from_regex(r"https://[a-z]{1,12}\.(com|org|gov)(/[a-z0-9_-]{1,10}){0,3}", fullmatch=True)
counts = st.integers(min_value=1, max_value=MAX_NUMBER)
offsets_in_text = st.integers(min_value=0, max_value=10_000)


def confidences() -> st.SearchStrategy[ev.Confidence]:
    return st.sampled_from(ev.Confidence)


@st.composite
def dates(draw: st.DrawFn, *, with_time: bool | None = None) -> ev.Date:
    """Dates at every precision, with qualifiers, and date-times with an offset or a zone."""
    day = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
    timed = draw(st.booleans()) if with_time is None else with_time
    if not timed:
        precision = draw(st.sampled_from(["year", "month", "day"]))
        return ev.Date(
            year=day.year,
            month=day.month if precision != "year" else None,
            day=day.day if precision == "day" else None,
            approximate=draw(st.booleans()),
            uncertain=draw(st.booleans()),
        )
    hour, minute = draw(st.integers(0, 23)), draw(st.integers(0, 59))
    second = draw(st.none() | st.integers(0, 59))
    microsecond = draw(st.none() | st.integers(1, 999_999)) if second is not None else None
    style = draw(st.sampled_from(["offset", "zone", "both"]))
    zone = draw(st.sampled_from(ZONES)) if style != "offset" else None
    offset = None
    if style == "offset":
        offset = draw(st.integers(-14 * 60, 14 * 60))
    elif style == "both":
        assert zone is not None
        local = dt.datetime(day.year, day.month, day.day, hour, minute, second or 0)
        utcoffset = local.replace(tzinfo=zoneinfo.ZoneInfo(zone)).utcoffset()
        assert utcoffset is not None
        offset = int(utcoffset.total_seconds() // 60)
    return ev.Date(
        year=day.year,
        month=day.month,
        day=day.day,
        hour=hour,
        minute=minute,
        second=second,
        microsecond=microsecond,
        utc_offset=offset,
        zone=zone,
    )


@st.composite
def intervals(draw: st.DrawFn) -> ev.DateInterval:
    first, second = draw(dates(with_time=False)), draw(dates(with_time=False))
    if ev.definitely_before(second, first):
        first, second = second, first
    shape = draw(st.sampled_from(["closed", "open_start", "open_end", "unknown_start", "unknown_end"]))
    if shape == "closed" and not ev.definitely_before(second, first):
        return ev.DateInterval(start=first, end=second)
    if shape in ("open_start", "unknown_start"):
        return ev.DateInterval(end=second, open_start=shape == "open_start")
    return ev.DateInterval(start=first, open_end=shape == "open_end")


date_values = st.one_of(dates(), intervals())
optional_dates = st.none() | date_values


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def tuples(strategy: st.SearchStrategy[Any], max_size: int = 3) -> st.SearchStrategy[tuple[Any, ...]]:
    return st.lists(strategy, max_size=max_size).map(tuple)


digests = st.one_of(
    st.from_regex(r"[0-9a-f]{64}", fullmatch=True).map(lambda v: ev.Digest(algorithm="sha256", value=v)),
    st.from_regex(r"[0-9a-f]{128}", fullmatch=True).map(lambda v: ev.Digest(algorithm="sha512", value=v)),
)


@st.composite
def bates_ranges(draw: st.DrawFn) -> ev.BatesRange:
    prefix = draw(st.from_regex(r"[A-Z]{2,8}_?", fullmatch=True))
    width = draw(st.integers(4, 10))
    begin = draw(st.integers(0, 10**4 - 1))
    if draw(st.booleans()):
        return ev.BatesRange(begin=f"{prefix}{begin:0{width}d}")
    end = begin + draw(st.integers(0, 500))
    return ev.BatesRange(begin=f"{prefix}{begin:0{width}d}", end=f"{prefix}{end:0{width}d}")


@st.composite
def quotes(draw: st.DrawFn) -> ev.Quote:
    start = draw(optional(offsets_in_text))
    end = None if start is None else start + draw(st.integers(0, 500))
    return ev.Quote(
        exact=draw(non_blank),
        prefix=draw(optional(free_text)),
        suffix=draw(optional(free_text)),
        start=start,
        end=end,
        page=draw(optional(verbatim)),
        paragraph=draw(optional(counts)),
        bates_page=draw(optional(verbatim)),
    )


links = st.builds(
    ev.Link,
    rel=st.sampled_from(ev.LinkRel),
    target=ids,
    confidence=confidences(),
    by=optional(ids),
    note=optional(free_text),
)
sealing_events = st.builds(
    ev.SealingEvent,
    action=st.sampled_from(ev.SealingAction),
    date=optional_dates,
    order=optional(ids),
    confidence=confidences(),
    note=optional(free_text),
)
designations = st.builds(
    ev.Designation,
    level=non_blank,
    by=optional(ids),
    date=optional_dates,
    withdrawn=st.booleans(),
    note=optional(free_text),
)
affiliations = st.builds(
    ev.Affiliation, organization=ids, title=optional(free_text), period=optional_dates, confidence=confidences()
)
parties = st.builds(
    ev.Party,
    actor=ids,
    role=st.sampled_from(ev.PartyRole),
    as_printed=optional(free_text),
    represents=tuples(ids, 2),
    added=optional_dates,
    period=optional_dates,
    confidence=confidences(),
    note=optional(free_text),
)
judges = st.builds(
    ev.Judge,
    actor=ids,
    role=optional(free_text),
    initials=optional(free_text),
    designation=optional(free_text),
    period=optional_dates,
    confidence=confidences(),
    note=optional(free_text),
)
case_relations = st.builds(
    ev.CaseRelation,
    rel=st.sampled_from(ev.CaseRelationKind),
    case=ids,
    basis=optional(free_text),
    date=optional_dates,
    filing=optional(ids),
    confidence=confidences(),
    note=optional(free_text),
)
case_classes = st.builds(
    ev.CaseClass,
    definition=non_blank,
    name=optional(free_text),
    proposed=optional_dates,
    certified=optional_dates,
    order=optional(ids),
    representatives=tuples(ids, 2),
    counsel=tuples(ids, 2),
    confidence=confidences(),
    note=optional(free_text),
)
case_events = st.builds(
    ev.CaseEvent,
    kind=st.sampled_from(ev.CaseEventKind),
    date=optional_dates,
    title=optional(free_text),
    filing=optional(ids),
    ruling=optional(free_text),
    judges=tuples(ids, 2),
    place=optional(free_text),
    confidence=confidences(),
    note=optional(free_text),
)
status_changes = st.builds(
    ev.StatusChange,
    status=st.sampled_from(ev.CaseStatus),
    since=optional_dates,
    filing=optional(ids),
    confidence=confidences(),
    note=optional(free_text),
)
decision_history = st.builds(
    ev.DecisionHistory,
    rel=st.sampled_from(ev.HistoryRel),
    decision=ids,
    on_other_grounds=st.booleans(),
    confidence=confidences(),
    note=optional(free_text),
)


@st.composite
def attestations(draw: st.DrawFn) -> ev.Attestation:
    kind = draw(st.sampled_from(ev.AttestationKind))
    return ev.Attestation(
        source=draw(ids),
        quote=draw(quotes()),
        kind=kind,
        language=draw(optional(languages)),
        translation_of=draw(optional(ids)) if kind is ev.AttestationKind.TRANSLATION else None,
        confidence=draw(confidences()),
    )


evidence_links = st.builds(
    ev.EvidenceLink,
    record=ids,
    quote=optional(quotes()),
    role=st.sampled_from(ev.EvidenceRole),
    confidence=confidences(),
    note=optional(free_text),
)


@st.composite
def _common(draw: st.DrawFn, cls: type[ev.Record]) -> dict[str, Any]:
    """The fields every record shares, with field_confidence naming real fields of `cls`."""
    own = [f.name for f in attrs.fields(cls) if f.name not in ("id", "confidence", "field_confidence")]
    names = draw(st.lists(st.sampled_from(own), max_size=3, unique=True))
    return {
        "id": draw(ids),
        "confidence": draw(confidences()),
        "field_confidence": {name: draw(confidences()) for name in names},
        "notes": draw(optional(free_text)),
        "links": draw(tuples(links, 2)),
    }


def _record(
    cls: type[ev.Record], joint: st.SearchStrategy[dict[str, Any]] | None = None, **fields: st.SearchStrategy[Any]
) -> st.SearchStrategy[ev.Record]:
    """Records of `cls`; `joint` draws fields that depend on one another, together."""
    together = joint if joint is not None else st.just({})
    return st.tuples(_common(cls), st.fixed_dictionaries(fields), together).map(
        lambda parts: cls(**parts[0], **parts[1], **parts[2])
    )


# The fields of a document whose text may be stored beside the records: filings, exhibits, sources.
_stored_document = {
    "url": optional(urls),
    "text_file": optional(free_text),
    "digest": optional(digests),
    "text_excerpt": optional(non_blank),
    "text_url": optional(urls),
}
# Where a message was made public: only a public one names it.
_made_public = st.one_of(
    st.just({"public": False, "published_in": None}),
    st.fixed_dictionaries({"public": st.just(True), "published_in": optional(non_blank)}),
)
courts = _record(ev.Court, name=optional(free_text), citation=optional(free_text), url=optional(urls),
                 agency=st.booleans())  # fmt: skip
# A case has a name, a caption, or both: citations make the one from the other.
_named = st.one_of(
    st.fixed_dictionaries({"name": non_blank, "caption": optional(non_blank)}),
    st.fixed_dictionaries({"name": st.none(), "caption": non_blank}),
)
cases = _record(
    ev.Case,
    _named,
    short_name=optional(free_text),
    court=ids,
    docket_number=optional(verbatim),
    filed=optional_dates,
    closed=optional_dates,
    status=optional(st.sampled_from(ev.CaseStatus)),
    nature_of_suit=optional(free_text),
    cause=optional(free_text),
    jury_demand=optional(free_text),
    judges=tuples(judges),
    parties=tuples(parties),
    relations=tuples(case_relations, 2),
    classes=tuples(case_classes, 1),
    events=tuples(case_events, 2),
    status_history=tuples(status_changes, 2),
    identifiers=st.dictionaries(st.from_regex(r"[a-z]{2,12}", fullmatch=True), free_text, max_size=3),
    url=optional(urls),
)
actors = _record(
    ev.Actor,
    name=non_blank,
    kind=st.sampled_from(ev.ActorKind),
    family_name=optional(free_text),
    aliases=tuples(free_text),
    affiliations=tuples(affiliations),
    description=optional(free_text),
    url=optional(urls),
)
filings = _record(
    ev.Filing,
    case=ids,
    ecf=optional(counts),
    entry=optional(verbatim),
    title=optional(non_blank),
    short_title=optional(free_text),
    description=optional(non_blank),
    docket_text=optional(non_blank),
    kind=optional(st.sampled_from(ev.FilingKind)),
    filed=optional_dates,
    entered=optional_dates,
    filed_by=tuples(ids),
    regarding=tuples(ids),
    pages=optional(counts),
    sealing=tuples(sealing_events),
    identifiers=st.dictionaries(st.from_regex(r"[a-z_]{2,12}", fullmatch=True), free_text, max_size=3),
    **_stored_document,
)
exhibits = _record(
    ev.Exhibit,
    filing=ids,
    attachment=optional(counts),
    label=optional(free_text),
    title=optional(free_text),
    pages=optional(counts),
    bates=optional(bates_ranges()),
    custodian=optional(ids),
    designations=tuples(designations),
    sealing=tuples(sealing_events),
    **_stored_document,
)
decisions = _record(
    ev.Decision,
    case=ids,
    date=optional_dates,  # a decision no source dates (an agency's, cited by its service) has none
    kind=optional(st.sampled_from(ev.DecisionKind)),
    title=optional(free_text),
    cites=tuples(free_text, 2),
    docket_number=optional(verbatim),
    filing=optional(ids),
    hearing=optional_dates,
    judges=tuples(ids, 2),
    circuit_justice=optional(non_blank),
    history=tuples(decision_history, 2),
    url=optional(urls),
)
messages = _record(
    ev.Message,
    _made_public,
    exhibit=optional(ids),
    filing=optional(ids),
    sender=optional(ids),
    sender_description=optional(free_text),
    recipients=tuples(ids),
    channel=optional(st.sampled_from(ev.Channel)),
    sent=optional_dates,
    subject=optional(free_text),
    text=optional(free_text),
    language=optional(languages),
    bates_page=optional(verbatim),
    attestations=tuples(attestations()),
)
sources = _record(
    ev.Source,
    kind=st.sampled_from(ev.SourceKind),
    title=optional(non_blank),
    title_sentence_case=optional(non_blank),
    short_title=optional(non_blank),
    authors=tuples(free_text),
    institution=optional(non_blank),
    publication=optional(free_text),
    publisher=optional(free_text),
    published=optional_dates,
    published_time=optional(st.from_regex(r"(?:[01][0-9]|2[0-3]):[0-5][0-9]", fullmatch=True)),
    page=optional(free_text),
    volume=optional(free_text),
    edition=optional(free_text),
    editors=tuples(free_text),
    number=optional(free_text),
    genre=optional(free_text),
    archived_url=optional(urls),
    retrieved=optional_dates,
    language=optional(languages),
    translation_of=optional(ids),
    translators=tuples(free_text),
    original_published=optional_dates,
    directions=optional(non_blank),
    committee=optional(non_blank),
    session=optional(non_blank),
    jurisdiction=optional(non_blank),
    filed=optional_dates,
    **_stored_document,
    republication_of=optional(ids),
)
provisions = _record(
    ev.Provision,
    kind=st.sampled_from(ev.ProvisionKind),
    code=non_blank,
    title=optional(free_text),
    chapter=optional(free_text),
    section=optional(verbatim),
    name=optional(free_text),
    number=optional(free_text),
    page=optional(free_text),
    publisher=optional(free_text),
    jurisdiction=optional(non_blank),
    year=optional(st.integers(1789, 2100)),
    supplement=optional(free_text),
    date=optional_dates,
    url=optional(urls),
)
claims = _record(
    ev.Claim,
    statement=non_blank,
    language=optional(languages),
    asserted_by=optional(ids),
    asserted_on=optional_dates,
    status=st.sampled_from(ev.ClaimStatus),
    status_note=optional(free_text),
    evidence=tuples(evidence_links),
    legal_basis=tuples(ids),
    superseded_by=optional(ids),
    tags=tuples(free_text),
)

RECORDS: dict[type[ev.Record], st.SearchStrategy[Any]] = {
    ev.Court: courts,
    ev.Case: cases,
    ev.Actor: actors,
    ev.Filing: filings,
    ev.Exhibit: exhibits,
    ev.Decision: decisions,
    ev.Message: messages,
    ev.Source: sources,
    ev.Provision: provisions,
    ev.Claim: claims,
}
VALUE_OBJECTS: dict[type, st.SearchStrategy[Any]] = {
    ev.Quote: quotes(),
    ev.Link: links,
    ev.SealingEvent: sealing_events,
    ev.Designation: designations,
    ev.Affiliation: affiliations,
    ev.Party: parties,
    ev.Judge: judges,
    ev.DecisionHistory: decision_history,
    ev.Attestation: attestations(),
    ev.EvidenceLink: evidence_links,
    ev.BatesRange: bates_ranges(),
    ev.Digest: digests,
    ev.Date: dates(),
    ev.DateInterval: intervals(),
}


@st.composite
def record_sets(draw: st.DrawFn, max_size: int = 6) -> ev.RecordSet:
    """Record sets of any kinds, with unique ids."""
    records = draw(st.lists(st.one_of(*RECORDS.values()), max_size=max_size, unique_by=lambda r: r.id))
    return ev.RecordSet(records)


def __getattr__(name: str) -> Any:
    """`citable_record_sets` lived here before `evidence.testing.citable`: still found here."""
    if name == "citable_record_sets":
        from evidence.testing.citable import citable_record_sets

        return citable_record_sets
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

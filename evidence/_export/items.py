"""What one record says to a reference manager, before any syntax: the mapping every citation
export (CSL-JSON, BibTeX, RIS) writes.

Every citable record (source, case, filing, exhibit, message) becomes one item keyed by its id.
What CSL has no variable for goes into its `custom` object, and from there into extra BibTeX
fields and RIS notes, so that nothing the records know, least of all how sure they are of it, is
lost on the way. References that do not resolve are left out of the names and titles, never a
reason to fail: the ids stay in `custom`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Collection, Iterable
from typing import Any, TypeVar

import attrs

from evidence._cite import KIND_TITLES, Name, abbreviate_document_title, full_case_name, parse_name
from evidence._errors import ResolutionError
from evidence._export.dates import exact_in_csl
from evidence._labels import (
    decision_name,
    ecf_designation,
    exhibit_label,
    filing_kind_name,
    filing_title,
    message_kind,
    report_of,
    titled_name,
    weaker,
)
from evidence._model import (
    Actor,
    ActorKind,
    Case,
    Channel,
    Confidence,
    Court,
    DateValue,
    Decision,
    Exhibit,
    Filing,
    Message,
    Record,
    Source,
    SourceKind,
)
from evidence._recordset import RecordSet

R = TypeVar("R", bound=Record)

# A name split into family and given parts, or a literal one (an organization, a description).
Person = Name | str


@attrs.frozen(kw_only=True)
class Item:
    """What one record says to a reference manager, in CSL's terms, before any syntax."""

    id: str
    type: str
    title: str | None = None
    title_short: str | None = None
    genre: str | None = None
    authors: tuple[Person, ...] = ()
    recipients: tuple[Person, ...] = ()
    translators: tuple[Person, ...] = ()
    container: str | None = None
    publisher: str | None = None
    authority: str | None = None
    number: str | None = None
    page: str | None = None
    number_of_pages: int | None = None
    issued: DateValue | None = None
    accessed: DateValue | None = None
    url: str | None = None
    language: str | None = None
    original_title: str | None = None
    original_authors: tuple[Person, ...] = ()
    original_date: DateValue | None = None
    abstract: str | None = None
    note: str | None = None
    custom: dict[str, Any] = attrs.field(factory=dict)
    # The marks in words, for the readers of a format: "Likely: the record as a whole.
    # Unverified: authors, url." None when all is confirmed.
    marks: str | None = None
    # For a message known only through a report: "Quoted in ...", what to cite instead.
    quoted_in: str | None = None

    @property
    def notes(self) -> str | None:
        """What a reader of the item is told besides its fields: where a message is known from,
        the record's notes and how sure the item is, one paragraph each."""
        return "\n\n".join(part for part in (self.quoted_in, self.note, self.marks) if part) or None


# CSL 1.0.2 item types. CSL has no type for a docket entry or an exhibit: "document" is its type
# for anything unpublished and unclassified.
_CSL_TYPES = {
    SourceKind.NEWS_ARTICLE: "article-newspaper",
    SourceKind.WEB_PAGE: "webpage",
    SourceKind.POST: "post-weblog",
    SourceKind.PRESS_RELEASE: "report",  # APA 7 renders a report with genre "Press release"
    SourceKind.COURT_DOCUMENT: "document",  # not "legal_case": it may be a brief as well as an opinion
    SourceKind.BOOK: "book",
    SourceKind.JOURNAL_ARTICLE: "article-journal",
    SourceKind.DATASET: "dataset",
    SourceKind.VIDEO: "motion_picture",  # CSL: "a film or video"
    SourceKind.HEARING: "hearing",
    SourceKind.PATENT: "patent",
    SourceKind.TRADEMARK: "patent",  # Juris-M keeps a trademark as a patent with genre "Trademark"
    SourceKind.OTHER: "document",
}
_SOURCE_GENRES = {
    SourceKind.PRESS_RELEASE: "Press release",
    SourceKind.COURT_DOCUMENT: "Court document",
    SourceKind.TRADEMARK: "Trademark",
}


# -- resolving defensively --------------------------------------------------------------------


def _find(records: RecordSet, id: str | None, kind: type[R]) -> R | None:
    """The record an id names, or None when it names nothing, or something else."""
    if id is None:
        return None
    try:
        return records.get(id, kind)
    except ResolutionError:
        return None


def _court(records: RecordSet, case: Case) -> Court | None:
    try:
        return records.court_of(case)
    except ResolutionError:
        return None


def _actor_person(actor: Actor) -> Person:
    """A person's name split as the records say; an organization's or a group's kept whole."""
    if actor.kind is ActorKind.PERSON:
        return _person(actor.name, actor.family_name or None)
    return actor.name


def _person(text: str, family: str | None = None) -> Person:
    name = parse_name(text, family)
    return name if name.family else text


def _people(records: RecordSet, ids: Iterable[str]) -> tuple[Person, ...]:
    actors = (_find(records, id, Actor) for id in ids)
    return tuple(_actor_person(actor) for actor in actors if actor is not None)


def _text(value: str | None) -> str | None:
    """Empty text says nothing: it is left out."""
    return value or None


def _keep_date(custom: dict[str, Any], name: str, value: DateValue | None) -> DateValue | None:
    """Pass a date on; when CSL cannot hold all of it, keep its exact text in `custom` too."""
    if value is not None and not exact_in_csl(value):
        custom[name] = str(value)
    return value


# -- records to items -------------------------------------------------------------------------


def _confidence(record: Record, custom: dict[str, Any]) -> dict[str, Any]:
    """Add how sure the record is, and each field given a mark: uncertainty is data, and a
    record that says nothing of it is not thereby confirmed, so the mark is always written."""
    custom["confidence"] = record.confidence.value
    if record.field_confidence:
        custom["field_confidence"] = {name: level.value for name, level in record.field_confidence.items()}
    return custom


def marks_note(record: Record, fields: Collection[str] | None = None) -> str | None:
    """The marks below confirmed in words, for the people who read a note: "Likely: the record
    as a whole. Unverified: authors, url." A field is as sure as its record at most. With
    `fields`, only the marks of those fields (and of the record as a whole)."""
    weak: dict[Confidence, list[str]] = {}
    if record.confidence is not Confidence.CONFIRMED:
        weak.setdefault(record.confidence, []).append("the record as a whole")
    for name, level in record.field_confidence.items():
        if fields is not None and name not in fields:
            continue
        level = weaker(level, record.confidence)
        if level is not Confidence.CONFIRMED and level is not record.confidence:
            weak.setdefault(level, []).append(name)
    order = sorted(weak, key=lambda level: level.rank)
    return " ".join(f"{level.value.capitalize()}: {', '.join(weak[level])}." for level in order) or None


def _source_item(source: Source, records: RecordSet) -> Item:
    custom: dict[str, Any] = {}
    issued = _keep_date(custom, "published", source.published)
    accessed = _keep_date(custom, "retrieved", source.retrieved)
    original = _find(records, source.translation_of, Source)
    if source.translation_of is not None:
        custom["translation_of"] = source.translation_of
    if source.archived_url is not None:
        custom["archived_url"] = source.archived_url
    # An institution is the author when no person is named (Bluebook R15.1.3, APA 9.11); beside
    # people, a format has no place for it but `custom` (not as "institution": biblatex's field
    # for a report's publisher).
    authors: tuple[Person, ...] = tuple(_person(author) for author in source.authors)
    if source.institution and authors:
        custom["author_institution"] = source.institution
    elif source.institution:
        authors = (source.institution,)
    return Item(
        id=source.id,
        type=_CSL_TYPES[source.kind],
        title=source.title,
        title_short=_text(source.short_title),
        genre=_SOURCE_GENRES.get(source.kind),
        authors=authors,
        translators=tuple(_person(translator) for translator in source.translators),
        container=_text(source.publication),
        publisher=_text(source.publisher),
        page=_text(source.page),
        issued=issued,
        accessed=accessed,
        url=source.url,
        language=source.language,
        original_title=original.title if original is not None else None,
        original_authors=tuple(_person(author) for author in original.authors) if original is not None else (),
        original_date=original.published if original is not None else source.original_published,
        note=_text(source.notes),
        custom=_confidence(source, custom),
    )


def _decision_custom(decision: Decision) -> dict[str, Any]:
    """A decision as plain data for its case's `custom`: its id and what it says, as text."""
    shown = {"id": decision.id}
    for name in ("date", "kind", "title", "docket_number", "filing", "hearing", "circuit_justice", "url"):
        value = getattr(decision, name)
        if value is not None:
            shown[name] = value.value if isinstance(value, enum.Enum) else str(value)
    return _confidence(
        decision,
        shown
        | ({"cites": list(decision.cites)} if decision.cites else {})
        | ({"judges": list(decision.judges)} if decision.judges else {}),
    )


def _case_item(case: Case, records: RecordSet, *, decisions_apart: bool = False) -> Item:
    court = _court(records, case)
    # CSL's date of a case is the date it was decided; a docket is dated by its filing, as the
    # Bluebook cites a pending case ("filed July 7, 2023"), so `custom` says which date it is.
    custom: dict[str, Any] = {"court": case.court}
    if court is not None and court.agency:
        custom["agency"] = True  # CSL-M's admin-flag, which standard CSL lacks
    if case.caption is not None:
        custom["caption"] = case.caption
    if case.filed is not None:
        custom["filed"] = str(case.filed)
    if case.closed is not None:
        custom["closed"] = str(case.closed)
    if case.status is not None:
        custom["status"] = case.status.value
    if case.nature_of_suit:
        custom["nature_of_suit"] = case.nature_of_suit
    if case.identifiers:
        custom["identifiers"] = dict(case.identifiers)
    decided = records.decisions_of(case)
    if decided and decisions_apart:  # each its own item, which says how sure it is
        custom["decisions"] = [decision.id for decision in decided]
    elif decided:  # a format that cites a decision as its case keeps them in the case's entry
        custom["decisions"] = [_decision_custom(decision) for decision in decided]
    return Item(
        id=case.id,
        type="legal_case",
        title=full_case_name(case),
        title_short=_text(case.short_name),
        authority=_court_citation(court),
        number=case.docket_number,
        issued=case.filed,
        url=case.url,
        note=_text(case.notes),
        custom=_confidence(case, custom),
    )


def _decision_item(decision: Decision, records: RecordSet) -> Item:
    """A decision as a case item of its own: the case's name, court and docket, its own date and
    the first place it is reported (the others stay in `custom`), linked to its case by id."""
    case = _find(records, decision.case, Case)
    court = _court(records, case) if case is not None else None
    custom: dict[str, Any] = {"case": decision.case}
    for name in ("kind", "title", "filing", "hearing", "circuit_justice"):
        value = getattr(decision, name)
        if value is not None:
            custom[name] = value.value if isinstance(value, enum.Enum) else str(value)
    if decision.cites:
        custom["cites"] = list(decision.cites)
    if decision.judges:
        custom["judges"] = list(decision.judges)
    issued = _keep_date(custom, "date", decision.date)
    return Item(
        id=decision.id,
        type="legal_case",
        title=full_case_name(case) if case is not None else None,
        title_short=_text(case.short_name) if case is not None else None,
        authority=_court_citation(court),
        number=decision.docket_number or (case.docket_number if case is not None else None),
        issued=issued,
        url=decision.url,
        note=_text(decision.notes),
        custom=_confidence(decision, custom),
    )


def _court_citation(court: Court | None) -> str | None:
    return (_text(court.citation) or _text(court.name)) if court is not None else None


def _docket(custom: dict[str, Any], case_id: str, records: RecordSet) -> tuple[Case | None, str | None]:
    """Add the case, its docket number and its court to `custom`; the case and its court's citation."""
    custom["case"] = case_id
    case = _find(records, case_id, Case)
    if case is None:
        return None, None
    if case.docket_number is not None:
        custom["docket_number"] = case.docket_number
    custom["court"] = case.court
    return case, _court_citation(_court(records, case))


def _short_filing_title(filing: Filing) -> str | None:
    """The short title the records give, else the title abbreviated as the Bluebook does (T18)."""
    if filing.short_title:
        short: str | None = filing.short_title
    elif filing.title:
        short = abbreviate_document_title(filing.title)
    else:
        short = KIND_TITLES.get(filing.kind) if filing.kind is not None else None
    return short if short != filing_title(filing) else None


def _filing_item(filing: Filing, records: RecordSet) -> Item:
    custom: dict[str, Any] = {}
    case, court = _docket(custom, filing.case, records)
    if filing.ecf is not None:
        custom["ecf"] = filing.ecf
    if filing.filed is not None:
        custom["filed"] = str(filing.filed)
    if filing.kind is not None:
        custom["kind"] = filing.kind.value
    if filing.filed_by:
        custom["filed_by"] = list(filing.filed_by)
    return Item(
        id=filing.id,
        type="document",
        title=filing_title(filing),
        title_short=_short_filing_title(filing),
        genre=filing_kind_name(filing.kind) if filing.kind is not None and filing.title else None,
        authors=_people(records, filing.filed_by),
        container=full_case_name(case) if case is not None else None,
        authority=court,
        number=ecf_designation(filing),
        number_of_pages=filing.pages,
        issued=filing.filed,
        url=filing.url,
        note=_text(filing.notes),
        custom=_confidence(filing, custom),
    )


def _exhibit_item(exhibit: Exhibit, records: RecordSet) -> Item:
    custom: dict[str, Any] = {}
    if exhibit.label:
        custom["exhibit"] = exhibit.label
    if exhibit.attachment is not None:
        custom["attachment"] = exhibit.attachment
    if exhibit.bates is not None:
        custom["bates_begin"] = exhibit.bates.begin
        if exhibit.bates.end is not None:
            custom["bates_end"] = exhibit.bates.end
    custom["filing"] = exhibit.filing
    filing = _find(records, exhibit.filing, Filing)
    case = court = None
    if filing is not None:
        if filing.ecf is not None:
            custom["ecf"] = filing.ecf
        if filing.filed is not None:
            custom["filed"] = str(filing.filed)
        case, court = _docket(custom, filing.case, records)
    if exhibit.custodian is not None:
        custom["custodian"] = exhibit.custodian
    label = exhibit_label(exhibit)
    title = ": ".join(part for part in (label, _text(exhibit.title)) if part) or "Exhibit"
    return Item(
        id=exhibit.id,
        type="document",
        title=title,
        title_short=label if label != title else None,
        container=full_case_name(case) if case is not None else None,
        authority=court,
        number=ecf_designation(filing, exhibit) if filing is not None else None,
        issued=filing.filed if filing is not None else None,
        url=exhibit.url,
        note=_text(exhibit.notes),
        custom=_confidence(exhibit, custom),
    )


def _message_title(message: Message) -> str:
    """The subject of an e-mail, else the first line of the text, else what the message is."""
    if message.subject and message.subject.strip():
        return message.subject
    lines = [line.strip() for line in (message.text or "").splitlines() if line.strip()]
    return lines[0] if lines else message_kind(message)


def _message_item(message: Message, records: RecordSet) -> Item:
    custom: dict[str, Any] = {}
    if message.channel is not None:
        custom["channel"] = message.channel.value
    for name, id in (("exhibit", message.exhibit), ("filing", message.filing), ("sender", message.sender)):
        if id is not None:
            custom[name] = id
    if message.recipients:
        custom["recipients"] = list(message.recipients)
    if message.bates_page is not None:
        custom["bates_page"] = message.bates_page
    if message.public:
        custom["public"] = True
    quoted_in = list(dict.fromkeys(attestation.source for attestation in message.attestations))
    if quoted_in:
        custom["quoted_in"] = quoted_in
    issued = _keep_date(custom, "sent", message.sent)
    report = _report(message, records)
    if report is not None:
        custom["known_through"] = report.id
    sender = _find(records, message.sender, Actor)
    authors: tuple[Person, ...] = ()
    if sender is not None:
        authors = (_actor_person(sender),)
    elif message.sender_description:
        authors = (message.sender_description,)
    return Item(
        id=message.id,
        # Known only through a report, it is no personal communication (styles would print
        # "personal communication" and leave it out of the bibliography): a document, which
        # says where it was read and that the report is what to cite.
        type=_message_type(message, report),
        title=_message_title(message),
        genre=message_kind(message) if message.channel is not None else None,
        container=message.published_in,
        authors=authors,
        recipients=_people(records, message.recipients),
        issued=issued,
        language=message.language,
        abstract=_text(message.text),
        note=_text(message.notes),
        custom=_confidence(message, custom),
        quoted_in=_quoted_in(report) if report is not None else None,
    )


# A public statement is a published work: a post as a blog post, a press statement as a press
# release (a report, by genre), anything else a document; none is a personal communication.
_PUBLIC_TYPES = {Channel.POST: "post-weblog", Channel.PRESS_STATEMENT: "report"}


def _message_type(message: Message, report: Source | Filing | Exhibit | None) -> str:
    if report is not None:
        return "document"
    if message.public:
        return _PUBLIC_TYPES.get(message.channel, "document") if message.channel else "document"
    return "personal_communication"


def _report(message: Message, records: RecordSet) -> Source | Filing | Exhibit | None:
    try:
        return report_of(message, records)
    except ResolutionError:
        return None


def _quoted_in(report: Source | Filing | Exhibit) -> str:
    """ "Quoted in TechCrunch, “Title” (2025-01-14); known only through that report: cite it."""
    if isinstance(report, Source):
        name, heading, dated = report.publication, report.title, report.published
    elif isinstance(report, Filing):
        name, heading, dated = ecf_designation(report), filing_title(report), report.filed
    else:
        name, heading, dated = exhibit_label(report), report.title, None
    title = f"“{heading}”" if heading else None
    where = ", ".join(part for part in (name, title) if part) or titled_name(report)
    when = f" ({dated})" if dated else ""
    return f"Quoted in {where}{when}; known only through that report: cite it (record {report.id})."


_BUILDERS: dict[type[Record], Callable[[Any, RecordSet], Item]] = {
    Source: _source_item,
    Case: _case_item,
    Filing: _filing_item,
    Exhibit: _exhibit_item,
    Message: _message_item,
}


def items(records: RecordSet, *, decisions: bool = False) -> list[Item]:
    """One item per citable record, in the order the records were read, each with its marks.
    With `decisions`, each decision is an item of its own (CSL's `legal_case` is a decision);
    without, a case's entry holds its decisions, as a format that cites a case by its docket does."""
    builders: dict[type[Record], Callable[[Any, RecordSet], Item]] = dict(_BUILDERS)
    if decisions:
        builders[Case] = lambda case, records: _case_item(case, records, decisions_apart=True)
        builders[Decision] = _decision_item
    return [
        attrs.evolve(builders[type(record)](record, records), marks=_marks_of(record, records, decisions))
        for record in records
        if type(record) in builders
    ]


def _raised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _marks_of(record: Record, records: RecordSet, decisions_apart: bool = False) -> str | None:
    """A record's marks in words; a case's with those of its decisions, when its entry holds them;
    a filing's, an exhibit's or a decision's with those of the records whose values its entry
    prints (the case's name, docket and court, the filing's date and ECF number)."""
    notes = [marks_note(record)]
    if isinstance(record, Case) and not decisions_apart:
        notes += [
            f"{_raised(decision_name(d))}: {marks_note(d)}" for d in records.decisions_of(record) if marks_note(d)
        ]
    for whose, lent in _lenders(record, records):
        if (note := marks_note(lent, _LENT[whose])) is not None:
            notes.append(f"Of its {whose}: {note}")
    return " ".join(note for note in notes if note) or None


# The fields of a filing and of a case that the entries of the records they hold print.
_LENT = {
    "filing": ("case", "ecf", "filed", "entry"),
    "case": ("name", "caption", "short_name", "docket_number", "court"),
}


def _lenders(record: Record, records: RecordSet) -> list[tuple[str, Record]]:
    """The records an item takes printed values from, by what they are to it."""
    filing = None
    if isinstance(record, Exhibit | Decision):  # an exhibit's filing; a slip opinion's docket entry
        filing = _find(records, record.filing, Filing)
    case = None
    if isinstance(record, Filing | Decision):
        case = _find(records, record.case, Case)
    elif filing is not None:
        case = _find(records, filing.case, Case)
    return [(whose, lent) for whose, lent in (("filing", filing), ("case", case)) if lent is not None]


# -- extras: what CSL keeps in `custom`, as plain fields --------------------------------------


def _flat(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{key}: {_flat(item)}" for key, item in value.items())
    if isinstance(value, list):
        return "; ".join(_flat(item) for item in value)
    return str(value)


def extras(item_custom: dict[str, Any]) -> list[tuple[str, str]]:
    """The `custom` entries of an item as (name, text) pairs, for formats without nesting."""
    return [(key, _flat(value)) for key, value in item_custom.items()]

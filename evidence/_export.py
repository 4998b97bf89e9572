"""Exports for reference managers: CSL-JSON, BibTeX (for biblatex) and RIS.

Every citable record (source, case, filing, exhibit, message) becomes one item keyed by its id.
One mapping decides what an item says (`_Item`); the three formats differ only in how they write
it. What CSL has no variable for goes into its `custom` object, and from there into extra BibTeX
fields and RIS notes, so that nothing the records know, least of all how sure they are of it, is
lost on the way. References that do not resolve are left out of the names and titles, never a
reason to fail: the ids stay in `custom`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs

from evidence._cite import (
    _CHANNEL_WORDS,
    _KIND_TITLES,
    Name,
    _ecf,
    abbreviate_document_title,
    parse_name,
    title_case,
)
from evidence._errors import ResolutionError, UsageError
from evidence._model import (
    Actor,
    ActorKind,
    Case,
    Confidence,
    Court,
    Date,
    DateValue,
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
class _Item:
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


# CSL 1.0.2 item types, and the biblatex entry type and RIS TY of each. CSL has no type for a
# docket entry or an exhibit: "document" is its type for anything unpublished and unclassified.
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
    SourceKind.OTHER: "document",
}
_SOURCE_GENRES = {SourceKind.PRESS_RELEASE: "Press release", SourceKind.COURT_DOCUMENT: "Court document"}
_BIBTEX_TYPES = {
    "article-newspaper": "article",
    "article-journal": "article",
    "webpage": "online",
    "post-weblog": "online",
    "report": "report",
    "book": "book",
    "dataset": "dataset",
    "motion_picture": "video",
    "document": "misc",
    "legal_case": "jurisdiction",
    "personal_communication": "misc",
}
# The biblatex field that names the work an item appears in.
_BIBTEX_CONTAINERS = {
    "article": "journaltitle",
    "online": "organization",
    "report": "institution",
    "dataset": "organization",
    "video": "organization",
}
_RIS_TYPES = {
    "article-newspaper": "NEWS",
    "article-journal": "JOUR",
    "webpage": "ELEC",
    "post-weblog": "BLOG",
    "report": "RPRT",
    "book": "BOOK",
    "dataset": "DATA",
    "motion_picture": "VIDEO",
    "document": "GEN",
    "legal_case": "CASE",
    "personal_communication": "PCOMM",
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


# -- what CSL dates can hold ------------------------------------------------------------------


def _parts(date: Date) -> list[int]:
    """The known parts only: [2023, 10] for a month, never an invented day."""
    return [part for part in (date.year, date.month, date.day) if part is not None]


def _padded(parts: list[int]) -> list[str]:
    """Date parts as ISO 8601 writes them: ['2023', '01']."""
    return [f"{parts[0]:04d}", *(f"{part:02d}" for part in parts[1:])]


def _exact_in_csl(value: DateValue) -> bool:
    """Whether CSL date-parts (with `circa`) say all the value says: no time, nothing uncertain,
    no open or unknown end."""
    if isinstance(value, Date):
        return not value.has_time and not value.uncertain
    if value.start is None or value.end is None:
        return False
    return _exact_in_csl(value.start) and _exact_in_csl(value.end) and value.start.approximate == value.end.approximate


def _csl_date(value: DateValue) -> dict[str, Any] | None:
    """A CSL date; None for an interval with an open or unknown end, which CSL cannot state."""
    points = [value] if isinstance(value, Date) else [value.start, value.end]
    if any(point is None for point in points):
        return None
    dates = [point for point in points if point is not None]
    data: dict[str, Any] = {"date-parts": [_parts(date) for date in dates]}
    if any(date.approximate for date in dates):
        data["circa"] = True
    return data


def _keep_date(custom: dict[str, Any], name: str, value: DateValue | None) -> DateValue | None:
    """Pass a date on; when CSL cannot hold all of it, keep its exact text in `custom` too."""
    if value is not None and not _exact_in_csl(value):
        custom[name] = str(value)
    return value


# -- records to items -------------------------------------------------------------------------


def _confidence(record: Record, custom: dict[str, Any]) -> dict[str, Any]:
    """Add how sure the record is, when it is not all confirmed: uncertainty is data."""
    levels = [record.confidence, *record.field_confidence.values()]
    if any(level is not Confidence.CONFIRMED for level in levels):
        custom["confidence"] = record.confidence.value
        if record.field_confidence:
            custom["field_confidence"] = {name: level.value for name, level in record.field_confidence.items()}
    return custom


def _source_item(source: Source, records: RecordSet) -> _Item:
    custom: dict[str, Any] = {}
    issued = _keep_date(custom, "published", source.published)
    accessed = _keep_date(custom, "retrieved", source.retrieved)
    original = _find(records, source.translation_of, Source)
    if source.translation_of is not None:
        custom["translation_of"] = source.translation_of
    if source.archived_url is not None:
        custom["archived_url"] = source.archived_url
    return _Item(
        id=source.id,
        type=_CSL_TYPES[source.kind],
        title=source.title,
        genre=_SOURCE_GENRES.get(source.kind),
        authors=tuple(_person(author) for author in source.authors),
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
        original_date=original.published if original is not None else None,
        note=_text(source.notes),
        custom=_confidence(source, custom),
    )


def _case_item(case: Case, records: RecordSet) -> _Item:
    court = _court(records, case)
    # CSL's date of a case is the date it was decided; a docket is dated by its filing, as the
    # Bluebook cites a pending case ("filed July 7, 2023"), so `custom` says which date it is.
    custom: dict[str, Any] = {"caption": case.caption, "court": case.court}
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
    if case.decisions:
        custom["decisions"] = [
            {key: str(value) for key, value in attrs.asdict(decision, recurse=False).items() if value is not None}
            for decision in case.decisions
        ]
    return _Item(
        id=case.id,
        type="legal_case",
        title=case.name,
        title_short=_text(case.short_name),
        authority=_court_citation(court),
        number=case.docket_number,
        issued=case.filed,
        url=case.url,
        note=_text(case.notes),
        custom=_confidence(case, custom),
    )


def _court_citation(court: Court | None) -> str | None:
    return (_text(court.citation) or _text(court.name)) if court is not None else None


def _docket(custom: dict[str, Any], case_id: str, records: RecordSet) -> tuple[Case | None, str | None]:
    """Add the case, its docket number and its court to `custom`; the case and its court's citation."""
    custom["case"] = case_id
    case = _find(records, case_id, Case)
    if case is None:
        return None, None
    custom["docket_number"] = case.docket_number
    custom["court"] = case.court
    return case, _court_citation(_court(records, case))


def _filing_title(filing: Filing) -> str | None:
    """The title as filed, else what the filing is ("Declaration"), as the docket would say."""
    if filing.title:
        return filing.title
    return title_case(filing.kind.value) if filing.kind is not None else None


def _short_filing_title(filing: Filing) -> str | None:
    """The short title the records give, else the title abbreviated as the Bluebook does (T18)."""
    if filing.short_title:
        short: str | None = filing.short_title
    elif filing.title:
        short = abbreviate_document_title(filing.title)
    else:
        short = _KIND_TITLES.get(filing.kind) if filing.kind is not None else None
    return short if short != _filing_title(filing) else None


def _filing_item(filing: Filing, records: RecordSet) -> _Item:
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
    return _Item(
        id=filing.id,
        type="document",
        title=_filing_title(filing),
        title_short=_short_filing_title(filing),
        genre=title_case(filing.kind.value) if filing.kind is not None and filing.title else None,
        authors=_people(records, filing.filed_by),
        container=case.name if case is not None else None,
        authority=court,
        number=_ecf(filing) or None,
        number_of_pages=filing.pages,
        issued=filing.filed,
        url=filing.url,
        note=_text(filing.notes),
        custom=_confidence(filing, custom),
    )


def _exhibit_item(exhibit: Exhibit, records: RecordSet) -> _Item:
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
    label = f"Ex. {exhibit.label}" if exhibit.label else None
    title = ": ".join(part for part in (label, _text(exhibit.title)) if part) or "Exhibit"
    return _Item(
        id=exhibit.id,
        type="document",
        title=title,
        title_short=label if label != title else None,
        container=case.name if case is not None else None,
        authority=court,
        number=(_ecf(filing, exhibit) or None) if filing is not None else None,
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
    return lines[0] if lines else _CHANNEL_WORDS[message.channel.value if message.channel else "other"]


def _message_item(message: Message, records: RecordSet) -> _Item:
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
    quoted_in = list(dict.fromkeys(attestation.source for attestation in message.attestations))
    if quoted_in:
        custom["quoted_in"] = quoted_in
    issued = _keep_date(custom, "sent", message.sent)
    sender = _find(records, message.sender, Actor)
    authors: tuple[Person, ...] = ()
    if sender is not None:
        authors = (_actor_person(sender),)
    elif message.sender_description:
        authors = (message.sender_description,)
    return _Item(
        id=message.id,
        type="personal_communication",
        title=_message_title(message),
        genre=_CHANNEL_WORDS[message.channel.value] if message.channel is not None else None,
        authors=authors,
        recipients=_people(records, message.recipients),
        issued=issued,
        language=message.language,
        abstract=_text(message.text),
        note=_text(message.notes),
        custom=_confidence(message, custom),
    )


_BUILDERS: dict[type[Record], Callable[[Any, RecordSet], _Item]] = {
    Source: _source_item,
    Case: _case_item,
    Filing: _filing_item,
    Exhibit: _exhibit_item,
    Message: _message_item,
}


def _items(records: RecordSet) -> list[_Item]:
    """One item per citable record, in the order the records were read."""
    return [_BUILDERS[type(record)](record, records) for record in records if type(record) in _BUILDERS]


# -- CSL-JSON ---------------------------------------------------------------------------------


def _csl_name(person: Person) -> dict[str, str]:
    if isinstance(person, str):
        return {"literal": person}
    return {"family": person.family, "given": person.given} if person.given else {"family": person.family}


def _csl_item(item: _Item) -> dict[str, Any]:
    data: dict[str, Any] = {"id": item.id, "type": item.type}
    texts = {
        "title": item.title,
        "title-short": item.title_short,
        "genre": item.genre,
    }
    names = {"author": item.authors, "recipient": item.recipients, "translator": item.translators}
    more = {
        "container-title": item.container,
        "publisher": item.publisher,
        "authority": item.authority,
        "number": item.number,
        "page": item.page,
        "number-of-pages": item.number_of_pages,
        "issued": _csl_date(item.issued) if item.issued is not None else None,
        "accessed": _csl_date(item.accessed) if item.accessed is not None else None,
        "URL": item.url,
        "language": item.language,
        "original-title": item.original_title,
        "original-author": [_csl_name(person) for person in item.original_authors] or None,
        "original-date": _csl_date(item.original_date) if item.original_date is not None else None,
        "abstract": item.abstract,
        "note": item.note,
        "custom": item.custom or None,
    }
    data.update({key: value for key, value in texts.items() if value is not None})
    data.update({key: [_csl_name(person) for person in people] for key, people in names.items() if people})
    data.update({key: value for key, value in more.items() if value is not None})
    return data


def to_csl_json(records: RecordSet) -> list[dict[str, Any]]:
    """CSL-JSON items (CSL 1.0.2) of every citable record, for Zotero, Pandoc and citeproc."""
    return [_csl_item(item) for item in _items(records)]


def _csl_json_text(records: RecordSet) -> str:
    return json.dumps(to_csl_json(records), indent=2, ensure_ascii=False) + "\n"


# -- extras: what CSL keeps in `custom`, as plain fields --------------------------------------


def _flat(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{key}: {_flat(item)}" for key, item in value.items())
    if isinstance(value, list):
        return "; ".join(_flat(item) for item in value)
    return str(value)


def _extras(item_custom: dict[str, Any]) -> list[tuple[str, str]]:
    """The `custom` entries of an item as (name, text) pairs, for formats without nesting."""
    return [(key, _flat(value)) for key, value in item_custom.items()]


# -- BibTeX -----------------------------------------------------------------------------------

_LATEX = {
    "\\": r"\textbackslash{}",
    # BibTeX counts braces even after a backslash, so a lone brace is written as a command.
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_LATEX_SPECIAL = re.compile(r"[\\{}&%$#_~^]")
# Readers that recover from errors take an '@' opening a line for the start of an entry, even
# inside a value; braced, it is just an '@'.
_AT_LINE_START = re.compile(r"(\n\s*)@")
# A word, from its first letter or digit to its last: "Platforms" in "Platforms,".
_WORD = re.compile(r"[^\W_](?:\S*[^\W_])?")


def _bibtex_escape(text: str) -> str:
    """Text safe in a BibTeX field and in LaTeX; other Unicode stays as it is (UTF-8)."""
    return _LATEX_SPECIAL.sub(lambda match: _LATEX[match.group()], text)


def _bibtex_title(text: str) -> str:
    """An escaped title whose capitals survive styles that lower-case titles: every word with a
    capital after the title's first letter is braced ("{OpenAI's} {GPT-4}"), so the title
    prints as published in any style."""
    out = []
    end = 0
    for match in _WORD.finditer(text):
        word = match.group()
        capital = any(char.isupper() for n, char in enumerate(word) if match.start() + n > 0)
        out.append(_bibtex_escape(text[end : match.start()]))
        out.append(f"{{{_bibtex_escape(word)}}}" if capital else _bibtex_escape(word))
        end = match.end()
    out.append(_bibtex_escape(text[end:]))
    return "".join(out)


def _bibtex_url(url: str) -> str:
    """biblatex reads URLs verbatim; only braces and backslashes, which would unbalance the
    entry, are percent-encoded."""
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


def _bibtex_part(text: str, *, whole: bool = False) -> str:
    """A name part, braced where BibTeX would split it: at a comma, at the word 'and', and
    (`whole`) at a space."""
    escaped = _bibtex_escape(text)
    if "," in text or re.search(r"\band\b", text, re.IGNORECASE) or (whole and re.search(r"\s", text)):
        return f"{{{escaped}}}"
    return escaped


def _bibtex_name(person: Person) -> str:
    if isinstance(person, str):
        return f"{{{_bibtex_escape(person)}}}"
    if not person.given:
        return _bibtex_part(person.family, whole=True)
    return f"{_bibtex_part(person.family)}, {_bibtex_part(person.given)}"


def _bibtex_names(people: tuple[Person, ...]) -> str | None:
    return " and ".join(_bibtex_name(person) for person in people) or None


def _bibtex_date(value: DateValue | None) -> str | None:
    """The date CSL keeps, written as biblatex (EDTF) reads it: '2023-10', '2024-01/2024-03~'."""
    data = _csl_date(value) if value is not None else None
    if data is None:
        return None
    circa = "~" if data.get("circa") else ""
    return "/".join("-".join(_padded(parts)) + circa for parts in data["date-parts"])


def _maybe(write: Callable[[str], str], value: str | None) -> str | None:
    return write(value) if value else None


def _bibtex_fields(item: _Item) -> list[tuple[str, str]]:
    """The fields of an item's entry, as written between the braces; extras last."""
    entry_type = _BIBTEX_TYPES[item.type]
    pages = str(item.number_of_pages) if item.number_of_pages is not None else None
    fields = [
        ("entrysubtype", "newspaper" if item.type == "article-newspaper" else None),
        ("author", _bibtex_names(item.authors)),
        ("title", _maybe(_bibtex_title, item.title)),
        ("shorttitle", _maybe(_bibtex_title, item.title_short)),
        ("type", _maybe(_bibtex_escape, item.genre)),
        (_BIBTEX_CONTAINERS.get(entry_type, "howpublished"), _maybe(_bibtex_escape, item.container)),
        ("publisher", _maybe(_bibtex_escape, item.publisher)),
        ("institution", _maybe(_bibtex_escape, item.authority)),
        ("number", _maybe(_bibtex_escape, item.number)),
        ("pages", _maybe(_bibtex_escape, item.page)),
        ("pagetotal", pages),
        ("date", _bibtex_date(item.issued)),
        ("urldate", _bibtex_date(item.accessed)),
        ("url", _maybe(_bibtex_url, item.url)),
        ("language", _maybe(_bibtex_escape, item.language)),
        ("translator", _bibtex_names(item.translators)),
        ("recipient", _bibtex_names(item.recipients)),
        ("origtitle", _maybe(_bibtex_title, item.original_title)),
        ("origauthor", _bibtex_names(item.original_authors)),
        ("origdate", _bibtex_date(item.original_date)),
        ("abstract", _maybe(_bibtex_escape, item.abstract)),
        ("annotation", _maybe(_bibtex_escape, item.note)),
    ]
    written = [(name, value) for name, value in fields if value]
    written += [(name, _bibtex_escape(value)) for name, value in _extras(item.custom)]
    return [(name, _AT_LINE_START.sub(r"\1{@}", value)) for name, value in written]


def to_bibtex(records: RecordSet) -> str:
    """biblatex entries of every citable record; the keys are the record ids."""
    entries = []
    for item in _items(records):
        body = "".join(f"  {name} = {{{value}}},\n" for name, value in _bibtex_fields(item))
        entries.append(f"@{_BIBTEX_TYPES[item.type]}{{{item.id},\n{body}}}\n")
    return "\n".join(entries)


# -- RIS --------------------------------------------------------------------------------------


def _ris_line(tag: str, value: str) -> str:
    """One tagged line; RIS has no line breaks inside a value, so they become spaces."""
    return f"{tag}  - {' '.join(value.splitlines())}"


def _ris_name(person: Person) -> str:
    if isinstance(person, str):
        return person
    return f"{person.family}, {person.given}" if person.given else person.family


def _ris_date(value: DateValue | None) -> str | None:
    """'2023/10//': year, month, day and other information, each empty when not known; the
    exact text goes in the last slot when the parts do not say it all."""
    data = _csl_date(value) if value is not None else None
    if value is None or data is None:
        return None
    known = _padded(data["date-parts"][0])
    plain = isinstance(value, Date) and _exact_in_csl(value) and not value.approximate
    return "/".join([*known, *[""] * (3 - len(known)), "" if plain else str(value)])


def _ris_lines(item: _Item) -> list[str]:
    """The tagged lines of one item, from TY to ER."""
    date = _ris_date(item.issued)
    pairs: list[tuple[str, str | None]] = [("TY", _RIS_TYPES[item.type]), ("ID", item.id)]
    pairs += [("AU", _ris_name(person)) for person in item.authors]
    pairs += [("A2", _ris_name(person)) for person in item.recipients]
    pairs += [("A4", _ris_name(person)) for person in item.translators]
    pairs += [
        ("TI", item.title),
        ("ST", item.title_short),
        ("T2", item.container),
        ("PB", item.publisher or item.authority),
        ("M1", item.number),
        ("M3", item.genre),
        ("SP", item.page),
        ("PY", date[:4] if date else None),
        ("DA", date),
        ("Y2", _ris_date(item.accessed)),
        ("UR", item.url),
        ("LA", item.language),
        ("OP", item.original_title),
        ("AB", item.abstract),
        ("N1", item.note),
    ]
    pairs += [("N1", f"{name}: {value}") for name, value in _extras(item.custom)]
    lines = [_ris_line(tag, value) for tag, value in pairs if value]
    return [*lines, "ER  - "]


def to_ris(records: RecordSet) -> str:
    """RIS records of every citable record, for EndNote, Mendeley and the like."""
    return "".join("\n".join(_ris_lines(item)) + "\n\n" for item in _items(records))


# -- the entry point --------------------------------------------------------------------------


def _optional(module: str, function: str, extra: str) -> Callable[[RecordSet], str]:
    """An export that lives in a module needing an optional dependency, imported when used."""

    def write(records: RecordSet) -> str:
        import importlib

        try:
            return getattr(importlib.import_module(module), function)(records)  # type: ignore[no-any-return]
        except ModuleNotFoundError as error:
            raise UsageError(f"this export needs {error.name}: pip install 'evidence[{extra}]'") from None

    return write


FORMATS: dict[str, Callable[[RecordSet], str]] = {
    "csl-json": _csl_json_text,
    "bibtex": to_bibtex,
    "ris": to_ris,
    "prov-json": _optional("evidence._provenance", "to_prov_json", "prov"),
    "prov-n": _optional("evidence._provenance", "to_prov_n", "prov"),
    "prov-turtle": _optional("evidence._provenance", "to_prov_turtle", "prov"),
    "annotations": _optional("evidence._provenance", "to_annotations_json", "prov"),
}


def export(records: RecordSet, to: str) -> str:
    """The text of a record set in one of `FORMATS`."""
    try:
        write = FORMATS[to]
    except KeyError:
        raise UsageError(f"unknown export format {to!r}: use one of {', '.join(FORMATS)}") from None
    return write(records)

"""RIS, for EndNote, Mendeley and the like: one tagged record per item."""

from __future__ import annotations

from evidence._export.dates import csl_date, exact_in_csl, padded
from evidence._export.items import Item, Person, extras, items
from evidence._model import Date, DateValue
from evidence._recordset import RecordSet

# The RIS TY of each CSL item type.
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
    "hearing": "HEAR",
    "patent": "PAT",
}


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
    data = csl_date(value) if value is not None else None
    if value is None or data is None:
        return None
    known = padded(data["date-parts"][0])
    plain = isinstance(value, Date) and exact_in_csl(value) and not value.approximate
    return "/".join([*known, *[""] * (3 - len(known)), "" if plain else str(value)])


def _ris_lines(item: Item) -> list[str]:
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
        ("N1", item.quoted_in),
        ("N1", item.note),
        ("N1", item.marks),
    ]
    pairs += [("N1", f"{name}: {value}") for name, value in extras(item.custom)]
    lines = [_ris_line(tag, value) for tag, value in pairs if value]
    return [*lines, "ER  - "]


def to_ris(records: RecordSet) -> str:
    """RIS records of every citable record, for EndNote, Mendeley and the like."""
    return "".join("\n".join(_ris_lines(item)) + "\n\n" for item in items(records))

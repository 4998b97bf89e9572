"""RIS, for EndNote, Zotero, Mendeley and the like: one tagged record per item, in the tags
those readers map for its type (Zotero's RIS translator, citation-js's RIS specification)."""

from __future__ import annotations

from evidence._export.dates import csl_date, exact_in_csl, padded
from evidence._export.items import Item, Person, extras, items
from evidence._model import Case, Date, DateValue, Record
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


def _ris_parts(value: DateValue | None) -> str | None:
    """The known parts of a date alone, '2025/01/14': the form of `Y1` that citation-js reads
    whole (with a trailing slash it keeps the text unread)."""
    data = csl_date(value) if value is not None else None
    return "/".join(padded(data["date-parts"][0])) if data is not None else None


def _names(people: tuple[Person, ...]) -> str:
    return ", ".join(person if isinstance(person, str) else person.full for person in people)


def _ris_lines(item: Item, record: Record | None = None) -> list[str]:
    """The tagged lines of one item, from TY to ER."""
    kind = _RIS_TYPES.get(item.type, "GEN")
    # A docket is dated by its filing, not decided then: `SE`, which citation-js reads as the
    # date submitted and Zotero keeps as the case's "File Date"; `DA` of a case is its decision.
    filed = _ris_date(record.filed) if isinstance(record, Case) else None
    date = None if isinstance(record, Case) else _ris_date(item.issued)
    pairs: list[tuple[str, str | None]] = [("TY", kind), ("ID", item.id)]
    # AU is the author in Zotero for every type; citation-js reads it as `reporter` for NEWS
    # (its only author tag there is TA, the translated author, which Zotero drops).
    pairs += [("AU", _ris_name(person)) for person in item.authors]
    if kind == "PCOMM":  # A2 is the recipient of a letter; of a GEN both readers make it an editor
        pairs += [("A2", _ris_name(person)) for person in item.recipients]
    pairs += [("A4", _ris_name(person)) for person in item.translators]
    pairs += [
        ("TI", item.title),
        ("ST", item.title_short),
        ("T2", item.container),
        ("PB", item.publisher or item.authority),
        # Zotero reads a case's docket number from SV (as EndNote writes it); citation-js has no
        # tag for it in a CASE, so a note says it too.
        ("SV" if kind == "CASE" else "M1", item.number),
        ("M3", item.genre),
        ("SP", item.page),
    ]
    if kind == "NEWS":
        pairs.append(("Y1", _ris_parts(item.issued)))
        # Y1 holds the parts alone: an approximate date, or an interval, is said whole in the note.
        written_whole = _ris_date(item.issued)
        kept = str(item.issued) in item.custom.values()  # a date CSL cannot hold is in the note already
        if written_whole is not None and not written_whole.endswith("/") and not kept:
            pairs.append(("N1", f"Dated {item.issued}"))
    else:
        pairs += [("PY", date[:4] if date else None), ("DA", date), ("SE", filed)]
    pairs += [
        ("Y2", _ris_date(item.accessed)),
        ("UR", item.url),
        ("LA", item.language),
        # OP, the original publication: citation-js reads it as the original title of a GEN and
        # as the history of a CASE, Zotero as a case's history; a note says it for every reader.
        ("OP", item.original_title if kind != "CASE" else None),
        ("AB", item.abstract),
        ("N1", item.quoted_in),
        ("N1", item.note),
        ("N1", f"No. {item.number}" if kind == "CASE" and item.number else None),
        ("N1", f"To {_names(item.recipients)}" if item.recipients and kind != "PCOMM" else None),
        ("N1", f"Translation of “{item.original_title}”" if item.original_title else None),
        ("N1", item.marks),
    ]
    pairs += [("N1", f"{name}: {value}") for name, value in extras(item.custom)]
    written = [(tag, value) for tag, value in pairs if value]
    lines = [_ris_line(tag, value) for tag, value in _one_note(_first_spec(written) if kind == "NEWS" else written)]
    return [*lines, "ER  - "]


def _one_note(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The notes in one N1, paragraphs apart (" | "): citation-js keeps only an item's first N1,
    and the marks must reach its readers."""
    notes = [value for tag, value in pairs if tag == "N1"]
    kept = [(tag, value) for tag, value in pairs if tag != "N1"]
    return [*kept, ("N1", " | ".join(notes))] if notes else kept


# The tags of the first RIS specification. citation-js reads a record that mixes them with tags
# of the 2011 one (DA, LA, OP...) by the later specification, where a newspaper article's AU is its
# "reporter" (no CSL variable: the author is lost) and only PY, a year, dates it; by the first,
# AU is its author and Y1 its full date, as Zotero reads them too. So a NEWS record keeps to these,
# and says the rest in its note; OP is said there already
# ("Translation of ...").
_FIRST_SPEC = {"TY", "ID", "AU", "TI", "T2", "PB", "M1", "M3", "SP", "Y1", "Y2", "UR", "N2"}
_SAID = {"ST": "Short title", "A4": "Translated by", "LA": "Language"}


def _first_spec(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    kept = [("N2" if tag == "AB" else tag, value) for tag, value in pairs if tag in _FIRST_SPEC or tag == "AB"]
    said = [("N1", f"{_SAID[tag]}: {value}") for tag, value in pairs if tag in _SAID]
    return [*kept, *said, *((tag, value) for tag, value in pairs if tag == "N1")]


def to_ris(records: RecordSet) -> str:
    """RIS records of every citable record, for EndNote, Zotero, Mendeley and the like."""
    by_id = {record.id: record for record in records}
    return "".join("\n".join(_ris_lines(item, by_id.get(item.id))) + "\n\n" for item in items(records))

"""BibTeX in two flavours, one entry per item keyed by the record id, text escaped for LaTeX:
biblatex entries valid under biblatex's default data model (what `biber --validate-datamodel`
checks), whose court, docket and ECF numbers the standard styles print; and classic BibTeX, for
the `bibtex` program and its styles, dated by `year` and `month`."""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs

from evidence._export.dates import csl_date, padded
from evidence._export.items import Item, Person, extras, items
from evidence._model import Case, DateValue, Exhibit, Filing, Record
from evidence._recordset import RecordSet

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
    data = csl_date(value) if value is not None else None
    if data is None:
        return None
    circa = "~" if data.get("circa") else ""
    return "/".join("-".join(padded(parts)) + circa for parts in data["date-parts"])


def _maybe(write: Callable[[str], str], value: str | None) -> str | None:
    return write(value) if value else None


# -- what each flavour may hold ----------------------------------------------------------------

# The babel and biblatex name of a language, from its BCP 47 tag (its language and region):
# biblatex prints `language` through its own strings ("English", cleared in an English document)
# and hyphenates by `langid`; a bare "en" would print as "en.".
_LANGUAGES = {
    "en": "english", "en-us": "american", "en-gb": "british", "pt": "portuguese", "pt-br": "brazilian",
    "pt-pt": "portuguese", "es": "spanish", "fr": "french", "de": "german", "it": "italian", "nl": "dutch",
    "ca": "catalan", "cs": "czech", "da": "danish", "el": "greek", "et": "estonian", "eu": "basque",
    "fi": "finnish", "gl": "galician", "hr": "croatian", "hu": "hungarian", "ja": "japanese", "la": "latin",
    "lt": "lithuanian", "lv": "latvian", "nb": "norwegian", "nn": "norwegian", "no": "norwegian",
    "pl": "polish", "ro": "romanian", "ru": "russian", "sk": "slovak", "sl": "slovene", "sr": "serbian",
    "sv": "swedish", "tr": "turkish", "uk": "ukrainian", "bg": "bulgarian",
}  # fmt: skip

# The biblatex entry type of each CSL item type; court records are @manual (below), the rest
# @misc. biblatex's default data model gives the legal types (@jurisdiction, @letter...) no field
# beyond the ones every type has, not even `title`, and its styles no driver for them.
_BIBLATEX_TYPES = {
    "article-newspaper": "article",
    "article-journal": "article",
    "webpage": "online",
    "post-weblog": "online",
    "report": "report",
    "book": "book",
    "dataset": "dataset",
    "patent": "patent",
}
# The fields biblatex's default data model (biber's) allows in each entry type used here, besides
# those every type has (title aside); a value with no place in its type goes into the note.
_COMMON = {"author", "title", "language", "note", "addendum"}
_BIBLATEX_FIELDS = {
    "article": {"journaltitle", "number", "pages", "translator"},
    "book": {"number", "pages", "pagetotal", "publisher", "series", "translator"},
    "manual": {"number", "organization", "pages", "pagetotal", "publisher", "series", "type"},
    "misc": {"howpublished", "organization", "type"},
    "online": {"organization"},
    "report": {"institution", "number", "pages", "pagetotal", "type"},
    "dataset": {"number", "organization", "publisher", "series", "type"},
    "patent": {"number", "type"},
}
# Where each type names the work an item appears in.
_CONTAINERS = {
    "article": "journaltitle",
    "book": "series",
    "manual": "series",
    "misc": "howpublished",
    "online": "organization",
    "report": "institution",
    "dataset": "organization",
}
# The classic entry type of each CSL item type; court records are @techreport, the rest @misc.
_CLASSIC_TYPES = {"article-newspaper": "article", "article-journal": "article", "book": "book", "report": "techreport"}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@attrs.frozen
class BibEntry:
    """One entry as written: its type, key and fields (name, escaped value), in order."""

    type: str
    key: str
    fields: list[tuple[str, str]]

    def text(self) -> str:
        # A month is written as the styles' macro, unbraced ("month = jan"), which they localize.
        body = "".join(
            f"  {name} = {value},\n" if name == "month" and value in _MONTHS else f"  {name} = {{{value}}},\n"
            for name, value in self.fields
        )
        return f"@{self.type}{{{self.key},\n{body}}}\n"


def biblatex_language(code: str | None) -> str | None:
    """The biblatex name of a BCP 47 language tag ('pt-BR' -> 'brazilian'); None when unknown."""
    if not code:
        return None
    parts = code.lower().replace("_", "-").split("-")
    regional = "-".join(parts[:3:2] if len(parts) > 2 and len(parts[1]) == 4 else parts[:2])
    return _LANGUAGES.get(regional) or _LANGUAGES.get(parts[0])


def _shown_name(person: Person) -> str:
    return person if isinstance(person, str) else person.full


def _shown_names(people: tuple[Person, ...]) -> str:
    names = [_shown_name(person) for person in people]
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


def _is_court_record(item: Item, record: Record | None) -> bool:
    return item.type == "legal_case" or isinstance(record, (Case, Filing, Exhibit))


def _number(item: Item) -> str | None:
    """The number printed for an item: a case's docket ("No. 3:23-cv-03417-VC"), a filing's ECF."""
    if item.number and item.type == "legal_case":
        return f"No. {item.number}"
    return item.number


def _docket_of_document(item: Item) -> str | None:
    """A filing's or an exhibit's case docket, which its entry prints beside the ECF number."""
    docket = item.custom.get("docket_number")
    return f"No. {docket}" if docket and item.type != "legal_case" else None


class _Fields:
    """Fields of one entry being written: each value goes to the first of its places the entry
    type allows and leaves free, else into the note."""

    def __init__(self, allowed: set[str]) -> None:
        self.allowed = allowed
        self.written: list[tuple[str, str]] = []
        self.notes: list[str] = []

    def put(self, value: str | None, *names: str, note: str | None = None) -> None:
        if not value:
            return
        taken = {name for name, _ in self.written}
        for name in names:
            if name in self.allowed and name not in taken:
                self.written.append((name, value))
                return
        self.notes.append(note or value)


def _filed(item: Item) -> str | None:
    """When a case was filed, in words for a note: "Filed 2023-07-07."."""
    return f"Filed {item.issued}." if item.issued is not None else None


def _biblatex_fields(item: Item, record: Record | None, keys: frozenset[str] = frozenset()) -> BibEntry:
    """The biblatex entry of an item: fields of its type in biblatex's default data model, and
    the item's extras (which biber reports as outside the data model and leaves to other readers)."""
    entry_type = "manual" if _is_court_record(item, record) else _BIBLATEX_TYPES.get(item.type, "misc")
    fields = _Fields({"entrysubtype", "shorttitle", "date", "urldate", "url", "langid", "abstract",
                      "annotation", "origtitle", "origdate", "related", "relatedtype"}
                     | _COMMON | _BIBLATEX_FIELDS[entry_type])  # fmt: skip
    put = fields.put
    put("newspaper" if item.type == "article-newspaper" else None, "entrysubtype")
    put(_bibtex_names(item.authors), "author")
    put(_maybe(_bibtex_title, item.title), "title")
    put(_maybe(_bibtex_title, item.title_short), "shorttitle")
    put(_maybe(_bibtex_escape, item.genre), "type")
    container = _CONTAINERS.get(entry_type)
    docket = _docket_of_document(item)
    if entry_type == "manual" and item.container and docket:
        # A filing's case and docket before its ECF number: "Kadrey v. Meta Platforms, Inc.,
        # No. 3:23-cv-03417-VC ECF No. 391".
        put(_bibtex_escape(f"{item.container}, {docket}"), "series")
        docket = None
    else:
        put(_maybe(_bibtex_escape, item.container), *([container] if container else []))
    places = ("publisher", "organization", "institution", "howpublished")
    put(_maybe(_bibtex_escape, item.publisher), *places)
    # The court: a manual's organization, printed with the date ("N.D. Cal., July 7, 2023").
    put(_maybe(_bibtex_escape, item.authority), "organization", *places)
    put(_maybe(_bibtex_escape, _number(item)), "number")
    put(_maybe(_bibtex_escape, docket))
    if item.recipients:
        put(_bibtex_escape(f"To {_shown_names(item.recipients)}"))
    put(_maybe(_bibtex_escape, item.page), "pages", note=f"p. {_bibtex_escape(item.page or '')}")
    pages = str(item.number_of_pages) if item.number_of_pages is not None else None
    put(pages, "pagetotal", note=f"{pages} pp.")
    if isinstance(record, Case):  # dated by its filing, which a style would print as decided
        put(_maybe(_bibtex_escape, _filed(item)))
    else:
        put(_bibtex_date(item.issued), "date")
    put(_bibtex_date(item.accessed), "urldate")
    put(_maybe(_bibtex_url, item.url), "url")
    language = biblatex_language(item.language)
    put(language, "langid")
    put(language, "language")
    if item.translators:
        translators = _bibtex_names(item.translators)
        put(translators, "translator", note=_bibtex_escape(f"Translated by {_shown_names(item.translators)}"))
    put(_maybe(_bibtex_title, item.original_title), "origtitle")
    put(_bibtex_date(item.original_date), "origdate")
    original = item.custom.get("translation_of")
    if isinstance(original, str) and original in keys:
        put(original, "related")  # biblatex's styles print "Trans. of" and the original's entry
        put("translationof", "relatedtype")
    elif item.original_authors:
        put(_bibtex_escape(f"Translation of a work by {_shown_names(item.original_authors)}"))
    put(_maybe(_bibtex_escape, item.abstract), "abstract")
    put(_maybe(_bibtex_escape, item.note), "annotation")
    # Printed at the end of the entry by biblatex's styles: what has no field of its own (a
    # message's recipients), where a message was read, and how sure the entry is. Not `note`:
    # citation-js reads `addendum` only when there is no `note`, and would lose the marks.
    shown = [part if part.endswith(".") else f"{part}." for part in fields.notes]
    addendum = " ".join([*shown, *(_bibtex_escape(part) for part in (item.quoted_in, item.marks) if part)])
    put(addendum, "addendum")
    return BibEntry(entry_type, item.id, _finished(fields.written, item))


def _finished(written: list[tuple[str, str]], item: Item) -> list[tuple[str, str]]:
    """The fields and the item's extras, with no '@' opening a line."""
    written = written + [(name, _bibtex_escape(value)) for name, value in extras(item.custom)]
    return [(name, _AT_LINE_START.sub(r"\1{@}", value)) for name, value in written]


def _classic_fields(item: Item, record: Record | None) -> BibEntry:
    """The classic BibTeX entry of an item, in the fields of BibTeX's standard styles (plain,
    alpha, unsrt): `year` and `month`; a court record as @techreport, its court the institution
    and its docket or ECF number the number, as those styles print them ("Case 3:23-cv-03417-VC,
    N.D. Cal., July 2023")."""
    court = _is_court_record(item, record)
    entry_type = _CLASSIC_TYPES.get(item.type, "misc")
    if court:
        entry_type = "techreport"
    out: list[tuple[str, str | None]] = [
        ("author", _bibtex_names(item.authors)),
        ("title", _maybe(_bibtex_title, item.title)),
    ]
    notes: list[str | None] = []
    if entry_type == "techreport":
        kind = item.genre or ("Case" if item.type == "legal_case" else "Court document" if court else None)
        out += [
            ("type", _maybe(_bibtex_escape, kind)),
            ("number", _maybe(_bibtex_escape, item.number)),
            # A court's name, or a report's publisher (a press release's "Acme Corp.").
            ("institution", _maybe(_bibtex_escape, item.authority if court else item.container or item.publisher)),
        ]
        if court:
            notes += [item.container, _docket_of_document(item)]
    elif entry_type == "article":
        out += [("journal", _maybe(_bibtex_escape, item.container)), ("pages", _maybe(_bibtex_escape, item.page))]
        notes.append(item.publisher)
    elif entry_type == "book":
        out += [
            ("publisher", _maybe(_bibtex_escape, item.publisher)),
            ("series", _maybe(_bibtex_escape, item.container)),
        ]
    else:
        out.append(("howpublished", _maybe(_bibtex_escape, item.container or item.publisher or item.authority)))
        notes.append(item.genre)
    dated = item.issued if not isinstance(record, Case) else None  # a case: filed, not decided then
    notes.append(_filed(item) if isinstance(record, Case) else None)
    date = csl_date(dated) if dated is not None else None
    parts = date["date-parts"][0] if date else []
    out += [
        ("year", str(parts[0]) if parts else None),
        ("month", _MONTHS[parts[1] - 1] if len(parts) > 1 else None),
        ("day", str(parts[2]) if len(parts) > 2 else None),
        # biblatex and citation-js read the whole date, intervals and all; BibTeX ignores it.
        ("date", _bibtex_date(dated)),
        ("url", _maybe(_bibtex_url, item.url)),
        ("urldate", _bibtex_date(item.accessed)),
        ("language", biblatex_language(item.language)),
    ]
    if item.recipients:
        notes.append(f"To {_shown_names(item.recipients)}")
    if item.translators:
        notes.append(f"Translated by {_shown_names(item.translators)}")
    if item.original_title:
        notes.append(f"Translation of “{item.original_title}”")
    notes += [item.quoted_in, item.marks]
    shown = ". ".join(note.rstrip(".") for note in notes if note)
    out += [
        ("note", _maybe(_bibtex_escape, shown + "." if shown else None)),
        ("abstract", _maybe(_bibtex_escape, item.abstract)),
        ("annote", _maybe(_bibtex_escape, item.note)),
    ]
    return BibEntry(entry_type, item.id, _finished([(name, value) for name, value in out if value], item))


def _records_by_id(records: RecordSet) -> dict[str, Record]:
    return {record.id: record for record in records}


def biblatex_entries(records: RecordSet) -> list[BibEntry]:
    """The biblatex entries of every citable record."""
    written = items(records)
    by_id = _records_by_id(records)
    keys = frozenset(item.id for item in written)
    return [_biblatex_fields(item, by_id.get(item.id), keys) for item in written]


def bibtex_entries(records: RecordSet) -> list[BibEntry]:
    """The classic BibTeX entries of every citable record."""
    by_id = _records_by_id(records)
    return [_classic_fields(item, by_id.get(item.id)) for item in items(records)]


def to_biblatex(records: RecordSet) -> str:
    """biblatex entries of every citable record (`--to biblatex`); the keys are the record ids."""
    return "\n".join(entry.text() for entry in biblatex_entries(records))


def to_bibtex(records: RecordSet) -> str:
    """Classic BibTeX entries of every citable record (`--to bibtex`); the keys are the record ids."""
    return "\n".join(entry.text() for entry in bibtex_entries(records))

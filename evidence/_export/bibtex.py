"""BibTeX for biblatex: one entry per item, keyed by the record id; text escaped for LaTeX."""

from __future__ import annotations

import re
from collections.abc import Callable

from evidence._export.dates import csl_date, padded
from evidence._export.items import Item, Person, extras, items
from evidence._model import DateValue
from evidence._recordset import RecordSet

# The biblatex entry type of each CSL item type.
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
    "hearing": "misc",  # biblatex has no type for a hearing
    "patent": "patent",
}
# The biblatex field that names the work an item appears in.
_BIBTEX_CONTAINERS = {
    "article": "journaltitle",
    "online": "organization",
    "report": "institution",
    "dataset": "organization",
    "video": "organization",
}

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


def _bibtex_fields(item: Item) -> list[tuple[str, str]]:
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
        # Printed at the end of the entry by biblatex's styles: where a message was read, and
        # how sure the entry is.
        ("addendum", _maybe(_bibtex_escape, " ".join(p for p in (item.quoted_in, item.marks) if p))),
    ]
    written = [(name, value) for name, value in fields if value]
    written += [(name, _bibtex_escape(value)) for name, value in extras(item.custom)]
    return [(name, _AT_LINE_START.sub(r"\1{@}", value)) for name, value in written]


def to_bibtex(records: RecordSet) -> str:
    """biblatex entries of every citable record; the keys are the record ids."""
    entries = []
    for item in items(records):
        body = "".join(f"  {name} = {{{value}}},\n" for name, value in _bibtex_fields(item))
        entries.append(f"@{_BIBTEX_TYPES[item.type]}{{{item.id},\n{body}}}\n")
    return "\n".join(entries)

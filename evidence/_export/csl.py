"""CSL-JSON (CSL 1.0.2), for Zotero, Pandoc and citeproc.

The items are those every citation export writes (`items`), shaped here for what CSL styles
print: a case, each of its decisions, and each filing and exhibit is a `legal_case` (a style's
court-document form: name, docket number, court, date), the docket number labelled "No." as the
styles leave it to the data; a case's filing date is `submitted`, never `issued`, which styles
print as the date it was decided; a message is titled by what it is ("Chat message from ... to
..."), its words kept in `abstract`; quoted words inside a title are wrapped in
`<span class="nocase">` so that no style re-cases them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from evidence._export.dates import csl_date
from evidence._export.items import Item, Person, items
from evidence._labels import ecf_designation, message_kind
from evidence._model import (
    Actor,
    Case,
    DatabaseCite,
    Decision,
    Exhibit,
    Filing,
    Message,
    Record,
    ReporterCite,
    Source,
    SourceKind,
    parse_cite,
)
from evidence._recordset import RecordSet


def _csl_name(person: Person) -> dict[str, str]:
    if isinstance(person, str):
        return {"literal": person}
    return {"family": person.family, "given": person.given} if person.given else {"family": person.family}


def _shown(person: Person) -> str:
    return person if isinstance(person, str) else person.full


def _csl_item(item: Item) -> dict[str, Any]:
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
        "issued": csl_date(item.issued) if item.issued is not None else None,
        "accessed": csl_date(item.accessed) if item.accessed is not None else None,
        "URL": item.url,
        "language": item.language,
        "original-title": item.original_title,
        "original-author": [_csl_name(person) for person in item.original_authors] or None,
        "original-date": csl_date(item.original_date) if item.original_date is not None else None,
        "abstract": item.abstract,
        "note": item.notes,
        "custom": item.custom or None,
    }
    data.update({key: value for key, value in texts.items() if value is not None})
    data.update({key: [_csl_name(person) for person in people] for key, people in names.items() if people})
    data.update({key: value for key, value in more.items() if value is not None})
    return data


# -- shaped for the styles --------------------------------------------------------------------

# Quoted words in a title: between curly or straight double quotes, or single quotes that are not
# apostrophes ("'fair use' ruling", not "OpenAI's").
_QUOTED = re.compile(r"“[^”]+”|\"[^\"]+\"|‘[^’]+’|(?<!\w)'[^']+'(?!\w)")


def nocase(text: str) -> str:
    """Text no CSL style may re-case (CSL 1.0.2, rich text markup)."""
    return f'<span class="nocase">{text}</span>'


def protect_quotes(title: str) -> str:
    """A title with its quoted words protected from the styles' title case."""
    return _QUOTED.sub(lambda found: nocase(found.group(0)), title)


def docket_label(number: str) -> str:
    """A docket number as citations print it, "No. 3:23-cv-03417-VC": the styles print
    `number` as given, and label it only when it is a plain number."""
    return number if re.match(r"(?i)nos?\.\s", number) else f"No. {number}"


def _case(data: dict[str, Any], case: Case) -> None:
    # A pending case has no decision date: styles would print the filing date as one.
    data.pop("issued", None)
    if case.filed is not None and (submitted := csl_date(case.filed)) is not None:
        data["submitted"] = submitted
    if "number" in data:
        data["number"] = docket_label(data["number"])


def _decision(data: dict[str, Any], decision: Decision, records: RecordSet) -> None:
    """The decision's first cite in the variables styles print: reporter, volume, first page;
    a database cite as the Bluebook writes it, the year as volume ('2025 WL 82205'). A slip
    opinion on the docket is known by its entry's ECF number, after the docket number."""
    filing = records.get(decision.filing) if decision.filing is not None and decision.filing in records else None
    entry = ecf_designation(filing) if isinstance(filing, Filing) else None
    number = ", ".join(part for part in (docket_label(data["number"]) if "number" in data else None, entry) if part)
    if number:
        data["number"] = number
    cite = parse_cite(decision.cites[0]) if decision.cites else None
    if isinstance(cite, ReporterCite):
        data.update({"container-title": cite.reporter, "volume": str(cite.volume), "page": str(cite.page)})
    elif isinstance(cite, DatabaseCite):
        data.update({"container-title": cite.reporter, "volume": str(cite.year), "page": str(cite.number)})


def _court_document(data: dict[str, Any]) -> None:
    """A filing or an exhibit as the styles print a court document: a `legal_case` named by the
    document and its case, the docket number with the entry's ECF number, the court, the date
    filed. As a `document` in the case, the styles printed it as a chapter: "In Kadrey v. Meta"."""
    case_name = data.pop("container-title", None)
    entry = data.get("number")
    docket = data.get("custom", {}).get("docket_number")
    data["type"] = "legal_case"
    if case_name is not None:  # an untitled, unclassified entry is named by its case alone
        data["title"] = ", ".join(part for part in (data.get("title"), nocase(case_name)) if part)
    number = ", ".join(part for part in (docket_label(docket) if docket else None, entry) if part)
    if number:
        data["number"] = number


def _message_title(message: Message, item: Item) -> str:
    """What the message is, by whom, to whom: "Chat message from Ahmad Al-Dahle to Hugo Touvron".
    An e-mail's subject is its title, kept as written."""
    if message.subject and message.subject.strip():
        return nocase(message.subject)
    title = message_kind(message)
    if item.authors:
        title += f" {'by' if message.public and not item.recipients else 'from'} {_shown(item.authors[0])}"
    if item.recipients:
        title += " to " + _listed([_shown(person) for person in item.recipients])
    return title


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _source(data: dict[str, Any], source: Source) -> None:
    if "title" in data:
        data["title"] = protect_quotes(data["title"])
    # APA 10.4: a press release's author is the organization that issued it.
    issuer = source.publication or source.publisher
    if source.kind is SourceKind.PRESS_RELEASE and "author" not in data and issuer:
        data["author"] = [{"literal": issuer}]
        if data.get("container-title") == issuer:  # else APA prints it twice: "In Acme Corp."
            del data["container-title"]


def _shaped(item: Item, record: Record | None, records: RecordSet) -> dict[str, Any]:
    data = _csl_item(item)
    if isinstance(record, Case):
        _case(data, record)
    elif isinstance(record, Decision):
        _decision(data, record, records)
    elif isinstance(record, (Filing, Exhibit)):
        _court_document(data)
    elif isinstance(record, Message):
        data["title"] = _message_title(record, item)
    elif isinstance(record, Source):
        _source(data, record)
    return data


def to_csl_json(records: RecordSet | Iterable[Record]) -> list[dict[str, Any]]:
    """CSL-JSON items (CSL 1.0.2) of every citable record and every decision, for Zotero,
    Pandoc and citeproc."""
    records = records if isinstance(records, RecordSet) else RecordSet(list(records))
    by_id = {record.id: record for record in records if not isinstance(record, Actor)}
    return [_shaped(item, by_id.get(item.id), records) for item in items(records, decisions=True)]


def to_csl_json_text(records: RecordSet) -> str:
    return json.dumps(to_csl_json(records), indent=2, ensure_ascii=False) + "\n"

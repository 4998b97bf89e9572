"""CSL-JSON (CSL 1.0.2), for Zotero, Pandoc and citeproc."""

from __future__ import annotations

import json
from typing import Any

from evidence._export.dates import csl_date
from evidence._export.items import Item, Person, items
from evidence._recordset import RecordSet


def _csl_name(person: Person) -> dict[str, str]:
    if isinstance(person, str):
        return {"literal": person}
    return {"family": person.family, "given": person.given} if person.given else {"family": person.family}


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


def to_csl_json(records: RecordSet) -> list[dict[str, Any]]:
    """CSL-JSON items (CSL 1.0.2) of every citable record, for Zotero, Pandoc and citeproc."""
    return [_csl_item(item) for item in items(records)]


def to_csl_json_text(records: RecordSet) -> str:
    return json.dumps(to_csl_json(records), indent=2, ensure_ascii=False) + "\n"

"""A `legal_case` item as a case and its decision: the name from `title`, the court from
`authority` and `jurisdiction`, the decision's date from `issued` and its cite from `volume`,
`container-title` (the reporter) and `page`."""

from __future__ import annotations

import re
from typing import Any

from evidence._import.courts import court_id, court_record, split_jurisdiction
from evidence._import.fields import Item, Refused, date, record_id, text


def decision_id(case: str) -> str:
    """The id of the decision a `legal_case` item makes, from its case's id."""
    return f"{case}.decision"


def reporter_cite(item: Item) -> str | None:
    """'548 F.3d 571' from volume, reporter and page; a public-domain cite ('2001 WY 12') from
    the year, the state and the paragraph number when the item names no reporter."""
    volume, reporter, page = text(item, "volume"), text(item, "container-title"), text(item, "page")
    if reporter and page:
        return " ".join(part for part in (volume, reporter, page) if part)
    year = text(item, "collection-number")
    code, _ = split_jurisdiction(text(item, "jurisdiction"))
    if year and page and len(code) >= 2 and code[0] == "us" and re.fullmatch(r"[a-z]{2}", code[1]):
        return f"{year} {code[1].upper()} {page}"
    return None


def case_records(item: Item) -> tuple[dict[str, Any] | None, dict[str, Any], dict[str, Any] | None]:
    """(a court courts-db does not know, or None; the case; its decision, or None when the
    item gives no date): plain data, checked when the records are made."""
    name = text(item, "title")
    if name is None:
        raise Refused("a case needs its name: the item has no 'title'")
    known = court_id(item)
    court = None if known is not None else court_record(item)
    case_id = record_id(str(item["id"]))
    docket = text(item, "number")
    case = {
        "id": case_id,
        "name": name,
        "short_name": text(item, "shortTitle"),
        "court": known if known is not None else court["id"] if court else None,
        "docket_number": docket,
    }
    decided = date(item, "issued")
    if decided is None:
        return court, case, None
    cite = reporter_cite(item)
    decision = {
        "id": decision_id(case_id),
        "case": case_id,
        "date": decided,
        "cites": [cite] if cite else [],
        "docket_number": docket,
        "url": text(item, "URL"),
    }
    return court, case, decision

"""A `legal_case` item as a case and its decision: the name from `title`, the court from
`authority` and `jurisdiction`, the decision's date from `issued` (a decision cited but not
dated has none) and its cite from `volume`, `container-title` (the reporter) and `page`; and a
document of the case, from `document-name`."""

from __future__ import annotations

import re
from typing import Any

from evidence._import.courts import agency_record, court_id, court_record, district_record, split_jurisdiction
from evidence._import.fields import Item, Refused, date, joined, ordinal, record_id, text


def decision_id(case: str) -> str:
    """The id of the decision a `legal_case` item makes, from its case's id."""
    return f"{case}.decision"


# Each state's public-domain form (Indigo Book R11.3, its state tables), by the state's code and
# CSL-M's words for the court: '{y}' the year, '{n}' the decision's number, '{d}' the district's
# ordinal. A state not listed writes its postal code between the two ('2001 WY 12').
_PUBLIC_DOMAIN = {
    ("co", "court.appeals"): "{y} COA {n}",
    ("il", "appellate.court"): "{y} IL App ({d}) {n}",
    ("il", "court.appeals"): "{y} IL App ({d}) {n}",
    ("nm", "supreme.court"): "{y}-NMSC-{n}",
    ("nm", "court.appeals"): "{y}-NMCA-{n}",
    ("nd", "court.appeals"): "{y} ND App {n}",
    ("oh", None): "{y}-Ohio-{n}",
    ("pa", "superior.court"): "{y} PA Super {n}",
    ("pr", None): "{y} TSPR {n}",
    ("sd", None): "{y} S.D. {n}",
    ("ut", "court.appeals"): "{y} UT App {n}",
    ("wi", "court.appeals"): "{y} WI App {n}",
    ("gu", None): "{y} Guam {n}",
}


def reporter_cite(item: Item) -> str | None:
    """'548 F.3d 571' from volume, reporter and page; a public-domain cite ('2001 WY 12',
    '2009-NMSC-006') from the year, the state, the court and the decision's number when the
    item names no reporter."""
    if is_agency(item):
        return agency_cite(item)
    volume, reporter, page = text(item, "volume"), text(item, "container-title"), text(item, "page")
    if reporter and page:
        return " ".join(part for part in (volume, reporter, page) if part)
    by_docket = louisiana_cite(item)
    if by_docket is not None:
        return by_docket
    year = text(item, "collection-number")
    database = text(item, "archive")
    if database and _DATABASE.search(database):
        return database_cite(item, database)
    code, _ = split_jurisdiction(text(item, "jurisdiction"))
    if not (year and page and len(code) >= 2 and code[0] == "us" and re.fullmatch(r"[a-z]{2}", code[1])):
        return None
    if not (year.isdigit() and page.isdigit()):
        raise Refused(f"a public-domain cite is a year and a number: {year!r} and {page!r} are not")
    state, authority = code[1], text(item, "authority")
    form = _PUBLIC_DOMAIN.get((state, authority)) or _PUBLIC_DOMAIN.get((state, None)) or "{y} {s} {n}"
    district = code[2][1:] if len(code) > 2 and re.fullmatch(r"d\d+", code[2]) else ""
    if "{d}" in form and not district:
        return None  # Illinois's appellate cite names its district, which the item does not give
    return form.format(y=year, s=state.upper(), n=page, d=ordinal(district) if district else "")


# Louisiana's courts in its own form for decisions after 1993 (its Supreme Court's rules, the
# Indigo Book's Louisiana table, c449–c451), '{c}' a court of appeal's circuit.
_LOUISIANA = {"supreme.court": "La.", "court.appeal": "La. App. {c} Cir."}


def louisiana_cite(item: Item) -> str | None:
    """'93-2345 (La. 7/15/94)', '93-2345 (La. App. 1 Cir. 7/15/94)': a Louisiana decision after
    1993 cited by its docket number, its court and its day in figures, when the item gives all
    three (the circuit from the jurisdiction, 'la:c1'); else None, and the Bluebook's form."""
    code, _ = split_jurisdiction(text(item, "jurisdiction"))
    form = _LOUISIANA.get(text(item, "authority") or "") if code[:2] == ["us", "la"] else None
    docket, decided = joined(item, "number"), date(item, "issued")
    day = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", decided or "")
    if form is None or docket is None or day is None or int(day[1]) < 1994:
        return None
    circuit = re.fullmatch(r"c(\d+)", code[2]) if len(code) > 2 else None
    if "{c}" in form and circuit is None:
        return None  # a court of appeal's circuit the item does not give is not invented
    court = form.format(c=circuit[1] if circuit else "")
    return f"{docket} ({court} {int(day[2])}/{int(day[3])}/{day[1][2:]})"


# The databases whose cites are a year and a document's number ('1992 WL 150762').
_DATABASE = re.compile(r"\b(?:WL|LEXIS)$")


def database_cite(item: Item, database: str) -> str:
    """'1992 WL 150762': the year (`collection-number`) and the document's number (`page`, or
    Juris-M's `archive_location`, its place in the database: c733), both numbers; an item missing
    either, or giving words, is refused, as any cite it cannot make."""
    year, number = text(item, "collection-number"), text(item, "page") or text(item, "archive_location")
    if not (year and number):
        raise Refused(
            f"a cite in {database!r} needs its year ('collection-number') and number ('page' or 'archive_location')"
        )
    if not (year.isdigit() and number.isdigit()):
        raise Refused(f"a cite in {database!r} is a year and a number: {year!r} and {number!r} are not")
    return f"{year} {database} {number}"


def is_agency(item: Item) -> bool:
    """Whether Juris-M flags the item as an agency's decision (`admin-flag`), not a court's."""
    return text(item, "admin-flag") not in (None, "0", "false")


def agency_cite(item: Item) -> str | None:
    """An agency's reporter or service cite: '1981-2 C.B. 12' (the volume a part of its year, in
    `collection-number`), '93-1 BCA ¶ 25,508' (a service in `archive`, cited by paragraph),
    '2010 WL 4472794' (a database's year and number), '24 BNA OSHC 1817' (a looseleaf service,
    its `publisher` before its name, as the Indigo Book cites services, c295)."""
    reporter = text(item, "container-title") or text(item, "archive")
    if reporter and _DATABASE.search(reporter):
        return database_cite(item, reporter)
    page = text(item, "page")
    if not (reporter and page):
        return None
    volume = "-".join(part for part in (text(item, "collection-number"), text(item, "volume")) if part)
    page = re.sub(r"^(?:para\.|¶)\s*", "¶ ", page)
    return " ".join(part for part in (volume, text(item, "publisher"), reporter, page) if part)


def _agency_parts(item: Item) -> tuple[str | None, str | None, str | None]:
    """(the name a ruling without a title takes, its docket as the agency writes it, what the
    document is): 'Rev. Rul. 81-225' is a ruling's name; 'GN Docket No. 14-28' and
    'FAA Order No. 2006-1' are a series and its number; 'No-Action Letter' without a number,
    and `references` ('Order Dismissing Appeal'), say what the document is. Without a title the
    number names the ruling ('SSR 62-2')."""
    genre, number = text(item, "genre"), joined(item, "number")
    if not (text(item, "title") or text(item, "document-name")) and number:
        return " ".join(part for part in (genre, number) if part), None, text(item, "references")
    docket = f"{genre} No. {number}" if genre and number else number
    return None, docket, text(item, "references") or (genre if not number else None)


def case_records(item: Item) -> tuple[dict[str, Any] | None, dict[str, Any], dict[str, Any] | None]:
    """(a court courts-db does not know, or None; the case; its decision, or None when the
    item gives neither a date nor a cite): plain data, checked when the records are made. A
    decision the item cites but does not date ('93-1 BCA ¶ 25,508' without `issued`) has no date:
    none is invented."""
    # An agency's ruling or agreement is named by its document or its series and number when
    # the item has no title ('Rev. Rul. 81-225').
    # Juris-M separates the numbers of one decision of several dockets by '|'.
    docket, document = joined(item, "number"), None
    ruling = " ".join(part for part in (text(item, "genre"), docket) if part) if text(item, "genre") else None
    agency = is_agency(item)
    if agency:
        ruling, docket, document = _agency_parts(item)
    # A title's closing comma is left from a longer cite, not part of the name ('RMTC Sys., Inc.,').
    title = (text(item, "title") or "").rstrip(",").strip() or None
    # An agency's item is named by its document ('Written Agreement Between ...'); a court's
    # `document-name` is a document filed in the case, which does not name the case.
    name = title or (text(item, "document-name") if agency else None) or ruling
    if name is None and text(item, "document-name"):
        raise Refused("its 'document-name' is a document of a case the item does not name: a 'title' is needed")
    if name is None:
        raise Refused("a case needs its name: the item has no 'title', 'document-name' or 'genre'")
    known = None if agency else court_id(item)
    court = agency_record(item) if agency else district_record(item, known) if known else court_record(item)
    case_id = record_id(str(item["id"]))
    case = {
        "id": case_id,
        "name": name,
        "short_name": text(item, "shortTitle"),
        "court": court["id"] if court else known,
        "docket_number": docket,
    }
    decided, cite = date(item, "issued"), reporter_cite(item)
    if decided is None and cite is None:
        return court, case, None
    decision = {
        "id": decision_id(case_id),
        "case": case_id,
        "date": decided,
        "cites": [cite] if cite else [],
        "docket_number": docket,
        "title": document,
        "circuit_justice": circuit_justice(item),
        "url": text(item, "URL"),
    }
    return court, case, decision


def circuit_justice(item: Item) -> str | None:
    """The Justice an item names as its author sitting as Circuit Justice: Juris-M writes the
    capacity after the surname ('Jackson, Circuit Justice', c231). Any other author is the court's
    judge, whom the citation does not name."""
    for author in item.get("author") or ():
        name = (author.get("family") or author.get("literal") or "") if isinstance(author, dict) else ""
        found = re.fullmatch(r"\s*(.+?),\s*Circuit Justice\s*", str(name))
        if found:
            return found.group(1)
    return None


def document_record(item: Item, case_id: str) -> dict[str, Any] | None:
    """A court document of the case the item names ('Pl.'s Resp. to Defs.' Mot. for Summ. J.'),
    when its `document-name` is beside the case's `title`; dated by `submitted`, never by the
    decision's date."""
    title = text(item, "document-name")
    if title is None or text(item, "title") is None:
        return None
    return {"id": f"{case_id}.document", "case": case_id, "title": title, "filed": date(item, "submitted")}

"""A case's court from CSL-M's `authority` and `jurisdiction`, found in courts-db.

Juris-M writes a jurisdiction as its code, prefixed by the code's length, then the names of
its levels: '012us:c11:ga.sdUnited States|US|Eleventh Circuit|S.D. Georgia'. Federal courts
follow from the code (a circuit number, a state and district); a state's courts are found in
courts-db by the state's name and the words of `authority` ('supreme.court', 'court.appeals').
A court courts-db does not know (an agency, a foreign tribunal) becomes a `Court` record named
by the item.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from evidence._import.fields import Item, joined, ordinal, record_id, text
from evidence._model import lookup_court

# The words of a CSL-M authority, and what a court's courts-db name says for them.
_AUTHORITY_NAMES = {
    "supreme.court": r"\bSupreme Court\b",
    "supreme.judicial.court": r"\bSupreme Judicial Court\b",
    "court.appeals": r"\bCourts? of Appeals?\b",
    "court.appeal": r"\bCourts? of Appeals?\b",
    "appellate.court": r"^Appellate Court\b",
    "district.court.appeal": r"\bDistrict Courts of Appeal\b",
    "superior.court": r"\bSuperior Court\b",
    "appellate.division.supreme.court": r"\bAppellate Division\b",
    "tribunal.supremo": r"\bSupreme Court\b",
}
_CIRCUITS = {"c0": "cadc", "cdc": "cadc", "cfed": "cafc"}


def split_jurisdiction(value: str | None) -> tuple[list[str], list[str]]:
    """(the code's levels, their names): '005us:c7United States|US|Seventh Circuit' →
    (['us', 'c7'], ['United States', 'US', 'Seventh Circuit'])."""
    if not value:
        return [], []
    found = re.match(r"(\d{3})", value)
    if found is None:
        return value.split(":"), []
    length = int(found.group(1))
    code, names = value[3 : 3 + length], value[3 + length :]
    return code.split(":"), [name for name in names.split("|") if name]


def court_id(item: Item) -> str | None:
    """The courts-db id of an item's court, or None when courts-db has none for it."""
    authority = joined(item, "authority")
    code, names = split_jurisdiction(text(item, "jurisdiction"))
    if not code or code[0] != "us" or authority is None:
        return None
    candidate: str | None = None
    if len(code) == 1:
        candidate = "scotus" if authority == "supreme.court" else None
    elif re.fullmatch(r"c\d+|cdc|cfed|c0", code[1]):
        if authority == "court.appeals" and len(code) == 2:
            candidate = _CIRCUITS.get(code[1], "ca" + code[1][1:])
        elif authority == "district.court" and len(code) == 3:
            candidate = code[2].replace(".", "")  # 'ga.sd' → 'gasd', 'co.d' → 'cod'
    else:
        place = names[2] if len(names) > 2 else None
        candidate = _state_court(place, authority) if place else None
    if candidate is not None and lookup_court(candidate) is not None:
        return candidate
    return None


@functools.lru_cache(maxsize=256)
def _state_court(place: str, authority: str) -> str | None:
    """The courts-db court of a state named `place` that `authority`'s words name; the court of
    the whole state (the shortest name) when several match, as a district's own court is not
    the one a citation names."""
    pattern = _AUTHORITY_NAMES.get(authority)
    if pattern is None:
        return None
    matches = [
        court
        for court in _courts()
        if court.get("system") in ("state", "territory")
        and court.get("type") == "appellate"
        and court.get("location") == place
        and re.search(pattern, court.get("name", ""))
    ]
    if not matches:
        return None
    return str(min(matches, key=lambda court: len(court["name"]))["id"])


@functools.lru_cache(maxsize=1)
def _courts() -> list[dict[str, Any]]:
    from courts_db import load_courts_db  # read when a state's court is first looked for

    return list(load_courts_db())


# The states whose citations name a court of appeals' district: Ohio's, by its rules for reporting
# opinions ('(11th Dist.)', the Indigo Book's Ohio table, c597). Elsewhere the district is no part
# of the court's citation: Illinois's public-domain cite names it itself ('2011 IL App (1st)
# 101234'), and its reporter cites leave it out ('(1993)', c077).
_DISTRICTS_CITED = frozenset({"oh"})


def district_record(item: Item, known: str) -> dict[str, Any] | None:
    """The plain data of a court of appeals' district, when the item's jurisdiction names one
    ('009us:oh:d11United States|US|Ohio|11th District') in a state whose citations name it: the
    courts-db court (`known`) with the district in its name and citation ('Ohio Ct. App. 11th
    Dist.'). None otherwise: courts-db has one court for all the districts, and a district the
    item does not give is not invented."""
    code, names = split_jurisdiction(text(item, "jurisdiction"))
    found = re.fullmatch(r"d(\d+)", code[2]) if len(code) > 2 and code[1] in _DISTRICTS_CITED else None
    court = lookup_court(known) if found else None
    if found is None or court is None or court.citation is None:
        return None
    number = ordinal(found.group(1))
    place = names[3] if len(names) > 3 else f"{number} District"
    return {
        "id": record_id(f"{known}-{code[2]}"),
        "name": f"{court.name}, {place}",
        "citation": f"{court.citation} {number} Dist.",
    }


def agency_record(item: Item) -> dict[str, Any]:
    """The plain data of the agency an item flagged `admin-flag` names in `authority` ('EAB',
    "Dep't of Labor"): an agency is not a court, and not looked for in courts-db. Without an
    authority the agency is unnamed: the jurisdiction ('US') is a place, not who decided."""
    authority = joined(item, "authority")
    code, names = split_jurisdiction(text(item, "jurisdiction"))
    place = names[0] if names else None
    return {
        "id": record_id("agency-" + "-".join([*code, authority or "unnamed"])),
        "name": authority,
        "citation": authority,
        "agency": True,
        "notes": None if authority else f"An agency{' of ' + place if place else ''} the item does not name.",
    }


def court_record(item: Item) -> dict[str, Any]:
    """The plain data of a court courts-db does not know, as the item names it: its citation
    is the item's authority when that is a name ('Dep't of Labor'), not CSL-M's words."""
    authority = joined(item, "authority") or ""
    code, names = split_jurisdiction(text(item, "jurisdiction"))
    named = authority if not re.fullmatch(r"[a-z.]+", authority) else None
    words = authority.replace(".", " ").title() if named is None else named
    place = names[-1] if names else None
    return {
        "id": record_id("court-" + "-".join([*code, authority or "unknown"])),
        "name": ", ".join(part for part in (words, place) if part) or None,
        "citation": named,
    }

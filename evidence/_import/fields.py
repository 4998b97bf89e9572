"""What every kind of CSL item shares: its record id, its dates, its people, and the problem
that names it when it cannot come in."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from evidence._errors import Problem
from evidence._io import StructureProblems, structure
from evidence._model import Record

Item = Mapping[str, Any]


class Refused(Exception):
    """An item that cannot become a record, with the reason."""


def record_id(text: str) -> str:
    """A record id from a CSL id ('FF25SDZE' → 'ff25sdze'): lowercase, other characters as '-'."""
    slug = re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-._")
    return slug[:200] or "item"


def ordinal(number: str) -> str:
    """'111' → '111th', '2' → '2d', '3' → '3d', '11' → '11th' (the Bluebook's ordinals, R6.2(b))."""
    tens, last = int(number) % 100, int(number) % 10
    ending = "th" if 10 <= tens <= 20 else {1: "st", 2: "d", 3: "d"}.get(last, "th")
    return number + ending


def label(item: Item) -> str:
    """How a problem names an item: its id and its type."""
    return f"item {str(item.get('id', '?'))!r} ({item.get('type', 'no type')})"


def text(item: Item, key: str) -> str | None:
    """A CSL string field, stripped; Juris-M escapes some hyphens ('13\\-68') and they are unescaped."""
    value = item.get(key)
    if value is None or isinstance(value, (dict, list)):
        return None
    # CSL's rich text (<i>, <span class="nocase">) is markup the styles add, not text.
    stripped = re.sub(r"</?(?:i|b|sup|sub|span)\b[^>]*>", "", str(value)).replace("\\-", "-").strip()
    return stripped or None


def several(item: Item, key: str) -> list[str]:
    """The values Juris-M writes in one field separated by '|' (a decision of several dockets:
    '91 Civ. 5442 (RPP)|91 Civ. 5471'), each stripped, the empty ones dropped; a field of
    separators alone is refused, as naming nothing."""
    value = text(item, key)
    if value is None:
        return []
    parts = [part.strip() for part in value.split("|") if part.strip()]
    if not parts:
        raise Refused(f"its {key!r} {value!r} names nothing: only the separator '|'")
    return parts


def joined(item: Item, key: str) -> str | None:
    """Several values of a field as a record holds them, separated by ', ' ('13-68-SF, 13-69-SF'):
    the citation engine counts them by that separator ('Nos.')."""
    return ", ".join(several(item, key)) or None


# Zotero and Juris-M keep CSL variables they have no field for as 'key: value' lines of `note`.
_EXTRA = re.compile(r"^\s*([a-z][a-z-]*):\s*(.+?)\s*$", re.M)


def with_extra(item: Item) -> dict[str, Any]:
    """The item with the variables its `note` carries ('volume: 18', 'original-date: 1967');
    a field the item has itself wins."""
    found: dict[str, Any] = {}
    for key, value in _EXTRA.findall(str(item.get("note") or "")):
        found.setdefault(key, {"raw": value} if key.endswith("date") else value)
    return {**found, **item}


def date(item: Item, key: str) -> str | None:
    """A CSL date (`date-parts`, or `raw`/`literal` text) as the EDTF text records hold."""
    value = item.get(key)
    if not isinstance(value, Mapping):
        return None
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        try:
            numbers = [int(part) for part in parts[0][:3]]
        except (TypeError, ValueError):
            raise Refused(f"its {key!r} date {parts[0]!r} is not a date") from None
        return "-".join([f"{numbers[0]:04d}", *(f"{n:02d}" for n in numbers[1:])])
    raw = value.get("raw") or value.get("literal")
    return str(raw).strip() or None if raw is not None else None


def year(item: Item, key: str = "issued") -> int | None:
    found = date(item, key)
    return int(found[:4]) if found and found[:4].isdigit() else None


def names(item: Item, key: str) -> list[str]:
    """CSL names as records write them: 'Given Family', or the literal name."""
    found = []
    for name in item.get(key) or ():
        if not isinstance(name, Mapping):
            continue
        literal = name.get("literal")
        family, given = name.get("family"), name.get("given")
        written = literal or " ".join(str(part) for part in (given, family) if part)
        if written:
            found.append(str(written).strip())
    return found


def build(kind: type[Record], data: dict[str, Any]) -> Record:
    """The record plain data makes, every field checked as a record file's would be."""
    try:
        return structure({key: value for key, value in data.items() if value not in (None, [], "")}, kind)
    except StructureProblems as error:
        said = [
            f"{'.'.join([kind.KIND, *(str(step) for step in path)])}: {message}" for path, message, _ in error.problems
        ]
        raise Refused("; ".join(said)) from None


def refusal(source: str, where: str, item: Item, reason: str, code: str = "S007") -> Problem:
    return Problem(file=source, line=None, column=None, path=where, message=f"{label(item)}: {reason}", code=code)

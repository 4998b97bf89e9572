"""Court names and citation abbreviations from courts-db, the Free Law Project's court list."""

from __future__ import annotations

import functools

import attrs

from evidence._model.enums import Confidence
from evidence._model.records import Court


@functools.lru_cache(maxsize=512)
def lookup_court(court_id: str) -> Court | None:
    """The courts-db entry for an id such as 'cand' as a `Court`, or None when courts-db has none."""
    from courts_db import find_court_by_id  # imported late: it reads its data file on import

    entries = find_court_by_id(court_id)
    if not entries:
        return None
    entry = entries[0]
    url = entry.get("court_url") or None
    # courts-db is the record of the court: what it says is confirmed, as a stored primary source is.
    return Court(
        id=court_id,
        name=entry["name"],
        citation=entry.get("citation_string") or None,
        url=url,
        confidence=Confidence.CONFIRMED,
        notes="From courts-db.",
    )


def complete_court(court: Court) -> Court:
    """A court with the blanks its record leaves filled in from courts-db; given values win."""
    if court.name is not None and court.citation is not None:
        return court
    known = lookup_court(court.id)
    if known is None:
        return court
    return attrs.evolve(
        court,
        name=court.name if court.name is not None else known.name,
        citation=court.citation if court.citation is not None else known.citation,
        url=court.url if court.url is not None else known.url,
    )

"""Court names and citation abbreviations from courts-db, the Free Law Project's court list."""

from __future__ import annotations

import functools

import attrs

from evidence._model.enums import Confidence
from evidence._model.records import Court

# courts-db's citation strings that the rules print otherwise: the court's id, the string a
# citation takes, and why. A federal court's abbreviation is built as the Indigo Book's tables
# build it (Bluebook T1 gives the same list): "1st Cir." ... "11th Cir.", with "2d" and "3d";
# a district court's "D.", "N.D.", "S.D.", "E.D.", "W.D.", "M.D." or "C.D." and its state's
# abbreviation (the state table of reporters-db, Bluebook T10), closed up when the state's is
# single capitals only ("S.D.N.Y.", "D.D.C.") and set off by a space otherwise ("S.D. W. Va.",
# R6.1: only adjacent single capitals close up). tests/test_precedent.py checks every federal
# district and circuit court of courts-db against that rule.
CITATION_CORRECTIONS: dict[str, tuple[str, str]] = {
    "scotus": ("U.S.", "'SCOTUS' is no abbreviation of the rules; T1: the Supreme Court is 'U.S.'"),
    "ca3": ("3d Cir.", "ordinals take '2d' and '3d' (R6.2), not '3rd'"),
    "ny": ("N.Y.", "T1: New York's Court of Appeals is 'N.Y.', with periods"),
    "nyed": ("E.D.N.Y.", "the final period of 'N.Y.' is missing"),
    "nyd": ("D.N.Y.", "adjacent single capitals close up (R6.1): 'D.N.Y.', not 'D. N.Y.'"),
    "mdd": ("D. Md.", "the state's name is abbreviated: Maryland is 'Md.'"),
    "mnd": ("D. Minn.", "the state's name is abbreviated: Minnesota is 'Minn.'"),
    "pamd": ("M.D. Pa.", "Pennsylvania is 'Pa.', not 'Penn.'"),
    "wvnd": ("N.D. W. Va.", "'W. Va.' is one abbreviation, set off by a space (R6.1)"),
    "wvsd": ("S.D. W. Va.", "the final period of 'Va.' is missing, and 'W. Va.' is set off by a space (R6.1)"),
    "wvad": ("D. W. Va.", "West Virginia is 'W. Va.', with a space"),
    "nmid": ("D. N. Mar. I.", "the district court's 'D.' is missing (T1: 'D. N. Mar. I.')"),
    "ard": ("D. Ark.", "courts-db gives no citation string for the old District of Arkansas"),
    "okd": ("D. Okla.", "courts-db gives no citation string for the old District of Oklahoma"),
}


@functools.lru_cache(maxsize=512)
def lookup_court(court_id: str) -> Court | None:
    """The courts-db entry for an id such as 'cand' as a `Court`, or None when courts-db has none."""
    from courts_db import find_court_by_id  # imported late: it reads its data file on import

    entries = find_court_by_id(court_id)
    if not entries:
        return None
    entry = entries[0]
    url = entry.get("court_url") or None
    corrected = CITATION_CORRECTIONS.get(court_id)
    citation = corrected[0] if corrected is not None else entry.get("citation_string") or None
    # courts-db is the record of the court: what it says is confirmed, as a stored primary source is.
    return Court(
        id=court_id,
        name=entry["name"],
        citation=citation,
        url=url,
        confidence=Confidence.CONFIRMED,
        notes="From courts-db." if corrected is None else f"From courts-db; its citation corrected: {corrected[1]}.",
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


def without_state(citation: str) -> str:
    """A state court's abbreviation without its state's ('Ct. App.' of 'Cal. Ct. App.', '' of
    'N.Y.'): what a parenthetical keeps when the reporter names the state (R11.6, Bluebook
    R10.4(b)). The states' abbreviations are reporters-db's state table (Bluebook T10)."""
    import reporters_db  # read late, as the reporters are

    for state in sorted(reporters_db.STATE_ABBREVIATIONS, key=len, reverse=True):
        if citation == state or citation.startswith(state + " "):
            return citation[len(state) :].strip()
    return citation

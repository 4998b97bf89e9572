"""Public-domain cites in a Bluebook citation (R11.3, the Indigo Book's state tables): where a
pinpoint goes in Louisiana's docket form, the district Ohio's form keeps after the cites, and
the state that dates its public-domain cite all the same (Wyoming)."""

from __future__ import annotations

import re

from evidence._cite.context import Context, pin_range
from evidence._cite.parts import Part, r
from evidence._model import Decision, docket_cite, is_public_domain


def pinned_cite(cited: str, chosen: Decision, ctx: Context, pin: str | None) -> list[Part]:
    """A public-domain cite of a docket number and its court and day, the pinpoint between them
    ('94-2345, p. 7 (La. 7/15/94)': Louisiana's rules, a page after 'p.', a paragraph as it is);
    none for any other cite."""
    split = docket_cite(cited)
    if split is None:
        return []
    if not pin:
        return ctx.value(cited, (chosen, "cites"))
    shown = pin_range(pin)
    at = f", {shown}" if shown.startswith("¶") else f", {'pp.' if '–' in shown else 'p.'} {shown}"
    docket, court = split
    return [r(docket), r(at), r(" "), *ctx.value(court, (chosen, "cites"))]


def district_of(citation: str | None) -> str | None:
    """The district a court's citation ends with ('11th Dist.' of 'Ohio Ct. App. 11th Dist.'), which
    the importer keeps only for a state whose citations name it (Ohio's)."""
    found = re.search(r"\b\d+(?:st|d|th) Dist\.$", citation or "")
    return found.group(0) if found else None


def dated_anyway(cite: str) -> bool:
    """Whether a public-domain cite's state asks for the court and year after the regional
    reporter all the same: Wyoming's ('2001 WY 12, 989 P.2d 1312 (Wyo. 2001)', the Indigo Book's
    state table, c723)."""
    return is_public_domain(cite) and cite.split()[1:2] == ["WY"]

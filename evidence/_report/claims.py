"""The claims page: every claim grouped by status, from a press report to a court's finding and
a retraction, each with its speaker, its mark and its evidence, each piece of evidence linked to
its passage in the stored text."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from evidence._labels import weaker
from evidence._model import Claim, ClaimStatus, Confidence, EvidenceLink, EvidenceRole
from evidence._report.site import Site

PAGE = "claims.html"
STATUSES = tuple(ClaimStatus)  # the ladder's order: reported, alleged, ..., retracted
ROLES = (
    (EvidenceRole.SUPPORTS, "Supporting"),
    (EvidenceRole.CONTRADICTS, "Contradicting"),
    (EvidenceRole.CONTEXT, "Context"),
)


@attrs.frozen
class Item:
    """One piece of a claim's evidence, as the page prints it."""

    record: str
    mark: str
    passage: str | None  # the link to the highlighted passage; None when it cannot be placed
    quoted: bool  # the evidence names a passage
    note: str | None


def ordered(site: Site) -> list[Claim]:
    """The claims in the page's order: by status on the ladder, then as the records list them."""
    rank = {status: n for n, status in enumerate(STATUSES)}
    return site.once("claims", lambda: sorted(site.records.claims, key=lambda claim: rank[claim.status]))


def claim_mark(site: Site, claim: Claim) -> str:
    """How sure the line of a claim is: the claim's own mark and the marks of its speaker's name."""
    return site.field_mark(
        claim, "statement", "status", people=[claim.asserted_by], also=[Confidence(site.mark(claim))]
    )


def item(site: Site, link: EvidenceLink) -> Item:
    # The line prints the record's name beside the link: as sure as the weaker of the two.
    record = site.records.by_id().get(link.record)
    mark = weaker(link.confidence, *([Confidence(site.mark(record))] if record is not None else []))
    return Item(
        link.record,
        mark.value,
        site.passage_href(link.record, link.quote),
        link.quote is not None,
        link.note,
    )


def homes(site: Site) -> None:
    site.home_pages(PAGE, ordered(site))


def _groups(claims: Sequence[Claim]) -> list[tuple[str, list[Claim]]]:
    groups: list[tuple[str, list[Claim]]] = []
    for claim in claims:
        if not groups or groups[-1][0] != claim.status.value:
            groups.append((claim.status.value, []))
        groups[-1][1].append(claim)
    return groups


def write(site: Site) -> None:
    site.write_pages(
        PAGE,
        "claims.html.j2",
        ordered(site),
        lambda claims: {"groups": _groups(claims)},
        heading="Claims",
        statuses=[status.value for status in STATUSES],
        roles=ROLES,
        item=lambda link: item(site, link),
        claim_mark=lambda claim: claim_mark(site, claim),
        total=len(site.records.claims),
    )

"""The claims page: every claim grouped by status, from a press report to a court's finding and
a retraction, each with its speaker, its mark and its evidence, each piece of evidence linked to
its passage in the stored text."""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from markupsafe import Markup

from evidence._labels import weaker
from evidence._model import Claim, ClaimStatus, Confidence, EvidenceLink, EvidenceRole
from evidence._report.site import Site, anchor_id, escape, page_name, paged
from evidence._views import date_label

PAGE = "claims.html"
TRACE = "trace.html"  # the trace pages follow the claims pages: a claim's traces are on the same page number
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


def trace_href(site: Site, claim: Claim) -> str:
    """The link to a claim's traces, on the trace page its place among the claims falls on."""
    pages = site.once("trace pages", lambda: {c.id: page_name(TRACE, n) for n, cs in paged(ordered(site)) for c in cs})
    return f"{pages[claim.id]}#t-{claim.id}"


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


def entry(site: Site, claim: Claim) -> str:
    """A claim's article: its statement and mark, who stands behind it, and its evidence by role,
    each piece linked to its passage. Made here, not in the template: a page prints hundreds."""
    level = claim_mark(site, claim)
    anchor = escape(anchor_id(claim.id))
    lang = f' lang="{escape(claim.language)}"' if claim.language else ""
    status = claim.status.value
    speaker = site.link(claim.asserted_by) if claim.asserted_by else "a speaker not recorded"
    when = f", {escape(date_label(claim.asserted_on))}" if claim.asserted_on else ""
    note = f"{escape(claim.status_note)}\n" if claim.status_note else ""
    out = [
        f'<article class="claim" id="{anchor}" data-status="{status}" data-mark="{level}">\n',
        f'<p class="statement"{lang}>{escape(claim.statement)} {site.badge(level)}</p>\n',
        f'<p class="meta">{status.capitalize()} by {speaker}{when}.\n{note}',
        f'<a href="{escape(trace_href(site, claim))}">Trace to the primary source</a></p>\n',
    ]
    for role, label in ROLES:
        links = [link for link in claim.evidence if link.role is role]
        if links:
            out.append(f'<h3 class="role">{label}</h3>\n<ul class="evidence">\n')
            out.extend(_piece(site, link) for link in links)
            out.append("</ul>\n")
    if not claim.evidence:
        out.append('<p class="none">No evidence recorded.</p>\n')
    out.append("</article>\n")
    return "".join(out)


def _piece(site: Site, link: EvidenceLink) -> str:
    """One piece of evidence: the record and its mark, the link to the passage, the words quoted."""
    piece = item(site, link)
    out = [f"<li>{site.link(piece.record)} {site.badge(piece.mark)}\n"]
    if piece.passage:
        out.append(f'<a class="evidence" href="{escape(piece.passage)}">the passage in the source</a>\n')
    elif piece.quoted:
        out.append('<span class="unplaced">(passage not placed)</span>\n')
    if link.quote is not None and link.quote.exact:
        out.append(f"<blockquote>{escape(link.quote.exact)}</blockquote>\n")
    if piece.note:
        out.append(f'<p class="note">{escape(piece.note)}</p>\n')
    out.append("</li>\n")
    return "".join(out)


def homes(site: Site) -> None:
    site.home_pages(PAGE, ordered(site))


def _groups(site: Site, claims: Sequence[Claim]) -> list[tuple[str, Markup]]:
    """The claims of a page by status, each group's entries made into one piece of HTML."""
    groups: list[tuple[str, list[str]]] = []
    for claim in claims:
        if not groups or groups[-1][0] != claim.status.value:
            groups.append((claim.status.value, []))
        groups[-1][1].append(entry(site, claim))
    return [(status, Markup("\n".join(entries))) for status, entries in groups]


def write(site: Site) -> None:
    site.write_pages(
        PAGE,
        "claims.html.j2",
        ordered(site),
        lambda claims: {"groups": _groups(site, claims)},
        heading="Claims",
        statuses=[status.value for status in STATUSES],
        total=len(site.records.claims),
    )

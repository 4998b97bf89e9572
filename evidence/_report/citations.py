"""The citations page, in pages of PAGE_SIZE: every record the style cites, grouped by kind, with
its marks and a button that copies it as text. It comes last, so it is the home of every cited
record no other page shows."""

from __future__ import annotations

from collections.abc import Sequence

from evidence._model import RECORD_KINDS, Record
from evidence._report.site import Site

PAGE = "citations.html"


def cited(site: Site) -> list[Record]:
    """The records the style cites, kind by kind in the order of the record kinds."""
    return site.once("cited", lambda: _cited(site))


def _cited(site: Site) -> list[Record]:
    found: list[Record] = []
    for kind in RECORD_KINDS:
        found.extend(record for record in site.records.of_kind(kind) if site.citation_text(record))
    return found


def _groups(records: Sequence[Record]) -> list[tuple[str, list[Record]]]:
    groups: list[tuple[str, list[Record]]] = []
    for record in records:
        label = type(record).PLURAL.capitalize()
        if not groups or groups[-1][0] != label:
            groups.append((label, []))
        groups[-1][1].append(record)
    return groups


def homes(site: Site) -> None:
    site.home_pages(PAGE, cited(site))


def write(site: Site) -> None:
    site.write_pages(
        PAGE, "citations.html.j2", cited(site), lambda records: {"groups": _groups(records)}, heading="Citations"
    )

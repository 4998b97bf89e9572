"""The citations page, in pages of PAGE_SIZE: every record of a kind the style cites, grouped by
kind, with its marks and a button that copies it as text (or, for one the records cannot cite,
why). It comes last, so it is the home of every cited record no other page shows."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from evidence._cite import citable
from evidence._model import RECORD_KINDS, Record
from evidence._report.site import Site, anchor_id, escape

PAGE = "citations.html"


def cited(site: Site) -> list[Record]:
    """The records of the kinds the style cites, kind by kind in the order of the record kinds:
    known without citing any, so that each is cited once, as its page is written."""
    return site.once("cited", lambda: [r for kind in RECORD_KINDS for r in site.records.of_kind(kind) if citable(r)])


def item(site: Site, record: Record) -> str:
    """A record's entry: its mark and its citation, or why it is not cited."""
    level = site.mark(record)
    return (
        f'<li id="{escape(anchor_id(record.id))}" data-mark="{level}">{site.badge(level)}'
        f"{site.citation(record, why=True)}</li>"
    )


def _groups(site: Site, records: Sequence[Record]) -> list[tuple[str, Markup]]:
    """The records of a page by kind, each group's items made into one piece of HTML."""
    groups: list[tuple[str, list[str]]] = []
    for record in records:
        label = type(record).PLURAL.capitalize()
        if not groups or groups[-1][0] != label:
            groups.append((label, []))
        groups[-1][1].append(item(site, record))
    return [(label, Markup("\n".join(items))) for label, items in groups]


def homes(site: Site) -> None:
    site.home_pages(PAGE, cited(site))


def write(site: Site) -> None:
    site.write_pages(
        PAGE,
        "citations.html.j2",
        cited(site),
        lambda records: {"groups": _groups(site, records)},
        heading="Citations",
    )

"""The timeline pages, in pages of PAGE_SIZE events: the view of `evidence timeline`, each event
linked to the record it comes from, with its mark; events whose order is not known marked so."""

from __future__ import annotations

from collections import Counter

from markupsafe import Markup

from evidence._report.site import Site, escape
from evidence._views import Event, timeline

PAGE = "timeline.html"


def homes(site: Site) -> None:
    """The timeline is no record's home: each event links to its record's."""


def row(site: Site, event: Event, unordered: bool) -> str:
    """An event's row: its date at its precision, what happened, the record linked, the mark.
    Made here, not in the template: a large set has a row for every message."""
    level = event.confidence.value
    flag = ' class="unordered"' if unordered else ""
    note = "; order among its neighbours unknown" if unordered else ""
    return (
        f'<tr data-mark="{level}"{flag}>\n'
        f'<td class="date">{escape(event.label)}<br><small>{escape(event.precision)}{note}</small></td>\n'
        f"<td>{escape(event.kind)}</td>\n<td>{site.link(event.record, event.title)}</td>\n"
        f"<td>{site.badge(level)}</td>\n</tr>"
    )


def write(site: Site) -> None:
    events = timeline(site.records)
    sizes = Counter(event.group for event in events)  # a group of more than one: order unknown
    site.write_pages(
        PAGE,
        "timeline.html.j2",
        events,
        lambda shown: {"rows": Markup("\n".join([row(site, event, sizes[event.group] > 1) for event in shown]))},
        heading="Timeline",
        total=len(events),
    )

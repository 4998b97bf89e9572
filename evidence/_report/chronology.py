"""The timeline and the cast: the views of `evidence timeline` and `evidence cast`, each entry
linked to the records it comes from, with its mark. A member of the cast lists the first
APPEARANCES records they appear in and counts the rest by kind: in a large set one person can
appear in thousands of messages, which the messages pages list."""

from __future__ import annotations

import html
from collections import Counter

from markupsafe import Markup

from evidence._report.site import Site
from evidence._views import CastMember, Event, cast, timeline

TIMELINE = "timeline.html"
CAST = "cast.html"
APPEARANCES = 25


def appearances_counted(site: Site, member: CastMember) -> str:
    """'1,280 records (1,270 messages, 10 claims)', or '5 messages': what a member appears in."""
    by_id = site.records.by_id()
    kinds = Counter(type(by_id[a.record]) for a in member.appearances if a.record in by_id)
    counts = [f"{n:,} {kind.PLURAL if n > 1 else kind.KIND}" for kind, n in kinds.most_common()]
    if len(counts) == 1:
        return counts[0]
    total = len(member.appearances)
    return f"{total:,} record{'' if total == 1 else 's'} ({', '.join(counts)})"


def homes(site: Site) -> None:
    for actor in site.records.actors:
        site.home(actor.id, CAST)


def row(site: Site, event: Event, unordered: bool) -> Markup:
    """An event's row: its date at its precision, what happened, the record linked, the mark.
    Made here, not in the template: a large set has a row for every message."""
    level = event.confidence.value
    flag = ' class="unordered"' if unordered else ""
    note = "; order among its neighbours unknown" if unordered else ""
    return Markup(
        f'<tr data-mark="{level}"{flag}>\n'
        f'<td class="date">{html.escape(event.label)}<br><small>{html.escape(event.precision)}{note}</small></td>\n'
        f"<td>{html.escape(event.kind)}</td>\n<td>{site.link(event.record, event.title)}</td>\n"
        f"<td>{site.badge(level)}</td>\n</tr>"
    )


def write(site: Site) -> None:
    events = timeline(site.records)
    sizes = Counter(event.group for event in events)  # a group of more than one: order unknown
    site.write_pages(
        TIMELINE,
        "timeline.html.j2",
        events,
        lambda shown: {"events": shown},
        heading="Timeline",
        row=lambda event: row(site, event, sizes[event.group] > 1),
        total=len(events),
    )
    site.write(
        CAST,
        "cast.html.j2",
        heading="Cast",
        members=cast(site.records),
        shown=APPEARANCES,
        counted=lambda member: appearances_counted(site, member),
    )

"""The timeline and the cast: the views of `evidence timeline` and `evidence cast`, each entry
linked to the records it comes from, with its mark."""

from __future__ import annotations

from collections import Counter

from evidence._report.site import Site
from evidence._views import cast, timeline

TIMELINE = "timeline.html"
CAST = "cast.html"


def homes(site: Site) -> None:
    for actor in site.records.actors:
        site.home(actor.id, CAST)


def write(site: Site) -> None:
    events = timeline(site.records)
    sizes = Counter(event.group for event in events)  # a group of more than one: order unknown
    site.write_pages(
        TIMELINE,
        "timeline.html.j2",
        events,
        lambda shown: {"events": shown},
        heading="Timeline",
        unordered=lambda event: sizes[event.group] > 1,
        total=len(events),
    )
    site.write(CAST, "cast.html.j2", heading="Cast", members=cast(site.records))

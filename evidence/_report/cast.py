"""The cast page: the view of `evidence cast`, each person, organization and group with their
roles and the records they appear in. A member lists the first APPEARANCES records and counts
them all by kind: in a large set one person can appear in thousands of messages, which the
messages pages list."""

from __future__ import annotations

from collections import Counter

from evidence._report.site import Site
from evidence._views import CastMember, cast

PAGE = "cast.html"
APPEARANCES = 25


def appearances_counted(site: Site, member: CastMember) -> tuple[int, str]:
    """How many records a member appears in, and what they are: '1,280 records (1,270 messages,
    10 claims)', or '5 messages'."""
    appearing = site.records.referrers(member.id)
    total = len(appearing)
    kinds = Counter(type(record) for record in appearing)
    counts = [f"{n:,} {kind.PLURAL if n > 1 else kind.KIND}" for kind, n in kinds.most_common()]
    if len(counts) == 1:
        return total, counts[0]
    return total, f"{total:,} records ({', '.join(counts)})"  # several kinds: several records


def homes(site: Site) -> None:
    for actor in site.records.actors:
        site.home(actor.id, PAGE)


def write(site: Site) -> None:
    site.write(
        PAGE,
        "cast.html.j2",
        heading="Cast",
        members=cast(site.records, appearances=APPEARANCES),
        counted=lambda member: appearances_counted(site, member),
    )

"""A CourtListener docket's opinion clusters as decisions of its case, with actors for their
judges; and the ids and links every record of the docket's import shares."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urljoin

from evidence._errors import LoadError
from evidence._import.courtlistener_responses import (
    CourtListenerResponse,
    Data,
    Gathered,
    object_id,
    problem,
    site_of,
    slug,
)
from evidence._import.fields import Refused, build
from evidence._model import Actor, Decision, Record


def decision_records(gathered: Gathered, case_id: str) -> list[Record]:
    """A decision for each opinion cluster of the docket, and an actor for each judge named;
    CourtListener's case law is its own compilation (court sites, reporters), not the court's
    docket, so every value is `likely`."""
    opinions: dict[Any, list[Data]] = {}
    for _, _, opinion in gathered.objects["opinion"]:
        cluster = opinion.get("cluster_id", object_id(opinion.get("cluster")))
        opinions.setdefault(cluster, []).append(opinion)
    clusters: dict[Any, tuple[CourtListenerResponse, str, Data]] = {}
    for found in gathered.objects["cluster"]:
        clusters.setdefault(object_id(found[2]), found)
    made: dict[str, Record] = {}
    problems = []
    dates: dict[str, int] = {}
    by_date = sorted(clusters.items(), key=lambda c: str(c[1][2].get("date_filed")))
    for cluster_id, (response, where, cluster) in by_date:
        date = cluster.get("date_filed")
        if not date:
            problems.append(problem(response.name, where, f"opinion cluster {cluster_id} has no date_filed"))
            continue
        dates[date] = dates.get(date, 0) + 1
        decision_id = f"{case_id}.decision-{date}" + (f"-{dates[date]}" if dates[date] > 1 else "")
        judges = _judges(cluster, opinions.get(cluster_id, []))
        data: dict[str, Any] = {
            "id": decision_id,
            "case": case_id,
            "date": date,
            "cites": [_cite(c) for c in cluster.get("citations") or () if _cite(c)],
            "judges": [slug(name) for name in judges],
            "url": _decision_url(cluster, opinions.get(cluster_id, []), response),
            "notes": f"CourtListener opinion cluster {cluster_id}.",
            "confidence": "likely",
            "links": _derived_from(case_id),
        }
        if cluster.get("date_filed_is_approximate") is True:  # CourtListener's estimate, not a date read
            data["field_confidence"] = {"date": "unverified"}
            data["notes"] += " CourtListener marks its date approximate."
        try:
            for name in judges:
                judge = {"id": slug(name), "name": name, "kind": "person", "confidence": "likely"}
                made.setdefault(slug(name), build(Actor, {**judge, "links": _derived_from(case_id)}))
            made[decision_id] = build(Decision, data)
        except Refused as reason:
            problems.append(problem(response.name, where, f"opinion cluster {cluster_id}: {reason}"))
    if problems:
        raise LoadError(problems)
    return list(made.values())


def source_id(case: str) -> str:
    """The id of the Source of a case's docket response (the PACER import's, for its report)."""
    return f"{case}.docket"


def _derived_from(case: str) -> list[dict[str, Any]]:
    return [{"rel": "derived_from", "target": source_id(case), "confidence": "confirmed"}]


def _cite(citation: Any) -> str | None:
    """'999 F. Supp. 3d 101' from a cluster's citation (volume, reporter, page)."""
    if not isinstance(citation, Mapping):
        return None
    parts = [str(citation.get(key) or "").strip() for key in ("volume", "reporter", "page")]
    return " ".join(parts) if all(parts) else None


def _judges(cluster: Data, opinions: Sequence[Data]) -> list[str]:
    """The judges a cluster names in its free-text `judges` ('Smith, Jones and Roe'), else the
    authors of its opinions; each name once."""
    text = str(cluster.get("judges") or "")
    if text.strip():
        names = re.split(r"\s*(?:,|;|\band\b|&)\s*", text)
    else:
        names = [str(o.get("author_str") or "") for o in opinions]
    found: list[str] = []
    for name in (n.strip() for n in names):
        if slug(name) and slug(name) not in {slug(f) for f in found}:  # a name of marks alone names no one
            found.append(name)
    return found


def _decision_url(cluster: Data, opinions: Sequence[Data], response: CourtListenerResponse) -> str | None:
    """Where to read it: the court's copy an opinion was taken from (`download_url`), first
    opinion by CourtListener's order of types (combined, lead, ...), else its page on CourtListener."""
    ordered = sorted(opinions, key=lambda o: str(o.get("type") or ""))
    for opinion in ordered:
        if opinion.get("download_url"):
            return str(opinion["download_url"])
    page = next((o.get("absolute_url") for o in ordered if o.get("absolute_url")), cluster.get("absolute_url"))
    return urljoin(site_of(cluster.get("resource_uri") or response.url), str(page)) if page else None

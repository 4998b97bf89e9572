"""The overview page: each case with its court, judges, parties, status, procedural history and
decisions, each cited in the site's style."""

from __future__ import annotations

from typing import Any

import attrs

from evidence._labels import case_title, decision_name, weaker
from evidence._model import RECORD_KINDS, Case, Decision
from evidence._report.site import Site, anchor_id
from evidence._views import date_label

PAGE = "index.html"


@attrs.frozen
class Step:
    """One step of a case's procedural history, as the page prints it."""

    what: str
    mark: str
    date: str | None = None
    record: str | None = None  # the other case, or the filing or order that made it


def _words(value: Any) -> str:
    return str(value.value).replace("_", " ")


def history(site: Site, case: Case) -> list[Step]:
    """Relations, classes, events and status changes of a case, as they are recorded."""
    steps = []
    for relation in case.relations:
        steps.append(
            Step(
                f"{_words(relation.rel)} {site.name(relation.case)}"
                + (f": {relation.basis}" if relation.basis else ""),
                relation.confidence.value,
                date_label(relation.date) if relation.date else None,
                relation.case,
            )
        )
    for class_ in case.classes:
        what = f"class {class_.name or ''}: {class_.definition}".replace("class : ", "class: ")
        if class_.certified:
            what += f" (certified {date_label(class_.certified)})"
        steps.append(
            Step(what, class_.confidence.value, date_label(class_.proposed) if class_.proposed else None, class_.order)
        )
    for event in case.events:
        what = (
            _words(event.kind)
            + (f": {event.title}" if event.title else "")
            + (f"; ruled: {event.ruling}" if event.ruling else "")
        )
        steps.append(Step(what, event.confidence.value, date_label(event.date) if event.date else None, event.filing))
    for change in case.status_history:
        steps.append(
            Step(
                f"status {_words(change.status)}",
                change.confidence.value,
                date_label(change.since) if change.since else None,
                change.filing,
            )
        )
    return steps


def homes(site: Site) -> None:
    for case in site.records.cases:
        site.home(case.id, PAGE)
    for decision in site.records.decisions:
        site.home(decision.id, PAGE)


def write(site: Site) -> None:
    records = site.records
    cases = list(records.cases)
    decisions: dict[str, list[Decision]] = {case.id: [] for case in cases}
    for decision in records.decisions:
        decisions.setdefault(decision.case, []).append(decision)
    counts = [
        f"{len(records.of_kind(cls))} {cls.PLURAL if len(records.of_kind(cls)) != 1 else cls.KIND}"
        for cls in RECORD_KINDS
        if records.of_kind(cls)
    ]
    site.write(
        PAGE,
        "overview.html.j2",
        heading=site.title,
        cases=cases,
        counts=counts or ["no records"],
        history={case.id: history(site, case) for case in cases},
        decisions=decisions,
        anchor=anchor_id,
        case_title=case_title,
        decision_name=decision_name,
        court_name=lambda case: _court(site, case),
        date=date_label,
        weaker=weaker,
    )


def _court(site: Site, case: Case) -> str:
    court = site.records.court_of(case)
    return court.name or court.citation or court.id

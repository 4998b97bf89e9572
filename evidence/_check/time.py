"""Time (T001-T004): messages, filings, sources and decisions in an order that can have happened."""

from __future__ import annotations

from typing import Any

from evidence._check.run import Run
from evidence._model import (
    Case,
    Confidence,
    DateValue,
    Decision,
    Exhibit,
    Filing,
    LinkRel,
    Message,
    SealingAction,
    Source,
    definitely_before,
    last_edge,
)


def _after(later: DateValue | None, earlier: DateValue | None) -> bool:
    return later is not None and earlier is not None and definitely_before(earlier, later)


def _both_read_from_one_docket(case: Case, filing: Filing) -> bool:
    """Both dates confirmed and derived from one record (an imported docket report): the court's
    own docket prints the entry before the case's date, as a criminal docket does with the entries
    of the magistrate case it grew out of, so it is the court's history, not a slip."""
    sources = {link.target for link in case.links if link.rel is LinkRel.DERIVED_FROM}
    shared = any(link.rel is LinkRel.DERIVED_FROM and link.target in sources for link in filing.links)
    sure = Confidence.CONFIRMED
    return shared and case.confidence_of("filed") is sure and filing.confidence_of("filed") is sure


def time(run: Run) -> None:
    filed: dict[str, Any] = {}  # each filing's last instant, found once for all its messages
    for message in run.of_kind(Message):
        exhibit = run.get(message.exhibit, Exhibit)
        filing = run.get(exhibit.filing if exhibit else message.filing, Filing)
        if filing is None or filing.filed is None or message.sent is None:
            pass
        elif (filed[filing.id] if filing.id in filed else filed.setdefault(filing.id, last_edge(filing.filed))).before(
            message.sent
        ):
            run.add(
                "T001",
                message,
                f"sent {message.sent}, after ECF No. {filing.ecf} that holds it was filed on {filing.filed}",
                ("sent",),
            )
        if exhibit is not None:
            unsealed = [e.date for e in exhibit.sealing if e.action is SealingAction.UNSEALED and e.date is not None]
            for n, attestation in enumerate(message.attestations):
                source = run.get(attestation.source, Source)
                if source is not None and unsealed and all(_after(u, source.published) for u in unsealed):
                    run.add(
                        "T003",
                        message,
                        f"{source.id!r}, published {source.published}, quotes an exhibit unsealed on {unsealed[0]}",
                        ("attestations", n),
                    )
    for filing in run.of_kind(Filing):
        case = run.get(filing.case, Case)
        if case is not None and _after(case.filed, filing.filed) and not _both_read_from_one_docket(case, filing):
            run.add("T002", filing, f"filed {filing.filed}, before its case was filed on {case.filed}", ("filed",))
    for decision in run.of_kind(Decision):
        case = run.get(decision.case, Case)
        if case is not None and _after(case.filed, decision.date):
            run.add("T004", decision, f"dated {decision.date}, before its case was filed on {case.filed}", ("date",))

"""Hypothesis strategies for record sets to cite: every reference resolved, every optional field
a citation may print present or absent at random. Each printed text value holds a marker of its
own ("Zqa3"), so that a test can count how often a value is printed; titles may end in their own
stop ("Cert.", "?")."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

import evidence as ev
from evidence.testing.strategies import confidences, optional_dates

_TITLE_ENDS = ("", ".", "?", " Cert.", "...")


@st.composite
def citable_record_sets(draw: st.DrawFn) -> ev.RecordSet:
    """A case with its court, filings, an exhibit, people, a message, sources and a claim, as
    a citation needs them, with the fields a citation may print randomly absent."""
    count = iter(range(1000))

    def mark() -> str:
        return f"Zq{'abcdefghij'[next(count) % 10]}{next(count)}"

    def maybe(value: Any) -> Any:
        return value if draw(st.booleans()) else None

    def title() -> str:
        return f"{mark()} report on the {mark()}{draw(st.sampled_from(_TITLE_ENDS))}"

    when = optional_dates
    court: list[ev.Record] = []
    court_id = "cand"
    if draw(st.booleans()):
        court_id = "court"
        agency = draw(st.booleans())  # an agency's decisions are cited by its own forms (Bluebook R14.3)
        court = [ev.Court(id="court", name=maybe(f"{mark()} Court"), citation=maybe(f"{mark()}. Ct."), agency=agency)]
    actors = [
        ev.Actor(id=f"actor-{n}", name=f"{mark()} {mark()}", kind=draw(st.sampled_from(ev.ActorKind))) for n in range(2)
    ]
    filings = [
        ev.Filing(
            id=f"filing-{n}",
            case="case",
            ecf=maybe(n + 1),
            title=maybe(draw(st.sampled_from(["Memorandum Opinion and Order", "Plaintiffs' Motion to Dismiss"]))),
            short_title=maybe(f"{mark()} Mot."),
            kind=maybe(draw(st.sampled_from(ev.FilingKind))),
            filed=draw(when),
        )
        for n in range(2)
    ]
    decided = [
        ev.Decision(
            id=f"decision-{n}",
            case="case",
            date=draw(optional_dates),  # an undated decision prints no date
            # unreported, in a database, or in a reporter: each is cited in its own form (R11)
            cites=draw(st.sampled_from(((), (f"2025 WL {next(count)}",), (f"{next(count)} F. Supp. 3d 101",)))),
            docket_number=maybe(f"{mark()}-cv"),
            title=maybe("Order Dismissing Appeal"),
            filing=maybe(f"filing-{draw(st.integers(0, 1))}"),
        )
        for n in range(draw(st.integers(0, 2)))
    ]
    case = ev.Case(
        id="case",
        caption=f"JANE {mark().upper()}, et al. v. WIDGET {mark().upper()} PBC",
        name=f"{mark()} v. {mark()} PBC",
        short_name=maybe(mark()),
        court=court_id,
        docket_number=f"C 24-0{next(count)} XYZ",
        filed=draw(when),
    )
    exhibit = ev.Exhibit(
        id="exhibit",
        filing=f"filing-{draw(st.integers(0, 1))}",
        attachment=maybe(next(count)),
        label=maybe(mark()),
        title=maybe(mark()),
    )
    sources = [
        ev.Source(
            id=f"source-{n}",
            kind=draw(st.sampled_from(ev.SourceKind)),
            title=maybe(title()),
            authors=tuple(f"{mark()} {mark()}" for _ in range(draw(st.integers(0, 3)))),
            publication=maybe(f"{mark()} Wire"),
            publisher=maybe(f"{mark()} Media"),
            published=draw(when),
            page=maybe(f"A{next(count)}"),
            volume=maybe(str(next(count))),
            edition=maybe(draw(st.sampled_from(["2", "Rev."]))),
            editors=tuple(f"{mark()} {mark()}" for _ in range(draw(st.integers(0, 2)))),
            number=maybe(f"No. {next(count)}"),
            genre=maybe("Note"),
            url=maybe(f"https://example.com/zq{next(count)}"),
            language=maybe(draw(st.sampled_from(["en", "pt"]))),
            translation_of="source-0" if n == 1 and draw(st.booleans()) else None,
            translators=tuple(f"{mark()} {mark()}" for _ in range(draw(st.integers(0, 1)))),
            institution=maybe(f"{mark()} Institute, {mark()} Office"),
            published_time=maybe(draw(st.sampled_from(["00:30", "12:27", "23:59"]))),
            short_title=maybe(mark()),
            directions=maybe(f"search for {mark()}"),
        )
        for n in range(2)
    ]
    quoted = ev.Attestation(source="source-0", quote=ev.Quote(exact="we need it"), confidence=ev.Confidence.LIKELY)
    message = ev.Message(
        id="message",
        exhibit=maybe("exhibit"),
        filing=maybe(exhibit.filing),
        sender=maybe("actor-0"),
        sender_description=maybe(f"a {mark()} engineer"),
        recipients=("actor-1",) if draw(st.booleans()) else (),
        channel=maybe(draw(st.sampled_from(ev.Channel))),
        sent=draw(when),
        attestations=(quoted,) if draw(st.booleans()) else (),
        field_confidence={"filing": draw(confidences())},
    )
    targets = draw(st.lists(st.sampled_from(["case", "filing-0", "exhibit", "message", "source-1"]), unique=True))
    claim = ev.Claim(
        id="claim",
        statement="Widget knew.",
        status=ev.ClaimStatus.REPORTED,
        evidence=tuple(
            ev.EvidenceLink(record=target, role=draw(st.sampled_from(ev.EvidenceRole))) for target in targets
        ),
    )
    return ev.RecordSet([*court, *actors, *filings, case, *decided, exhibit, *sources, message, claim])

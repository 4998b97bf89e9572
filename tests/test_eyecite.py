"""Short forms a machine can resolve: a brief's citations of cases and statutes, as
`CitationSequence` writes them, read back by eyecite (the Free Law Project's citation extractor)
and resolved: every full citation, short form and *id.* to the authority it was made for.

The cases are made up (Roe v. Widget Co., Doe v. Acme Corp., ...); the statutes are real
sections of the U.S. Code, cited as R16 cites them. Two decisions in one volume of one reporter
are left out on purpose: eyecite cannot tell their short forms apart (docs/citations.md, known
limits).
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path
from typing import Any

import eyecite
from eyecite.models import FullCaseCitation, FullLawCitation, IdCitation, ShortCaseCitation, UnknownCitation
from hypothesis import given
from hypothesis import strategies as st

import evidence as ev

C = "confirmed"

# id, name, court, date, reporter cite (each in its own volume of its reporter).
CASES = [
    ("roe", "Roe v. Widget Co.", "cand", "2024-03-01", "123 F. Supp. 3d 456"),
    ("doe", "Doe v. Acme Corp.", "scotus", "2023-06-01", "599 U.S. 101"),
    ("poe", "Poe v. Gadget LLC", "ca9", "2021-05-04", "45 F.4th 678"),
    ("zoe", "Zoe v. Sprocket Inc.", "nysd", "2019-11-20", "387 F. Supp. 3d 210"),
]
# id, title, section, year of the code's edition.
STATUTES = [("s107", "17", "107", 2018), ("s512", "17", "512", 2018), ("s1292", "28", "1292", 2018)]

RECORDS = ev.RecordSet(
    [
        *(ev.Case(id=id, name=name, court=court, confidence=C) for id, name, court, _, _ in CASES),
        *(ev.Decision(id=f"{id}-d", case=id, date=date, cites=[cite], confidence=C) for id, _, _, date, cite in CASES),
        *(ev.Provision(id=id, kind="statute", code="U.S.C.", title=title, section=section, year=year, confidence=C)
          for id, title, section, year in STATUTES),
    ]
)  # fmt: skip
FIRST_PAGE = {id: int(cite.rsplit(" ", 1)[1]) for id, _, _, _, cite in CASES}
CASE_IDS = {id for id, *_ in CASES}

Step = tuple[int, str, str | None]  # footnote, authority, pin


def brief(steps: list[Step], markup: str = "text") -> tuple[str, list[tuple[int, int, str]]]:
    """The brief's footnotes, one line each ("1. ..."), a sentence of text between two citations
    of one note, and where each citation stands in it, with the authority it was made for (a
    case's decision, or a provision)."""
    sequence = ev.CitationSequence(RECORDS, markup=markup)
    lines: dict[int, list[tuple[str, str]]] = {}
    for note, authority, pin in steps:
        decision = f"{authority}-d" if authority in CASE_IDS else None
        text = sequence.cite(authority, note=note, pin=pin, decision=decision)
        lines.setdefault(note, []).append((text, decision or authority))
    text, spans = "", []
    for note, cited in lines.items():
        text += f"{note}. "
        for index, (citation, authority) in enumerate(cited):
            spans.append((len(text), len(text) + len(citation), authority))
            text += citation + (" So it held. " if index < len(cited) - 1 else "\n")
    return text, spans


def resolutions(text: str, spans: list[tuple[int, int, str]], *, html: bool = False) -> dict[Any, set[str]]:
    """Runs eyecite on the brief and resolves it; checks that every citation it finds resolves
    and that each of ours was found; returns, for each resource, the authorities its citations
    were made for."""
    found = eyecite.get_citations(markup_text=text, clean_steps=["html"]) if html else eyecite.get_citations(text)
    plain = found[0].document.plain_text if found else text
    if html:  # the spans are those of the markup: find each citation in the plain text, in order
        spans = _plain_spans(text, plain, spans)
    # eyecite finds statutes in a pass of their own, after the cases: its list is not in the
    # order of the text, which resolving assumes (known limits).
    found.sort(key=lambda citation: citation.span()[0])
    # The section sign of "Id. § 108", which eyecite leaves as a citation of its own, would end
    # the run of id. that follows (known limits): set aside, after the check below.
    stray = [citation for citation in found if isinstance(citation, UnknownCitation)]
    for citation in stray:
        before = plain[: citation.span()[0]].rstrip()
        assert citation.matched_text() == "§" and before.endswith("Id."), citation
    found = [citation for citation in found if not isinstance(citation, UnknownCitation)]
    resolved = eyecite.resolve_citations(found)
    resource_of = {id(citation): resource for resource, cited in resolved.items() for citation in cited}

    def made_for(citation: Any) -> str:
        start = citation.span()[0]
        return next(authority for begin, end, authority in spans if begin <= start < end)

    for citation in stray:  # only after a statute's id.
        assert made_for(citation) not in {f"{id}-d" for id in CASE_IDS}, citation
    for citation in found:
        assert isinstance(citation, FullCaseCitation | FullLawCitation | ShortCaseCitation | IdCitation), citation
        assert id(citation) in resource_of, f"unresolved: {citation.matched_text()!r} in {text!r}"
    starts = [citation.span()[0] for citation in found]
    for begin, end, authority in spans:
        assert any(begin <= start < end for start in starts), f"not found: {plain[begin:end]!r} ({authority})"
    return {resource: {made_for(c) for c in cited} for resource, cited in resolved.items()}


def _plain_spans(markup: str, plain: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The spans of the citations in eyecite's plain text, where each tag became a space."""
    assert re.sub(TAG, " ", markup) == plain
    at = lambda offset: len(re.sub(TAG, " ", markup[:offset]))  # noqa: E731
    return [(at(begin), at(end), authority) for begin, end, authority in spans]


TAG = r"<[^>]+>"


def assert_each_resolves_to_its_authority(text: str, spans: list[tuple[int, int, str]], *, html: bool = False) -> None:
    found = resolutions(text, spans, html=html)
    # One resource per authority, and every citation of a resource made for that one authority.
    assert all(len(authorities) == 1 for authorities in found.values()), found
    assert sorted(next(iter(a)) for a in found.values()) == sorted({authority for _, _, authority in spans})


# The footnotes of a brief: each short form and id. follows a different authority than the one
# it repeats, and the statutes come back as short forms and as id. with another section.
STEPS: list[Step] = [
    (1, "roe", None),
    (1, "roe", "460"),
    (2, "s107", None),
    (2, "s107", "(4)"),
    (3, "doe", "103"),
    (3, "roe", "461"),
    (4, "s107", None),
    (4, "doe", "105"),
    (4, "doe", "106"),
    (5, "s512", "(c)"),
    (5, "s107", "(1)"),
    (5, "s107", "(3)"),
    (6, "poe", "680"),
    (6, "s1292", "(b)"),
    (6, "poe", "681"),
]
CITED = [
    "Roe v. Widget Co., 123 F. Supp. 3d 456 (N.D. Cal. 2024).", "Id. at 460.",
    "17 U.S.C. § 107 (2018).", "Id. § 107(4).",
    "Doe v. Acme Corp., 599 U.S. 101, 103 (2023).", "Roe, 123 F. Supp. 3d at 461.",
    "17 U.S.C. § 107.", "Doe, 599 U.S. at 105.", "Id. at 106.",
    "17 U.S.C. § 512(c) (2018).", "17 U.S.C. § 107(1).", "Id. § 107(3).",
    "Poe v. Gadget LLC, 45 F.4th 678, 680 (9th Cir. 2021).", "28 U.S.C. § 1292(b) (2018).", "Poe, 45 F.4th at 681.",
]  # fmt: skip


def test_the_brief_is_cited_by_the_rules() -> None:
    # R15.2 short forms of cases, R4.1 id. (after a different authority, a short form instead),
    # R16 statutes and their short forms, id. with the section for a statute (Indigo c173).
    text, spans = brief(STEPS)
    assert [text[begin:end] for begin, end, _ in spans] == CITED


def test_eyecite_resolves_every_short_form_and_id_to_its_authority() -> None:
    text, spans = brief(STEPS)
    found = resolutions(text, spans)
    by_authority = {next(iter(authorities)): resource for resource, authorities in found.items()}
    assert set(by_authority) == {"roe-d", "doe-d", "poe-d", "s107", "s512", "s1292"}
    assert_each_resolves_to_its_authority(text, spans)
    # A statute's resource is its section, whatever the subsection or the edition's year.
    assert [c.matched_text() for c in eyecite.resolve_citations(eyecite.get_citations(text))[by_authority["s107"]]] == [
        "17 U.S.C. § 107", "Id.", "17 U.S.C. § 107", "17 U.S.C. § 107", "Id."
    ]  # fmt: skip


def test_the_html_brief_resolves_too() -> None:
    # Markup: eyecite reads HTML (<i>Id.</i>) through its `markup_text`, not Markdown's asterisks.
    text, spans = brief(STEPS, markup="html")
    assert text.startswith(
        "1. <i>Roe v. Widget Co.</i>, 123 F. Supp. 3d 456 (N.D. Cal. 2024). So it held. <i>Id.</i> at 460."
    )
    assert_each_resolves_to_its_authority(text, spans, html=True)


AUTHORITIES = [id for id, *_ in CASES] + [id for id, *_ in STATUTES]


@st.composite
def steps(draw: st.DrawFn) -> list[Step]:
    """A brief: authorities in any order, each with a pin or none, one or more to a footnote."""
    note, result = 1, []
    for _ in range(draw(st.integers(1, 20))):
        note += draw(st.integers(0, 2))
        authority = draw(st.sampled_from(AUTHORITIES))
        if authority in CASE_IDS:
            pin = draw(st.none() | st.integers(0, 40).map(lambda k, a=authority: str(FIRST_PAGE[a] + k)))
        else:
            pin = draw(st.none() | st.sampled_from(["(a)", "(b)(1)", "(4)"]))
        result.append((note, authority, pin))
    return result


@given(steps())
def test_any_sequence_of_cases_and_statutes_resolves(drawn: list[Step]) -> None:
    text, spans = brief(drawn)
    assert_each_resolves_to_its_authority(text, spans)


def test_the_docs_show_this_brief_and_what_eyecite_makes_of_it() -> None:
    # docs/citations.md shows the text and the code as `text` blocks (test_docs runs python
    # blocks, without the test extras): here they run, and print what the page says.
    page = (Path(__file__).parent.parent / "docs" / "citations.md").read_text(encoding="utf-8")
    section = page[page.index("### Short forms a machine can resolve") :]
    shown, code = re.findall(r"```text\n(.*?)```", section, re.DOTALL)[:2]
    assert shown == brief(STEPS[:9])[0]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {"text": shown})
    assert out.getvalue().splitlines() == [line[2:] for line in code.splitlines() if line.startswith("# ")]

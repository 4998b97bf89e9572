"""A document's citation is made once per record set and printed behind each message it holds:
what a citation says never depends on what was cited before it in that set, nor with which
options; and a `Citation` made of parts joins them as one made by the engine."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import evidence as ev
from evidence._cite.parts import ITALIC, MARK, ROMAN, SMALL_CAPS, Part, tidied_ahead, tidy

# An openly fictional set: two cases, an exhibit of each holding messages at their Bates pages,
# and a message held by a filing directly.
FICTIONAL = (
    """evidence: 2
cases:
  - {id: doe-v-acme, name: "Doe v. Acme Widgets, Inc.", short_name: Doe, court: cand, docket_number: 3:23-cv-01234-VC, filed: 2023-07-07, confidence: confirmed}
  - {id: roe-v-acme, name: "Roe v. Acme Widgets, Inc.", court: cand, docket_number: 3:24-cv-05678-VC, filed: 2024-02-01}
actors:
  - {id: pat, name: Pat Lee, kind: person, confidence: confirmed}
  - {id: sam, name: Sam Roe, kind: person, confidence: likely}
filings:
  - {id: doe-ecf-100, case: doe-v-acme, ecf: 100, title: Declaration of Alex Park, kind: declaration, filed: 2025-01-01, confidence: confirmed}
  - {id: roe-ecf-7, case: roe-v-acme, ecf: 7, title: Declaration of Kim Ray, kind: declaration, filed: 2025-03-04, confidence: likely}
exhibits:
  - {id: doe-ex-a, filing: doe-ecf-100, attachment: 1, label: A, confidence: confirmed}
  - {id: roe-ex-b, filing: roe-ecf-7, attachment: 2, label: B, field_confidence: {label: unverified}}
messages:
"""
    + "".join(
        f"  - {{id: m{n}, exhibit: {exhibit}, sender: pat, recipients: [sam], channel: email, sent: 2023-05-0{n + 1},"
        f" bates_page: ACME_{n:05d}, confidence: confirmed}}\n"
        for n, exhibit in enumerate(["doe-ex-a", "doe-ex-a", "roe-ex-b", "roe-ex-b", "doe-ex-a"])
    )
    + "  - {id: m9, filing: roe-ecf-7, sender: sam, channel: chat, sent: 2023-06-01}\n"
    # A report and the exhibit are the evidence of several claims, at one page and at another.
    + """sources:
  - {id: ledger, kind: news_article, title: Widgets Under Scrutiny, publication: The Fictional Ledger, published: 2024-04-02, url: "https://ledger.example/widgets", confidence: likely}
claims:
  - {id: c1, statement: Acme kept the logs., status: alleged, evidence: [{record: ledger, quote: {exact: kept the logs, page: "2"}}, {record: doe-ex-a}]}
  - {id: c2, statement: Acme read the logs., status: reported, evidence: [{record: ledger, quote: {exact: read the logs, page: "3"}}, {record: m0}]}
  - {id: c3, statement: Acme knew., status: disputed, evidence: [{record: ledger, quote: {exact: knew, page: "2"}}, {record: doe-ex-a, role: contradicts}]}
"""
)

# Options that change how the document holding a message is printed, or whether it is marked.
OPTIONS: list[dict[str, Any]] = [
    {},
    {"marks": True},
    {"markup": "html", "marks": True},
    {"style": "ecf"},
    {"form": "short"},
    {"in_case": "doe-v-acme"},
    {"options": ev.BluebookOptions(exhibit_with_filing=True)},
    {"options": ev.BluebookOptions(document_dates=True, case_in_short_forms=True), "form": "short"},
    {"textual": True},
]


@pytest.fixture
def fictional(tmp_path: Path) -> Path:
    (tmp_path / "records.yaml").write_text(FICTIONAL, encoding="utf-8")
    return tmp_path / "records.yaml"


def _cited(records: ev.RecordSet, options: dict[str, Any]) -> list[str]:
    return [ev.cite(record, records=records, **options) for record in (*records.messages, *records.claims)]


def test_a_citation_is_the_same_whatever_the_set_cited_before_it(fictional: Path) -> None:
    alone = [_cited(ev.load(fictional), options) for options in OPTIONS]
    shared = ev.load(fictional)
    for _ in range(2):  # the second round finds every document already made
        for options, expected in zip(OPTIONS, alone, strict=True):
            assert _cited(shared, options) == expected, options
    assert len({tuple(cited) for cited in alone}) == len(OPTIONS)  # each option set prints differently


def test_a_held_message_is_cited_at_its_own_bates_page_behind_its_document(fictional: Path) -> None:
    records = ev.load(fictional)
    held = [message for message in records.messages if message.bates_page]
    for message, text in zip(held, _cited(records, {}), strict=False):
        assert f"at {message.bates_page}" in text
        assert [other.bates_page for other in held if other.bates_page in text] == [message.bates_page]
        case = "Doe v. Acme" if message.exhibit == "doe-ex-a" else "Roe v. Acme"
        assert case in text and f"Ex. {'A' if case.startswith('Doe') else 'B'}" in text
    marked = _cited(records, {"marks": True})
    assert "Ex. B [unverified]" in marked[2] and "(Ex. A, at ACME_00000, Doe v. Acme Widgets, Inc.," in marked[0]


def test_a_claim_cites_each_piece_of_its_evidence_at_that_link_s_page(fictional: Path) -> None:
    # The report is cited once at each page and printed behind every claim resting on it there.
    records = ev.load(fictional)
    for _ in range(2):
        bluebook = {claim.id: ev.cite(claim, records=records) for claim in records.claims}
        assert "widgets, at 2; Ex. A," in bluebook["c1"] and "widgets, at 3; E-mail" in bluebook["c2"]
        assert "widgets, at 2. But see Ex. A" in bluebook["c3"]
        apa = {claim.id: ev.cite(claim, records=records, style="apa") for claim in records.claims}
        assert [apa[id].split(";")[0] for id in ("c1", "c2", "c3")] == [
            "(“Widgets Under Scrutiny,” 2024, p. 2",
            "(“Widgets Under Scrutiny,” 2024, p. 3",
            "(“Widgets Under Scrutiny,” 2024, p. 2",
        ]


@pytest.mark.parametrize(
    ("parts", "joined"),
    [
        ((("Doe", "italic"), (" v. ", "italic"), ("Roe", "italic"), (", ", "roman")), (("Doe v. Roe", "italic"), (", ", "roman"))),
        ((("at ", "roman"), ("", "roman"), ("4", "roman"), ("likely", "mark")), (("at ", "roman"), ("4", "roman"), ("likely", "mark"))),
    ],
)  # fmt: skip
def test_a_citation_made_of_parts_joins_them(
    parts: tuple[tuple[str, str], ...], joined: tuple[tuple[str, str], ...]
) -> None:
    citation = ev.Citation(parts)
    assert citation.parts == joined
    assert citation.render("html") == ev.Citation(joined).render("html")


# Parts as the engine makes them: short texts rich in stops, in three styles, some marked.
_PART = st.tuples(st.sampled_from(["", ".", ",", "?", ", ", "Cert.", "Why?", "a"]),
                  st.sampled_from([ROMAN, ITALIC, SMALL_CAPS]))  # fmt: skip
_PARTS = st.lists(
    st.one_of(st.tuples(_PART), st.tuples(_PART, st.tuples(st.sampled_from(["likely", "unverified"]), st.just(MARK)))),
    max_size=6,
).map(lambda pieces: [part for piece in pieces for part in piece])


@settings(max_examples=1000, deadline=None)
@given(before=_PARTS, ahead=_PARTS, after=_PARTS)
def test_parts_tidied_ahead_read_the_same_in_the_citation_they_go_in(
    before: list[Part], ahead: list[Part], after: list[Part]
) -> None:
    # A document's parts are tidied once, for every message it holds: the message's citation,
    # tidied whole, is then what it would have been with them as they were made.
    assert tidy([*before, *tidied_ahead(ahead), *after]) == tidy([*before, *ahead, *after])


@settings(max_examples=500, deadline=None)
@given(parts=_PARTS)
def test_joined_parts_print_the_same_text_with_each_mark_on_its_own_value(parts: list[Part]) -> None:
    joined = ev.Citation(parts).parts
    assert ev.Citation(parts).render() == "".join(f" [{t}]" if s == MARK else t for t, s in parts)
    flagged = [(parts[n - 1], part) for n, part in enumerate(parts) if part[1] == MARK and n]
    assert [(joined[n - 1], part) for n, part in enumerate(joined) if part[1] == MARK and n] == flagged
    for before, after in itertools.pairwise(joined):  # what could be joined is
        assert MARK in (before[1], after[1]) or before[1] != after[1] or after in [v for v, _ in flagged]
    assert all(text or style == MARK or (text, style) in [v for v, _ in flagged] for text, style in joined)

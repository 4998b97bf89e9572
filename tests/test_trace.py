"""Following a record back to its primary sources, with the confidence of every step."""

from __future__ import annotations

import pytest

import evidence as ev
from evidence._cli import main
from tests.conftest import EXAMPLES

KADREY = EXAMPLES / "kadrey-v-meta"


@pytest.fixture(scope="module")
def records() -> ev.RecordSet:
    return ev.load(KADREY)


def test_a_gpt4_claim_leads_through_the_translation_to_the_docket(records: ev.RecordSet) -> None:
    root = ev.trace(records, "claim-goal-gpt4")
    paths = [[(step.link, step.record, step.confidence.value) for step in path] for path in root.paths()]
    assert paths == [
        [
            ("start", "claim-goal-gpt4", "likely"),
            ("evidence (supports)", "chat-goal-gpt4", "likely"),
            ("held in", "ecf-391", "likely"),
            ("on the docket of", "kadrey-v-meta", "confirmed"),
        ],
        [
            ("start", "claim-goal-gpt4", "likely"),
            ("evidence (supports)", "bolt42-article-pt", "confirmed"),  # the quote is in the stored text
            ("translation of", "techcrunch-2025-01-14", "likely"),
            ("reports", "chat-goal-gpt4", "likely"),
            ("held in", "ecf-391", "likely"),
            ("on the docket of", "kadrey-v-meta", "confirmed"),
        ],
    ]
    assert [ev.Trace.weakest(path) for path in root.paths()] == [ev.Confidence.LIKELY] * 2


def test_each_step_names_what_it_holds(records: ev.RecordSet) -> None:
    quote, original = ev.trace(records, "claim-64k-gpus").steps[1], None
    assert quote.label.startswith("“Temos 64 mil GPUs a caminho!")
    (original,) = quote.steps
    assert original.label == (
        "“We have 64k GPUs coming! We need to learn how to build frontier and win this race.” in TechCrunch [en]"
    )


def test_the_weakest_step_decides(records: ev.RecordSet) -> None:
    root = ev.trace(records, "claim-very-aggressive")
    assert {ev.Trace.weakest(path) for path in root.paths()} == {ev.Confidence.UNVERIFIED}
    ruling = ev.trace(records, "claim-fair-use-ruling")
    assert [[s.record for s in p] for p in ruling.paths()] == [["claim-fair-use-ruling", "ecf-598", "kadrey-v-meta"]]
    assert ev.Trace.weakest(next(ruling.paths())) is ev.Confidence.CONFIRMED


def test_provenance_links_are_followed_and_cycles_stop() -> None:
    records = ev.RecordSet(
        [
            ev.Source(id="a", kind="web_page", links=[ev.Link(rel="derived_from", target="b", confidence="likely")]),
            ev.Source(id="b", kind="web_page", links=[ev.Link(rel="alternate_of", target="a")]),
        ]
    )
    root = ev.trace(records, "a")
    assert [[(s.link, s.record) for s in p] for p in root.paths()] == [[("start", "a"), ("derived from", "b")]]
    with pytest.raises(ev.ResolutionError, match="no record has the id 'c'"):
        ev.trace(records, "c")


def test_the_trace_command_prints_the_tree(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["trace", str(KADREY), "claim-goal-gpt4"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "claim claim-goal-gpt4: In October 2023 Ahmad Al-Dahle wrote to Hugo Touvron that Meta's goal needed to be "
        "GPT-4. [likely]"
    )
    assert "      └─ reports → message chat-goal-gpt4: Honestly… Our goal needs to be GPT-4 [likely]" in out
    assert out[-1] == (
        "claim-goal-gpt4 → bolt42-article-pt → techcrunch-2025-01-14 → chat-goal-gpt4 → ecf-391 → kadrey-v-meta: "
        "as sure as its weakest step, likely"
    )
    assert main(["trace", str(KADREY), "nope"]) == 2

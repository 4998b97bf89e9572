"""Following a record back to its primary sources: every step with the mark of the link it came
through and its own, the weakest mark along each path, and a claim's status and speaker."""

from __future__ import annotations

import importlib.util
import itertools
from types import ModuleType
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import evidence as ev
from evidence._cli import main
from evidence.testing import strategies
from tests.conftest import EXAMPLES

KADREY = EXAMPLES / "kadrey-v-meta"
C, L, U = ev.Confidence.CONFIRMED, ev.Confidence.LIKELY, ev.Confidence.UNVERIFIED


@pytest.fixture(scope="module")
def records() -> ev.RecordSet:
    return ev.load(KADREY)


def printed(folder: object, id: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["trace", str(folder), id]) == 0
    return capsys.readouterr().out.splitlines()


# -- the marks, on records built here -------------------------------------------------------------

# A report that quotes a message, and a translation of it: the English wording is unverified,
# the translation link only likely, the Portuguese wording in the stored text confirmed.
ARTICLE = ev.Source(id="report", kind="news_article", publication="Daily", language="en", confidence=L)
TRANSLATION = ev.Source(
    id="report-pt",
    kind="news_article",
    publication="Diário",
    language="pt",
    translation_of="report",
    confidence=C,
    field_confidence={"translation_of": L},
)
CASE = ev.Case(
    id="doe-v-acme", caption="Doe v. Acme", name="Doe v. Acme", court="cand", docket_number="1:24-cv-1", confidence=C
)
FILING = ev.Filing(id="ecf-7", case="doe-v-acme", ecf=7, confidence=C)
MESSAGE = ev.Message(
    id="note",
    filing="ecf-7",
    text="ship it",
    confidence=U,
    attestations=[
        ev.Attestation(source="report", quote=ev.Quote(exact="ship it"), confidence=U),
        ev.Attestation(
            source="report-pt", quote=ev.Quote(exact="envie"), kind="translation", translation_of="report", confidence=C
        ),
    ],
)
PLAINTIFFS = ev.Actor(id="plaintiffs", name="the plaintiffs", kind="group", confidence=C)


def claim(**fields: Any) -> ev.Claim:
    base: dict[str, Any] = {"id": "c", "statement": "Acme shipped it.", "status": "reported", "confidence": C}
    return ev.Claim(**(base | fields))


def fixture(*claims: ev.Claim) -> ev.RecordSet:
    return ev.RecordSet([ARTICLE, TRANSLATION, CASE, FILING, MESSAGE, PLAINTIFFS, *claims])


def test_a_translated_wording_shows_the_links_mark_and_its_own_apart() -> None:
    records = fixture(
        claim(evidence=[ev.EvidenceLink(record="report-pt", quote=ev.Quote(exact="envie"), confidence=C)])
    )
    (quote,) = ev.trace(records, "c").steps
    (original,) = quote.steps
    assert (quote.link_confidence, quote.own_confidence, quote.wording) == (C, C, "envie")
    # The link is the translation's (likely); the English wording is unverified: both kept.
    assert (original.link, original.link_confidence, original.own_confidence) == ("translation of", L, U)
    assert original.label == "“ship it” in Daily [en]"
    assert [step.confidence for step in next(ev.trace(records, "c").paths())] == [C, C, U, U, U, U]


def test_a_passage_no_message_renders_still_leads_to_the_original_it_translates() -> None:
    records = fixture(
        claim(evidence=[ev.EvidenceLink(record="report-pt", quote=ev.Quote(exact="outra coisa"), confidence=C)])
    )
    ((_, quote, original),) = ev.trace(records, "c").paths()
    assert (quote.record, quote.confidence) == ("report-pt", C)
    assert (original.record, original.link, original.link_confidence, original.wording) == (
        "report",
        "translation of",
        L,
        None,  # the English of this passage is not recorded, so no wording is shown
    )
    assert ev.Trace.weakest((_, quote, original)) is L


def test_a_claim_shows_its_status_and_speaker_beside_the_attributions_mark(
    tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    records = fixture(
        claim(id="alleged", status="alleged", asserted_by="plaintiffs", asserted_on="2024-01-02"),
        claim(id="unsaid"),
    )
    alleged, unsaid = ev.trace(records, "alleged"), ev.trace(records, "unsaid")
    assert (alleged.status, alleged.speaker, alleged.own_confidence) == (ev.ClaimStatus.ALLEGED, "the plaintiffs", C)
    assert (unsaid.status, unsaid.speaker) == (ev.ClaimStatus.REPORTED, None)
    ev.dump(records, tmp_path / "set.yaml")
    assert printed(tmp_path / "set.yaml", "alleged", capsys) == [
        "claim alleged: Acme shipped it. [alleged by the plaintiffs on 2024-01-02; attribution confirmed]"
    ]
    assert printed(tmp_path / "set.yaml", "unsaid", capsys) == [
        "claim unsaid: Acme shipped it. [reported, speaker not recorded; attribution confirmed]"
    ]


def test_the_tree_names_each_mark(tmp_path: Any, capsys: pytest.CaptureFixture[str]) -> None:
    records = fixture(
        claim(confidence=L, evidence=[ev.EvidenceLink(record="report-pt", quote=ev.Quote(exact="envie"), confidence=C)])
    )
    ev.dump(records, tmp_path / "set.yaml")
    assert printed(tmp_path / "set.yaml", "c", capsys) == [
        "claim c: Acme shipped it. [reported, speaker not recorded; attribution likely]",
        "└─ evidence (supports) → source report-pt: “envie” in Diário [pt] [link confirmed, wording confirmed]",
        "   └─ translation of → source report: “ship it” in Daily [en] [link likely, wording unverified]",
        "      └─ reports → message note: ship it [link unverified, record unverified]",
        "         └─ held in → filing ecf-7: ECF No. 7 [link unverified, record confirmed]",  # the message's mark,
        "            └─ on the docket of → case doe-v-acme: Doe v. Acme, No. 1:24-cv-1 [link confirmed, record confirmed]",
        "",
        "c → report-pt → report → note → ecf-7 → doe-v-acme: as sure as its weakest step, unverified",
    ]


def test_a_message_is_traced_to_the_sources_that_attest_it(tmp_path: Any, capsys: pytest.CaptureFixture[str]) -> None:
    # Made-up: Acme's press statement, known only through a news report that prints it (likely
    # word for word) and a blog post that paraphrases it (unverified). The reports are its evidence.
    records = ev.RecordSet(
        [
            ev.Source(id="daily", kind="news_article", publication="Daily", title="Acme speaks", confidence=C),
            ev.Source(id="blog", kind="post", publication="Acme Watch", confidence=L),
            ev.Message(
                id="statement", text="We did nothing wrong.", confidence=L,
                attestations=[
                    ev.Attestation(source="daily", quote=ev.Quote(exact="We did nothing wrong."), confidence=L),
                    ev.Attestation(
                        source="blog", quote=ev.Quote(exact="they did nothing wrong"), kind="paraphrase", confidence=U
                    ),
                ],
            ),
        ]
    )  # fmt: skip
    daily, blog = ev.trace(records, "statement").steps
    assert (daily.record, daily.link, daily.wording) == ("daily", "attested by (verbatim)", "We did nothing wrong.")
    # The link and the wording there are the attestation's mark, never surer than the source.
    assert (daily.link_confidence, daily.own_confidence, daily.confidence) == (L, L, L)
    assert (blog.record, blog.link, blog.link_confidence, blog.own_confidence) == (
        "blog",
        "attested by (paraphrase)",
        U,
        U,
    )
    assert not daily.steps and not blog.steps  # the message is not walked again from its report
    ev.dump(records, tmp_path / "set.yaml")
    assert printed(tmp_path / "set.yaml", "statement", capsys)[1:3] == [
        "├─ attested by (verbatim) → source daily: “We did nothing wrong.” in Daily [link likely, wording likely]",
        "└─ attested by (paraphrase) → source blog: “they did nothing wrong” in Acme Watch [link unverified, wording unverified]",
    ]


def test_provenance_links_are_followed_and_cycles_stop() -> None:
    records = ev.RecordSet(
        [
            ev.Source(id="a", kind="web_page", links=[ev.Link(rel="derived_from", target="b", confidence="likely")]),
            ev.Source(id="b", kind="web_page", links=[ev.Link(rel="alternate_of", target="a")]),
        ]
    )
    root = ev.trace(records, "a")
    assert [[(s.link, s.record, s.link_confidence) for s in p] for p in root.paths()] == [
        [("start", "a", None), ("derived from", "b", L)]
    ]
    with pytest.raises(ev.ResolutionError, match="no record has the id 'c'"):
        ev.trace(records, "c")


# -- the property: a path is as sure as the weakest mark along it -------------------------------


@st.composite
def linked_record_sets(draw: st.DrawFn) -> ev.RecordSet:
    """Generated record sets whose references point at records of the set, with quotes drawn from
    two words, so that evidence, attestations and translations meet."""
    marks = strategies.confidences()
    # Two sources, a message and a claim in every set, so that quotes and translations are walked;
    # built lean, as drawing whole records is what takes the time.
    extra: list[ev.Record] = [
        ev.Source(
            id=f"source-{n}", kind="news_article", confidence=draw(marks),
            field_confidence={"translation_of": draw(marks)},
        )
        for n in range(2)
    ]  # fmt: skip
    extra.append(
        ev.Message(
            id="message", confidence=draw(marks), attestations=draw(st.lists(strategies.attestations(), max_size=3))
        )
    )
    extra.append(
        ev.Claim(
            id="claim", statement="It happened.", status=draw(st.sampled_from(ev.ClaimStatus)), confidence=draw(marks),
            evidence=draw(st.lists(strategies.evidence_links, min_size=1, max_size=3)),
        )
    )  # fmt: skip
    names = {record.id for record in extra}
    drawn = [r for r in draw(strategies.record_sets(max_size=4)) if r.id not in names] + extra
    pick = st.sampled_from([record.id for record in drawn])
    # Sources for what attestations and evidence quote, so that they meet.
    source = st.sampled_from([record.id for record in drawn if isinstance(record, ev.Source)])
    words = st.sampled_from(["alpha", "beta"]).map(lambda word: ev.Quote(exact=word))

    def rewired(record: ev.Record) -> ev.Record:
        changes: dict[str, Any] = {"links": [attrs.evolve(link, target=draw(pick)) for link in record.links]}
        if isinstance(record, ev.Claim):
            changes["evidence"] = [
                attrs.evolve(e, record=draw(source | pick), quote=draw(st.none() | words)) for e in record.evidence
            ]
        elif isinstance(record, ev.Source):
            changes["translation_of"] = draw(st.none() | source)
        elif isinstance(record, ev.Message):
            changes |= {"filing": draw(pick), "exhibit": draw(st.none() | pick)}
            changes["attestations"] = [
                attrs.evolve(
                    a,
                    source=draw(source),
                    quote=draw(words),
                    translation_of=draw(source) if a.kind is ev.AttestationKind.TRANSLATION else None,
                )
                for a in record.attestations
            ]
        elif isinstance(record, ev.Exhibit):
            changes["filing"] = draw(pick)
        elif isinstance(record, ev.Filing):
            changes["case"] = draw(pick)
        return attrs.evolve(record, **changes)

    return ev.RecordSet([rewired(record) for record in drawn])


def _link_marks(parent: ev.Record, step: ev.Trace) -> set[ev.Confidence]:
    """The marks the records give the link from `parent` to `step`, read from the records."""
    if isinstance(parent, ev.Claim) and step.link.startswith("evidence"):
        return {e.confidence for e in parent.evidence if e.record == step.record}
    held = {"held in": ("exhibit", "filing"), "attached to": ("filing",), "on the docket of": ("case",)}
    if step.link in held:
        return {parent.confidence_of(name) for name in held[step.link]}
    return set(ev.Confidence)  # translations and provenance links: checked by the tests above


@given(linked_record_sets())
def test_a_paths_mark_is_the_weakest_mark_along_it(records: ev.RecordSet) -> None:
    for record in records:
        for path in ev.trace(records, record.id).paths():
            marks = [mark for step in path for mark in (step.link_confidence, step.own_confidence) if mark]
            weakest = min(marks, key=lambda c: c.rank)
            assert ev.Trace.weakest(path) is weakest
            assert path[-1].confidence is weakest
            for parent, step in itertools.pairwise(path):
                # Each step's mark is that of the path so far; its own never surer than its record.
                assert step.confidence is min(
                    (parent.confidence, step.link_confidence or C, step.own_confidence), key=lambda c: c.rank
                )
                assert step.own_confidence.rank <= records[step.record].confidence.rank
                assert step.link_confidence in _link_marks(records[parent.record], step)


# -- the Kadrey example, as its data says now ------------------------------------------------------


def test_a_gpt4_claim_leads_through_the_translation_to_the_docket(records: ev.RecordSet) -> None:
    root = ev.trace(records, "claim-goal-gpt4")
    paths = [[(step.link, step.record, step.confidence.value) for step in path] for path in root.paths()]
    # Each step's mark is the path's so far, so the confirmed docket reads `likely` at the end of
    # a likely chain (it used to carry only its own mark and its link's).
    assert paths == [
        [
            ("start", "claim-goal-gpt4", "likely"),
            ("evidence (supports)", "chat-goal-gpt4", "likely"),
            ("held in", "ecf-391", "likely"),
            ("on the docket of", "kadrey-v-meta", "likely"),
        ],
        # The message rests on the reports that print it too: two passages in TechCrunch, and
        # their Portuguese, which leads on to the original it translates.
        *[
            [("start", "claim-goal-gpt4", "likely"), ("evidence (supports)", "chat-goal-gpt4", "likely"), step]
            for step in [("attested by (verbatim)", "techcrunch-2025-01-14", "likely")] * 2
        ],
        *[
            [
                ("start", "claim-goal-gpt4", "likely"),
                ("evidence (supports)", "chat-goal-gpt4", "likely"),
                ("attested by (translation)", "bolt42-article-pt", "likely"),
                ("translation of", "techcrunch-2025-01-14", "likely"),
            ]
        ]
        * 2,
        [
            ("start", "claim-goal-gpt4", "likely"),
            ("evidence (supports)", "bolt42-article-pt", "likely"),
            ("translation of", "techcrunch-2025-01-14", "likely"),
            ("reports", "chat-goal-gpt4", "likely"),
            ("held in", "ecf-391", "likely"),
            ("on the docket of", "kadrey-v-meta", "likely"),
        ],
    ]
    assert root.steps[0].steps[0].steps[0].own_confidence is C  # the docket itself is confirmed
    assert [ev.Trace.weakest(path) for path in root.paths()] == [L] * 6


def test_each_step_names_what_it_holds(records: ev.RecordSet) -> None:
    quote = ev.trace(records, "claim-64k-gpus").steps[1]
    assert quote.label.startswith("“Temos 64 mil GPUs a caminho!")
    (original,) = quote.steps
    assert original.label == (
        "“We have 64k GPUs coming! We need to learn how to build frontier and win this race.” in TechCrunch [en]"
    )


def test_every_claim_quoting_bolt42_walks_through_the_translation(records: ev.RecordSet) -> None:
    bolt42 = records.get("bolt42-article-pt", ev.Source)
    link = bolt42.confidence_of("translation_of")
    quoting = [c for c in records.claims if any(e.record == bolt42.id and e.quote for e in c.evidence)]
    assert len(quoting) >= 13
    for claim in quoting:
        for step in ev.trace(records, claim.id).steps:
            if step.record == bolt42.id:
                translations = [s for s in step.steps if s.link == "translation of"]
                assert [s.record for s in translations] == [bolt42.translation_of], claim.id
                assert all(s.link_confidence is not None and s.link_confidence.rank <= link.rank for s in translations)


def test_the_printed_trace_of_very_aggressive_shows_the_links_mark_and_the_wordings(
    records: ev.RecordSet, capsys: pytest.CaptureFixture[str]
) -> None:
    out = printed(KADREY, "claim-very-aggressive", capsys)
    wording = "techcrunch-2025-01-14", "very aggressive"
    step = next(
        s
        for path in ev.trace(records, "claim-very-aggressive").paths()
        for s in path
        if (s.record, s.wording) == wording
    )
    assert step.link_confidence is not None
    assert (
        "   └─ translation of → source techcrunch-2025-01-14: “very aggressive” in TechCrunch [en] "
        f"[link {step.link_confidence.value}, wording {step.own_confidence.value}]"
    ) in out
    assert step.own_confidence is U  # the wording is unverified, whatever the link's mark
    assert out[-1].endswith("as sure as its weakest step, unverified")


def test_the_printed_trace_of_an_allegation_names_the_plaintiffs_and_the_translation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = printed(KADREY, "claim-trained-on-books", capsys)
    assert out[0].startswith("claim claim-trained-on-books: Meta trained Llama on copyrighted books")
    # The allegation is known here through the report of it in translation: its mark is likely.
    assert out[0].endswith("[alleged by The plaintiffs in Kadrey v. Meta; attribution likely]")
    assert not out[0].endswith(" [confirmed]")
    assert "│  └─ translation of → source techcrunch-2025-01-14: TechCrunch [en] [link likely, record likely]" in out
    assert (
        "claim-trained-on-books → bolt42-article-pt → techcrunch-2025-01-14: as sure as its weakest step, likely" in out
    )


def test_the_trace_command_prints_the_tree(capsys: pytest.CaptureFixture[str]) -> None:
    out = printed(KADREY, "claim-goal-gpt4", capsys)
    assert out[0] == (
        "claim claim-goal-gpt4: In October 2023 Ahmad Al-Dahle wrote to Hugo Touvron that Meta's goal needed to be "
        "GPT-4. [reported by TechCrunch; attribution likely]"
    )
    assert (
        "      └─ reports → message chat-goal-gpt4: Honestly… Our goal needs to be GPT-4 […] We have 64k GPUs coming! "
        "We need to learn how to build frontier and win this race. [link likely, record likely]" in out
    )
    assert out[-1] == (
        "claim-goal-gpt4 → bolt42-article-pt → techcrunch-2025-01-14 → chat-goal-gpt4 → ecf-391 → kadrey-v-meta: "
        "as sure as its weakest step, likely"
    )
    assert main(["trace", str(KADREY), "nope"]) == 2


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("trace_claim", KADREY / "trace_claim.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_trace_script_runs_on_every_claim(records: ev.RecordSet, capsys: pytest.CaptureFixture[str]) -> None:
    script = _script()
    for claim in records.claims:
        script.main(KADREY, claim.id)
        out = capsys.readouterr().out.splitlines()
        root = ev.trace(records, claim.id)
        assert out[0] == claim.statement
        speaker = f"by {root.speaker}" if root.speaker else "(speaker not recorded)"
        assert out[1] == f"{claim.status.value} {speaker}; attribution {claim.confidence.value}"
        paths = [p for p in root.paths() if len(p) > 1]
        headers = [line for line in out if line.startswith("path ")]
        assert headers == [
            f"path {n} (as sure as its weakest step: {ev.Trace.weakest(p).value})" for n, p in enumerate(paths, 1)
        ]
        if paths:  # a blank line and a header for each path, two lines for each of its steps
            assert len(out) == 2 + sum(2 + 2 * (len(p) - 1) for p in paths)
        else:
            assert out[2:] == ["", "no evidence recorded"]

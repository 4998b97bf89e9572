"""PROV with each claim's evidence and the marks of what holds a message, valid PROV-JSON, and one
record's trace drawn: the PROV-JSON of both examples passes the PROV-JSON schema and reads back
with `prov`; a claim rests on its evidence with the link's role and mark; `evidence export --to
prov-dot --record ID` draws the records that record's trace reaches, which graphviz renders."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import prov
import pydot
import pytest
from prov.model import ProvDerivation, ProvDocument, ProvInfluence, ProvMembership

import evidence as ev
from tests.conftest import EXAMPLES, ROOT, run_evidence

SCHEMA = ROOT / "tests" / "data" / "prov-json-schema" / "prov-json.schema.json"
RECORD = "urn:evidence:record:"
KADREY = EXAMPLES / "kadrey-v-meta"
EXAMPLE_SETS = ["kadrey-v-meta", "thomson-reuters-v-ross"]
CLAIM = "claim-goal-gpt4"


@cache
def schema_validator() -> jsonschema.Draft4Validator:
    return jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


@cache
def example(name: str) -> tuple[ev.RecordSet, str]:
    records = ev.load(EXAMPLES / name)
    return records, ev.export(records, "prov-json")


def read_back(text: str) -> ProvDocument:
    document = prov.read(text, format="json")
    assert isinstance(document, ProvDocument)
    return document


def local(name: Any) -> str:
    uri = str(name.uri)
    assert uri.startswith(RECORD), uri
    return uri[len(RECORD) :]


def attributes(relation: Any) -> dict[str, Any]:
    """A relation's own attributes by local name: {"confidence": "likely", ...}."""
    return {str(key.localpart): str(value) for key, value in relation.extra_attributes}


def relations(document: ProvDocument, kind: type) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """The relations of a kind from one record to another, with their attributes (a claim may
    quote one record twice)."""
    found: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for relation in document.get_records(kind):
        if isinstance(relation, ProvDerivation) and relation.get_asserted_types():
            continue  # a quotation, a revision: not a claim's evidence
        first, second = (value for _, value in relation.formal_attributes[:2])
        found.setdefault((local(first), local(second)), []).append(attributes(relation))
    return found


# -- the PROV-JSON schema ------------------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLE_SETS)
def test_prov_json_of_each_example_passes_the_schema(name: str) -> None:
    _, text = example(name)
    errors = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in schema_validator().iter_errors(json.loads(text))
    ]
    assert not errors, errors[:5]
    assert read_back(text) is not None  # and `prov` reads it back


def test_the_schema_refuses_a_relation_without_its_ends() -> None:
    _, text = example("kadrey-v-meta")
    data = json.loads(text)
    derivation = next(iter(data["wasDerivedFrom"].values()))
    derivation.pop("prov:usedEntity")
    assert not schema_validator().is_valid(data)


# -- a claim and its evidence -----------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLE_SETS)
def test_each_claim_rests_on_its_evidence_with_the_links_role_and_mark(name: str) -> None:
    records, text = example(name)
    document = read_back(text)
    derived, influenced = relations(document, ProvDerivation), relations(document, ProvInfluence)
    links = 0
    for claim in records.claims:
        for link in claim.evidence:
            links += 1
            # what supports a claim it is derived from; what contradicts it only bears on it
            edges = (derived if link.role is ev.EvidenceRole.SUPPORTS else influenced)[claim.id, link.record]
            wanted = {"role": link.role.value, "confidence": link.confidence.value}
            if link.quote is not None:
                wanted["quote"] = link.quote.exact
            if link.note is not None:
                wanted["note"] = link.note
            assert wanted in edges, (claim.id, link.record)
    assert links >= 20


def test_a_contradicting_record_is_an_influence_not_a_derivation() -> None:
    records = ev.RecordSet(
        [
            ev.Source(id="memo", kind="web_page", title="A memo of Acme Widget Co."),
            ev.Claim(id="plan", statement="Acme had a plan.", status="reported", evidence=(
                ev.EvidenceLink(record="memo", role="contradicts", confidence="likely"),)),
        ]
    )  # fmt: skip
    document = read_back(ev.export(records, "prov-json"))
    assert ("plan", "memo") not in relations(document, ProvDerivation)
    assert relations(document, ProvInfluence)["plan", "memo"] == [{"role": "contradicts", "confidence": "likely"}]


# -- what holds a message, with its mark -------------------------------------------------------


def test_the_message_filing_link_keeps_its_mark() -> None:
    records, text = example("kadrey-v-meta")
    document = read_back(text)
    influenced = relations(document, ProvInfluence)
    members = {
        (local(m.formal_attributes[0][1]), local(m.formal_attributes[1][1]))
        for m in document.get_records(ProvMembership)
    }
    for message in records.messages:
        if message.filing is None:
            continue
        assert (message.filing, message.id) in members
        # the link's own mark, apart from the message's (one of them is unverified)
        assert message.field_confidence["filing"] is ev.Confidence.LIKELY
        assert influenced[message.id, message.filing] == [{"rel": "held_in", "confidence": "likely"}]
    assert any(m.confidence is ev.Confidence.UNVERIFIED for m in records.messages)


def test_a_filing_mark_weaker_than_the_message_is_the_links() -> None:
    kadrey, _ = example("kadrey-v-meta")
    message = kadrey.get("chat-goal-gpt4", ev.Message)
    shaky = attrs.evolve(message, field_confidence={"filing": ev.Confidence.UNVERIFIED})
    records = ev.RecordSet([shaky if r.id == message.id else r for r in kadrey])
    influenced = relations(read_back(ev.export(records, "prov-json")), ProvInfluence)
    assert influenced[message.id, "ecf-391"] == [{"rel": "held_in", "confidence": "unverified"}]
    filing = kadrey.get("ecf-391", ev.Filing)
    assert influenced["ecf-391", filing.case] == [
        {"rel": "on_docket", "confidence": filing.confidence_of("case").value}
    ]


# -- one record's trace, drawn ------------------------------------------------------------------


def drawn_records(dot: str) -> set[str]:
    """The records a DOT graph of the `prov` package draws, by the URL of each node."""
    (graph,) = pydot.graph_from_dot_data(dot)
    urls = [node.get("URL") for node in graph.get_nodes()]
    return {url.strip('"')[len(RECORD) :] for url in urls if url and url.strip('"').startswith(RECORD)}


def traced(records: ev.RecordSet, id: str) -> set[str]:
    found, stack = set(), [ev.trace(records, id)]
    while stack:
        step = stack.pop()
        found.add(step.record)
        stack.extend(step.steps)
    return found


def test_prov_dot_draws_one_records_trace(tmp_path: Path) -> None:
    ran = run_evidence("export", KADREY, "--to", "prov-dot", "--record", CLAIM, cwd=tmp_path, timeout=120)
    assert ran.code == 0, ran.err
    records = ev.load(KADREY)
    drawn = drawn_records(ran.out)
    reached = traced(records, CLAIM)
    assert reached <= drawn
    # the rest are the actors the records name (a sender, the speaker), nothing else of the set
    others = drawn - reached
    assert others and all(isinstance(records[id], ev.Actor) for id in others)
    assert len(drawn) < len(records) // 3
    # the marks are in the picture: each node's and the filing link's
    cells = re.findall(r">(ev:[a-zA-Z]+)</TD>\s*<TD[^>]*>([^<]*)</TD>", ran.out)
    assert ("ev:rel", "held_in") in cells and ("ev:confidence", "likely") in cells
    assert ("ev:role", "supports") in cells


def test_prov_dot_renders_as_svg_with_graphviz(tmp_path: Path) -> None:
    if shutil.which("dot") is None:
        pytest.skip("graphviz is not installed: apt-get install graphviz")
    records = ev.load(KADREY)
    dot = tmp_path / "trace.dot"
    dot.write_text(ev.export(records, "prov-dot", record=CLAIM), encoding="utf-8")
    done = subprocess.run(["dot", "-Tsvg", str(dot)], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    svg = done.stdout
    assert svg.lstrip().startswith(("<?xml", "<svg", "<!DOCTYPE")) and "</svg>" in svg
    assert records.get(CLAIM, ev.Claim).statement in html.unescape(svg)
    width = float(re.search(r'<svg width="([\d.]+)pt"', svg).group(1))  # type: ignore[union-attr]
    assert width < 10_000  # the whole example drawn at once is over 40,000 pt wide


def test_prov_dot_needs_a_record_and_only_it_takes_one(tmp_path: Path) -> None:
    ran = run_evidence("export", KADREY, "--to", "prov-dot", cwd=tmp_path, timeout=120)
    assert ran.code == 2 and "never the whole set: name the record (--record ID)" in ran.err
    ran = run_evidence("export", KADREY, "--to", "prov-dot", "--record", "nobody", cwd=tmp_path, timeout=120)
    assert ran.code == 2 and f"no record has the id 'nobody' in {KADREY}" in ran.err
    ran = run_evidence("export", KADREY, "--to", "ris", "--record", CLAIM, cwd=tmp_path, timeout=120)
    assert ran.code == 2 and "a record is named only for prov-dot" in ran.err
    with pytest.raises(ev.UsageError, match="never the whole set"):
        ev.export(ev.load(KADREY), "prov-dot")

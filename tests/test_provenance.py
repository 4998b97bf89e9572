"""PROV and Web Annotations, read back and queried: the `prov` library (and rdflib for Turtle)
answers who said what, what holds what and what rests on what, and the answers are checked
against what the records say, not against a second copy of the mapping."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections import Counter
from collections.abc import Iterable
from importlib.util import find_spec
from typing import Any

import prov
import pytest
from hypothesis import given
from prov.model import (
    PROV_LABEL,
    PROV_TYPE,
    ProvActivity,
    ProvAgent,
    ProvAlternate,
    ProvAssociation,
    ProvAttribution,
    ProvDerivation,
    ProvDocument,
    ProvEntity,
    ProvGeneration,
    ProvMembership,
    ProvUsage,
)

import evidence as ev
from evidence._export import export
from evidence.testing.strategies import record_sets
from tests.conftest import EXAMPLES, ROOT

KADREY = EXAMPLES / "kadrey-v-meta"
RECORD = "urn:evidence:record:"


@pytest.fixture(scope="module")
def kadrey() -> ev.RecordSet:
    return ev.load(KADREY)


@pytest.fixture(scope="module")
def document(kadrey: ev.RecordSet) -> ProvDocument:
    return read_back(export(kadrey, "prov-json"))


def read_back(text: str) -> ProvDocument:
    document = prov.read(text, format="json")
    assert document is not None
    return document


# -- querying a PROV document -------------------------------------------------------------------


def local(name: Any) -> str | None:
    """The record id a PROV name stands for: 'ev:chat-goal-gpt4' → 'chat-goal-gpt4'."""
    if name is None:
        return None
    uri = str(name.uri)
    for namespace in (RECORD, "urn:evidence:activity:", "urn:evidence:agent:"):
        if uri.startswith(namespace):
            return uri[len(namespace) :]
    return uri


def pairs(document: ProvDocument, relation: type, *, types: Iterable[str] = ()) -> set[tuple[str | None, ...]]:
    """The formal attributes of every relation of a class (each record id, in PROV's order),
    only those of the given prov:types when named ("Quotation")."""
    wanted = {prov.model.PROV[name] for name in types}
    found = set()
    for record in document.get_records(relation):
        asserted = set(record.get_asserted_types())
        if wanted and not wanted & asserted:
            continue
        if not wanted and relation is ProvDerivation and asserted:
            continue  # a plain derivation: not a quotation, revision or primary source
        found.add(tuple(local(value) for _, value in record.formal_attributes if value is not None))
    return found


def attribute(record: Any, name: str) -> Any:
    (value,) = record.get_attribute(name)
    return value


def nodes(document: ProvDocument, cls: type) -> dict[str, Any]:
    return {local(node.identifier) or "": node for node in document.get_records(cls)}


# -- the Kadrey example -------------------------------------------------------------------------


def test_every_record_is_an_entity_and_every_actor_an_agent(kadrey: ev.RecordSet, document: ProvDocument) -> None:
    entities, agents = nodes(document, ProvEntity), nodes(document, ProvAgent)
    for record in kadrey:
        if isinstance(record, ev.Actor):
            agent = agents[record.id]
            kind = "Person" if record.kind is ev.ActorKind.PERSON else "Organization"
            assert attribute(agent, PROV_TYPE) == prov.model.PROV[kind]
            assert attribute(agent, PROV_LABEL) == record.name
            assert record.id not in entities
        else:
            entity = entities[record.id]
            assert attribute(entity, "ev:kind") == record.KIND
            assert attribute(entity, "ev:confidence") == record.confidence.value
            assert attribute(entity, PROV_LABEL)
    assert attribute(entities["ecf-391"], PROV_LABEL) == "ECF No. 391"
    assert attribute(entities["ecf-391-ex-k"], PROV_LABEL) == "Ex. K"


def test_who_sent_each_message_and_who_asserted_each_claim(kadrey: ev.RecordSet, document: ProvDocument) -> None:
    attributed = pairs(document, ProvAttribution)
    assert ("chat-goal-gpt4", "ahmad-al-dahle") in attributed
    assert ("chat-llama2-mix-bad", "hugo-touvron") in attributed
    assert ("claim-fair-use-ruling", "vince-chhabria") in attributed
    said = {(m.id, m.sender) for m in kadrey.messages if m.sender} | {
        (c.id, c.asserted_by) for c in kadrey.claims if c.asserted_by
    }
    assert attributed == said
    # A message whose sender is not known is attributed to no one.
    assert not any(entity == "chat-very-aggressive" for entity, _ in attributed)


def test_what_holds_what(kadrey: ev.RecordSet, document: ProvDocument) -> None:
    members = pairs(document, ProvMembership)
    assert ("ecf-391", "chat-goal-gpt4") in members
    assert ("kadrey-v-meta", "ecf-391") in members
    assert ("ecf-391", "ecf-391-ex-k") in members
    held = {(m.filing, m.id) for m in kadrey.messages if m.filing} | {
        (m.exhibit, m.id) for m in kadrey.messages if m.exhibit
    }
    held |= {(e.filing, e.id) for e in kadrey.exhibits} | {(f.case, f.id) for f in kadrey.filings}
    assert members == held
    entities = nodes(document, ProvEntity)
    for collection, _ in members:
        assert prov.model.PROV["Collection"] in entities[collection].get_asserted_types()
    assert prov.model.PROV["Collection"] not in entities["ecf-471"].get_asserted_types()  # holds nothing


def test_each_attestation_is_a_quotation_of_its_message(kadrey: ev.RecordSet, document: ProvDocument) -> None:
    quotations = [
        r for r in document.get_records(ProvDerivation) if prov.model.PROV["Quotation"] in r.get_asserted_types()
    ]
    attestations = [(m, a) for m in kadrey.messages for a in m.attestations]
    assert len(quotations) == len(attestations) == 18
    found = Counter(
        (local(q.formal_attributes[0][1]), local(q.formal_attributes[1][1]), attribute(q, "ev:quote"))
        for q in quotations
    )
    assert found == Counter((a.source, m.id, a.quote.exact) for m, a in attestations)
    quote = next(q for q in quotations if attribute(q, "ev:quote") == "We should be able to do better")
    assert local(quote.formal_attributes[0][1]) == "techcrunch-2025-01-14"
    assert local(quote.formal_attributes[1][1]) == "chat-do-better"
    assert attribute(quote, "ev:attestation") == "verbatim"
    assert attribute(quote, "ev:language") == "en"  # the source's language, the attestation giving none
    assert attribute(quote, "ev:confidence") == "likely"


def test_the_portuguese_article_is_derived_from_the_english_one(kadrey: ev.RecordSet, document: ProvDocument) -> None:
    translation = kadrey.get("bolt42-article-pt", ev.Source)
    assert translation.translation_of == "techcrunch-2025-01-14"
    activity = "translation-bolt42-article-pt"
    assert activity in nodes(document, ProvActivity)
    assert (activity, "techcrunch-2025-01-14") in {p[:2] for p in pairs(document, ProvUsage)}
    assert ("bolt42-article-pt", activity) in {p[:2] for p in pairs(document, ProvGeneration)}
    derived = pairs(document, ProvDerivation)
    assert ("bolt42-article-pt", "techcrunch-2025-01-14", activity) in derived
    # Each translated quote also rests on the English article (9 of them). No message is derived
    # from another: one said after another is not a derivation.
    translated = [a for m in kadrey.messages for a in m.attestations if a.translation_of]
    assert len(translated) == 9
    assert ("bolt42-article-pt", "techcrunch-2025-01-14") in derived
    messages = {m.id for m in kadrey.messages}
    assert not [p for p in derived if p[0] in messages and p[1] in messages]
    assert not pairs(document, ProvAssociation)  # the records name no translator


# A made-up pair: a summary derived from a report, the link only likely.
DERIVED = [
    ev.Source(id="report", kind=ev.SourceKind.OTHER),
    ev.Source(
        id="summary",
        kind=ev.SourceKind.OTHER,
        links=(
            ev.Link(
                rel=ev.LinkRel.DERIVED_FROM, target="report", confidence=ev.Confidence.LIKELY, note="a summary of it"
            ),
        ),
    ),
]


def test_a_link_keeps_its_confidence_and_note() -> None:
    document = read_back(export(DERIVED, "prov-json"))
    (link,) = [
        r
        for r in document.get_records(ProvDerivation)
        if local(r.formal_attributes[0][1]) == "summary" and not r.get_asserted_types()
    ]
    assert local(link.formal_attributes[1][1]) == "report"
    assert attribute(link, "ev:confidence") == "likely"
    assert attribute(link, "ev:note") == "a summary of it"


def test_prov_json_reads_back_as_the_document_built(kadrey: ev.RecordSet) -> None:
    from evidence._export.prov import to_prov

    assert read_back(export(kadrey, "prov-json")) == to_prov(kadrey)


def test_prov_n_states_the_same_graph(kadrey: ev.RecordSet) -> None:
    text = export(kadrey, "prov-n")
    assert "prefix ev <urn:evidence:record:>" in text
    assert (
        'wasDerivedFrom(ev:summary, ev:report, -, -, -, [ev:confidence="likely", ev:note="a summary of it"])'
    ) in export(DERIVED, "prov-n")
    assert "hadMember(ev:ecf-391, ev:chat-goal-gpt4)" in text
    assert 'wasAttributedTo(ev:chat-goal-gpt4, ev:ahmad-al-dahle, [ev:confidence="likely"])' in text
    assert "used(evact:translation-bolt42-article-pt, ev:techcrunch-2025-01-14, -)" in text
    assert "wasGeneratedBy(ev:bolt42-article-pt, evact:translation-bolt42-article-pt, -)" in text


@pytest.mark.skipif(find_spec("rdflib") is None, reason="PROV-O Turtle needs rdflib")
def test_turtle_answers_the_same_questions(kadrey: ev.RecordSet) -> None:
    from rdflib import Graph

    graph = Graph().parse(data=export(kadrey, "prov-turtle"), format="turtle")

    def ids(query: str) -> set[tuple[str, ...]]:
        rows = graph.query("PREFIX prov: <http://www.w3.org/ns/prov#>\n" + query)
        return {tuple(str(value).removeprefix(RECORD) for value in row) for row in rows}  # type: ignore[union-attr]

    said = {(m.id, m.sender) for m in kadrey.messages if m.sender} | {
        (c.id, c.asserted_by) for c in kadrey.claims if c.asserted_by
    }
    assert ids("SELECT ?what ?who WHERE { ?what prov:wasAttributedTo ?who }") == said
    # A quotation with attributes is written in PROV-O's qualified form.
    quoted = ids(
        "PREFIX ev: <urn:evidence:record:>\n"
        "SELECT ?source ?message ?quote WHERE { ?source prov:qualifiedQuotation ?q . ?q prov:entity ?message ; ev:quote ?quote }"
    )
    assert quoted == {(a.source, m.id, a.quote.exact) for m in kadrey.messages for a in m.attestations}
    derived = ids(
        "SELECT ?translation ?original ?activity WHERE "
        "{ ?translation prov:qualifiedDerivation ?d . ?d prov:entity ?original ; prov:hadActivity ?activity }"
    )
    assert derived == {
        ("bolt42-article-pt", "techcrunch-2025-01-14", "urn:evidence:activity:translation-bolt42-article-pt")
    }
    agents = ids("SELECT ?agent WHERE { ?agent a prov:Person }")
    assert ("ahmad-al-dahle",) in agents and ("meta",) not in agents


def test_turtle_without_rdflib_names_the_package() -> None:
    """Where rdflib cannot be imported, PROV-JSON still works and Turtle says what to install."""
    script = textwrap.dedent(
        """
        import sys
        sys.modules["rdflib"] = None  # importing rdflib, or anything in it, now fails
        import evidence
        assert evidence.export([], "prov-json")
        try:
            evidence.export([], "prov-turtle")
        except evidence.UsageError as error:
            print(error)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "rdflib" in result.stdout and "pip install" in result.stdout, result.stdout


# -- every link type ----------------------------------------------------------------------------


def test_each_link_rel_is_the_prov_relation_it_names() -> None:
    records = [
        ev.Source(
            id=rel.value,
            kind=ev.SourceKind.OTHER,
            links=(ev.Link(rel=rel, target="t", confidence=ev.Confidence.LIKELY, by="a"),),
        )
        for rel in ev.LinkRel
    ]
    records.append(ev.Source(id="tr", kind=ev.SourceKind.OTHER, translation_of="t", translators=("Ana Pérez", "李")))
    document = read_back(export(records, "prov-json"))
    assert ("derived_from", "t") in pairs(document, ProvDerivation)
    assert ("quoted_from", "t") in pairs(document, ProvDerivation, types=["Quotation"])
    assert ("primary_source", "t") in pairs(document, ProvDerivation, types=["PrimarySource"])
    assert ("revision_of", "t") in pairs(document, ProvDerivation, types=["Revision"])
    assert ("translation_of", "t", "translation-translation_of") in pairs(document, ProvDerivation)
    assert ("alternate_of", "t") in pairs(document, ProvAlternate)
    assert ("t", "part_of") in pairs(document, ProvMembership)  # the target holds the record
    associated = {p[:2] for p in pairs(document, ProvAssociation)}
    assert ("translation-translation_of", "a") in associated  # the link's `by`
    assert {("translation-tr", "ana-perez"), ("translation-tr", "u674e")} <= associated
    assert attribute(nodes(document, ProvAgent)["ana-perez"], PROV_LABEL) == "Ana Pérez"


# -- Web Annotations ----------------------------------------------------------------------------


def quotes_of(records: Iterable[ev.Record]) -> list[tuple[str, str, ev.Quote]]:
    """(record id, quoted record id, quote) for every quote, in order."""
    found = []
    for record in records:
        if isinstance(record, ev.Message):
            found += [(record.id, a.source, a.quote) for a in record.attestations]
        elif isinstance(record, ev.Claim):
            found += [(record.id, e.record, e.quote) for e in record.evidence if e.quote is not None]
    return found


def check_annotations(records: ev.RecordSet, annotations: list[dict[str, Any]]) -> None:
    quotes = quotes_of(records)
    assert len(annotations) == len(quotes)
    assert len({a["id"] for a in annotations}) == len(annotations)
    for annotation, (record_id, quoted, quote) in zip(annotations, quotes, strict=True):
        assert annotation["@context"] == "http://www.w3.org/ns/anno.jsonld"
        assert annotation["id"].startswith(f"urn:evidence:annotation:{record_id}:")
        assert annotation["type"] == "Annotation"
        assert annotation["motivation"] in ("linking", "describing")  # W3C motivations
        assert annotation["body"]
        target = annotation["target"]
        # The stored text's own address, where it was copied from elsewhere, else the record's.
        record = records.by_id().get(quoted)
        url = getattr(record, "text_url", None) or getattr(record, "url", None)
        assert target["source"] == (url or f"urn:evidence:record:{quoted}")
        selectors = {s["type"]: s for s in target["selector"]}
        assert selectors["TextQuoteSelector"]["exact"] == quote.exact
        # A record's own context is kept; where it gives none, the stored text's words around the
        # passage are taken (tests/test_annotations18.py), and a set made in code has no text.
        readable = getattr(record, "text_file", None) is not None or getattr(record, "text", None) is not None
        for side in ("prefix", "suffix"):
            if getattr(quote, side) is not None or not readable:
                assert selectors["TextQuoteSelector"].get(side) == getattr(quote, side)
        if quote.start is None:
            assert "TextPositionSelector" not in selectors
        else:
            assert selectors["TextPositionSelector"] == {
                "type": "TextPositionSelector",
                "start": quote.start,
                "end": quote.end,
            }


def test_kadrey_annotations(kadrey: ev.RecordSet) -> None:
    annotations = json.loads(export(kadrey, "annotations"))
    check_annotations(kadrey, annotations)
    motivations = Counter(a["motivation"] for a in annotations)
    assert motivations["linking"] == sum(len(m.attestations) for m in kadrey.messages)
    claim = next(a for a in annotations if a["id"] == "urn:evidence:annotation:claim-goal-gpt4:1")
    assert claim["body"][0] == {
        "type": "TextualBody",
        "value": kadrey.get("claim-goal-gpt4", ev.Claim).statement,
        "format": "text/plain",
        "purpose": "describing",
    }
    assert claim["creator"]["id"] == "urn:evidence:record:techcrunch"
    assert any(
        a["target"]["source"].startswith("https://techcrunch.com/") for a in annotations if a["motivation"] == "linking"
    )


def test_annotations_need_no_prov() -> None:
    """Web Annotations are plain JSON: they work where `prov` cannot be imported, and the PROV
    exports then say which extra to install."""
    script = textwrap.dedent(
        f"""
        import json, sys
        sys.modules["prov"] = None  # importing prov, or anything in it, now fails
        import evidence
        records = evidence.load({str(KADREY)!r})
        from evidence._export import export
        annotations = json.loads(export(records, "annotations"))
        assert len(annotations) > 18, len(annotations)
        try:
            export(records, "prov-json")
        except evidence.UsageError as error:
            print(error)
        assert "prov" not in sys.modules or sys.modules["prov"] is None
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "this export needs prov: pip install 'evidence[prov]'\n"


# -- properties ---------------------------------------------------------------------------------


@given(record_sets())
def test_any_record_set_exports(records: ev.RecordSet) -> None:
    document = read_back(export(records, "prov-json"))
    entities, agents = nodes(document, ProvEntity), nodes(document, ProvAgent)
    for record in records:
        assert record.id in (agents if isinstance(record, ev.Actor) else entities)
    said = {(m.id, m.sender) for m in records.messages if m.sender} | {
        (c.id, c.asserted_by) for c in records.claims if c.asserted_by
    }
    assert pairs(document, ProvAttribution) == said
    quotations = pairs(document, ProvDerivation, types=["Quotation"])
    assert {(a.source, m.id) for m in records.messages for a in m.attestations} <= quotations
    export(records, "prov-n")
    check_annotations(records, json.loads(export(records, "annotations")))

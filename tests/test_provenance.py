from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from importlib.util import find_spec

import prov
import pytest
from hypothesis import given
from prov.model import ProvAlternate, ProvAttribution, ProvDerivation, ProvDocument, ProvMembership

import evidence as ev
from evidence._provenance import (
    to_annotations,
    to_annotations_json,
    to_prov,
    to_prov_json,
    to_prov_n,
    to_prov_turtle,
)
from evidence.testing.strategies import record_sets
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def kadrey() -> ev.RecordSet:
    return ev.load(EXAMPLES / "kadrey-v-meta")


def expected_relations(records: Iterable[ev.Record]) -> Counter[str]:
    """What the mapping should produce, counted from the records themselves."""
    expected: Counter[str] = Counter()
    rel_name = {
        ev.LinkRel.DERIVED_FROM: "derivation",
        ev.LinkRel.TRANSLATION_OF: "derivation",
        ev.LinkRel.QUOTED_FROM: "quotation",
        ev.LinkRel.PRIMARY_SOURCE: "primary_source",
        ev.LinkRel.REVISION_OF: "revision",
        ev.LinkRel.ALTERNATE_OF: "alternate",
        ev.LinkRel.PART_OF: "membership",
    }
    for record in records:
        for link in record.links:
            expected[rel_name[link.rel]] += 1
        if isinstance(record, ev.Message):
            expected["membership"] += (record.exhibit is not None) + (record.filing is not None)
            expected["attribution"] += record.sender is not None
            for attestation in record.attestations:
                expected["quotation"] += 1
                expected["derivation"] += attestation.translation_of is not None
        elif isinstance(record, ev.Exhibit | ev.Filing):
            expected["membership"] += 1
        elif isinstance(record, ev.Claim):
            expected["attribution"] += record.asserted_by is not None
        elif isinstance(record, ev.Source):
            expected["derivation"] += record.translation_of is not None
    return expected


def found_relations(document: ProvDocument) -> Counter[str]:
    found: Counter[str] = Counter()
    kinds = {
        prov.model.PROV["Quotation"]: "quotation",
        prov.model.PROV["PrimarySource"]: "primary_source",
        prov.model.PROV["Revision"]: "revision",
    }
    for record in document.get_records(ProvDerivation):
        types = record.get_asserted_types()
        names = [kinds[t] for t in types if t in kinds]
        found[names[0] if names else "derivation"] += 1
    found["alternate"] = len(list(document.get_records(ProvAlternate)))
    found["membership"] = len(list(document.get_records(ProvMembership)))
    found["attribution"] = len(list(document.get_records(ProvAttribution)))
    return +found


def read_back(text: str) -> ProvDocument:
    document = prov.read(text, format="json")
    assert document is not None
    return document


# -- PROV ---------------------------------------------------------------------------------------


def test_kadrey_prov_json_keeps_every_link(kadrey: ev.RecordSet) -> None:
    document = read_back(to_prov_json(kadrey))
    expected = expected_relations(kadrey)
    # 1 link, 9 translation attestations (translation_of) and the Portuguese article's translation_of;
    # 18 attestations, each a quotation
    assert expected["derivation"] == 1 + 9 + 1
    assert expected["quotation"] == 18
    assert found_relations(document) == +expected
    derivations = list(document.get_records(ProvDerivation))
    assert len(derivations) == sum(expected[k] for k in ("derivation", "quotation", "primary_source", "revision"))


def test_kadrey_prov_json_round_trips(kadrey: ev.RecordSet) -> None:
    document = to_prov(kadrey)
    assert read_back(to_prov_json(kadrey)) == document


def test_kadrey_entities_and_agents(kadrey: ev.RecordSet) -> None:
    document = read_back(to_prov_json(kadrey))
    entities = {str(e.identifier): e for e in document.get_records(prov.model.ProvEntity)}
    agents = {str(a.identifier) for a in document.get_records(prov.model.ProvAgent)}
    for record in kadrey:
        name = f"ev:{record.id}"
        if isinstance(record, ev.Actor):
            assert name in agents
        else:
            entity = entities[name]
            assert set(entity.get_attribute(prov.model.PROV_LABEL))
            assert set(entity.get_attribute("ev:kind")) == {record.KIND}


def test_kadrey_prov_n(kadrey: ev.RecordSet) -> None:
    text = to_prov_n(kadrey)
    assert "prefix ev <urn:evidence:record:>" in text
    assert (
        'wasDerivedFrom(ev:chat-do-better, ev:chat-mistral-peanuts, -, -, -, [ev:confidence="likely", '
        'ev:note="said later, per the article"])'
    ) in text
    assert "hadMember(ev:ecf-391, ev:chat-goal-gpt4)" in text
    assert "wasAttributedTo(ev:chat-goal-gpt4, ev:ahmad-al-dahle)" in text
    assert "activity(evact:translation-bolt42-article-pt" in text
    assert "used(evact:translation-bolt42-article-pt, ev:techcrunch-2025-01-14, -)" in text
    assert "wasGeneratedBy(ev:bolt42-article-pt, evact:translation-bolt42-article-pt, -)" in text
    assert (
        "wasDerivedFrom(ev:bolt42-article-pt, ev:techcrunch-2025-01-14, evact:translation-bolt42-article-pt, -, -"
    ) in text
    assert (
        'wasDerivedFrom(ev:techcrunch-2025-01-14, ev:chat-do-better, -, -, -, [ev:confidence="likely", '
        'ev:attestation="verbatim", ev:quote="We should be able to do better", ev:language="en", '
        "prov:type='prov:Quotation'])"
    ) in text


def test_every_link_rel_maps() -> None:
    records = [
        ev.Source(
            id=f"s{i}",
            kind=ev.SourceKind.OTHER,
            links=(ev.Link(rel=rel, target="t", confidence=ev.Confidence.LIKELY, by="a"),),
        )
        for i, rel in enumerate(ev.LinkRel)
    ]
    records.append(ev.Source(id="tr", kind=ev.SourceKind.OTHER, translation_of="t", translators=("Ana Pérez", "李")))
    document = read_back(to_prov_json(records))
    assert found_relations(document) == +expected_relations(records)
    text = to_prov_n(records)
    assert "alternateOf(ev:s4, ev:t)" in text
    assert "hadMember(ev:t, ev:s6)" in text
    assert "wasAssociatedWith(evact:translation-s5, ev:a, -)" in text
    assert "wasAssociatedWith(evact:translation-tr, evagent:ana-perez, -)" in text
    assert "evagent:u674e" in text


def test_turtle() -> None:
    if find_spec("rdflib") is None:
        with pytest.raises(ev.UsageError, match="rdflib"):
            to_prov_turtle([])
    else:
        records = ev.load(EXAMPLES / "kadrey-v-meta")
        document = prov.read(to_prov_turtle(records), format="rdf", rdf_format="turtle")
        assert document is not None and list(document.get_records(ProvDerivation))


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


def check_annotations(records: ev.RecordSet, annotations: list[dict[str, object]]) -> None:
    quotes = quotes_of(records)
    assert len(annotations) == len(quotes)
    assert len({a["id"] for a in annotations}) == len(annotations)
    for annotation, (record_id, quoted, quote) in zip(annotations, quotes, strict=True):
        assert annotation["@context"] == "http://www.w3.org/ns/anno.jsonld"
        assert isinstance(annotation["id"], str)
        assert annotation["id"].startswith(f"urn:evidence:annotation:{record_id}:")
        assert annotation["type"] == "Annotation"
        assert annotation["motivation"] in ("quoting", "describing")
        assert annotation["body"]
        target = annotation["target"]
        assert isinstance(target, dict)
        url = getattr(records[quoted], "url", None) if quoted in records else None
        assert target["source"] == (url or f"urn:evidence:record:{quoted}")
        selectors = {s["type"]: s for s in target["selector"]}
        assert selectors["TextQuoteSelector"]["exact"] == quote.exact
        assert selectors["TextQuoteSelector"].get("prefix") == quote.prefix
        assert selectors["TextQuoteSelector"].get("suffix") == quote.suffix
        if quote.start is None:
            assert "TextPositionSelector" not in selectors
        else:
            assert selectors["TextPositionSelector"] == {
                "type": "TextPositionSelector",
                "start": quote.start,
                "end": quote.end,
            }


def test_kadrey_annotations(kadrey: ev.RecordSet) -> None:
    annotations = to_annotations(kadrey)
    check_annotations(kadrey, annotations)
    assert json.loads(to_annotations_json(kadrey)) == annotations
    motivations = Counter(a["motivation"] for a in annotations)
    attestations = sum(len(m.attestations) for m in kadrey.messages)
    assert motivations["quoting"] == attestations
    claim = next(a for a in annotations if a["id"] == "urn:evidence:annotation:claim-goal-gpt4:1")
    assert claim["body"][0] == {
        "type": "TextualBody",
        "value": kadrey.get("claim-goal-gpt4", ev.Claim).statement,
        "format": "text/plain",
        "purpose": "describing",
    }
    assert claim["creator"]["id"] == "urn:evidence:record:techcrunch"
    assert any(
        a["target"]["source"].startswith("https://techcrunch.com/") for a in annotations if a["motivation"] == "quoting"
    )


# -- properties ---------------------------------------------------------------------------------


@given(record_sets())
def test_any_record_set_exports(records: ev.RecordSet) -> None:
    document = read_back(to_prov_json(records))
    assert found_relations(document) == +expected_relations(records)
    to_prov_n(records)
    check_annotations(records, to_annotations(records))
    json.loads(to_annotations_json(records))

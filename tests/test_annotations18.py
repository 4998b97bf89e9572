"""Web Annotations that annotation tools read as the W3C means them: every annotation of both
examples passes each MUST schema of the W3C web-annotation-tests suite, expands with pyld (from a
local copy of the anno context, never the network) to motivations in the oa: namespace, has
`created`, and a TextQuoteSelector whose prefix and suffix are the words around the passage in
the stored text, found by the project's own quote matching."""

from __future__ import annotations

import hashlib
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import referencing
import yaml
from pyld import jsonld
from referencing.jsonschema import DRAFT4

import evidence as ev
from tests.conftest import EXAMPLES, ROOT, run_evidence

W3C = ROOT / "tests" / "data" / "w3c-web-annotation"
ANNO = "http://www.w3.org/ns/anno.jsonld"
OA = "http://www.w3.org/ns/oa#"
EXAMPLE_SETS = ["kadrey-v-meta", "thomson-reuters-v-ross"]


@cache
def annotations_of(example: str) -> tuple[ev.RecordSet, list[dict[str, Any]]]:
    records = ev.load(EXAMPLES / example)
    return records, json.loads(ev.export(records, "annotations"))


# -- the W3C MUST schemas -----------------------------------------------------------------------


def must_schemas() -> list[Path]:
    return sorted((W3C / "must").glob("*.json"))


@cache
def registry() -> referencing.Registry:
    """The suite's schemas by the names they refer to each other by ("bodyTarget.json")."""
    paths = [*(W3C / "definitions").glob("*.json"), *must_schemas()]
    resources = [(p.name, DRAFT4.create_resource(json.loads(p.read_text(encoding="utf-8")))) for p in paths]
    return referencing.Registry().with_resources(resources)


def validator(path: Path) -> jsonschema.Draft4Validator:
    schema = json.loads(path.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(
        schema, registry=registry(), format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )


def test_every_must_schema_of_the_suite_is_here() -> None:
    schemas = must_schemas()
    assert len(schemas) == 54
    for path in schemas:
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert schema["assertionType"] == "must" and schema["expectedResult"] == "valid", path.name


@pytest.mark.parametrize("example", EXAMPLE_SETS)
@pytest.mark.parametrize("schema", must_schemas(), ids=lambda p: p.stem)
def test_each_annotation_passes_each_must_schema(example: str, schema: Path) -> None:
    _, annotations = annotations_of(example)
    check = validator(schema)
    failed = {a["id"]: next(check.iter_errors(a)).message for a in annotations if not check.is_valid(a)}
    assert not failed, failed


def test_the_schemas_refuse_what_the_model_forbids() -> None:
    """The validation can fail: a created that is no xsd:dateTime, a type that is not Annotation."""
    _, annotations = annotations_of("kadrey-v-meta")
    wrong = {**annotations[0], "created": "yesterday"}
    assert not validator(W3C / "must" / "3.3.1-annotationCreatedValidated.json").is_valid(wrong)
    wrong = {**annotations[0], "type": "Note"}
    assert not validator(W3C / "must" / "3.1-annotationTypeValidated.json").is_valid(wrong)


# -- JSON-LD, expanded from the local context --------------------------------------------------

ASKED: list[str] = []


def local_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """The anno context from tests/data; any other document, and the network, refused."""
    ASKED.append(url)
    if url != ANNO:
        raise jsonld.JsonLdError(
            f"refused: {url} is not the local anno context", "jsonld.LoadDocumentError", code="loading document failed"
        )
    context = json.loads((W3C / "anno.jsonld").read_text(encoding="utf-8"))
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": context}


def expand(document: Any) -> list[dict[str, Any]]:
    # No base IRI: a term the context does not define stays relative, where a test can see it.
    expanded: list[dict[str, Any]] = jsonld.expand(document, {"documentLoader": local_loader, "base": None})
    return expanded


def ids(node: dict[str, Any], key: str) -> list[str]:
    return [value["@id"] for value in node.get(key, [])]


@pytest.mark.parametrize("example", EXAMPLE_SETS)
def test_motivations_expand_to_the_oa_namespace(example: str) -> None:
    _, annotations = annotations_of(example)
    ASKED.clear()
    expanded = expand(annotations)
    assert ASKED and set(ASKED) == {ANNO}  # the local context, nothing else
    assert len(expanded) == len(annotations)
    for node in expanded:
        (motivation,) = ids(node, OA + "motivatedBy")
        assert motivation in (OA + "linking", OA + "describing"), motivation
        for body in node[OA + "hasBody"]:
            assert all(purpose.startswith(OA) for purpose in ids(body, OA + "hasPurpose"))
        assert node["@type"] == [OA + "Annotation"]
        (created,) = node["http://purl.org/dc/terms/created"]
        assert created["@type"] == "http://www.w3.org/2001/XMLSchema#dateTime"
        # the mark travels as a full IRI, kept by expansion
        assert node["urn:evidence:record:confidence"][0]["@value"] in {c.value for c in ev.Confidence}


def test_a_motivation_the_context_does_not_know_stays_relative() -> None:
    """What the test above guards against: "quoting" is no W3C motivation and expands to nothing
    in oa: (a relative IRI)."""
    _, annotations = annotations_of("kadrey-v-meta")
    (node,) = expand({**annotations[0], "motivation": "quoting"})
    assert ids(node, OA + "motivatedBy") == ["quoting"]


def test_the_loader_refuses_the_network() -> None:
    with pytest.raises(jsonld.JsonLdError):
        expand({"@context": "https://www.w3.org/ns/activitystreams", "name": "x"})


# -- prefix, suffix and created ----------------------------------------------------------------


def stored_text_of(records: ev.RecordSet, id: str) -> bool:
    record = records.by_id().get(id)
    return getattr(record, "text_file", None) is not None or getattr(record, "text", None) is not None


@pytest.mark.parametrize("example", EXAMPLE_SETS)
def test_prefix_and_suffix_are_the_words_around_the_passage(example: str) -> None:
    records, annotations = annotations_of(example)
    with_text = 0
    for annotation in annotations:
        source = annotation["target"]["source"]
        quoted = next(
            r.id
            for r in records
            if source in (f"urn:evidence:record:{r.id}", getattr(r, "text_url", None) or getattr(r, "url", None))
        )
        selector = annotation["target"]["selector"][0]
        if not stored_text_of(records, quoted):
            continue
        with_text += 1
        prefix, suffix = selector.get("prefix", ""), selector.get("suffix", "")
        assert prefix or suffix, annotation["id"]
        # The stored text holds prefix, passage and suffix together, as the quote rules match
        # (QuoteNotFound otherwise).
        ev.find_quote(records, quoted, prefix + selector["exact"] + suffix)
    assert with_text >= 3


def write_set(folder: Path, text: str, quotes: list[dict[str, Any]]) -> Path:
    """One source with `text` stored (and its digest), and a claim quoting it as `quotes` say."""
    (folder / "sources").mkdir(parents=True)
    data = text.encode("utf-8")
    (folder / "sources" / "memo.txt").write_bytes(data)
    (folder / "sources.yaml").write_text(
        "evidence: 2\nsources:\n  - id: memo\n    kind: web_page\n    title: A memo of Acme Widget Co.\n"
        "    text_file: sources/memo.txt\n"
        f"    digest: sha256:{hashlib.sha256(data).hexdigest()}\n",
        encoding="utf-8",
    )
    evidence = [{"record": "memo", "quote": quote} for quote in quotes]
    claims = {
        "evidence": 2,
        "claims": [{"id": "plan", "statement": "Acme had a plan.", "status": "reported", "evidence": evidence}],
    }
    (folder / "claims.yaml").write_text(yaml_dump(claims), encoding="utf-8")
    return folder


def yaml_dump(data: Any) -> str:
    return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


MEMO = "We kept the plan quiet for a year. Then the plan changed, and the board was told of it."


def contexts(folder: Path) -> list[tuple[str | None, str | None]]:
    annotations = json.loads(ev.export(ev.load(folder), "annotations"))
    return [(a["target"]["selector"][0].get("prefix"), a["target"]["selector"][0].get("suffix")) for a in annotations]


def test_a_repeated_passage_gets_the_context_of_the_occurrence_its_record_picks(tmp_path: Path) -> None:
    second = MEMO.index("the plan", 20)
    folder = write_set(
        tmp_path,
        MEMO,
        [
            {"exact": "the plan", "start": second, "end": second + len("the plan")},  # by position
            {"exact": "the plan", "suffix": " changed"},  # by its own suffix, which it keeps
            {"exact": "the plan"},  # nothing tells the two apart: no context is made up for it
            {"exact": "board was told"},  # once in the text
        ],
    )
    assert [f.code for f in ev.check(folder).findings if f.code.startswith(("Q", "I"))] == ["Q002"]
    assert contexts(folder) == [
        ("the plan quiet for a year. Then ", " changed, and the board was told"),  # 32 each side
        ("the plan quiet for a year. Then ", " changed"),
        (None, None),
        ("Then the plan changed, and the ", " of it."),  # less the word cut, "year."
    ]


def test_a_text_that_was_altered_gives_no_context(tmp_path: Path) -> None:
    folder = write_set(tmp_path, MEMO, [{"exact": "board was told"}])
    (folder / "sources" / "memo.txt").write_text(MEMO.replace("board", "panel"), encoding="utf-8")
    assert contexts(folder) == [(None, None)]


def test_created_is_when_the_export_ran_or_source_date_epoch(tmp_path: Path) -> None:
    ran = run_evidence("export", EXAMPLES / "kadrey-v-meta", "--to", "annotations", cwd=tmp_path, timeout=120,
                       env={"SOURCE_DATE_EPOCH": "1735689600"})  # fmt: skip
    assert ran.code == 0, ran.err
    assert {a["created"] for a in json.loads(ran.out)} == {"2025-01-01T00:00:00Z"}
    _, annotations = annotations_of("kadrey-v-meta")
    (created,) = {a["created"] for a in annotations}
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", created)


def test_a_passage_not_between_its_own_prefix_gets_no_suffix_from_the_text(tmp_path: Path) -> None:
    folder = write_set(tmp_path, MEMO, [{"exact": "board was told", "prefix": "the jury "}])
    assert [f.code for f in ev.check(folder).findings if f.code.startswith("Q")] == ["Q001"]
    assert contexts(folder) == [("the jury ", None)]  # the record's own, nothing added to it


# -- how sure each annotation is ------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLE_SETS)
def test_an_annotation_is_never_surer_than_its_claim_or_its_evidence_link(example: str) -> None:
    records, annotations = annotations_of(example)
    checked = 0
    for annotation in annotations:
        record_id, n = annotation["id"].removeprefix("urn:evidence:annotation:").rsplit(":", 1)
        record = records.get(record_id)
        if not isinstance(record, ev.Claim):
            continue
        link = [each for each in record.evidence if each.quote is not None][int(n) - 1]
        mark = ev.Confidence(annotation["urn:evidence:record:confidence"])
        # the body gives the claim's statement, the target the link's quote
        assert mark.rank <= record.confidence.rank, annotation["id"]
        assert mark.rank <= record.confidence_of("statement").rank, annotation["id"]
        assert mark.rank <= link.confidence.rank, annotation["id"]
        checked += 1
    assert checked  # each example quotes its evidence


def test_an_unverified_claim_gives_an_unverified_annotation() -> None:
    records, annotations = annotations_of("kadrey-v-meta")
    claim = records.get("claim-very-aggressive", ev.Claim)
    assert claim.confidence is ev.Confidence.UNVERIFIED
    (quoted,) = [each for each in claim.evidence if each.quote is not None]
    assert quoted.confidence is ev.Confidence.CONFIRMED  # the link alone would say confirmed
    marks = [a["urn:evidence:record:confidence"] for a in annotations if a["id"].startswith(
        "urn:evidence:annotation:claim-very-aggressive:")]  # fmt: skip
    assert marks == ["unverified"]

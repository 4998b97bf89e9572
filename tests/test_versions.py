"""Format versions: in version 2 a value that says no mark is unverified; version 1 files keep the
meaning they had (confirmed), and `evidence fmt` rewrites them as version 2 with it written out."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml
from hypothesis import given

import evidence as ev
from evidence._io import Format, parse_bytes
from evidence._io.write import yaml_text
from evidence.testing import strategies as s
from tests.conftest import EXAMPLES
from tests.test_fastpath import _outcome

KADREY = EXAMPLES / "kadrey-v-meta"


def _marks(value: Any) -> list[ev.Confidence]:
    """Every mark a record holds, or says it has: its own, each field's, and those of the links,
    attestations, evidence links, affiliations and sealing events inside it."""
    found: list[ev.Confidence] = []
    if isinstance(value, ev.Record):
        found += [value.confidence_of(f.name) for f in attrs.fields(type(value)) if f.name != "id"]
    elif attrs.has(type(value)) and hasattr(value, "confidence"):
        found.append(value.confidence)
    if attrs.has(type(value)):
        for f in attrs.fields(type(value)):
            inner = getattr(value, f.name)
            for item in inner if isinstance(inner, tuple) else (inner,):
                if attrs.has(type(item)):
                    found += _marks(item)
    return found


def _unmarked(data: Any) -> Any:
    """The plain data of records with every mark taken out (identifiers are the case's own)."""
    if isinstance(data, list):
        return [_unmarked(item) for item in data]
    if isinstance(data, dict):
        return {
            key: value if key == "identifiers" else _unmarked(value)
            for key, value in data.items()
            if key not in ("confidence", "field_confidence")
        }
    return data


def _files(data: dict[str, Any], version: int) -> dict[Format, bytes]:
    """The records of a plain record file as YAML, JSON and JSON Lines of `version`."""
    document = {**data, "evidence": version}
    lines = [json.dumps({"evidence": version})]
    for cls in (ev.Court, ev.Case, ev.Actor, ev.Filing, ev.Exhibit, ev.Decision, ev.Message, ev.Source, ev.Provision, ev.Claim):
        lines += [json.dumps({"type": cls.KIND, **record}) for record in data.get(cls.PLURAL, [])]
    return {
        Format.YAML: yaml_text(document).encode(),  # the writer's quoting: YAML 1.2, as read
        Format.JSON: json.dumps(document).encode(),
        Format.JSONL: ("\n".join(lines) + "\n").encode(),
    }


@given(s.record_sets())
def test_a_value_that_says_no_mark_is_unverified_and_was_confirmed_in_version_1(records: ev.RecordSet) -> None:
    data = _unmarked(json.loads(ev.dumps(records, format="json")))
    for version, meant in ((2, ev.Confidence.UNVERIFIED), (1, ev.Confidence.CONFIRMED)):
        for fmt, raw in _files(data, version).items():
            for fast in (True, False):  # the JSON fast path and the full path mean the same
                outcome = _outcome(raw, fmt, fast=fast)
                assert outcome[0] == "read", (version, fmt, outcome)
                assert {mark for record in outcome[1] for mark in _marks(record)} <= {meant}
                assert len(outcome[1]) == len(records)


def test_marks_a_version_1_file_gives_are_kept() -> None:
    text = (
        "actors:\n  - id: a\n    name: A\n    kind: person\n    confidence: likely\n"
        "    field_confidence: {name: unverified}\n"
        "    affiliations: [{organization: b, confidence: unverified}, {organization: c}]\n"
    )
    for version in (1, 2):
        (actor,) = parse_bytes(f"evidence: {version}\n{text}".encode(), "a.yaml", Format.YAML).records
        assert isinstance(actor, ev.Actor)
        assert (actor.confidence, actor.confidence_of("name"), actor.confidence_of("kind")) == (
            ev.Confidence.LIKELY,
            ev.Confidence.UNVERIFIED,
            ev.Confidence.LIKELY,
        )
        unsaid = ev.Confidence.CONFIRMED if version == 1 else ev.Confidence.UNVERIFIED
        assert [a.confidence for a in actor.affiliations] == [ev.Confidence.UNVERIFIED, unsaid]


def test_records_built_in_python_say_nothing_is_confirmed() -> None:
    message = ev.Message(
        id="m",
        attestations=[ev.Attestation(source="s", quote=ev.Quote(exact="x"))],
        links=[ev.Link(rel="derived_from", target="s")],
    )
    claim = ev.Claim(id="c", statement="x", status="reported", evidence=[ev.EvidenceLink(record="m")])
    actor = ev.Actor(id="a", name="A", kind="person", affiliations=[ev.Affiliation(organization="b")])
    assert {mark for record in (message, claim, actor) for mark in _marks(record)} == {ev.Confidence.UNVERIFIED}


def test_fmt_upgrades_a_version_1_set_writing_its_marks_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from evidence._cli import main

    folder = tmp_path / "set"
    folder.mkdir()
    old = "evidence: 1\nmessages:\n  - id: m\n    attestations:\n      - source: s\n        quote: {exact: x}\n"
    (folder / "messages.yaml").write_text(old, encoding="utf-8")
    before = ev.load(folder)
    assert main(["fmt", str(folder)]) == 0
    assert capsys.readouterr().out == f"reformatted {folder / 'messages.yaml'}\n"
    assert (folder / "messages.yaml").read_text(encoding="utf-8") == (
        "evidence: 2\nmessages:\n  - id: m\n    attestations:\n      - source: s\n        quote:\n          exact: x\n"
        "        confidence: confirmed\n    confidence: confirmed\n"
    )
    assert ev.load(folder) == before  # the same records, now said outright
    assert main(["fmt", "--check", str(folder)]) == 0


def test_the_example_is_version_2_and_every_confirmed_value_says_so(tmp_path: Path) -> None:
    # Each file of the bundled example states its marks: taking the marks out leaves nothing confirmed.
    for file in sorted(KADREY.glob("*.yaml")):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        assert data["evidence"] == 2, file.name
        (tmp_path / file.name).write_text(yaml_text(_unmarked(data)), encoding="utf-8")
    shutil.copytree(KADREY / "sources", tmp_path / "sources")
    stripped = ev.load(tmp_path)
    assert {mark for record in stripped for mark in _marks(record)} == {ev.Confidence.UNVERIFIED}
    assert any(ev.Confidence.CONFIRMED in _marks(record) for record in ev.load(KADREY))


V1_DECISIONS = {
    "evidence": 1,
    "cases": [
        {
            "id": "doe-v-acme",
            "caption": "Doe v. Acme Corp.",
            "name": "Doe v. Acme Corp.",
            "court": "cand",
            "docket_number": "3:24-cv-01234",
            "field_confidence": {"decisions": "likely"},
            "decisions": [
                {"date": "2025-01-13", "title": "Order", "cite": "2025 WL 1", "judge": "pat-lee"},
                {"date": "2025-03-07", "filing": "ecf-9"},
            ],
        }
    ],
}


@pytest.mark.parametrize("fmt", [Format.YAML, Format.JSON, Format.JSONL])
def test_a_version_1_case_keeps_its_decisions_as_decision_records(fmt: Format) -> None:
    data = json.loads(json.dumps(V1_DECISIONS))
    records = _outcome(_files({"cases": data["cases"]}, 1)[fmt], fmt)
    assert records[0] == "read", records
    case, first, second = records[1]
    assert isinstance(case, ev.Case) and case.field_confidence == {} and case.confidence is ev.Confidence.CONFIRMED
    assert (first.id, first.case, first.cites, first.judges, first.confidence) == (
        "doe-v-acme-decision-1",
        "doe-v-acme",
        ("2025 WL 1",),
        ("pat-lee",),
        ev.Confidence.LIKELY,  # as sure as the case said its list of decisions was
    )
    assert (second.id, second.filing, second.cites) == ("doe-v-acme-decision-2", "ecf-9", ())


def test_fmt_writes_a_version_1_cases_decisions_out_as_records(tmp_path: Path) -> None:
    from evidence._cli import main

    path = tmp_path / "doe.yaml"
    path.write_text(yaml_text(V1_DECISIONS), encoding="utf-8")
    before = ev.load(path)
    assert main(["fmt", str(path)]) == 0
    written = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert written["evidence"] == 2 and "decisions" not in written["cases"][0]
    assert [d["id"] for d in written["decisions"]] == ["doe-v-acme-decision-1", "doe-v-acme-decision-2"]
    assert ev.load(path) == before

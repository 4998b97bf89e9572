"""The JSON Schema of record files: valid, accepts the examples, refuses what the loader refuses."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given

import evidence as ev
from evidence._io import unstructure
from evidence._io.read_yaml import parse_yaml
from evidence.testing import strategies as s
from tests.conftest import EXAMPLES

SCHEMA = ev.json_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def file_data(path: Path) -> Any:
    return parse_yaml(path.read_text(encoding="utf-8"), str(path))[0]


def test_the_schema_is_valid_draft_2020_12() -> None:
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", sorted(EXAMPLES.rglob("*.yaml")), ids=lambda p: p.name)
def test_every_example_file_is_valid(path: Path) -> None:
    assert list(VALIDATOR.iter_errors(file_data(path))) == []


def test_unknown_keys_and_bad_values_are_refused() -> None:
    data = file_data(EXAMPLES / "kadrey-v-meta" / "messages.yaml")
    misspelt = copy.deepcopy(data)
    misspelt["messages"][0]["recipents"] = misspelt["messages"][0].pop("recipients")
    assert "Additional properties are not allowed ('recipents' was unexpected)" in [
        e.message for e in VALIDATOR.iter_errors(misspelt)
    ]
    for field, value in [("sent", "October 2023"), ("sent", "2023-10-10T23:30"), ("channel", "chta"), ("id", "Q1")]:
        bad = copy.deepcopy(data)
        bad["messages"][0][field] = value
        assert not VALIDATOR.is_valid(bad), (field, value)
    assert not VALIDATOR.is_valid({"evidence": 3})
    assert VALIDATOR.is_valid({"evidence": 2, "sources": [{"id": "s", "kind": "book", "published": 1967}]})
    assert not VALIDATOR.is_valid({"evidence": 2, "sources": [{"id": "s", "kind": "book", "published": 67}]})
    assert not VALIDATOR.is_valid({"messages": []})


def test_fields_carry_their_descriptions() -> None:
    message = SCHEMA["$defs"]["Message"]
    assert message["properties"]["sent"]["description"] == "When it was sent, at the precision known."
    assert message["required"] == ["id"]
    assert SCHEMA["$defs"]["Claim"]["required"] == ["id", "statement", "status"]


@given(s.record_sets(max_size=4))
def test_every_file_the_library_writes_is_valid(records: ev.RecordSet) -> None:
    from evidence._io import document_data

    assert list(VALIDATOR.iter_errors(document_data(tuple(records)))) == []


@pytest.mark.parametrize(
    "text", ["2023", "2023-10~", "../2024-04-18", "2024-01/", "2023-10-10T23:30[America/Los_Angeles]"]
)
def test_the_date_pattern_accepts_what_the_loader_accepts(text: str) -> None:
    ev.parse_date(text)
    assert VALIDATOR.is_valid({"evidence": 2, "messages": [{"id": "m", "sent": text}]})


@pytest.mark.parametrize("text", ["/", "../..", "../", "2023-10-10T23:30", "Oct 2023"])
def test_the_date_pattern_refuses_what_the_loader_refuses(text: str) -> None:
    with pytest.raises(ev.InvalidValue):
        ev.parse_date(text)
    assert not VALIDATOR.is_valid({"evidence": 2, "messages": [{"id": "m", "sent": text}]})


def test_unstructure_is_plain_data() -> None:
    assert unstructure(ev.Quote(exact="x", start=0, end=1)) == {"exact": "x", "start": 0, "end": 1}

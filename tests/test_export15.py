"""Issue 15 review: the exports keep the source fields the citations use: an institution as the
author (CSL literal name, BibTeX braced name, RIS AU), the short title (CSL title-short, biblatex
shorttitle, RIS ST), the original's date (CSL original-date, biblatex origdate) and an agency
that decides cases (in `custom`: standard CSL has no place for it). Through `ev.export`; the CSL
items are checked against the official schema. Made-up records (the Example Institute, Roe)."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from bibtexparser.entrypoint import parse_string

import evidence as ev
from tests.conftest import ROOT

C = "confirmed"
CSL = jsonschema.Draft7Validator(json.loads((ROOT / "tests" / "data" / "csl" / "csl-data.json").read_text("utf-8")))

RECORDS = ev.RecordSet([
    ev.Source(id="report", kind="other", title="Auditing Widgets: A Guide", short_title="Auditing Widgets",
              institution="Example Institute, Office of Audits", published="2020", confidence=C),
    ev.Source(id="both", kind="other", title="Gadgets", authors=["Ann Roe"], institution="Example Institute",
              published="2021", confidence=C),
    ev.Source(id="reprint", kind="book", title="A Treatise on Widgets", authors=["Ann Roe"], published="2001",
              original_published="1967", confidence=C),
    ev.Court(id="widget-board", name="Widget Appeals Board", citation="W.A.B.", agency=True, confidence=C),
    ev.Case(id="appeal", name="In re Widget Co.", court="widget-board", docket_number="20-1", confidence=C),
])  # fmt: skip


def csl() -> dict[str, dict[str, Any]]:
    data = json.loads(ev.export(RECORDS, "csl-json"))
    assert list(CSL.iter_errors(data)) == []
    return {item["id"]: item for item in data}


def bibtex() -> dict[str, dict[str, Any]]:
    library = parse_string(ev.export(RECORDS, "biblatex"))
    assert library.failed_blocks == []
    return {entry.key: {field.key: field.value for field in entry.fields} for entry in library.entries}


def ris() -> dict[str, dict[str, Any]]:
    """Each record's tags, those that repeat (AU) in a list."""
    blocks = [block.splitlines() for block in ev.export(RECORDS, "ris").split("\n\n") if block.strip()]
    tagged: dict[str, dict[str, Any]] = {}
    for block in blocks:
        tags: dict[str, Any] = {}
        for line in block:
            tag, _, value = line.partition("  - ")
            tags.setdefault(tag, []).append(value)
        tagged[tags["ID"][0]] = tags
    return tagged


WRITTEN = {"csl-json": csl, "biblatex": bibtex, "ris": ris}


def field(fmt: str, record: str, key: str, expected: Any) -> Any:
    return pytest.param(fmt, record, key, expected, id=f"{fmt}: {record} {key}")


TABLE = [
    # R15.1.3, APA 9.11: an institution is the author when no person is named.
    field("csl-json", "report", "author", [{"literal": "Example Institute, Office of Audits"}]),
    field("biblatex", "report", "author", "{Example Institute, Office of Audits}"),
    field("ris", "report", "AU", ["Example Institute, Office of Audits"]),
    # Beside people, no format has a field for it: `custom`, extra fields, a note.
    field("csl-json", "both", "author", [{"family": "Roe", "given": "Ann"}]),
    field("biblatex", "both", "author_institution", "Example Institute"),
    field("ris", "both", "N1", ["author_institution: Example Institute | confidence: confirmed"]),
    # R15.8: the short title; BibTeX braces its capitals, as every title's.
    field("csl-json", "report", "title-short", "Auditing Widgets"),
    field("biblatex", "report", "shorttitle", "Auditing {Widgets}"),
    field("ris", "report", "ST", ["Auditing Widgets"]),
    # APA 9.41, CMOS 14.114: the original's date (RIS has no tag for it).
    field("csl-json", "reprint", "original-date", {"date-parts": [[1967]]}),
    field("biblatex", "reprint", "origdate", "1967"),
    # CSL-M's admin-flag is not standard CSL: the agency goes in `custom`.
    field("csl-json", "appeal", "custom", {"court": "widget-board", "agency": True, "confidence": "confirmed"}),
]


@pytest.mark.parametrize(("fmt", "record", "key", "expected"), TABLE)
def test_the_field_is_written(fmt: str, record: str, key: str, expected: Any) -> None:
    assert WRITTEN[fmt]()[record][key] == expected

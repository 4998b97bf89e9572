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


def bibtex() -> dict[str, dict[str, str]]:
    library = parse_string(ev.export(RECORDS, "bibtex"))
    assert library.failed_blocks == []
    return {entry.key: {field.key: field.value for field in entry.fields} for entry in library.entries}


def ris() -> dict[str, list[str]]:
    blocks = [block.splitlines() for block in ev.export(RECORDS, "ris").split("\n\n") if block.strip()]
    return {block[1].removeprefix("ID  - "): block for block in blocks}


@pytest.mark.parametrize(
    ("record", "key", "expected"),
    [
        pytest.param("report", "author", [{"literal": "Example Institute, Office of Audits"}],
                     id="R15.1.3 an institution is the author: a literal name"),
        pytest.param("report", "title-short", "Auditing Widgets", id="R15.8 the short title"),
        pytest.param("both", "author", [{"family": "Roe", "given": "Ann"}], id="people are the authors"),
        pytest.param("reprint", "original-date", {"date-parts": [[1967]]}, id="APA 9.39 the original's date"),
    ],
)  # fmt: skip
def test_csl_json(record: str, key: str, expected: Any) -> None:
    assert csl()[record][key] == expected


def test_csl_json_keeps_the_rest_in_custom() -> None:
    items = csl()
    assert items["both"]["custom"]["institution"] == "Example Institute"  # beside people: no CSL field
    assert items["appeal"]["custom"]["agency"] is True  # CSL-M's admin-flag is not standard CSL


@pytest.mark.parametrize(
    ("record", "key", "expected"),
    [
        pytest.param("report", "author", "{Example Institute, Office of Audits}",
                     id="R15.1.3 an institution is the author: braced whole"),
        pytest.param("report", "shorttitle", "Auditing {Widgets}", id="R15.8 the short title, its capitals braced"),
        pytest.param("reprint", "origdate", "1967", id="APA 9.39 the original's date"),
        pytest.param("both", "institution", "Example Institute", id="an institution beside people"),
    ],
)  # fmt: skip
def test_bibtex(record: str, key: str, expected: str) -> None:
    assert bibtex()[record][key] == expected


@pytest.mark.parametrize(
    ("record", "line"),
    [
        pytest.param("report", "AU  - Example Institute, Office of Audits", id="R15.1.3 the institution as AU"),
        pytest.param("report", "ST  - Auditing Widgets", id="R15.8 the short title as ST"),
    ],
)
def test_ris(record: str, line: str) -> None:
    assert line in ris()[record]

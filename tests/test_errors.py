"""The errors a user meets when a record file is wrong: exact messages, with file, line and column."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

import evidence as ev
from evidence._io.write import yaml_text
from evidence._recordset import loads  # public as evidence.loads once the API exports it


def problems(tmp_path: Path, text: str, name: str = "records.yaml") -> list[str]:
    """Every problem `load` reports for a file, as the lines a user reads (paths made relative)."""
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    with pytest.raises(ev.LoadError) as caught:
        ev.load(path)
    return [str(p).replace(f"{tmp_path}/", "") for p in caught.value.problems]


MESSAGE = """
    evidence: 1
    actors:
      - id: al-dahle
        name: Ahmad Al-Dahle
        kind: person
    messages:
      - id: goal
        sender: al-dahle
        {line}
"""

# Each case: one wrong line in a message record, and the exact problem it gives.
CASES = [
    pytest.param(
        "recipents: [touvron]",
        "records.yaml:9:5: $.messages[0]: unknown key 'recipents' (did you mean 'recipients'?)",
        id="misspelt key",
    ),
    pytest.param(
        "recipients: touvron",
        "records.yaml:9:17: $.messages[0].recipients: expected a list, found the text 'touvron'",
        id="string where a list belongs",
    ),
    pytest.param(
        "channel: chta",
        "records.yaml:9:14: $.messages[0].channel: expected one of chat, email, sms, memo, letter, other, "
        "press_statement, post, interview; "
        "found the text 'chta' (did you mean 'chat'?)",
        id="unknown enum value",
    ),
    pytest.param(
        "sent: 2023-13-01",
        "records.yaml:9:11: $.messages[0].sent: invalid date '2023-13-01': month 13 is out of range 1..12",
        id="invalid date",
    ),
    pytest.param(
        "sent: 2023-10-10T23:30",
        "records.yaml:9:11: $.messages[0].sent: invalid date '2023-10-10T23:30': naive date-time: "
        "give a UTC offset (Z, -07:00) or a time zone ([America/Los_Angeles])",
        id="naive date-time",
    ),
    pytest.param(
        "text: 42",
        "records.yaml:9:11: $.messages[0].text: expected text, found the number 42",
        id="wrong type",
    ),
    pytest.param(
        "language: english!",
        "records.yaml:9:15: $.messages[0].language: invalid language tag 'english!': use a BCP 47 tag "
        "such as 'en', 'pt' or 'pt-BR'",
        id="bad language tag",
    ),
    pytest.param(
        "recipients: [Touvron]",
        "records.yaml:9:17: $.messages[0].recipients: invalid id 'Touvron': use 1 to 200 lowercase ASCII "
        "letters, digits, '.', '_' or '-', starting and ending with a letter or digit",
        id="bad id in a reference",
    ),
]


@pytest.mark.parametrize(("line", "expected"), CASES)
def test_a_wrong_line_gives_its_exact_message(tmp_path: Path, line: str, expected: str) -> None:
    assert problems(tmp_path, MESSAGE.format(line=line)) == [expected]


def test_a_missing_required_field_names_the_field(tmp_path: Path) -> None:
    text = """
        evidence: 1
        cases:
          - id: kadrey-v-meta
            caption: RICHARD KADREY, et al. v. META PLATFORMS, INC.
            name: Kadrey v. Meta Platforms, Inc.
            docket_number: 3:23-cv-03417-VC
    """
    assert problems(tmp_path, text) == ["records.yaml:3:5: $.cases[0]: missing required field 'court'"]


def test_every_problem_of_a_file_is_reported_in_file_order(tmp_path: Path) -> None:
    text = """
        evidence: 1
        filings:
          - id: ecf-391
            case: kadrey-v-meta
            ecf: '391'
            filed: 2025-01-41
        sourcs: []
        messages:
          - id: goal
            sent: 2023-10-10T23:30
            recipents: []
    """
    assert problems(tmp_path, text) == [
        "records.yaml:5:10: $.filings[0].ecf: expected a whole number, found the text '391'",
        "records.yaml:6:12: $.filings[0].filed: invalid date '2025-01-41': 2025-01 has no day 41",
        "records.yaml:7:1: $: unknown key 'sourcs' (did you mean 'sources'?)",
        "records.yaml:10:11: $.messages[0].sent: invalid date '2023-10-10T23:30': naive date-time: give a UTC "
        "offset (Z, -07:00) or a time zone ([America/Los_Angeles])",
        "records.yaml:11:5: $.messages[0]: unknown key 'recipents' (did you mean 'recipients'?)",
    ]


def test_invariants_of_value_objects_are_reported_at_their_field(tmp_path: Path) -> None:
    text = """
        evidence: 1
        exhibits:
          - id: ex-k
            filing: ecf-391
            bates: {begin: EXAMPLE_0010, end: EXAMPLE_0002}
          - id: ex-l
            filing: ecf-391
            attachment: 0
    """
    assert problems(tmp_path, text) == [
        "records.yaml:5:39: $.exhibits[0].bates.end: Bates range begins at EXAMPLE_0010 after it ends at EXAMPLE_0002",
        "records.yaml:8:17: $.exhibits[1].attachment: must be 1 or more, found 0",
    ]


def test_broken_yaml_names_line_and_column(tmp_path: Path) -> None:
    text = """
        evidence: 1
        actors:
          - id: a
            name: [unclosed
    """
    assert problems(tmp_path, text) == [
        "records.yaml:5:1: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence)"
    ]


def test_duplicate_yaml_keys_are_errors(tmp_path: Path) -> None:
    text = """
        evidence: 1
        actors:
          - id: a
            name: First
            kind: person
            name: Second
    """
    assert problems(tmp_path, text) == ["records.yaml:6:5: $.actors[0]: duplicate key 'name' (first given on line 4)"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("actors: []\n", "records.yaml:1:1: $: missing format version: a record file starts with 'evidence: 2'"),
        (
            "evidence: 3\n",
            "records.yaml:1:11: $.evidence: unsupported format version 3: this version of the library reads formats 1 and 2",
        ),
        (
            "- evidence: 1\n",
            "records.yaml:1:1: $: expected a record file (a mapping starting 'evidence: 2'), found a list",
        ),
        ("", "records.yaml:1:1: $: expected a record file (a mapping starting 'evidence: 2'), found an empty file"),
    ],
    ids=["no version", "future version", "a list", "empty"],
)
def test_the_format_version_is_checked_first(tmp_path: Path, text: str, expected: str) -> None:
    assert problems(tmp_path, text) == [expected]


def test_json_problems_carry_line_and_column(tmp_path: Path) -> None:
    text = """
        {
          "evidence": 1,
          "messages": [
            {"id": "goal", "recipents": ["touvron"], "sent": "2023-10-10T23:30"}
          ]
        }
    """
    assert problems(tmp_path, text, "records.json") == [
        "records.json:4:20: $.messages[0]: unknown key 'recipents' (did you mean 'recipients'?)",
        "records.json:4:54: $.messages[0].sent: invalid date '2023-10-10T23:30': naive date-time: give a UTC "
        "offset (Z, -07:00) or a time zone ([America/Los_Angeles])",
    ]


def test_broken_json_names_line_and_column(tmp_path: Path) -> None:
    text = '{\n  "evidence": 1,\n  "actors": [\n    {"id": "a",}\n  ]\n}\n'
    found = problems(tmp_path, text, "records.json")
    assert len(found) == 1
    assert found[0].startswith("records.json:4:")
    assert "invalid JSON" in found[0]


def test_json_lines_report_every_bad_line_and_read_the_others(tmp_path: Path) -> None:
    lines = [
        '{"evidence": 1}',
        '{"type": "actor", "id": "a", "name": "A", "kind": "person"}',
        '{"type": "mesage", "id": "m"}',
        '{"type": "actor", "id": "b", "name": "B", "kind": "persn"}',
        "{not json",
        '{"type": "actor", "id": "c", "name": "C", "kind": "person"}',
    ]
    found = problems(tmp_path, "\n".join(lines) + "\n", "records.jsonl")
    assert found[:2] == [
        "records.jsonl:3:10: $.type: unknown record type 'mesage' (did you mean 'message'?)",
        "records.jsonl:4:51: $.kind: expected one of person, organization, group; found the text 'persn' "
        "(did you mean 'person'?)",
    ]
    assert found[2].startswith("records.jsonl:5:") and "invalid JSON" in found[2]
    assert len(found) == 3


def test_ids_used_twice_across_files_are_reported_with_both_places(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("evidence: 1\nactors:\n  - {id: meta, name: Meta, kind: organization}\n")
    (tmp_path / "b.yaml").write_text("evidence: 1\nsources:\n  - {id: meta, kind: web_page}\n")
    with pytest.raises(ev.LoadError) as caught:
        ev.load(tmp_path)
    (problem,) = caught.value.problems
    assert (
        str(problem).replace(f"{tmp_path}/", "")
        == "b.yaml:3:5: $.sources[0]: id 'meta' is used twice (first in a.yaml:3)"
    )


def test_invalid_utf8_and_byte_order_marks_are_refused(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_bytes(b"evidence: 1\nactors:\n  - {id: a, name: \xff, kind: person}\n")
    (tmp_path / "bom.yaml").write_bytes(b"\xef\xbb\xbfevidence: 1\n")
    with pytest.raises(ev.LoadError) as caught:
        ev.load(tmp_path)
    assert [str(p).replace(f"{tmp_path}/", "") for p in caught.value.problems] == [
        "bad.yaml:3:19: invalid UTF-8 (byte 0xff); record files are UTF-8 text",
        "bom.yaml:1:1: the file starts with a byte-order mark; save it as UTF-8 without one",
    ]


def test_yaml_tags_are_refused_or_checked(tmp_path: Path) -> None:
    text = """
        evidence: 1
        filings:
          - id: f
            case: c
            ecf: !!int abc
            pages: !!python/object:os.system x
    """
    assert problems(tmp_path, text) == [
        "records.yaml:5:10: $.filings[0].ecf: 'abc' is not a valid int",
        "records.yaml:6:12: $.filings[0].pages: unsupported YAML tag 'tag:yaml.org,2002:python/object:os.system'",
    ]


def test_yaml_12_scalars_dates_and_norway_stay_text(tmp_path: Path) -> None:
    path = tmp_path / "records.yaml"
    path.write_text(
        "evidence: 1\nactors:\n  - {id: 'no', name: no, kind: person, aliases: [yes, off, 2023-10-10]}\n",
        encoding="utf-8",
    )
    (actor,) = ev.load(path).actors
    assert (actor.name, actor.aliases) == ("no", ("yes", "off", "2023-10-10"))


def test_a_bare_year_in_yaml_is_the_year(tmp_path: Path) -> None:
    path = tmp_path / "records.yaml"
    path.write_text("evidence: 1\nsources:\n  - {id: s, kind: book, published: 1967}\n", encoding="utf-8")
    (source,) = ev.load(path).sources
    assert source.published == ev.Date(year=1967)


def test_constructing_a_record_in_code_names_the_field(tmp_path: Path) -> None:
    with pytest.raises(ev.InvalidValue) as caught:
        ev.Message(id="m", sent="2023-10-10T23:30")
    assert caught.value.field == "sent"
    assert "naive date-time" in str(caught.value)
    with pytest.raises(ev.InvalidValue) as caught:
        ev.Message(id="m", recipients="touvron")  # type: ignore[arg-type]
    assert (caught.value.field, str(caught.value)) == ("recipients", "expected a list or tuple, found str")


def test_no_such_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(ev.UsageError, match="no such file or folder"):
        ev.load(tmp_path / "missing")


# -- invisible characters, refused on every path with the same message --------------------------

_INVISIBLE = {"escape": "\x1b", "BEL": "\x07", "line separator": "\u2028", "byte-order mark": "\ufeff"}
_CASE = {"id": "kadrey", "caption": "Kadrey v. Meta", "name": "Kadrey v. Meta", "court": "cand", "docket_number": "3"}


def _case_file(fmt: str, case: dict[str, object]) -> bytes:
    if fmt == "json":
        return json.dumps({"evidence": 1, "cases": [case]}).encode()  # escaped: \u001b, \u2028, ...
    if fmt == "jsonl":
        return (json.dumps({"evidence": 1}) + "\n" + json.dumps({"type": "case", **case}) + "\n").encode()
    return yaml_text({"evidence": 1, "cases": [case]}).encode()  # escaped in double quotes


def _refusal(fmt: str, case: dict[str, object]) -> tuple[str, str]:
    with pytest.raises(ev.LoadError) as caught:
        loads(_case_file(fmt, case), fmt, name=f"records.{fmt}")
    (problem,) = caught.value.problems
    return problem.path, problem.message


@pytest.mark.parametrize("fmt", ["yaml", "json", "jsonl"])
@pytest.mark.parametrize("char", list(_INVISIBLE.values()), ids=list(_INVISIBLE))
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "Kadrey{char}v. Meta"),
        ("identifiers", {"pacer": "4151{char}75"}),
        ("identifiers", {"pa{char}cer": "415175"}),
        ("caption", "{char}Kadrey"),
    ],
    ids=["name", "identifiers value", "identifiers key", "caption"],
)
def test_invisible_characters_are_refused_in_every_format(fmt: str, char: str, field: str, value: object) -> None:
    filled = (
        value.replace("{char}", char)
        if isinstance(value, str)
        else {k.replace("{char}", char): v.replace("{char}", char) for k, v in value.items()}  # type: ignore[attr-defined]
    )
    expected = f"contains the invisible character U+{ord(char):04X}; record text cannot hold it"
    prefix = "$" if fmt == "jsonl" else "$.cases[0]"
    assert _refusal(fmt, {**_CASE, field: filled}) == (f"{prefix}.{field}", expected)
    with pytest.raises(ev.InvalidValue) as caught:
        ev.Case(**{**_CASE, field: filled})  # type: ignore[arg-type]
    assert (caught.value.field, caught.value.message) == (field, expected)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_a_lone_surrogate_is_refused(fmt: str) -> None:
    expected = "contains the lone surrogate U+D800; record text cannot hold it"
    prefix = "$" if fmt == "jsonl" else "$.cases[0]"
    assert _refusal(fmt, {**_CASE, "name": "Kadrey \ud800"}) == (f"{prefix}.name", expected)


def test_loads_reads_every_format_and_names_the_source() -> None:
    records = ev.RecordSet([ev.Case(**_CASE)])  # type: ignore[arg-type]
    for fmt in ("yaml", "json", "jsonl"):
        assert loads(ev.dumps(records, fmt), fmt) == records
    assert loads(ev.dumps(records, "json").decode(), "json") == records
    with pytest.raises(ev.LoadError, match=r"^mine\.json:1:1: "):
        loads(b"[]", "json", name="mine.json")


def test_an_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(ev.UsageError, match="unknown format 'xml'"):
        loads(b"", "xml")
    with pytest.raises(ev.UsageError, match="unknown format 'xml'"):
        ev.dumps([], "xml")
    with pytest.raises(ev.UsageError, match="unknown format 'xml'"):
        ev.dump([], tmp_path / "records.json", format="xml")

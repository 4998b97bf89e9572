"""The JSON fast path (msgspec mirrors and generated builders) agrees with the full path.

The fast path may decline a file (None), and then the full path reads it; what it must never do
is accept a file the full path refuses, or read one differently.
"""

from __future__ import annotations

import contextlib
import copy
import json
import re
from datetime import timedelta
from typing import Any
from unittest import mock

import orjson
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import evidence as ev
from evidence._check import normalize, normalized_with_map
from evidence._errors import InvalidValue, LoadError
from evidence._io import (
    Document,
    Format,
    document_data,
    files,
    parse_bytes,
    read_jsonl,
    render,
    unstructure,
)
from evidence._io.fastpath import decode_json, decode_json_lines
from evidence._io.read_yaml import parse_yaml
from evidence._io.write import yaml_text
from evidence._model import RECORD_KINDS
from evidence._model.dates import _common_date, _parse_point
from evidence.testing import strategies as s

FILE = "records"


def _outcome(raw: bytes, fmt: Format, *, fast: bool = True) -> tuple[Any, ...]:
    """What loading the bytes gives: the records and their origins, or every problem in full.
    Without `fast`, the fast path is switched off and the full path reads everything."""
    with contextlib.ExitStack() as stack:
        if not fast:
            stack.enter_context(mock.patch.object(files, "decode_json", return_value=None))
            stack.enter_context(mock.patch.object(read_jsonl, "decode_json_lines", return_value=None))
        try:
            content = parse_bytes(raw, f"{FILE}.{fmt.value}", fmt)
        except LoadError as error:
            return ("refused", [(p.line, p.column, p.path, p.message, p.code) for p in error.problems])
    return ("read", list(content.records), list(content.origins))


def _version(raw: bytes) -> int:
    """The format version a JSON Lines header names (the current one when it names none)."""
    try:
        version = json.loads(raw.partition(b"\n")[0]).get("evidence")
    except (ValueError, AttributeError):
        return 2
    return version if version in (1, 2) else 2


def _agree(raw: bytes, fmt: Format = Format.JSON) -> tuple[Any, ...]:
    """The fast path (falling back where it declines) and the full path give the same outcome;
    where the fast path alone accepts, it makes the very records the full path makes."""
    outcome = _outcome(raw, fmt)
    assert outcome == _outcome(raw, fmt, fast=False)
    alone = decode_json(raw) if fmt is Format.JSON else decode_json_lines(raw.partition(b"\n")[2], _version(raw))
    if alone is not None and fmt is Format.JSONL and outcome[0] == "refused":  # the body alone was read
        assert {line for line, *_ in outcome[1]} == {1}, "the fast path accepted lines the full path refuses"
    elif alone is not None:
        assert outcome[0] == "read", "the fast path accepted what the full path refuses"
        records = alone.records() if isinstance(alone, Document) else alone
        assert list(records) == outcome[1]
    return outcome


def _texts_with_colons(data: Any) -> bool:
    """True when a text or key in the data starts with a colon or holds a quote mark before one,
    with or without white space between (which looks like a key written `"key" : value`)."""
    if isinstance(data, str):
        return re.search(r'(^|")[ \t\r\n]*:', data) is not None
    if isinstance(data, list):
        return any(_texts_with_colons(item) for item in data)
    if isinstance(data, dict):
        return any(_texts_with_colons(key) or _texts_with_colons(value) for key, value in data.items())
    return False


@given(s.record_sets())
def test_generated_sets_read_the_same_both_ways(records: ev.RecordSet) -> None:
    raw = render(tuple(records), Format.JSON)
    outcome = _agree(raw)
    assert outcome[1] == [r for cls in RECORD_KINDS for r in records.of_kind(cls)]
    if decode_json(raw) is None:
        # Canonical files take the fast path, unless a text starts with a colon or holds a quote
        # mark before one: `":` then no longer counts keys alone, and the full path reads them.
        assert _texts_with_colons(json.loads(raw)), raw


@given(s.record_sets())
def test_generated_sets_read_the_same_from_json_lines(records: ev.RecordSet) -> None:
    raw = render(tuple(records), Format.JSONL)
    outcome = _agree(raw, Format.JSONL)
    assert outcome[1] == [r for cls in RECORD_KINDS for r in records.of_kind(cls)]
    body = raw.partition(b"\n")[2]
    if decode_json_lines(body, 2) is None:
        assert _texts_with_colons([json.loads(line) for line in body.splitlines()]), body  # as above


@st.composite
def _mutated(draw: st.DrawFn) -> bytes:
    """A canonical file with a few bytes changed, deleted, inserted or a line repeated."""
    raw = bytearray(render(tuple(draw(s.record_sets(max_size=3))), Format.JSON))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, max(0, len(raw) - 1)))
        action = draw(st.sampled_from(["replace", "delete", "insert", "repeat line"]))
        if action == "replace" and raw:
            raw[at] = draw(st.sampled_from(b'"{}[],:0123456789abcxyz \\-nut\x7f'))
        elif action == "delete" and raw:
            del raw[at]
        elif action == "insert":
            raw[at:at] = draw(
                st.sampled_from([b'"', b"\\u0007", b"\\b", b" ", b"\xe2\x80\xa8", b"1", b"\xff", b"\\ud800"])
            )
        else:
            start = raw.rfind(b"\n", 0, at) + 1
            end = raw.find(b"\n", at)
            line = bytes(raw[start:end]) if end != -1 else b""
            raw[start:start] = line + b"\n"  # often a key given twice
    return bytes(raw)


@given(_mutated())
def test_mutated_files_are_read_alike_both_ways(raw: bytes) -> None:
    _agree(raw)


# -- mutations of the data: the same change written as JSON, as JSON Lines and as YAML ----------

_STRANGE_TEXT = st.sampled_from(["\x1b[31m", "\x07", "\u2028", "\ufeff", "\x85", "\x7f", "\ud800", "\udfff", "a\x00b"])
_WRONG_VALUES = st.sampled_from(
    [None, True, 1.5, 7, -3, 0, 2**53, 10**25, [], ["x"], {}, {"x": "y"}, "", " ", "X Y", "robot", "2023-02-30"]
)


def _places(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every value inside the data, and of every mapping (where a key may be added)."""
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _places(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _places(value, (*path, index))
    return found


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


@st.composite
def _mutated_data(draw: st.DrawFn) -> dict[str, Any]:
    """The plain data of a generated set with a few values changed: invisible characters and lone
    surrogates in texts and keys, values of the wrong type or too large, null where it is not
    allowed, unknown keys, keys left out."""
    data = document_data(tuple(draw(s.record_sets(max_size=3))))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_places(data)[1:] or [()]))
        if not path:
            break
        parent, step = _at(data, path[:-1]), path[-1]
        value = parent[step]
        action = draw(st.sampled_from(["strange text", "wrong value", "unknown key", "strange key", "left out"]))
        if action == "strange text" and isinstance(value, str):
            at = draw(st.integers(0, len(value)))
            parent[step] = value[:at] + draw(_STRANGE_TEXT) + value[at:]
        elif action == "wrong value":
            parent[step] = copy.deepcopy(draw(_WRONG_VALUES))  # a list or mapping of its own
        elif action in ("unknown key", "strange key") and isinstance(value, dict):
            key = draw(st.sampled_from(["nmae", "type", "x"])) if action == "unknown key" else "k" + draw(_STRANGE_TEXT)
            value[key] = copy.deepcopy(draw(_WRONG_VALUES | st.just("text")))
        elif action == "left out" and isinstance(parent, dict):
            del parent[step]
    return data


def _jsonl(data: dict[str, Any]) -> bytes:
    lines = [json.dumps({"evidence": data.get("evidence")})]
    for plural, records in data.items():
        if plural != "evidence" and isinstance(records, list):
            kind = ev._model.KIND_BY_PLURAL.get(plural)
            for record in records:
                tagged = {"type": kind.KIND, **record} if kind is not None and isinstance(record, dict) else record
                lines.append(json.dumps(tagged))
    return ("\n".join(lines) + "\n").encode()


def _without_places(outcome: tuple[Any, ...]) -> tuple[Any, ...]:
    if outcome[0] == "read":
        return ("read", outcome[1])
    return ("refused", sorted((path, message, code) for _line, _column, path, message, code in outcome[1]))


@given(_mutated_data())
def test_mutated_data_is_judged_alike_in_every_format(data: dict[str, Any]) -> None:
    as_json = _agree(json.dumps(data, indent=2).encode())  # escapes keep surrogates writable
    _agree(_jsonl(data), Format.JSONL)
    text = yaml_text(data)
    try:  # YAML cannot hold every text as it is (a lone surrogate, a NEL read as a line break)
        kept = parse_yaml(text, "records.yaml")[0] == data
    except LoadError:
        kept = False
    as_yaml = _outcome(text.encode("utf-8", "surrogatepass"), Format.YAML)
    # Where YAML holds the same data, and JSON can read it (numbers of over 30 digits are refused
    # as the text is read), the records' problems are the same in both.
    if kept and (as_json[0] == "read" or all(code != "S001" for *_, code in as_json[1])):
        assert _without_places(as_yaml) == _without_places(as_json)


SAMPLE = {
    "evidence": 1,
    # Made-up, as in docs/rules.md: no message is put in a real company's mouth.
    "actors": [
        {"id": "acme", "name": "Acme Corp.", "kind": "organization", "aliases": ["Acme"], "confidence": "confirmed"}
    ],
    "messages": [
        {
            "id": "m1",
            "sender": "acme",
            "sent": "2023-10-10T09:21:00-07:00",
            "text": "We have to ship before the audit.",
            "language": "en",
            "confidence": "confirmed",
            "field_confidence": {"sent": "likely"},
        }
    ],
}


def _sample(**changes: Any) -> bytes:
    message = {**SAMPLE["messages"][0], **changes}
    return json.dumps({**SAMPLE, "messages": [message]}, indent=2, ensure_ascii=False).encode()


@pytest.mark.parametrize(
    ("why", "raw"),
    [
        ("a key given twice", _sample().replace(b'"text":', b'"text": "x",\n      "text":')),
        (
            "a key given twice, once with space before its colon",
            _sample().replace(b'"text":', b'"text" : "x", "text":'),
        ),
        (
            "a mapping key given twice",
            _sample().replace(b'"sent": "likely"', b'"sent": "likely", "sent": "unverified"'),
        ),
        ("a control character escaped", _sample(text="bell \u0007")),
        ("a form feed escaped", _sample(text="page\fbreak")),
        ("a line separator", _sample(text="one\u2028two")),
        ("a byte-order mark inside", _sample(text="a\ufeffb")),
        ("DEL", _sample(text="a\x7fb")),
        ("a C1 control", _sample(text="a\x85b")),
        (
            "a number too large",
            _sample().replace(b'"id": "m1",', b'"id": "m1", "bates_page": "X1",').replace(b'"X1"', b"1" + b"0" * 40),
        ),
        (
            "a float where text belongs",
            _sample().replace(b'"text": "We have to ship before the audit."', b'"text": 1.5'),
        ),
        ("true where a list belongs", _sample().replace(b'"aliases": [\n        "Acme"\n      ]', b'"aliases": true')),
        ("a year as a number", _sample().replace(b'"2023-10-10T09:21:00-07:00"', b"2023")),
        ("an unknown key", _sample(sender_name="x")),
        ("an impossible day", _sample(sent="2023-02-30T09:21:00-07:00")),
        ("offset minutes over 59", _sample(sent="2023-02-03T09:21:00-07:75")),
        ("a naive date-time", _sample(sent="2023-02-03T09:21:00")),
        ("an id with a capital", _sample(id="M1")),
        ("an id ending in a newline", _sample(id="m1\n")),
        ("a reference with a space", _sample(sender="acme corp")),
        ("a bad language tag", _sample(language="english!")),
        ("an enum value unknown", _sample(channel="pigeon")),
        ("a byte-order mark first", b"\xef\xbb\xbf" + _sample()),
        ("invalid UTF-8", _sample().replace(b"beat", b"b\xffat")),
        ("NaN", _sample().replace(b'"evidence": 1', b'"evidence": NaN')),
        ("version 3", _sample().replace(b'"evidence": 1', b'"evidence": 3')),
        ("version true", _sample().replace(b'"evidence": 1', b'"evidence": true')),
        ("an escaped quote before a colon", _sample(text='say "x": y')),
    ],
)
def test_edge_cases_agree_with_the_full_path(why: str, raw: bytes) -> None:
    _agree(raw)


def test_the_text_limit_holds_on_the_fast_path() -> None:
    raw = _sample(text="x" * 50)
    assert decode_json(raw) is not None
    saved = ev.limits.max_text_chars
    ev.limits.max_text_chars = 20
    try:
        assert decode_json(raw) is None
        with pytest.raises(LoadError, match="longer than the limit of 20"):
            parse_bytes(raw, "records.json", Format.JSON)
    finally:
        ev.limits.max_text_chars = saved


def test_json_lines_with_blank_lines_or_problems_go_the_full_way(tmp_path: Any) -> None:
    good = b'{"type":"actor","id":"a","name":"A","kind":"person"}\n'
    assert decode_json_lines(good * 1, 2) is not None
    assert decode_json_lines(good + b"\n" + good.replace(b'"a"', b'"b"'), 2) is None  # a blank line
    assert decode_json_lines(good.replace(b'"person"', b'"robot"'), 2) is None
    path = tmp_path / "records.jsonl"
    path.write_bytes(b'{"evidence":1}\n' + good + b"\n" + good.replace(b'"a"', b'"b"'))
    loaded = ev.load(path)
    assert [loaded.origin(id).line for id in ("a", "b")] == [2, 4]  # lines counted as they stand


_day = st.integers(0, 39).map(lambda n: f"{n:02d}")
_common_shapes = st.one_of(
    st.tuples(st.integers(0, 9999), st.integers(0, 19), _day).map(lambda t: f"{t[0]:04d}-{t[1]:02d}-{t[2]}"),
    st.tuples(
        st.integers(0, 9999),
        st.integers(0, 19),
        _day,
        st.integers(0, 29),
        st.integers(0, 69),
        st.integers(0, 69),
        st.sampled_from(["Z", "+", "-"]),
        st.integers(0, 25),
        st.integers(0, 99),
    ).map(
        lambda t: (
            f"{t[0]:04d}-{t[1]:02d}-{t[2]}T{t[3]:02d}:{t[4]:02d}:{t[5]:02d}"
            + ("Z" if t[6] == "Z" else f"{t[6]}{t[7]:02d}:{t[8]:02d}")
        )
    ),
)


@given(_common_shapes)
@example("2024-02-29T23:59:59+17:59")
@example("2023-03-14T09:21:00-00:00")
@example("2023-03-14T09:21:00+05:75")
@example("2023-01-01T09:21:0 Z")
@example("2023-01-01T09:2a:00Z")
@example("2023-01-01T09:21:00+0700")
@example("2023-01-01T09:21:00.5Z")
@example("2023-01-0١")
@example("2023-W11-22")
@example("+023-01-01")
def test_common_dates_read_as_the_general_parser_reads_them(text: str) -> None:
    try:
        expected = _parse_point(text, text)
    except InvalidValue:
        expected = None
    fast = _common_date(text)
    if fast is None:
        return  # the general parser then decides (and explains)
    assert expected is not None and fast == expected and repr(fast) == repr(expected)
    assert str(fast) == str(expected)


@given(st.text(st.characters(codec="utf-8"), max_size=60))
@example("  a\u2028b “x” — … ")
@example("e\u0301 ` ‘’\t\n")
def test_normalizing_a_text_at_once_or_by_character_agrees(text: str) -> None:
    assert normalize(text) == normalized_with_map(text)[0]


@given(s.record_sets())
def test_json_is_written_as_the_plain_data_says(records: ev.RecordSet) -> None:
    # JSON is written by orjson straight from the records; YAML from `unstructure`'s plain data.
    plain = orjson.dumps(document_data(tuple(records)), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    assert render(tuple(records), Format.JSON) == plain
    lines = render(tuple(records), Format.JSONL).splitlines()[1:]
    assert [orjson.loads(line) for line in lines] == [
        {"type": record.KIND, **unstructure(record)} for cls in RECORD_KINDS for record in records.of_kind(cls)
    ]


@given(s.date_values, s.date_values)
def test_comparing_dates_follows_the_documented_rule(a: ev.DateValue, b: ev.DateValue) -> None:
    # `definitely_before` reads each date's instants once (a timeline compares each date with its
    # neighbours); it must agree with the rule it stands for: a's last instant before b's first,
    # with the slack of every time zone (12 hours west, 14 east) where a day meets a time.
    end = a if isinstance(a, ev.Date) else a.end
    start = b if isinstance(b, ev.Date) else b.start
    expected = False
    if end is not None and start is not None:
        try:
            latest = end.latest + (timedelta(hours=12) if not end.has_time and start.has_time else timedelta(0))
            earliest = start.earliest - (timedelta(hours=14) if end.has_time and not start.has_time else timedelta(0))
            expected = latest < earliest
        except OverflowError:
            expected = False
    assert ev.definitely_before(a, b) == expected


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("identifiers", {"pacer": "4151\u000775"}),
        ("identifiers", {"pa\u001bcer": "415175"}),
        ("name", "Kadrey\u001b[31m v. Meta"),
        ("name", "Kadrey\u0007"),
        ("caption", "Kadrey\u2028v. Meta"),
        ("docket_number", "3:23\ufeff"),
    ],
)
def test_the_fast_path_runs_the_text_check_of_every_text_field(field: str, value: Any) -> None:
    case = {"id": "c", "caption": "K", "name": "K", "court": "cand", "docket_number": "3", field: value}
    raw = json.dumps({"evidence": 1, "cases": [case]}).encode()
    assert decode_json(raw) is None  # refused, and left to the full path to explain
    line = json.dumps({"type": "case", **case}).encode() + b"\n"
    assert decode_json_lines(line, 2) is None
    assert _agree(raw)[0] == _agree(b'{"evidence": 1}\n' + line, Format.JSONL)[0] == "refused"

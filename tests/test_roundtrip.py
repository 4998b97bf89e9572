"""Round trips: every kind and value object through YAML, JSON and JSON Lines, losslessly."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import evidence as ev
from evidence._cli import main
from evidence._io import structure, unstructure
from evidence.testing import strategies as s

FORMATS = ["yaml", "json", "jsonl"]


def _round_trip(records: ev.RecordSet, fmt: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"records.{fmt}"
        ev.dump(records, path)
        first = path.read_bytes()
        loaded = ev.load(path)
        assert loaded == records
        assert list(loaded) == [r for cls in ev._model.RECORD_KINDS for r in records.of_kind(cls)]
        ev.dump(loaded, path)
        assert path.read_bytes() == first  # written, read, written again: the same bytes


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", list(s.RECORDS), ids=lambda cls: cls.KIND)
def test_every_kind_round_trips(kind: type[ev.Record], fmt: str) -> None:
    @given(st.lists(s.RECORDS[kind], min_size=1, max_size=3, unique_by=lambda r: r.id))
    def check(records: list[ev.Record]) -> None:
        _round_trip(ev.RecordSet(records), fmt)

    check()


@pytest.mark.parametrize("fmt", FORMATS)
@given(records=s.record_sets())
def test_mixed_record_sets_round_trip(fmt: str, records: ev.RecordSet) -> None:
    _round_trip(records, fmt)


@pytest.mark.parametrize("cls", list(s.VALUE_OBJECTS), ids=lambda cls: cls.__name__)
def test_every_value_object_round_trips_through_plain_data(cls: type) -> None:
    @given(s.VALUE_OBJECTS[cls])
    def check(value: Any) -> None:
        assert structure(unstructure(value), cls) == value

    check()


@given(s.date_values)
def test_dates_are_written_back_as_the_same_text(value: ev.DateValue) -> None:
    text = str(value)
    assert ev.parse_date(text) == value
    assert str(ev.parse_date(text)) == text


# -- long text in YAML: a readable block, the same value ---------------------------------------

# Pieces a note is made of that YAML treats specially: apostrophes, colons and hashes, quotes,
# leading and trailing spaces, line breaks (one, several, at the ends), tabs and unicode.
_PIECES = st.sampled_from(
    [
        "Acme's counsel said: ", "it wasn't", " # not a comment", "'quoted'", '"double"', "  two spaces",
        "trailing  ", "\n", "\n\n", "\n  indented line", "\t", "café – naïve “curly” ", "日本語",
        "- dash", "? key", ": colon", "> folded", "| literal", "...", "---", "null", "123", "yes", " ",
        "word " * 12, "\r\n", "\u00a0",
    ]
)  # fmt: skip
long_texts = st.lists(_PIECES | s.free_text, min_size=1, max_size=30).map("".join).filter(lambda t: t.strip() != "")


@given(long_texts)
def test_long_text_round_trips_through_yaml(text: str) -> None:
    records = ev.RecordSet(
        [
            ev.Message(id="m", text=text, notes=text, confidence="confirmed"),
            ev.Claim(id="c", statement=text.strip(), status="reported", notes=text, confidence="confirmed"),
        ]
    )
    written = ev.dumps(records, "yaml")
    loaded = ev.loads(written, "yaml")
    assert loaded == records
    assert ev.dumps(loaded, "yaml") == written  # load, dump, load: the same text and bytes


_NOTE = (
    "The plaintiffs' expert didn't review the logs: she relied on Acme's summary, which the court "
    "found incomplete. Made-up text for Doe v. Acme Corp."
)


def test_a_long_note_is_written_folded_without_doubled_apostrophes() -> None:
    records = ev.RecordSet([ev.Message(id="m", text="Short: it's fine.", notes=_NOTE, confidence="confirmed")])
    written = ev.dumps(records, "yaml").decode("utf-8")
    assert "notes: >-\n" in written
    assert "''" not in written
    folded = written[written.index("notes: >-\n") :].split("\n")[1:]
    body = [line for line in folded if line.startswith("      ") and line.strip()]
    assert len(body) >= 2 and all(len(line) <= 100 for line in body)  # wrapped, readable
    assert 'text: "Short: it\'s fine."' in written  # short text stays on its line, quoted once
    assert ev.loads(written, "yaml")["m"].notes == _NOTE


def test_text_with_line_breaks_is_a_literal_block() -> None:
    text = "First line: it's here.\nSecond line."
    written = ev.dumps(ev.RecordSet([ev.Message(id="m", text=text, confidence="confirmed")]), "yaml").decode()
    assert "text: |-\n      First line: it's here.\n      Second line.\n" in written


def test_fmt_keeps_a_folded_note_folded(tmp_path: Path) -> None:
    # A hand-written `>-` note (made-up); `evidence fmt` made it one long line in single quotes
    # with its apostrophes doubled.
    path = tmp_path / "doe.yaml"
    path.write_text(
        "evidence: 2\nmessages:\n  - id: m\n    text: Noted.\n    confidence: confirmed\n    notes: >-\n"
        "      The plaintiffs' expert didn't review the logs:\n      she relied on Acme's summary, which the court\n"
        "      found incomplete. Made-up text for Doe v. Acme Corp.\n",
        encoding="utf-8",
    )
    assert main(["fmt", str(path)]) == 0
    written = path.read_text(encoding="utf-8")
    assert "    notes: >-\n      The plaintiffs' expert didn't review the logs:" in written and "''" not in written
    assert ev.load(path)["m"].notes == _NOTE
    assert main(["fmt", "--check", str(path)]) == 0

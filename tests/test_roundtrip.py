"""Round trips: every kind and value object through YAML, JSON and JSON Lines, losslessly."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import evidence as ev
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

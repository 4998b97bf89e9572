"""Invariants the records hold, as a table of (record built in code, the complaint it gets)."""

from __future__ import annotations

import enum
import re
import typing
from collections.abc import Callable
from typing import Any

import attrs
import pytest

import evidence as ev
from tests.conftest import ROOT

INVALID: list[tuple[str, Callable[[], Any], str | None, str]] = [
    (
        "Bates begin after end",
        lambda: ev.BatesRange(begin="EX_0010", end="EX_0002"),
        "end",
        "begins at EX_0010 after it ends at EX_0002",
    ),
    ("Bates prefixes differ", lambda: ev.BatesRange(begin="AA_0001", end="BB_0002"), "end", "Bates prefixes differ"),
    ("Bates without digits", lambda: ev.BatesRange(begin="AA", end="AB"), "end", "must end in digits"),
    ("Bates re-padded", lambda: ev.BatesRange(begin=" EX_0001"), "begin", "white space at an end"),
    ("ECF number zero", lambda: ev.Filing(id="f", case="c", ecf=0), "ecf", "must be 1 or more, found 0"),
    ("ECF number negative", lambda: ev.Filing(id="f", case="c", ecf=-3), "ecf", "must be 1 or more, found -3"),
    ("number too large", lambda: ev.Filing(id="f", case="c", pages=2**60), "pages", "is too large"),
    ("attachment zero", lambda: ev.Exhibit(id="e", filing="f", attachment=0), "attachment", "must be 1 or more"),
    (
        "interval backwards",
        lambda: ev.DateInterval(start=ev.Date(year=2024), end=ev.Date(year=2023)),
        None,
        "ends before it starts",
    ),
    (
        "language tag",
        lambda: ev.Source(id="s", kind="book", language="portuguese!"),
        "language",
        "invalid language tag",
    ),
    ("naive date-time", lambda: ev.Date(year=2023, month=10, day=10, hour=23, minute=30), None, "naive date-time"),
    ("id with capitals", lambda: ev.Actor(id="Meta", name="Meta", kind="organization"), "id", "invalid id 'Meta'"),
    ("id with a look-alike", lambda: ev.Actor(id="mеta", name="Meta", kind="organization"), "id", "invalid id"),
    ("control character", lambda: ev.Actor(id="a", name="A\x07", kind="person"), "name", "U+0007"),
    ("blank statement", lambda: ev.Claim(id="c", statement="  ", status="reported"), "statement", "must not be empty"),
    (
        "docket re-padded",
        lambda: ev.Case(id="c", caption="X", name="X", court="cand", docket_number="1:23 "),
        "docket_number",
        "white space",
    ),
    ("quote positions", lambda: ev.Quote(exact="x", start=5, end=2), "end", "start 5 is after end 2"),
    ("half a position", lambda: ev.Quote(exact="x", start=5), "end", "give both start and end"),
    ("digest length", lambda: ev.Digest(algorithm="sha256", value="abc"), None, "64 lowercase hexadecimal digits"),
    ("digest algorithm", lambda: ev.Digest.parse("md5:" + "0" * 32), None, "unsupported digest algorithm 'md5'"),
    (
        "field_confidence key",
        lambda: ev.Actor(id="a", name="A", kind="person", field_confidence={"titel": ev.Confidence.LIKELY}),
        "field_confidence",
        "names 'titel', which is not a field of an actor",
    ),
    (
        "translation_of without translation",
        lambda: ev.Attestation(source="s", quote=ev.Quote(exact="x"), translation_of="t"),
        "translation_of",
        "needs kind: translation",
    ),
    (
        "bad URL",
        lambda: ev.Source(id="s", kind="web_page", url="about.fb.com/news"),
        "url",
        "expected an absolute http or https address",
    ),
    (
        "enum value",
        lambda: ev.Claim(id="c", statement="x", status="rumoured"),
        "status",
        "expected one of reported, alleged",
    ),
    (
        "a dict for a value object",
        lambda: ev.Attestation(source="s", quote={"exact": "x"}),
        "quote",
        "expected a Quote, found dict",
    ),
    (
        "dicts in a list of value objects",
        lambda: ev.Message(id="m", attestations=[{"source": "s"}]),
        "attestations",
        "expected an Attestation in each place, found dict",
    ),
    (
        "a number among names",
        lambda: ev.Message(id="m", recipients=["a", 3]),
        "recipients",
        "expected text in each place, found int",
    ),
    ("a number for a date", lambda: ev.Message(id="m", sent=2023), "sent", "expected a date (text such as '2023-10'"),
    (
        "a confidence that is none",
        lambda: ev.Message(id="m", field_confidence={"sent": "maybe"}),
        "field_confidence",
        "found 'maybe'",
    ),
    (
        "identifiers not text",
        lambda: ev.Case(id="c", caption="X", name="X", court="cand", docket_number="1", identifiers={"pacer": 415175}),
        "identifiers",
        "expected a mapping of text to text",
    ),
]


@pytest.mark.parametrize(
    ("build", "field", "complaint"), [case[1:] for case in INVALID], ids=[case[0] for case in INVALID]
)
def test_invariants(build: Callable[[], Any], field: str | None, complaint: str) -> None:
    with pytest.raises(ev.InvalidValue) as caught:
        build()
    assert complaint in str(caught.value)
    assert caught.value.field == field


def test_valid_records_of_the_same_shapes() -> None:
    assert str(ev.BatesRange(begin="EX_0002", end="EX_0010")) == "EX_0002–EX_0010"
    assert ev.Filing(id="f", case="c", ecf=391).ecf == 391
    assert ev.Source(id="s", kind="book", language="pt-BR").language == "pt-BR"
    assert str(ev.Digest.parse("sha256:" + "ab" * 32)) == "sha256:" + "ab" * 32


def test_confidence_ranks_from_weakest_to_strongest() -> None:
    ranked = sorted(ev.Confidence, key=lambda c: c.rank)
    assert ranked == [ev.Confidence.UNVERIFIED, ev.Confidence.LIKELY, ev.Confidence.CONFIRMED]


def _documented_enumerations() -> list[tuple[list[str], str]]:
    """The rows of the Enumerations table of docs/format.md: (values, used by)."""
    text = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    section = text.split("\n## Enumerations\n", 1)[1].split("\n## ", 1)[0]
    table = section.split("| Values | Used by |", 1)[1].split("\n\n", 1)[0]
    rows = []
    for line in table.strip().splitlines()[1:]:  # after the |---| line
        values, used_by = (cell.strip() for cell in line.strip("|").split("|"))
        rows.append((re.findall(r"`([^`]+)`", values), used_by))
    return rows


def _enum_of(used_by: str) -> type[enum.Enum]:
    """The enum of the first field a row names: 'Claim `status`', or '`confidence` of records'."""
    owner, name = re.match(r"(?:(\w+) )?`(\w+)`", used_by).groups()  # type: ignore[union-attr]
    cls = getattr(ev, owner) if owner else ev.Record
    annotation = attrs.fields_dict(cls)[name].type
    (found,) = [
        t for t in (annotation, *typing.get_args(annotation)) if isinstance(t, type) and issubclass(t, enum.Enum)
    ]
    return found


def test_the_format_reference_lists_every_enum_value() -> None:
    rows = _documented_enumerations()
    for values, used_by in rows:
        assert values == [member.value for member in _enum_of(used_by)], used_by
    used = {
        t
        for cls in (*ev._model.RECORD_KINDS, *ev._model.VALUE_OBJECTS)
        for f in attrs.fields(cls)
        for t in (f.type, *typing.get_args(f.type))
        if isinstance(t, type) and issubclass(t, enum.Enum)
    }
    assert {_enum_of(used_by) for _, used_by in rows} == used  # every enum a field takes is listed


def test_plain_values_become_the_real_types() -> None:
    import datetime

    message = ev.Message(id="m", sent=datetime.date(2023, 10, 10), field_confidence={"sent": "likely"})
    assert message.sent == ev.Date(year=2023, month=10, day=10)
    assert message.confidence_of("sent") is ev.Confidence.LIKELY
    moment = datetime.datetime(2023, 10, 10, 23, 30, tzinfo=datetime.UTC)
    assert str(ev.Message(id="m", sent=moment).sent) == "2023-10-10T23:30Z"


def test_resolving_a_value_object_names_it() -> None:
    records = ev.RecordSet([ev.Message(id="m")])
    attestation = ev.Attestation(source="nowhere", quote=ev.Quote(exact="x"))
    with pytest.raises(ev.ResolutionError, match="Attestation: source: no source record has the id 'nowhere'"):
        records.resolve(attestation, "source")

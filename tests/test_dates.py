"""Dates with precision: parsing, writing back, bounds and honest comparison."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given

import evidence as ev
from evidence.testing import strategies as s

UTC = dt.UTC


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=UTC) if "+" not in text else dt.datetime.fromisoformat(text)


@pytest.mark.parametrize(
    ("text", "precision", "earliest", "latest"),
    [
        ("2023", ev.Precision.YEAR, "2023-01-01T00:00", "2023-12-31T23:59:59.999999"),
        ("2023-10", ev.Precision.MONTH, "2023-10-01T00:00", "2023-10-31T23:59:59.999999"),
        ("2024-02", ev.Precision.MONTH, "2024-02-01T00:00", "2024-02-29T23:59:59.999999"),
        ("2023-10-10", ev.Precision.DAY, "2023-10-10T00:00", "2023-10-10T23:59:59.999999"),
        ("2023-10~", ev.Precision.MONTH, "2023-09-01T00:00", "2023-11-30T23:59:59.999999"),
        ("2023-12?", ev.Precision.MONTH, "2023-11-01T00:00", "2024-01-31T23:59:59.999999"),
        ("2023%", ev.Precision.YEAR, "2022-01-01T00:00", "2024-12-31T23:59:59.999999"),
        ("2023-10-10~", ev.Precision.DAY, "2023-10-09T00:00", "2023-10-11T23:59:59.999999"),
        ("2023-10-10T23:30Z", ev.Precision.MINUTE, "2023-10-10T23:30", "2023-10-10T23:30:59.999999"),
        ("2023-10-10T23:30:05-07:00", ev.Precision.SECOND, "2023-10-11T06:30:05", "2023-10-11T06:30:05.999999"),
        (
            "2023-10-10T23:30[America/Los_Angeles]",
            ev.Precision.MINUTE,
            "2023-10-11T06:30",
            "2023-10-11T06:30:59.999999",
        ),
        (
            "2024-01-15T09:00[America/Los_Angeles]",
            ev.Precision.MINUTE,
            "2024-01-15T17:00",
            "2024-01-15T17:00:59.999999",
        ),
    ],
)
def test_single_dates(text: str, precision: ev.Precision, earliest: str, latest: str) -> None:
    date = ev.Date.parse(text)
    assert str(date) == text
    assert date.precision is precision
    assert date.earliest == at(earliest)
    assert date.latest == at(latest)


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("2024-01/2024-03", "2024-01-01T00:00", "2024-03-31T23:59:59.999999"),
        ("../2024-04-18", "0001-01-01T00:00", "2024-04-18T23:59:59.999999"),
        ("/2024-04-18", "0001-01-01T00:00", "2024-04-18T23:59:59.999999"),
        ("2024-04-18/..", "2024-04-18T00:00", "9999-12-31T23:59:59.999999"),
        ("2024-04-18/", "2024-04-18T00:00", "9999-12-31T23:59:59.999999"),
        (
            "2023-10-10T23:30[America/Los_Angeles]/2023-10-11T01:00[America/Los_Angeles]",
            "2023-10-11T06:30",
            "2023-10-11T08:00:59.999999",
        ),
    ],
)
def test_intervals(text: str, earliest: str, latest: str) -> None:
    value = ev.parse_date(text)
    assert isinstance(value, ev.DateInterval)
    assert str(value) == text
    assert (value.earliest, value.latest) == (at(earliest), at(latest))


def test_open_and_unknown_ends_are_kept_apart() -> None:
    assert ev.parse_date("../2024-04-18") != ev.parse_date("/2024-04-18")
    assert ev.parse_date("../2024-04-18").open_start  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2023-10-10T23:30", "naive date-time: give a UTC offset (Z, -07:00) or a time zone"),
        ("2023-13", "month 13 is out of range 1..12"),
        ("2023-02-29", "2023-02 has no day 29"),
        ("2024-03/2024-01", "interval '2024-03/2024-01' ends before it starts"),
        ("../..", "an interval needs a start or an end"),
        ("/", "an interval needs a start or an end"),
        ("2023-10-10T23:30-08:00[America/Los_Angeles]", "offset -08:00 does not match zone America/Los_Angeles"),
        ("2023-10-10T23:30[Mars/Olympus]", "unknown time zone 'Mars/Olympus'"),
        ("2023-10-10T24:00Z", "24:00:00 is not a time of day"),
        ("10/10/2023", "an interval has exactly one '/'"),
        ("October 2023", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2023-10-10T23:30Z~", "expected YYYY"),
        ("2023-10-10T23:30+05:99", "offset +05:99 has more than 59 minutes"),
    ],
)
def test_invalid_dates_say_why(text: str, message: str) -> None:
    with pytest.raises(ev.InvalidValue) as caught:
        ev.parse_date(text)
    assert str(caught.value).startswith(f"invalid date '{text}': ")
    assert message in str(caught.value)


def test_date_times_in_code_need_a_zone() -> None:
    with pytest.raises(ev.InvalidValue, match="naive date-time"):
        ev.Date.from_datetime(dt.datetime(2023, 10, 10, 23, 30))
    aware = ev.Date.from_datetime(dt.datetime(2023, 10, 10, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-7))))
    assert str(aware) == "2023-10-10T23:30-07:00"
    assert aware.to_datetime().utcoffset() == dt.timedelta(hours=-7)


@pytest.mark.parametrize(
    ("a", "b", "before"),
    [
        ("2023-10", "2023-11-01", True),
        # A message of "2023-10" is not after (nor before) a filing of 2023-10-15.
        ("2023-10", "2023-10-15", False),
        ("2023-10-15", "2023-10", False),
        ("2023-10-14", "2023-10-15", True),
        ("2023-10-14~", "2023-10-15", False),
        # A calendar day against a date-time allows for every time zone.
        ("2023-10-14", "2023-10-15T11:59Z", False),
        ("2023-10-14", "2023-10-15T12:00Z", True),
        ("2023-10-15T09:00Z", "2023-10-15", False),
        ("2023-10-14T09:59Z", "2023-10-15", True),
        ("2023-10-10T23:30[America/Los_Angeles]", "2023-10-11T06:31Z", True),
        ("../2024-04-18", "2024-04-19", True),
        ("2024-04-18/..", "2030", False),
    ],
)
def test_definitely_before_respects_precision(a: str, b: str, before: bool) -> None:
    assert ev.definitely_before(ev.parse_date(a), ev.parse_date(b)) is before


@given(s.date_values, s.date_values)
def test_definitely_before_is_never_true_both_ways(a: ev.DateValue, b: ev.DateValue) -> None:
    assert not (ev.definitely_before(a, b) and ev.definitely_before(b, a))
    assert a.earliest <= a.latest


@given(s.dates())
def test_a_date_is_never_before_itself_and_lies_within_its_bounds(date: ev.Date) -> None:
    assert not ev.definitely_before(date, date)
    if date.has_time:
        assert date.earliest == date.to_datetime().astimezone(UTC)


def test_a_date_time_before_the_first_instant_is_never_given_a_later_one() -> None:
    # 0001-01-01T00:00+10:00 is 0000-12-31T14:00Z, before anything `datetime` holds: its span is
    # held at the first instant, not moved to 0001-01-01T00:00Z plus its minute.
    east = ev.parse_date("0001-01-01T00:00+10:00")
    first = dt.datetime.min.replace(tzinfo=dt.UTC)
    assert east.earliest == east.latest == first
    # A time of that day whose instant does exist keeps it.
    noon = ev.parse_date("0001-01-01T12:00+10:00")
    assert (noon.earliest, noon.latest) == (
        first + dt.timedelta(hours=2),
        first + dt.timedelta(hours=2, minutes=1) - dt.timedelta(microseconds=1),
    )

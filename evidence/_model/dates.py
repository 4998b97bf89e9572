"""Dates that carry their precision: a subset of the Library of Congress EDTF.

Accepted text (and written back the same way):

- ``2023``, ``2023-10``, ``2023-10-10``: year, month or day precision;
- a qualifier after a date: ``~`` approximate, ``?`` uncertain, ``%`` both;
- date-times with a UTC offset or an IANA zone, never naive:
  ``2023-10-10T23:30Z``, ``2023-10-10T23:30:05-07:00``,
  ``2023-10-10T23:30[America/Los_Angeles]``, ``2023-10-10T23:30-07:00[America/Los_Angeles]``;
- intervals ``2024-01/2024-03``, open ends ``../2024-04-18`` (on or before) and
  ``2024-04-18/..`` (on or after), unknown ends ``/2024-04-18`` and ``2024-04-18/``.

Every value knows the earliest and latest instant it can stand for, so that rules can compare
dates of different precision honestly. A date without a time is a floating calendar day: its
bounds are taken in UTC, and `definitely_before` allows for the time zones a calendar day may
be in when it compares one with a date-time.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import re
import zoneinfo
from typing import TypeAlias

import attrs

from evidence._errors import InvalidValue
from evidence._model.instants import FIRST, LAST, before_the_first, clamped, month_start

__all__ = [
    "Date",
    "DateInterval",
    "DateValue",
    "Precision",
    "parse_date",
]

UTC = _dt.UTC
_MIN, _MAX = FIRST, LAST

# ASCII digits only (re.ASCII): `\d` alone takes fullwidth and Arabic-Indic digits too.
_DATE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?(?P<q>[~?%])?", re.ASCII)
_DATETIME = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"T(?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.(?P<fraction>\d{1,6}))?)?"
    r"(?P<offset>Z|[+-]\d{2}:\d{2})?(?:\[(?P<zone>[^\]\s]+)\])?",
    re.ASCII,
)


class Precision(enum.IntEnum):
    """How finely a date is known."""

    YEAR = 1
    MONTH = 2
    DAY = 3
    MINUTE = 4
    SECOND = 5


@functools.lru_cache(maxsize=256)
def _zone(name: str) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise InvalidValue(f"unknown time zone '{name}' (use an IANA name such as America/Los_Angeles)") from None


def _check_date(d: Date) -> None:
    if not 1 <= d.year <= 9999:
        raise InvalidValue(f"year {d.year} is out of range 1..9999")
    if d.month is None and d.day is not None:
        raise InvalidValue("a day needs a month")
    if d.month is not None and not 1 <= d.month <= 12:
        raise InvalidValue(f"month {d.month} is out of range 1..12")
    if d.day is not None:
        assert d.month is not None
        try:
            _dt.date(d.year, d.month, d.day)
        except ValueError:
            raise InvalidValue(f"{d.year:04d}-{d.month:02d} has no day {d.day}") from None
    if d.hour is None:
        if d.minute is not None or d.second is not None or d.microsecond is not None:
            raise InvalidValue("minutes or seconds need an hour")
        if d.utc_offset is not None or d.zone is not None:
            raise InvalidValue("a UTC offset or zone needs a time of day")
        return
    if d.day is None:
        raise InvalidValue("a time of day needs a full date")
    if d.minute is None:
        raise InvalidValue("a time of day needs minutes")
    if not (0 <= d.hour <= 23 and 0 <= d.minute <= 59 and 0 <= (d.second or 0) <= 59):
        raise InvalidValue(f"{d.hour:02d}:{d.minute:02d}:{d.second or 0:02d} is not a time of day")
    if d.microsecond is not None and (d.second is None or not 0 <= d.microsecond <= 999_999):
        raise InvalidValue("fractions of a second need seconds, from 0 to 999999 microseconds")
    if d.approximate or d.uncertain:
        raise InvalidValue("a date-time cannot be approximate or uncertain; qualify a date instead")
    if d.utc_offset is None and d.zone is None:
        raise InvalidValue("naive date-time: give a UTC offset (Z, -07:00) or a time zone ([America/Los_Angeles])")
    if d.utc_offset is not None and not -18 * 60 < d.utc_offset < 18 * 60:
        raise InvalidValue("a UTC offset must lie within ±18 hours")
    if d.zone is not None:
        zone = _zone(d.zone)
        if d.utc_offset is not None:
            local = d._local()
            offsets = [local.replace(tzinfo=zone, fold=fold).utcoffset() for fold in (0, 1)]
            # Old local mean times have offsets in seconds; an offset is written in minutes.
            given = _dt.timedelta(minutes=d.utc_offset)
            if not any(o is not None and abs(o - given) < _dt.timedelta(minutes=1) for o in offsets):
                raise InvalidValue(f"offset {_offset_text(d.utc_offset)} does not match zone {d.zone} at that time")


def _offset_text(minutes: int) -> str:
    if minutes == 0:
        return "Z"
    sign = "+" if minutes > 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{mins:02d}"


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def _zero_is_none(value: int | None) -> int | None:
    return value or None


@attrs.frozen(kw_only=True, repr=False)
class Date:
    """A calendar date at year, month or day precision, or a date-time with offset or zone."""

    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    # 0 microseconds is written as no fraction, so it is stored as None.
    microsecond: int | None = attrs.field(default=None, converter=_zero_is_none)
    utc_offset: int | None = None  # minutes east of UTC
    zone: str | None = None  # IANA time zone name
    approximate: bool = False
    uncertain: bool = False
    # The text the date was read from, when that is how it is written: large sets write back
    # hundreds of thousands of date-times, and this saves formatting each one again.
    _text: str | None = attrs.field(default=None, init=False, eq=False, hash=False, repr=False)
    # Its first and last instants, worked out when first asked for: a timeline and the checks of
    # order compare each date with its neighbours several times.
    _instants: tuple[_dt.datetime, _dt.datetime] | None = attrs.field(
        default=None, init=False, eq=False, hash=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        _check_date(self)

    @classmethod
    def parse(cls, text: str) -> Date:
        """Parse one date or date-time; an interval is an error here (see `parse_date`)."""
        value = parse_date(text)
        if not isinstance(value, Date):
            raise InvalidValue(f"expected a single date, found the interval '{text}'")
        return value

    @classmethod
    def from_date(cls, value: _dt.date) -> Date:
        return cls(year=value.year, month=value.month, day=value.day)

    @classmethod
    def from_datetime(cls, value: _dt.datetime) -> Date:
        """An aware `datetime`; a `ZoneInfo` zone is kept by name, any other as its offset."""
        if value.tzinfo is None or value.utcoffset() is None:
            raise InvalidValue(f"naive date-time '{value.isoformat()}': give it a tzinfo")
        zone = value.tzinfo.key if isinstance(value.tzinfo, zoneinfo.ZoneInfo) else None
        offset = None if zone else int(value.utcoffset().total_seconds() // 60)  # type: ignore[union-attr]
        return cls(
            year=value.year,
            month=value.month,
            day=value.day,
            hour=value.hour,
            minute=value.minute,
            second=value.second if value.second or value.microsecond else None,
            microsecond=value.microsecond or None,
            utc_offset=offset,
            zone=zone,
        )

    @property
    def precision(self) -> Precision:
        if self.hour is not None:
            return Precision.SECOND if self.second is not None else Precision.MINUTE
        if self.day is not None:
            return Precision.DAY
        return Precision.MONTH if self.month is not None else Precision.YEAR

    @property
    def has_time(self) -> bool:
        return self.hour is not None

    def _local(self) -> _dt.datetime:
        assert self.month is not None
        assert self.day is not None
        assert self.hour is not None
        assert self.minute is not None
        return _dt.datetime(
            self.year, self.month, self.day, self.hour, self.minute, self.second or 0, self.microsecond or 0
        )

    def _local_text(self) -> str:
        text = f"{self.year:04d}-{self.month:02d}-{self.day:02d}T{self.hour:02d}:{self.minute:02d}"
        if self.second is not None:
            text += f":{self.second:02d}"
            if self.microsecond:
                text += "." + f"{self.microsecond:06d}".rstrip("0")
        return text

    def to_datetime(self) -> _dt.datetime:
        """The aware `datetime` of a date-time (an error for a date without a time)."""
        if self.hour is None:
            raise InvalidValue(f"'{self}' has no time of day")
        local = self._local()
        if self.utc_offset is not None:
            aware = local.replace(tzinfo=_dt.timezone(_dt.timedelta(minutes=self.utc_offset)))
            return aware.astimezone(_zone(self.zone)) if self.zone else aware
        assert self.zone is not None
        return local.replace(tzinfo=_zone(self.zone))

    def _span(self) -> tuple[_dt.datetime, _dt.datetime]:
        """Half-open UTC span [start, end) that the value stands for, before qualifiers."""
        # At the ends of the range (0001-01-01, 9999-12-31) the UTC instant or the span's end
        # may fall outside what `datetime` holds: it is clamped to the first or last instant.
        if self.hour is not None:
            if self.zone is None and self.utc_offset is not None:
                start = _offset_start(self)
            else:
                try:
                    start = self.to_datetime().astimezone(UTC)
                except OverflowError:
                    start = _MIN if self.year == 1 else _MAX
            step = _dt.timedelta(seconds=1) if self.second is not None else _dt.timedelta(minutes=1)
            if self.microsecond:
                step = _dt.timedelta(microseconds=1)
            if start == _MIN and self._before_the_first_instant():
                # The whole span lies before what `datetime` holds: both its ends are the first
                # instant, never an instant after the one the value names.
                return _MIN, _MIN
            return start, clamped(start, step)
        if self.day is not None:
            assert self.month is not None
            start = _dt.datetime(self.year, self.month, self.day, tzinfo=UTC)
            return start, clamped(start, _dt.timedelta(days=1))
        if self.month is not None:
            y, m = _add_months(self.year, self.month, 1)
            return _dt.datetime(self.year, self.month, 1, tzinfo=UTC), month_start(y, m)
        return _dt.datetime(self.year, 1, 1, tzinfo=UTC), month_start(self.year + 1, 1)

    def _before_the_first_instant(self) -> bool:
        """Whether the UTC instant of this date-time comes before 0001-01-01T00:00Z."""
        local = _dt.timedelta(hours=self.hour or 0, minutes=self.minute or 0, seconds=self.second or 0)
        if self.zone is None and self.utc_offset is not None:
            return before_the_first((self.year, self.month, self.day), local, _dt.timedelta(minutes=self.utc_offset))
        offset = self.to_datetime().utcoffset() if self.zone is not None and self.year == 1 else None
        return before_the_first((self.year, self.month, self.day), local, offset or _dt.timedelta(0))

    def _widened(self) -> tuple[_dt.datetime, _dt.datetime]:
        start, end = self._span()
        if not (self.approximate or self.uncertain):
            return start, end
        # An approximate or uncertain value may be off by one unit of its precision either way.
        if self.day is not None:
            one = _dt.timedelta(days=1)
            return clamped(start, -one), clamped(end, one)
        if self.month is not None:
            lo = month_start(*_add_months(self.year, self.month, -1))
            hi = month_start(*_add_months(self.year, self.month, 2))
            return lo, hi
        return month_start(self.year - 1, 1), month_start(self.year + 2, 1)

    @property
    def earliest(self) -> _dt.datetime:
        """The first instant (UTC) the value can stand for."""
        return (self._instants or self._first_and_last())[0]

    @property
    def latest(self) -> _dt.datetime:
        """The last instant (UTC) the value can stand for."""
        return (self._instants or self._first_and_last())[1]

    def _first_and_last(self) -> tuple[_dt.datetime, _dt.datetime]:
        start, end = self._widened()
        instants = (start, end if end in (_MIN, _MAX) else end - _dt.timedelta(microseconds=1))
        _SET_INSTANTS(self, instants)
        return instants

    def __repr__(self) -> str:
        return f"Date.parse({str(self)!r})"

    def __str__(self) -> str:
        if self._text is not None:
            return self._text
        if self.second is not None and not self.microsecond and self.zone is None and self.utc_offset is not None:
            # The usual date-time of a large set, written in one step.
            offset = self.utc_offset
            local = (self.year, self.month, self.day, self.hour, self.minute, self.second)
            if offset == 0:
                return "%04d-%02d-%02dT%02d:%02d:%02dZ" % local  # type: ignore[str-format]  # noqa: UP031 (quicker)
            hours, minutes = divmod(abs(offset), 60)
            sign = "+" if offset > 0 else "-"
            return "%04d-%02d-%02dT%02d:%02d:%02d%s%02d:%02d" % (*local, sign, hours, minutes)  # type: ignore[str-format]  # noqa: UP031
        if self.hour is not None:
            text = self._local_text()
            if self.utc_offset is not None:
                text += _offset_text(self.utc_offset)
            if self.zone is not None:
                text += f"[{self.zone}]"
            return text
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.approximate and self.uncertain:
            text += "%"
        elif self.approximate:
            text += "~"
        elif self.uncertain:
            text += "?"
        return text


def _offset_start(d: Date) -> _dt.datetime:
    """The first UTC instant of a date-time with a fixed offset: the local time less the offset
    (clamped to the range `datetime` holds)."""
    local = _dt.datetime(
        d.year,
        d.month,  # type: ignore[arg-type]
        d.day,  # type: ignore[arg-type]
        d.hour,  # type: ignore[arg-type]
        d.minute or 0,
        d.second or 0,
        d.microsecond or 0,
        tzinfo=UTC,
    )
    assert d.utc_offset is not None
    return clamped(local, -_dt.timedelta(minutes=d.utc_offset))


def _check_interval(i: DateInterval) -> None:
    if i.start is not None and i.open_start:
        raise InvalidValue("an interval start cannot be both given and open")
    if i.end is not None and i.open_end:
        raise InvalidValue("an interval end cannot be both given and open")
    if i.start is None and i.end is None:
        raise InvalidValue("an interval needs a start or an end")
    from evidence._model.order import definitely_before  # which comes first is worked out from these dates

    if i.start is not None and i.end is not None and definitely_before(i.end, i.start):
        raise InvalidValue(f"interval '{i}' ends before it starts")


@attrs.frozen(kw_only=True, repr=False)
class DateInterval:
    """From `start` to `end`; a missing end is open (``..``) or unknown (empty)."""

    start: Date | None = None
    end: Date | None = None
    open_start: bool = False
    open_end: bool = False

    def __attrs_post_init__(self) -> None:
        _check_interval(self)

    @property
    def earliest(self) -> _dt.datetime:
        return self.start.earliest if self.start is not None else _MIN

    @property
    def latest(self) -> _dt.datetime:
        return self.end.latest if self.end is not None else _MAX

    @property
    def has_time(self) -> bool:
        return any(d is not None and d.has_time for d in (self.start, self.end))

    def __repr__(self) -> str:
        return f"parse_date({str(self)!r})"

    def __str__(self) -> str:
        def side(date: Date | None, open_: bool) -> str:
            return str(date) if date is not None else (".." if open_ else "")

        return f"{side(self.start, self.open_start)}/{side(self.end, self.open_end)}"


DateValue: TypeAlias = Date | DateInterval


def _parse_point(text: str, whole: str) -> Date:
    m = _DATETIME.fullmatch(text)
    if m:
        fraction = m["fraction"]
        offset = m["offset"]
        minutes = None
        if offset == "Z":
            minutes = 0
        elif offset:
            sign = -1 if offset[0] == "-" else 1
            if int(offset[4:6]) > 59:
                raise InvalidValue(f"invalid date '{whole}': offset {offset} has more than 59 minutes")
            minutes = sign * (int(offset[1:3]) * 60 + int(offset[4:6]))
        return Date(
            year=int(m["year"]),
            month=int(m["month"]),
            day=int(m["day"]),
            hour=int(m["hour"]),
            minute=int(m["minute"]),
            second=int(m["second"]) if m["second"] else None,
            microsecond=int(fraction.ljust(6, "0")) if fraction else None,
            utc_offset=minutes,
            zone=m["zone"],
        )
    m = _DATE.fullmatch(text)
    if m:
        q = m["q"]
        return Date(
            year=int(m["year"]),
            month=int(m["month"]) if m["month"] else None,
            day=int(m["day"]) if m["day"] else None,
            approximate=q in ("~", "%"),
            uncertain=q in ("?", "%"),
        )
    raise InvalidValue(
        f"invalid date '{whole}': expected YYYY, YYYY-MM or YYYY-MM-DD (with ~ or ?), "
        "a date-time with an offset or zone, or an interval A/B"
    )


(
    _SET_YEAR,
    _SET_MONTH,
    _SET_DAY,
    _SET_HOUR,
    _SET_MINUTE,
    _SET_SECOND,
    _SET_MICROSECOND,
    _SET_UTC_OFFSET,
    _SET_ZONE,
    _SET_APPROXIMATE,
    _SET_UNCERTAIN,
    _SET_TEXT,
    _SET_INSTANTS,
) = (Date.__dict__[f.name].__set__ for f in attrs.fields(Date))


def _common_date(text: str) -> Date | None:
    """The two shapes most dates take in large record sets, a day and a time to the second with
    its offset, read without the general parser; None for anything else, or anything wrong, which
    goes the long way and is explained there."""
    # The shape, by its fixed characters; the C parser takes only ASCII digits between them.
    length = len(text)
    if length == 10:
        shaped = text[4] == "-" and text[7] == "-"
    elif length == 20:
        shaped = text[19] == "Z"
    elif length == 25:
        shaped = text[19] in "+-" and text[22] == ":" and text[23] <= "5"  # offset minutes up to 59
    else:
        return None
    clock = length == 10 or (text[4] == text[7] == "-" and text[10] == "T" and text[13] == text[16] == ":")
    if not shaped or not clock:
        return None
    try:  # the calendar and the clock, checked in C
        value = _dt.datetime.fromisoformat(text) if length > 10 else _dt.date.fromisoformat(text)
    except ValueError:
        return None
    minutes = None
    if isinstance(value, _dt.datetime):
        offset = value.utcoffset()
        assert offset is not None  # the pattern requires Z or an offset
        minutes = offset.days * 1440 + offset.seconds // 60
        if not -18 * 60 < minutes < 18 * 60:
            return None
        hour: int | None = value.hour
        minute: int | None = value.minute
        second: int | None = value.second
    else:
        hour = minute = second = None
    # A frozen instance, filled through its slots' setters without the general checks again.
    date = object.__new__(Date)
    _SET_YEAR(date, value.year)
    _SET_MONTH(date, value.month)
    _SET_DAY(date, value.day)
    _SET_HOUR(date, hour)
    _SET_MINUTE(date, minute)
    _SET_SECOND(date, second)
    _SET_MICROSECOND(date, None)
    _SET_UTC_OFFSET(date, minutes)
    _SET_ZONE(date, None)
    _SET_APPROXIMATE(date, False)
    _SET_UNCERTAIN(date, False)
    _SET_TEXT(date, None if text.endswith(("+00:00", "-00:00")) else text)  # those are written Z
    _SET_INSTANTS(date, None)
    return date


def parse_date(text: str) -> DateValue:
    """Parse EDTF text into a `Date` or a `DateInterval`; an `InvalidValue` names the problem."""
    if not isinstance(text, str):
        raise InvalidValue(f"expected a date as text, found {type(text).__name__}", code="S003")
    try:
        return _parse_date(text)
    except InvalidValue as error:
        message = (
            error.message if error.message.startswith("invalid date") else f"invalid date '{text}': {error.message}"
        )
        if any(c.isdigit() and not c.isascii() for c in text):
            message += "; write its digits as ASCII 0-9"
        raise InvalidValue(message, code="S006") from None


def _parse_date(text: str) -> DateValue:
    common = _common_date(text)
    if common is not None:
        return common
    # A zone name has slashes of its own: only a slash outside brackets splits an interval.
    slashes = [m.start() for m in re.finditer(r"/(?![^\[]*\])", text)]
    if not slashes:
        try:
            return _parse_point(text, text)
        except InvalidValue as error:
            if error.message.startswith("invalid date"):
                raise
            raise InvalidValue(f"invalid date '{text}': {error.message}") from None
    if len(slashes) != 1:
        raise InvalidValue(f"invalid date '{text}': an interval has exactly one '/'")
    left, right = text[: slashes[0]], text[slashes[0] + 1 :]
    try:
        return DateInterval(
            start=None if left in ("", "..") else _parse_point(left, text),
            end=None if right in ("", "..") else _parse_point(right, text),
            open_start=left == "..",
            open_end=right == "..",
        )
    except InvalidValue as error:
        if error.message.startswith("invalid date"):
            raise
        raise InvalidValue(f"invalid date '{text}': {error.message}") from None

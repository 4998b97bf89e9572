"""Dates as the styles write them: T17's abbreviated months, APA's year first, the year alone."""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Sequence

from evidence._model import Date, DateInterval, DateValue

NO_DATE = Date(year=1).earliest  # undated entries sort first among an author's works
_T17 = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]  # fmt: skip


def point(value: DateValue | None) -> Date | None:
    if isinstance(value, DateInterval):
        return value.start or value.end
    return value


def format_date(
    value: DateValue | None, *, months: Sequence[str] = _T17, time: bool = False, zone: bool = False
) -> str:
    """'Jan. 13, 2025' (T17), 'Oct. 2023' for a month, '2023' for a year; 'c.' when approximate.
    With `time`, the time of day the value gives ('12:14 PM'), and with `zone` its zone ('PDT').
    An interval says what is known of it: 'Sept. 5, 2025 or later' for `2025-09-05/..`,
    'or earlier' for `../2025-09-05`, both ends joined by an en dash."""
    if isinstance(value, DateInterval):
        ends = [_one(end, months, time, zone) if end is not None else "" for end in (value.start, value.end)]
        return _bounded(*ends)
    return _one(value, months, time, zone)


def _bounded(start: str, end: str) -> str:
    if start and end:
        return start if start == end else f"{start}–{end}"
    if start:
        return f"{start} or later"
    return f"{end} or earlier" if end else ""


def clock(hour: int, minute: int) -> str:
    """'12:27 PM': a time of day on the 12-hour clock (R17, R18.2.2)."""
    return f"{hour % 12 or 12}:{minute:02d} {'AM' if hour < 12 else 'PM'}"


@functools.cache
def _offset_name(minutes: int) -> str:
    """'UTC-08:00': the name `datetime` gives a fixed offset, made once per offset."""
    return _dt.timezone(_dt.timedelta(minutes=minutes)).tzname(None)


def _one(date: Date | None, months: Sequence[str], time: bool, zone: bool) -> str:
    if date is None:
        return ""
    if date.month is None:
        text = str(date.year)
    elif date.day is None:
        text = f"{months[date.month - 1]} {date.year}"
    else:
        text = f"{months[date.month - 1]} {date.day}, {date.year}"
    if time and date.has_time:
        if date.zone is None and date.utc_offset is not None:  # the usual date-time: local as written
            text += f", {clock(date.hour, date.minute or 0)}"  # type: ignore[arg-type]
            if zone:
                text += f" {_offset_name(date.utc_offset)}"
        else:
            local = date.to_datetime()
            text += f", {clock(local.hour, local.minute)}"
            if zone:
                text += f" {local.tzname()}"
    if date.approximate:
        text = f"c. {text}"
    if date.uncertain:
        text += "?"
    return text


def year(value: DateValue | None) -> str:
    """The year; of an interval, what is known of it ('2025 or later', '2024–2025')."""
    if isinstance(value, DateInterval):
        ends = [str(end.year) if end is not None else "" for end in (value.start, value.end)]
        return _bounded(*ends) or "n.d."
    return str(value.year) if value is not None else "n.d."


def known_exactly(value: DateValue | None) -> Date | None:
    """APA gives a date only as far as it is known (APA 9.14): an interval is known to its
    year when both ends fall in one year, and is otherwise undated ("n.d.")."""
    if not isinstance(value, DateInterval):
        return value
    start, end = value.start, value.end
    if start is None or end is None:
        return None
    if start == end:
        return start
    return Date(year=start.year) if start.year == end.year else None


def apa_year(value: DateValue | None) -> str:
    date = known_exactly(value)
    return str(date.year) if date is not None else "n.d."


def apa_date(value: DateValue | None) -> str:
    date = known_exactly(value)
    if date is None:
        return "n.d."
    if date.month is None:
        return str(date.year)
    if date.day is None:
        return f"{date.year}, {MONTHS[date.month - 1]}"
    return f"{date.year}, {MONTHS[date.month - 1]} {date.day}"

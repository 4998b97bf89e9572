"""The instants `datetime` holds, and arithmetic held to them: at the ends of the date range
(0001-01-01, 9999-12-31) an instant can fall outside, and is then taken as the first or last."""

from __future__ import annotations

import datetime as _dt

FIRST = _dt.datetime.min.replace(tzinfo=_dt.UTC)
LAST = _dt.datetime.max.replace(tzinfo=_dt.UTC)


def clamped(value: _dt.datetime, delta: _dt.timedelta) -> _dt.datetime:
    """`value + delta`, or the first or last instant where that falls outside."""
    try:
        return value + delta
    except OverflowError:
        return FIRST if delta < _dt.timedelta(0) else LAST


def month_start(year: int, month: int) -> _dt.datetime:
    """The first instant (UTC) of a month, held to the range."""
    if year < 1:
        return FIRST
    if year > 9999:
        return LAST
    return _dt.datetime(year, month, 1, tzinfo=_dt.UTC)


def before_the_first(day: tuple[int, int | None, int | None], local: _dt.timedelta, offset: _dt.timedelta) -> bool:
    """Whether a wall-clock time (`local` into the day) at `offset` east of UTC comes before the
    first instant: only a time of 1 January of year 1 east of UTC does."""
    return day == (1, 1, 1) and local < offset

"""Which of two dates comes first, when it is known: every instant one can stand for before
every instant the other can, a floating calendar day given the slack of every time zone."""

from __future__ import annotations

import datetime as _dt

from evidence._model.dates import Date, DateValue

# A calendar day has no zone: it may end up to 12 hours after midnight UTC (at UTC-12) and
# begin up to 14 hours before it (at UTC+14).
_WEST_SLACK = _dt.timedelta(hours=12)
_EAST_SLACK = _dt.timedelta(hours=14)


def _edge(value: DateValue, *, last: bool) -> Date | None:
    """The date that gives a value its latest (or earliest) instant; None for an open end."""
    if isinstance(value, Date):
        return value
    return value.end if last else value.start


def definitely_before(a: DateValue, b: DateValue) -> bool:
    """True when every instant `a` can stand for comes before every instant `b` can.

    A calendar day is floating (its time zone is unknown): it may end up to 12 hours after
    midnight UTC (at UTC-12) and begin up to 14 hours before it (at UTC+14). When a calendar day
    is compared with a date-time, that much is allowed rather than a zone guessed.
    """
    return last_edge(a).before(b)


class LastEdge:
    """The last instant a value can stand for, ready to compare with many others."""

    __slots__ = ("has_time", "latest")

    def __init__(self, latest: _dt.datetime | None, has_time: bool) -> None:
        self.latest, self.has_time = latest, has_time

    def before(self, b: DateValue) -> bool:
        """`definitely_before(a, b)` for the `a` this edge was taken from."""
        if self.latest is None:
            return False
        start_of_b = _edge(b, last=False)
        if start_of_b is None:
            return False
        latest, earliest = self.latest, start_of_b.earliest
        try:
            if not self.has_time and start_of_b.has_time:
                latest += _WEST_SLACK
            elif self.has_time and not start_of_b.has_time:
                earliest -= _EAST_SLACK
        except OverflowError:
            return False
        return latest < earliest


def last_edge(a: DateValue) -> LastEdge:
    end_of_a = _edge(a, last=True)
    return LastEdge(end_of_a.latest if end_of_a is not None else None, end_of_a is not None and end_of_a.has_time)

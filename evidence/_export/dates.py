"""What CSL dates can hold: the known parts of a date, and whether they say all a value says."""

from __future__ import annotations

from typing import Any

from evidence._model import Date, DateValue


def _parts(date: Date) -> list[int]:
    """The known parts only: [2023, 10] for a month, never an invented day."""
    return [part for part in (date.year, date.month, date.day) if part is not None]


def padded(parts: list[int]) -> list[str]:
    """Date parts as ISO 8601 writes them: ['2023', '01']."""
    return [f"{parts[0]:04d}", *(f"{part:02d}" for part in parts[1:])]


def exact_in_csl(value: DateValue) -> bool:
    """Whether CSL date-parts (with `circa`) say all the value says: no time, nothing uncertain,
    no open or unknown end."""
    if isinstance(value, Date):
        return not value.has_time and not value.uncertain
    if value.start is None or value.end is None:
        return False
    return exact_in_csl(value.start) and exact_in_csl(value.end) and value.start.approximate == value.end.approximate


def csl_date(value: DateValue) -> dict[str, Any] | None:
    """A CSL date; None for an interval with an open or unknown end, which CSL cannot state."""
    points = [value] if isinstance(value, Date) else [value.start, value.end]
    if any(point is None for point in points):
        return None
    dates = [point for point in points if point is not None]
    data: dict[str, Any] = {"date-parts": [_parts(date) for date in dates]}
    if any(date.approximate for date in dates):
        data["circa"] = True
    return data

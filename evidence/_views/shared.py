"""What the views share: a record set from any records, open ends, Markdown table cells."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

from evidence._model import Record
from evidence._recordset import RecordSet

# The instants of an open end of an interval: no instant to print or to put in a table.
OPEN = (_dt.datetime.min.replace(tzinfo=_dt.UTC), _dt.datetime.max.replace(tzinfo=_dt.UTC))


def records_of(records: RecordSet | Iterable[Record]) -> RecordSet:
    return records if isinstance(records, RecordSet) else RecordSet(records)


def md_cell(text: str) -> str:
    """Text as one cell of a Markdown table: on one line, its pipes and backslashes escaped."""
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|")

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


def one_line(text: str) -> str:
    """Text on one line: a title or name with line breaks (a carriage return included) would
    break a row of a table or a CSV line."""
    return " ".join(text.split())


def md_cell(text: str) -> str:
    """Free text in a cell of a Markdown table: on one line, its backslashes, pipes and backticks
    escaped (a backtick would open a code span). Ids are written as code beside it, unescaped."""
    return one_line(text).replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`")


# What a spreadsheet reads as the start of a formula (and the tab and carriage return that
# hide one): a cell of record text starting so is written after an apostrophe, which the
# spreadsheet shows as text ("CSV injection"; OWASP's advice).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A value for a CSV cell, text that would start a formula made inert."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value

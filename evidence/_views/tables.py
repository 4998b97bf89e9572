"""Tables for research code: one `pyarrow.Table` (or `pandas.DataFrame`) per record kind."""

from __future__ import annotations

import datetime as _dt
import enum
import json
import types
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from evidence._errors import UsageError
from evidence._io import unstructure
from evidence._labels import weaker
from evidence._model import KIND_BY_NAME, KIND_BY_PLURAL, RECORD_KINDS, Date, DateInterval, DateValue, Record
from evidence._recordset import RecordSet
from evidence._views.shared import OPEN, records_of


class _Column(enum.Enum):
    TEXT = "text"
    INTEGER = "integer"
    BOOLEAN = "boolean"
    TEXTS = "texts"
    DATE = "date"
    JSON = "json"


def _column_of(annotation: Any) -> _Column:
    args = [a for a in getattr(annotation, "__args__", ()) if a is not type(None)]
    if isinstance(annotation, types.UnionType):
        if set(args) == {Date, DateInterval}:
            return _Column.DATE
        annotation = args[0] if len(args) == 1 else annotation
    if annotation in (Date, DateInterval):
        return _Column.DATE
    if annotation is str:
        return _Column.TEXT
    if annotation is bool:
        return _Column.BOOLEAN
    if annotation is int:
        return _Column.INTEGER
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return _Column.TEXT
    if getattr(annotation, "__origin__", None) is tuple and getattr(annotation, "__args__", ())[:1] == (str,):
        return _Column.TEXTS
    return _Column.JSON


def _kind_class(kind: type[Record] | str) -> type[Record]:
    if isinstance(kind, type) and kind in RECORD_KINDS:
        return kind
    if isinstance(kind, str):
        name = kind.strip().lower()
        found = KIND_BY_NAME.get(name) or KIND_BY_PLURAL.get(name)
        if found is not None:
            return found
    names = ", ".join(cls.KIND for cls in RECORD_KINDS)
    raise UsageError(f"unknown record kind {kind!r}: use one of {names}")


def _plain(value: Any, column: _Column) -> Any:
    if value is None:
        return None
    if column is _Column.DATE:
        return str(value)
    if column is _Column.TEXTS:
        return list(value)
    if column is _Column.JSON:
        data = unstructure(value)
        if isinstance(value, Mapping):
            data = {str(k): unstructure(v) for k, v in value.items()}
        return json.dumps(data, ensure_ascii=False)
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _bound(value: DateValue | None, latest: bool) -> _dt.datetime | None:
    if value is None:
        return None
    instant = value.latest if latest else value.earliest
    return None if instant in OPEN else instant


def to_table(records: RecordSet | Iterable[Record], kind: type[Record] | str) -> Any:
    """A `pyarrow.Table`, one row per record of `kind` (a record class, or its name such as
    'message'): references as ids, dates as EDTF text with `<field>_earliest` and
    `<field>_latest` UTC timestamps, enums as values, lists of ids or text as list<string>,
    value objects and mappings as JSON text; `confidence` and `field_confidence` (JSON) as the
    records give them, and `row_confidence` the weakest of them."""
    try:
        import pyarrow as pa  # type: ignore[import-untyped]
    except ImportError:
        raise UsageError("tables need pyarrow: pip install 'evidence[arrow]'") from None
    cls = _kind_class(kind)
    rows = records_of(records).of_kind(cls)
    types_ = {
        _Column.TEXT: pa.string(),
        _Column.INTEGER: pa.int64(),
        _Column.BOOLEAN: pa.bool_(),
        _Column.TEXTS: pa.list_(pa.string()),
        _Column.DATE: pa.string(),
        _Column.JSON: pa.string(),
    }
    timestamp = pa.timestamp("us", tz="UTC")
    columns: dict[str, Any] = {}
    fields = []
    for f in attrs.fields(cls):
        column = _column_of(f.type)
        values = [getattr(record, f.name) for record in rows]
        columns[f.name] = pa.array([_plain(v, column) for v in values], type=types_[column])
        fields.append(pa.field(f.name, types_[column]))
        if column is _Column.DATE:
            for suffix, latest in (("earliest", False), ("latest", True)):
                name = f"{f.name}_{suffix}"
                columns[name] = pa.array([_bound(v, latest) for v in values], type=timestamp)
                fields.append(pa.field(name, timestamp))
    # How sure the row is as a whole: the weakest of the record's mark and each field's, which
    # `confidence` and `field_confidence` give one by one.
    marks = [weaker(record.confidence, *record.field_confidence.values()).value for record in rows]
    columns["row_confidence"] = pa.array(marks, type=pa.string())
    fields.append(pa.field("row_confidence", pa.string()))
    return pa.Table.from_arrays(list(columns.values()), schema=pa.schema(fields))


def to_pandas(records: RecordSet | Iterable[Record], kind: type[Record] | str) -> Any:
    """A `pandas.DataFrame` of `to_table`; whole numbers as pandas' nullable `Int64` (an ECF
    number is 231 or missing, never `231.0` or `NaN`)."""
    table = to_table(records, kind)
    try:
        import pandas as pd  # type: ignore[import-untyped]
    except ImportError:
        raise UsageError("data frames need pandas: pip install pandas") from None
    import pyarrow as pa

    return table.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get)

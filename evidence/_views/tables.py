"""Tables for research code: one `pyarrow.Table` (or `pandas.DataFrame`) per record kind.

Every column's Arrow type comes from the field table, the one place a field's type is written:
value objects become struct columns with the same columns a record gets, tuples list columns,
mappings map columns. Values are read from the objects themselves, so a field left out of a
record file has its default here (an evidence link's `role` and `confidence`), as on the
top level.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import types
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from evidence._errors import UsageError
from evidence._io import FIELD_TABLE, FORMAT_VERSION
from evidence._labels import weaker
from evidence._model import KIND_BY_NAME, KIND_BY_PLURAL, RECORD_KINDS, Date, DateInterval, DateValue, Record
from evidence._recordset import RecordSet
from evidence._views.shared import OPEN, records_of

# One column: its name, Arrow type, and the function from the object holding the field (a
# record or a value object) to the column's plain value.
_Column = tuple[str, Any, Callable[[Any], Any]]


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


def _bound(value: DateValue | None, latest: bool) -> _dt.datetime | None:
    if value is None:
        return None
    instant = value.latest if latest else value.earliest
    return None if instant in OPEN else instant


def _is_date(annotation: Any) -> bool:
    args = {a for a in getattr(annotation, "__args__", ()) if a is not type(None)}
    union = isinstance(annotation, types.UnionType)
    return annotation in (Date, DateInterval) or (union and args == {Date, DateInterval})


def _same(value: Any) -> Any:
    return value


def _optional(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else convert(value)


def _type_of(pa: Any, annotation: Any) -> tuple[Any, Callable[[Any], Any]]:
    """The Arrow type of a field's annotation (not a date), and how a value becomes its plain
    value: enums as their text, tuples as lists, mappings as (key, value) pairs, value objects
    as dicts of their columns."""
    args = [a for a in getattr(annotation, "__args__", ()) if a is not type(None)]
    if isinstance(annotation, types.UnionType) and len(args) == 1:
        type_, convert = _type_of(pa, args[0])
        return type_, _optional(convert)
    origin = getattr(annotation, "__origin__", None)
    scalars = {str: pa.string(), bool: pa.bool_(), int: pa.int64()}
    if annotation in scalars:
        return scalars[annotation], _same
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return pa.string(), lambda value: value.value
    if origin is tuple and args[1:] == [Ellipsis]:
        item, convert = _type_of(pa, args[0])
        return pa.list_(item), lambda values: [convert(v) for v in values]
    if origin is Mapping and len(args) == 2:
        key, convert_key = _type_of(pa, args[0])
        item, convert = _type_of(pa, args[1])
        return pa.map_(key, item), lambda values: [(convert_key(k), convert(v)) for k, v in values.items()]
    if annotation in FIELD_TABLE:
        columns = _columns(pa, annotation)
        struct = pa.struct([pa.field(name, type_) for name, type_, _ in columns])
        return struct, lambda value: {name: get(value) for name, _, get in columns}
    raise TypeError(f"no Arrow type for the annotation {annotation!r}: add it to evidence/_views/tables.py")


def _getter(name: str, convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda owner: convert(getattr(owner, name))


def _columns(pa: Any, cls: type) -> list[_Column]:
    """The columns of a model class, one per field in the field table's order; a date field
    gives three: its EDTF text (precision and all), and its `_earliest` and `_latest` instants."""
    timestamp = pa.timestamp("us", tz="UTC")
    columns: list[_Column] = []
    for f in FIELD_TABLE[cls].fields:
        if _is_date(f.type):
            columns.append((f.name, pa.string(), _getter(f.name, _optional(str))))
            for suffix, latest in (("earliest", False), ("latest", True)):
                bound = functools.partial(_bound, latest=latest)
                columns.append((f"{f.name}_{suffix}", timestamp, _getter(f.name, bound)))
        else:
            type_, convert = _type_of(pa, f.type)
            columns.append((f.name, type_, _getter(f.name, convert)))
    return columns


_RECORD_COLUMNS: dict[type[Record], list[_Column]] = {}  # built once per kind


def _record_columns(cls: type[Record]) -> list[_Column]:
    if cls not in _RECORD_COLUMNS:
        import pyarrow as pa  # type: ignore[import-untyped]

        _RECORD_COLUMNS[cls] = _columns(pa, cls)
    return _RECORD_COLUMNS[cls]


def table_metadata(cls: type[Record]) -> dict[str, str]:
    """What a table (and a Parquet file of it) says about itself: the record kind, the record
    format version and the version of the library that wrote it."""
    import evidence

    return {
        "evidence.kind": cls.KIND,
        "evidence.format_version": str(FORMAT_VERSION),
        "evidence.version": evidence.__version__,
    }


def to_table(records: RecordSet | Iterable[Record], kind: type[Record] | str) -> Any:
    """A `pyarrow.Table`, one row per record of `kind` (a record class, or its name such as
    'message'): references as ids, dates as EDTF text with `<field>_earliest` and
    `<field>_latest` UTC timestamps, enums as values, tuples as list columns, value objects as
    struct columns (with the same columns, defaults filled), mappings (`identifiers`,
    `field_confidence`) as map columns; `confidence` and `field_confidence` as the records give
    them, and `row_confidence` the weakest of them. The schema's metadata names the kind and the
    format and library versions."""
    try:
        import pyarrow as pa
    except ImportError:
        raise UsageError("tables need pyarrow: pip install 'evidence[arrow]'") from None
    cls = _kind_class(kind)
    rows = records_of(records).of_kind(cls)
    arrays = []
    fields = []
    for name, type_, get in _record_columns(cls):
        arrays.append(pa.array([get(record) for record in rows], type=type_))
        fields.append(pa.field(name, type_))
    # How sure the row is as a whole: the weakest of the record's mark and each field's, which
    # `confidence` and `field_confidence` give one by one.
    marks = [weaker(record.confidence, *record.field_confidence.values()).value for record in rows]
    arrays.append(pa.array(marks, type=pa.string()))
    fields.append(pa.field("row_confidence", pa.string()))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields, metadata=table_metadata(cls)))


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

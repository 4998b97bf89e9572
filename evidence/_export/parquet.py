"""Parquet: one file per record kind, the tables of `evidence.to_table` (the `arrow` extra)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from evidence._errors import UsageError
from evidence._model import RECORD_KINDS, Record
from evidence._recordset import RecordSet
from evidence._views import to_table


def write_parquet(records: RecordSet | Iterable[Record], folder: Path) -> list[Path]:
    """One Parquet file per record kind present, `<kinds>.parquet` in `folder`; the files written."""
    try:
        import pyarrow.parquet as parquet  # type: ignore[import-untyped]
    except ModuleNotFoundError:
        raise UsageError("Parquet needs pyarrow: pip install 'evidence[arrow]'") from None
    record_set = records if isinstance(records, RecordSet) else RecordSet(records)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for cls in RECORD_KINDS:
        if record_set.of_kind(cls):
            path = folder / f"{cls.PLURAL}.parquet"
            parquet.write_table(to_table(record_set, cls), path)
            written.append(path)
    return written

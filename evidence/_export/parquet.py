"""Parquet: one file per record kind, or a dataset partitioned the Hive way by kind, court and
year; the tables of `evidence.to_table` (the `arrow` extra), with nested values as list, struct
and map columns and the format and library versions in each file's metadata."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from evidence._errors import ResolutionError, UsageError
from evidence._io import staging_folder
from evidence._model import (
    RECORD_KINDS,
    Case,
    Claim,
    Court,
    Date,
    DateInterval,
    DateValue,
    Decision,
    Exhibit,
    Filing,
    Message,
    Provision,
    Record,
    Source,
)
from evidence._recordset import RecordSet
from evidence._views import to_table

# The partition columns, named apart from every field (a case has a `court`, a provision a
# `year`, several kinds a `kind`), so that no reader finds a column twice.
PARTITIONS = ("record_kind", "record_court", "record_year")
# What Hive and Spark write for a missing partition value, and DuckDB, Polars, pyarrow (so Dask)
# and Spark read back as null.
DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__"
# The record's main date, whose year is its partition; an exhibit takes its filing's.
_MAIN_DATE = {
    Case: "filed",
    Filing: "filed",
    Decision: "date",
    Message: "sent",
    Source: "published",
    Claim: "asserted_on",
}


def _parquet() -> Any:
    try:
        import pyarrow.parquet as parquet  # type: ignore[import-untyped]
    except ModuleNotFoundError:
        raise UsageError("Parquet needs pyarrow: pip install 'evidence[arrow]'") from None
    return parquet


def write_parquet(records: RecordSet | Iterable[Record], folder: Path) -> list[Path]:
    """One Parquet file per record kind present, `<kinds>.parquet` in `folder`; the files written."""
    parquet = _parquet()
    record_set = records if isinstance(records, RecordSet) else RecordSet(records)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for cls in RECORD_KINDS:
        if record_set.of_kind(cls):
            path = folder / f"{cls.PLURAL}.parquet"
            parquet.write_table(to_table(record_set, cls), path)
            written.append(path)
    return written


def _year(value: DateValue | None) -> int | None:
    """The year a date falls in; None for no date, an open or unknown end, an interval over
    more than one year, or an approximate date whose bounds reach another year ('2023~')."""
    if value is None:
        return None
    if isinstance(value, DateInterval):
        years = {_year(end) for end in (value.start, value.end)}
        return years.pop() if len(years) == 1 else None
    assert isinstance(value, Date)
    if (value.approximate or value.uncertain) and not value.earliest.year == value.latest.year == value.year:
        return None
    return value.year


def _court(records: RecordSet, record: Record) -> str | None:
    """The court of the record's case (a court's own id); None for records of no case."""
    with contextlib.suppress(ResolutionError):
        if isinstance(record, Court):
            return record.id
        if isinstance(record, Case):
            return record.court
        if isinstance(record, Decision):
            return records.get(record.case, Case).court
        if isinstance(record, Filing | Exhibit | Message):
            case = records.case_of(record)
            return case.court if case is not None else None
    return None


def partition_of(records: RecordSet, record: Record) -> tuple[str, str | None, int | None]:
    """The record's partition: its kind, its case's court and its main date's year."""
    year: int | None = None
    if isinstance(record, Exhibit):
        with contextlib.suppress(ResolutionError):
            year = _year(records.get(record.filing, Filing).filed)
    elif isinstance(record, Provision):
        year = _year(record.date) if record.date is not None else record.year
    else:
        name = _MAIN_DATE.get(type(record))
        year = _year(getattr(record, name)) if name is not None else None
    return record.KIND, _court(records, record), year


def _segment(name: str, value: object) -> str:
    return f"{name}={DEFAULT_PARTITION if value is None else value}"


def _check_targets(folder: Path) -> None:
    """Refuse, before anything is swapped, a `record_kind=` entry that is neither a folder nor a
    link (a link is replaced, never what it points to)."""
    for cls in RECORD_KINDS:
        target = folder / _segment(PARTITIONS[0], cls.KIND)
        if target.is_symlink() or not target.exists() or target.is_dir():
            continue
        raise UsageError(
            f"{target} is not a folder: a dataset's record_kind= entries are folders; "
            "move it away and export again (nothing was changed)"
        )


def _users_path(error: OSError, staging: Path, folder: Path) -> OSError:
    """The error with each path in the staging folder named as its place in `folder`."""

    def mapped(name: object) -> object:
        if isinstance(name, str | Path) and Path(name).is_relative_to(staging):
            return folder / Path(name).relative_to(staging)
        return name

    if error.filename is None and error.filename2 is None:
        return error
    return type(error)(error.errno, error.strerror, mapped(error.filename), None, mapped(error.filename2))


def write_parquet_dataset(records: RecordSet | Iterable[Record], folder: Path) -> list[Path]:
    """A Hive-partitioned dataset in `folder`: `record_kind=<kind>/record_court=<court>/
    record_year=<year>/part-0.parquet`, the partition columns in the path alone. The dataset's
    `record_kind=` folders of an earlier export are replaced whole (others are left alone), and
    only once every file is written and every entry to replace is known to be a folder or a link;
    the files written (none for no records, which leaves no `record_kind=` folder)."""
    parquet = _parquet()
    record_set = records if isinstance(records, RecordSet) else RecordSet(records)
    folder.mkdir(parents=True, exist_ok=True)
    _check_targets(folder)
    staging = staging_folder(folder)
    try:
        written = []
        for cls in RECORD_KINDS:
            rows = record_set.of_kind(cls)
            if not rows:
                continue
            table = to_table(rows, cls)
            groups: dict[tuple[str, str | None, int | None], list[int]] = {}
            for index, record in enumerate(rows):
                groups.setdefault(partition_of(record_set, record), []).append(index)
            for partition in sorted(groups, key=lambda p: tuple((v is None, str(v)) for v in p)):
                relative = Path(*(_segment(name, value) for name, value in zip(PARTITIONS, partition, strict=True)))
                (staging / relative).mkdir(parents=True)
                target = folder / relative / "part-0.parquet"
                try:
                    parquet.write_table(table.take(groups[partition]), staging / relative / "part-0.parquet")
                except OSError as error:  # pyarrow's names no file: the user's is named
                    raise OSError(error.errno, error.strerror or str(error), target) from None
                written.append(target)
        _check_targets(folder)  # again: the writing took a while
        for cls in RECORD_KINDS:
            # An earlier export's folder goes, whether or not the kind is still there.
            name = _segment(PARTITIONS[0], cls.KIND)
            if (folder / name).is_symlink():  # the link goes, never what it points to
                (folder / name).unlink()
            elif (folder / name).is_dir():
                shutil.rmtree(folder / name)
            if (staging / name).is_dir():
                (staging / name).rename(folder / name)
    except OSError as error:
        raise _users_path(error, staging, folder) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return written

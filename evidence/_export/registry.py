"""The one list of export formats: what each is called, which module writes it, what it needs.

The command line reads its `--to` choices from `FORMATS`. A format's module is imported only when
the format is used, so a missing extra (`prov`, `arrow`) stops only the exports that need it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from evidence._errors import UsageError
from evidence._model import Record
from evidence._recordset import RecordSet


@attrs.frozen(kw_only=True)
class ExportFormat:
    """One export: its name (`--to`), the module and function that write it, the extra its module
    needs (None for none), and whether it writes a folder of files rather than one text."""

    name: str
    module: str
    function: str
    extra: str | None = None
    folder: str | None = None  # what the folder holds, for a format written as files
    # For a format that draws one record's trace (prov-dot), not the whole set: what it draws.
    one_record: str | None = None

    def writer(self) -> Callable[..., Any]:
        """The function that writes the format; UsageError, with the pip command, when the
        module cannot be imported for want of its extra."""
        try:
            module = importlib.import_module(self.module)
        except ModuleNotFoundError as error:
            if self.extra is None:
                raise
            package = (error.name or self.extra).partition(".")[0]
            raise UsageError(f"this export needs {package}: pip install 'evidence[{self.extra}]'") from None
        return getattr(module, self.function)  # type: ignore[no-any-return]


FORMATS: Mapping[str, ExportFormat] = {
    fmt.name: fmt
    for fmt in (
        ExportFormat(name="csl-json", module="evidence._export.csl", function="to_csl_json_text"),
        ExportFormat(name="bibtex", module="evidence._export.bibtex", function="to_bibtex"),
        ExportFormat(name="biblatex", module="evidence._export.bibtex", function="to_biblatex"),
        ExportFormat(name="ris", module="evidence._export.ris", function="to_ris"),
        ExportFormat(name="prov-json", module="evidence._export.prov", function="to_prov_json", extra="prov"),
        ExportFormat(name="prov-n", module="evidence._export.prov", function="to_prov_n", extra="prov"),
        ExportFormat(name="prov-turtle", module="evidence._export.prov", function="to_prov_turtle", extra="prov"),
        ExportFormat(
            name="prov-dot",
            module="evidence._export.prov",
            function="to_prov_dot",
            extra="prov",
            one_record="one record's trace as a PROV graph in Graphviz DOT",
        ),
        ExportFormat(name="annotations", module="evidence._export.annotations", function="to_annotations_json"),
        ExportFormat(
            name="parquet",
            module="evidence._export.parquet",
            function="write_parquet",
            extra="arrow",
            folder="one file per record kind",
        ),
        ExportFormat(
            name="parquet-dataset",
            module="evidence._export.parquet",
            function="write_parquet_dataset",
            extra="arrow",
            folder="a dataset partitioned by record kind, court and year",
        ),
    )
}


def export_format(to: str) -> ExportFormat:
    """The format named `to`; UsageError naming the formats there are when there is none."""
    try:
        return FORMATS[to]
    except KeyError:
        raise UsageError(f"unknown export format {to!r}: use one of {', '.join(FORMATS)}") from None


def _record_set(records: RecordSet | Iterable[Record]) -> RecordSet:
    return records if isinstance(records, RecordSet) else RecordSet(records)


def export(records: RecordSet | Iterable[Record], to: str, *, record: str | None = None) -> str:
    """The text of a record set in the format `to`: csl-json, bibtex, biblatex, ris, prov-json,
    prov-n, prov-turtle or annotations; prov-dot draws the trace of the one `record` it is given.
    UsageError for an unknown format, a format written as files (use `export_files`), a missing
    extra, a `record` missing for prov-dot or given to a format of the whole set."""
    fmt = export_format(to)
    if fmt.folder is not None:
        raise UsageError(f"{to} writes {fmt.folder}: use export_files(records, {to!r}, folder)")
    if fmt.one_record is not None:
        if record is None:
            raise UsageError(f"{to} draws {fmt.one_record}, never the whole set: name the record (--record ID)")
        return str(fmt.writer()(_record_set(records), record))
    if record is not None:
        drawn = ", ".join(name for name, each in FORMATS.items() if each.one_record is not None)
        raise UsageError(f"{to} writes the whole set: a record is named only for {drawn}")
    return str(fmt.writer()(_record_set(records)))


def export_files(records: RecordSet | Iterable[Record], to: str, folder: str | Path) -> list[Path]:
    """Write a record set in the format `to` (parquet: one file per record kind; parquet-dataset:
    Hive partitions by record kind, court and year) into `folder`,
    made when missing; the files written. UsageError for an unknown format, a format written as
    one text (use `export`) or a missing extra."""
    fmt = export_format(to)
    if fmt.folder is None:
        raise UsageError(f"{to} is one text: use export(records, {to!r})")
    written: list[Path] = fmt.writer()(_record_set(records), Path(folder))
    return written

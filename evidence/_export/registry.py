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
        ExportFormat(name="annotations", module="evidence._export.annotations", function="to_annotations_json"),
        ExportFormat(
            name="parquet",
            module="evidence._export.parquet",
            function="write_parquet",
            extra="arrow",
            folder="one file per record kind",
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


def export(records: RecordSet | Iterable[Record], to: str) -> str:
    """The text of a record set in the format `to`: csl-json, bibtex, biblatex, ris, prov-json, prov-n,
    prov-turtle or annotations. UsageError for an unknown format, a format written as files
    (use `export_files`) or a missing extra."""
    fmt = export_format(to)
    if fmt.folder is not None:
        raise UsageError(f"{to} writes {fmt.folder}: use export_files(records, {to!r}, folder)")
    return str(fmt.writer()(_record_set(records)))


def export_files(records: RecordSet | Iterable[Record], to: str, folder: str | Path) -> list[Path]:
    """Write a record set in the format `to` (parquet: one file per record kind) into `folder`,
    made when missing; the files written. UsageError for an unknown format, a format written as
    one text (use `export`) or a missing extra."""
    fmt = export_format(to)
    if fmt.folder is None:
        raise UsageError(f"{to} is one text: use export(records, {to!r})")
    written: list[Path] = fmt.writer()(_record_set(records), Path(folder))
    return written

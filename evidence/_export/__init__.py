"""Exports: a record set in the formats other tools read.

Citation exports (CSL-JSON, BibTeX, RIS) write one mapping of records to items (`items`);
provenance exports write the W3C PROV graph (`prov`) and every quote as a W3C Web Annotation
(`annotations`); Parquet writes the tables of the views. `registry` is the one list of formats,
which `export` and `export_files` (and the command line) read.
"""

from evidence._export.csl import to_csl_json
from evidence._export.registry import FORMATS, ExportFormat, export, export_files, export_format

__all__ = ["FORMATS", "ExportFormat", "export", "export_files", "export_format", "to_csl_json"]

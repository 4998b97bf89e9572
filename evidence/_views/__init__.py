"""Views of a record set: a timeline, a cast of actors, tables for pyarrow and pandas, and the
findings of a check as people and programs read them (text, JSON and its schema, GitHub
annotations, SARIF, JUnit XML)."""

from evidence._views.cast import Appearance, CastMember, cast, cast_markdown
from evidence._views.findings import FINDINGS_FORMATS, MAX_FINDINGS, capped, more_line, render_findings
from evidence._views.junit import junit
from evidence._views.report_schema import report_schema
from evidence._views.sarif import sarif
from evidence._views.tables import to_pandas, to_table
from evidence._views.timeline import (
    CSV_COLUMNS,
    TIMELINE_FORMATS,
    Event,
    date_label,
    precision_label,
    timeline,
    timeline_csv,
    timeline_html,
    timeline_markdown,
)

__all__ = [
    "CSV_COLUMNS",
    "FINDINGS_FORMATS",
    "MAX_FINDINGS",
    "TIMELINE_FORMATS",
    "Appearance",
    "CastMember",
    "Event",
    "capped",
    "cast",
    "cast_markdown",
    "date_label",
    "junit",
    "more_line",
    "precision_label",
    "render_findings",
    "report_schema",
    "sarif",
    "timeline",
    "timeline_csv",
    "timeline_html",
    "timeline_markdown",
    "to_pandas",
    "to_table",
]

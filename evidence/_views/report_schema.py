"""The JSON Schema (Draft 2020-12) of a check's report as data: what `evidence check --format
json` prints and `Report.as_dict` returns, published by `evidence schema --report` so that the
programs that read it can check what they are given."""

from __future__ import annotations

from typing import Any

from evidence._check import REPORT_VERSION, RULES, Severity

REPORT_SCHEMA_ID = f"urn:evidence:check-report:{REPORT_VERSION}"


def _count(what: str) -> dict[str, Any]:
    return {"type": "integer", "minimum": 0, "description": what}


def _maybe(schema: dict[str, Any], what: str) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}], "description": what}


def report_schema() -> dict[str, Any]:
    """The schema of a report of format version `REPORT_VERSION`."""
    finding = {
        "type": "object",
        "description": "One thing a rule found, located in its file.",
        "properties": {
            "code": {
                "type": "string",
                "pattern": r"^[A-Z]\d{3}$",
                "description": "The rule's code (docs/rules.md); one of: " + ", ".join(RULES) + ".",
            },
            "severity": {"enum": [s.value for s in Severity], "description": "info is what the summary calls a note."},
            "message": {"type": "string"},
            "file": _maybe({"type": "string"}, "The file, as reached from the path given; null when unknown."),
            "line": _maybe({"type": "integer", "minimum": 1}, "1-based; null when unknown."),
            "column": _maybe({"type": "integer", "minimum": 1}, "1-based; null when unknown."),
            "path": {"type": "string", "description": 'Where in the file, as a JSON path; "" for the file as a whole.'},
            "record": _maybe({"type": "string"}, "The id of the record the finding is about."),
            "hint": _maybe({"type": "string"}, "How to fix it, when the checker can tell."),
        },
        "required": ["code", "severity", "message", "file", "line", "column", "path", "record", "hint"],
        "additionalProperties": False,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": REPORT_SCHEMA_ID,
        "title": "evidence check report",
        "description": "The findings of `evidence check`, as `--format json` prints them.",
        "type": "object",
        "properties": {
            "version": {"const": REPORT_VERSION, "description": "The layout of this report."},
            "records": _count("Records checked (0 when the record set did not load)."),
            "errors": _count("Findings of severity error."),
            "warnings": _count("Findings of severity warning."),
            "notes": _count("Findings of severity info."),
            "findings": {"type": "array", "items": {"$ref": "#/$defs/finding"}},
        },
        "required": ["version", "records", "errors", "warnings", "notes", "findings"],
        "additionalProperties": False,
        "$defs": {"finding": finding},
    }

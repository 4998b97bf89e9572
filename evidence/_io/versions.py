"""What each format version means, and files of version 1 read with the meaning they had.

Version 2 (written since confidence became data everywhere): a record, link, sealing event,
affiliation, attestation or evidence link that does not say `confidence` is `unverified`, as it
is when built in Python; and a case's decisions are records of their own (`decisions`), not a
list inside the case. Version 1 files meant `confirmed` where they say no mark; they are still
read so, by filling in the marks they leave out and moving each case's decisions out into
decision records before the records are built, and `evidence fmt` rewrites them as version 2.
"""

from __future__ import annotations

import functools
from typing import Any, get_args, get_origin

from evidence._io.fieldtable import FIELD_TABLE, Field, entry
from evidence._model import RECORD_KINDS, Confidence

FORMAT_VERSION = 2
READ_VERSIONS = (1, 2)
# Version 1: what a left-out `confidence` meant.
V1_CONFIDENCE = Confidence.CONFIRMED.value


def default_in(version: int, f: Field) -> Any:
    """The value a field left out takes in a file of `version`."""
    if version == 1 and f.name == "confidence":
        return Confidence.CONFIRMED
    return f.default


def is_version(value: Any) -> bool:
    """Whether a file's `evidence` value names a version this library reads."""
    return type(value) is int and value in READ_VERSIONS


def versions_text() -> str:
    return " and ".join(str(version) for version in READ_VERSIONS)


@functools.cache
def _nested(cls: type) -> tuple[tuple[str, type, bool], ...]:
    """The fields of `cls` that hold model classes: (name, class, whether a list of them)."""
    found = []
    for f in entry(cls).fields:
        many = get_origin(f.type) is tuple
        inner = get_args(f.type)[0] if many else f.type
        nested = next((t for t in (inner, *get_args(inner)) if t in FIELD_TABLE), None)
        if nested is not None:
            found.append((f.name, nested, many))
    return tuple(found)


@functools.cache
def _has_confidence(cls: type) -> bool:
    return any(f.name == "confidence" for f in entry(cls).fields)


def _fill(data: Any, cls: type) -> None:
    """Write version 1's left-out marks into the plain data of one `cls` (what is not a mapping
    is left for the converter to refuse)."""
    if not isinstance(data, dict):
        return
    if _has_confidence(cls):
        data.setdefault("confidence", V1_CONFIDENCE)
    for name, nested, many in _nested(cls):
        value = data.get(name)
        for item in (value if isinstance(value, list) else ()) if many else (value,):
            _fill(item, nested)


def fill_v1_document(data: dict[str, Any]) -> None:
    """The plain data of a version-1 record file, given the marks it meant and its cases'
    decisions as decision records."""
    cases = data.get("cases")
    moved = (
        [d for case in cases if isinstance(case, dict) for d in v1_decisions(case)] if isinstance(cases, list) else []
    )
    existing = data.get("decisions", [])
    if moved and isinstance(existing, list):  # anything else there is the converter's to refuse
        data["decisions"] = [*existing, *moved]
    for cls in RECORD_KINDS:
        records = data.get(cls.PLURAL)
        if isinstance(records, list):
            for record in records:
                _fill(record, cls)


def v1_decisions(case: dict[str, Any]) -> list[dict[str, Any]]:
    """Take the decisions out of a version-1 case: each becomes a decision record, with an id
    made from the case's and its place in the list, as sure as the case said its list was."""
    found = case.pop("decisions", None)
    marks = case.get("field_confidence")
    mark = marks.pop("decisions", None) if isinstance(marks, dict) else None
    if not isinstance(found, list):
        if found is not None:
            case["decisions"] = found  # not a list: left for the converter to name
        return []
    mark = mark or case.get("confidence", V1_CONFIDENCE)
    records = []
    for number, decision in enumerate(found, start=1):
        if not isinstance(decision, dict):
            records.append(decision)
            continue
        record = {"id": f"{case.get('id')}-decision-{number}", "case": case.get("id"), **decision, "confidence": mark}
        if "cite" in record:
            record["cites"] = [record.pop("cite")]
        if "judge" in record:
            record["judges"] = [record.pop("judge")]
        records.append(record)
    return records


def fill_v1_record(data: dict[str, Any], cls: type) -> None:
    """The plain data of one record of a version-1 file, given the marks it meant."""
    _fill(data, cls)

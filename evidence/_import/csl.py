"""CSL-JSON read: each item sent to the record kind its type makes, the record set made.

An item of a type no record holds is refused, with its id and type; every refusal of a file is
told at once, so one run lists all that must change.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from evidence._errors import LoadError, Problem, UsageError
from evidence._import.cases import case_records, document_record, reporter_cite
from evidence._import.fields import Item, Refused, build, date, refusal, text
from evidence._import.provisions import bill_record, is_restatement, provision_record, restatement_record
from evidence._import.sources import SOURCE_KINDS, source_record
from evidence._io import read_regular
from evidence._model import Case, Confidence, Court, Decision, Filing, Provision, Record, Source
from evidence._recordset import RecordSet

IMPORTED_TYPES = frozenset({"legal_case", "legislation", "regulation", "bill", *SOURCE_KINDS})


def import_csl(
    source: str | os.PathLike[str] | Sequence[Item] | Mapping[str, Any],
    *,
    confidence: Confidence | str = Confidence.UNVERIFIED,
) -> RecordSet:
    """The records a CSL-JSON file (or its items, already read) makes.

    A `legal_case` becomes a case (and a court, when courts-db has none for it) and its
    decision; `legislation`, `regulation` and `bill`, provisions, as is a Restatement
    (Juris-M's `entry-encyclopedia` in a work named 'Restatement ...'); books, articles,
    pages, posts, reports, hearings and patents, sources. Every record gets `confidence`
    (`unverified` unless told: a reference manager's entries are what someone typed, not a
    primary source seen). A file that is not CSL-JSON, or items that cannot come in, raise a
    `LoadError` naming each.
    """
    mark = _confidence(confidence)
    name, data = _read(source)
    items = _items(data, name)
    records: dict[str, Record] = {}
    decisions: dict[str, tuple[Item, dict[str, Any]]] = {}  # an item and its decision, for parallel cites
    problems: list[Problem] = []
    for index, item in enumerate(items):
        where = f"$[{index}]"
        if not isinstance(item, Mapping) or not text(item, "id") or not text(item, "type"):
            problems.append(_problem(name, where, "not a CSL item: an object with an 'id' and a 'type' is expected"))
            continue
        try:
            for record in _records(item, decisions, mark.value):
                if record.id in records and not isinstance(record, (Court, Decision)):
                    raise Refused(f"its id makes the record id {record.id!r}, which another item has made already")
                records[record.id] = record
        except Refused as reason:
            problems.append(refusal(name, where, item, str(reason)))
    if problems:
        raise LoadError(problems)
    return RecordSet(records.values())


def _records(item: Item, decisions: dict[str, tuple[Item, dict[str, Any]]], mark: str) -> list[Record]:
    kind = str(item["type"])
    if kind == "legal_case":
        parallel = _parallel_of(item, decisions)
        if parallel is not None:  # the same decision in another reporter: one more cite of it
            parallel["cites"] = [*parallel["cites"], reporter_cite(item)]
            return [build(Decision, parallel)]
        court, case, decision = case_records(item)
        made = [build(Court, {**court, "confidence": mark})] if court else []
        made.append(build(Case, {**case, "confidence": mark}))
        if decision is not None:
            decision["confidence"] = mark
            decisions[str(item["id"])] = (item, decision)
            made.append(build(Decision, decision))
        document = document_record(item, case["id"])
        made += [build(Filing, {**document, "confidence": mark})] if document else []
        return made
    if kind in ("legislation", "regulation"):
        return [build(Provision, {**provision_record(item), "confidence": mark})]
    if kind == "bill":
        return [build(Provision, {**bill_record(item), "confidence": mark})]
    if kind == "entry-encyclopedia" and is_restatement(item):
        return [build(Provision, {**restatement_record(item), "confidence": mark})]
    if kind in SOURCE_KINDS:
        return [build(Source, {**source_record(item), "confidence": mark})]
    known = ", ".join(sorted(IMPORTED_TYPES))
    raise Refused(f"no record holds a CSL item of type {kind!r} (imported: {known})")


def _parallel_of(item: Item, decisions: dict[str, tuple[Item, dict[str, Any]]]) -> dict[str, Any] | None:
    """The decision of an earlier item this one names in `seeAlso` with the same title, court
    and date: a parallel cite (Juris-M links the reporters of one decision so, and also the
    decisions of one case's history, which differ in court or date)."""
    if reporter_cite(item) is None:
        return None
    for other in item.get("seeAlso") or ():
        earlier, decision = decisions.get(str(other), (None, None))
        if earlier is None or decision is None:
            continue
        if all(text(earlier, key) == text(item, key) for key in _SAME_DECISION) and _same_date(item, decision):
            return decision
    return None


def _same_date(item: Item, decision: dict[str, Any]) -> bool:
    """Whether a parallel cite's item dates the decision as the first one does: the same date, none
    (it leaves the date to the first), or the year of the first's day (a reporter dated by its
    year, beside Louisiana's cite of the day: c449)."""
    when, first = date(item, "issued"), decision["date"]
    return when is None or when == first or (first is not None and len(when) == 4 and first.startswith(f"{when}-"))


# What two items of one decision in two reporters share.
_SAME_DECISION = ("title", "authority", "jurisdiction")


def _confidence(value: Confidence | str) -> Confidence:
    try:
        return Confidence(value)
    except ValueError:
        choices = ", ".join(c.value for c in Confidence)
        raise UsageError(f"unknown confidence {value!r}: use {choices}") from None


def _read(source: str | os.PathLike[str] | Sequence[Item] | Mapping[str, Any]) -> tuple[str, Any]:
    if not isinstance(source, (str, os.PathLike)):
        return "<items>", source
    path = Path(source)
    try:
        raw = read_regular(path)  # a FIFO or a device refused, unread; the size limit holds
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None
    try:
        return str(path), json.loads(raw)
    except (ValueError, RecursionError) as error:
        line, column = getattr(error, "lineno", None), getattr(error, "colno", None)
        message = f"not CSL-JSON: {getattr(error, 'msg', None) or error}"
        raise LoadError(
            [Problem(file=str(path), line=line, column=column, path="", message=message, code="S001")]
        ) from None


def _items(data: Any, name: str) -> list[Any]:
    """A list of items, or an object of items by id (Juris-M's item data is kept so)."""
    if isinstance(data, Mapping):
        if "type" in data and "id" in data:
            return [data]
        return list(data.values())
    if isinstance(data, list):
        return data
    raise LoadError([_problem(name, "$", "not CSL-JSON: a list of items is expected")])


def _problem(name: str, where: str, message: str) -> Problem:
    return Problem(file=name, line=None, column=None, path=where, message=message, code="S001")

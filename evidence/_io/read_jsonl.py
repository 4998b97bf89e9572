"""JSON Lines record files: a header line with the format version, then one record a line.

One header reader serves every way in (a whole file loaded, a file streamed in batches); the
record lines go through the fast path when it can read them, else line by line with every
problem named at its line.
"""

from __future__ import annotations

import difflib
import io
from collections.abc import Iterator
from typing import Any

from evidence._errors import LoadError, Problem
from evidence._io.content import FileContent, Format, Origin, make_origin
from evidence._io.convert import StructureProblems, describe, structure
from evidence._io.fastpath import decode_json_lines
from evidence._io.read_json import parse_json
from evidence._io.reading import (
    check_version,
    decode_lines,
    decode_text,
    document_problems,
    file_problem,
    too_many,
)
from evidence._io.versions import FORMAT_VERSION, READ_VERSIONS, fill_v1_record, v1_decisions
from evidence._model import KIND_BY_NAME, Record

EMPTY_JSONL = f'empty record file: the first line is the format version, {{"evidence": {FORMAT_VERSION}}}'
# Headers as written, read without parsing: the version of each.
_HEADERS = {form % version: version for version in READ_VERSIONS for form in (b'{"evidence":%d}', b'{"evidence": %d}')}


def read_header(lines: Iterator[bytes], file: str, problems: list[Problem]) -> tuple[int, int] | None:
    """Read lines up to the header (the first that is not blank) and check it; its line number
    and the format version, or None for a file of blank lines. Problems with the header are
    added to `problems` (the version is then the current one)."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        version = _HEADERS.get(line.rstrip(b"\r\n "))
        return number, _check_header(line, file, number, problems) if version is None else version
    problems.append(file_problem(file, EMPTY_JSONL, 1, 1))
    return None


def _check_header(raw: bytes, file: str, number: int, problems: list[Problem]) -> int:
    try:
        data, locate = parse_json(decode_lines(raw, file, number), file, base_line=number - 1)
        version = check_version(data, file, locate)
    except LoadError as error:
        problems.extend(error.problems)
        return FORMAT_VERSION
    if len(data) > 1:
        message = f'the first line holds only the format version, e.g. {{"evidence": {FORMAT_VERSION}}}'
        problems.append(file_problem(file, message, number, 1, code="S008", path="$"))
    return version


def read_jsonl(raw: bytes, file: str) -> FileContent:
    """The records of a whole JSON Lines file; a `LoadError` lists every problem."""
    problems: list[Problem] = []
    stream = io.BytesIO(raw)
    found = read_header(stream, file, problems)
    if found is None:
        raise LoadError(problems)
    header, version = found
    if not problems:
        body = raw[stream.tell() :]
        records = decode_json_lines(body, version)  # the fast path; None leaves the lines to the full one
        if records is not None:
            numbers = range(header + 1, header + 1 + len(records))
            fast_origins = tuple(make_origin((file, (), number, 1)) for number in numbers)
            return FileContent(file=file, format=Format.JSONL, records=tuple(records), origins=fast_origins)
    text = decode_text(raw, file)  # invalid UTF-8 anywhere is the one problem named
    records, origins = jsonl_lines(text.split("\n")[header:], file, header + 1, version, problems)
    if problems:
        raise LoadError(problems)
    return FileContent(file=file, format=Format.JSONL, records=tuple(records), origins=tuple(origins))


def jsonl_batch(
    raw: bytes, file: str, first: int, version: int, problems: list[Problem]
) -> tuple[list[Record], list[Origin]]:
    """The records of a run of JSON Lines record lines of a file of `version` given as bytes,
    numbered from `first`: the fast path when it can read them, else line by line with every
    problem added."""
    records = decode_json_lines(raw, version)
    if records is not None:
        return records, [make_origin((file, (), number, 1)) for number in range(first, first + len(records))]
    try:
        text = decode_lines(raw, file, first)
    except LoadError as error:
        problems += error.problems
        return [], []
    return jsonl_lines(text.split("\n"), file, first, version, problems)


RUN_LINES = 1_000  # lines the fast path tries at once when a larger run of lines failed it


def jsonl_lines(
    lines: list[str], file: str, first: int, version: int, problems: list[Problem]
) -> tuple[list[Record], list[Origin]]:
    """The records of JSON Lines record lines of a file of `version` (numbered from `first`);
    problems are added. The fast path reads each run of `RUN_LINES` lines it can, so one bad
    line in a million sends a thousand lines, not the million, down the slow path; reading
    stops after `max_problems` problems."""
    records: list[Record] = []
    origins: list[Origin] = []
    for start in range(0, len(lines), RUN_LINES):
        run = lines[start : start + RUN_LINES]
        fast = decode_json_lines("\n".join(run).encode("utf-8"), version) if len(lines) > RUN_LINES else None
        if fast is not None and len(fast) == len(run):  # one record a line: no blank line to skip
            records += fast
            origins += (make_origin((file, (), number, 1)) for number in range(first + start, first + start + len(run)))
            continue
        if _slow_lines(run, file, first + start, version, problems, records, origins):
            break
    return records, origins


def _slow_lines(
    lines: list[str],
    file: str,
    first: int,
    version: int,
    problems: list[Problem],
    records: list[Record],
    origins: list[Origin],
) -> bool:
    """Lines read one by one with every problem named; True when there were too many to go on."""
    for number, line in enumerate(lines, start=first):
        if too_many(problems, file):
            return True
        if not line.strip():
            continue
        try:
            data, locate = parse_json(line, file, base_line=number - 1)
        except LoadError as error:
            problems.extend(error.problems)
            continue
        moved = v1_decisions(data) if version == 1 and isinstance(data, dict) and data.get("type") == "case" else []
        for item in (data, *({"type": "decision", **d} if isinstance(d, dict) else d for d in moved)):
            record = _jsonl_record(item, file, number, locate, version, problems)
            if record is not None:
                records.append(record)
                origins.append(Origin(file, (), number, 1))
    return too_many(problems, file)


def _jsonl_record(
    data: Any, file: str, number: int, locate: Any, version: int, problems: list[Problem]
) -> Record | None:
    if not isinstance(data, dict):
        message = f"expected a record (a mapping with a 'type'), found {describe(data)}"
        problems.append(file_problem(file, message, number, 1, code="S003", path="$"))
        return None
    kind = data.get("type")
    cls = KIND_BY_NAME.get(kind) if isinstance(kind, str) else None
    if cls is None:
        line, column = locate(("type",), False) if "type" in data else locate((), False)
        if "type" not in data:
            message = f'missing record type: add "type" ({", ".join(KIND_BY_NAME)})'
        else:
            close = difflib.get_close_matches(str(kind), list(KIND_BY_NAME), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (expected one of {', '.join(KIND_BY_NAME)})"
            message = f"unknown record type {kind!r}{hint}"
        path = "$.type" if "type" in data else "$"
        problems.append(file_problem(file, message, line, column, code="S002", path=path))
        return None
    body = {key: value for key, value in data.items() if key != "type"}
    if version == 1:
        fill_v1_record(body, cls)
    try:
        return structure(body, cls)
    except StructureProblems as error:
        problems.extend(document_problems(error, file, locate))
        return None

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
from evidence._io.document import FORMAT_VERSION
from evidence._io.fastpath import decode_json_lines
from evidence._io.read_json import parse_json
from evidence._io.reading import check_version, decode_lines, decode_text, document_problems, file_problem
from evidence._model import KIND_BY_NAME, Record

EMPTY_JSONL = f'empty record file: the first line is the format version, {{"evidence": {FORMAT_VERSION}}}'
_HEADERS = (b'{"evidence":1}', b'{"evidence": 1}')  # as written: read without parsing


def read_header(lines: Iterator[bytes], file: str, problems: list[Problem]) -> int | None:
    """Read lines up to the header (the first that is not blank) and check it; its line number,
    or None for a file of blank lines. Problems with the header are added to `problems`."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if line.rstrip(b"\r\n ") not in _HEADERS:
            _check_header(line, file, number, problems)
        return number
    problems.append(file_problem(file, EMPTY_JSONL, 1, 1))
    return None


def _check_header(raw: bytes, file: str, number: int, problems: list[Problem]) -> None:
    try:
        data, locate = parse_json(decode_lines(raw, file, number), file, base_line=number - 1)
        check_version(data, file, locate)
    except LoadError as error:
        problems.extend(error.problems)
        return
    if len(data) > 1:
        message = f'the first line holds only the format version, e.g. {{"evidence": {FORMAT_VERSION}}}'
        problems.append(file_problem(file, message, number, 1, code="S008", path="$"))


def read_jsonl(raw: bytes, file: str) -> FileContent:
    """The records of a whole JSON Lines file; a `LoadError` lists every problem."""
    problems: list[Problem] = []
    stream = io.BytesIO(raw)
    header = read_header(stream, file, problems)
    if header is None:
        raise LoadError(problems)
    if not problems:
        body = raw[stream.tell() :]
        records = decode_json_lines(body)  # the fast path; None leaves the lines to the full one
        if records is not None:
            numbers = range(header + 1, header + 1 + len(records))
            fast_origins = tuple(make_origin((file, (), number, 1)) for number in numbers)
            return FileContent(file=file, format=Format.JSONL, records=tuple(records), origins=fast_origins)
    text = decode_text(raw, file)  # invalid UTF-8 anywhere is the one problem named
    records, origins = jsonl_lines(text.split("\n")[header:], file, header + 1, problems)
    if problems:
        raise LoadError(problems)
    return FileContent(file=file, format=Format.JSONL, records=tuple(records), origins=tuple(origins))


def jsonl_batch(raw: bytes, file: str, first: int, problems: list[Problem]) -> tuple[list[Record], list[Origin]]:
    """The records of a run of JSON Lines record lines given as bytes, numbered from `first`:
    the fast path when it can read them, else line by line with every problem added."""
    records = decode_json_lines(raw)
    if records is not None:
        return records, [make_origin((file, (), number, 1)) for number in range(first, first + len(records))]
    try:
        text = decode_lines(raw, file, first)
    except LoadError as error:
        problems += error.problems
        return [], []
    return jsonl_lines(text.split("\n"), file, first, problems)


def jsonl_lines(lines: list[str], file: str, first: int, problems: list[Problem]) -> tuple[list[Record], list[Origin]]:
    """The records of JSON Lines record lines (numbered from `first`); problems are added."""
    records: list[Record] = []
    origins: list[Origin] = []
    for number, line in enumerate(lines, start=first):
        if not line.strip():
            continue
        try:
            data, locate = parse_json(line, file, base_line=number - 1)
        except LoadError as error:
            problems.extend(error.problems)
            continue
        record = _jsonl_record(data, file, number, locate, problems)
        if record is not None:
            records.append(record)
            origins.append(Origin(file, (), number, 1))
    return records, origins


def _jsonl_record(data: Any, file: str, number: int, locate: Any, problems: list[Problem]) -> Record | None:
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
    try:
        return structure(body, cls)
    except StructureProblems as error:
        problems.extend(document_problems(error, file, locate))
        return None

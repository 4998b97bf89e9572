"""Record files on disk: which format a file is, reading it whole or in batches, and finding
the line and column of a record (or of any path inside one) afterwards."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, overload

import yaml

from evidence._errors import LoadError, Problem
from evidence._io.content import RECORD_SUFFIXES, FileContent, Format, JsonPath, Origin, make_origin
from evidence._io.convert import StructureProblems, structure
from evidence._io.document import Document
from evidence._io.fastpath import decode_json
from evidence._io.read_json import JsonPositions, json_index_at, parse_json
from evidence._io.read_jsonl import jsonl_batch, read_header, read_jsonl
from evidence._io.read_yaml import parse_yaml, yaml_positions
from evidence._io.reading import (
    check_version,
    decode_text,
    document_problems,
    file_problem,
    in_file_order,
    line_column,
    too_many,
)
from evidence._io.versions import fill_v1_document
from evidence._limits import limits
from evidence._model import KIND_BY_NAME, Record


class _PathOrigins(Sequence[Origin]):
    """The origins of a JSON file's records, made when asked for: `(kind, index)` paths, no lines."""

    def __init__(self, file: str, counts: list[tuple[str, int]]) -> None:
        self._file = file
        self._paths = [(plural, index) for plural, count in counts for index in range(count)]

    def __len__(self) -> int:
        return len(self._paths)

    @overload
    def __getitem__(self, index: int) -> Origin: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Origin]: ...
    def __getitem__(self, index: int | slice) -> Origin | Sequence[Origin]:
        if isinstance(index, slice):
            return [make_origin((self._file, path, None, None)) for path in self._paths[index]]
        return make_origin((self._file, self._paths[index], None, None))


def _origins(document: Document, file: str, locate: Any) -> Sequence[Origin]:
    counts = [(cls.PLURAL, len(getattr(document, cls.PLURAL))) for cls in KIND_BY_NAME.values()]
    if locate is None:  # JSON: lines are found on demand
        return _PathOrigins(file, counts)
    origins = []
    for plural, count in counts:
        for index in range(count):
            path = (plural, index)
            line, column = locate(path, False)
            origins.append(Origin(file, path, line, column))
    return tuple(origins)


def read_file(path: Path, display: str | None = None) -> FileContent:
    """Read one record file; a `LoadError` lists every problem found in it."""
    file = display or str(path)
    fmt = Format.of(path)
    if fmt is None:
        raise LoadError([file_problem(file, f"not a record file: expected one of {', '.join(RECORD_SUFFIXES)}")])
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            message = (
                f"the file is {size / 2**20:,.1f} MiB, more than the limit of {limits.max_file_bytes / 2**20:,.0f} MiB "
                "(raise it with --max-file-mb)"
            )
            raise LoadError([file_problem(file, message)])
        raw = path.read_bytes()
    except IsADirectoryError:
        raise LoadError([file_problem(file, "is a directory, not a record file")]) from None
    except OSError as error:
        raise LoadError([file_problem(file, f"cannot read: {error.strerror or error}")]) from None
    return parse_bytes(raw, file, fmt)


def parse_bytes(raw: bytes, file: str, fmt: Format) -> FileContent:
    """The records of a record file's bytes; `file` is the name problems are reported under."""
    if fmt is Format.JSON:
        document = decode_json(raw)  # the fast path; None leaves the file to the full one
        if document is not None:
            origins = _origins(document, file, None)
            return FileContent(file=file, format=fmt, records=document.records(), origins=origins)
    if fmt is Format.JSONL:
        return read_jsonl(raw, file)
    text = decode_text(raw, file)
    if fmt is Format.YAML:
        data, locate = parse_yaml(text, file)
    else:
        data, locate = parse_json(text, file)
    if check_version(data, file, locate) == 1:
        fill_v1_document(data)
    try:
        document = structure(data, Document)
    except StructureProblems as error:
        raise LoadError(in_file_order(document_problems(error, file, locate))) from None
    # Lines of YAML records are cheap to find from the nodes; JSON ones are found on demand.
    origins = _origins(document, file, locate if fmt is Format.YAML else None)
    return FileContent(file=file, format=fmt, records=document.records(), origins=origins)


def locate(origin: Origin) -> tuple[int | None, int | None]:
    """Line and column of a record read from a JSON file (YAML and JSON Lines know theirs)."""
    if origin.line is not None:
        return origin.line, origin.column
    try:
        text = Path(origin.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None, None
    return JsonPositions(text)(origin.path, False)


class Locator:
    """Line and column of any JSON path inside the records of a set, each file parsed once.

    For JSON Lines only the lines asked for beforehand (`want`) are kept, so locating findings
    in a file of millions of lines does not hold the file."""

    def __init__(self) -> None:
        self._files: dict[str, Any] = {}
        self._wanted: dict[str, set[int]] = {}

    def want(self, origin: Origin) -> None:
        if origin.line is not None and Format.of(Path(origin.file)) is Format.JSONL:
            self._wanted.setdefault(origin.file, set()).add(origin.line)

    def __call__(self, origin: Origin, inner: JsonPath = ()) -> tuple[int | None, int | None]:
        if not inner and origin.line is not None:  # YAML and JSON Lines records know their place
            return origin.line, origin.column
        try:
            if Format.of(Path(origin.file)) is Format.JSONL:
                line = self._line(origin.file, origin.line) if origin.line is not None else None
                if line is None:
                    return origin.line, origin.column
                _, column = line_column(line, json_index_at(line, inner, key=False))
                return origin.line, column
            return self._locate(origin.file)((*origin.path, *inner), False)  # type: ignore[no-any-return]
        except (OSError, UnicodeDecodeError, LoadError, yaml.YAMLError):
            return origin.line, origin.column

    def _line(self, file: str, number: int) -> str | None:
        if file not in self._files:
            wanted = self._wanted.get(file)
            lines: dict[int, str] = {}
            with open(file, "rb") as stream:
                for count, raw in enumerate(stream, start=1):
                    if wanted is None or count in wanted:
                        lines[count] = raw.decode("utf-8").rstrip("\r\n")
            self._files[file] = lines
        return self._files[file].get(number)  # type: ignore[no-any-return]

    def _locate(self, file: str) -> Any:
        if file not in self._files:
            text = Path(file).read_text(encoding="utf-8")
            if Format.of(Path(file)) is Format.YAML:
                self._files[file] = yaml_positions(text)
            else:  # positions only: the file was parsed when it was loaded
                self._files[file] = JsonPositions(text)
        return self._files[file]


BATCH_LINES = 20_000  # records held at once per shard: a few tens of megabytes


def read_batches(path: Path, display: str, problems: list[Problem]) -> Iterator[tuple[list[Record], list[Origin]]]:
    """The records of one record file, a batch at a time (JSON Lines in runs of `BATCH_LINES`
    lines, other formats whole); load problems are added to `problems`."""
    if Format.of(path) is not Format.JSONL:
        try:
            content = read_file(path, display)
        except LoadError as error:
            problems.extend(error.problems)
            return
        yield list(content.records), list(content.origins)
        return
    with path.open("rb") as stream:
        found = read_header(stream, display, problems)
        if found is None:
            return
        header, version = found
        first = header + 1
        lines: list[bytes] = []
        for line in stream:
            lines.append(line)
            if len(lines) == BATCH_LINES:
                if _stops(problems, display):
                    return
                yield jsonl_batch(b"".join(lines), display, first, version, problems)
                first += len(lines)
                lines = []
        if lines and not _stops(problems, display):
            yield jsonl_batch(b"".join(lines), display, first, version, problems)
        _stops(problems, display)


def _stops(problems: list[Problem], file: str) -> bool:
    """True when reading a JSON Lines file in batches stops, as loading it whole does, after
    `max_problems` problems."""
    return too_many(problems, file)

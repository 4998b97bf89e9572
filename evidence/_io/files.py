"""Record files on disk: which format a file is, reading it whole or in batches, and finding
the line and column of a record (or of any path inside one) afterwards."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any, overload

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


# -- files opened as what they are ---------------------------------------------------------------


class NotReadable(OSError):
    """A file refused before (or while) it is read: not a regular file, or over the size limit.
    An OSError, so that every reader's handler of unreadable files reports it; `strerror` is the
    whole message ("is a named pipe (FIFO), not a regular file...")."""

    def __init__(self, message: str, filename: str) -> None:
        super().__init__(errno.EINVAL, message, filename)


def file_kind(mode: int) -> str | None:
    """What a file that is not a regular file is, said for a person; None for a regular file."""
    for test, name in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) else "not a regular file"


def _refuse_special(mode: int, file: str) -> None:
    what = file_kind(mode)
    if what is not None:
        raise NotReadable(f"is {what}, not a regular file; only regular files are read", file)


def _too_large(size: int, limit: int, file: str) -> NotReadable:
    size_text, limit_text = f"{size / 2**20:,.1f} MiB", f"{limit / 2**20:,.0f} MiB"
    message = f"the file is {size_text}, more than the limit of {limit_text} (raise it with --max-file-mb)"
    return NotReadable(message, file)


def open_regular(path: Path, display: str | None = None) -> IO[bytes]:
    """`path` opened for reading when it is a regular file (a link followed to one); a
    `NotReadable` for a folder, a FIFO, a device or a socket, found without blocking: the file is
    looked at before it is opened, opened without waiting (a FIFO would wait for a writer), and
    looked at again once open (it may have been swapped in between)."""
    file = display or str(path)
    _refuse_special(os.stat(path).st_mode, file)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(path, flags)
    try:
        _refuse_special(os.fstat(descriptor).st_mode, file)
        os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read_regular(path: Path, display: str | None = None, *, limit: int | None = None) -> bytes:
    """The bytes of a regular file, at most `limit` of them (default: the file-size limit); a
    `NotReadable` for anything else (see `open_regular`) and for a file over the limit, which is
    never read past the limit, whatever its size said."""
    file = display or str(path)
    limit = limits.max_file_bytes if limit is None else limit
    with open_regular(path, file) as stream:
        size = os.fstat(stream.fileno()).st_size
        if size > limit:
            raise _too_large(size, limit, file)
        raw = stream.read(limit + 1)
    if len(raw) > limit:  # grew since, or a file system that does not know its sizes
        raise _too_large(len(raw), limit, file)
    return raw


def loop_of_links(error: BaseException) -> bool:
    """Whether an error of opening or resolving a path says its links go round in a loop."""
    return isinstance(error, RuntimeError) or (isinstance(error, OSError) and error.errno == errno.ELOOP)


def walk_record_files(folder: Path) -> tuple[list[Path], list[Problem]]:
    """Record files under a folder, sorted, skipping hidden files and folders; and the problems
    of the walk: a folder that cannot be listed, a record file that is a symbolic link leading
    out of `folder` (not read) or round in a loop. Walked with a list, not by recursion, so any
    depth of folders is walked."""
    root = folder.resolve()
    found: list[Path] = []
    real: dict[Path, Path] = {}  # each file's path with no link in it
    problems: list[Problem] = []
    stack = [folder]
    while stack:
        here = stack.pop()
        try:
            with os.scandir(here) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            problems.append(file_problem(str(here), f"this folder cannot be listed: {error.strerror or error}"))
            continue
        folders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = here / entry.name
            try:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(path)
                    continue
                is_link = entry.is_symlink()
            except OSError as error:
                problems.append(file_problem(str(path), f"cannot be looked at: {error.strerror or error}"))
                continue
            if not entry.name.lower().endswith(RECORD_SUFFIXES):
                continue
            if is_link:
                try:
                    target = path.resolve(strict=True)
                except (OSError, RuntimeError) as error:
                    if loop_of_links(error):
                        problems.append(file_problem(str(path), "is a loop of symbolic links; it is not read"))
                        continue
                    target = None  # a dangling link: reading it says the file does not exist
                if target is not None and not target.is_relative_to(root):
                    message = "is a symbolic link leading outside the record set's folder; it is not read"
                    problems.append(file_problem(str(path), message))
                    continue
                real[path] = target if target is not None else path
            else:
                real[path] = root / path.relative_to(folder)
            found.append(path)
        stack.extend(reversed(folders))  # the first folder is walked next, as a walk from the top goes
    # Each file once, under the first of its names: a link to another record file of the set
    # would read its records twice (and report each as a duplicate of itself). Folders are not
    # followed through links, so only a file's own link gives it a second name.
    seen: set[Path] = set()
    once = []
    for path in found:
        if real[path] not in seen:
            seen.add(real[path])
            once.append(path)
    return once, problems


def read_file(path: Path, display: str | None = None) -> FileContent:
    """Read one record file; a `LoadError` lists every problem found in it."""
    file = display or str(path)
    fmt = Format.of(path)
    if fmt is None:
        raise LoadError([file_problem(file, f"not a record file: expected one of {', '.join(RECORD_SUFFIXES)}")])
    try:
        raw = read_regular(path, file)
    except OSError as error:
        raise LoadError([unreadable(file, error)]) from None
    return parse_bytes(raw, file, fmt)


def unreadable(file: str, error: OSError) -> Problem:
    """The problem of a file that could not be opened or read, said for a person."""
    if isinstance(error, NotReadable):
        return file_problem(file, str(error.strerror))
    if loop_of_links(error):
        return file_problem(file, "is a loop of symbolic links")
    return file_problem(file, f"cannot read: {error.strerror or error}")


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
        text = read_regular(Path(origin.file)).decode("utf-8")
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
            with open_regular(Path(file)) as stream:
                for count, raw in enumerate(stream, start=1):
                    if wanted is None or count in wanted:
                        lines[count] = raw.decode("utf-8").rstrip("\r\n")
            self._files[file] = lines
        return self._files[file].get(number)  # type: ignore[no-any-return]

    def _locate(self, file: str) -> Any:
        if file not in self._files:
            text = read_regular(Path(file)).decode("utf-8")
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
    # A stream is read in batches, so the size limit does not bound it; what it is, is checked.
    try:
        opened = open_regular(path, display)
    except OSError as error:
        problems.append(unreadable(display, error))
        return
    with opened as stream:
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

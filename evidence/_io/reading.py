"""What every reader shares: bytes to text, the format version, and problems with positions."""

from __future__ import annotations

from typing import Any, cast

import attrs

from evidence._errors import LoadError, Problem
from evidence._io.content import JsonPath
from evidence._io.convert import StructureProblems, describe, path_text
from evidence._io.versions import FORMAT_VERSION, is_version, versions_text
from evidence._limits import limits
from evidence._model import MAX_NUMBER


def file_problem(
    file: str, message: str, line: int | None = None, column: int | None = None, *, code: str = "S001", path: str = ""
) -> Problem:
    """A problem with a file as a whole, or at a place in its text (unreadable, too large...)."""
    return Problem(code=code, file=file, line=line, column=column, path=path, message=message)


def stopped_problem(file: str) -> Problem:
    """The last problem of a file that has more than `max_problems`: reading it stopped there,
    so a file of a million broken records costs no more than one of a thousand."""
    message = (
        f"more than {limits.max_problems:,} problems: reading the file stopped there "
        "(raise the limit with --max-problems)"
    )
    return file_problem(file, message)


def too_many(problems: list[Problem], file: str) -> bool:
    """True once `problems` holds `max_problems` of them, the note that reading stopped added."""
    if len(problems) < limits.max_problems:
        return False
    if not problems or problems[-1].message != stopped_problem(file).message:
        del problems[limits.max_problems :]
        problems.append(stopped_problem(file))
    return True


def out_of_memory(file: str, size: int) -> LoadError:
    """A file whose values do not fit in the memory there is: named, rather than a MemoryError."""
    message = f"not enough memory to read the file's {size:,} characters as values (split it into several files)"
    return LoadError([file_problem(file, message)])


def in_file_order(problems: list[Problem]) -> list[Problem]:
    """Problems sorted by line and column, the note that reading stopped kept last."""
    stopped = [p for p in problems[-1:] if p.message == stopped_problem(p.file or "").message]
    kept = problems[: len(problems) - len(stopped)]
    return sorted(kept, key=lambda p: (p.line or 0, p.column or 0)) + stopped


def line_column(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def whole_number(text: str) -> int:
    # Python refuses to convert more than 4,300 digits; no record field holds more than 16.
    if len(text.lstrip("+-")) > 30:
        raise ValueError(f"a number of {len(text.lstrip('+-'))} digits is too large (the largest is {MAX_NUMBER})")
    return int(text)


_UNDECODABLE = ("the file starts with a byte-order mark", "invalid UTF-8 (byte ")


def undecodable(problem: Problem) -> bool:
    """A problem of the bytes themselves (`decode_text`'s): loading names only the first."""
    return problem.message.startswith(_UNDECODABLE)


def decode_text(raw: bytes, file: str) -> str:
    """The text of a record file; a `LoadError` names a byte-order mark or invalid UTF-8."""
    if raw.startswith(b"\xef\xbb\xbf"):
        message = "the file starts with a byte-order mark; save it as UTF-8 without one"
        raise LoadError([file_problem(file, message, 1, 1)])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = line_column(raw[: error.start].decode("utf-8", "replace"), error.start)
        message = f"invalid UTF-8 (byte 0x{raw[error.start]:02x}); record files are UTF-8 text"
        raise LoadError([file_problem(file, message, line, column)]) from None


def decode_lines(raw: bytes, file: str, first: int) -> str:
    """Lines of a file (numbered from `first`) as text; a `LoadError` names invalid UTF-8 (or a
    byte-order mark) with its line in the file."""
    try:
        return decode_text(raw, file)
    except LoadError as error:
        shifted = [attrs.evolve(p, line=p.line + first - 1 if p.line else None) for p in error.problems]
        raise LoadError(shifted) from None


def check_version(data: Any, file: str, locate: Any) -> int:
    """The format version of a record file's data; a `LoadError` unless the data is a mapping
    that starts a record file of a version this library reads."""
    if not isinstance(data, dict):
        line, column = locate((), False)
        found = "an empty file" if data is None else describe(data)
        message = f"expected a record file (a mapping starting 'evidence: {FORMAT_VERSION}'), found {found}"
        raise LoadError([file_problem(file, message, line, column, path="$")])
    version = data.get("evidence")
    if is_version(version):
        return cast(int, version)
    if "evidence" not in data:
        line, column = locate((), False)
        message = f"missing format version: a record file starts with 'evidence: {FORMAT_VERSION}'"
    else:
        line, column = locate(("evidence",), False)
        message = f"unsupported format version {version!r}: this version of the library reads formats {versions_text()}"
    path = "$.evidence" if "evidence" in data else "$"
    raise LoadError([file_problem(file, message, line, column, code="S008", path=path)])


def document_problems(error: StructureProblems, file: str, locate: Any, base: JsonPath = ()) -> list[Problem]:
    """The converter's problems, each located in the file's text."""
    problems: list[Problem] = []
    for path, message, code in error.problems:
        if too_many(problems, file):
            break
        # An unknown key is reported on its record and located at the key itself.
        is_key = code == "S002"
        shown = path[:-1] if is_key else path
        line, column = locate((*base, *path), is_key)
        problems.append(Problem(code=code, file=file, line=line, column=column, path=path_text(shown), message=message))
    return problems

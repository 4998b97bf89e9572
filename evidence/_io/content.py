"""What reading a record file gives: its format, its records, and where each one stands."""

from __future__ import annotations

import enum
import functools
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import attrs

from evidence._model import Record

JsonPath = tuple[str | int, ...]


class Format(enum.Enum):
    YAML = "yaml"
    JSON = "json"
    JSONL = "jsonl"

    @classmethod
    def of(cls, path: Path) -> Format | None:
        return _SUFFIXES.get(path.suffix.lower())


_SUFFIXES = {".yaml": Format.YAML, ".yml": Format.YAML, ".json": Format.JSON, ".jsonl": Format.JSONL}
RECORD_SUFFIXES = tuple(_SUFFIXES)


class Origin(NamedTuple):
    """Where a record was read from: its file, its JSON path, and its line when known.

    (A named tuple, not an attrs class: a large file has hundreds of thousands of them.)
    """

    file: str
    path: JsonPath
    line: int | None = None
    column: int | None = None


@attrs.frozen(kw_only=True)
class FileContent:
    """The records of one file, in file order, with where each one stands."""

    file: str
    format: Format
    records: tuple[Record, ...]
    origins: Sequence[Origin]


make_origin = functools.partial(tuple.__new__, Origin)  # Origin(...) without its keyword handling

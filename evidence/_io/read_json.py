"""JSON record files read with positions: duplicate keys, NaN and over-long numbers refused, and
the line and column of any JSON path found in the text when a problem needs one."""

from __future__ import annotations

import bisect
import json
import re
from array import array
from typing import Any

from evidence._errors import LoadError
from evidence._io.content import JsonPath
from evidence._io.reading import file_problem, line_column, out_of_memory, whole_number

_WS = re.compile(r"[ \t\n\r]*")
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_JSON_SCALAR = re.compile(r"[^,\]\}\s]*")
# What matters when skipping a container: a string (which may hold brackets) or a bracket.
_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[{}\[\]]', re.DOTALL)


def _skip_json(text: str, i: int) -> int:
    """Index just after the JSON value starting at i."""
    if text.startswith('"', i):
        match = _JSON_STRING.match(text, i)
        return match.end() if match else len(text)
    if text[i : i + 1] in ("{", "["):
        depth = 0
        # Strings and numbers are skipped by the regular expression, in C; only brackets and
        # strings come back to Python.
        for token in _JSON_TOKEN.finditer(text, i):
            char = token.group()[0]
            if char in "{[":
                depth += 1
            elif char in "}]":
                depth -= 1
                if depth == 0:
                    return token.end()
        return len(text)
    match = _JSON_SCALAR.match(text, i)
    return match.end() if match else i + 1


class _Container:
    """The children of one JSON object or array: where each key and value starts, and where the
    container's closing bracket is."""

    __slots__ = ("end", "items", "keys")

    def __init__(self, text: str, i: int) -> None:
        self.items: list[int] = []  # value starts, in order
        self.keys: dict[str, tuple[int, int]] = {}  # name -> (key start, value start), first one kept
        is_object = text.startswith("{", i)
        i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
        while i < len(text) and text[i] not in "}]":
            if is_object:
                match = _JSON_STRING.match(text, i)
                if not match:
                    break
                key_at = i
                i = _WS.match(text, match.end()).end()  # type: ignore[union-attr]
                i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]  # past ':'
                name = match.group()
                self.keys.setdefault(json.loads(name) if "\\" in name else name[1:-1], (key_at, i))
            else:
                self.items.append(i)
            i = _WS.match(text, _skip_json(text, i)).end()  # type: ignore[union-attr]
            if text.startswith(",", i):
                i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
        self.end = i


class JsonPositions:
    """Where JSON paths are in one JSON text, for many paths at once.

    Each object or array on the way to a path asked for is scanned once, and where its children
    start is kept, so a thousand findings in a large file cost one pass over the file (and one
    pass over each record with a finding), not a pass per finding. Lines are found by bisecting
    the offsets of the line breaks, listed once."""

    def __init__(self, text: str, start: int = 0) -> None:
        self._text = text
        self._start = start
        self._containers: dict[int, _Container] = {}
        self._breaks: array[int] | None = None

    def index(self, path: JsonPath, *, key: bool) -> int:
        """Index of the value at a JSON path (of the key, for the last step, if `key`); where the
        path leaves the text, the index where it stops."""
        text = self._text
        i = _WS.match(text, self._start).end()  # type: ignore[union-attr]
        for depth, step in enumerate(path):
            opener = "{" if isinstance(step, str) else "["
            if not text.startswith(opener, i):
                return i
            container = self._containers.get(i)
            if container is None:
                container = self._containers[i] = _Container(text, i)
            if isinstance(step, str):
                found = container.keys.get(step)
                if found is None:
                    return container.end
                if key and depth == len(path) - 1:
                    return found[0]
                i = found[1]
            else:
                if not 0 <= step < len(container.items):
                    return container.end
                i = container.items[step]
        return i

    def line_column(self, index: int) -> tuple[int, int]:
        if self._breaks is None:
            self._breaks = array("q", (m.start() for m in re.finditer("\n", self._text)))
        before = bisect.bisect_left(self._breaks, index)  # line breaks before the index
        line_start = self._breaks[before - 1] + 1 if before else 0
        return before + 1, index - line_start + 1

    def __call__(self, path: JsonPath, key: bool) -> tuple[int, int]:
        return self.line_column(self.index(path, key=key))


def json_index_at(text: str, path: JsonPath, *, key: bool, start: int = 0) -> int:
    """Index of the value at a JSON path in JSON text (of the key, for the last step, if `key`)."""
    return JsonPositions(text, start).index(path, key=key)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def parse_json(text: str, file: str, *, base_line: int = 0) -> tuple[Any, Any]:
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        mapping = dict(items)
        if len(mapping) != len(items):  # the standard parser would keep the last silently
            seen: set[str] = set()
            duplicates.extend(key for key, _ in items if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        return mapping

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_constant=_refuse_constant, parse_int=whole_number)
    except json.JSONDecodeError as error:
        message = f"invalid JSON: {error.msg}"
        raise LoadError([file_problem(file, message, error.lineno + base_line, error.colno)]) from None
    except ValueError as error:  # NaN, Infinity, or a number too long to hold
        found = re.search(r"NaN|-?Infinity|[-+]?\d{31,}", text)
        line, column = line_column(text, found.start()) if found else (1, 1)
        message = f"invalid JSON: {error}"
        raise LoadError([file_problem(file, message, line + base_line, column)]) from None
    except RecursionError:
        message = "the JSON is nested too deeply to read"
        raise LoadError([file_problem(file, message, base_line + 1 if base_line else None)]) from None
    except MemoryError:
        raise out_of_memory(file, len(text)) from None
    if duplicates:
        problems = []
        for key in dict.fromkeys(duplicates):
            places = [m.start() for m in re.finditer(re.escape(json.dumps(key)) + r"\s*:", text)]
            line, column = line_column(text, places[1] if len(places) > 1 else 0)
            problems.append(file_problem(file, f"duplicate key '{key}'", line + base_line, column, code="S009"))
        raise LoadError(problems)

    positions = JsonPositions(text)

    def locate(path: JsonPath, key: bool) -> tuple[int, int]:
        line, column = positions(path, key)
        return line + base_line, column

    return data, locate

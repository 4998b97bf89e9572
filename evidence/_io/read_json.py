"""JSON record files read with positions: duplicate keys, NaN and over-long numbers refused, and
the line and column of any JSON path found in the text when a problem needs one."""

from __future__ import annotations

import json
import re
from typing import Any

from evidence._errors import LoadError
from evidence._io.content import JsonPath
from evidence._io.reading import file_problem, line_column, whole_number

_WS = re.compile(r"[ \t\n\r]*")
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_JSON_SCALAR = re.compile(r"[^,\]\}\s]*")


def _skip_json(text: str, i: int) -> int:
    """Index just after the JSON value starting at i."""
    if text.startswith('"', i):
        match = _JSON_STRING.match(text, i)
        return match.end() if match else len(text)
    if text[i : i + 1] in ("{", "["):
        depth = 0
        while i < len(text):
            char = text[i]
            if char == '"':
                match = _JSON_STRING.match(text, i)
                i = match.end() if match else len(text)
                continue
            if char in "{[":
                depth += 1
            elif char in "}]":
                depth -= 1
                if depth == 0:
                    return i + 1
            i += 1
        return i
    match = _JSON_SCALAR.match(text, i)
    return match.end() if match else i + 1


def json_index_at(text: str, path: JsonPath, *, key: bool, start: int = 0) -> int:
    """Index of the value at a JSON path in JSON text (of the key, for the last step, if `key`)."""
    i = _WS.match(text, start).end()  # type: ignore[union-attr]
    for depth, step in enumerate(path):
        last = depth == len(path) - 1
        opener = "{" if isinstance(step, str) else "["
        if not text.startswith(opener, i):
            return i
        i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
        index = 0
        found = False
        while i < len(text) and text[i] not in "}]":
            if isinstance(step, str):
                match = _JSON_STRING.match(text, i)
                if not match:
                    return i
                name = json.loads(match.group())
                key_at = i
                i = _WS.match(text, match.end()).end()  # type: ignore[union-attr]
                i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]  # past ':'
                if name == step:
                    if last and key:
                        return key_at
                    found = True
                    break
            elif index == step:
                found = True
                break
            i = _WS.match(text, _skip_json(text, i)).end()  # type: ignore[union-attr]
            if text.startswith(",", i):
                i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
            index += 1
        if not found:
            return i
    return i


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
    if duplicates:
        problems = []
        for key in dict.fromkeys(duplicates):
            places = [m.start() for m in re.finditer(re.escape(json.dumps(key)) + r"\s*:", text)]
            line, column = line_column(text, places[1] if len(places) > 1 else 0)
            problems.append(file_problem(file, f"duplicate key '{key}'", line + base_line, column, code="S009"))
        raise LoadError(problems)

    def locate(path: JsonPath, key: bool) -> tuple[int, int]:
        line, column = line_column(text, json_index_at(text, path, key=key))
        return line + base_line, column

    return data, locate

"""Record files on disk: YAML, JSON and JSON Lines, read with positions and written atomically.

Reading turns bytes into plain data (keeping enough to find the line and column of any JSON
path when a problem needs one), checks the format version, and hands the data to the converter.
Writing turns records into the canonical text of each format and replaces the file through a
temporary file and a rename, so a crash never leaves half a file.
"""

from __future__ import annotations

import contextlib
import difflib
import enum
import functools
import json
import os
import re
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple, overload

import attrs
import orjson
import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from evidence._convert import (
    FORMAT_VERSION,
    Document,
    StructureProblems,
    collector_paused,
    decode_json,
    decode_json_lines,
    describe,
    json_default,
    path_text,
    structure,
    unstructure,
)
from evidence._errors import LoadError, Problem
from evidence._limits import limits
from evidence._model import KIND_BY_NAME, MAX_NUMBER, Record

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


# -- YAML -------------------------------------------------------------------------------------

_STR, _INT, _FLOAT = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
_BOOL, _NULL = "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"
_MAP, _SEQ = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"


class _Resolver(yaml.resolver.BaseResolver):
    """YAML 1.2 core-schema scalars: dates, 'yes', 'no', 'on' and 'off' stay text."""


_BOOL_TEXT = r"true|True|TRUE|false|False|FALSE"
_INT_TEXT = r"[-+]?[0-9]+"
_FLOAT_TEXT = r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
_NULL_TEXT = r"~|null|Null|NULL|"

for _tag, _pattern, _first in (
    (_BOOL, _BOOL_TEXT, "tTfF"),
    (_INT, _INT_TEXT, "-+0123456789"),
    (_FLOAT, _FLOAT_TEXT, "-+0123456789."),
    (_NULL, _NULL_TEXT, ["~", "n", "N", ""]),
):
    _Resolver.add_implicit_resolver(_tag, re.compile(f"^(?:{_pattern})$"), list(_first))


def _whole_number(text: str) -> int:
    # Python refuses to convert more than 4,300 digits; no record field holds more than 16.
    if len(text.lstrip("+-")) > 30:
        raise ValueError(f"a number of {len(text.lstrip('+-'))} digits is too large (the largest is {MAX_NUMBER})")
    return int(text)


# What each scalar tag accepts, and how its text becomes a value.
_SCALARS: dict[str, tuple[re.Pattern[str], Any]] = {
    _BOOL: (re.compile(_BOOL_TEXT), lambda v: v.lower() == "true"),
    _INT: (re.compile(_INT_TEXT), lambda v: _whole_number(v)),
    _FLOAT: (re.compile(_FLOAT_TEXT), lambda v: float(v.lower().replace(".inf", "inf").replace(".nan", "nan"))),
    _NULL: (re.compile(_NULL_TEXT), lambda v: None),
}

_Composer: Any
try:  # libyaml parses several times faster than the pure-Python parser
    from yaml.cyaml import CParser  # type: ignore[attr-defined]

    class _CComposer(CParser, _Resolver):
        """Parses YAML into nodes (with their marks) and constructs nothing."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _Resolver.__init__(self)

    _Composer = _CComposer
except ImportError:  # pragma: no cover - PyYAML built without libyaml

    class _PyComposer(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer, _Resolver):
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            _Resolver.__init__(self)

    _Composer = _PyComposer


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _YamlBuilder:
    """Turns composed nodes into plain data, reporting duplicate keys and unsupported tags."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.built: set[int] = set()  # nodes built once: building one again expands an alias
        self.in_alias = 0
        self.alias_values = 0

    def problem(self, node: Node, path: JsonPath, message: str, code: str) -> None:
        line, column = _mark(node)
        self.problems.append(
            Problem(file=self.file, line=line, column=column, path=path_text(path), message=message, code=code)
        )

    def build(self, node: Node, path: JsonPath) -> Any:
        if len(path) > limits.max_depth:
            raise _TooLarge(node, f"the YAML is nested deeper than {limits.max_depth} levels")
        again = id(node) in self.built
        self.built.add(id(node))
        self.in_alias += again
        try:
            if self.in_alias:
                self.alias_values += 1
                if self.alias_values > limits.max_alias_values:
                    message = f"the YAML's aliases expand to more than {limits.max_alias_values:,} values"
                    raise _TooLarge(node, message)
            return self._build(node, path)
        finally:
            self.in_alias -= again

    def _build(self, node: Node, path: JsonPath) -> Any:
        if isinstance(node, ScalarNode):
            return self.scalar(node, path)
        if isinstance(node, SequenceNode):
            if node.tag != _SEQ:
                self.problem(node, path, f"unsupported YAML tag {node.tag!r}", "S003")
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        assert isinstance(node, MappingNode)
        if node.tag != _MAP:
            self.problem(node, path, f"unsupported YAML tag {node.tag!r}", "S003")
        result: dict[str, Any] = {}
        first_seen: dict[str, Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag not in (_STR, _INT, _BOOL, _NULL):
                self.problem(key_node, path, "a key must be plain text", "S003")
                continue
            if key_node.tag == "tag:yaml.org,2002:merge" or (
                key_node.value == "<<" and key_node.style not in ("'", '"')
            ):
                self.problem(key_node, path, "merge keys ('<<') are not supported; write the fields out", "S007")
                continue
            key = key_node.value
            if key in first_seen:
                line, _ = _mark(first_seen[key])
                self.problem(key_node, path, f"duplicate key '{key}' (first given on line {line})", "S009")
                continue
            first_seen[key] = key_node
            result[key] = self.build(value_node, (*path, key))
        return result

    def scalar(self, node: ScalarNode, path: JsonPath) -> Any:
        value = node.value
        if node.tag == _STR:
            return value
        rule = _SCALARS.get(node.tag)
        if rule is None:
            self.problem(node, path, f"unsupported YAML tag {node.tag!r}", "S003")
            return value
        pattern, build = rule
        if not pattern.fullmatch(value):  # only an explicit tag (`!!int abc`) gets here
            self.problem(node, path, f"{value!r} is not a valid {node.tag.rsplit(':', 1)[-1]}", "S003")
            return value
        try:
            return build(value)
        except ValueError as error:
            self.problem(node, path, str(error), "S007")
            return value


class _TooLarge(Exception):
    def __init__(self, node: Node, message: str) -> None:
        self.node = node
        self.message = message


def _compose_yaml(text: str) -> Node | None:
    composer = _Composer(text)
    try:
        node: Node | None = composer.get_single_node()
        return node
    finally:
        composer.dispose()


def _yaml_node_at(root: Node, path: JsonPath, *, key: bool) -> Node | None:
    """The node at a JSON path (the key node of the last step when `key` is true)."""
    node = root
    for depth, step in enumerate(path):
        last = depth == len(path) - 1
        if isinstance(node, MappingNode) and isinstance(step, str):
            for key_node, value_node in node.value:
                if isinstance(key_node, ScalarNode) and key_node.value == step:
                    if last and key:
                        return key_node
                    node = value_node
                    break
            else:
                return node
        elif isinstance(node, SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            return node
    return node


# -- JSON positions ---------------------------------------------------------------------------

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


def _json_index_at(text: str, path: JsonPath, *, key: bool, start: int = 0) -> int:
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


def _line_column(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


# -- reading ----------------------------------------------------------------------------------


def _decode(raw: bytes, file: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raise LoadError(
            [
                Problem(
                    code="S001",
                    file=file,
                    line=1,
                    column=1,
                    path="",
                    message="the file starts with a byte-order mark; save it as UTF-8 without one",
                )
            ]
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _line_column(raw[: error.start].decode("utf-8", "replace"), error.start)
        message = f"invalid UTF-8 (byte 0x{raw[error.start]:02x}); record files are UTF-8 text"
        raise LoadError([Problem(code="S001", file=file, line=line, column=column, path="", message=message)]) from None


def _check_version(data: Any, file: str, locate: Any) -> None:
    if not isinstance(data, dict):
        line, column = locate((), False)
        found = "an empty file" if data is None else describe(data)
        raise LoadError(
            [
                Problem(
                    code="S001",
                    file=file,
                    line=line,
                    column=column,
                    path="$",
                    message=f"expected a record file (a mapping starting 'evidence: {FORMAT_VERSION}'), found {found}",
                )
            ]
        )
    version = data.get("evidence")
    if version == FORMAT_VERSION and type(version) is int:
        return
    if "evidence" not in data:
        line, column = locate((), False)
        message = f"missing format version: a record file starts with 'evidence: {FORMAT_VERSION}'"
    else:
        line, column = locate(("evidence",), False)
        message = f"unsupported format version {version!r}: this version of the library reads format {FORMAT_VERSION}"
    raise LoadError(
        [
            Problem(
                code="S008",
                file=file,
                line=line,
                column=column,
                path="$.evidence" if "evidence" in data else "$",
                message=message,
            )
        ]
    )


def _document_problems(error: StructureProblems, file: str, locate: Any, base: JsonPath = ()) -> list[Problem]:
    problems = []
    for path, message, code in error.problems:
        # An unknown key is reported on its record and located at the key itself.
        is_key = code == "S002"
        shown = path[:-1] if is_key else path
        line, column = locate((*base, *path), is_key)
        problems.append(Problem(code=code, file=file, line=line, column=column, path=path_text(shown), message=message))
    return problems


_origin = functools.partial(tuple.__new__, Origin)  # Origin(...) without its keyword handling


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
            return [_origin((self._file, path, None, None)) for path in self._paths[index]]
        return _origin((self._file, self._paths[index], None, None))


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
        raise LoadError(
            [
                Problem(
                    code="S001",
                    file=file,
                    line=None,
                    column=None,
                    path="",
                    message=f"not a record file: expected one of {', '.join(RECORD_SUFFIXES)}",
                )
            ]
        )
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            message = (
                f"the file is {size / 2**20:,.1f} MiB, more than the limit of {limits.max_file_bytes / 2**20:,.0f} MiB "
                "(raise it with --max-file-mb)"
            )
            raise LoadError([Problem(code="S001", file=file, line=None, column=None, path="", message=message)])
        raw = path.read_bytes()
    except IsADirectoryError:
        raise LoadError(
            [
                Problem(
                    code="S001", file=file, line=None, column=None, path="", message="is a directory, not a record file"
                )
            ]
        ) from None
    except OSError as error:
        raise LoadError(
            [
                Problem(
                    code="S001",
                    file=file,
                    line=None,
                    column=None,
                    path="",
                    message=f"cannot read: {error.strerror or error}",
                )
            ]
        ) from None
    return parse_bytes(raw, file, fmt)


def parse_bytes(raw: bytes, file: str, fmt: Format) -> FileContent:
    """The records of a record file's bytes; `file` is the name problems are reported under."""
    if fmt is Format.JSON:
        document = decode_json(raw)  # the fast path; None leaves the file to the full one
        if document is not None:
            origins = _origins(document, file, None)
            return FileContent(file=file, format=fmt, records=document.records(), origins=origins)
    if fmt is Format.JSONL:
        content = _fast_jsonl(raw, file)
        if content is not None:
            return content
    text = _decode(raw, file)
    if fmt is Format.JSONL:
        return _read_jsonl(text, file)
    if fmt is Format.YAML:
        data, locate = _parse_yaml(text, file)
    else:
        data, locate = _parse_json(text, file)
    _check_version(data, file, locate)
    try:
        document = structure(data, Document)
    except StructureProblems as error:
        raise LoadError(sorted(_document_problems(error, file, locate), key=_position)) from None
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
    return _line_column(text, _json_index_at(text, origin.path, key=False))


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
        try:
            if Format.of(Path(origin.file)) is Format.JSONL:
                line = self._line(origin.file, origin.line) if origin.line is not None else None
                if line is None:
                    return origin.line, origin.column
                _, column = _line_column(line, _json_index_at(line, inner, key=False))
                return origin.line, column
            return self._locate(origin.file)((*origin.path, *inner), False)  # type: ignore[no-any-return]
        except (OSError, UnicodeDecodeError, LoadError):
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
                self._files[file] = _parse_yaml(text, file)[1]
            else:
                self._files[file] = _parse_json(text, file)[1]
        return self._files[file]


def _position(problem: Problem) -> tuple[int, int]:
    return (problem.line or 0, problem.column or 0)


def _parse_yaml(text: str, file: str) -> tuple[Any, Any]:
    try:
        root = _compose_yaml(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        message = f"invalid YAML: {error.problem or error.context}"
        if error.context and error.problem:
            message = f"invalid YAML: {error.problem} ({error.context})"
        if mark is not None and text[mark.index : mark.index + 1] == "\t":
            message = "invalid YAML: a tab where YAML needs spaces (indent with spaces only)"
        raise LoadError([Problem(code="S001", file=file, line=line, column=column, path="", message=message)]) from None
    except yaml.reader.ReaderError as error:
        line, column = _line_column(text, error.position)
        message = f"invalid YAML: the character U+{error.character:04X} is not allowed in YAML text"
        raise LoadError([Problem(code="S001", file=file, line=line, column=column, path="", message=message)]) from None
    except yaml.YAMLError as error:
        raise LoadError(
            [Problem(code="S001", file=file, line=None, column=None, path="", message=f"invalid YAML: {error}")]
        ) from None
    except RecursionError:
        raise LoadError(
            [
                Problem(
                    code="S001",
                    file=file,
                    line=None,
                    column=None,
                    path="",
                    message="the YAML is nested too deeply to read",
                )
            ]
        ) from None

    def locate(path: JsonPath, key: bool) -> tuple[int | None, int | None]:
        if root is None:
            return 1, 1
        node = _yaml_node_at(root, path, key=key)
        return _mark(node) if node is not None else (None, None)

    if root is None:
        return None, locate
    builder = _YamlBuilder(file)
    try:
        data = builder.build(root, ())
    except _TooLarge as error:
        line, column = _mark(error.node)
        raise LoadError(
            [Problem(code="S001", file=file, line=line, column=column, path="", message=error.message)]
        ) from None
    except RecursionError:
        raise LoadError(
            [
                Problem(
                    code="S001",
                    file=file,
                    line=None,
                    column=None,
                    path="",
                    message="the YAML is nested too deeply to read",
                )
            ]
        ) from None
    if builder.problems:
        raise LoadError(builder.problems)
    return data, locate


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _parse_json(text: str, file: str, *, base_line: int = 0) -> tuple[Any, Any]:
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        mapping = dict(items)
        if len(mapping) != len(items):  # the standard parser would keep the last silently
            seen: set[str] = set()
            duplicates.extend(key for key, _ in items if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        return mapping

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_constant=_refuse_constant, parse_int=_whole_number)
    except json.JSONDecodeError as error:
        raise LoadError(
            [
                Problem(
                    code="S001",
                    file=file,
                    line=error.lineno + base_line,
                    column=error.colno,
                    path="",
                    message=f"invalid JSON: {error.msg}",
                )
            ]
        ) from None
    except ValueError as error:  # NaN, Infinity, or a number too long to hold
        found = re.search(r"NaN|-?Infinity|[-+]?\d{31,}", text)
        line, column = _line_column(text, found.start()) if found else (1, 1)
        message = f"invalid JSON: {error}"
        raise LoadError(
            [Problem(code="S001", file=file, line=line + base_line, column=column, path="", message=message)]
        ) from None
    except RecursionError:
        message = "the JSON is nested too deeply to read"
        raise LoadError(
            [
                Problem(
                    code="S001",
                    file=file,
                    line=base_line + 1 if base_line else None,
                    column=None,
                    path="",
                    message=message,
                )
            ]
        ) from None
    if duplicates:
        problems = []
        for key in dict.fromkeys(duplicates):
            places = [m.start() for m in re.finditer(re.escape(json.dumps(key)) + r"\s*:", text)]
            line, column = _line_column(text, places[1] if len(places) > 1 else 0)
            problems.append(
                Problem(
                    code="S009",
                    file=file,
                    line=line + base_line,
                    column=column,
                    path="",
                    message=f"duplicate key '{key}'",
                )
            )
        raise LoadError(problems)

    def locate(path: JsonPath, key: bool) -> tuple[int, int]:
        line, column = _line_column(text, _json_index_at(text, path, key=key))
        return line + base_line, column

    return data, locate


def _read_jsonl(text: str, file: str) -> FileContent:
    problems: list[Problem] = []
    lines = text.split("\n")
    header_seen = False
    number = 0
    for number, line in enumerate(lines, start=1):
        if line.strip():
            header_seen = True
            _jsonl_header(line, file, number, problems)
            break
    if not header_seen:
        problems.append(
            Problem(
                code="S001",
                file=file,
                line=1,
                column=1,
                path="",
                message=EMPTY_JSONL,
            )
        )
    records, origins = jsonl_lines(lines[number:], file, number + 1, problems)
    if problems:
        raise LoadError(problems)
    return FileContent(file=file, format=Format.JSONL, records=tuple(records), origins=tuple(origins))


EMPTY_JSONL = f'empty record file: the first line is the format version, {{"evidence": {FORMAT_VERSION}}}'


def _jsonl_header(line: str, file: str, number: int, problems: list[Problem]) -> None:
    try:
        data, locate = _parse_json(line, file, base_line=number - 1)
        _check_version(data, file, locate)
    except LoadError as error:
        problems.extend(error.problems)
        return
    if len(data) > 1:
        problems.append(
            Problem(
                code="S008",
                file=file,
                line=number,
                column=1,
                path="$",
                message='the first line holds only the format version, e.g. {"evidence": 1}',
            )
        )


def jsonl_lines(lines: list[str], file: str, first: int, problems: list[Problem]) -> tuple[list[Record], list[Origin]]:
    """The records of JSON Lines record lines (numbered from `first`); problems are added."""
    records: list[Record] = []
    origins: list[Origin] = []
    for number, line in enumerate(lines, start=first):
        if not line.strip():
            continue
        try:
            data, locate = _parse_json(line, file, base_line=number - 1)
        except LoadError as error:
            problems.extend(error.problems)
            continue
        record = _jsonl_record(data, file, number, locate, problems)
        if record is not None:
            records.append(record)
            origins.append(Origin(file, (), number, 1))
    return records, origins


_HEADERS = (b'{"evidence":1}', b'{"evidence": 1}')


def jsonl_batch(raw: bytes, file: str, first: int, problems: list[Problem]) -> tuple[list[Record], list[Origin]]:
    """The records of a run of JSON Lines record lines given as bytes, numbered from `first`:
    the fast path when it can read them, else line by line with every problem added."""
    records = decode_json_lines(raw)
    if records is not None:
        return records, [_origin((file, (), number, 1)) for number in range(first, first + len(records))]
    try:
        text = decode_lines(raw, file, first)
    except LoadError as error:
        problems += error.problems
        return [], []
    return jsonl_lines(text.split("\n"), file, first, problems)


def decode_lines(raw: bytes, file: str, first: int) -> str:
    """Lines of a file (numbered from `first`) as text; a `LoadError` names invalid UTF-8 (or a
    byte-order mark) with its line in the file."""
    try:
        return _decode(raw, file)
    except LoadError as error:
        shifted = [attrs.evolve(p, line=p.line + first - 1 if p.line else None) for p in error.problems]
        raise LoadError(shifted) from None


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
        number = 0
        header_seen = False
        for number, line in enumerate(stream, start=1):
            if line.strip():
                header_seen = True
                try:
                    _jsonl_header(decode_lines(line, display, number), display, number, problems)
                except LoadError as error:
                    problems += error.problems
                break
        if not header_seen:
            problems.append(Problem(code="S001", file=display, line=1, column=1, path="", message=EMPTY_JSONL))
            return
        first = number + 1
        lines: list[bytes] = []
        for line in stream:
            lines.append(line)
            if len(lines) == BATCH_LINES:
                yield jsonl_batch(b"".join(lines), display, first, problems)
                first += len(lines)
                lines = []
        if lines:
            yield jsonl_batch(b"".join(lines), display, first, problems)


def _fast_jsonl(raw: bytes, file: str) -> FileContent | None:
    header, _, body = raw.partition(b"\n")
    if header.rstrip(b"\r ") not in _HEADERS:
        return None
    records = decode_json_lines(body)
    if records is None:
        return None
    origins = tuple(_origin((file, (), number, 1)) for number in range(2, len(records) + 2))
    return FileContent(file=file, format=Format.JSONL, records=tuple(records), origins=origins)


def _jsonl_record(data: Any, file: str, number: int, locate: Any, problems: list[Problem]) -> Record | None:
    if not isinstance(data, dict):
        problems.append(
            Problem(
                code="S003",
                file=file,
                line=number,
                column=1,
                path="$",
                message=f"expected a record (a mapping with a 'type'), found {describe(data)}",
            )
        )
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
        problems.append(
            Problem(
                code="S002",
                file=file,
                line=line,
                column=column,
                path="$.type" if "type" in data else "$",
                message=message,
            )
        )
        return None
    body = {key: value for key, value in data.items() if key != "type"}
    try:
        return structure(body, cls)
    except StructureProblems as error:
        problems.extend(_document_problems(error, file, locate))
        return None


# -- writing ----------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Block style, lists indented under their key, multi-line text as literal blocks."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar(_STR, value, style=style)


_Dumper.add_representer(str, _represent_str)
# Quote any text that our reader would take for a number, a boolean or null, as well as what
# YAML 1.1 readers would (the dumper's own rules), so files read the same everywhere.
for _first, _rules in list(_Resolver.yaml_implicit_resolvers.items()):
    for _tag, _regexp in _rules:
        _Dumper.add_implicit_resolver(_tag, _regexp, [_first] if _first is not None else None)


def document_data(records: Iterator[Record] | tuple[Record, ...]) -> dict[str, Any]:
    """Plain data of a record file: the format version, then the records grouped by kind."""
    groups: dict[str, list[Record]] = {}
    for record in records:
        groups.setdefault(record.PLURAL, []).append(record)
    kinds: dict[str, Any] = {plural: tuple(items) for plural, items in groups.items()}
    document = Document(evidence=FORMAT_VERSION, **kinds)
    return unstructure(document)  # type: ignore[no-any-return]


def render(records: tuple[Record, ...], fmt: Format) -> bytes:
    """The canonical bytes of a record file holding `records`."""
    with collector_paused():  # thousands of short-lived dicts: nothing for the collector to find
        return _render(records, fmt)


def _render(records: tuple[Record, ...], fmt: Format) -> bytes:
    # JSON is written by orjson straight from the records (`json_default` says what each one
    # holds), YAML from their plain data; tests/test_roundtrip.py holds the two equal.
    groups: dict[type[Record], list[Record]] = {cls: [] for cls in KIND_BY_NAME.values()}
    for record in records:
        groups[type(record)].append(record)
    if fmt is Format.JSONL:
        lines = [orjson.dumps({"evidence": FORMAT_VERSION})]
        for cls, group in groups.items():
            lines += [
                orjson.dumps({"type": cls.KIND, **json_default(record)}, default=json_default) for record in group
            ]
        return b"\n".join(lines) + b"\n"
    if fmt is Format.JSON:
        kinds = {cls.PLURAL: tuple(group) for cls, group in groups.items()}
        document = Document(evidence=FORMAT_VERSION, **kinds)  # type: ignore[arg-type]
        return orjson.dumps(document, default=json_default, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    data = document_data(tuple(records))
    text = yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=1_000_000
    )
    return text.encode("utf-8")


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` through a temporary file in the same folder and a rename."""
    folder = path.parent
    mode = None
    with contextlib.suppress(FileNotFoundError):
        mode = path.stat().st_mode & 0o777
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def yaml_has_comments(text: str) -> bool:
    """True when YAML text holds a comment (which rewriting the file would lose)."""
    end = 0
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if "#" in text[end : token.start_mark.index]:
                return True
            end = max(end, token.end_mark.index)
    except yaml.YAMLError:
        return "#" in text
    return "#" in text[end:]

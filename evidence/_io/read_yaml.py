"""YAML record files read with positions: YAML 1.2 core-schema scalars, every node's line and
column kept, duplicate keys, unsupported tags, merge keys and alias bombs refused."""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from evidence._errors import LoadError, Problem
from evidence._io.content import JsonPath
from evidence._io.convert import path_text
from evidence._io.reading import file_problem, line_column, out_of_memory, too_many, whole_number
from evidence._limits import limits

_STR, _INT, _FLOAT = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
_BOOL, _NULL = "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"
_MAP, _SEQ = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"


class Resolver(yaml.resolver.BaseResolver):
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
    Resolver.add_implicit_resolver(_tag, re.compile(f"^(?:{_pattern})$"), list(_first))


# What each scalar tag accepts, and how its text becomes a value.
_SCALARS: dict[str, tuple[re.Pattern[str], Any]] = {
    _BOOL: (re.compile(_BOOL_TEXT), lambda v: v.lower() == "true"),
    _INT: (re.compile(_INT_TEXT), lambda v: whole_number(v)),
    _FLOAT: (re.compile(_FLOAT_TEXT), lambda v: float(v.lower().replace(".inf", "inf").replace(".nan", "nan"))),
    _NULL: (re.compile(_NULL_TEXT), lambda v: None),
}

_Composer: Any
try:  # libyaml parses several times faster than the pure-Python parser
    from yaml.cyaml import CParser  # type: ignore[attr-defined]

    class _CComposer(CParser, Resolver):
        """Parses YAML into nodes (with their marks) and constructs nothing."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            Resolver.__init__(self)

    _Composer = _CComposer
except ImportError:  # pragma: no cover - PyYAML built without libyaml

    class _PyComposer(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer, Resolver):
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            Resolver.__init__(self)

    _Composer = _PyComposer


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _YamlBuilder:
    """Turns composed nodes into plain data, reporting duplicate keys and unsupported tags."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.built: set[int] = set()  # nodes built once: building one again expands an alias
        self.keys_seen: set[int] = set()  # key nodes met once: meeting one again is an alias
        self.in_alias = 0
        self.alias_values = 0

    def problem(self, node: Node, path: JsonPath, message: str, code: str) -> None:
        line, column = _mark(node)
        self.problems.append(
            Problem(file=self.file, line=line, column=column, path=path_text(path), message=message, code=code)
        )
        if too_many(self.problems, self.file):
            raise _Stopped

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
            # A key given through an alias is the anchored node itself, marked where the anchor
            # is: its value stands where the alias was written.
            alias = id(key_node) in self.keys_seen
            self.keys_seen.add(id(key_node))
            if key in first_seen:
                line, _ = _mark(first_seen[key])
                through = "given through an alias; " if alias else ""
                message = f"duplicate key '{key}' ({through}first given on line {line})"
                self.problem(value_node if alias else key_node, path, message, "S009")
                continue
            first_seen[key] = value_node if alias else key_node
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


class _Stopped(Exception):
    """More problems than `max_problems`: the file is not read further."""


class _TooLarge(Exception):
    def __init__(self, node: Node, message: str) -> None:
        self.node = node
        self.message = message


def _compose(text: str) -> Node | None:
    composer = _Composer(text)
    try:
        node: Node | None = composer.get_single_node()
        return node
    finally:
        composer.dispose()


def yaml_node_at(root: Node, path: JsonPath, *, key: bool) -> Node | None:
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


def _locator(root: Node | None) -> Any:
    def locate(path: JsonPath, key: bool) -> tuple[int | None, int | None]:
        if root is None:
            return 1, 1
        node = yaml_node_at(root, path, key=key)
        return _mark(node) if node is not None else (None, None)

    return locate


def yaml_positions(text: str) -> Any:
    """Line and column of JSON paths in YAML text read before: its nodes composed, no values
    built (a `yaml.YAMLError` if it no longer parses)."""
    return _locator(_compose(text))


def parse_yaml(text: str, file: str) -> tuple[Any, Any]:
    try:
        root = _compose(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        message = f"invalid YAML: {error.problem or error.context}"
        if error.context and error.problem:
            message = f"invalid YAML: {error.problem} ({error.context})"
        if mark is not None and text[mark.index : mark.index + 1] == "\t":
            message = "invalid YAML: a tab where YAML needs spaces (indent with spaces only)"
        raise LoadError([file_problem(file, message, line, column)]) from None
    except yaml.reader.ReaderError as error:
        line, column = line_column(text, error.position)
        message = f"invalid YAML: the character U+{error.character:04X} is not allowed in YAML text"
        raise LoadError([file_problem(file, message, line, column)]) from None
    except yaml.YAMLError as error:
        raise LoadError([file_problem(file, f"invalid YAML: {error}")]) from None
    except RecursionError:
        raise LoadError([file_problem(file, "the YAML is nested too deeply to read")]) from None
    except MemoryError:
        raise out_of_memory(file, len(text)) from None

    locate = _locator(root)
    if root is None:
        return None, locate
    builder = _YamlBuilder(file)
    try:
        data = builder.build(root, ())
    except _TooLarge as error:
        line, column = _mark(error.node)
        raise LoadError([file_problem(file, error.message, line, column)]) from None
    except _Stopped:
        raise LoadError(builder.problems) from None
    except MemoryError:
        raise out_of_memory(file, len(text)) from None
    except RecursionError:
        raise LoadError([file_problem(file, "the YAML is nested too deeply to read")]) from None
    if builder.problems:
        raise LoadError(builder.problems)
    return data, locate

"""Records → plain data: generated functions that write a class's fields in model order,
leaving out the fields at their defaults.

(cattrs' own puts fields with defaults after the required ones, which reorders files, and goes
through a hook for every value; these write plain Python for each field's type, from the field
table.) `unstructure` makes the whole tree at once; `json_default` makes one level at a time for
orjson, which asks again for what it cannot write itself. Both give the same data.
"""

from __future__ import annotations

import enum
import functools
import operator
import types
from collections.abc import Callable, Mapping
from typing import Any, get_args, get_origin

import attrs

from evidence._io.fieldtable import Field, entry
from evidence._model import Date, DateInterval, Digest

_TEXT_VALUES = (Date, DateInterval, Digest)  # written as their text


def _fields_function(cls: type, value_code: Callable[[Field, dict[str, Any]], str]) -> Callable[[Any], dict[str, Any]]:
    """Generated code making the mapping of an instance's fields that differ from their defaults,
    in model order; `value_code` gives the expression written for each field's value."""
    lines = ["def fields(obj):", "    out = {}"]
    namespace: dict[str, Any] = {}
    for index, f in enumerate(entry(cls).fields):
        value = value_code(f, namespace)
        if f.required:
            lines.append(f"    out[{f.name!r}] = {value}")
            continue
        default = namespace[f"default_{index}"] = f.default
        if default is None or isinstance(default, (bool, enum.Enum)):
            test = f"obj.{f.name} is not default_{index}"
        elif default == () or default == {}:
            test = f"obj.{f.name}"
        else:
            test = f"obj.{f.name} != default_{index}"
        lines += [f"    if {test}:", f"        out[{f.name!r}] = {value}"]
    lines.append("    return out")
    exec("\n".join(lines), namespace)
    return namespace["fields"]  # type: ignore[no-any-return]


@functools.cache
def plain_function(cls: type) -> Callable[[Any], dict[str, Any]]:
    """The function giving the plain data of an instance of `cls`, nested values included."""
    return _fields_function(cls, lambda f, namespace: _plain_code(f.type, f"obj.{f.name}", namespace))


def _plain_code(type_: Any, value: str, namespace: dict[str, Any]) -> str:
    """An expression giving the plain data of `value`, a field of type `type_` (not None)."""
    options = [o for o in get_args(type_) if o is not type(None)] if get_origin(type_) is types.UnionType else []
    if options and len(options) < len(get_args(type_)):  # optional: None stays None
        inner = _plain_code(functools.reduce(operator.or_, options), value, namespace)
        return value if inner == value else f"(None if {value} is None else {inner})"
    if type_ in (str, int, bool):
        return value
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return f"{value}._value_"
    if type_ in _TEXT_VALUES or Date in get_args(type_):
        return f"str({value})"
    if get_origin(type_) is tuple:
        inner = _plain_code(get_args(type_)[0], "item", namespace)
        return f"list({value})" if inner == "item" else f"[{inner} for item in {value}]"
    if get_origin(type_) is Mapping:
        inner = _plain_code(get_args(type_)[1], "item", namespace)
        return f"dict({value})" if inner == "item" else f"{{key: {inner} for key, item in {value}.items()}}"
    name = f"plain_{len(namespace)}"
    namespace[name] = plain_function(type_)  # nested attrs class
    return f"{name}({value})"


_SHALLOW: dict[type, Callable[[Any], Any]] = {}


def json_default(value: Any) -> Any:
    """What orjson cannot write itself: a record or value object as a mapping of its fields that
    differ from their defaults (nested values left for orjson to ask again), a date or digest as
    its text, a read-only mapping as a dict. The same data as `unstructure`, made lazily."""
    cls = type(value)
    if cls not in _SHALLOW:
        if cls in _TEXT_VALUES:
            _SHALLOW[cls] = str
        elif cls is types.MappingProxyType:
            _SHALLOW[cls] = dict
        elif attrs.has(cls):
            _SHALLOW[cls] = _fields_function(cls, _shallow_code)
        else:
            raise TypeError(f"cannot write {cls.__name__} as JSON")
    return _SHALLOW[cls](value)


def _shallow_code(f: Field, namespace: dict[str, Any]) -> str:
    code = f"obj.{f.name}"
    options = set(get_args(f.type)) - {type(None)} or {f.type}
    if len(options) == 1 and isinstance(kind := next(iter(options)), type) and issubclass(kind, enum.Enum):
        # An enum's value, read from its instance: orjson would call the slower property.
        return f"{code}._value_" if f.default is not None else f"(None if {code} is None else {code}._value_)"
    return code

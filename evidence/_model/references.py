"""The walk over references: every id a record or value object names, with where and what kind."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, get_origin

import attrs

from evidence._model.dates import Date, DateInterval
from evidence._model.values import Digest


def _reference_plan(cls: type) -> tuple[tuple[str, tuple[str, ...] | None], ...]:
    """For each field: the kinds it references, or None for a nested value object to walk."""
    plan: list[tuple[str, tuple[str, ...] | None]] = []
    for f in attrs.fields(cls):
        if f.metadata.get("ref"):
            plan.append((f.name, f.metadata["ref"]))
        elif _nested_attrs_class(f.type) is not None:
            plan.append((f.name, None))
    return tuple(plan)


def _nested_attrs_class(annotation: Any) -> type | None:
    """The value-object class inside `X`, `X | None` or `tuple[X, ...]`, if any."""
    for candidate in (annotation, *getattr(annotation, "__args__", ())):
        if isinstance(candidate, type) and attrs.has(candidate) and candidate not in (Date, DateInterval, Digest):
            return candidate
    return None


_COLLECTORS: dict[tuple[type, bool], Callable[..., None]] = {}


def _collector(cls: type, paths: bool = True) -> Callable[..., None]:
    """Generated code that appends (path, id, kinds) for every reference a value of `cls` holds
    to `out`; without `paths`, (id, kinds) alone (quicker, for checking that all resolve)."""
    if (cls, paths) in _COLLECTORS:
        return _COLLECTORS[cls, paths]
    lines = ["def collect(value, path, out):" if paths else "def collect(value, out):"]
    namespace: dict[str, Any] = {}
    for index, (name, kinds) in enumerate(_reference_plan(cls)):
        many = _is_tuple_field(cls, name)
        lines.append(f"    item = value.{name}")
        if kinds is not None:
            namespace[f"kinds_{index}"] = kinds
            one = f"((*path, {name!r}), item, kinds_{index})" if paths else f"(item, kinds_{index})"
            each = f"((*path, {name!r}, n), target, kinds_{index})" if paths else f"(target, kinds_{index})"
            if many:
                lines += ["    for n, target in enumerate(item):", f"        out.append({each})"]
            else:
                lines += ["    if item is not None:", f"        out.append({one})"]
            continue
        nested = _nested_attrs_class(attrs.fields_dict(cls)[name].type)
        namespace[f"collect_{index}"] = _collector(nested, paths)  # type: ignore[arg-type]
        if many:
            call = f"collect_{index}(nested, (*path, {name!r}, n), out)" if paths else f"collect_{index}(nested, out)"
            lines += ["    for n, nested in enumerate(item):", f"        {call}"]
        else:
            call = f"collect_{index}(item, (*path, {name!r}), out)" if paths else f"collect_{index}(item, out)"
            lines += ["    if item is not None:", f"        {call}"]
    lines.append("    return None")
    exec("\n".join(lines), namespace)
    _COLLECTORS[cls, paths] = namespace["collect"]
    return _COLLECTORS[cls, paths]


def _is_tuple_field(cls: type, name: str) -> bool:
    return get_origin(attrs.fields_dict(cls)[name].type) is tuple


def reference_targets(value: Any) -> list[tuple[str, tuple[str, ...]]]:
    """(id, kinds) of every reference a value holds, without the paths."""
    found: list[tuple[str, tuple[str, ...]]] = []
    _collector(type(value), paths=False)(value, found)
    return found


def iter_references(
    value: Any, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], str, tuple[str, ...]]]:
    """Every reference in a record or value object: (JSON path, id, kinds it may name)."""
    found: list[tuple[tuple[str | int, ...], str, tuple[str, ...]]] = []
    _collector(type(value))(value, path, found)
    return iter(found)

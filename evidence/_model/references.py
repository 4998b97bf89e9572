"""The walk over references: every id a record or value object names, with where and what kind."""

from __future__ import annotations

import collections
from collections.abc import Callable, Iterator, Mapping, Sequence
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


# -- what a record rests on, and the cycles of it -----------------------------------------------


def rests_on(record: Any) -> list[tuple[tuple[str | int, ...], str]]:
    """(path, id) of every record `record` rests on, as a citation or a trace follows it: a
    claim's evidence, the original a source translates or republishes, and its provenance links
    (all but `alternate_of`, which goes both ways by its meaning)."""
    out: list[tuple[tuple[str | int, ...], str]] = []
    for n, link in enumerate(getattr(record, "evidence", ())):
        out.append((("evidence", n, "record"), link.record))
    for name in ("translation_of", "republication_of"):
        target = getattr(record, name, None)
        if isinstance(target, str):
            out.append(((name,), target))
    for n, provenance in enumerate(record.links):
        if provenance.rel.value != "alternate_of":
            out.append((("links", n, "target"), provenance.target))
    return out


def find_cycles(graph: Mapping[str, Sequence[str]]) -> list[tuple[list[str], list[str]]]:
    """The cycles of a graph of ids (each id to the ids it leads to), one per strongly connected
    part that loops (an id that leads to itself included): the ids along one circle from the
    part's first id (in the order of `graph`) back to it, and every id of the part, in that order.
    Tarjan's algorithm, without recursion: a chain may be as long as the set."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    parts: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, next_child = work.pop()
            if next_child == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            children = graph.get(node, ())
            for n in range(next_child, len(children)):
                child = children[n]
                if child not in graph:
                    continue  # a record that rests on nothing (or no record: R001's)
                if child not in index:
                    work += [(node, n + 1), (child, 0)]
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                if low[node] == index[node]:
                    part: list[str] = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        part.append(member)
                        if member == node:
                            break
                    if len(part) > 1 or node in graph.get(node, ()):
                        parts.append(part)
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
    order = {id: n for n, id in enumerate(graph)}
    ordered = [sorted(part, key=order.__getitem__) for part in parts]
    return sorted(((_circle(graph, part), part) for part in ordered), key=lambda found: order[found[1][0]])


def _circle(graph: Mapping[str, Sequence[str]], part: list[str]) -> list[str]:
    """One circle through a strongly connected part: from its first id, breadth first inside
    the part, back to that id (the first id is not repeated)."""
    members = set(part)
    start = part[0]
    if start in graph.get(start, ()):
        return [start]
    came_from: dict[str, str] = {}
    queue = collections.deque([start])
    while queue:
        node = queue.popleft()
        for child in graph.get(node, ()):
            if child == start:
                circle = [node]
                while circle[-1] != start:
                    circle.append(came_from[circle[-1]])
                return circle[::-1]
            if child in members and child not in came_from and child != start:
                came_from[child] = node
                queue.append(child)
    return part  # not reached: a strongly connected part has a circle through each member


def order_behind(start: str, leads_to: Callable[[str], Sequence[str]]) -> list[str]:
    """Every id reachable from `start` through `leads_to`, each after all it leads to (so that
    what rests on nothing comes first), without recursion. When a path comes back to an id on it,
    CycleFound carries that circle."""
    done: set[str] = set()
    on_path: list[str] = []
    on_path_set: set[str] = set()
    out: list[str] = []
    work: list[tuple[str, int]] = [(start, 0)]
    while work:
        node, next_child = work.pop()
        if next_child == 0:
            on_path.append(node)
            on_path_set.add(node)
        children = leads_to(node)
        for n in range(next_child, len(children)):
            child = children[n]
            if child in on_path_set:
                raise CycleFound(on_path[on_path.index(child) :])
            if child not in done:
                work += [(node, n + 1), (child, 0)]
                break
        else:
            on_path.pop()
            on_path_set.discard(node)
            done.add(node)
            out.append(node)
    return out


CHAIN_SHOWN = 10  # ids of a chain a message names, the rest counted


def chain_text(ids: Sequence[str], show: Callable[[str], str] = str) -> str:
    """A chain of ids as a message says it, `a → b → c`; a long one with its first ids, a count
    of the others and its last two, so that a message stays one readable line."""
    if len(ids) <= CHAIN_SHOWN:
        return " → ".join(show(id) for id in ids)
    head = [show(id) for id in ids[: CHAIN_SHOWN - 2]]
    skipped = len(ids) - CHAIN_SHOWN
    return " → ".join([*head, f"… {skipped:,} more …", show(ids[-2]), show(ids[-1])])


def circle_text(circle: Sequence[str], show: Callable[[str], str] = str) -> str:
    """A circle back to its start: `a → b → a`."""
    return chain_text([*circle, circle[0]], show)


class CycleFound(Exception):
    """A walk came back to where it had been: `circle` holds the ids around it."""

    def __init__(self, circle: list[str]) -> None:
        super().__init__(circle_text(circle))
        self.circle = circle

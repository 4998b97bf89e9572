"""References (R001, R002): every id a record names belongs to a record of the kind it names;
and (R004) no record rests on itself, through any number of others."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence

from evidence._check.run import Run
from evidence._model import (
    ANY_KIND,
    KIND_BY_NAME,
    Court,
    Record,
    a,
    circle_text,
    find_cycles,
    iter_references,
    lookup_court,
    reference_targets,
    rests_on,
)


def references(run: Run) -> None:
    lookup = run.lookup
    # The same few ids are named again and again: each (kinds, id) is judged once, and a record
    # whose every reference is known good is passed without walking its paths.
    good: set[tuple[str, tuple[str, ...]]] = set()
    hints: dict[tuple[str, tuple[str, ...]], str | None] = {}
    for record in run.checked:
        if good.issuperset(reference_targets(record)):
            continue
        for path, target, kinds in iter_references(record):
            found = lookup.kind_of(target)
            if found is not None and (kinds == (ANY_KIND,) or _one_of(found, kinds)):
                good.add((target, kinds))
                continue
            if kinds == (ANY_KIND,):
                if found is None:
                    run.add("R001", record, f"no record has the id {target!r}", path)
                continue
            wanted = KIND_BY_NAME[kinds[0]]
            if found is None:
                if wanted is Court and lookup_court(target) is not None:
                    continue  # a courts-db id
                key = (target, kinds)
                if key not in hints and len(hints) < MAX_HINTS:
                    ids = [id for kind in kinds for id in lookup.ids_of(KIND_BY_NAME[kind])]
                    close = difflib.get_close_matches(target, ids, n=1)
                    hints[key] = f"did you mean {close[0]!r}?" if close else None
                hint = hints.get(key)
                run.add("R001", record, f"no {_named(kinds, 'or')} has the id {target!r}", path, hint)
            else:
                run.add("R002", record, f"{target!r} is {a(found.KIND)}, not {a(_named(kinds, 'or'))}", path)


# Each "did you mean" compares one id with every id of its kind: past this many unknown ids in
# one run, the rest get no hint, so that thousands of them cost a linear time, not a square.
MAX_HINTS = 200


def _one_of(found: type, kinds: tuple[str, ...]) -> bool:
    return any(issubclass(found, KIND_BY_NAME[kind]) for kind in kinds)


def _named(kinds: tuple[str, ...], conjunction: str) -> str:
    """'source', 'source, filing or exhibit': the kinds a reference may name."""
    return kinds[0] if len(kinds) == 1 else f"{', '.join(kinds[:-1])} {conjunction} {kinds[-1]}"


def rests_on_graph(records: Iterable[Record]) -> dict[str, list[tuple[tuple[str | int, ...], str]]]:
    """Each record that rests on others, with (path, id) of each it rests on (`rests_on`)."""
    return {record.id: found for record in records if (found := rests_on(record))}


def reference_cycles(run: Run, graph: Mapping[str, Sequence[tuple[tuple[str | int, ...], str]]]) -> None:
    """R004, over the whole set at once (both drivers give it the graph of every record): records
    that rest on each other in a circle (a translation of its own translation, a claim among its
    own evidence), which no citation or trace can follow to its end. Reported once per circle,
    on its first record, with every member named."""
    ids = {id: [target for _, target in edges] for id, edges in graph.items()}
    for circle, members in find_cycles(ids):
        first = circle[0]
        following = circle[1] if len(circle) > 1 else first
        path = next(path for path, target in graph[first] if target == following)
        around = circle_text(circle, repr)
        if len(circle) == 1:
            message = f"rests on itself: {around}"
        else:
            others = len(circle) - 1
            message = f"rests on itself through {others} other record{'s' if others > 1 else ''}: {around}"
        if len(members) > len(circle):
            named = ", ".join(repr(id) for id in members[:20]) + (", ..." if len(members) > 20 else "")
            message += f"; {len(members)} records rest on each other in circles: {named}"
        hint = "a record cannot be its own evidence, translation or source: remove a link of the circle"
        run.pending.append(("R004", message, hint, first, run.lookup.origin(first), path))

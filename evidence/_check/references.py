"""References (R001, R002): every id a record names belongs to a record of the kind it names."""

from __future__ import annotations

import difflib

from evidence._check.run import Run
from evidence._model import ANY_KIND, KIND_BY_NAME, Court, a, iter_references, lookup_court, reference_targets


def references(run: Run) -> None:
    lookup = run.lookup
    # The same few ids are named again and again: each (kinds, id) is judged once, and a record
    # whose every reference is known good is passed without walking its paths.
    good: set[tuple[str, tuple[str, ...]]] = set()
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
                ids = [id for kind in kinds for id in lookup.ids_of(KIND_BY_NAME[kind])]
                close = difflib.get_close_matches(target, ids, n=1)
                hint = f"did you mean {close[0]!r}?" if close else None
                run.add("R001", record, f"no {_named(kinds, 'or')} has the id {target!r}", path, hint)
            else:
                run.add("R002", record, f"{target!r} is {a(found.KIND)}, not {a(_named(kinds, 'or'))}", path)


def _one_of(found: type, kinds: tuple[str, ...]) -> bool:
    return any(issubclass(found, KIND_BY_NAME[kind]) for kind in kinds)


def _named(kinds: tuple[str, ...], conjunction: str) -> str:
    """'source', 'source, filing or exhibit': the kinds a reference may name."""
    return kinds[0] if len(kinds) == 1 else f"{', '.join(kinds[:-1])} {conjunction} {kinds[-1]}"

"""Limits on what one record file may hold, so that hostile or broken input is refused quickly."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

import attrs


@attrs.define(kw_only=True)
class Limits:
    """How large and deep a record file may be. Raise them with `evidence.limits` (or the
    command's `--max-*` options) for unusually large files; each refusal names its limit."""

    max_file_bytes: int = 256 * 2**20  # a record file, or a stored source text
    max_depth: int = 100  # nesting of mappings and lists (records need fewer than ten)
    max_alias_values: int = 100_000  # values YAML aliases may expand to ("billion laughs")
    max_text_chars: int = 10_000_000  # one text value
    max_problems: int = 1_000  # problems one record file reports before reading it stops


limits = Limits()


@contextlib.contextmanager
def scoped_limits(**changes: int) -> Iterator[Limits]:
    """`limits` with `changes` (``max_depth=200``) for the `with` block only: the limits in force
    before are back after it, however it ends. The readers look the limits up on each use, so
    the one object is changed in place rather than replaced."""
    changed = attrs.evolve(limits, **changes)  # refuses a name that is not a limit
    saved = attrs.evolve(limits)
    fields = attrs.fields(Limits)
    try:
        for field in fields:
            setattr(limits, field.name, getattr(changed, field.name))
        yield limits
    finally:
        for field in fields:
            setattr(limits, field.name, getattr(saved, field.name))


def cores() -> int:
    """The cores this process may run on: how many processes a check or a report may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every system
        return os.cpu_count() or 1

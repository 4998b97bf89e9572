"""The cyclic garbage collector, paused while many records are made at once."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    # Records hold no cycles, yet the cyclic collector would scan every new one, several times
    # over as they age. It rests while they are built; then freezing and unfreezing files the
    # objects made meanwhile straight among the old ones, where a full collection still sees them.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()

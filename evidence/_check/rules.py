"""The rule families that look at one record at a time, in the order they run."""

from __future__ import annotations

from collections.abc import Callable

from evidence._check.cites import cites
from evidence._check.integrity import integrity
from evidence._check.legal import legal
from evidence._check.quotes import quotes
from evidence._check.references import references
from evidence._check.run import Run
from evidence._check.style import style
from evidence._check.time import time

# Each asks the look-up about other records, so it runs over any part of a set: a streamed
# batch as well as the whole set in memory. What needs the whole set (exhibit numbering, L003)
# and the quotes they gather (found last, one target text at a time) the drivers run after.
RECORD_RULES: tuple[Callable[[Run], None], ...] = (references, integrity, quotes, time, legal, cites, style)

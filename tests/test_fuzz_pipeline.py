"""The hypothesis twin of fuzz/fuzz_pipeline.py: damaged copies of both examples run through
every command and the API (load, check, cite, trace, timeline, cast, fmt, export) end in a
result or a clear refusal, never an internal error."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz.pipeline import damage, run, seed


class _Draws:
    """Edits drawn by hypothesis, so a failure shrinks to the fewest and simplest."""

    def __init__(self, data: st.DataObject) -> None:
        self.data = data

    def below(self, n: int) -> int:
        return self.data.draw(st.integers(min_value=0, max_value=max(0, n - 1)))


# Each example runs some twenty commands: a fixed, small number of examples keeps the run short.
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_damaged_example_gives_results_or_clear_refusals_at_every_stage(data: st.DataObject) -> None:
    chooser = _Draws(data)
    name, records = seed(chooser)
    run(name, damage(records, chooser, edits=1 + chooser.below(4)))

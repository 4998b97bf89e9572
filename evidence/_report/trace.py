"""The trace page: for each claim, every chain back to a primary source as a readable path, each
step with the mark of its link and its own, and the weakest step of each path marked."""

from __future__ import annotations

import attrs

from evidence._labels import weaker
from evidence._model import Claim
from evidence._report.site import Site
from evidence._trace import Trace, step_marks, trace

PAGE = "trace.html"
MAX_PATHS = 20  # paths shown for one claim; the rest are counted


@attrs.frozen
class Path:
    steps: tuple[Trace, ...]
    mark: str  # the weakest mark along the path
    weakest: int  # the index of the step that brings it down first


@attrs.frozen
class Chains:
    claim: Claim
    paths: tuple[Path, ...]
    more: int  # paths not shown
    cut: bool  # the trace stopped at its limit of steps


def _path(steps: tuple[Trace, ...]) -> Path:
    mark = Trace.weakest(steps)
    first = next(n for n, step in enumerate(steps) if mark in step.marks())
    return Path(steps, mark.value, first)


def chains(site: Site, claim: Claim) -> Chains:
    root = trace(site.records, claim.id)
    paths: list[Path] = []
    count = 0
    for steps in root.paths():
        if len(steps) == 1:  # nothing behind the claim
            break
        count += 1
        if len(paths) < MAX_PATHS:
            paths.append(_path(steps))
    cut = any(step.cut for path in paths for step in path.steps)
    return Chains(claim, tuple(paths), count - len(paths), cut)


def homes(site: Site) -> None:
    """The trace page is no record's home: each claim's entry there links back to its home."""


def write(site: Site) -> None:
    site.write(
        PAGE,
        "trace.html.j2",
        heading="Trace",
        claims=site.records.claims,
        chains=lambda claim: chains(site, claim),
        step_marks=step_marks,
        step_mark=lambda step: weaker(*step.marks()).value,
    )

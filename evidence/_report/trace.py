"""The trace pages, in pages of PAGE_SIZE claims in the order of the claims pages: for each
claim, every chain back to a primary source as a readable path, each step with the mark of its
link and its own, and the weakest step of each path marked."""

from __future__ import annotations

import attrs
from markupsafe import Markup

from evidence._labels import weaker
from evidence._model import Claim
from evidence._report.claims import TRACE, ordered
from evidence._report.site import Site, escape
from evidence._trace import Trace, step_marks, trace

PAGE = TRACE
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


def section(site: Site, claim: Claim) -> str:
    """A claim's section: each path to a source as a list of steps, the weakest marked. Made
    here, not in the template: a large set has thousands of claims, each with its paths."""
    found = chains(site, claim)
    anchor = escape(claim.id)
    out = [f'<section class="trace" id="t-{anchor}" aria-labelledby="th-{anchor}">\n']
    out.append(f'<h2 id="th-{anchor}">{site.link(claim.id, claim.statement)}</h2>\n')
    for number, path in enumerate(found.paths, start=1):
        out.append(f'<ol class="path" aria-label="Path {number}, as sure as its weakest step: {path.mark}">\n')
        out.extend(_step(site, step, n, n == path.weakest) for n, step in enumerate(path.steps))
        out.append(f'</ol>\n<p class="path-mark">As sure as its weakest step: {site.badge(path.mark)}</p>\n')
    if not found.paths:
        out.append(
            '<p class="none">No record behind this claim leads to a source: it rests on nothing the records hold.</p>\n'
        )
    if found.more:
        out.append(f"<p>… and {found.more} more path{'' if found.more == 1 else 's'}, not shown.</p>\n")
    if found.cut:
        out.append(
            "<p>The trace stops at its limit of steps; what lies behind a step at the end of a path here is not"
            " shown.</p>\n"
        )
    out.append("</section>\n")
    return "".join(out)


def _step(site: Site, step: Trace, number: int, weakest: bool) -> str:
    """One step of a path: how it is reached, what it is, its marks in words and as a badge."""
    opening = '<li class="weakest">' if weakest else "<li>"
    via = f'<span class="via">{escape(step.link)}</span> ' if number else ""
    what = f"{escape(step.kind)} {site.link(step.record, step.label)}"
    marks = f'<span class="step-marks">{escape(step_marks(step))}</span> {site.badge(weaker(*step.marks()).value)}'
    label = ' <strong class="weakest-label">weakest step</strong>\n' if weakest else ""
    wording = f"<blockquote>{escape(step.wording)}</blockquote>\n" if step.wording else ""
    return f"{opening}{via}{what}\n{marks}\n{label}{wording}</li>\n"


def homes(site: Site) -> None:
    """The trace pages are no record's home: each claim's entry there links back to its home."""


def write(site: Site) -> None:
    site.write_pages(
        PAGE,
        "trace.html.j2",
        ordered(site),
        lambda claims: {"sections": Markup("\n".join([section(site, claim) for claim in claims]))},
        heading="Trace",
    )

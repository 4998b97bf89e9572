"""A report built: every page module says where its records live, then writes its pages into a
staging folder beside the target, which replaces the earlier report only once every page is
written. A folder that holds something other than a report is never written into."""

from __future__ import annotations

import gc
import json
import multiprocessing
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from importlib import resources
from pathlib import Path

from evidence._cite import Style
from evidence._errors import UsageError
from evidence._io import staging_folder
from evidence._recordset import RecordSet
from evidence._report import cast, citations, claims, messages, overview, sources, timeline, trace
from evidence._report.site import Site

# The page modules, in the order of the navigation; each has `homes(site)` and `write(site)`.
PAGES = (overview, claims, sources, messages, trace, timeline, cast, citations)

# The file that marks a folder as a report `evidence report` may replace.
MANIFEST = "evidence-report.json"
ASSETS = ("style.css", "site.js")


def write_report(
    records: RecordSet,
    folder: str | Path,
    *,
    style: str | Style = "bluebook",
    title: str | None = None,
    root: str | Path | None = None,
    jobs: int = 1,
) -> list[Path]:
    """Write the report of `records` into `folder` (made when missing): static HTML pages that
    need no network and open from the file system; the files written, under `folder`. An
    earlier report there is replaced whole; a folder holding anything else is refused. The
    pages are written by `jobs` processes forked from this one (1: in this process), the same
    files whatever their number; `evidence report` runs one per core."""
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise UsageError(f"jobs= is {jobs!r}; give a number of processes, 1 or more")
    target = Path(folder)
    _check_target(target)
    target.mkdir(parents=True, exist_ok=True)
    staging = staging_folder(target)
    try:
        site = Site(
            records=records,
            folder=staging,
            style=_style(style),
            title=title or _title(records),
            root=None if root is None else Path(root),
        )
        for module in PAGES:
            module.homes(site)
        _write_pages(site, jobs)
        (staging / "assets").mkdir(exist_ok=True)
        for name in ASSETS:
            data = resources.files("evidence._report").joinpath("assets", name).read_bytes()
            (staging / "assets" / name).write_bytes(data)
            site.written.append(staging / "assets" / name)
        pages = sorted(site.relative(site.written))
        manifest = {"generator": "evidence", "style": site.style.value, "title": site.title, "files": pages}
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        _check_target(target)  # again: the build took a while
        for entry in list(target.iterdir()):
            shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
        for entry in staging.iterdir():
            entry.rename(target / entry.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [target / name for name in [*pages, MANIFEST]]


# The order of work: a process that is free takes the next piece. Modules written whole come
# first, the one with most to write first; then the shares of the modules whose pages are shared
# out, which even out what each process ends up with.
HEAVIEST_FIRST = (timeline, sources, cast, overview, citations, trace, messages, claims)
# Modules whose pages are shared out, SHARES_PER_JOB for each process: a list of pages with
# nothing to work out before the first but what `homes` has made already.
SHARED_OUT = (citations, trace, messages, claims)
SHARES_PER_JOB = 2
_building: Site | None = None  # the site a forked worker writes pages of
assert set(HEAVIEST_FIRST) == set(PAGES), "every page module has its place in HEAVIEST_FIRST"


def _write_pages(site: Site, jobs: int) -> None:
    """Every page module writes its pages: in this process, or, given more than one job where
    processes can be forked, in worker processes that share the loaded set with this one
    without copying it (nothing but what to write and the files written pass between them)."""
    global _building
    # The loaded set is set aside from garbage collection while pages are written: it is all
    # alive, and each full collection would walk it again (and, in a worker, copy it). Nor does
    # the collector run while a module writes: a page leaves a few objects in cycles, swept when
    # the module is done, and a collection meanwhile would walk what the module holds for all
    # its pages (a timeline's events) again and again.
    gc.freeze()
    gc.disable()
    try:
        # Forked workers share the loaded set; macOS's system libraries are not safe to fork.
        if jobs == 1 or sys.platform == "darwin" or "fork" not in multiprocessing.get_all_start_methods():
            for module in PAGES:
                module.write(site)
                gc.collect()
            return
        _building = site
        environment = site.environment()
        for template in environment.list_templates(extensions=["j2"]):  # compiled once, not in each worker
            environment.get_template(template)
        shares = jobs * SHARES_PER_JOB
        work = [
            (PAGES.index(module), share, shares if module in SHARED_OUT else 1)
            for module in HEAVIEST_FIRST
            for share in range(shares if module in SHARED_OUT else 1)
        ]
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            written = pool.map(_write_module, *zip(*work, strict=True))
            site.written.extend(Path(path) for paths in written for path in paths)
    except BrokenProcessPool:
        raise UsageError(
            "a process writing the report's pages stopped before it was done (out of memory, or killed); the "
            "folder is left as it was: set jobs= to 1 to write the pages in one process"
        ) from None
    finally:
        _building = None
        gc.enable()
        gc.unfreeze()


def _write_module(number: int, share: int, shares: int) -> list[str]:
    """In a worker: write one page module's pages (those of `share` of `shares`, for a long
    list); the files written."""
    assert _building is not None
    before = len(_building.written)
    _building.share = (share, shares)
    PAGES[number].write(_building)
    gc.collect()
    return [str(path) for path in _building.written[before:]]


def _check_target(target: Path) -> None:
    """Refuse a folder that is neither empty nor an earlier report: every entry in it must be one
    the earlier report's manifest lists, so that replacing it removes nothing of the user's."""
    if not target.is_dir():
        return
    entries = {entry.name for entry in target.iterdir()}
    if not entries:
        return
    listed: set[str] = set()
    try:
        manifest = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
        listed = {MANIFEST, *(Path(name).parts[0] for name in manifest["files"])}
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        pass
    strangers = sorted(entries - listed) if listed else sorted(entries)
    if strangers:
        raise UsageError(
            f"{target} holds {strangers[0]!r}, which is not part of an earlier report: a report "
            "replaces what its folder holds, so name an empty folder or an earlier report's"
        )


def _style(style: str | Style) -> Style:
    try:
        chosen = Style(style)
    except ValueError:
        chosen = None
    if chosen is None or chosen is Style.ECF:  # ECF cites a docket's entries, not a whole record set
        raise UsageError(f"style= is {style!r}; a report cites in bluebook, apa or chicago")
    return chosen


def _title(records: RecordSet) -> str:
    cases = records.cases
    if len(cases) == 1:
        from evidence._labels import case_title

        return case_title(cases[0])
    return "Record set"

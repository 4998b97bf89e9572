"""How fast PACER dockets come in, and how much of it is juriscraper's parsing.

    python -m benchmarks.pacer_import                  # the vendored dockets, and 5,000 entries
    python -m benchmarks.pacer_import --entries 20000 --runs 5

Measures, on one core, the best of `--runs`:
- every vendored district and appellate docket report (tests/data/pacer), as HTML and as
  juriscraper's JSON;
- one synthetic docket of `--entries` entries, made by repeating the entry rows of a real page
  (njd_509180.html, 161 entries) until there are that many (numbers repeat, as on a docket with
  restricted entries; the importer counts them);

and prints entries per second of `evidence.import_pacer`, and the share of that time spent in
juriscraper's parser (its one call timed within the same run) and in `evidence` (reading the
file, telling its kind and court, mapping the data to records, checking every value).
"""

from __future__ import annotations

import argparse
import platform
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import evidence as ev
from evidence._import import pacer as pacer_module

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "pacer"
NOT_DOCKETS = {"canb_1", "dcd_2"}
COURT_GIVEN = {"dcd_1": "dcd"}  # a page that names its court nowhere
BASE_PAGE = DATA / "district" / "njd_509180.html"


def dockets(suffix: str) -> list[Path]:
    return sorted(
        path
        for folder in ("district", "appellate")
        for path in (DATA / folder).glob(f"*{suffix}")
        if path.stem not in NOT_DOCKETS
    )


def synthetic_page(entries: int) -> str:
    """A real docket page whose entry rows are repeated until it holds `entries` of them."""
    text = BASE_PAGE.read_text(encoding="utf-8", errors="replace")
    start = text.index("Docket Text")
    head_end = text.index("</tr>", start) + len("</tr>")
    table_end = text.index("</table>", head_end)
    rows = re.findall(r"<tr\b.*?</tr>", text[head_end:table_end], re.S | re.I)
    repeated = [rows[k % len(rows)] for k in range(entries)]
    return text[:head_end] + "\n".join(repeated) + text[table_end:]


class ParseClock:
    """Time spent in juriscraper's parser during an import: the importer's one call of it,
    wrapped for the run."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.original: Callable[..., Any] = pacer_module._parse

    def __enter__(self) -> ParseClock:
        def timed(*args: Any) -> Any:
            started = time.perf_counter()
            try:
                return self.original(*args)
            finally:
                self.seconds += time.perf_counter() - started

        pacer_module._parse = timed
        return self

    def __exit__(self, *_: object) -> None:
        pacer_module._parse = self.original


def import_all(paths: list[Path]) -> int:
    entries = 0
    for path in paths:
        records = ev.import_pacer([path], court=COURT_GIVEN.get(path.stem))
        entries += len(records.filings)
    return entries


def row(name: str, paths: list[Path], runs: int) -> str:
    """The best run's time, and the share of it juriscraper's parser took in that run."""
    measured = []
    for _ in range(runs):
        with ParseClock() as clock:
            started = time.perf_counter()
            entries = import_all(paths)
            total = time.perf_counter() - started
        measured.append((total, clock.seconds))
    total, parsing = min(measured)
    share = round(100 * parsing / total)
    return f"| {name} | {len(paths)} | {entries:,} | {total:.3f} | {entries / total:,.0f} | {share}% | {100 - share}% |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=5000, help="entries of the synthetic docket (default 5000)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each measure; the best is kept (default 3)")
    args = parser.parse_args(argv)
    ev.import_pacer([DATA / "district" / "cand.html"])  # juriscraper and courts-db imported before timing
    with tempfile.TemporaryDirectory() as folder:
        synthetic = Path(folder) / "njd_synthetic.html"
        synthetic.write_text(synthetic_page(args.entries), encoding="utf-8")
        lines = [
            f"PACER import, Python {platform.python_version()} on {platform.machine()}, best of {args.runs}",
            "",
            "| input | files | entries | seconds | entries/s | juriscraper | evidence |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
            row("vendored dockets, HTML", dockets(".html"), args.runs),
            row("vendored dockets, juriscraper's JSON", dockets(".json"), args.runs),
            row(f"synthetic docket of {args.entries:,} entries, HTML", [synthetic], args.runs),
        ]
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

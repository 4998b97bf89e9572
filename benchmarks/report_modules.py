"""Where a report's time goes: the processor seconds of each page module of `evidence report`,
written in one process as `--jobs 1` writes them (the loaded set set aside from the collector,
which runs between modules), on the synthetic corpus. Each module is timed `--repeat` times in
fresh builds and the fastest counts.

    python -m benchmarks.report_modules [--n 100000] [--repeat 2] [--out FOLDER]
"""

from __future__ import annotations

import argparse
import gc
import shutil
import tempfile
import time
from pathlib import Path

import evidence
from benchmarks.corpus import write_corpus
from evidence._cite import Style
from evidence._report.build import PAGES
from evidence._report.site import Site


def module_seconds(folder: Path, out: Path) -> dict[str, float]:
    """One build's processor seconds, page module by page module (and loading, and `homes`)."""
    seconds: dict[str, float] = {}
    start = time.process_time()
    records = evidence.load(folder)
    seconds["loading the set"] = time.process_time() - start
    site_folder = Path(tempfile.mkdtemp(dir=out))
    site = Site(records=records, folder=site_folder, style=Style.BLUEBOOK, title="Benchmark", root=folder)
    start = time.process_time()
    for module in PAGES:
        module.homes(site)
    seconds["where records live"] = time.process_time() - start
    gc.freeze()
    gc.disable()
    try:
        for module in PAGES:
            start = time.process_time()
            module.write(site)
            gc.collect()
            seconds[module.__name__.rpartition(".")[2]] = time.process_time() - start
    finally:
        gc.enable()
        gc.unfreeze()
        shutil.rmtree(site_folder)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="messages")
    parser.add_argument("--repeat", type=int, default=2, help="builds; the fastest time of each module counts")
    parser.add_argument("--out", type=Path, help="where the corpus and sites are written (a temporary folder)")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="evidence-report-modules-"))
    folder = write_corpus(out / f"corpus-{args.n}", args.n, shards=1)["json"]
    runs = [module_seconds(folder, out) for _ in range(args.repeat)]
    shutil.rmtree(out / f"corpus-{args.n}")
    best = {name: min(run[name] for run in runs) for name in runs[0]}
    print(f"| {args.n:,} messages | processor seconds |")
    print("|---|---:|")
    for name, value in best.items():
        print(f"| {name} | {value:.2f} |")
    pages = sum(value for name, value in best.items() if name not in ("loading the set", "where records live"))
    print(f"| all the pages | {pages:.2f} |")


if __name__ == "__main__":
    main()

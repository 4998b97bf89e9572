"""`evidence report` on the synthetic corpus, against `evidence check` on the same set: both run
as a user runs them, from the command line, timed from outside, with the peak memory of the
largest process. The report runs twice: as it runs by default (its pages written by one process
per core) and with `--jobs 1`. Each command runs `--repeat` times, interleaved, and the fastest
run of each counts: on a shared machine the slower runs measure the neighbours.

    python -m benchmarks.report [--n 25000 50000 100000] [--repeat 3] [--out FOLDER]

The target (issue 19): a report takes less than twice the time of a check, and its memory beyond
the loaded set does not grow with the number of pages (each page is made and written in turn).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.corpus import write_corpus

# A child that runs one command and says how long it took and its peak resident memory.
MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
elapsed = time.perf_counter() - start
print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, done.returncode)
sys.stderr.write(done.stderr.decode()[-2000:])
"""


def measured(command: list[str]) -> tuple[float, float]:
    """Seconds and peak MiB of one run of `command` in a process of its own."""
    run = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True)
    seconds, kib, code = run.stdout.split()
    if int(code) != 0:
        raise SystemExit(f"{' '.join(command)} exited {code}: {run.stderr}")
    return float(seconds), int(kib) / 1024


def measure(n: int, out: Path, repeat: int) -> dict[str, float]:
    folder = write_corpus(out / f"corpus-{n}", n, shards=1)["json"]
    evidence = [sys.executable, "-m", "evidence"]
    site = out / f"site-{n}"
    commands = {
        "check": [*evidence, "check", str(folder)],
        "report": [*evidence, "report", str(folder), "-o", str(site)],
        "report1": [*evidence, "report", str(folder), "-o", str(site), "--jobs", "1"],
    }
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            runs[name].append(measured(command))
    pages = len(json.loads((site / "evidence-report.json").read_text(encoding="utf-8"))["files"])
    shutil.rmtree(out / f"corpus-{n}")
    shutil.rmtree(site)
    row: dict[str, float] = {"n": n, "files": pages}
    for name, times in runs.items():
        row[f"{name}_s"] = min(seconds for seconds, _ in times)
        row[f"{name}_mb"] = max(mib for _, mib in times)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[25_000, 50_000, 100_000], help="messages")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command; the fastest counts")
    parser.add_argument("--out", type=Path, help="where corpora and sites are written (a temporary folder)")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="evidence-report-bench-"))
    print(
        "| messages | files written | check (s) | report (s) | report / check | report --jobs 1 (s) |"
        " --jobs 1 / check | check peak (MiB) | report peak (MiB) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in args.n:
        row = measure(n, out, args.repeat)
        print(
            f"| {n:,} | {row['files']:,} | {row['check_s']:.1f} | {row['report_s']:.1f} |"
            f" {row['report_s'] / row['check_s']:.2f} | {row['report1_s']:.1f} |"
            f" {row['report1_s'] / row['check_s']:.2f} | {row['check_mb']:.0f} | {row['report_mb']:.0f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()

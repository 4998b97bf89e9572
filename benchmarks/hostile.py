"""How long the `evidence` command takes, and how much memory, on the hostile sizes of issue 17.

    python -m benchmarks.hostile                        # every case at full size (a few minutes)
    python -m benchmarks.hostile --quick                # a tenth of each size
    python -m benchmarks.hostile --old /tmp/old         # the same cases run by another checkout too

Each case is written to a temporary folder and run in a fresh process (the checkout's package
first on the path), timed by the wall clock, its peak resident memory read from the process's
own resource usage. `--old` runs each case a second time with another checkout's package (a
folder holding `evidence/`, such as `git worktree add /tmp/old 6f9a3df`), without the options
it does not know (`--max-problems`). A run is killed after `--timeout` seconds. The cases
(tests/test_bounds.py runs each at a size that was already slow):

- `empty-json`: 5,000 records `{}` in one JSON file (15,000 findings, with `--max-problems
  100000` so that all are collected);
- `large-json`: 100 findings (unknown keys) in a JSON file of 13 MB;
- `yaml-flow`: a million records `{}` in one YAML flow list (3 MB);
- `quote`: a 2 KB quote one letter off a 500 KB text of one sentence repeated;
- `timeline`: 6,000 intervals, each overlapping the next;
- `stream-valid`, `stream-bad`: `check --stream` of 200 MB of JSON Lines, valid and with one bad
  last line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _empty_json(folder: Path, scale: float) -> list[str]:
    records: list[dict[str, str]] = [{}] * int(5000 * scale)
    (folder / "empty.json").write_text(json.dumps({"evidence": 2, "actors": records}))
    return ["--max-problems", "100000", "check", "empty.json"]


def _large_json(folder: Path, scale: float) -> list[str]:
    count = int(60_000 * scale)
    actors: list[dict[str, str]] = [
        {"id": f"a{n}", "name": "Person " + "x" * 200, "kind": "person"} for n in range(count)
    ]
    for n in range(0, count, max(1, count // 100)):
        actors[n]["nmae"] = "typo"
    (folder / "large.json").write_text(json.dumps({"evidence": 2, "actors": actors}, indent=2))
    return ["check", "large.json"]


def _yaml_flow(folder: Path, scale: float) -> list[str]:
    (folder / "flow.yaml").write_text("evidence: 2\nactors: [" + ", ".join(["{}"] * int(1_000_000 * scale)) + "]\n")
    return ["check", "flow.yaml"]


def _quote(folder: Path, scale: float) -> list[str]:
    unit = "The party shall pay the sum due. "
    (folder / "sources").mkdir()
    (folder / "sources" / "terms.txt").write_text(unit * int(500_000 * scale / len(unit)))
    near = (unit * 70)[:2000]
    near = near[:1000] + "X" + near[1001:]
    source = {"id": "terms", "kind": "other", "title": "Terms", "text_file": "sources/terms.txt"}
    link = {"record": "terms", "quote": {"exact": near}}
    claim = {"id": "owed", "statement": "S", "status": "reported", "evidence": [link]}
    (folder / "records.json").write_text(json.dumps({"evidence": 2, "sources": [source], "claims": [claim]}))
    return ["check", "."]


def _timeline(folder: Path, scale: float) -> list[str]:
    first = dt.date(2000, 1, 1)
    messages = [
        {
            "id": f"m{n}",
            "sent": f"{first + dt.timedelta(days=n)}/{first + dt.timedelta(days=n + 2)}",
            "sender_description": "a clerk",
            "channel": "email",
            "text": f"note {n}",
        }
        for n in range(int(6000 * scale))
    ]
    (folder / "records.json").write_text(json.dumps({"evidence": 2, "messages": messages}))
    return ["timeline", "records.json"]


def _jsonl(folder: Path, scale: float, *, bad: bool) -> list[str]:
    line_count = int(1_000_000 * scale)  # 200 bytes a line
    with (folder / "records.jsonl").open("w") as out:
        out.write('{"evidence": 2}\n')
        for n in range(line_count):
            out.write(json.dumps({"type": "actor", "id": f"a{n}", "name": "Person " + "x" * 150, "kind": "person"}))
            out.write("\n")
        if bad:
            out.write('{"type": "actor", "id": "last", "name": "L", "kind": "person", "nmae": "typo"}\n')
    return ["check", "--stream", "records.jsonl"]


CASES: dict[str, Callable[[Path, float], list[str]]] = {
    "empty-json": _empty_json,
    "large-json": _large_json,
    "yaml-flow": _yaml_flow,
    "quote": _quote,
    "timeline": _timeline,
    "stream-valid": lambda folder, scale: _jsonl(folder, scale, bad=False),
    "stream-bad": lambda folder, scale: _jsonl(folder, scale, bad=True),
}


_NEW_OPTIONS = ("--max-problems",)


def run(package: Path, args: list[str], folder: Path, timeout: float) -> tuple[str, str, str]:
    """Seconds, peak MiB and exit code (with the lines printed) of the command, killed after `timeout`."""
    env = {**os.environ, "PYTHONPATH": str(package), "NO_COLOR": "1"}
    output = folder / "output.txt"
    started = time.monotonic()
    with output.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "evidence", *args], cwd=folder, env=env, stdout=out, stderr=subprocess.DEVNULL
        )
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        _, status, usage = os.wait4(process.pid, 0)  # the usage of this process alone
        timer.cancel()
    seconds = time.monotonic() - started
    process.returncode = code = os.waitstatus_to_exitcode(status)
    peak = f"{usage.ru_maxrss / 1024:,.0f}"  # KiB on Linux
    if code == -signal.SIGKILL:
        return f"> {timeout:.0f} s (killed)", peak, "-"
    with output.open("rb") as printed:
        lines = sum(1 for _ in printed)
    return f"{seconds:.2f} s", peak, f"{code} ({lines:,} lines)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="a tenth of each size")
    parser.add_argument("--old", type=Path, help="another checkout (a folder holding evidence/) run on the same cases")
    parser.add_argument("--timeout", type=float, default=300, help="seconds before a run is killed (default 300)")
    parser.add_argument("cases", nargs="*", metavar="CASE", help=f"cases to run (default: all): {', '.join(CASES)}")
    options = parser.parse_args()
    scale = 0.1 if options.quick else 1.0
    print("| case | command | checkout | time | peak MiB | exit (output) |")
    print("| --- | --- | --- | ---: | ---: | --- |")
    for name in options.cases or CASES:
        if name not in CASES:
            parser.error(f"no case {name!r}")
        with tempfile.TemporaryDirectory() as temporary:
            folder = Path(temporary)
            args = CASES[name](folder, scale)
            checkouts = [("this", ROOT)] + ([("old", options.old)] if options.old else [])
            for label, package in checkouts:
                # Options older versions do not know are left out for them (they collect everything).
                given = args if label == "this" else [a for a in args if a not in _NEW_OPTIONS and a != "100000"]
                seconds, peak, code = run(package, given, folder, options.timeout)
                print(f"| {name} | `evidence {' '.join(args)}` | {label} | {seconds} | {peak} | {code} |", flush=True)


if __name__ == "__main__":
    main()

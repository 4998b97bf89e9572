"""Two versions of the library on the same corpus: each task in fresh processes, the versions
taking turns, so that a busy or drifting machine slows both alike.

    git worktree add /tmp/old <commit>
    python3 -m benchmarks.corpus /tmp/corpora/n10000 --n 10000
    python3 -m benchmarks.compare /tmp/old . /tmp/corpora/n10000 --rounds 15

Each line gives the fastest and the median run of each tree, and their ratios (new ÷ old).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

# Each task starts its clock at `t`; `corpus` is the folder benchmarks.corpus wrote.
_LOADED = "import evidence; r = evidence.load(corpus + '/json'); "
TASKS = {
    "import evidence": "t = time.perf_counter(); import evidence",
    "load json": "import evidence; t = time.perf_counter(); evidence.load(corpus + '/json')",
    "load jsonl": "import evidence; t = time.perf_counter(); evidence.load(corpus + '/jsonl')",
    "dump json": _LOADED + "t = time.perf_counter(); evidence.dumps(r)",
    "check in memory": _LOADED + "t = time.perf_counter(); evidence.check(r)",
    "check streamed": "import evidence; t = time.perf_counter(); evidence.check(corpus + '/jsonl', stream=True)",
}


def _seconds(tree: Path, corpus: Path, task: str) -> float:
    code = f"import time; corpus = {str(corpus.resolve())!r}; {task}; print(time.perf_counter() - t)"
    env = {**os.environ, "PYTHONPATH": str(tree.resolve())}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd="/", check=True)
    return float(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old", type=Path, help="the source tree of the old version (a folder holding evidence/)")
    parser.add_argument("new", type=Path, help="the source tree of the new version")
    parser.add_argument("corpus", type=Path, help="a corpus folder written by benchmarks.corpus")
    parser.add_argument("--rounds", type=int, default=9, help="runs of each task per tree (default 9)")
    args = parser.parse_args()
    print("| task | old fastest | new fastest | new ÷ old | old median | new median | new ÷ old |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, task in TASKS.items():
        times: dict[str, list[float]] = {"old": [], "new": []}
        for _ in range(args.rounds):
            for which in ("old", "new"):
                times[which].append(_seconds(getattr(args, which), args.corpus, task))
        old, new = times["old"], times["new"]
        best, middle = min(new) / min(old), statistics.median(new) / statistics.median(old)
        print(
            f"| {name} | {min(old):.3f} s | {min(new):.3f} s | {best:.2f} "
            f"| {statistics.median(old):.3f} s | {statistics.median(new):.3f} s | {middle:.2f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()

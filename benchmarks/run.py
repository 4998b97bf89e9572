"""Speed and memory of `evidence` beside pydantic, msgspec and jsonschema, all on the same files.

    python -m benchmarks.run                          # N = 10,000, 100,000 and 1,000,000 messages
    python -m benchmarks.run --quick                  # N = 10,000 only, 3 runs, one memory process
    python -m benchmarks.run --n 100000 --runs 3 --out /tmp/corpora --markdown results.md

For each N the corpus of `benchmarks.corpus` is written once under --out (a temporary folder by
default, removed at the end; a folder given with --out keeps its corpora, and one whose marker
file names the same n and seed is reused). Then, on that corpus:

1. load: `evidence.load(records.json)` against `pydantic_load` and `msgspec_load` of the same
   file; every timing includes reading the file's bytes, which `evidence.load` does itself;
2. dump: the loaded records written back as canonical JSON (indented 2 spaces, fields at their
   defaults left out) by each library; each output is compared once, untimed, with the file;
3. check: `evidence.check` with every rule on the JSON folder in memory, streamed over the JSON
   Lines folder, and on the shards in 2 processes, against jsonschema validating the JSON file
   (reading and `json.loads` included) with the schema evidence exports; all must find 0 errors;
4. peak memory: one fresh process per contender (`--memory-child WHAT PATH`) imports everything,
   notes its resident memory (/proc/self/statm) before reading the file, runs the load (or
   check), and reports how far its peak resident memory rose above that (VmHWM rather than
   `ru_maxrss`, which a child inherits from its parent on Linux; see `peak_bytes`);
5. citations: `evidence.cite` of up to 20,000 messages of the loaded set, per second.

Times are medians of --runs runs (default 5 up to 10,000 messages, 3 up to 100,000, 1 above);
above 100,000 messages the checks and jsonschema run once whatever --runs says. The output is
Markdown: a machine line, a section of tables per N, then the targets, judged at N = 100,000 (or
the largest N measured). --markdown FILE writes the same text to FILE. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec

import evidence
from benchmarks.corpus import write_corpus
from benchmarks.rivals import MSGSPEC_ENCODER, PYDANTIC_ADAPTER, jsonschema_validate, msgspec_load, pydantic_load

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_NS = (10_000, 100_000, 1_000_000)
TARGET_N = 100_000
CITE_AT_MOST = 20_000
MARKER = "corpus-marker.json"
MIB = 2**20
LIBRARIES = ("evidence", "pydantic", "msgspec")
LOAD_CHILDREN = LIBRARIES
CHECK_CHILDREN = ("check-memory", "check-stream")


# -- the corpus -----------------------------------------------------------------------------------


@dataclass
class Corpus:
    n: int
    folders: dict[str, Path]
    generated_in: float | None  # seconds, or None when an earlier corpus was reused

    @property
    def json_file(self) -> Path:
        return self.folders["json"] / "records.json"


def corpus_for(out: Path, n: int, seed: int) -> Corpus:
    """The corpus of n messages under `out`, written unless its marker says it is already there."""
    folder = out / f"n{n}-seed{seed}"
    folders = {name: folder / name for name in ("json", "jsonl", "shards")}
    marker = folder / MARKER
    wanted = {"n": n, "seed": seed}
    if marker.exists() and json.loads(marker.read_text()) == wanted:
        return Corpus(n, folders, None)
    start = time.perf_counter()
    folders = write_corpus(folder, n, seed=seed)
    marker.write_text(json.dumps(wanted))  # written last: a half-written corpus has no marker
    return Corpus(n, folders, time.perf_counter() - start)


def allow_file(path: Path) -> int | None:
    """Raise `evidence.limits.max_file_bytes` to fit `path`; the old limit if it was raised."""
    size = path.stat().st_size
    old = evidence.limits.max_file_bytes
    if size <= old:
        return None
    evidence.limits.max_file_bytes = size + 64 * MIB
    return old


# -- timing ---------------------------------------------------------------------------------------


def timed(run: Callable[[], Any], runs: int) -> tuple[float, Any]:
    """The median seconds of `runs` calls and the last call's result."""
    seconds = []
    result = None
    for _ in range(runs):
        result = None  # let the previous result go before the next run
        gc.collect()
        start = time.perf_counter()
        result = run()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds), result


def how_it_differs(ours: bytes, file: bytes) -> str | None:
    """None when `ours` is the file byte for byte, or a few words on where it is not."""
    if ours == file:
        return None
    if ours + b"\n" == file:
        return "same bytes but for the file's final newline"
    at = next((i for i, (a, b) in enumerate(zip(ours, file, strict=False)) if a != b), min(len(ours), len(file)))
    return f"{len(ours):,} bytes against {len(file):,}; first difference at byte {at:,}: {ours[at : at + 40]!r}"


@dataclass
class Results:
    n: int
    records: int = 0
    file_bytes: int = 0
    runs: int = 0
    heavy_runs: int = 0
    load: dict[str, float] = field(default_factory=dict)
    dump: dict[str, float] = field(default_factory=dict)
    check: dict[str, float] = field(default_factory=dict)
    memory: dict[str, dict[str, float]] = field(default_factory=dict)
    cites: int = 0
    cite_seconds: float = 0.0
    notes: list[str] = field(default_factory=list)


def measure_evidence(corpus: Corpus, runs: int, res: Results) -> None:
    path = corpus.json_file
    res.load["evidence"], records = timed(lambda: evidence.load(path), runs)
    res.records = len(records)
    res.dump["evidence"], out = timed(lambda: evidence.dumps(records, "json"), runs)
    note_difference("evidence.dumps", out, path, res)
    messages = list(records.messages)[:CITE_AT_MOST]

    def cite_all() -> None:
        for message in messages:
            evidence.cite(message, records=records)

    res.cites = len(messages)
    res.cite_seconds, _ = timed(cite_all, runs)


def measure_pydantic(corpus: Corpus, runs: int, res: Results) -> None:
    path = corpus.json_file
    res.load["pydantic"], doc = timed(lambda: pydantic_load(path.read_bytes()), runs)
    res.dump["pydantic"], out = timed(lambda: PYDANTIC_ADAPTER.dump_json(doc, exclude_defaults=True, indent=2), runs)
    note_difference("pydantic dump_json", out, path, res)


def measure_msgspec(corpus: Corpus, runs: int, res: Results) -> None:
    path = corpus.json_file
    res.load["msgspec"], doc = timed(lambda: msgspec_load(path.read_bytes()), runs)
    res.dump["msgspec"], out = timed(lambda: msgspec.json.format(MSGSPEC_ENCODER.encode(doc), indent=2), runs)
    note_difference("msgspec encode + format", out, path, res)


def note_difference(who: str, out: bytes, path: Path, res: Results) -> None:
    difference = how_it_differs(out, path.read_bytes())
    if difference is not None:
        res.notes.append(f"{who} output differs from records.json: {difference}.")


def expect_clean(label: str, report: evidence.Report) -> None:
    if report.errors:
        shown = "\n".join(str(finding) for finding in report.errors[:5])
        raise AssertionError(f"{label} found errors in a corpus that should be clean: {report.summary()}\n{shown}")


CHECKS: dict[str, Callable[[Corpus], evidence.Report]] = {
    "memory": lambda c: evidence.check(c.folders["json"], stream=False),
    "stream": lambda c: evidence.check(c.folders["jsonl"], stream=True),
    "jobs=2": lambda c: evidence.check(c.folders["shards"], jobs=2),
}


def measure_checks(corpus: Corpus, runs: int, res: Results) -> None:
    for name, run in CHECKS.items():
        res.check[name], report = timed(lambda run=run: run(corpus), runs)
        expect_clean(f"evidence.check ({name})", report)
        del report
    res.check["jsonschema"], errors = timed(lambda: jsonschema_validate(corpus.json_file.read_bytes()), runs)
    if errors:
        raise AssertionError(f"jsonschema found {errors} errors in a corpus that should be clean")


# -- peak memory, in fresh processes --------------------------------------------------------------


def resident_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def peak_bytes() -> int:
    """This process's peak resident memory, from VmHWM.

    `ru_maxrss` is no use here: Linux carries it over from the parent through fork and exec, so
    every child would report at least the (large) benchmark process's own peak. VmHWM belongs to
    the address space, which exec replaces; `ru_maxrss` is the fallback where /proc has no VmHWM.
    """
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux


def reset_peak() -> None:
    """Start the peak afresh at the current resident memory, where Linux allows it."""
    try:
        with open("/proc/self/clear_refs", "w") as clear_refs:
            clear_refs.write("5")
    except OSError:
        pass


def memory_child(what: str, corpus_folder: Path) -> None:
    """Run one load or check in this (fresh) process and print its memory in MiB as JSON."""
    json_file = corpus_folder / "json" / "records.json"
    allow_file(json_file)
    jobs: dict[str, Callable[[], Any]] = {
        "evidence": lambda: evidence.load(json_file),
        "pydantic": lambda: pydantic_load(json_file.read_bytes()),
        "msgspec": lambda: msgspec_load(json_file.read_bytes()),
        "check-memory": lambda: evidence.check(corpus_folder / "json", stream=False),
        "check-stream": lambda: evidence.check(corpus_folder / "jsonl", stream=True),
    }
    gc.collect()
    reset_peak()  # so that a passing peak while importing cannot hide the load's
    before = resident_bytes()
    result = jobs[what]()
    peak = peak_bytes()
    errors = len(result.errors) if isinstance(result, evidence.Report) else 0
    print(json.dumps({"growth": (peak - before) / MIB, "peak": peak / MIB, "errors": errors}))


def measure_memory(corpus: Corpus, which: tuple[str, ...], res: Results) -> None:
    for what in which:
        print(f"  memory: {what}", file=sys.stderr)
        command = [sys.executable, "-m", "benchmarks.run", "--memory-child", what, str(corpus.json_file.parent.parent)]
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"the memory process for {what} failed:\n{done.stderr}")
        res.memory[what] = json.loads(done.stdout.strip().splitlines()[-1])
        if res.memory[what]["errors"]:
            raise AssertionError(f"{what} found {res.memory[what]['errors']} errors in a clean corpus")


# -- one N ----------------------------------------------------------------------------------------


def default_runs(n: int) -> int:
    return 5 if n <= 10_000 else 3 if n <= 100_000 else 1


def measure(corpus: Corpus, runs: int, memory: tuple[str, ...]) -> Results:
    res = Results(corpus.n, file_bytes=corpus.json_file.stat().st_size, runs=runs)
    res.heavy_runs = runs if corpus.n <= TARGET_N else 1
    old_limit = allow_file(corpus.json_file)
    if old_limit is not None:
        res.notes.append(
            f"`evidence.limits.max_file_bytes` raised from {old_limit / MIB:,.0f} MiB to "
            f"{evidence.limits.max_file_bytes / MIB:,.0f} MiB for this {res.file_bytes / MIB:,.0f} MiB file "
            "(in the memory processes too)."
        )
    steps: list[tuple[str, Callable[[], None]]] = [
        ("evidence load, dump, cite", lambda: measure_evidence(corpus, runs, res)),
        ("pydantic load, dump", lambda: measure_pydantic(corpus, runs, res)),
        ("msgspec load, dump", lambda: measure_msgspec(corpus, runs, res)),
        ("checks and jsonschema", lambda: measure_checks(corpus, res.heavy_runs, res)),
        ("peak memory", lambda: measure_memory(corpus, memory, res)),
    ]
    for label, step in steps:
        print(f"N = {corpus.n:,}: {label}", file=sys.stderr)
        step()
        gc.collect()
    return res


# -- the report -----------------------------------------------------------------------------------


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    align = ["---"] + ["---:"] * (len(header) - 1)
    return ["| " + " | ".join(row) + " |" for row in [header, align, *rows]]


def seconds(value: float | None) -> str:
    return "–" if value is None else f"{value:,.3f} s"


def ratio(top: float | None, bottom: float | None) -> str:
    return "–" if top is None or not bottom else f"{top / bottom:,.2f}"


def mib(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f} MiB"


def machine_line() -> str:
    model = platform.processor()
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            model = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), model)
    except OSError:
        pass
    versions = ", ".join(
        f"{name} {version}"
        for name, version in (
            ("evidence", evidence.__version__),
            ("pydantic", _version("pydantic")),
            ("msgspec", msgspec.__version__),
            ("jsonschema", _version("jsonschema")),
        )
    )
    return (
        f"Machine: {platform.python_implementation()} {platform.python_version()} on {platform.platform()}, "
        f"{os.cpu_count()} CPUs ({model or 'unknown processor'}); {versions}; {time.strftime('%Y-%m-%d')}."
    )


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


def section(res: Results, corpus: Corpus) -> list[str]:
    made = "reused" if corpus.generated_in is None else f"generated in {corpus.generated_in:,.1f} s"
    lines = [
        f"## N = {res.n:,} messages",
        "",
        f"{res.records:,} records; records.json is {res.file_bytes / MIB:,.1f} MiB (corpus {made}). "
        f"Median of {res.runs} run(s); checks and jsonschema: {res.heavy_runs}.",
        "",
    ]
    for part in (speed_table, check_table, memory_table, cite_table):
        lines += [*part(res), ""]
    lines += [f"Note: {note}" for note in res.notes]
    return [*lines, ""] if res.notes else lines


def speed_table(res: Results) -> list[str]:
    rows = []
    for task, got in (("load (read + parse + validate)", res.load), ("dump (canonical indented JSON)", res.dump)):
        ev, pyd, ms = (got.get(k) for k in LIBRARIES)
        rows.append([task, seconds(ev), seconds(pyd), seconds(ms), ratio(ev, pyd), ratio(ev, ms)])
    return table(["task", "evidence", "pydantic", "msgspec", "evidence ÷ pydantic", "evidence ÷ msgspec"], rows)


def check_table(res: Results) -> list[str]:
    labels = {
        "memory": "`evidence.check(json/, stream=False)`, all rules",
        "stream": "`evidence.check(jsonl/, stream=True)`",
        "jobs=2": "`evidence.check(shards/, jobs=2)`",
        "jsonschema": "jsonschema (read + `json.loads` + validate)",
    }
    load, schema = res.load["evidence"], res.check["jsonschema"]
    rows = [[labels[k], seconds(v), ratio(v, load), ratio(schema, v)] for k, v in res.check.items()]
    return table(["check (0 errors)", "seconds", "÷ evidence.load", "jsonschema ÷ this"], rows)


def cite_table(res: Results) -> list[str]:
    per_second = f"{res.cites / res.cite_seconds:,.0f}" if res.cite_seconds else "–"
    label = "`evidence.cite(m, records=rs)`, Bluebook"
    return table(
        ["citations", "messages", "seconds", "per second"],
        [[label, f"{res.cites:,}", seconds(res.cite_seconds), per_second]],
    )


def memory_table(res: Results) -> list[str]:
    labels = {
        "evidence": "`evidence.load`",
        "pydantic": "read + `pydantic_load`",
        "msgspec": "read + `msgspec_load`",
        "check-memory": "`evidence.check(json/, stream=False)`",
        "check-stream": "`evidence.check(jsonl/, stream=True)`",
    }
    base = res.memory.get("evidence", {}).get("growth")
    rows = []
    for what, label in labels.items():
        got = res.memory.get(what)
        if got is None:
            rows.append([label, "not measured", "–", "–"])
        else:
            rows.append([label, mib(got["growth"]), mib(got["peak"]), ratio(got["growth"], base)])
    return table(["peak memory, fresh process", "peak rise", "peak RSS", "÷ evidence.load rise"], rows)


@dataclass
class Target:
    name: str
    value: float | None  # None when a figure was not measured
    limit: float
    shown: str

    def line(self) -> list[str]:
        if self.value is None:
            return [self.name, self.shown, "not measured"]
        return [self.name, self.shown, "met" if self.value <= self.limit else "NOT met"]


def targets(all_results: dict[int, Results]) -> list[str]:
    at = TARGET_N if TARGET_N in all_results else max(all_results)
    res = all_results[at]
    where = f"N = {at:,}" + ("" if at == TARGET_N else f" (N = {TARGET_N:,} was not run; the largest N run)")
    ev, pyd = res.load["evidence"], res.load["pydantic"]
    check, schema = res.check["memory"], res.check["jsonschema"]
    mem = {k: res.memory.get(k, {}).get("growth") for k in LIBRARIES}
    rows = [
        Target("load ≤ 0.5 × pydantic", ev / pyd, 0.5, f"{ev:.3f} s vs {pyd:.3f} s: {ev / pyd:.2f} ×"),
        Target(
            "dump ≤ pydantic",
            res.dump["evidence"] / res.dump["pydantic"],
            1.0,
            f"{res.dump['evidence']:.3f} s vs {res.dump['pydantic']:.3f} s",
        ),
        Target("check ≤ 2 × own load", check / ev, 2.0, f"{check:.3f} s vs load {ev:.3f} s: {check / ev:.2f} ×"),
        Target(
            "check ≥ 5 × faster than jsonschema",
            5 * check / schema,
            1.0,
            f"{schema:.3f} s vs {check:.3f} s: {schema / check:.1f} × faster",
        ),
        memory_target("load peak memory ≤ pydantic's", mem["evidence"], mem["pydantic"], 1.0),
        memory_target("load peak memory ≤ 1.5 × msgspec's", mem["evidence"], mem["msgspec"], 1.5),
    ]
    if TARGET_N in all_results and 1_000_000 in all_results:
        small, big = all_results[TARGET_N], all_results[1_000_000]
        for task, small_s, big_s in (
            ("load", small.load["evidence"], big.load["evidence"]),
            ("check", small.check["memory"], big.check["memory"]),
        ):
            shown = f"{big_s:.2f} s vs {small_s:.3f} s: {big_s / small_s:.1f} ×"
            rows.append(Target(f"1M {task} ≤ 11 × 100k {task}", big_s / small_s, 11.0, shown))
    lines = ["## Targets", "", f"Judged at {where}.", ""]
    return lines + table(["target", "measured", "verdict"], [t.line() for t in rows]) + [""]


def memory_target(name: str, ours: float | None, theirs: float | None, factor: float) -> Target:
    if ours is None or theirs is None:
        return Target(name, None, factor, "not measured (--quick measures only evidence.load)")
    return Target(name, ours / theirs, factor, f"{ours:,.0f} MiB vs {theirs:,.0f} MiB: {ours / theirs:.2f} ×")


# -- the command ----------------------------------------------------------------------------------


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="N = 10,000 only, 3 runs, one memory process")
    parser.add_argument("--n", type=int, nargs="+", help="messages per corpus (default 10000 100000 1000000)")
    parser.add_argument("--runs", type=int, help="runs per timing (default 5 to 10k, 3 to 100k, 1 above)")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    parser.add_argument("--out", type=Path, help="folder for the corpora (default a temporary folder)")
    parser.add_argument("--markdown", type=Path, help="also write the report to this file")
    parser.add_argument("--memory-child", nargs=2, metavar=("WHAT", "CORPUS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.quick:
        args.n = args.n or [10_000]
        args.runs = args.runs or 3
    args.n = args.n or list(DEFAULT_NS)
    return args


def run_all(args: argparse.Namespace, out: Path) -> list[str]:
    lines = ["# evidence benchmarks", "", machine_line(), ""]
    all_results: dict[int, Results] = {}
    memory = ("evidence",) if args.quick else (*LOAD_CHILDREN, *CHECK_CHILDREN)
    for n in sorted(set(args.n)):
        print(f"N = {n:,}: corpus under {out}", file=sys.stderr)
        corpus = corpus_for(out, n, args.seed)
        old_limit = evidence.limits.max_file_bytes
        all_results[n] = measure(corpus, args.runs or default_runs(n), memory)
        evidence.limits.max_file_bytes = old_limit
        lines += section(all_results[n], corpus)
    return lines + targets(all_results)


def main() -> None:
    args = parse_args()
    if args.memory_child:
        what, folder = args.memory_child
        memory_child(what, Path(folder))
        return
    started = time.perf_counter()
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        lines = run_all(args, args.out)
    else:
        with tempfile.TemporaryDirectory(prefix="evidence-bench-") as temporary:
            lines = run_all(args, Path(temporary))
    text = "\n".join(lines)
    print(text)
    print(f"finished in {time.perf_counter() - started:,.1f} s", file=sys.stderr)
    if args.markdown is not None:
        args.markdown.write_text(text + "\n")


if __name__ == "__main__":
    main()

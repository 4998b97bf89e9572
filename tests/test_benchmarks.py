"""The benchmark corpus and harness work (their figures are for docs/performance.md, not tests)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import evidence as ev
from benchmarks.corpus import write_corpus
from benchmarks.rivals import jsonschema_validate, msgspec_load, pydantic_load
from tests.conftest import ROOT


def test_the_corpus_follows_from_its_seed_and_checks_clean(tmp_path: Path) -> None:
    first = write_corpus(tmp_path / "a", 400, seed=3, shards=2)
    second = write_corpus(tmp_path / "b", 400, seed=3, shards=2)
    raw = (first["json"] / "records.json").read_bytes()
    assert raw == (second["json"] / "records.json").read_bytes()
    records = ev.load(first["json"])
    assert len(records.messages) == 400 and len(records.claims) == 80 and len(records.sources) == 4
    assert ev.load(first["jsonl"]) == records == ev.load(first["shards"])
    assert all(len(link.quote.exact) > 20 for claim in records.claims for link in claim.evidence if link.quote)
    assert ev.check(first["json"]).findings == ()
    assert ev.dumps(records, "json") == raw  # written in canonical form
    # The rivals read the same file, and agree that it is valid.
    assert pydantic_load(raw) is not None and msgspec_load(raw) is not None
    assert jsonschema_validate(raw) == 0


def test_the_harness_prints_the_ratio_table(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "benchmarks.run", "--n", "300", "--runs", "1", "--out", str(tmp_path)]
    run = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False, timeout=300)
    assert run.returncode == 0, run.stderr
    for line in ("| load (read + parse + validate) |", "| dump (canonical indented JSON) |", "## Targets"):
        assert line in run.stdout


def test_the_comparison_runs_every_task_in_both_trees(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path, 100, seed=3, shards=2)["json"].parent
    command = [sys.executable, "-m", "benchmarks.compare", str(ROOT), str(ROOT), str(corpus), "--rounds", "1"]
    run = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False, timeout=300)
    assert run.returncode == 0, run.stderr
    rows = [line for line in run.stdout.splitlines() if line.startswith("| ") and " s |" in line]
    assert [row.split(" | ")[0][2:] for row in rows] == [
        "import evidence", "load json", "load jsonl", "dump json", "check in memory", "check streamed"
    ]  # fmt: skip


def test_the_pacer_benchmark_reports_entries_per_second_and_shares() -> None:
    pytest.importorskip(
        "juriscraper", reason="the PACER import benchmark parses HTML with juriscraper (evidence[pacer])"
    )
    command = [sys.executable, "-m", "benchmarks.pacer_import", "--entries", "200", "--runs", "1"]
    run = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False, timeout=300)
    assert run.returncode == 0, run.stderr
    rows = {line.split(" | ")[0][2:]: line.split(" | ") for line in run.stdout.splitlines() if line.startswith("| ")}
    assert rows["synthetic docket of 200 entries, HTML"][2] == "200"
    assert rows["vendored dockets, juriscraper's JSON"][5:] == ["0%", "100% |"]
    shares = rows["vendored dockets, HTML"][5:]
    assert int(shares[0].rstrip("%")) + int(shares[1].rstrip("% |")) == 100


def test_the_report_benchmark_times_a_report_against_a_check(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "benchmarks.report", "--n", "300", "--repeat", "1", "--out", str(tmp_path)]
    run = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False, timeout=300)
    assert run.returncode == 0, run.stderr
    header, _, row = run.stdout.strip().splitlines()
    assert header.startswith("| messages | files written | check (s) | report (s) | report / check | report --jobs 1")
    cells = row.strip("| ").split(" | ")
    assert cells[0] == "300" and len(cells) == header.count("|") - 1
    check, report, ratio = float(cells[2]), float(cells[3]), float(cells[4])
    assert (report - 0.05) / (check + 0.05) <= ratio <= (report + 0.05) / (check - 0.05)  # times shown to 0.1 s
    assert not any(tmp_path.iterdir())  # corpora and sites are removed once measured

"""Streamed checks (two passes over shards, in processes or on Dask) find what a loaded set's
check finds."""

from __future__ import annotations

import json
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import evidence as ev
from benchmarks.corpus import write_corpus
from evidence._io import files as _files

DATA = Path(__file__).parent / "data"
KADREY = Path(__file__).parent.parent / "examples" / "kadrey-v-meta"

# Records that break one rule each, appended to a generated set as one more shard.
FAULTS = [
    {"type": "message", "id": "bad-ref", "exhibit": "ex-999999", "text": "no such exhibit"},
    {
        "type": "message",
        "id": "late",
        "exhibit": "ex-000000",
        "sent": "2031-01-01T10:00:00Z",
        "text": "from the future",
    },
    {"type": "message", "id": "off-range", "exhibit": "ex-000000", "bates_page": "ACME_DOE_00099999"},
    {"type": "message", "id": "quoted", "text": "We must ship the model before the deadline, whatever it takes."},
    {"type": "exhibit", "id": "ex-twin", "filing": "ecf-100", "attachment": 1, "label": "Z"},
    {"type": "filing", "id": "ecf-early", "case": "doe-v-acme", "ecf": 1, "kind": "complaint", "filed": "2020-01-01"},
    {
        "type": "claim",
        "id": "claim-faults",
        "statement": "Quotes that do and do not hold.",
        "status": "found",
        "confidence": "confirmed",
        "evidence": [
            {"record": "news-00000", "quote": {"exact": "a sentence nobody ever wrote"}, "confidence": "unverified"},
            {"record": "quoted", "quote": {"exact": "ship the model before the deadline"}, "confidence": "unverified"},
            {"record": "quoted", "quote": {"exact": "e"}, "confidence": "unverified"},
            {"record": "bad-ref", "quote": {"exact": "anything"}, "confidence": "unverified"},
            {"record": "nowhere", "confidence": "unverified"},
        ],
    },
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated set of 600 messages in four shards, plus one shard of faults and an altered text."""
    folders = write_corpus(tmp_path_factory.mktemp("corpus"), 600, shards=4)
    shards = folders["shards"]
    lines = [json.dumps({"evidence": 1})] + [json.dumps(record) for record in FAULTS]
    (shards / "part-9999.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    text = shards / "texts" / "news-00001.txt"
    altered = text.read_text(encoding="utf-8").replace("model", "modem", 1)
    text.unlink()  # a hard link to the other folders' copy: replace, do not write through
    text.write_text(altered, encoding="utf-8")
    return shards


def _codes(report: ev.Report) -> set[str]:
    return {finding.code for finding in report.findings}


def test_the_faults_are_found(corpus: Path) -> None:
    report = ev.check(corpus, stream=False)
    assert {"R001", "T001", "L002", "L003", "T002", "L004", "L005", "Q001", "Q002", "I001"} <= _codes(report)


@pytest.mark.parametrize("batch", [20_000, 7])
def test_a_streamed_check_finds_the_same(corpus: Path, batch: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_files, "BATCH_LINES", batch)  # 7: many batches per shard
    assert ev.check(corpus, stream=True) == ev.check(corpus, stream=False)


def test_processes_find_the_same(corpus: Path) -> None:
    assert ev.check(corpus, jobs=2) == ev.check(corpus, stream=False)


def test_a_dask_cluster_finds_the_same(corpus: Path) -> None:
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    serial = ev.check(corpus, stream=False)
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        assert ev.check(corpus, dask_client=client) == serial


def test_ids_used_twice_across_shards_stop_the_check_as_loading_does(corpus: Path, tmp_path: Path) -> None:
    shards = tmp_path / "shards"
    shutil.copytree(corpus, shards)
    (shards / "part-9998.jsonl").write_text(
        '{"evidence": 1}\n{"type": "message", "id": "msg-0000003"}\n', encoding="utf-8"
    )
    serial = ev.check(shards, stream=False)
    assert _codes(serial) == {"R003"}
    assert ev.check(shards, stream=True) == serial
    assert ev.check(shards, jobs=2) == serial


@pytest.mark.parametrize(
    "path",
    [KADREY, *sorted((DATA / "invalid").iterdir()), *sorted((DATA / "bad").iterdir())],
    ids=lambda p: p.name,
)
def test_every_test_set_streams_to_the_same_findings(path: Path) -> None:
    assert ev.check(path, stream=True) == ev.check(path, stream=False)


def test_records_travel_between_processes(corpus: Path) -> None:
    records = list(ev.load(KADREY))
    assert pickle.loads(pickle.dumps(records)) == records


def test_the_command_line_runs_shards_in_processes(corpus: Path) -> None:
    def run(*options: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "evidence", "check", str(corpus), "--format", "json", *options]
        return subprocess.run(command, capture_output=True, text=True, check=False)

    serial, parallel = run("--no-stream"), run("--jobs", "2")
    assert serial.returncode == parallel.returncode == 1
    assert json.loads(parallel.stdout) == json.loads(serial.stdout)
    refused = run("--jobs", "0")
    assert refused.returncode == 2 and "--jobs takes a number of processes" in refused.stderr


def test_a_broken_shard_too_large_to_load_is_reported_line_by_line(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shards = tmp_path / "shards"
    shutil.copytree(corpus, shards)
    broken = shards / "part-0001.jsonl"
    lines = broken.read_bytes().split(b"\n")
    lines[5] = b'{"type": "message", "id": "m", "sent": "2023-02-30"}'
    lines[9] = b'{"type": "message", "id": "n\xff"}'
    broken.write_bytes(b"\n".join(lines))
    monkeypatch.setattr(_files, "BATCH_LINES", 4)
    monkeypatch.setattr(ev.limits, "max_file_bytes", 1000)  # every shard is "too large" to load whole
    report = ev.check(shards, stream=True)
    found = {(f.file, f.line, f.code): f.message for f in report.findings}
    assert ("S006" in {code for _, _, code in found}) and any(
        line == 10 and "invalid UTF-8 (byte 0xff)" in message for (_, line, _), message in found.items()
    ), found
    assert all(file == str(broken) for file, _, _ in found)  # not "the file is too large"

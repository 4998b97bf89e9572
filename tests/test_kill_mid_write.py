"""A command killed while it writes leaves every file whole: the old bytes or the new, never a
part. `evidence fmt` rewrites a large record file, and `evidence export` writes a new one, each
killed (SIGKILL, which no handler sees) at moments spread over its run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import evidence as ev

MOMENTS = 8  # kills spread over one run


def _big_unformatted(path: Path, n: int = 6_000) -> None:
    """A JSON record file of `n` made-up news pages, written on one line (not evidence's
    canonical form)."""
    sources = [
        {"id": f"page-{i}", "kind": "news_article", "title": f"Page {i}", "url": f"https://example.org/{i}"}
        for i in range(n)
    ]
    path.write_text(json.dumps({"evidence": 2, "sources": sources}, separators=(",", ":")), encoding="utf-8")


def _run_time(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "evidence", *args], capture_output=True, timeout=60, check=False)
    return time.perf_counter() - start


def _killed_at(args: list[str], after: float) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "evidence", *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    time.sleep(after)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)


def _moments(total: float) -> list[float]:
    return [total * (k + 1) / (MOMENTS + 1) for k in range(MOMENTS)]


def test_fmt_killed_at_any_moment_leaves_the_old_file_or_the_new(tmp_path: Path) -> None:
    original = tmp_path / "original.json"
    _big_unformatted(original)
    old = original.read_bytes()
    canonical = tmp_path / "canonical.json"
    canonical.write_bytes(old)
    total = _run_time(["fmt", str(canonical)])
    new = canonical.read_bytes()
    assert new != old  # the run does rewrite the file
    for moment in _moments(total):
        path = tmp_path / "records.json"
        path.write_bytes(old)
        _killed_at(["fmt", str(path)], moment)
        assert path.read_bytes() in (old, new), f"a partial file after a kill at {moment:.2f} s"
        assert len(ev.load(path)) == 6_000
        path.unlink()


def test_export_killed_at_any_moment_leaves_no_partial_output(tmp_path: Path) -> None:
    records = tmp_path / "records.json"
    _big_unformatted(records)
    out = tmp_path / "out.json"
    total = _run_time(["export", "--to", "csl-json", str(records), "-o", str(out)])
    whole = out.read_bytes()
    out.unlink()
    for moment in _moments(total):
        _killed_at(["export", "--to", "csl-json", str(records), "-o", str(out)], moment)
        if out.exists():
            assert out.read_bytes() == whole, f"a partial export after a kill at {moment:.2f} s"
            out.unlink()


def test_fmt_killed_while_it_writes_a_hard_linked_file_in_place_loses_nothing(tmp_path: Path) -> None:
    # A file with a second name is written in place (a rename would split the two names), after
    # a copy of it is written and read back: a kill may leave the file cut, never without that copy.
    original = tmp_path / "original.json"
    _big_unformatted(original)
    old = original.read_bytes()
    canonical = tmp_path / "canonical.json"
    canonical.write_bytes(old)
    total = _run_time(["fmt", str(canonical)])
    new = canonical.read_bytes()
    for moment in _moments(total):
        folder = tmp_path / f"at-{moment:.3f}"
        folder.mkdir()
        path, other = folder / "records.json", folder / "other-name.json"
        path.write_bytes(old)
        os.link(path, other)
        _killed_at(["fmt", str(path)], moment)
        assert os.path.samefile(path, other)
        copies = [p.read_bytes() for p in folder.glob(".records.json.*.was")]
        assert path.read_bytes() in (old, new) or old in copies, f"nothing whole after a kill at {moment:.2f} s"


def test_fmt_does_not_rewrite_a_file_beside_the_copy_an_interrupted_rewrite_kept(tmp_path: Path) -> None:
    path = tmp_path / "records.json"
    _big_unformatted(path, n=3)
    before = path.read_bytes()
    copy = tmp_path / ".records.json.x1y2.was"
    copy.write_bytes(before)
    done = subprocess.run(
        [sys.executable, "-m", "evidence", "fmt", str(path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert f"{path}: cannot be written: the copy an interrupted rewrite kept of it is beside it ({copy})" in done.stderr
    assert path.read_bytes() == before
    copy.unlink()
    assert (
        subprocess.run([sys.executable, "-m", "evidence", "fmt", str(path)], capture_output=True, timeout=60).returncode
        == 0
    )

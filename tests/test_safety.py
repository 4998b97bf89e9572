"""Safety: no network anywhere, and a write that fails midway leaves the old file intact."""

from __future__ import annotations

import importlib.util
import io
import os
import shutil
import socket
from pathlib import Path
from typing import Any

import pytest

import evidence as ev
from evidence._cli import main
from evidence._export import FORMATS, export, export_files
from tests.conftest import EXAMPLES

KADREY = EXAMPLES / "kadrey-v-meta"


def test_the_example_runs_with_sockets_disabled(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("the library tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    records = ev.load(KADREY)
    assert not ev.check(KADREY).errors
    for record in records:
        if not isinstance(record, (ev.Actor, ev.Court)):
            ev.cite(record, records=records)
    for name, fmt in FORMATS.items():
        if name == "prov-turtle" and importlib.util.find_spec("rdflib") is None:
            continue  # needs rdflib, an optional dependency
        if fmt.one_record is not None:  # a drawing of one record's trace
            export(records, name, record="claim-goal-gpt4")
        elif fmt.folder is None:
            export(records, name)
        else:
            export_files(records, name, tmp_path / name)
    for command in (["check", str(KADREY)], ["show", str(KADREY)], ["cite", str(KADREY), "--all"], ["schema"]):
        assert main(command) == 0
    capsys.readouterr()


class _Breaks(io.BufferedWriter):
    """A file that writes half of what it is given, then fails, as a full disk or a kill would."""

    def write(self, data: Any) -> int:
        super().write(bytes(data)[: len(data) // 2])
        self.flush()
        raise OSError(28, "No space left on device")


@pytest.mark.parametrize("suffix", ["yaml", "json", "jsonl"])
def test_a_write_that_fails_midway_leaves_the_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    path = tmp_path / f"records.{suffix}"
    records = ev.load(KADREY)
    ev.dump(records, path)
    before = path.read_bytes()
    real_fdopen = os.fdopen

    def breaking_fdopen(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if "w" in mode:
            return _Breaks(io.FileIO(fd, "w"))
        return real_fdopen(fd, mode, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", breaking_fdopen)
    smaller = ev.RecordSet(records.messages)
    with pytest.raises(OSError, match="No space left"):
        ev.dump(smaller, path)
    monkeypatch.undo()
    assert path.read_bytes() == before  # the old file, whole
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # the half-written temporary file is gone
    assert ev.load(path) == records


def test_fmt_that_fails_midway_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "messy.yaml"
    shutil.copy(KADREY / "actors.yaml", path)
    text = path.read_text().replace("kind: person", "kind:  person")  # valid, not canonical
    path.write_text(text)

    def fail(*_: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", fail)
    assert main(["fmt", str(path)]) == 2
    assert path.read_text() == text
    assert [p.name for p in tmp_path.iterdir()] == ["messy.yaml"]
    assert "Input/output error" in capsys.readouterr().err
